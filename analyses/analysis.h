/*
 * analysis.h — what the analyses compute on a network (docs/metrics.md).
 *
 * Path measures use distance = 1 / weight^alpha for each edge (alpha = 0:
 * every edge has length 1).  Path lengths that differ by no more than a
 * relative 1e-10 are equal, so that float summation of 1/w terms does not
 * split equally long paths (igraph uses the same tolerance).
 */
#ifndef REGNET_ANALYSIS_H
#define REGNET_ANALYSIS_H

#include "engine/network.h"

/* Per-node centralities; arrays of length n, owned by the struct. */
typedef struct {
    guint n;
    double *degree;       /* distinct neighbours */
    double *strength;     /* sum of edge weights */
    double *betweenness;  /* weighted, normalised by 2/((n-1)(n-2)) */
    double *harmonic;     /* sum over reachable t of 1/d(s,t) */
    double *closeness;    /* Wasserman-Faust: ((r-1)/(n-1)) * (r-1)/sum d */
    double *eigenvector;  /* weighted, scaled to max 1 */
    double *pagerank;     /* damping 0.85, weights as strengths */
} RnCentrality;

typedef struct {
    guint nodes;
    guint edges;
    double total_weight;
    double density;          /* 2E / (N (N - 1)) */
    guint components;
    guint largest_component; /* nodes in the largest component */
    double largest_component_share;
    double transitivity;     /* 3 x triangles / connected triples */
    double average_clustering; /* mean local clustering, 0 for degree < 2 */
    guint isolates;
    /* Over the largest component: */
    guint diameter_hops;
    double average_path_length_hops;
    double diameter_weighted;
    double average_path_length_weighted;
    /* Freeman centralization, sum(max - c_i) over the star graph's value. */
    double centralization_degree;
    double centralization_betweenness;
    double centralization_closeness;
    double centralization_eigenvector;
} RnSummary;

typedef struct {
    double alpha;            /* distance = 1 / weight^alpha */
    guint threads;           /* worker threads for the path pass (>= 1) */
} RnAnalysisOptions;

void rn_centrality_clear(RnCentrality *c);

/* The version text of the igraph library regnet runs on, e.g. "0.10.2". */
const char *rn_igraph_version(void);

/*
 * Computes every per-node centrality and the network summary.  igraph is
 * called from this thread only; the shortest-path pass runs on
 * options->threads threads of its own code.  Results are identical for any
 * thread count.  Time complexity: O(V (E + V log V)) for the path pass.
 */
gboolean rn_analyze_network(const RnNetwork *network, const RnAnalysisOptions *options,
                            RnCentrality *centrality, RnSummary *summary, GError **error);

/* Internal steps, exposed for tests. */

typedef struct {
    double *betweenness;     /* normalised */
    double *harmonic;
    double *closeness;
    guint diameter_hops;     /* over the nodes with in_scope set */
    double average_path_length_hops;
    double diameter_weighted;
    double average_path_length_weighted;
} RnPathResult;

/*
 * One pass per source computing weighted betweenness (Brandes), harmonic and
 * closeness centrality for every node, and hop and weighted diameter and
 * average path length among the nodes with in_scope[i] (one component).
 * Outputs are allocated here (g_free them).  Never calls igraph.
 * Time complexity: O(V (E + V log V)).
 */
void rn_paths_compute(const RnNetwork *network, double alpha, guint threads,
                      const gboolean *in_scope, RnPathResult *result);

/*
 * Frees the arrays of result (filled by rn_paths_compute) and zeroes it, the
 * *_clear() convention: safe on a zeroed or already cleared result.  Inline
 * here so paths.c keeps one topic.  Time complexity: O(1).
 */
static inline void rn_path_result_clear(RnPathResult *result)
{
    g_return_if_fail(result != NULL);
    g_free(result->betweenness);
    g_free(result->harmonic);
    g_free(result->closeness);
    *result = (RnPathResult){0};
}

#endif
