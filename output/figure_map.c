/*
 * figure_map.c — the map of a region or country network (map.svg/.png):
 * nodes at their label points (nodes[].lon/lat, docs/maps.md), sized by the
 * sizing metric and coloured by group, ties as straight lines, over the
 * country outlines compiled into the program (data/map/countries.tsv:
 * Natural Earth 1:50m via world-atlas, public domain).
 *
 * Projection: Lambert azimuthal equal-area centred at 10°E 52°N, the
 * projection of Eurostat's maps (EPSG:3035), on the sphere.  Extent: the
 * located nodes' box with a margin of 6%, aspect kept; outlines are clipped
 * to it.  Nodes without a point are left out and counted in the note.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <gio/gio.h>

#include "output/figure_canvas.h"
#include "output/figure_graph.h"
#include "regnet_resources.h"

#define OUTLINES_PATH "/regnet/map/countries.tsv"
#define LON0 (10.0 * G_PI / 180.0)
#define LAT0 (52.0 * G_PI / 180.0)
/* Europe's core (degrees): the frame fits the nodes inside this box. */
#define CORE_WEST -25.0
#define CORE_EAST 45.0
#define CORE_SOUTH 34.0
#define CORE_NORTH 72.0

/* Nodes outside Europe's core box are drawn but fall outside the frame. */

/* Projects (lon, lat) degrees to unit-sphere LAEA (x east, y north). */
static void project(double lon, double lat, double *x, double *y)
{
    double l = lon * G_PI / 180.0 - LON0, p = lat * G_PI / 180.0;
    double d = 1.0 + sin(LAT0) * sin(p) + cos(LAT0) * cos(p) * cos(l);
    double k = d > 1e-9 ? sqrt(2.0 / d) : 0;
    *x = k * cos(p) * sin(l);
    *y = k * (cos(LAT0) * sin(p) - sin(LAT0) * cos(p) * cos(l));
}

/* One ring of an outline: n points, lon/lat pairs. */
typedef struct {
    guint n;
    double *points;
} Ring;

static void ring_free(gpointer p)
{
    Ring *r = p;
    g_free(r->points);
    g_free(r);
}

/* The outline rings, parsed once.  A table that fails to parse is a build
 * defect: reported with g_critical, its bad lines skipped. */
