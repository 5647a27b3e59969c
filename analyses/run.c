/*
 * run.c — the analysis pipeline (see run.h): network, centralities and
 * summary, bridging analyses, regions as bridges, and the orderings the
 * report and the printed summary list.
 */
#include "analyses/run.h"

#include <math.h>
#include <string.h>

#include "analyses/igraph_adapter.h"
#include "engine/error.h"

typedef struct {
    const double *score;
} ScoreOrder;

static gint compare_scores(gconstpointer a, gconstpointer b, gpointer data)
{
    const double *score = ((const ScoreOrder *)data)->score;
    guint i = *(const guint *)a, j = *(const guint *)b;
    double x = score[i], y = score[j];
    gboolean x_nan = isnan(x), y_nan = isnan(y);
    if (x_nan != y_nan)
        return x_nan ? 1 : -1;
    if (!x_nan && x != y)
        return x > y ? -1 : 1;
    return i < j ? -1 : i > j;
}

guint *rn_order_by_score(const double *score, guint n)
{
    g_return_val_if_fail(score != NULL || n == 0, NULL);
    guint *order = g_new(guint, n + 1);
    for (guint i = 0; i < n; i++)
        order[i] = i;
    ScoreOrder data = {score};
    g_qsort_with_data(order, (gint)n, sizeof(guint), compare_scores, &data);
    return order;
}

/* Orders the regions of a region network by each definition of regions as
 * bridges (bridging.h). */
static void rank_regions_as_bridges(const RnNetwork *net, const RnCentrality *c, RnBridging *b)
{
    guint n = net->nodes->len;
    g_autofree double *score = g_new(double, n + 1);
    for (guint d = 0; d < RN_BRIDGE_DEFINITIONS; d++) {
        for (guint i = 0; i < n; i++)
            score[i] = rn_region_bridge_score(c, b, i, d);
        b->region_order[d] = rn_order_by_score(score, n);
    }
}

gboolean rn_analysis_run(const RnModel *model, const RnAnalysisRequest *request,
                         RnAnalysisResult *result, GError **error)
{
    g_return_val_if_fail(model != NULL && request != NULL && result != NULL, FALSE);
    g_return_val_if_fail(error == NULL || *error == NULL, FALSE);
    memset(result, 0, sizeof *result);
    g_autoptr(GTimer) timer = g_timer_new();
    rn_igraph_begin();
    g_autoptr(GPtrArray) stale G_GNUC_UNUSED = rn_igraph_take_warnings(); /* from an earlier run */
    const RnProgress *progress = request->options.progress;
    rn_progress_step(progress, RN_PHASE_BUILD, 0, 0); /* units unknown: elapsed time only */
    result->network = rn_network_build(model, &request->spec, error);
    if (!result->network)
        return FALSE;
    rn_progress_end(progress, RN_PHASE_BUILD, 0);
    result->seconds_build = g_timer_elapsed(timer, NULL);
    if (!rn_analyze_network(result->network, &request->options, &result->centrality,
                            &result->summary, error)) {
        rn_analysis_result_clear(result);
        return FALSE;
    }
    const RnCentrality *c = &result->centrality;
    const double *values[RN_METRIC_COUNT] = {c->degree, c->strength, c->betweenness,
                                             c->harmonic, c->closeness, c->eigenvector,
                                             c->pagerank};
    result->ranked_by = RN_METRIC_BETWEENNESS;
    for (guint k = 0; !c->betweenness && k < RN_METRIC_COUNT; k++)
        if (values[k]) {
            result->ranked_by = 1u << k;
            break;
        }
    result->by_betweenness = rn_order_by_score(values[g_bit_nth_lsf(result->ranked_by, -1)],
                                               result->network->nodes->len);
    result->seconds_centrality = g_timer_elapsed(timer, NULL) - result->seconds_build;
    if (request->group) {
        /* Leiden runs dominate the bridging analyses' time. */
        rn_progress_step(progress, RN_PHASE_COMMUNITIES, 0, 0);
        gboolean bridged = rn_analyze_bridging(model, result->network, &request->bridging,
                                               &result->bridging, error);
        rn_progress_end(progress, RN_PHASE_COMMUNITIES, 0);
        if (!bridged) {
            rn_analysis_result_clear(result);
            return FALSE;
        }
        result->has_bridging = TRUE;
    }
    if (request->bridges) {
        g_return_val_if_fail(request->group && request->spec.kind == RN_NETWORK_REGION, FALSE);
        RnNetworkSpec org_spec = request->spec;
        org_spec.kind = RN_NETWORK_ORG;
        g_autoptr(RnNetwork) orgs = rn_network_build(model, &org_spec, error);
        if (!orgs || !rn_analyze_regions_as_bridges(result->network, orgs, request->group,
                                                    request->options.alpha,
                                                    request->options.threads,
                                                    &result->bridging, error)) {
            rn_analysis_result_clear(result);
            return FALSE;
        }
        rank_regions_as_bridges(result->network, &result->centrality, &result->bridging);
    }
    result->seconds_bridging = g_timer_elapsed(timer, NULL) - result->seconds_build -
                               result->seconds_centrality;
    result->warnings = rn_igraph_take_warnings();
    result->near_duplicates = rn_model_near_duplicates(model);
    return TRUE;
}

void rn_analysis_result_clear(RnAnalysisResult *result)
{
    g_return_if_fail(result != NULL);
    g_clear_pointer(&result->network, rn_network_free);
    rn_centrality_clear(&result->centrality);
    if (result->has_bridging)
        rn_bridging_clear(&result->bridging);
    result->has_bridging = FALSE;
    g_clear_pointer(&result->by_betweenness, g_free);
    g_clear_pointer(&result->warnings, g_ptr_array_unref);
    g_clear_pointer(&result->near_duplicates, g_ptr_array_unref);
}
