/*
 * output.h — the only place that knows the report's JSON shape
 * (docs/schema.md, docs/report.schema.json), and atomic file writing.
 */
#ifndef REGNET_OUTPUT_H
#define REGNET_OUTPUT_H

#include "analyses/analysis.h"
#include "analyses/bridging.h"
#include "engine/model.h"
#include "engine/network.h"

#define RN_REPORT_SCHEMA_VERSION "1.1.0"

typedef struct {
    const char *dataset_name;   /* from the description */
    const char *dataset_file;   /* description path as given */
    const RnModel *model;
    const RnNetwork *network;
    const RnAnalysisOptions *options;
    const RnCentrality *centrality;
    const RnSummary *summary;
    const RnBridgingOptions *bridging_options; /* NULL without --group */
    const RnBridging *bridging;                /* NULL without --group */
} RnReport;

/*
 * Renders the analysis report as JSON text ending in a newline.  Same
 * inputs, same bytes: object members in a fixed order, maps sorted by key.
 * Caller frees with g_free.  Time complexity: O(V + E + rows of provenance).
 */
char *rn_report_render(const RnReport *report);

/*
 * Writes contents to path whole or not at all: a temporary file in the
 * same folder, fsync, then rename over path.  Fails with RN_ERROR_OUTPUT.
 */
gboolean rn_write_file_atomic(const char *path, const char *contents, gsize length,
                              GError **error);

#endif
