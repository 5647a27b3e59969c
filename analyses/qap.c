/*
 * qap.c — QAP (quadratic assignment procedure) correlation of two
 * periods' weighted ties over their common nodes (Krackhardt 1987;
 * UCINET's QAP correlation; R sna::qaptest(list(A, B), gcor, g1 = 1,
 * g2 = 2, mode = "graph")).  See period_stats.h.
 *
 * Only the cross-product sum changes under a permutation (the sums and
 * sums of squares of each side do not), so each permutation costs one
 * pass over a's ties among common nodes, with b looked up in a dense
 * matrix (up to DENSE_MAX common nodes) or a hash table of its ties.
 */
#include <math.h>
#include <string.h>

#include "analyses/bridging.h"
#include "analyses/period_stats.h"

#define DENSE_MAX 2048
/* Cross-products within this relative distance of the observed one count
 * as equal to it (float summation noise). */
#define TIE_TOLERANCE 1e-12

typedef struct {
    guint n;
    double *dense;           /* n x n, or NULL */
    GHashTable *sparse;      /* (i << 32 | j), i < j -> double * */
} Lookup;

static guint64 pair_key(guint i, guint j)
{
    return i < j ? ((guint64)i << 32) | j : ((guint64)j << 32) | i;
}

/* g_int64_hash folds i << 32 | j to i ^ j; the splitmix64 finaliser spreads pairs. */
static guint pair_hash(gconstpointer key)
{
    guint64 z = *(const guint64 *)key;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return (guint)(z ^ (z >> 31));
}

static double lookup(const Lookup *l, guint i, guint j)
{
    if (l->dense)
        return l->dense[(gsize)i * l->n + j];
    guint64 key = pair_key(i, j);
    const double *w = g_hash_table_lookup(l->sparse, &key);
    return w ? *w : 0.0;
}

/* Maps the nodes of a and b to common indices (G_MAXUINT: not common). */
static guint match_nodes(const RnNetwork *a, const RnNetwork *b, guint *common_a, guint *common_b)
{
    guint na = a->nodes->len, nb = b->nodes->len, i = 0, j = 0, n = 0;
    for (guint k = 0; k < na; k++)
        common_a[k] = G_MAXUINT;
    for (guint k = 0; k < nb; k++)
        common_b[k] = G_MAXUINT;
    while (i < na && j < nb) {
        int c = strcmp(g_array_index(a->nodes, RnNode, i).id, g_array_index(b->nodes, RnNode, j).id);
        if (c < 0)
            i++;
        else if (c > 0)
            j++;
        else {
            common_a[i++] = n;
            common_b[j++] = n++;
        }
    }
    return n;
}

void rn_qap_correlation(const RnNetwork *a, const RnNetwork *b, guint permutations,
                        guint64 seed, guint unit, RnQap *r)
{
    g_return_if_fail(a != NULL && b != NULL && r != NULL);
    *r = (RnQap){.permutations = permutations, .seed = seed, .correlation = NAN,
                 .p_greater = NAN, .p_less = NAN, .p_two_sided = NAN,
                 .permuted_mean = NAN, .permuted_sd = NAN};
    g_autofree guint *common_a = g_new(guint, a->nodes->len + 1);
    g_autofree guint *common_b = g_new(guint, b->nodes->len + 1);
    guint n = match_nodes(a, b, common_a, common_b);
    r->nodes = n;
    r->pairs = n > 1 ? (double)n * (n - 1) / 2 : 0;
    if (n < 3)
        return;
    /* a's ties among common nodes. */
    g_autoptr(GArray) ties = g_array_new(FALSE, FALSE, sizeof(guint) * 2);
    g_autoptr(GArray) weights = g_array_new(FALSE, FALSE, sizeof(double));
    double sx = 0, sxx = 0, sy = 0, syy = 0;
    for (guint e = 0; e < a->edges->len; e++) {
        const RnEdge *edge = &g_array_index(a->edges, RnEdge, e);
        guint s = common_a[edge->source], t = common_a[edge->target];
        if (s == G_MAXUINT || t == G_MAXUINT)
            continue;
        guint pair[2] = {s, t};
        g_array_append_val(ties, pair);
        g_array_append_val(weights, edge->weight);
        sx += edge->weight;
        sxx += edge->weight * edge->weight;
    }
    Lookup l = {.n = n};
    if (n <= DENSE_MAX)
        l.dense = g_new0(double, (gsize)n * n);
    else
        l.sparse = g_hash_table_new_full(pair_hash, g_int64_equal, g_free, g_free);
    for (guint e = 0; e < b->edges->len; e++) {
        const RnEdge *edge = &g_array_index(b->edges, RnEdge, e);
        guint s = common_b[edge->source], t = common_b[edge->target];
        if (s == G_MAXUINT || t == G_MAXUINT)
            continue;
        sy += edge->weight;
        syy += edge->weight * edge->weight;
        if (l.dense) {
            l.dense[(gsize)s * n + t] = edge->weight;
            l.dense[(gsize)t * n + s] = edge->weight;
        } else {
            guint64 key = pair_key(s, t);
            g_hash_table_insert(l.sparse, g_memdup2(&key, sizeof key),
                                g_memdup2(&edge->weight, sizeof(double)));
        }
    }
    double pairs = r->pairs, mx = sx / pairs, my = sy / pairs;
    double vx = sxx - pairs * mx * mx, vy = syy - pairs * my * my;
    guint m = ties->len;
    const guint(*tie)[2] = (const guint(*)[2])(void *)ties->data;
    const double *w = (const double *)weights->data;
    g_autofree guint *perm = g_new(guint, n);
    for (guint i = 0; i < n; i++)
        perm[i] = i;
    double sxy = 0;
    for (guint k = 0; k < m; k++)
        sxy += w[k] * lookup(&l, tie[k][0], tie[k][1]);
    if (vx > 0 && vy > 0) {
        double scale = sqrt(vx * vy);
        r->correlation = (sxy - pairs * mx * my) / scale;
        guint64 state = rn_stream_seed(seed, RN_STREAM_QAP, unit, 0);
        guint greater = 0, less = 0;
        double tolerance = TIE_TOLERANCE * MAX(fabs(sxy), 1e-300);
        g_autofree double *permuted = g_new(double, permutations + 1);
        for (guint p = 0; p < permutations; p++) {
            for (guint i = n; i > 1; i--) {
                guint j = (guint)rn_random_below(&state, i);
                guint t = perm[i - 1];
                perm[i - 1] = perm[j];
                perm[j] = t;
            }
            double s = 0;
            for (guint k = 0; k < m; k++)
                s += w[k] * lookup(&l, perm[tie[k][0]], perm[tie[k][1]]);
            greater += s >= sxy - tolerance;
            less += s <= sxy + tolerance;
            permuted[p] = (s - pairs * mx * my) / scale;
        }
        if (permutations > 0) {
            r->p_greater = (1.0 + greater) / (1.0 + permutations);
            r->p_less = (1.0 + less) / (1.0 + permutations);
            r->p_two_sided = MIN(1.0, 2 * MIN(r->p_greater, r->p_less));
            rn_mean_sd(permuted, permutations, &r->permuted_mean, &r->permuted_sd);
        }
    }
    g_free(l.dense);
    if (l.sparse)
        g_hash_table_unref(l.sparse);
}
