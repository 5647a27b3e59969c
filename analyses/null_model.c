/*
 * null_model.c — degree-preserving random networks for z-scores
 * (period_stats.h, docs/compare.md "Null model").
 *
 * Maslov-Sneppen double-edge swaps keep every node's degree; each tie
 * carries its weight along (the topology is randomised, the weight
 * distribution kept; strengths move with the ties: Opsahl, Colizza,
 * Panzarasa and Ramasco 2008, "weights follow links").  Swaps that would
 * create a self-tie or a repeated tie are refused, so the network stays
 * simple, and the attempt still counts: RN_NULL_SWAPS_PER_TIE x E attempts
 * in all, whatever their outcome, so the draws are the same for any
 * implementation of these steps.
 */
#include <stdlib.h>
#include <string.h>

#include "analyses/bridging.h"
#include "analyses/period_stats.h"

typedef struct {
    guint u, v;
    double weight;
} Tie;

/* Dense bit matrices up to this many nodes (8 MiB), hash sets above. */
#define DENSE_MAX 8192

static guint64 pair_key(guint i, guint j)
{
    return i < j ? ((guint64)i << 32) | j : ((guint64)j << 32) | i;
}

/* The ties present: a bit per pair, or a hash set of pair keys. */
typedef struct {
    guint n;
    guint8 *bits;
    GHashTable *set;
} TieSet;

/* g_int64_hash folds i << 32 | j to i ^ j, which collides for every pair
 * with the same xor; the splitmix64 finaliser spreads them. */
static guint pair_hash(gconstpointer key)
{
    guint64 z = *(const guint64 *)key;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return (guint)(z ^ (z >> 31));
}

static void tie_set_init(TieSet *t, guint n)
{
    t->n = n;
    t->bits = n <= DENSE_MAX ? g_new0(guint8, ((gsize)n * n + 7) / 8) : NULL;
    t->set = t->bits ? NULL : g_hash_table_new_full(pair_hash, g_int64_equal, g_free, NULL);
}

static void tie_set_clear(TieSet *t)
{
    g_free(t->bits);
    if (t->set)
        g_hash_table_unref(t->set);
}

static gboolean tie_set_has(const TieSet *t, guint i, guint j)
{
    if (t->bits) {
        gsize k = (gsize)MIN(i, j) * t->n + MAX(i, j);
        return t->bits[k >> 3] >> (k & 7) & 1;
    }
    guint64 key = pair_key(i, j);
    return g_hash_table_contains(t->set, &key);
}

static void tie_set_put(TieSet *t, guint i, guint j, gboolean present)
{
    if (t->bits) {
        gsize k = (gsize)MIN(i, j) * t->n + MAX(i, j);
        if (present)
            t->bits[k >> 3] |= (guint8)(1u << (k & 7));
        else
            t->bits[k >> 3] &= (guint8)~(1u << (k & 7));
        return;
    }
    guint64 key = pair_key(i, j);
    if (present)
        g_hash_table_add(t->set, g_memdup2(&key, sizeof key));
    else
        g_hash_table_remove(t->set, &key);
}

static gint compare_ties(gconstpointer a, gconstpointer b)
{
    const Tie *x = a, *y = b;
    if (x->u != y->u)
        return x->u < y->u ? -1 : 1;
    return x->v < y->v ? -1 : x->v > y->v;
}

RnNetwork *rn_null_network(const RnNetwork *net, guint64 *state)
{
    g_return_val_if_fail(net != NULL && state != NULL, NULL);
    guint m = net->edges->len;
    g_autofree Tie *ties = g_new(Tie, m + 1);
    TieSet present;
    tie_set_init(&present, net->nodes->len);
    for (guint e = 0; e < m; e++) {
        const RnEdge *edge = &g_array_index(net->edges, RnEdge, e);
        ties[e] = (Tie){edge->source, edge->target, edge->weight};
        tie_set_put(&present, edge->source, edge->target, TRUE);
    }
    guint64 attempts = m >= 2 ? (guint64)RN_NULL_SWAPS_PER_TIE * m : 0;
    for (guint64 k = 0; k < attempts; k++) {
        guint e1 = (guint)rn_random_below(state, m);
        guint e2 = (guint)rn_random_below(state, m);
        gboolean cross = rn_splitmix64(state) >> 63; /* the coin */
        if (e1 == e2)
            continue;
        guint a = ties[e1].u, b = ties[e1].v, c = ties[e2].u, d = ties[e2].v;
        /* a-b, c-d -> a-d, c-b (cross) or a-c, b-d. */
        guint x1 = a, y1 = cross ? d : c, x2 = cross ? c : b, y2 = cross ? b : d;
        if (x1 == y1 || x2 == y2 || pair_key(x1, y1) == pair_key(x2, y2) ||
            tie_set_has(&present, x1, y1) || tie_set_has(&present, x2, y2))
            continue;
        tie_set_put(&present, a, b, FALSE);
        tie_set_put(&present, c, d, FALSE);
        tie_set_put(&present, x1, y1, TRUE);
        tie_set_put(&present, x2, y2, TRUE);
        ties[e1].u = x1, ties[e1].v = y1;
        ties[e2].u = x2, ties[e2].v = y2;
    }
    tie_set_clear(&present);
    RnNetwork *out = rn_network_new(net->kind);
    out->weighting = net->weighting;
    g_array_set_size(out->nodes, net->nodes->len); /* zeroed: no ids needed */
    for (guint e = 0; e < m; e++)
        if (ties[e].u > ties[e].v) {
            guint t = ties[e].u;
            ties[e].u = ties[e].v;
            ties[e].v = t;
        }
    qsort(ties, m, sizeof(Tie), compare_ties);
    for (guint e = 0; e < m; e++) {
        RnEdge edge = {.source = ties[e].u, .target = ties[e].v, .weight = ties[e].weight};
        g_array_append_val(out->edges, edge);
    }
    return out;
}
