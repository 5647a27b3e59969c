/*
 * biconnected.c — articulation points and blocks (see biconnected.h).
 */
#include "analyses/biconnected.h"

#include <stdlib.h>

static int compare_guint(const void *a, const void *b)
{
    guint x = *(const guint *)a, y = *(const guint *)b;
    return x < y ? -1 : x > y;
}

void rn_biconnected_find(const RnPathGraph *g, RnBiconnected *r)
{
    g_return_if_fail(g != NULL && r != NULL);
    guint n = g->n;
    *r = (RnBiconnected){0};
    g_autofree guint *disc = g_new0(guint, n + 1); /* 0: not visited; else order + 1 */
    g_autofree guint *low = g_new(guint, n + 1);
    g_autofree guint *next_arc = g_new(guint, n + 1);
    g_autofree guint *parent = g_new(guint, n + 1);
    g_autofree guint *stack = g_new(guint, n + 1);        /* DFS path */
    g_autofree guint *edge_u = g_new(guint, g->offset[n] / 2 + 1);
    g_autofree guint *edge_v = g_new(guint, g->offset[n] / 2 + 1);
    g_autofree guint *stamp = g_new0(guint, n + 1);       /* block number + 1 of a node's last count */
    g_autofree guint *block = g_new(guint, n + 1);        /* nodes of the block being popped */
    g_autofree gboolean *cut = g_new0(gboolean, n + 1);
    guint time = 0, edges = 0;
    GArray *largest = g_array_new(FALSE, FALSE, sizeof(guint));
    GArray *offsets = g_array_new(FALSE, FALSE, sizeof(guint));
    GArray *members = g_array_new(FALSE, FALSE, sizeof(guint));
    guint zero = 0;
    g_array_append_val(offsets, zero);
    for (guint root = 0; root < n; root++) {
        if (disc[root] || g->offset[root] == g->offset[root + 1])
            continue;
        guint top = 0, root_children = 0;
        stack[top++] = root;
        disc[root] = low[root] = ++time;
        next_arc[root] = g->offset[root];
        parent[root] = G_MAXUINT;
        while (top > 0) {
            guint u = stack[top - 1];
            if (next_arc[u] < g->offset[u + 1]) {
                guint v = g->target[next_arc[u]++];
                if (v == u || v == parent[u])
                    continue; /* a simple graph: the arc back to the parent is the tree edge */
                if (!disc[v]) {
                    edge_u[edges] = u;
                    edge_v[edges++] = v;
                    disc[v] = low[v] = ++time;
                    next_arc[v] = g->offset[v];
                    parent[v] = u;
                    stack[top++] = v;
                    if (u == root)
                        root_children++;
                } else if (disc[v] < disc[u]) {
                    edge_u[edges] = u; /* a back edge, pushed once (from its lower end) */
                    edge_v[edges++] = v;
                    low[u] = MIN(low[u], disc[v]);
                }
                continue;
            }
            top--;
            guint p = parent[u];
            if (p == G_MAXUINT)
                continue;
            low[p] = MIN(low[p], low[u]);
            if (low[u] < disc[p])
                continue;
            /* p separates u's subtree: pop the block down to the edge p-u. */
            if (p != root)
                cut[p] = TRUE;
            guint count = 0, block_edges = 0, id = ++r->blocks;
            for (;;) {
                guint a = edge_u[--edges], b = edge_v[edges];
                block_edges++;
                if (stamp[a] != id) {
                    stamp[a] = id;
                    block[count++] = a;
                }
                if (stamp[b] != id) {
                    stamp[b] = id;
                    block[count++] = b;
                }
                if (a == p && b == u)
                    break;
            }
            g_array_append_vals(members, block, count);
            g_array_append_val(offsets, members->len);
            if (count > r->largest_nodes) {
                r->largest_nodes = count;
                r->largest_edges = block_edges;
                g_array_set_size(largest, 0);
                g_array_append_vals(largest, block, count);
            }
        }
        if (root_children > 1)
            cut[root] = TRUE;
    }
    for (guint v = 0; v < n; v++)
        r->articulation_points += cut[v];
    if (largest->len > 1) /* an empty GArray has no data to sort (NULL) */
        qsort(largest->data, largest->len, sizeof(guint), compare_guint);
    r->largest = (guint *)g_array_free(largest, FALSE);
    r->block_offset = (guint *)g_array_free(offsets, FALSE);
    r->block_nodes = (guint *)g_array_free(members, FALSE);
}

void rn_biconnected_clear(RnBiconnected *r)
{
    g_return_if_fail(r != NULL);
    g_free(r->largest);
    g_free(r->block_offset);
    g_free(r->block_nodes);
    *r = (RnBiconnected){0};
}
