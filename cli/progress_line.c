/*
 * progress_line.c — the progress line on stderr (see progress_line.h).
 */
#include "cli/progress_line.h"

#include <math.h>

#define SHOW_AFTER 2.0       /* seconds before a phase gets a line */
#define ESTIMATE_AFTER 60.0  /* seconds of estimated work worth a warning */
#define PLAIN_EVERY 10.0     /* seconds between lines when not a terminal */
#define TICK_USEC 500000

struct RnProgressLine {
    FILE *stream;
    gboolean show, terminal, estimates;
    GMutex lock;
    GCond stop_cond;
    gboolean stopping;
    GThread *ticker;
    GTimer *clock;
    gboolean active;            /* a phase is running */
    RnPhase phase;
    double started;             /* clock time the phase began */
    guint64 done, total;
    double last_drawn;          /* clock time of the last line, -inf for none */
    gboolean drawn;             /* a line of this phase is on the screen */
    double seconds[RN_PHASES];
};

/* "45 s", "3m07s", "1h02m" */
static void duration(double seconds, char *text, gsize size)
{
    guint64 s = (guint64)(seconds + 0.5);
    if (s < 60)
        g_snprintf(text, size, "%" G_GUINT64_FORMAT " s", s);
    else if (s < 3600)
        g_snprintf(text, size, "%" G_GUINT64_FORMAT "m%02" G_GUINT64_FORMAT "s", s / 60, s % 60);
    else
        g_snprintf(text, size, "%" G_GUINT64_FORMAT "h%02" G_GUINT64_FORMAT "m", s / 3600,
                   s / 60 % 60);
}

/* Draws the current phase's line; called with the lock held. */
static void draw(RnProgressLine *line, double now)
{
    double elapsed = now - line->started;
    if (!line->show || !line->active || elapsed < SHOW_AFTER)
        return;
    if (!line->terminal && now - line->last_drawn < PLAIN_EVERY)
        return;
    char spent[32], left[32];
    duration(elapsed, spent, sizeof spent);
    GString *text = g_string_new(NULL);
    g_string_append_printf(text, "regnet: %s", rn_phase_name(line->phase));
    if (line->total > 0) {
        double share = (double)line->done / (double)line->total;
        g_string_append_printf(text, " %.1f%% (%" G_GUINT64_FORMAT "/%" G_GUINT64_FORMAT "), ",
                               100.0 * share, line->done, line->total);
        g_string_append_printf(text, "%s elapsed", spent);
        if (line->done > 0 && line->done < line->total) {
            duration(elapsed * (1.0 - share) / share, left, sizeof left);
            g_string_append_printf(text, ", about %s left", left);
        }
    } else {
        g_string_append_printf(text, ", %s elapsed", spent);
    }
    if (line->terminal)
        fprintf(line->stream, "\r%s\033[K", text->str);
    else
        fprintf(line->stream, "%s\n", text->str);
    fflush(line->stream);
    g_string_free(text, TRUE);
    line->drawn = TRUE;
    line->last_drawn = now;
}

static gpointer tick(gpointer data)
{
    RnProgressLine *line = data;
    g_mutex_lock(&line->lock);
    while (!line->stopping) {
        gint64 until = g_get_monotonic_time() + TICK_USEC;
        g_cond_wait_until(&line->stop_cond, &line->lock, until);
        if (!line->stopping)
            draw(line, g_timer_elapsed(line->clock, NULL));
    }
    g_mutex_unlock(&line->lock);
    return NULL;
}

RnProgressLine *rn_progress_line_new(FILE *stream, gboolean show, gboolean terminal,
                                     gboolean estimates)
{
    RnProgressLine *line = g_new0(RnProgressLine, 1);
    line->stream = stream;
    line->show = show;
    line->terminal = terminal;
    line->estimates = estimates;
    line->clock = g_timer_new();
    line->last_drawn = -INFINITY;
    g_mutex_init(&line->lock);
    g_cond_init(&line->stop_cond);
    if (show)
        line->ticker = g_thread_new("regnet-progress", tick, line);
    return line;
}

