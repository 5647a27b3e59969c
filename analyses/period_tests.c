/*
 * period_tests.c — the resampling statistics of a period comparison
 * (compare.h, docs/compare.md "Significance"):
 *
 *   bootstrap     each period's projects drawn with replacement (as many as
 *                 it has), the network rebuilt and every statistic
 *                 recomputed; percentile intervals;
 *   permutation   the projects of two periods pooled and split at random
 *                 into groups of the periods' sizes; the difference (later
 *                 minus earlier) of each statistic against its permutation
 *                 distribution; every split when there are few;
 *   null model    degree-preserving rewirings of each period's network
 *                 (null_model.c); z-scores.
 *
 * Replicate r of a period or a comparison draws from its own stream
 * (rn_stream_seed), so the result does not depend on the order of work.
 */
#include <math.h>
#include <string.h>

#include "analyses/bridging.h"
#include "analyses/compare.h"
#include "engine/error.h"

/* Relative distance under which a permuted difference equals the observed. */
#define TIE_TOLERANCE 1e-9

static RnStatisticsOptions statistics_options(const RnCompareRequest *q, int rank_centrality)
{
    return (RnStatisticsOptions){.alpha = q->options.alpha, .threads = q->options.threads,
                                 .leiden_seed = q->seed, .paths = q->resample_paths,
                                 .rank_centrality = rank_centrality};
}

/* Identity node space of one network. */
static guint *identity(guint n)
{
    guint *space = g_new(guint, n + 1);
    for (guint i = 0; i < n; i++)
        space[i] = i;
    return space;
}

gboolean rn_compare_bootstrap(const RnCompareRequest *q, RnPeriodResult *p, guint index,
                              GError **error)
{
    g_return_val_if_fail(q != NULL, FALSE);
    g_return_val_if_fail(p != NULL, FALSE);
    g_return_val_if_fail(error == NULL || *error == NULL, FALSE);
    guint B = q->bootstrap, n = p->network->nodes->len;
    p->bootstrap_replicates = B;
    if (B == 0)
        return TRUE;
    g_autofree guint *space = identity(n);
    RnProjectSet set;
    rn_project_set_from_network(p->network, space, n, &set);
    gboolean ranks = q->rank_centrality >= 0;
    RnStatisticsOptions o = statistics_options(q, q->rank_centrality);
    g_autofree double *values = g_new(double, (gsize)B * RN_STATS);
    g_autofree float *rank = ranks ? g_new(float, (gsize)B * n + 1) : NULL;
    g_autofree double *full = g_new0(double, n + 1), *node_rank = g_new(double, n + 1);
    g_autofree double *centrality = g_new(double, n + 1);
    g_autofree guint *count = g_new(guint, set.n_projects + 1);
    gboolean ok = TRUE;
    for (guint r = 0; r < B && ok; r++) {
        guint64 state = rn_stream_seed(q->seed, RN_STREAM_BOOTSTRAP, index, r);
        memset(count, 0, sizeof(guint) * set.n_projects);
        for (guint k = 0; k < set.n_projects; k++)
            count[rn_random_below(&state, set.n_projects)]++;
        g_autofree guint *space_of = NULL;
        g_autoptr(RnNetwork) net = rn_network_from_projects(&set, count, p->network->weighting,
                                                            &space_of);
        ok = rn_network_statistics(net, &o, values + (gsize)r * RN_STATS, centrality, error);
        if (ok && ranks) {
            /* Nodes the replicate does not hold have every centrality 0. */
            memset(full, 0, sizeof(double) * n);
            for (guint i = 0; i < net->nodes->len; i++)
                full[space_of[i]] = centrality[i];
            rn_rank_descending(full, n, node_rank);
            for (guint i = 0; i < n; i++)
                rank[(gsize)r * n + i] = (float)node_rank[i];
        }
    }
    rn_project_set_clear(&set);
    if (!ok) {
        g_prefix_error(error, "period '%s': bootstrap: ", p->period);
        return FALSE;
    }
    double tail = (1 - RN_BOOTSTRAP_LEVEL) / 2;
    g_autofree double *column = g_new(double, B);
    for (guint s = 0; s < RN_STATS; s++) {
        RnBootstrapValue *v = &p->bootstrap[s];
        v->estimate = p->statistics[s];
        v->valid = 0;
        for (guint r = 0; r < B; r++) {
            column[r] = values[(gsize)r * RN_STATS + s];
            v->valid += !isnan(column[r]);
        }
        v->ci_low = rn_quantile(column, B, tail);
        v->ci_high = rn_quantile(column, B, 1 - tail);
        double mean;
        rn_mean_sd(column, B, &mean, &v->se);
        v->bias = mean - v->estimate;
        v->basic_low = 2 * v->estimate - v->ci_high;
        v->basic_high = 2 * v->estimate - v->ci_low;
    }
    if (ranks) {
        p->rank_low = g_new(double, n + 1);
        p->rank_high = g_new(double, n + 1);
        for (guint i = 0; i < n; i++) {
            for (guint r = 0; r < B; r++)
                column[r] = rank[(gsize)r * n + i];
            p->rank_low[i] = rn_quantile(column, B, tail);
            p->rank_high[i] = rn_quantile(column, B, 1 - tail);
        }
    }
    return TRUE;
}

