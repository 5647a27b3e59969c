/*
 * centrality.c — per-node centralities that do not need shortest paths:
 * degree, strength, eigenvector and PageRank (igraph), plus Freeman
 * centralization of any centrality vector.
 */
#include <math.h>

#include "analyses/centrality.h"
#include "engine/error.h"

const char *const rn_metric_names[RN_METRIC_COUNT + 1] = {
    "degree", "strength", "betweenness", "harmonic", "closeness", "eigenvector", "pagerank", NULL};

void rn_centrality_clear(RnCentrality *c)
{
    g_return_if_fail(c != NULL);
    g_clear_pointer(&c->degree, g_free);
    g_clear_pointer(&c->strength, g_free);
    g_clear_pointer(&c->betweenness, g_free);
    g_clear_pointer(&c->harmonic, g_free);
    g_clear_pointer(&c->closeness, g_free);
    g_clear_pointer(&c->eigenvector, g_free);
    g_clear_pointer(&c->pagerank, g_free);
}

static double *copy_vector(const igraph_vector_t *v, guint n)
{
    double *out = g_new0(double, n + 1);
    for (guint i = 0; i < n; i++)
        out[i] = VECTOR(*v)[i];
    return out;
}

void rn_degree_strength(const RnNetwork *net, double **degree, double **strength)
{
    g_return_if_fail(net != NULL);
    g_return_if_fail(degree != NULL);
    g_return_if_fail(strength != NULL);
    guint n = net->nodes->len;
    *degree = g_new0(double, n + 1);
    *strength = g_new0(double, n + 1);
    for (guint i = 0; i < net->edges->len; i++) {
        const RnEdge *e = &g_array_index(net->edges, RnEdge, i);
        (*degree)[e->source] += 1.0;
        (*degree)[e->target] += 1.0;
        (*strength)[e->source] += e->weight;
        (*strength)[e->target] += e->weight;
    }
}

gboolean rn_eigenvector(const igraph_t *graph, const igraph_vector_t *weights,
                        double **eigenvector, GError **error)
{
    g_return_val_if_fail(graph != NULL, FALSE);
    g_return_val_if_fail(eigenvector != NULL, FALSE);
    g_return_val_if_fail(error == NULL || *error == NULL, FALSE);
    guint n = (guint)igraph_vcount(graph);
    if (igraph_ecount(graph) == 0) {
        /* No edges: every node is equally (un)important; igraph returns 1s. */
        *eigenvector = g_new0(double, n + 1);
        return TRUE;
    }
    /* ARPACK draws on igraph's random generator: seeding it here keeps a
     * network's values independent of what ran before (another period's
     * Leiden runs, in a comparison). */
    rn_igraph_seed(RN_EIGENVECTOR_SEED);
    igraph_vector_t values;
    if (!rn_igraph_check(igraph_vector_init(&values, n), "allocating", error))
        return FALSE;
    igraph_real_t value;
    igraph_arpack_options_t arpack;
    igraph_arpack_options_init(&arpack);
    if (!rn_igraph_check(igraph_eigenvector_centrality(graph, &values, &value, IGRAPH_UNDIRECTED,
                                                       /*scale=*/1, weights, &arpack),
                         "eigenvector centrality", error)) {
        igraph_vector_destroy(&values);
        return FALSE;
    }
    *eigenvector = copy_vector(&values, n);
    igraph_vector_destroy(&values);
    return TRUE;
}

gboolean rn_eigenvector_pagerank(const igraph_t *graph, const igraph_vector_t *weights,
                                 double **eigenvector, double **pagerank, GError **error)
{
    g_return_val_if_fail(graph != NULL, FALSE);
    g_return_val_if_fail(eigenvector != NULL, FALSE);
    g_return_val_if_fail(pagerank != NULL, FALSE);
    g_return_val_if_fail(error == NULL || *error == NULL, FALSE);
    guint n = (guint)igraph_vcount(graph);
    if (!rn_eigenvector(graph, weights, eigenvector, error))
        return FALSE;
    igraph_vector_t values;
    if (!rn_igraph_check(igraph_vector_init(&values, n), "allocating", error)) {
        g_clear_pointer(eigenvector, g_free);
        return FALSE;
    }
    igraph_real_t value;
    if (!rn_igraph_check(igraph_pagerank(graph, IGRAPH_PAGERANK_ALGO_PRPACK, &values, &value,
                                         igraph_vss_all(), IGRAPH_UNDIRECTED, 0.85, weights,
                                         NULL),
                         "PageRank", error)) {
        igraph_vector_destroy(&values);
        g_clear_pointer(eigenvector, g_free);
        return FALSE;
    }
    *pagerank = copy_vector(&values, n);
    igraph_vector_destroy(&values);
    return TRUE;
}

double rn_freeman_centralization(const double *values, guint n, double theoretical_max)
{
    g_return_val_if_fail(n == 0 || values != NULL, NAN);
    if (n < 3 || theoretical_max <= 0)
        return 0.0;
    double max = -INFINITY;
    for (guint i = 0; i < n; i++)
        max = MAX(max, values[i]);
    double sum = 0.0;
    for (guint i = 0; i < n; i++)
        sum += max - values[i];
    return sum / theoretical_max;
}

void rn_top_indices(const double *score, guint n, guint k, guint *order)
{
    g_return_if_fail(n == 0 || score != NULL);
    g_return_if_fail(n == 0 || order != NULL);
    for (guint i = 0; i < n; i++)
        order[i] = i;
    for (guint a = 0; a < k && a < n; a++)
        for (guint b = a + 1; b < n; b++)
            if (score[order[b]] > score[order[a]] ||
                (score[order[b]] == score[order[a]] && order[b] < order[a])) {
                guint t = order[a];
                order[a] = order[b];
                order[b] = t;
            }
}
