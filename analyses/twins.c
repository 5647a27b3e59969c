/*
 * twins.c — open and closed twins of a path graph (see twins.h).
 */
#include "analyses/twins.h"

#include <stdlib.h>

static inline guint64 mix(guint64 x)
{
    x += G_GUINT64_CONSTANT(0x9E3779B97F4A7C15);
    x = (x ^ (x >> 30)) * G_GUINT64_CONSTANT(0xBF58476D1CE4E5B9);
    x = (x ^ (x >> 27)) * G_GUINT64_CONSTANT(0x94D049BB133111EB);
    return x ^ (x >> 31);
}

typedef struct {
    guint64 key;
    guint node;
} Keyed;

static int compare_keyed(const void *a, const void *b)
{
    const Keyed *x = a, *y = b;
    if (x->key != y->key)
        return x->key < y->key ? -1 : 1;
    return x->node < y->node ? -1 : x->node > y->node;
}

/* Open twins: the same neighbours at the same lengths. */
static gboolean open_twins(const RnPathGraph *g, guint u, guint v)
{
    guint du = g->offset[u + 1] - g->offset[u], dv = g->offset[v + 1] - g->offset[v];
    if (du != dv)
        return FALSE;
    for (guint k = 0; k < du; k++)
        if (g->target[g->offset[u] + k] != g->target[g->offset[v] + k] ||
            g->length[g->offset[u] + k] != g->length[g->offset[v] + k])
            return FALSE;
    return TRUE;
}

/* Closed twins: adjacent, N(u) - v = N(v) - u at the same lengths.  Arcs of
 * a node are sorted by target. */
static gboolean closed_twins(const RnPathGraph *g, guint u, guint v)
{
    guint du = g->offset[u + 1] - g->offset[u], dv = g->offset[v + 1] - g->offset[v];
    if (du != dv || du == 0)
        return FALSE;
    guint i = g->offset[u], j = g->offset[v], iu = g->offset[u + 1], jv = g->offset[v + 1];
    gboolean adjacent = FALSE;
    for (;;) {
        while (i < iu && g->target[i] == v) {
            adjacent = TRUE;
            i++;
        }
        while (j < jv && g->target[j] == u)
            j++;
        if (i == iu || j == jv)
            return adjacent && i == iu && j == jv;
        if (g->target[i] != g->target[j] || g->length[i] != g->length[j])
            return FALSE;
        i++;
        j++;
    }
}

/* Groups the unassigned nodes by key; within a group, each node joins the
 * first earlier class it is a twin of.  Returns how many nodes joined. */
static guint group(const RnPathGraph *g, const gboolean *eligible, RnTwins *t, Keyed *keys,
                   guint n, gboolean (*twins)(const RnPathGraph *, guint, guint))
{
    qsort(keys, n, sizeof *keys, compare_keyed);
    guint joined = 0;
    g_autofree guint *last = g_new(guint, g->n + 1); /* last member of each class, by rep */
    for (guint a = 0; a < n;) {
        guint b = a + 1;
        while (b < n && keys[b].key == keys[a].key)
            b++;
        /* Representatives of this group so far: keys[a..b) nodes with rep == self. */
        for (guint k = a; k < b; k++) {
            guint v = keys[k].node;
            /* isolated nodes are cheap sources with nothing to share: left alone */
            if (t->rep[v] != v || t->size[v] > 1 || g->offset[v + 1] == g->offset[v] ||
                (eligible && !eligible[v]))
                continue;
            last[v] = v;
            for (guint j = a; j < k; j++) {
                guint u = keys[j].node;
                if (t->rep[u] != u || g->offset[u + 1] == g->offset[u] ||
                    (eligible && !eligible[u]) || !twins(g, u, v))
                    continue;
                t->rep[v] = u;
                t->next[last[u]] = v;
                last[u] = v;
                t->size[u]++;
                joined++;
                break;
            }
        }
        a = b;
    }
    return joined;
}

void rn_twins_find(const RnPathGraph *g, RnTwins *t)
{
    g_return_if_fail(g != NULL && t != NULL);
    rn_twins_find_among(g, NULL, t);
}

void rn_twins_find_among(const RnPathGraph *g, const gboolean *eligible, RnTwins *t)
{
    g_return_if_fail(g != NULL && t != NULL);
    guint n = g->n;
    t->rep = g_new(guint, n + 1);
    t->next = g_new(guint, n + 1);
    t->size = g_new(guint, n + 1);
    for (guint v = 0; v < n; v++) {
        t->rep[v] = v;
        t->next[v] = G_MAXUINT;
        t->size[v] = 1;
    }
    g_autofree Keyed *keys = g_new(Keyed, n + 1);
    g_autofree guint64 *open = g_new(guint64, n + 1);
    for (guint v = 0; v < n; v++) {
        guint64 h = mix(g->offset[v + 1] - g->offset[v]);
        for (guint k = g->offset[v]; k < g->offset[v + 1]; k++)
            h += mix(g->target[k]); /* order-free: a sum */
        open[v] = h;
        keys[v] = (Keyed){h, v};
    }
    /* Nodes are in increasing order within a key, so a class's first node
     * is its lowest: the representative. */
    t->open_merged = group(g, eligible, t, keys, n, open_twins);
    guint m = 0;
    for (guint v = 0; v < n; v++)
        if (t->rep[v] == v && t->size[v] == 1)
            keys[m++] = (Keyed){open[v] + mix(v), v};
    t->closed_merged = group(g, eligible, t, keys, m, closed_twins);
}

void rn_twins_clear(RnTwins *t)
{
    g_return_if_fail(t != NULL);
    g_clear_pointer(&t->rep, g_free);
    g_clear_pointer(&t->next, g_free);
    g_clear_pointer(&t->size, g_free);
}
