/*
 * twins.h — structurally equivalent nodes of a path graph ("twins"), whose
 * shortest-path measures as sources are equal, so the exact pass solves one
 * source per class (docs/paths.md).
 *
 * u and v are open twins when N(u) = N(v) with the same length to every
 * neighbour (not adjacent), closed twins when N[u] = N[v] (adjacent) with
 * the same length to every other neighbour.  Either way swapping u and v is
 * an automorphism of the weighted graph, so from source u the dependencies,
 * distance sums and eccentricities are those from v with u and v swapped.
 * In projection networks every organisation whose only project is P is a
 * closed twin of every other such partner of P.
 * Internal to analyses/.
 */
#ifndef REGNET_TWINS_H
#define REGNET_TWINS_H

#include "analyses/path_graph.h"

typedef struct {
    guint *rep;          /* n: the lowest node of v's class (v itself when alone) */
    guint *next;         /* n: next member of v's class in increasing order, G_MAXUINT at the end */
    guint *size;         /* n: class size, valid at the representative */
    guint open_merged;   /* nodes that are an open twin of a lower node */
    guint closed_merged; /* nodes that are a closed twin of a lower node */
} RnTwins;

/*
 * Finds the twin classes of graph (exact length equality).  Classes are
 * deterministic: representative = lowest index.  Free with rn_twins_clear().
 * Time complexity: O(V log V + E) expected (neighbourhoods hashed, then
 * compared).
 */
void rn_twins_find(const RnPathGraph *graph, RnTwins *twins);
/*
 * rn_twins_find() among the nodes with eligible[v] (NULL: all); the others
 * stay alone in their class.  Time complexity: as rn_twins_find().
 */
void rn_twins_find_among(const RnPathGraph *graph, const gboolean *eligible, RnTwins *twins);
void rn_twins_clear(RnTwins *twins);

#endif
