/*
 * run.h — one analysis from a loaded model to every result the report
 * renders: build the network the request describes, compute centralities
 * and the summary, and, with a grouping, the bridging analyses (and regions
 * as bridges).  The CLI and the HTTP API call this one function, so the same
 * request gives the same report bytes from both.
 *
 * igraph is called from the calling thread only (see igraph_adapter.h).
 */
#ifndef REGNET_RUN_H
#define REGNET_RUN_H

#include "analyses/analysis.h"
#include "analyses/bridging.h"

typedef struct {
    RnNetworkSpec spec;            /* which network, filters */
    RnAnalysisOptions options;     /* alpha, threads */
    const char *group;             /* grouping of the bridging analyses, NULL for none */
    RnBridgingOptions bridging;    /* used with group (bridging.group == group) */
    gboolean bridges;              /* regions as bridges (region networks with a group) */
} RnAnalysisRequest;

typedef struct {
    RnNetwork *network;
    RnCentrality centrality;
    RnSummary summary;
    gboolean has_bridging;         /* request->group was set */
    RnBridging bridging;
    guint *by_betweenness;         /* node indices, highest ranked_by first (ties: lower index) */
    RnMetric ranked_by;            /* betweenness, or when --metrics left it out the first
                                    * centrality computed */
    GPtrArray *warnings;           /* char *: what igraph warned about, in order */
    GPtrArray *near_duplicates;    /* GPtrArray * of organisation keys (rn_model_near_duplicates) */
    double seconds_build;          /* phase times, for --timings */
    double seconds_centrality;
    double seconds_bridging;
} RnAnalysisResult;

/*
 * Runs the analysis request describes on model.  result is filled here;
 * release it with rn_analysis_result_clear() (also after a failure, which
 * leaves it cleared).  Errors: RN_ERROR_USAGE when no project passes the
 * filters or a grouping does not apply; RN_ERROR_INTERNAL from igraph.
 * Time complexity: that of the path pass, O(V (E + V log V)), plus the
 * bridging analyses (bridging.h).
 */
gboolean rn_analysis_run(const RnModel *model, const RnAnalysisRequest *request,
                         RnAnalysisResult *result, GError **error);

void rn_analysis_result_clear(RnAnalysisResult *result);

/*
 * Node indices 0..n-1 ordered by score, highest first; equal scores keep
 * index order.  NAN sorts last.  Caller frees.  Time complexity: O(n log n).
 */
guint *rn_order_by_score(const double *score, guint n);

#endif
