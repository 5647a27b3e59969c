/*
 * path_graph.c — arcs with lengths for the shortest-path kernels (see
 * path_graph.h).
 */
#include "analyses/path_graph.h"

void rn_path_graph_build(const RnNetwork *net, double alpha, RnPathGraph *g)
{
    g_return_if_fail(net != NULL);
    g_return_if_fail(g != NULL);
    rn_adjacency_build(net, &g->arcs);
    g->n = g->arcs.n;
    g->offset = g->arcs.offset;
    g->target = g->arcs.target;
    gsize arcs = g->offset[g->n];
    g->length = g_new(double, arcs + 1);
    for (gsize k = 0; k < arcs; k++) {
        double w = g_array_index(net->edges, RnEdge, g->arcs.edge[k]).weight;
        g->length[k] = alpha == 0.0 ? 1.0 : 1.0 / pow(w, alpha);
    }
}

void rn_path_graph_clear(RnPathGraph *g)
{
    g_return_if_fail(g != NULL);
    rn_adjacency_clear(&g->arcs);
    g_clear_pointer(&g->length, g_free);
}
