/*
 * adjacency.h — compressed adjacency lists of a network, both directions of
 * every edge, each node's neighbours in increasing node order.
 */
#ifndef REGNET_ADJACENCY_H
#define REGNET_ADJACENCY_H

#include "engine/network.h"

typedef struct {
    guint n;
    guint *offset;   /* n + 1: arcs of v are offset[v] .. offset[v + 1] */
    guint *target;   /* neighbour at the far end of each arc */
    guint *edge;     /* network edge index of each arc */
} RnAdjacency;

/* Builds the adjacency of network.  Time complexity: O(V + E). */
void rn_adjacency_build(const RnNetwork *network, RnAdjacency *adjacency);
void rn_adjacency_clear(RnAdjacency *adjacency);

#endif
