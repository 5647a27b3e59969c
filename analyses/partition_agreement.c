/*
 * partition_agreement.c — agreement of two partitions of the same items:
 * adjusted Rand index and normalised mutual information, with
 * scikit-learn's conventions for degenerate partitions (period_stats.h).
 */
#include <math.h>

#include "analyses/period_stats.h"

/* Contingency of two labellings: cluster sizes of each and of each pair. */
typedef struct {
    GHashTable *a, *b, *pair; /* label (+1) or pair key -> count */
} Contingency;

static void count(GHashTable *table, gconstpointer key)
{
    g_hash_table_replace(table, (gpointer)key,
                         GUINT_TO_POINTER(GPOINTER_TO_UINT(g_hash_table_lookup(table, key)) + 1));
}

static void contingency_build(const guint *a, const guint *b, guint n, Contingency *c)
{
    c->a = g_hash_table_new(g_direct_hash, g_direct_equal);
    c->b = g_hash_table_new(g_direct_hash, g_direct_equal);
    /* Key and count in one allocation: {a << 32 | b, count}. */
    c->pair = g_hash_table_new_full(g_int64_hash, g_int64_equal, g_free, NULL);
    for (guint i = 0; i < n; i++) {
        count(c->a, GUINT_TO_POINTER(a[i] + 1));
        count(c->b, GUINT_TO_POINTER(b[i] + 1));
        gint64 key = ((gint64)a[i] << 32) | b[i];
        gint64 *stored = g_hash_table_lookup(c->pair, &key);
        if (!stored) {
            stored = g_new(gint64, 2);
            stored[0] = key;
            stored[1] = 0;
            g_hash_table_add(c->pair, stored);
        }
        stored[1]++;
    }
}

static void contingency_clear(Contingency *c)
{
    g_hash_table_unref(c->a);
    g_hash_table_unref(c->b);
    g_hash_table_unref(c->pair);
}

/* Sum of count^2 over a table's values (pairs: the count after the key). */
static double sum_squares(GHashTable *table, gboolean pairs)
{
    double s = 0;
    GHashTableIter it;
    gpointer key, value;
    g_hash_table_iter_init(&it, table);
    while (g_hash_table_iter_next(&it, &key, &value)) {
        double x = pairs ? (double)((gint64 *)key)[1] : GPOINTER_TO_UINT(value);
        s += x * x;
    }
    return s;
}

double rn_adjusted_rand_index(const guint *a, const guint *b, guint n)
{
    g_return_val_if_fail(n == 0 || a != NULL, NAN);
    g_return_val_if_fail(n == 0 || b != NULL, NAN);
    if (n == 0)
        return NAN;
    Contingency c;
    contingency_build(a, b, n, &c);
    /* Pair confusion matrix over ordered pairs (sklearn pair_confusion_matrix). */
    double nn = n, cells = sum_squares(c.pair, TRUE);
    double tp = cells - nn;
    double fp = sum_squares(c.b, FALSE) - cells; /* together in b only */
    double fn = sum_squares(c.a, FALSE) - cells; /* together in a only */
    double tn = nn * nn - fp - fn - cells;
    contingency_clear(&c);
    if (fn == 0 && fp == 0)
        return 1.0;
    return 2.0 * (tp * tn - fn * fp) / ((tp + fn) * (fn + tn) + (tp + fp) * (fp + tn));
}

static double entropy(GHashTable *table, double n)
{
    double h = 0;
    GHashTableIter it;
    gpointer key, value;
    g_hash_table_iter_init(&it, table);
    while (g_hash_table_iter_next(&it, &key, &value)) {
        double p = GPOINTER_TO_UINT(value) / n;
        h -= p * log(p);
    }
    return h;
}

double rn_normalized_mutual_information(const guint *a, const guint *b, guint n)
{
    g_return_val_if_fail(n == 0 || a != NULL, NAN);
    g_return_val_if_fail(n == 0 || b != NULL, NAN);
    if (n == 0)
        return NAN;
    Contingency c;
    contingency_build(a, b, n, &c);
    double nn = n;
    guint ka = g_hash_table_size(c.a), kb = g_hash_table_size(c.b);
    double mi = 0;
    GHashTableIter it;
    gpointer key, value;
    g_hash_table_iter_init(&it, c.pair);
    while (g_hash_table_iter_next(&it, &key, &value)) {
        (void)value;
        gint64 k = ((gint64 *)key)[0];
        double nij = (double)((gint64 *)key)[1];
        double ai = GPOINTER_TO_UINT(g_hash_table_lookup(c.a, GUINT_TO_POINTER((guint)(k >> 32) + 1)));
        double bj = GPOINTER_TO_UINT(g_hash_table_lookup(c.b, GUINT_TO_POINTER((guint)(k & 0xFFFFFFFF) + 1)));
        mi += nij / nn * log(nn * nij / (ai * bj));
    }
    double ha = entropy(c.a, nn), hb = entropy(c.b, nn);
    contingency_clear(&c);
    if (ka == 1 && kb == 1)
        return 1.0;
    mi = MAX(mi, 0.0);
    if (mi == 0)
        return 0.0;
    return mi / ((ha + hb) / 2);
}
