/*
 * biconnected.h — articulation points and biconnected components (blocks)
 * of a path graph, for the structure figures of the shortest-path pass
 * (docs/paths.md, "Biconnected structure").
 *
 * A block is a maximal connected subgraph with no articulation point of its
 * own; a bridge is a block of two nodes; an isolated node is in no block.
 * Every shortest path between two nodes of one block stays in the block, and
 * every path between blocks passes through the articulation points between
 * them, which is what "shattering" (Puzis, Zilberman, Elovici, Dolev,
 * Brandes 2012; Sariyüce et al. 2013) solves block by block.
 * Internal to analyses/.
 */
#ifndef REGNET_BICONNECTED_H
#define REGNET_BICONNECTED_H

#include "analyses/path_graph.h"

typedef struct {
    guint articulation_points;
    guint blocks;         /* biconnected components, bridges included */
    guint largest_nodes;  /* nodes of the largest block (by nodes; the first found on ties) */
    guint largest_edges;  /* its edges */
    guint *largest;       /* largest_nodes: its nodes, increasing; owned */
    guint *block_offset;  /* blocks + 1: nodes of block b are block_nodes[block_offset[b] ..) */
    guint *block_nodes;   /* the nodes of every block in the order found; owned */
} RnBiconnected;

/*
 * Hopcroft-Tarjan depth-first search with an explicit stack (no recursion)
 * and a stack of edges, each block popped when its articulation point (or
 * root) finishes a child.  Deterministic (roots and arcs in node order).
 * Free with rn_biconnected_clear().
 * Time complexity: O(V + E); memory O(V + E).
 */
void rn_biconnected_find(const RnPathGraph *graph, RnBiconnected *result);
void rn_biconnected_clear(RnBiconnected *result);

#endif
