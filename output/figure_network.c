/*
 * figure_network.c — the network drawing (network.svg/.png) and the node,
 * edge and legend drawing it shares with the map (figure_map.c).
 *
 * Positions come from analyses/layout.h (Fruchterman-Reingold, seeded),
 * scaled into the plot area with its aspect kept.  Edges: grey, width and
 * opacity growing with weight, in eight weight classes each stroked as one
 * path (small SVG files for tens of thousands of ties), strongest on top.
 * Nodes: area proportional to the sizing metric, coloured by group, the
 * largest drawn last; the ten largest are labelled.
 */
#include <math.h>
#include <stdlib.h>

#include "output/figure_canvas.h"
#include "output/figure_graph.h"

#define EDGE_CLASSES 8

void rn_figure_edges(cairo_t *cr, const RnFigureGraph *g, const double *xy)
{
    g_return_if_fail(cr != NULL);
    g_return_if_fail(g != NULL);
    g_return_if_fail(g->n == 0 || xy != NULL);
    if (g->m == 0)
        return;
    cairo_save(cr);
    cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND);
    guint e = 0;
    for (guint c = 0; c < EDGE_CLASSES; c++) {
        /* class c: weight share in (c / classes, (c + 1) / classes] (sqrt scale) */
        double top = (c + 1.0) / EDGE_CLASSES;
        gboolean any = FALSE;
        for (; e < g->m; e++) {
            guint k = g->edge_order[e];
            double share = g->weight_max > 0 ? sqrt(g->weight[k] / g->weight_max) : 1.0;
            if (share > top + 1e-12 && c + 1 < EDGE_CLASSES)
                break;
            const double *a = xy + 2 * g->source[k], *b = xy + 2 * g->target[k];
            if (!isfinite(a[0]) || !isfinite(a[1]) || !isfinite(b[0]) || !isfinite(b[1]))
                continue;
            cairo_move_to(cr, a[0], a[1]);
            cairo_line_to(cr, b[0], b[1]);
            any = TRUE;
        }
        if (!any)
            continue;
        /* fainter when ties are many, so that the dense core stays readable */
        double faint = g->m > 20000 ? 0.35 : g->m > 5000 ? 0.6 : 1.0;
        cairo_set_source_rgba(cr, 0.25, 0.25, 0.3, faint * (0.10 + 0.55 * top));
        cairo_set_line_width(cr, 0.25 + 2.5 * top * top);
        cairo_stroke(cr);
    }
    cairo_restore(cr);
}

typedef struct {
    guint node;
    double size;
} BySize;

static int by_size(const void *a, const void *b)
{
    const BySize *x = a, *y = b;
    if (x->size != y->size)
        return x->size < y->size ? -1 : 1;
    return x->node < y->node ? -1 : x->node > y->node;
}

void rn_figure_nodes(cairo_t *cr, const RnFigureGraph *g, const double *xy, double min_r,
                     double max_r, guint labelled)
{
    g_return_if_fail(cr != NULL);
    g_return_if_fail(g != NULL);
    g_return_if_fail(g->n == 0 || xy != NULL);
    g_autofree BySize *order = g_new0(BySize, MAX(g->n, 1));
    guint n = 0;
    for (guint i = 0; i < g->n; i++)
        if (isfinite(xy[2 * i]) && isfinite(xy[2 * i + 1]))
            order[n++] = (BySize){i, isfinite(g->size[i]) ? g->size[i] : 0};
    qsort(order, n, sizeof(BySize), by_size);
    cairo_save(cr);
    cairo_set_line_width(cr, n > 2000 ? 0.2 : 0.5);
    for (guint k = 0; k < n; k++) {
        guint i = order[k].node;
        double r = rn_figure_radius(order[k].size, g->size_max, min_r, max_r);
        cairo_new_path(cr);
        cairo_arc(cr, xy[2 * i], xy[2 * i + 1], r, 0, 2 * G_PI);
        rn_figure_palette(cr, g->colour[i], 0.9);
        cairo_fill_preserve(cr);
        cairo_set_source_rgba(cr, 1, 1, 1, 0.9);
        cairo_stroke(cr);
    }
    /* labels of the largest, on a white halo */
    for (guint k = n; k > 0 && n - k < labelled; k--) {
        guint i = order[k - 1].node;
        if (!(order[k - 1].size > 0))
            break;
        double r = rn_figure_radius(order[k - 1].size, g->size_max, min_r, max_r);
        const char *label = g->labels[i];
        double w = fmin(rn_figure_text_width(cr, label, 8, FALSE), 160);
        double x = xy[2 * i] + r + 2, y = xy[2 * i + 1] - 5;
        cairo_set_source_rgba(cr, 1, 1, 1, 0.75);
        cairo_rectangle(cr, x - 1, y, w + 2, 11);
        cairo_fill(cr);
        cairo_set_source_rgb(cr, 0.1, 0.1, 0.1);
        rn_figure_text(cr, label, x, y, 8, FALSE, RN_ALIGN_LEFT, 160);
    }
    cairo_restore(cr);
}

