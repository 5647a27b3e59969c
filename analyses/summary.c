/*
 * summary.c — the network summary, and rn_analyze_network(), which runs
 * every analysis of the first report on one network.
 *
 * igraph is called from this (the calling) thread only; the parallel
 * shortest-path pass (paths.c) uses no igraph.
 */
#include <math.h>

#include "analyses/analysis.h"
#include "analyses/centrality.h"
#include "analyses/igraph_adapter.h"
#include "engine/error.h"

/* Components via igraph; marks the largest (ties: the one holding the
 * lowest node index, igraph numbers components in that order). */
static gboolean largest_component(const igraph_t *graph, gboolean *in_largest,
                                  RnSummary *summary, GError **error)
{
    igraph_vector_int_t membership, sizes;
    igraph_integer_t count;
    if (!rn_igraph_check(igraph_vector_int_init(&membership, 0), "allocating", error))
        return FALSE;
    if (!rn_igraph_check(igraph_vector_int_init(&sizes, 0), "allocating", error)) {
        igraph_vector_int_destroy(&membership);
        return FALSE;
    }
    int rc = igraph_connected_components(graph, &membership, &sizes, &count, IGRAPH_WEAK);
    if (rn_igraph_check(rc, "connected components", error)) {
        igraph_integer_t best = 0;
        for (igraph_integer_t c = 1; c < count; c++)
            if (VECTOR(sizes)[c] > VECTOR(sizes)[best])
                best = c;
        summary->components = (guint)count;
        summary->largest_component = count ? (guint)VECTOR(sizes)[best] : 0;
        summary->isolates = 0;
        for (igraph_integer_t c = 0; c < count; c++)
            summary->isolates += VECTOR(sizes)[c] == 1;
        for (igraph_integer_t v = 0; v < igraph_vcount(graph); v++)
            in_largest[v] = VECTOR(membership)[v] == best;
    }
    igraph_vector_int_destroy(&membership);
    igraph_vector_int_destroy(&sizes);
    return rc == IGRAPH_SUCCESS;
}

