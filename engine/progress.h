/*
 * progress.h — how long phases report their progress to whoever runs them.
 *
 * The library never prints: a phase calls rn_progress_report() with how much
 * of its work is done, and the caller's function (the CLI's progress line on
 * stderr, a server's status) decides what to show.  Every phase that can
 * last seconds on a large network reports: load, build, paths (the
 * shortest-path pass or the betweenness sample), communities, write.
 *
 * The function is called from the thread that started the phase only, so it
 * needs no locking; calls are frequent (up to once per unit of work) and
 * must be cheap: throttle in the function, not in the library.
 */
#ifndef REGNET_PROGRESS_H
#define REGNET_PROGRESS_H

#include <glib.h>

typedef enum {
    RN_PHASE_LOAD,
    RN_PHASE_BUILD,
    RN_PHASE_PATHS,
    RN_PHASE_SAMPLE,      /* sampled betweenness (--betweenness-sample) */
    RN_PHASE_COMMUNITIES,
    RN_PHASE_WRITE,
    RN_PHASES
} RnPhase;

typedef enum {
    RN_PROGRESS_STEP,     /* done of total units of work */
    RN_PROGRESS_ESTIMATE, /* before a phase: estimated_seconds of work, from a timed sample */
    RN_PROGRESS_END,      /* the phase finished */
} RnProgressKind;

typedef struct {
    RnPhase phase;
    RnProgressKind kind;
    guint64 done;              /* units done (STEP, END) */
    guint64 total;             /* units in the phase (0: unknown) */
    double estimated_seconds;  /* ESTIMATE: wall time the phase is expected to take */
    guint threads;             /* ESTIMATE: threads it will run on */
} RnProgressEvent;

typedef void (*RnProgressFunc)(const RnProgressEvent *event, gpointer user_data);

/* A progress receiver; func NULL (or the whole struct NULL) reports nothing. */
typedef struct {
    RnProgressFunc func;
    gpointer user_data;
} RnProgress;

/* "load", "build", "paths", "betweenness sample", "communities", "write". */
const char *rn_phase_name(RnPhase phase);

/* Calls progress->func with a STEP event (nothing when progress or its
 * func is NULL).  Time complexity: O(1) plus the function's. */
void rn_progress_step(const RnProgress *progress, RnPhase phase, guint64 done, guint64 total);

/* Calls progress->func with an END event.  Time complexity: O(1) plus the function's. */
void rn_progress_end(const RnProgress *progress, RnPhase phase, guint64 total);

/* Calls progress->func with an ESTIMATE event.  Time complexity: O(1) plus the function's. */
void rn_progress_estimate(const RnProgress *progress, RnPhase phase, guint64 total,
                          double seconds, guint threads);

#endif