double rn_figure_legend(cairo_t *cr, const RnFigureGraph *g, double x, double y, double width)
{
    g_return_val_if_fail(cr != NULL, 0.0);
    g_return_val_if_fail(g != NULL, 0.0);
    double y0 = y;
    cairo_set_source_rgb(cr, 0.1, 0.1, 0.1);
    if (g->colour_by) {
        g_autofree char *head = g_strdup_printf("Colour: %s", g->colour_by);
        y += rn_figure_text(cr, head, x, y, 9, TRUE, RN_ALIGN_LEFT, width) + 4;
    }
    guint entries = g->legend ? g->legend->len : 0;
    for (guint k = 0; k <= entries; k++) {
        if (k == entries && !g->legend_other)
            break;
        const char *label = k < entries ? g_ptr_array_index(g->legend, k) : "other";
        rn_figure_palette(cr, k < entries ? k : RN_PALETTE_SIZE, 0.9);
        cairo_arc(cr, x + 5, y + 6, 4.5, 0, 2 * G_PI);
        cairo_fill(cr);
        cairo_set_source_rgb(cr, 0.15, 0.15, 0.15);
        y += fmax(rn_figure_text(cr, label, x + 14, y, 8.5, FALSE, RN_ALIGN_LEFT, width - 14), 12);
    }
    y += 10;
    cairo_set_source_rgb(cr, 0.1, 0.1, 0.1);
    g_autofree char *size = g_strdup_printf("Size: %s", g->size_name);
    y += rn_figure_text(cr, size, x, y, 9, TRUE, RN_ALIGN_LEFT, width) + 2;
    y += rn_figure_paragraph(cr, "Lines: ties, wider and darker with weight", x, y, 8, width);
    return y - y0;
}

void rn_figure_network_draw(cairo_t *cr, double width, double height, gconstpointer data)
{
    g_return_if_fail(cr != NULL);
    g_return_if_fail(data != NULL);
    const RnFigureGraph *g = data;
    guint drawn = 0;
    for (guint i = 0; i < g->n; i++)
        drawn += isfinite(g->layout[2 * i]);
    g_autofree char *title =
        drawn == g->n ? g_strdup_printf("Network (%u nodes, %u ties)", g->n, g->m)
                      : g_strdup_printf("Network: largest component, %u of %u nodes", drawn, g->n);
    rn_figure_frame(cr, width, height, title, g->title, g->note);
    double legend = 200, top = RN_FIGURE_TOP, bottom = 34, side = 20;
    double pw = width - legend - 2 * side, ph = height - top - bottom;
    double s = fmin(pw, ph);
    double ox = side + (pw - s) / 2, oy = top + (ph - s) / 2;
    double max_r = g->n > 1000 ? 9 : g->n > 200 ? 14 : 20, min_r = g->n > 1000 ? 0.8 : 2;
    g_autofree double *xy = g_new(double, 2 * (gsize)MAX(g->n, 1));
    for (guint i = 0; i < g->n; i++) {
        /* NAN (a node outside the largest component) stays NAN: not drawn */
        xy[2 * i] = ox + max_r + (s - 2 * max_r) * g->layout[2 * i];
        xy[2 * i + 1] = oy + max_r + (s - 2 * max_r) * (1.0 - g->layout[2 * i + 1]);
    }
    rn_figure_edges(cr, g, xy);
    rn_figure_nodes(cr, g, xy, min_r, max_r, 10);
    rn_figure_legend(cr, g, width - legend, top, legend - 16);
    cairo_set_source_rgb(cr, 0.4, 0.4, 0.4);
    rn_figure_paragraph(cr, "Layout: Fruchterman-Reingold (igraph), seed in figures.json",
                        width - legend, height - bottom - 24, 7.5, legend - 16);
}