gboolean rn_compare_null_model(const RnCompareRequest *q, RnPeriodResult *p, guint index,
                               GError **error)
{
    g_return_val_if_fail(q != NULL, FALSE);
    g_return_val_if_fail(p != NULL, FALSE);
    g_return_val_if_fail(error == NULL || *error == NULL, FALSE);
    guint N = q->null_models;
    p->null_networks = N;
    if (N == 0)
        return TRUE;
    RnStatisticsOptions o = statistics_options(q, -1);
    g_autofree double *values = g_new(double, (gsize)N * RN_STATS);
    for (guint r = 0; r < N; r++) {
        guint64 state = rn_stream_seed(q->seed, RN_STREAM_NULL_MODEL, index, r);
        g_autoptr(RnNetwork) net = rn_null_network(p->network, &state);
        if (!rn_network_statistics(net, &o, values + (gsize)r * RN_STATS, NULL, error)) {
            g_prefix_error(error, "period '%s': null model: ", p->period);
            return FALSE;
        }
    }
    g_autofree double *column = g_new(double, N);
    for (guint s = 0; s < RN_STATS; s++) {
        RnNullValue *v = &p->null_model[s];
        for (guint r = 0; r < N; r++)
            column[r] = values[(gsize)r * RN_STATS + s];
        v->observed = p->statistics[s];
        rn_mean_sd(column, N, &v->mean, &v->sd);
        /* A statistic the rewiring keeps (density, mean degree, degree
         * centralization) has no spread: no z-score. */
        gboolean spread = v->sd > 1e-12 * MAX(1.0, fabs(v->mean));
        v->z = spread ? (v->observed - v->mean) / v->sd : NAN;
    }
    return TRUE;
}

/* The union of two networks' node ids as a node space: *space_a and
 * *space_b map each network's nodes into it (caller frees). */
static guint union_space(const RnNetwork *a, const RnNetwork *b, guint **space_a, guint **space_b)
{
    guint na = a->nodes->len, nb = b->nodes->len, i = 0, j = 0, n = 0;
    *space_a = g_new(guint, na + 1);
    *space_b = g_new(guint, nb + 1);
    while (i < na || j < nb) {
        int c = i == na ? 1 : j == nb ? -1
                        : strcmp(g_array_index(a->nodes, RnNode, i).id,
                                 g_array_index(b->nodes, RnNode, j).id);
        if (c <= 0)
            (*space_a)[i++] = n;
        if (c >= 0)
            (*space_b)[j++] = n;
        n++;
    }
    return n;
}

/* C(n, k), or G_MAXUINT64 past 2^63. */
static guint64 binomial(guint n, guint k)
{
    k = MIN(k, n - k);
    guint64 c = 1;
    for (guint i = 1; i <= k; i++) {
        if (c > G_MAXUINT64 / 2 / (n - k + i))
            return G_MAXUINT64;
        c = c * (n - k + i) / i;
    }
    return c;
}

/* Next k-combination of 0..n-1 in lexicographic order; FALSE after the last. */
static gboolean next_combination(guint *chosen, guint k, guint n)
{
    guint i = k;
    while (i > 0 && chosen[i - 1] == n - k + i - 1)
        i--;
    if (i == 0)
        return FALSE;
    chosen[i - 1]++;
    for (guint j = i; j < k; j++)
        chosen[j] = chosen[j - 1] + 1;
    return TRUE;
}

