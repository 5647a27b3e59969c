/*
 * output.h — the only place that knows the report's JSON shape
 * (docs/schema.md, docs/report.schema.json), and atomic file writing.
 */
#ifndef REGNET_OUTPUT_H
#define REGNET_OUTPUT_H

#include <cjson/cJSON.h>

#include "analyses/analysis.h"
#include "analyses/bridging.h"
#include "analyses/compare.h"
#include "analyses/run.h"
#include "engine/model.h"
#include "engine/network.h"

#define RN_REPORT_SCHEMA_VERSION "2.2.0"

typedef struct {
    const char *dataset_name;          /* from the description */
    const char *dataset_file;          /* description path as given */
    const RnModel *model;
    const RnAnalysisRequest *request;  /* the parameters */
    const RnAnalysisResult *result;    /* everything computed */
} RnReport;

/*
 * Renders the analysis report as JSON text ending in a newline.  Same
 * inputs, same bytes: object members in a fixed order, maps sorted by key.
 * Caller frees with g_free.  Time complexity: O(V + E + rows of provenance).
 */
char *rn_report_render(const RnReport *report);
/* The report as a cJSON document: what rn_report_render() prints, and what
 * the export formats are built from (output/export.h).  Caller frees with
 * cJSON_Delete().  Time complexity: as rn_report_render(). */
cJSON *rn_report_document(const RnReport *report);

#define RN_COMPARISON_SCHEMA_VERSION "1.4.0"

typedef struct {
    const char *dataset_name;
    const char *dataset_file;
    const RnModel *model;
    const RnCompareRequest *request;
    const RnCompareResult *result;
} RnComparisonReport;

/*
 * Renders a period comparison as JSON (docs/compare.md).  Caller frees.
 * Time complexity: O(sum of V + E over periods).
 */
char *rn_comparison_render(const RnComparisonReport *report);
/* The comparison as a cJSON document (what rn_comparison_render() prints).
 * Caller frees with cJSON_Delete(). */
cJSON *rn_comparison_document(const RnComparisonReport *report);

/*
 * Checks that a report may be written to path: following symbolic links,
 * it names a regular file or nothing yet, and is not the description
 * dataset (may be NULL) nor a file the model was loaded from (model may be
 * NULL).  Errors: RN_ERROR_OUTPUT ("PATH: is a character device; expected a
 * regular file or a new file name").  Time complexity: O(input files).
 */
gboolean rn_output_check(const char *path, const char *dataset, const RnModel *model,
                         GError **error);

/* Where a report is written piece by piece (buffered); see rn_write_file_streamed(). */
typedef struct RnSink RnSink;

/* Appends length bytes of text; FALSE once a write has failed (errno kept
 * for the caller's message).  Time complexity: O(length). */
gboolean rn_sink_write(RnSink *sink, const char *text, gsize length);

/* Produces the contents through sink; FALSE on a failed write. */
typedef gboolean (*RnProduceFunc)(RnSink *sink, gpointer data);

/*
 * rn_write_file_atomic() for contents produced piece by piece by produce,
 * so that they never need to be held in memory whole (a 64 KiB buffer).
 * path "-" writes to stdout (not atomic).  Errors: RN_ERROR_OUTPUT.
 */
gboolean rn_write_file_streamed(const char *path, RnProduceFunc produce, gpointer data,
                                GError **error);

/*
 * Writes the report rn_report_render() renders, byte for byte, to sink:
 * the head as one cJSON document, then each node and edge as it is built,
 * so that memory holds one node's objects at a time rather than the whole
 * tree.  Returns FALSE on a failed write.  Time complexity: as
 * rn_report_render().
 */
gboolean rn_report_write(const RnReport *report, RnSink *sink);

/*
 * Writes contents to path whole or not at all: a temporary file in the
 * folder of path's target (symbolic links followed), fsync, the replaced
 * file's mode (a new file: 0666 less the umask), then rename over the
 * target.  Refuses what rn_output_check() refuses.  On failure the target
 * is untouched and no temporary file is left.  Errors: RN_ERROR_OUTPUT.
 * Not reentrant: one write at a time per process.
 */
gboolean rn_write_file_atomic(const char *path, const char *contents, gsize length,
                              GError **error);

/*
 * Removes the temporary file of a write in progress, if any.
 * Async-signal-safe: main()'s SIGINT/SIGTERM handler calls it before
 * letting the signal end the process.
 */
void rn_output_cleanup_from_signal(void);

#endif