/* Ends the phase; called with the lock held. */
static void finish(RnProgressLine *line, RnPhase phase)
{
    if (!line->active || line->phase != phase)
        return;
    double now = g_timer_elapsed(line->clock, NULL);
    line->seconds[phase] = now - line->started;
    if (line->drawn) {
        char spent[32];
        duration(now - line->started, spent, sizeof spent);
        fprintf(line->stream, "%sregnet: %s done in %s%s\n", line->terminal ? "\r" : "",
                rn_phase_name(phase), spent, line->terminal ? "\033[K" : "");
        fflush(line->stream);
    }
    line->active = FALSE;
    line->drawn = FALSE;
}

static void start(RnProgressLine *line, RnPhase phase)
{
    finish(line, line->phase);
    line->active = TRUE;
    line->phase = phase;
    line->started = g_timer_elapsed(line->clock, NULL);
    line->done = line->total = 0;
    line->last_drawn = -INFINITY;
    line->drawn = FALSE;
}

static void receive(const RnProgressEvent *event, gpointer data)
{
    RnProgressLine *line = data;
    g_mutex_lock(&line->lock);
    switch (event->kind) {
    case RN_PROGRESS_ESTIMATE:
        if (line->estimates && event->estimated_seconds > ESTIMATE_AFTER) {
            char text[32];
            duration(event->estimated_seconds, text, sizeof text);
            fprintf(line->stream,
                    "regnet: the %s pass over %" G_GUINT64_FORMAT " sources should take about %s "
                    "on %u threads (estimated from a timed sample); to avoid it, leave the path "
                    "centralities out (--metrics degree,strength,eigenvector,pagerank) or sample "
                    "betweenness (--betweenness-sample 0.01,0.1 --metrics "
                    "degree,strength,betweenness,eigenvector,pagerank)\n",
                    event->phase == RN_PHASE_PATHS ? "shortest-path" : rn_phase_name(event->phase),
                    event->total, text, event->threads);
            fflush(line->stream);
        }
        break;
    case RN_PROGRESS_STEP:
        if (!line->active || line->phase != event->phase)
            start(line, event->phase);
        line->done = event->done;
        line->total = event->total;
        break;
    case RN_PROGRESS_END:
        if (!line->active || line->phase != event->phase)
            start(line, event->phase);
        finish(line, event->phase);
        break;
    }
    g_mutex_unlock(&line->lock);
}

RnProgress rn_progress_line_receiver(RnProgressLine *line)
{
    return (RnProgress){.func = receive, .user_data = line};
}

void rn_progress_line_begin(RnProgressLine *line, RnPhase phase)
{
    g_mutex_lock(&line->lock);
    start(line, phase);
    g_mutex_unlock(&line->lock);
}

void rn_progress_line_end(RnProgressLine *line, RnPhase phase)
{
    g_mutex_lock(&line->lock);
    finish(line, phase);
    g_mutex_unlock(&line->lock);
}

double rn_progress_line_seconds(const RnProgressLine *line, RnPhase phase)
{
    return line->seconds[phase];
}

void rn_progress_line_free(RnProgressLine *line)
{
    if (!line)
        return;
    g_mutex_lock(&line->lock);
    finish(line, line->phase);
    line->stopping = TRUE;
    g_cond_signal(&line->stop_cond);
    g_mutex_unlock(&line->lock);
    if (line->ticker)
        g_thread_join(line->ticker);
    g_mutex_clear(&line->lock);
    g_cond_clear(&line->stop_cond);
    g_timer_destroy(line->clock);
    g_free(line);
}

void rn_progress_line_interrupt(RnProgressLine *line)
{
    g_return_if_fail(line != NULL);
    if (line->drawn && line->terminal) {
        fputc('\n', line->stream);
        fflush(line->stream);
    }
    line->drawn = FALSE;
}
