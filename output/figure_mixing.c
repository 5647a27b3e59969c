/*
 * figure_mixing.c — heat map of the mixing matrix of a --group analysis
 * (analyses.mixing.ties: ties between nodes of group a and group b;
 * mixing.svg/.png).
 *
 * Colour: white to dark blue on log(1 + ties) / log(1 + largest count), so
 * that the few large diagonal cells do not wash out the rest; counts are
 * written in the cells when they fit.  Rows and columns in the report's
 * group order.
 */
#include <math.h>

#include "output/figure_canvas.h"
#include "output/figure_graph.h"

#define LABELS 150.0
#define TOP RN_FIGURE_TOP

static double cell_size(guint G)
{
    return G ? fmin(28.0, fmax(9.0, 640.0 / G)) : 28.0;
}

static const char *group_label(const RnFigureGraph *g, guint a);

/* Height of the rotated column labels: the longest label, at most LABELS. */
static double column_labels(const RnFigureGraph *g)
{
    cairo_surface_t *surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, 1, 1);
    cairo_t *cr = cairo_create(surface);
    double font = fmin(9.0, cell_size(g->G) * 0.7), longest = 0;
    for (guint a = 0; a < g->G; a++)
        longest = fmax(longest, rn_figure_text_width(cr, group_label(g, a), font, FALSE));
    cairo_destroy(cr);
    cairo_surface_destroy(surface);
    return fmin(LABELS, longest + 12);
}

void rn_figure_mixing_size(const RnFigureGraph *g, double *width, double *height)
{
    g_return_if_fail(g != NULL);
    g_return_if_fail(width != NULL);
    g_return_if_fail(height != NULL);
    double c = cell_size(g->G);
    *width = fmax(16 + LABELS + g->G * c + 110, 560);
    *height = TOP + column_labels(g) + g->G * c + 44;
}

static const char *group_label(const RnFigureGraph *g, guint a)
{
    return *g->group_labels[a] ? g->group_labels[a] : "(none)";
}

void rn_figure_mixing_draw(cairo_t *cr, double width, double height, gconstpointer data)
{
    g_return_if_fail(cr != NULL);
    g_return_if_fail(data != NULL);
    const RnFigureGraph *g = data;
    guint G = g->G;
    double c = cell_size(G);
    double max = 0;
    for (gsize k = 0; k < (gsize)G * G; k++)
        max = fmax(max, g->ties[k]);
    g_autofree char *title = g_strdup_printf("Ties between %s groups (mixing matrix)",
                                             g->grouping ? g->grouping : "");
    rn_figure_frame(cr, width, height, title, g->title, g->note);
    double x0 = 16 + LABELS, y0 = TOP + column_labels(g);
    double font = fmin(9.0, c * 0.7);
    for (guint a = 0; a < G; a++) {
        cairo_set_source_rgb(cr, 0.15, 0.15, 0.15);
        /* row label, right-aligned left of the row */
        rn_figure_text(cr, group_label(g, a), x0 - 6, y0 + a * c + (c - font * 1.2) / 2, font,
                       FALSE, RN_ALIGN_RIGHT, LABELS - 10);
        /* column label, rotated, above the column */
        cairo_save(cr);
        cairo_translate(cr, x0 + a * c + (c - font * 1.2) / 2, y0 - 6);
        cairo_rotate(cr, -G_PI / 2);
        rn_figure_text(cr, group_label(g, a), 0, 0, font, FALSE, RN_ALIGN_LEFT, LABELS - 10);
        cairo_restore(cr);
        for (guint b = 0; b < G; b++) {
            double v = g->ties[(gsize)a * G + b];
            double t = max > 0 ? log1p(v) / log1p(max) : 0;
            rn_figure_sequential(cr, t);
            cairo_rectangle(cr, x0 + b * c, y0 + a * c, c, c);
            cairo_fill(cr);
            if (c >= 16 && v > 0) {
                char text[32];
                g_snprintf(text, sizeof text, "%.0f", v);
                if (rn_figure_text_width(cr, text, font * 0.9, FALSE) < c - 2) {
                    if (t > 0.55)
                        cairo_set_source_rgb(cr, 1, 1, 1);
                    else
                        cairo_set_source_rgb(cr, 0.1, 0.1, 0.1);
                    rn_figure_text(cr, text, x0 + b * c + c / 2, y0 + a * c + (c - font * 1.1) / 2,
                                   font * 0.9, FALSE, RN_ALIGN_CENTER, 0);
                }
            }
        }
    }
    /* grid */
    cairo_set_source_rgba(cr, 0.5, 0.5, 0.5, 0.5);
    cairo_set_line_width(cr, 0.4);
    for (guint k = 0; k <= G; k++) {
        cairo_move_to(cr, x0 + k * c, y0);
        cairo_line_to(cr, x0 + k * c, y0 + G * c);
        cairo_move_to(cr, x0, y0 + k * c);
        cairo_line_to(cr, x0 + G * c, y0 + k * c);
    }
    cairo_stroke(cr);
    /* colour key */
    double kx = x0 + G * c + 24, ky = y0, kh = fmin(200, fmax(G * c, 80));
    for (int s = 0; s < 50; s++) {
        rn_figure_sequential(cr, 1.0 - s / 49.0);
        cairo_rectangle(cr, kx, ky + kh * s / 50.0, 12, kh / 50.0 + 0.5);
        cairo_fill(cr);
    }
    cairo_set_source_rgb(cr, 0.15, 0.15, 0.15);
    char text[32];
    g_snprintf(text, sizeof text, "%.0f", max);
    rn_figure_text(cr, text, kx + 16, ky - 4, 8, FALSE, RN_ALIGN_LEFT, 0);
    rn_figure_text(cr, "0", kx + 16, ky + kh - 8, 8, FALSE, RN_ALIGN_LEFT, 0);
    rn_figure_text(cr, "ties (log scale)", kx, ky + kh + 6, 8, FALSE, RN_ALIGN_LEFT, 0);
}
