/* network_builder.h — small weighted networks for the path tests
 * (test_network.c, test_sample.c): edges collected as (u, v, weight), then
 * turned into an organisation network in the form the engine builds:
 * source < target, one edge per pair (the first added), no self-ties,
 * edges in insertion order (so neighbour lists are not sorted by node, and
 * the code under test must not rely on it). */
#ifndef REGNET_TESTS_NETWORK_BUILDER_H
#define REGNET_TESTS_NETWORK_BUILDER_H

#include "engine/network.h"

typedef struct {
    GArray *edges; /* double[3] */
    guint n;
} Builder;

static inline Builder builder(guint n)
{
    return (Builder){g_array_new(FALSE, FALSE, sizeof(double[3])), n};
}

static inline void add_edge(Builder *b, guint u, guint v, double w)
{
    double e[3] = {MIN(u, v), MAX(u, v), w};
    g_array_append_val(b->edges, e);
}

/* The network of nodes n0 .. n(n-1); consumes the builder's edges. */
static inline RnNetwork *builder_network(Builder *b)
{
    RnNetwork *net = rn_network_new(RN_NETWORK_ORG);
    for (guint i = 0; i < b->n; i++) {
        char id[16];
        g_snprintf(id, sizeof id, "n%u", i);
        RnNode node = {.id = g_strdup(id), .label = g_strdup(id), .country = g_strdup(""),
                       .sector = g_strdup(""), .region = g_strdup("")};
        g_array_append_val(net->nodes, node);
    }
    g_autoptr(GHashTable) seen = g_hash_table_new_full(g_int64_hash, g_int64_equal, g_free, NULL);
    for (guint i = 0; i < b->edges->len; i++) {
        double *e = &((double *)b->edges->data)[3 * i];
        gint64 key = (gint64)e[0] << 32 | (gint64)e[1];
        if (e[0] == e[1] || g_hash_table_contains(seen, &key))
            continue;
        g_hash_table_add(seen, g_memdup2(&key, sizeof key));
        RnEdge edge = {.source = (guint)e[0], .target = (guint)e[1], .weight = e[2], .projects = 1};
        g_array_append_val(net->edges, edge);
    }
    g_array_unref(b->edges);
    return net;
}

#endif
