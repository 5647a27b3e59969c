/*
 * output.h — the only place that knows the report's JSON shape
 * (docs/schema.md, docs/report.schema.json), and atomic file writing.
 */
#ifndef REGNET_OUTPUT_H
#define REGNET_OUTPUT_H

#include "analyses/analysis.h"
#include "analyses/bridging.h"
#include "analyses/compare.h"
#include "engine/model.h"
#include "engine/network.h"

#define RN_REPORT_SCHEMA_VERSION "1.2.0"

typedef struct {
    const char *dataset_name;   /* from the description */
    const char *dataset_file;   /* description path as given */
    const RnModel *model;
    const RnNetwork *network;
    const RnAnalysisOptions *options;
    const RnCentrality *centrality;
    const RnSummary *summary;
    const char *programmes;                    /* --programmes filter or NULL */
    const char *themes;                        /* --themes filter or NULL */
    const RnBridgingOptions *bridging_options; /* NULL without --group */
    const RnBridging *bridging;                /* NULL without --group */
} RnReport;

/*
 * Renders the analysis report as JSON text ending in a newline.  Same
 * inputs, same bytes: object members in a fixed order, maps sorted by key.
 * Caller frees with g_free.  Time complexity: O(V + E + rows of provenance).
 */
char *rn_report_render(const RnReport *report);

#define RN_COMPARISON_SCHEMA_VERSION "1.1.0"

typedef struct {
    const char *dataset_name;
    const char *dataset_file;
    const RnModel *model;
    RnNetworkKind kind;
    int level;
    const char *programmes;           /* --programmes filter or NULL */
    const char *themes;               /* --themes filter or NULL */
    double alpha;
    guint64 seed;
    const RnPeriodResult *periods;
    guint n_periods;
    const RnComparison *comparisons;  /* n_periods - 1, consecutive pairs */
    guint top;                        /* risers and fallers listed */
} RnComparisonReport;

/*
 * Renders a period comparison as JSON (docs/compare.md).  Caller frees.
 * Time complexity: O(sum of V + E over periods).
 */
char *rn_comparison_render(const RnComparisonReport *report);

/*
 * Writes contents to path whole or not at all: a temporary file in the
 * same folder, fsync, then rename over path.  Fails with RN_ERROR_OUTPUT.
 */
gboolean rn_write_file_atomic(const char *path, const char *contents, gsize length,
                              GError **error);

#endif
