/*
 * link_scores.h — neighbourhood scores of link prediction on a weighted
 * simple graph (docs/recommend.md).
 *
 * Unweighted, as NetworkX defines them (the weights ignored):
 *   common_neighbours        |N(u) & N(v)|
 *   adamic_adar              sum over z in N(u) & N(v) of 1 / ln |N(z)|
 *   resource_allocation      sum over z in N(u) & N(v) of 1 / |N(z)|
 *   jaccard                  |N(u) & N(v)| / |N(u) | N(v)|   (0 when the union is empty)
 *   preferential_attachment  |N(u)| |N(v)|
 * Weighted (Lu and Zhou 2010, exponent 1; s(z) = strength):
 *   common_neighbours_weighted    sum over common z of w(u,z) + w(z,v)
 *   adamic_adar_weighted          sum of (w(u,z) + w(z,v)) / ln(1 + s(z))
 *   resource_allocation_weighted  sum of (w(u,z) + w(z,v)) / s(z)
 *   jaccard_weighted              sum over all z of min(w(u,z), w(v,z)) / sum of max(...),
 *                                 w(x,x) = 0, so a tie u-v counts in the maximum only
 *   preferential_attachment_weighted  s(u) s(v)
 * N(u) never holds u (no self-ties).  An existing tie u-v does not change
 * the common neighbours; it enlarges the union of Jaccard, as in NetworkX.
 */
#ifndef REGNET_LINK_SCORES_H
#define REGNET_LINK_SCORES_H

#include <glib.h>

#include "engine/membership.h"

typedef enum {
    RN_SCORE_COMMON_NEIGHBOURS,
    RN_SCORE_ADAMIC_ADAR,
    RN_SCORE_RESOURCE_ALLOCATION,
    RN_SCORE_JACCARD,
    RN_SCORE_PREFERENTIAL_ATTACHMENT,
    RN_SCORE_COMMON_NEIGHBOURS_WEIGHTED,
    RN_SCORE_ADAMIC_ADAR_WEIGHTED,
    RN_SCORE_RESOURCE_ALLOCATION_WEIGHTED,
    RN_SCORE_JACCARD_WEIGHTED,
    RN_SCORE_PREFERENTIAL_ATTACHMENT_WEIGHTED,
    RN_NEIGHBOURHOOD_SCORES
} RnNeighbourhoodScore;

/* JSON names of the neighbourhood scores, in enum order. */
extern const char *const rn_neighbourhood_score_names[RN_NEIGHBOURHOOD_SCORES];

/* A weighted simple graph in compressed rows: neighbours of v are
 * target[offset[v] .. offset[v + 1]) in increasing order, with weight. */
typedef struct {
    guint n;
    guint *offset;
    guint *target;
    double *weight;
    double *strength;   /* sum of v's weights */
} RnLinkGraph;

/* The graph of network's edges (weights as built).  Time complexity: O(V + E). */
void rn_link_graph_from_network(const RnNetwork *network, RnLinkGraph *graph);
/*
 * The graph projected from membership without the projects whose slot is
 * set in hidden (NULL: none): an edge between two nodes sharing a project,
 * weighted by the number of such projects.  With hidden NULL it equals the
 * network's graph (projects weighting).
 * Time complexity: O(sum over projects of n_p^2 + V).
 */
void rn_link_graph_from_membership(const RnMembership *membership, const gboolean *hidden,
                                   RnLinkGraph *graph);
void rn_link_graph_clear(RnLinkGraph *graph);

/* Weight of the tie u-v, 0 when there is none.  Time complexity: O(log d(u)). */
double rn_link_graph_weight(const RnLinkGraph *graph, guint u, guint v);

/*
 * The scores of the pair (u, v), u != v, into scores[RN_NEIGHBOURHOOD_SCORES].
 * Time complexity: O(d(u) + d(v)).
 */
void rn_link_scores_pair(const RnLinkGraph *graph, guint u, guint v, double *scores);

/*
 * The scores of u with every node: scores[k][v] for score k; the row of u
 * itself is left 0.  Each scores[k] holds graph->n values and is
 * overwritten.  Time complexity: O(V + sum over z in N(u) of d(z)).
 */
void rn_link_scores_all(const RnLinkGraph *graph, guint u, double *const *scores);

#endif