gboolean rn_compare_permutation_test(const RnCompareRequest *q, const RnPeriodResult *pa,
                                     const RnPeriodResult *pb, guint index, RnComparison *out,
                                     GError **error)
{
    g_return_val_if_fail(q != NULL, FALSE);
    g_return_val_if_fail(pa != NULL, FALSE);
    g_return_val_if_fail(pb != NULL, FALSE);
    g_return_val_if_fail(out != NULL, FALSE);
    g_return_val_if_fail(error == NULL || *error == NULL, FALSE);
    guint P = q->permutations;
    out->permutations = P;
    for (guint s = 0; s < RN_STATS; s++)
        out->permutation[s] = (RnPermutationValue){.difference = pb->statistics[s] - pa->statistics[s],
                                                   .p_greater = NAN, .p_less = NAN, .p_value = NAN};
    if (P == 0)
        return TRUE;
    g_autofree guint *space_a = NULL, *space_b = NULL;
    guint n_space = union_space(pa->network, pb->network, &space_a, &space_b);
    RnProjectSet sa, sb, pool;
    rn_project_set_from_network(pa->network, space_a, n_space, &sa);
    rn_project_set_from_network(pb->network, space_b, n_space, &sb);
    rn_project_set_concat(&sa, &sb, &pool);
    guint na = sa.n_projects, n = pool.n_projects;
    rn_project_set_clear(&sa);
    rn_project_set_clear(&sb);
    guint64 splits = binomial(n, na);
    out->permutation_exact = splits <= P;
    guint64 rounds = out->permutation_exact ? splits : P;
    g_autofree guint *order = identity(n);
    g_autofree guint *count_a = g_new(guint, n + 1), *count_b = g_new(guint, n + 1);
    guint greater[RN_STATS] = {0}, less[RN_STATS] = {0}, valid[RN_STATS] = {0};
    RnStatisticsOptions o = statistics_options(q, -1);
    guint64 state = rn_stream_seed(q->seed, RN_STREAM_PERMUTATION, index, 0);
    gboolean ok = TRUE;
    for (guint64 r = 0; r < rounds && ok; r++) {
        if (out->permutation_exact) {
            if (r > 0)
                next_combination(order, na, n); /* order[0..na): the projects of a */
            for (guint k = 0; k < n; k++)
                count_a[k] = 0, count_b[k] = 1;
            for (guint k = 0; k < na; k++)
                count_a[order[k]] = 1, count_b[order[k]] = 0;
        } else {
            for (guint i = n; i > 1; i--) {
                guint j = (guint)rn_random_below(&state, i);
                guint t = order[i - 1];
                order[i - 1] = order[j];
                order[j] = t;
            }
            for (guint k = 0; k < n; k++) {
                count_a[order[k]] = k < na;
                count_b[order[k]] = k >= na;
            }
        }
        double va[RN_STATS], vb[RN_STATS];
        g_autofree guint *map_a = NULL, *map_b = NULL;
        g_autoptr(RnNetwork) a = rn_network_from_projects(&pool, count_a, pa->network->weighting, &map_a);
        g_autoptr(RnNetwork) b = rn_network_from_projects(&pool, count_b, pb->network->weighting, &map_b);
        ok = rn_network_statistics(a, &o, va, NULL, error) &&
             rn_network_statistics(b, &o, vb, NULL, error);
        for (guint s = 0; ok && s < RN_STATS; s++) {
            double d = vb[s] - va[s], observed = out->permutation[s].difference;
            if (isnan(d) || isnan(observed))
                continue;
            double tolerance = TIE_TOLERANCE * MAX(1e-12, fabs(observed));
            valid[s]++;
            greater[s] += d >= observed - tolerance;
            less[s] += d <= observed + tolerance;
        }
    }
    rn_project_set_clear(&pool);
    if (!ok) {
        g_prefix_error(error, "periods '%s' and '%s': permutation test: ", pa->period, pb->period);
        return FALSE;
    }
    for (guint s = 0; s < RN_STATS; s++) {
        RnPermutationValue *v = &out->permutation[s];
        v->valid = valid[s];
        if (isnan(v->difference) || valid[s] == 0)
            continue; /* not resampled (a path statistic without resample_paths) */
        /* Enumerated: the observed split is one of the splits counted.
         * Sampled: it is added to the count (Davison and Hinkley 1997). */
        double add = out->permutation_exact ? 0 : 1;
        v->p_greater = (add + greater[s]) / (add + valid[s]);
        v->p_less = (add + less[s]) / (add + valid[s]);
        v->p_value = MIN(1.0, 2 * MIN(v->p_greater, v->p_less));
    }
    return TRUE;
}

double rn_compare_resampling_work(const RnCompareRequest *q, const RnCompareResult *r)
{
    g_return_val_if_fail(q != NULL, NAN);
    g_return_val_if_fail(r != NULL, NAN);
    double work = 0;
    for (guint p = 0; p < r->n_periods; p++) {
        const RnNetwork *net = r->periods[p].network;
        double v = net->nodes->len, e = net->edges->len;
        /* Without paths: Leiden, eigenvector and the rebuild, some tens of passes over the ties. */
        double per_network = q->resample_paths ? v * (e + v) : 50 * (e + v);
        work += (q->bootstrap + q->null_models) * per_network;
        if (p + 1 < r->n_periods) {
            const RnNetwork *next = r->periods[p + 1].network;
            double v2 = next->nodes->len, e2 = next->edges->len;
            /* A permuted period holds at most the union of both periods' nodes and ties. */
            double size = e + e2 + v + v2;
            work += q->permutations * 2 * (q->resample_paths ? (v + v2) * size : 50 * size);
        }
    }
    return work;
}