static gpointer load_outlines(gpointer unused)
{
    (void)unused;
    GPtrArray *rings = g_ptr_array_new_with_free_func(ring_free);
    g_autoptr(GError) error = NULL;
    g_autoptr(GBytes) bytes = g_resource_lookup_data(rn_get_resource(), OUTLINES_PATH,
                                                     G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
    if (!bytes) {
        g_critical("%s: %s", OUTLINES_PATH, error->message);
        return rings;
    }
    gsize length;
    const char *data = g_bytes_get_data(bytes, &length);
    g_autofree char *text = g_strndup(data, length);
    g_auto(GStrv) lines = g_strsplit(text, "\n", -1);
    for (guint k = 0; lines[k]; k++) {
        if (!*lines[k] || lines[k][0] == '#')
            continue;
        const char *coords = strrchr(lines[k], '\t');
        if (!coords) {
            g_critical("%s:%u: expected NAME<TAB>POLYGON<TAB>points", OUTLINES_PATH, k + 1);
            continue;
        }
        g_auto(GStrv) pairs = g_strsplit(coords + 1, " ", -1);
        Ring *r = g_new0(Ring, 1);
        r->points = g_new(double, 2 * (gsize)g_strv_length(pairs) + 2);
        for (guint p = 0; pairs[p]; p++) {
            char *end;
            double lon = g_ascii_strtod(pairs[p], &end);
            if (*end != ',')
                continue;
            double lat = g_ascii_strtod(end + 1, NULL);
            r->points[2 * r->n] = lon;
            r->points[2 * r->n + 1] = lat;
            r->n++;
        }
        g_ptr_array_add(rings, r);
    }
    return rings;
}

static const GPtrArray *outlines(void)
{
    static GOnce once = G_ONCE_INIT;
    return g_once(&once, load_outlines, NULL);
}

void rn_figure_map_draw(cairo_t *cr, double width, double height, gconstpointer data)
{
    g_return_if_fail(cr != NULL);
    g_return_if_fail(data != NULL);
    const RnFigureGraph *g = data;
    g_autofree char *title = g_strdup_printf("Map (%u nodes, %u ties)", g->n, g->m);
    rn_figure_frame(cr, width, height, title, g->title, g->note);
    double legend = 200, top = RN_FIGURE_TOP, bottom = 34, side = 16;
    double pw = width - legend - 2 * side, ph = height - top - bottom;
    /* projected node points and their box */
    g_autofree double *xy = g_new(double, 2 * (gsize)MAX(g->n, 1));
    double x_lo = INFINITY, x_hi = -INFINITY, y_lo = INFINITY, y_hi = -INFINITY;
    guint outside = 0;
    for (guint i = 0; i < g->n; i++) {
        if (!isfinite(g->lon[i]) || !isfinite(g->lat[i])) {
            xy[2 * i] = xy[2 * i + 1] = NAN;
            continue;
        }
        project(g->lon[i], g->lat[i], &xy[2 * i], &xy[2 * i + 1]);
        /* the frame holds Europe's core; outermost regions (Azores, Canaries,
         * French overseas departments) stay outside it, counted in the note */
        if (g->lon[i] < CORE_WEST || g->lon[i] > CORE_EAST || g->lat[i] < CORE_SOUTH ||
            g->lat[i] > CORE_NORTH) {
            outside++;
            continue;
        }
        x_lo = fmin(x_lo, xy[2 * i]);
        x_hi = fmax(x_hi, xy[2 * i]);
        y_lo = fmin(y_lo, xy[2 * i + 1]);
        y_hi = fmax(y_hi, xy[2 * i + 1]);
    }
    if (!isfinite(x_lo)) /* every point outside the core: frame them all */
        for (guint i = 0; i < g->n; i++) {
            if (!isfinite(xy[2 * i]))
                continue;
            x_lo = fmin(x_lo, xy[2 * i]);
            x_hi = fmax(x_hi, xy[2 * i]);
            y_lo = fmin(y_lo, xy[2 * i + 1]);
            y_hi = fmax(y_hi, xy[2 * i + 1]);
            outside = 0;
        }
    double span = fmax(fmax(x_hi - x_lo, y_hi - y_lo), 0.05);
    double margin = 0.06 * span;
    x_lo -= margin, x_hi += margin, y_lo -= margin, y_hi += margin;
    double scale = fmin(pw / (x_hi - x_lo), ph / (y_hi - y_lo));
    double ox = side + (pw - scale * (x_hi - x_lo)) / 2, oy = top + (ph - scale * (y_hi - y_lo)) / 2;
    /* map frame and sea */
    double fx = ox, fy = oy, fw = scale * (x_hi - x_lo), fh = scale * (y_hi - y_lo);
    cairo_save(cr);
    cairo_rectangle(cr, fx, fy, fw, fh);
    cairo_set_source_rgb(cr, 0.93, 0.96, 0.98);
    cairo_fill_preserve(cr);
    cairo_clip(cr);
    /* outlines */
    const GPtrArray *rings = outlines();
    cairo_set_fill_rule(cr, CAIRO_FILL_RULE_EVEN_ODD);
    for (guint k = 0; k < rings->len; k++) {
        const Ring *r = g_ptr_array_index(rings, k);
        for (guint p = 0; p < r->n; p++) {
            double x, y;
            project(r->points[2 * p], r->points[2 * p + 1], &x, &y);
            x = ox + scale * (x - x_lo);
            y = oy + scale * (y_hi - y);
            if (p == 0)
                cairo_move_to(cr, x, y);
            else
                cairo_line_to(cr, x, y);
        }
        cairo_close_path(cr);
    }
    cairo_set_source_rgb(cr, 0.97, 0.97, 0.95);
    cairo_fill_preserve(cr);
    cairo_set_source_rgb(cr, 0.62, 0.62, 0.62);
    cairo_set_line_width(cr, 0.5);
    cairo_stroke(cr);
    /* ties and nodes in page coordinates */
    for (guint i = 0; i < g->n; i++) {
        if (!isfinite(xy[2 * i]))
            continue;
        xy[2 * i] = ox + scale * (xy[2 * i] - x_lo);
        xy[2 * i + 1] = oy + scale * (y_hi - xy[2 * i + 1]);
    }
    rn_figure_edges(cr, g, xy);
    double max_r = g->n > 500 ? 10 : 16, min_r = 1.5;
    rn_figure_nodes(cr, g, xy, min_r, max_r, 10);
    cairo_restore(cr);
    cairo_set_source_rgb(cr, 0.5, 0.5, 0.5);
    cairo_set_line_width(cr, 0.6);
    cairo_rectangle(cr, fx, fy, fw, fh);
    cairo_stroke(cr);
    double y = top + rn_figure_legend(cr, g, width - legend, top, legend - 16) + 14;
    cairo_set_source_rgb(cr, 0.4, 0.4, 0.4);
    g_autofree char *located = g_strdup_printf(
        "%u of %u nodes located (NUTS label points)%s", g->located, g->n,
        outside ? "" : ".");
    g_autofree char *beyond = outside ? g_strdup_printf("; %u outside the frame (outermost "
                                                        "regions), their ties cut at its edge.",
                                                        outside)
                                      : g_strdup("");
    g_autofree char *full = g_strconcat(located, beyond, NULL);
    y += rn_figure_paragraph(cr, full, width - legend, y, 7.5, legend - 16) + 4;
    rn_figure_paragraph(cr, "Lambert azimuthal equal-area projection (10°E 52°N). Country "
                        "outlines: Natural Earth (public domain). Label points: © European "
                        "Union, Eurostat/GISCO.", width - legend, y, 7.5, legend - 16);
}
