/*
 * figures.h — figures of a report as SVG and PNG files (docs/figures.md):
 * top-N bar charts per centrality, the mixing-matrix heat map of a
 * --group analysis, a network drawing and, for region and country
 * networks, a map.  Drawn with cairo, text with pango (DejaVu Sans).
 *
 * Figures are rendered from the report document (nodes, edges, metrics,
 * coordinates, analyses.mixing) and, for the network drawing, node
 * positions computed in analyses/ (analyses/layout.h): output only draws.
 */
#ifndef REGNET_FIGURES_H
#define REGNET_FIGURES_H

#include <cjson/cJSON.h>
#include <glib.h>

/* The centralities a figure may size nodes by or chart (NULL-terminated):
 * degree, strength, betweenness, harmonic, closeness, eigenvector, pagerank. */
extern const char *const rn_figure_metrics[];

typedef struct {
    const char *metric;   /* sizes the nodes of the drawing and the map (rn_figure_metrics) */
    guint top;            /* bars per chart, 1-100 */
    const double *layout; /* 2 per node, in the report's node order, in [0, 1]; NULL: no
                           * network drawing */
    guint64 seed;         /* the layout's seed, recorded in figures.json */
    const char *layout_name; /* how the layout was computed, recorded in figures.json */
} RnFigureOptions;

/*
 * Renders the figures of report (a "regnet-report" document, borrowed) and
 * appends them to files (RnExportFile *, output/export.h; written with
 * rn_export_write into a folder): bars-METRIC.svg/.png for each centrality,
 * mixing.svg/.png when the report has analyses.mixing (--group),
 * network.svg/.png when options->layout is given, map.svg/.png for region
 * and country networks with located nodes, and figures.json listing them
 * with the metric, the layout and its seed.  Errors: RN_ERROR_DATA when
 * the report lacks nodes or edges of the expected shape ("DISPLAY:
 * nodes[3]: ..."), RN_ERROR_INTERNAL when cairo fails.
 * Time complexity: O(V log V + E log E) per figure, plus the pixels.
 */
gboolean rn_figures_render(const cJSON *report, const char *display,
                           const RnFigureOptions *options, GPtrArray *files, GError **error);

#endif
