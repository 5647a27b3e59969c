/*
 * figure_graph.h — the report as the figures read it (output/figures.c fills
 * it; output/figure_{bars,mixing,network,map}.c draw it).  Internal to
 * output/.
 */
#ifndef REGNET_FIGURE_GRAPH_H
#define REGNET_FIGURE_GRAPH_H

#include <cairo.h>
#include <cjson/cJSON.h>
#include <glib.h>

typedef struct {
    guint n;                  /* nodes, in the report's order */
    const char **ids;         /* borrowed from the document */
    const char **labels;
    const cJSON **metrics;    /* each node's metrics object */
    double *size;             /* the sizing metric per node (NAN when missing) */
    double size_max;
    const char *size_name;    /* its name */
    double *lon, *lat;        /* NAN when the node has no point */
    guint located;            /* nodes with a point */
    guint *colour;            /* palette index per node (RN_PALETTE_SIZE: other) */
    const char *colour_by;    /* "group" name the colours stand for, NULL: one colour */
    GPtrArray *legend;        /* char *: the label of palette colour k (owned) */
    gboolean legend_other;    /* some node has the colour of "other" */
    guint m;                  /* edges */
    guint *source, *target;   /* node indices */
    double *weight;
    double weight_max;
    guint *edge_order;        /* edges by weight ascending (drawing order) */
    const double *layout;     /* 2 per node or NULL */
    char *title;              /* "dataset: network" (owned) */
    char *note;               /* attribution line (owned) */
    gboolean is_region;       /* region or country network: a map is drawn */
    /* mixing (analyses.mixing), G = 0 without --group */
    guint G;
    const char **group_labels;
    double *ties;             /* G x G */
    const char *grouping;     /* analyses.grouping.name */
} RnFigureGraph;

/* What a bar chart shows. */
typedef struct {
    const RnFigureGraph *graph;
    const char *metric;
    guint top;
} RnBarsFigure;

/* Width and height (points) of each figure, and its drawing function. */
void rn_figure_bars_size(const RnBarsFigure *f, double *width, double *height);
void rn_figure_bars_draw(cairo_t *cr, double width, double height, gconstpointer data);
void rn_figure_mixing_size(const RnFigureGraph *g, double *width, double *height);
void rn_figure_mixing_draw(cairo_t *cr, double width, double height, gconstpointer data);
void rn_figure_network_draw(cairo_t *cr, double width, double height, gconstpointer data);
void rn_figure_map_draw(cairo_t *cr, double width, double height, gconstpointer data);

/* Draws the colour legend of g at (x, y), one entry a line; returns its height. */
double rn_figure_legend(cairo_t *cr, const RnFigureGraph *g, double x, double y, double width);

/* Draws g's edges through the positions xy (2 per node, in points): grey
 * lines, wider and darker with weight, the strongest on top.  Nodes without a
 * position (NAN) are skipped. */
void rn_figure_edges(cairo_t *cr, const RnFigureGraph *g, const double *xy);
/* Draws g's nodes at xy, coloured by group and sized by g->size (radius
 * min_r..max_r), the largest on top; labels the `labelled` largest. */
void rn_figure_nodes(cairo_t *cr, const RnFigureGraph *g, const double *xy, double min_r,
                     double max_r, guint labelled);

#endif
