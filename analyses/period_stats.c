/*
 * period_stats.c — the network statistics that resamples and null models
 * recompute (period_stats.h), by the same definitions as the summary
 * (summary.c) and a period's modularity (compare.c), so an unchanged
 * network gives the observed values exactly.
 */
#include <math.h>
#include <string.h>

#include "analyses/bridging.h"
#include "analyses/centrality.h"
#include "analyses/period_stats.h"

const char *const rn_statistic_names[RN_STATS] = {
    "density", "mean_degree", "centralization_degree", "centralization_betweenness",
    "centralization_closeness", "centralization_eigenvector", "transitivity", "modularity"};

gboolean rn_statistic_needs_paths(RnStatistic s)
{
    return s == RN_STAT_CENTRALIZATION_BETWEENNESS || s == RN_STAT_CENTRALIZATION_CLOSENESS;
}

/* Eigenvector centrality (scaled to max 1), PageRank when pagerank is not
 * NULL, and transitivity from igraph. */
static gboolean igraph_measures(const RnNetwork *net, double **eigenvector, double **pagerank,
                                double *transitivity, GError **error)
{
    igraph_t graph;
    igraph_vector_t weights;
    if (!rn_igraph_from_network(net, &graph, &weights, error))
        return FALSE;
    igraph_real_t t = 0;
    gboolean ok = rn_igraph_check(igraph_transitivity_undirected(&graph, &t,
                                                                 IGRAPH_TRANSITIVITY_ZERO),
                                  "transitivity", error) &&
                  (pagerank ? rn_eigenvector_pagerank(&graph, &weights, eigenvector, pagerank, error)
                            : rn_eigenvector(&graph, &weights, eigenvector, error));
    *transitivity = t;
    igraph_vector_destroy(&weights);
    igraph_destroy(&graph);
    return ok;
}

gboolean rn_network_statistics(const RnNetwork *net, const RnStatisticsOptions *o,
                               double *values, double *centrality, GError **error)
{
    g_return_val_if_fail(net != NULL && o != NULL && values != NULL, FALSE);
    g_return_val_if_fail(o->rank_centrality < 7, FALSE);
    g_return_val_if_fail(o->rank_centrality < 0 || centrality != NULL, FALSE);
    g_return_val_if_fail(error == NULL || *error == NULL, FALSE);
    for (guint s = 0; s < RN_STATS; s++)
        values[s] = NAN;
    guint n = net->nodes->len;
    if (n == 0)
        return TRUE;
    double nn = n, m = net->edges->len;
    values[RN_STAT_DENSITY] = n > 1 ? 2.0 * m / (nn * (nn - 1.0)) : 0.0;
    values[RN_STAT_MEAN_DEGREE] = 2.0 * m / nn;
    RnCentrality c = {.n = n};
    rn_degree_strength(net, &c.degree, &c.strength);
    values[RN_STAT_CENTRALIZATION_DEGREE] =
        rn_freeman_centralization(c.degree, n, (nn - 1) * (nn - 2));
    double transitivity = 0;
    if (!igraph_measures(net, &c.eigenvector, o->rank_centrality == 6 ? &c.pagerank : NULL,
                         &transitivity, error)) {
        rn_centrality_clear(&c);
        return FALSE;
    }
    values[RN_STAT_TRANSITIVITY] = transitivity;
    values[RN_STAT_CENTRALIZATION_EIGENVECTOR] =
        rn_freeman_centralization(c.eigenvector, n, nn - 2);
    gboolean rank_paths = o->rank_centrality >= 2 && o->rank_centrality <= 4;
    if (o->paths || rank_paths) {
        /* No scope: the diameter and average path length are not needed. */
        g_autofree gboolean *in_scope = g_new0(gboolean, n);
        RnPathResult paths;
        rn_paths_compute(net, o->alpha, o->threads, in_scope, &paths);
        c.betweenness = paths.betweenness;
        c.harmonic = paths.harmonic;
        c.closeness = paths.closeness;
        if (o->paths) {
            values[RN_STAT_CENTRALIZATION_BETWEENNESS] =
                rn_freeman_centralization(c.betweenness, n, nn - 1);
            values[RN_STAT_CENTRALIZATION_CLOSENESS] =
                rn_freeman_centralization(c.closeness, n, (nn - 1) * (nn - 2) / (2 * nn - 3));
        }
    }
    RnCommunityOptions co = {.objective = RN_COMMUNITY_MODULARITY, .resolution = 1,
                             .seed = o->leiden_seed, .runs = 1};
    RnCommunities communities;
    if (!rn_communities_compute(net, &co, &communities, error)) {
        rn_centrality_clear(&c);
        return FALSE;
    }
    values[RN_STAT_MODULARITY] = communities.modularity;
    rn_communities_clear(&communities);
    if (o->rank_centrality >= 0) {
        const double *arrays[7] = {c.degree, c.strength, c.betweenness, c.harmonic,
                                   c.closeness, c.eigenvector, c.pagerank};
        memcpy(centrality, arrays[o->rank_centrality], sizeof(double) * n);
    }
    rn_centrality_clear(&c);
    return TRUE;
}
