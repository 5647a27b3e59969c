/*
 * compare.c — period comparison: node turnover, edge persistence (Jaccard
 * and weighted Jaccard), and Spearman rank correlations with average ranks
 * for ties.  See docs/compare.md.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "analyses/compare.h"

const char *const rn_centrality_names[7] = {"degree", "strength", "betweenness", "harmonic",
                                            "closeness", "eigenvector", "pagerank"};

double rn_centrality_value(const RnCentrality *c, guint k, guint i)
{
    const double *arrays[7] = {c->degree, c->strength, c->betweenness, c->harmonic,
                               c->closeness, c->eigenvector, c->pagerank};
    return arrays[k][i];
}

static const double *sort_values; /* qsort has no context argument */

static int compare_by_value(const void *a, const void *b)
{
    double x = sort_values[*(const guint *)a], y = sort_values[*(const guint *)b];
    if (x != y)
        return x < y ? -1 : 1;
    return *(const guint *)a < *(const guint *)b ? -1 : 1;
}

/* Ranks 1..n, ties sharing the average of their positions.  Values within
 * 1e-9 of the largest |value| of the first of a run of sorted values are
 * tied: centralities equal in exact arithmetic can differ in the last bits,
 * and an exact tie test would rank such float noise. */
static void average_ranks(const double *values, guint n, double *ranks)
{
    double scale = 0;
    for (guint i = 0; i < n; i++)
        scale = MAX(scale, fabs(values[i]));
    double tolerance = 1e-9 * scale;
    g_autofree guint *order = g_new(guint, n + 1);
    for (guint i = 0; i < n; i++)
        order[i] = i;
    sort_values = values;
    qsort(order, n, sizeof(guint), compare_by_value);
    for (guint i = 0; i < n;) {
        guint j = i;
        while (j + 1 < n && values[order[j + 1]] - values[order[i]] <= tolerance)
            j++;
        double rank = (i + j) / 2.0 + 1.0;
        for (guint k = i; k <= j; k++)
            ranks[order[k]] = rank;
        i = j + 1;
    }
}

double rn_spearman(const double *x, const double *y, guint n)
{
    if (n < 2)
        return NAN;
    g_autofree double *rx = g_new(double, n), *ry = g_new(double, n);
    average_ranks(x, n, rx);
    average_ranks(y, n, ry);
    double mx = 0, my = 0;
    for (guint i = 0; i < n; i++) {
        mx += rx[i];
        my += ry[i];
    }
    mx /= n;
    my /= n;
    double sxy = 0, sxx = 0, syy = 0;
    for (guint i = 0; i < n; i++) {
        sxy += (rx[i] - mx) * (ry[i] - my);
        sxx += (rx[i] - mx) * (rx[i] - mx);
        syy += (ry[i] - my) * (ry[i] - my);
    }
    return sxx > 0 && syy > 0 ? sxy / sqrt(sxx * syy) : NAN;
}

/* Edge key by node ids: "source\x1ftarget" with source < target (byte order). */
static char *edge_key(const RnNetwork *net, const RnEdge *e)
{
    const char *a = g_array_index(net->nodes, RnNode, e->source).id;
    const char *b = g_array_index(net->nodes, RnNode, e->target).id;
    return strcmp(a, b) < 0 ? g_strconcat(a, "\x1f", b, NULL) : g_strconcat(b, "\x1f", a, NULL);
}

static GHashTable *edge_weights(const RnNetwork *net)
{
    GHashTable *t = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
    for (guint i = 0; i < net->edges->len; i++) {
        const RnEdge *e = &g_array_index(net->edges, RnEdge, i);
        g_hash_table_insert(t, edge_key(net, e), g_memdup2(&e->weight, sizeof(double)));
    }
    return t;
}

