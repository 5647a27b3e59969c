/*
 * progress_line.h — the command line's progress line on stderr, fed by the
 * library's progress events (engine/progress.h) and by the CLI's own phase
 * boundaries (load, write).  Shared by every command and phase: a phase
 * that lasts over 2 s gets a line "regnet: PHASE 45% (done/total), 1m02s
 * elapsed, about 1m15s left", redrawn in place on a terminal, or printed
 * every 10 s otherwise (--progress).  Also prints a pre-run estimate over
 * 60 s with the options that avoid the work.
 */
#ifndef REGNET_PROGRESS_LINE_H
#define REGNET_PROGRESS_LINE_H

#include <stdio.h>

#include "engine/progress.h"

typedef struct RnProgressLine RnProgressLine;

/*
 * A progress line on stream.  show: draw progress lines (a terminal or
 * --progress, and not --quiet); terminal: redraw in place; estimates: print
 * pre-run estimates over 60 s (not --quiet).  A ticker thread redraws the
 * line twice a second, so phases that report no units still show their
 * elapsed time.  Free with rn_progress_line_free().
 */
RnProgressLine *rn_progress_line_new(FILE *stream, gboolean show, gboolean terminal,
                                     gboolean estimates);
void rn_progress_line_free(RnProgressLine *line);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(RnProgressLine, rn_progress_line_free)

/* The receiver to hand to the library (user_data is line). */
RnProgress rn_progress_line_receiver(RnProgressLine *line);

/* Starts and ends a phase the CLI runs itself (units unknown). */
void rn_progress_line_begin(RnProgressLine *line, RnPhase phase);
void rn_progress_line_end(RnProgressLine *line, RnPhase phase);

/* Ends a line left open on a terminal, so that a message printed next
 * (an error) starts on a line of its own. */
void rn_progress_line_interrupt(RnProgressLine *line);

/* Wall seconds the phase took the last time it ended (0 if it never ran). */
double rn_progress_line_seconds(const RnProgressLine *line, RnPhase phase);

#endif
