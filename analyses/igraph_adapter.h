/*
 * igraph_adapter.h — the one place regnet meets the igraph C library.
 *
 * Everything process-wide about igraph lives in igraph_adapter.c: the error
 * and warning handlers (igraph's defaults abort or print; a library must do
 * neither), OpenMP pinning (PRPACK's summation order depends on the thread
 * count), the random number generator's seed, and the conversion of a
 * network into an igraph graph.  Only analyses/ include this header; the
 * engine, loaders and output know nothing of igraph.
 *
 * Threads: Debian's igraph 0.10 is built without thread safety.  Every
 * function here and every igraph call must come from one thread at a time
 * (regnet's path pass, the only parallel code, never calls igraph).
 */
#ifndef REGNET_IGRAPH_ADAPTER_H
#define REGNET_IGRAPH_ADAPTER_H

#include <igraph.h>

#include "engine/network.h"

/*
 * Starts a sequence of igraph calls: installs the handlers on first use
 * (idempotent) and forgets the reason of any earlier failure, so that the
 * next rn_igraph_check() reports this sequence's own first reason.
 * Time complexity: O(1).
 */
void rn_igraph_begin(void);

/*
 * Turns an igraph return code into a GError (RN_ERROR_INTERNAL, "WHAT
 * failed: REASON (igraph's text for the code)").  The reason is the first
 * non-empty one igraph gave since rn_igraph_begin(): igraph reports a
 * failure where it happens and then again, with an empty reason, at every
 * IGRAPH_CHECK it passes on its way out.  Returns TRUE when code is
 * IGRAPH_SUCCESS.  Time complexity: O(1).
 */
gboolean rn_igraph_check(igraph_error_t code, const char *what, GError **error);

/*
 * Warnings igraph gave since the last call, oldest first, each once
 * ("WHERE: text"); the caller owns the array (g_ptr_array_unref).  Empty
 * when none.  Time complexity: O(warnings).
 */
GPtrArray *rn_igraph_take_warnings(void);

/* Seeds igraph's default random number generator.  Time complexity: O(1). */
void rn_igraph_seed(guint64 seed);

/*
 * Creates in graph the undirected igraph graph of network, network edge i
 * as igraph edge i, and, when weights is not NULL, initialises it with the
 * edge weights.  The caller destroys both (also on failure nothing is left
 * to destroy).  Errors: RN_ERROR_INTERNAL when igraph cannot allocate.
 * Time complexity: O(V + E).
 */
gboolean rn_igraph_from_network(const RnNetwork *network, igraph_t *graph,
                                igraph_vector_t *weights, GError **error);

/*
 * Fruchterman-Reingold layout of network (igraph_layout_fruchterman_reingold:
 * unweighted, iterations steps, igraph's default start temperature
 * sqrt(V)/10, its grid variant above 1000 nodes), the random start drawn
 * from igraph's generator seeded with seed.  Returns 2V doubles, node i at
 * (xy[2i], xy[2i + 1]) in igraph's units; the caller g_frees it.  Errors:
 * RN_ERROR_INTERNAL when igraph fails.  Time complexity: O(iterations *
 * (V^2 + E)) (grid: about O(iterations * (V + E)) on sparse layouts).
 */
double *rn_igraph_layout_fr(const RnNetwork *network, guint64 seed, guint iterations,
                            GError **error);

#endif
