/*
 * pendants.h — degree-1 removal for the exact shortest-path pass
 * (docs/paths.md, "Degree-1 vertices").
 *
 * Nodes of degree 1 are removed repeatedly until none is left, so what is
 * removed is a forest of trees, each hanging off one remaining node, its
 * anchor (a component that is a tree keeps one node).  Every path between a
 * node x of the tree T(c) of anchor c and a node y outside it passes through
 * c, so d(x, y) = h(x) + d(c, y), h(x) the length of the tree path from x to
 * c, and the shortest x-y paths are the c-y ones with the tree path in front.
 * Hence (Baglioni, Geraci, Pellegrini and Lastres 2012, "Fast exact
 * computation of betweenness centrality in social networks", ASONAM;
 * Sariyüce, Saule, Kaya and Çatalyürek 2013, "Shattering and compressing
 * networks for betweenness centrality", SIAM SDM):
 *
 * - betweenness: the pass runs on the remaining graph (the core) with each
 *   node c weighted by r(c) = |T(c)|, as a target (r(t) + delta(t) in
 *   Brandes' accumulation) and as a source (its dependencies count r(s)
 *   times); every node v then adds in closed form the pairs its tree
 *   structure forces through it: with N the size of v's component and
 *   p_1..p_k the sizes of the parts of the component minus v that hang on v's
 *   tree edges (its subtrees, and everything beyond v's parent or, for an
 *   anchor, beyond its tree), (N - 1)^2 - sum p_i^2 ordered pairs;
 * - harmonic, closeness, distance sums and eccentricities (weighted and in
 *   hops): for an anchor c and each node x of T(c), from c's source pass in
 *   O(N): d(x, y) = h(x) + dist_c(anchor(y)) + h(y) outside the tree, the tree
 *   distance inside.  Harmonic is not a sum of anchor terms, so each x loops
 *   over the targets itself; leaves of one parent at one length are
 *   exchangeable (pendant twins) and computed once.
 * Internal to analyses/.
 */
#ifndef REGNET_PENDANTS_H
#define REGNET_PENDANTS_H

#include "analyses/path_graph.h"

typedef struct {
    guint n;           /* nodes of the original graph */
    guint removed;     /* nodes removed (degree 1 when removed) */
    RnPathGraph core;  /* the remaining nodes, renumbered in increasing order; owned */
    guint *core_of;    /* n: index in core, G_MAXUINT for a removed node */
    guint *orig_of;    /* core.n: node of the original graph */
    double *weight;    /* core.n: r(c), nodes of the tree of c (c included) */
    guint *tree_offset;/* core.n + 1: T(c) is tree_member[tree_offset[c] ..) */
    guint *tree_member;/* n: c first, then its removed nodes, parents before children */
    guint *anchor;     /* n: original index of the anchor (itself for a core node) */
    guint *parent;     /* n: tree parent, G_MAXUINT for a core node */
    double *height;    /* n: h(x), length of the tree path to the anchor */
    guint *height_hops;/* n: arcs on that path */
    guint *same_as;    /* n: an earlier leaf of the same parent at the same length, or itself */
    guint *component;  /* n: nodes in x's connected component */
    double *pairs;     /* n: ordered pairs forced through x by the trees (closed form) */
} RnPendants;

/* Per-source figures of one node; written by rn_pendants_source(). */
typedef struct {
    double *harmonic;
    double *closeness;
    double *dist_sum;
    double *dist_max;
    double *hop_sum;
    guint *hop_max;
} RnPendantSums;

/*
 * Removes degree-1 nodes of graph repeatedly (FIFO, lowest node first, so
 * the result is deterministic) and fills p; graph must outlive nothing (p
 * copies what it needs).  Free with rn_pendants_clear().
 * Time complexity: O(V + E) plus O(V log V) for the pendant twins.
 */
void rn_pendants_find(const RnPathGraph *graph, RnPendants *p);
void rn_pendants_clear(RnPendants *p);

/*
 * After the source pass from core node s: order[0 .. reached) the core nodes
 * settled (s first), dist their distances; hops their hop distances when
 * hops is not NULL (else the hop figures are not written).  graph is the
 * original graph.  Writes the figures of every node of T(s) into sums
 * (indexed by original node).  Scratch is O(|T(s)|), allocated here.
 * Time complexity: O(|T(s)| N), N the size of s's component (pendant twins
 * counted once).
 */
void rn_pendants_source(const RnPendants *p, const RnPathGraph *graph, guint s,
                        const guint *order, guint reached, const double *dist,
                        const guint *hops, const RnPendantSums *sums);

#endif
