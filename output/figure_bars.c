/*
 * figure_bars.c — top-N bar chart of one centrality (bars-METRIC.svg/.png).
 *
 * The N nodes with the highest value (ties: the report's node order, which
 * is id order), largest first, one horizontal bar each from 0, coloured
 * like the node in the other figures, label on the left ("name (NUTS code)",
 * "name (country)" for an organisation), value on the right (4 significant
 * digits).
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "output/figure_canvas.h"
#include "output/figure_graph.h"

#define BAR_HEIGHT 16.0
#define TOP_MARGIN (RN_FIGURE_TOP + 4)
#define BOTTOM_MARGIN 48.0
#define LABEL_WIDTH 250.0
#define VALUE_WIDTH 70.0

typedef struct {
    guint node;
    double value;
} Ranked;

static int by_value(const void *a, const void *b)
{
    const Ranked *x = a, *y = b;
    if (x->value != y->value)
        return x->value > y->value ? -1 : 1;
    return x->node < y->node ? -1 : x->node > y->node;
}

/* The top nodes of f; *n_out of them.  Caller frees. */
static Ranked *ranked(const RnBarsFigure *f, guint *n_out)
{
    const RnFigureGraph *g = f->graph;
    Ranked *r = g_new0(Ranked, MAX(g->n, 1));
    guint n = 0;
    for (guint i = 0; i < g->n; i++) {
        const cJSON *v = cJSON_GetObjectItemCaseSensitive(g->metrics[i], f->metric);
        if (cJSON_IsNumber(v) && isfinite(v->valuedouble))
            r[n++] = (Ranked){i, v->valuedouble};
    }
    qsort(r, n, sizeof(Ranked), by_value);
    *n_out = MIN(n, f->top);
    return r;
}

void rn_figure_bars_size(const RnBarsFigure *f, double *width, double *height)
{
    g_return_if_fail(f != NULL);
    g_return_if_fail(width != NULL);
    g_return_if_fail(height != NULL);
    guint n = MIN(f->graph->n, f->top);
    *width = 720;
    *height = TOP_MARGIN + MAX(n, 1) * BAR_HEIGHT + BOTTOM_MARGIN + 10;
}

void rn_figure_bars_draw(cairo_t *cr, double width, double height, gconstpointer data)
{
    g_return_if_fail(cr != NULL);
    g_return_if_fail(data != NULL);
    const RnBarsFigure *f = data;
    const RnFigureGraph *g = f->graph;
    guint n;
    g_autofree Ranked *r = ranked(f, &n);
    g_autofree char *title = g_strdup_printf("Top %u by %s", f->top, f->metric);
    rn_figure_frame(cr, width, height, title, g->title, g->note);
    double x0 = 16 + LABEL_WIDTH + 8, x1 = width - 16 - VALUE_WIDTH;
    double max = n ? fmax(r[0].value, 0) : 0;
    for (guint k = 0; k < n; k++) {
        guint i = r[k].node;
        double y = TOP_MARGIN + k * BAR_HEIGHT;
        cairo_set_source_rgb(cr, 0.15, 0.15, 0.15);
        /* "label (code)"; an organisation key "CC|folded name" gives its country */
        const char *bar = strchr(g->ids[i], '|');
        g_autofree char *code = bar ? g_strndup(g->ids[i], bar - g->ids[i]) : g_strdup(g->ids[i]);
        g_autofree char *label = g_strcmp0(g->labels[i], g->ids[i]) == 0
                                     ? g_strdup(g->ids[i])
                                     : g_strdup_printf("%s (%s)", g->labels[i], code);
        rn_figure_text(cr, label, x0 - 8, y + 2, 9, FALSE, RN_ALIGN_RIGHT, LABEL_WIDTH);
        double w = max > 0 ? (x1 - x0) * fmax(r[k].value, 0) / max : 0;
        rn_figure_palette(cr, g->colour ? g->colour[i] : 0, 1.0);
        cairo_rectangle(cr, x0, y + 2, w, BAR_HEIGHT - 4);
        cairo_fill(cr);
        char value[32];
        g_snprintf(value, sizeof value, "%.4g", r[k].value);
        cairo_set_source_rgb(cr, 0.15, 0.15, 0.15);
        rn_figure_text(cr, value, x0 + w + 4, y + 2, 9, FALSE, RN_ALIGN_LEFT, 0);
    }
    if (n == 0) {
        cairo_set_source_rgb(cr, 0.4, 0.4, 0.4);
        rn_figure_text(cr, "no node has a value", x0, TOP_MARGIN, 10, FALSE, RN_ALIGN_LEFT, 0);
    }
    /* the colours of the chart's bars, in order of first appearance */
    if (g->colour_by && n > 0) {
        double x = x0, y = TOP_MARGIN + n * BAR_HEIGHT + 8;
        cairo_set_source_rgb(cr, 0.3, 0.3, 0.3);
        g_autofree char *head = g_strdup_printf("Colour: %s", g->colour_by);
        rn_figure_text(cr, head, 16, y, 8, TRUE, RN_ALIGN_LEFT, 0);
        gboolean seen[RN_PALETTE_SIZE + 1] = {FALSE};
        for (guint k = 0; k < n; k++) {
            guint c = g->colour[r[k].node];
            if (seen[c])
                continue;
            seen[c] = TRUE;
            const char *label = c < g->legend->len ? g_ptr_array_index(g->legend, c) : "other";
            double w = rn_figure_text_width(cr, label, 8, FALSE);
            if (x + 12 + w > width - 16)
                break;
            rn_figure_palette(cr, c, 1.0);
            cairo_rectangle(cr, x, y + 2, 8, 8);
            cairo_fill(cr);
            cairo_set_source_rgb(cr, 0.3, 0.3, 0.3);
            rn_figure_text(cr, label, x + 11, y, 8, FALSE, RN_ALIGN_LEFT, 0);
            x += 11 + w + 10;
        }
    }
    /* the axis at 0 */
    cairo_set_source_rgb(cr, 0.3, 0.3, 0.3);
    cairo_set_line_width(cr, 0.8);
    cairo_move_to(cr, x0, TOP_MARGIN);
    cairo_line_to(cr, x0, TOP_MARGIN + MAX(n, 1) * BAR_HEIGHT);
    cairo_stroke(cr);
}
