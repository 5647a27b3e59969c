/*
 * progress.c — progress events of long phases (see progress.h).
 */
#include "engine/progress.h"

const char *rn_phase_name(RnPhase phase)
{
    static const char *const names[RN_PHASES] = {"load", "build", "paths", "betweenness sample",
                                                 "communities", "write"};
    g_return_val_if_fail(phase < RN_PHASES, "?");
    return names[phase];
}

static void emit(const RnProgress *progress, const RnProgressEvent *event)
{
    if (progress && progress->func)
        progress->func(event, progress->user_data);
}

void rn_progress_step(const RnProgress *progress, RnPhase phase, guint64 done, guint64 total)
{
    RnProgressEvent e = {.phase = phase, .kind = RN_PROGRESS_STEP, .done = done, .total = total};
    emit(progress, &e);
}

void rn_progress_end(const RnProgress *progress, RnPhase phase, guint64 total)
{
    RnProgressEvent e = {.phase = phase, .kind = RN_PROGRESS_END, .done = total, .total = total};
    emit(progress, &e);
}

void rn_progress_estimate(const RnProgress *progress, RnPhase phase, guint64 total,
                          double seconds, guint threads)
{
    RnProgressEvent e = {.phase = phase, .kind = RN_PROGRESS_ESTIMATE, .total = total,
                         .estimated_seconds = seconds, .threads = threads};
    emit(progress, &e);
}
