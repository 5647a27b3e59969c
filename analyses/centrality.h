/*
 * centrality.h — centralities computed without shortest paths.
 */
#ifndef REGNET_CENTRALITY_H
#define REGNET_CENTRALITY_H

#include "analyses/analysis.h"
#include "analyses/igraph_adapter.h"

/*
 * Degree (distinct neighbours) and strength (sum of weights) of every node;
 * outputs allocated here (g_free).  Time complexity: O(V + E).
 */
void rn_degree_strength(const RnNetwork *network, double **degree, double **strength);

/* Seed of igraph's generator before eigenvector centrality (docs/metrics.md). */
#define RN_EIGENVECTOR_SEED 1

/*
 * Weighted eigenvector centrality scaled to max 1 (igraph's generator
 * seeded with RN_EIGENVECTOR_SEED first; all 0 without edges).  Output
 * allocated here (g_free).  Errors: RN_ERROR_INTERNAL from igraph.
 * Time complexity: O(E) per ARPACK iteration.
 */
gboolean rn_eigenvector(const igraph_t *graph, const igraph_vector_t *weights,
                        double **eigenvector, GError **error);

/*
 * Weighted eigenvector centrality (rn_eigenvector) and PageRank (damping
 * 0.85, PRPACK, weights as strengths; isolated nodes teleport uniformly).
 * Outputs allocated here (g_free).  Errors: RN_ERROR_INTERNAL from igraph.
 * Time complexity: O(E) per ARPACK iteration; PRPACK solves exactly.
 */
gboolean rn_eigenvector_pagerank(const igraph_t *graph, const igraph_vector_t *weights,
                                 double **eigenvector, double **pagerank, GError **error);

/*
 * Freeman centralization: sum over nodes of (max - value) divided by
 * theoretical_max, the same sum for the most centralized graph of n nodes.
 * 0 when n < 3.  Time complexity: O(n).
 */
double rn_freeman_centralization(const double *values, guint n, double theoretical_max);

/*
 * Puts in order[0..k) the indices of the k highest scores, highest first,
 * ties by lower index; order must hold n entries (the rest is unspecified).
 * Time complexity: O(k n).
 */
void rn_top_indices(const double *score, guint n, guint k, guint *order);

#endif