void rn_compare_periods(const RnPeriodResult *pa, const RnPeriodResult *pb, guint ia, guint ib,
                        RnComparison *out)
{
    const RnNetwork *a = pa->network, *b = pb->network;
    memset(out, 0, sizeof *out);
    out->a = ia;
    out->b = ib;
    out->entered = g_ptr_array_new();
    out->left = g_ptr_array_new();
    guint na = a->nodes->len, nb = b->nodes->len;
    out->kept_a = g_new(guint, MIN(na, nb) + 1);
    out->kept_b = g_new(guint, MIN(na, nb) + 1);
    /* Both node lists are sorted by id: merge them. */
    guint i = 0, j = 0;
    while (i < na || j < nb) {
        int c = i == na ? 1 : j == nb ? -1
                        : strcmp(g_array_index(a->nodes, RnNode, i).id,
                                 g_array_index(b->nodes, RnNode, j).id);
        if (c < 0)
            g_ptr_array_add(out->left, g_array_index(a->nodes, RnNode, i++).id);
        else if (c > 0)
            g_ptr_array_add(out->entered, g_array_index(b->nodes, RnNode, j++).id);
        else {
            out->kept_a[out->kept] = i++;
            out->kept_b[out->kept++] = j++;
        }
    }
    g_autoptr(GHashTable) wa = edge_weights(a), wb = edge_weights(b);
    double both = 0, either = 0, min_sum = 0, max_sum = 0;
    GHashTableIter it;
    gpointer key, value;
    g_hash_table_iter_init(&it, wa);
    while (g_hash_table_iter_next(&it, &key, &value)) {
        double x = *(double *)value, *y = g_hash_table_lookup(wb, key);
        either += 1;
        both += y != NULL;
        min_sum += y ? MIN(x, *y) : 0;
        max_sum += y ? MAX(x, *y) : x;
    }
    g_hash_table_iter_init(&it, wb);
    while (g_hash_table_iter_next(&it, &key, &value))
        if (!g_hash_table_contains(wa, key)) {
            either += 1;
            max_sum += *(double *)value;
        }
    out->edge_jaccard = either > 0 ? both / either : NAN;
    out->weighted_jaccard = max_sum > 0 ? min_sum / max_sum : NAN;

    /* Edge weights over pairs of kept nodes tied in either period. */
    g_autoptr(GHashTable) kept_ids = g_hash_table_new(g_str_hash, g_str_equal);
    for (guint k = 0; k < out->kept; k++)
        g_hash_table_add(kept_ids, g_array_index(a->nodes, RnNode, out->kept_a[k]).id);
    g_autoptr(GArray) xs = g_array_new(FALSE, FALSE, sizeof(double));
    g_autoptr(GArray) ys = g_array_new(FALSE, FALSE, sizeof(double));
    for (int pass = 0; pass < 2; pass++) {
        const RnNetwork *net = pass ? b : a;
        GHashTable *other = pass ? wa : wb;
        for (guint e = 0; e < net->edges->len; e++) {
            const RnEdge *edge = &g_array_index(net->edges, RnEdge, e);
            if (!g_hash_table_contains(kept_ids, g_array_index(net->nodes, RnNode, edge->source).id) ||
                !g_hash_table_contains(kept_ids, g_array_index(net->nodes, RnNode, edge->target).id))
                continue;
            g_autofree char *k = edge_key(net, edge);
            double *w = g_hash_table_lookup(other, k);
            if (pass == 1 && w)
                continue; /* counted in the first pass */
            double x = pass ? 0 : edge->weight, y = pass ? edge->weight : (w ? *w : 0);
            g_array_append_val(xs, x);
            g_array_append_val(ys, y);
        }
    }
    out->edge_weight_spearman = rn_spearman((double *)xs->data, (double *)ys->data, xs->len);
    g_autofree double *x = g_new(double, out->kept + 1), *y = g_new(double, out->kept + 1);
    for (guint c = 0; c < 7; c++) {
        for (guint k = 0; k < out->kept; k++) {
            x[k] = rn_centrality_value(&pa->centrality, c, out->kept_a[k]);
            y[k] = rn_centrality_value(&pb->centrality, c, out->kept_b[k]);
        }
        out->spearman[c] = rn_spearman(x, y, out->kept);
    }
}

void rn_comparison_clear(RnComparison *c)
{
    if (c->entered)
        g_ptr_array_unref(c->entered);
    if (c->left)
        g_ptr_array_unref(c->left);
    g_free(c->kept_a);
    g_free(c->kept_b);
    memset(c, 0, sizeof *c);
}