gboolean rn_analyze_network(const RnNetwork *net, const RnAnalysisOptions *options,
                            RnCentrality *c, RnSummary *s, GError **error)
{
    g_return_val_if_fail(net != NULL, FALSE);
    g_return_val_if_fail(options != NULL, FALSE);
    g_return_val_if_fail(c != NULL, FALSE);
    g_return_val_if_fail(s != NULL, FALSE);
    g_return_val_if_fail(error == NULL || *error == NULL, FALSE);
    guint n = net->nodes->len;
    if (n == 0) {
        g_set_error(error, RN_ERROR, RN_ERROR_USAGE,
                    "the %s network has no nodes: none of the %u selected participations has "
                    "a node in it (%s)",
                    rn_network_kind_name(net->kind), net->participations_selected,
                    g_hash_table_contains(net->unlocated_by_reason, "no region given")
                        ? "the data give no region" : "see --network country or org");
        return FALSE;
    }
    *s = (RnSummary){0};
    *c = (RnCentrality){.n = n};
    s->nodes = n;
    s->edges = net->edges->len;
    for (guint i = 0; i < s->edges; i++)
        s->total_weight += g_array_index(net->edges, RnEdge, i).weight;
    s->density = n > 1 ? 2.0 * s->edges / ((double)n * (n - 1.0)) : 0.0;

    guint metrics = options->metrics ? options->metrics & RN_METRICS_ALL : RN_METRICS_ALL;
    gboolean sampled = (metrics & RN_METRIC_BETWEENNESS) && options->sample_epsilon > 0;
    guint path_metrics = metrics & RN_METRICS_PATHS & ~(sampled ? RN_METRIC_BETWEENNESS : 0u);
    c->metrics = metrics;

    igraph_t graph;
    igraph_vector_t weights;
    if (!rn_igraph_from_network(net, &graph, &weights, error))
        return FALSE;
    g_autofree gboolean *in_largest = g_new0(gboolean, n);
    igraph_real_t transitivity = 0, clustering = 0;
    gboolean ok =
        largest_component(&graph, in_largest, s, error) &&
        rn_igraph_check(igraph_transitivity_undirected(&graph, &transitivity,
                                                       IGRAPH_TRANSITIVITY_ZERO),
                        "transitivity", error) &&
        rn_igraph_check(igraph_transitivity_avglocal_undirected(&graph, &clustering,
                                                                IGRAPH_TRANSITIVITY_ZERO),
                        "average clustering", error);
    if (ok && (metrics & RN_METRIC_PAGERANK))
        ok = rn_eigenvector_pagerank(&graph, &weights, &c->eigenvector, &c->pagerank, error);
    else if (ok && (metrics & RN_METRIC_EIGENVECTOR))
        ok = rn_eigenvector(&graph, &weights, &c->eigenvector, error);
    if (ok && !(metrics & RN_METRIC_EIGENVECTOR))
        g_clear_pointer(&c->eigenvector, g_free);
    igraph_vector_destroy(&weights);
    igraph_destroy(&graph);
    if (!ok) {
        rn_centrality_clear(c);
        return FALSE;
    }
    s->transitivity = transitivity;
    s->average_clustering = clustering;
    s->largest_component_share = (double)s->largest_component / n;

    /* Degree and strength cost O(E): computed for the summary's degree
     * centralization and kept only when asked for. */
    rn_degree_strength(net, &c->degree, &c->strength);
    double nn = n;
    s->centralization_degree = rn_freeman_centralization(c->degree, n, (nn - 1) * (nn - 2));
    if (!(metrics & RN_METRIC_DEGREE))
        g_clear_pointer(&c->degree, g_free);
    if (!(metrics & RN_METRIC_STRENGTH))
        g_clear_pointer(&c->strength, g_free);

    s->diameter_hops = 0;
    s->average_path_length_hops = s->diameter_weighted = s->average_path_length_weighted = NAN;
    if (path_metrics) {
        RnPathResult paths;
        RnPathOptions path_options = {.alpha = options->alpha, .threads = options->threads,
                                      .betweenness = (path_metrics & RN_METRIC_BETWEENNESS) != 0,
                                      .progress = options->progress,
                                      .skip_reductions = options->skip_reductions};
        rn_paths_run(net, &path_options, in_largest, &paths);
        c->betweenness = paths.betweenness;
        c->harmonic = paths.harmonic;
        c->closeness = paths.closeness;
        if (!(metrics & RN_METRIC_HARMONIC))
            g_clear_pointer(&c->harmonic, g_free);
        if (!(metrics & RN_METRIC_CLOSENESS))
            g_clear_pointer(&c->closeness, g_free);
        s->has_paths = TRUE;
        s->path_sources = paths.sources;
        s->open_twins_merged = paths.open_twins_merged;
        s->closed_twins_merged = paths.closed_twins_merged;
        s->path_reductions = paths.reductions;
        s->degree1_removed = paths.degree1_removed;
        s->articulation_points = paths.articulation_points;
        s->biconnected_components = paths.biconnected_components;
        s->largest_biconnected_nodes = paths.largest_biconnected_nodes;
        s->largest_biconnected_edges = paths.largest_biconnected_edges;
        s->diameter_hops = paths.diameter_hops;
        s->average_path_length_hops = paths.average_path_length_hops;
        s->diameter_weighted = paths.diameter_weighted;
        s->average_path_length_weighted = paths.average_path_length_weighted;
    }
    if (sampled &&
        !rn_betweenness_sample(net, options->alpha, options->threads, options->sample_epsilon,
                               options->sample_delta, options->sample_seed, options->progress,
                               &c->betweenness, &c->betweenness_method, error)) {
        rn_centrality_clear(c);
        return FALSE;
    }

    /* Theoretical maxima as igraph's centralization_*_tmax, undirected; NAN
     * for a centrality not computed. */
    s->centralization_betweenness =
        c->betweenness ? rn_freeman_centralization(c->betweenness, n, nn - 1) : NAN;
    s->centralization_closeness =
        c->closeness ? rn_freeman_centralization(c->closeness, n, (nn - 1) * (nn - 2) / (2 * nn - 3))
                     : NAN;
    s->centralization_eigenvector =
        c->eigenvector ? rn_freeman_centralization(c->eigenvector, n, nn - 2) : NAN;
    return TRUE;
}
