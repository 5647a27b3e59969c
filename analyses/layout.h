/*
 * layout.h — node positions for the network drawing (output/figure_network.c).
 *
 * The layout is computed here, with igraph through analyses/igraph_adapter.c;
 * output/ only draws the positions it is given.
 */
#ifndef REGNET_LAYOUT_H
#define REGNET_LAYOUT_H

#include "engine/network.h"

/* Steps of the Fruchterman-Reingold layout. */
#define RN_LAYOUT_ITERATIONS 500

/*
 * Fruchterman-Reingold layout of network (unweighted, RN_LAYOUT_ITERATIONS
 * steps, igraph's random start drawn with seed: the same seed gives the
 * same positions).  Only the largest connected component keeps positions
 * (ties: the one with the smallest node index); the other nodes get NAN
 * (isolates and small components, which the layout scatters around it).
 * The component is rescaled so that the 1st to 99th percentile of x and of
 * y each span [0, 1], the nodes beyond pinned to 0 or 1 (a coordinate all
 * its nodes share becomes 0.5).  Returns 2V doubles, node i at (xy[2i],
 * xy[2i + 1]); NULL with no error for an empty network.  The caller
 * g_frees it.  Errors: RN_ERROR_INTERNAL when igraph fails.
 * Time complexity: that of rn_igraph_layout_fr(), O(500 (V^2 + E)) at most,
 * plus O(V log V + E α(V)).
 */
double *rn_layout_network(const RnNetwork *network, guint64 seed, GError **error);

#endif
