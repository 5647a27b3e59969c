/*
 * adjacency.c — see adjacency.h.  Edges are sorted by (source, target), so
 * filling arcs in edge order leaves every neighbour list sorted.
 */
#include "engine/adjacency.h"

void rn_adjacency_build(const RnNetwork *net, RnAdjacency *adj)
{
    g_return_if_fail(net != NULL);
    g_return_if_fail(adj != NULL);
    guint n = net->nodes->len, m = net->edges->len;
    adj->n = n;
    adj->offset = g_new0(guint, n + 1);
    adj->target = g_new(guint, 2 * (gsize)m + 1);
    adj->edge = g_new(guint, 2 * (gsize)m + 1);
    for (guint i = 0; i < m; i++) {
        const RnEdge *e = &g_array_index(net->edges, RnEdge, i);
        adj->offset[e->source + 1]++;
        adj->offset[e->target + 1]++;
    }
    for (guint v = 0; v < n; v++)
        adj->offset[v + 1] += adj->offset[v];
    g_autofree guint *fill = g_memdup2(adj->offset, sizeof(guint) * (n + 1));
    for (guint i = 0; i < m; i++) {
        const RnEdge *e = &g_array_index(net->edges, RnEdge, i);
        guint a = fill[e->source]++, b = fill[e->target]++;
        adj->target[a] = e->target;
        adj->edge[a] = i;
        adj->target[b] = e->source;
        adj->edge[b] = i;
    }
}

void rn_adjacency_clear(RnAdjacency *adj)
{
    g_return_if_fail(adj != NULL);
    g_clear_pointer(&adj->offset, g_free);
    g_clear_pointer(&adj->target, g_free);
    g_clear_pointer(&adj->edge, g_free);
}
