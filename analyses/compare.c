/*
 * compare.c — period comparison: node turnover, edge persistence (Jaccard
 * and weighted Jaccard), and Spearman rank correlations with average ranks
 * for ties.  See docs/compare.md.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "analyses/compare.h"

#include "analyses/bridging.h"
#include "analyses/igraph_adapter.h"
#include "engine/error.h"

const char *const rn_centrality_names[7] = {"degree", "strength", "betweenness", "harmonic",
                                            "closeness", "eigenvector", "pagerank"};

double rn_centrality_value(const RnCentrality *c, guint k, guint i)
{
    g_return_val_if_fail(c != NULL, NAN);
    const double *arrays[7] = {c->degree, c->strength, c->betweenness, c->harmonic,
                               c->closeness, c->eigenvector, c->pagerank};
    return arrays[k][i];
}

static gint compare_by_value(gconstpointer a, gconstpointer b, gpointer data)
{
    const double *values = data;
    double x = values[*(const guint *)a], y = values[*(const guint *)b];
    if (x != y)
        return x < y ? -1 : 1;
    return *(const guint *)a < *(const guint *)b ? -1 : 1;
}

/* Ranks 1..n, ties sharing the average of their positions.  Values within
 * 1e-9 of the largest |value| of the first of a run of sorted values are
 * tied: centralities equal in exact arithmetic can differ in the last bits,
 * and an exact tie test would rank such float noise. */
void rn_average_ranks(const double *values, guint n, double *ranks)
{
    g_return_if_fail(n == 0 || values != NULL);
    g_return_if_fail(n == 0 || ranks != NULL);
    double scale = 0;
    for (guint i = 0; i < n; i++)
        scale = MAX(scale, fabs(values[i]));
    double tolerance = 1e-9 * scale;
    g_autofree guint *order = g_new(guint, n + 1);
    for (guint i = 0; i < n; i++)
        order[i] = i;
    g_qsort_with_data(order, (gint)n, sizeof(guint), compare_by_value, (gpointer)values);
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

void rn_rank_descending(const double *values, guint n, double *ranks)
{
    g_return_if_fail(n == 0 || values != NULL);
    g_return_if_fail(n == 0 || ranks != NULL);
    g_autofree double *negated = g_new(double, n + 1);
    for (guint i = 0; i < n; i++)
        negated[i] = -values[i];
    rn_average_ranks(negated, n, ranks);
}

double rn_spearman(const double *x, const double *y, guint n)
{
    g_return_val_if_fail(n == 0 || x != NULL, NAN);
    g_return_val_if_fail(n == 0 || y != NULL, NAN);
    if (n < 2)
        return NAN;
    g_autofree double *rx = g_new(double, n), *ry = g_new(double, n);
    rn_average_ranks(x, n, rx);
    rn_average_ranks(y, n, ry);
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

const guint rn_mover_centralities[RN_MOVER_CENTRALITIES] = {1, 2}; /* strength, betweenness */

/* Rank (1 = highest; exactly equal values share the average rank) of each
 * kept node by centrality k in one period; index maps kept nodes to nodes. */
static void ranks_descending(const RnCentrality *c, guint k, const guint *index, guint n,
                             double *rank)
{
    g_autofree double *values = g_new(double, n + 1);
    for (guint i = 0; i < n; i++)
        values[i] = -rn_centrality_value(c, k, index[i]); /* ascending order of -value */
    g_autofree guint *order = g_new(guint, n + 1);
    for (guint i = 0; i < n; i++)
        order[i] = i;
    g_qsort_with_data(order, (gint)n, sizeof(guint), compare_by_value, values);
    for (guint i = 0; i < n;) {
        guint j = i;
        while (j + 1 < n && values[order[j + 1]] == values[order[i]])
            j++;
        for (guint t = i; t <= j; t++)
            rank[order[t]] = (i + j) / 2.0 + 1.0;
        i = j + 1;
    }
}

/* The top kept nodes whose rank by centrality k improved (rise) or worsened
 * most from period a to b; equal moves keep kept-node order. */
static GArray *movers(const RnPeriodResult *a, const RnPeriodResult *b, const RnComparison *c,
                      guint k, guint top, gboolean rise)
{
    guint n = c->kept;
    GArray *list = g_array_new(FALSE, FALSE, sizeof(RnMover));
    g_autofree double *ra = g_new(double, n + 1), *rb = g_new(double, n + 1);
    ranks_descending(&a->centrality, k, c->kept_a, n, ra);
    ranks_descending(&b->centrality, k, c->kept_b, n, rb);
    g_autofree double *gain = g_new(double, n + 1); /* negated: ascending sort */
    g_autofree guint *order = g_new(guint, n + 1);
    for (guint i = 0; i < n; i++) {
        gain[i] = -(rise ? ra[i] - rb[i] : rb[i] - ra[i]);
        order[i] = i;
    }
    g_qsort_with_data(order, (gint)n, sizeof(guint), compare_by_value, gain);
    for (guint x = 0; x < n && list->len < top; x++) {
        guint i = order[x];
        if (gain[i] >= 0)
            break; /* no move in this direction */
        RnMover mover = {i, ra[i], rb[i], rn_centrality_value(&a->centrality, k, c->kept_a[i]),
                         rn_centrality_value(&b->centrality, k, c->kept_b[i])};
        g_array_append_val(list, mover);
    }
    return list;
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
                        guint top, RnComparison *out)
{
    g_return_if_fail(pa != NULL);
    g_return_if_fail(pb != NULL);
    g_return_if_fail(out != NULL);
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
    out->edge_weight_pairs = xs->len;
    out->edge_weight_spearman_p = rn_correlation_p_value(out->edge_weight_spearman, xs->len);
    g_autofree double *x = g_new(double, out->kept + 1), *y = g_new(double, out->kept + 1);
    for (guint c = 0; c < 7; c++) {
        for (guint k = 0; k < out->kept; k++) {
            x[k] = rn_centrality_value(&pa->centrality, c, out->kept_a[k]);
            y[k] = rn_centrality_value(&pb->centrality, c, out->kept_b[k]);
        }
        out->spearman[c] = rn_spearman(x, y, out->kept);
        out->spearman_p[c] = rn_correlation_p_value(out->spearman[c], out->kept);
    }
    out->adjusted_rand = out->normalized_mutual_information = NAN;
    if (pa->membership && pb->membership && out->kept > 0) {
        g_autofree guint *ca = g_new(guint, out->kept), *cb = g_new(guint, out->kept);
        for (guint k = 0; k < out->kept; k++) {
            ca[k] = pa->membership[out->kept_a[k]];
            cb[k] = pb->membership[out->kept_b[k]];
        }
        out->adjusted_rand = rn_adjusted_rand_index(ca, cb, out->kept);
        out->normalized_mutual_information = rn_normalized_mutual_information(ca, cb, out->kept);
    }
    for (guint m = 0; m < RN_MOVER_CENTRALITIES; m++) {
        out->risers[m] = movers(pa, pb, out, rn_mover_centralities[m], top, TRUE);
        out->fallers[m] = movers(pa, pb, out, rn_mover_centralities[m], top, FALSE);
    }
}

void rn_comparison_clear(RnComparison *c)
{
    g_return_if_fail(c != NULL);
    for (guint m = 0; m < RN_MOVER_CENTRALITIES; m++) {
        if (c->risers[m])
            g_array_unref(c->risers[m]);
        if (c->fallers[m])
            g_array_unref(c->fallers[m]);
    }
    if (c->entered)
        g_ptr_array_unref(c->entered);
    if (c->left)
        g_ptr_array_unref(c->left);
    g_free(c->kept_a);
    g_free(c->kept_b);
    memset(c, 0, sizeof *c);
}

double rn_cross_sector_share(const RnNetwork *net)
{
    g_return_val_if_fail(net != NULL, NAN);
    if (net->kind != RN_NETWORK_ORG)
        return NAN;
    double known = 0, cross = 0;
    for (guint i = 0; i < net->edges->len; i++) {
        const RnEdge *e = &g_array_index(net->edges, RnEdge, i);
        const char *a = g_array_index(net->nodes, RnNode, e->source).sector;
        const char *b = g_array_index(net->nodes, RnNode, e->target).sector;
        if (*a && *b) {
            known += 1;
            cross += strcmp(a, b) != 0;
        }
    }
    return known > 0 ? cross / known : NAN;
}

/* Periods present in the model, "a, b, c" (caller frees). */
static char *periods_present(const RnModel *model)
{
    g_autoptr(GPtrArray) seen = rn_model_periods(model);
    g_autoptr(GString) text = g_string_new(NULL);
    for (guint i = 0; i < seen->len; i++)
        g_string_append_printf(text, "%s%s", i ? ", " : "", (char *)g_ptr_array_index(seen, i));
    return g_strdup(text->len ? text->str : "none");
}

/* Coverage warnings of each period: partnerships missing from the data, or
 * participations outside the network. */
static void add_period_caveats(const RnCompareResult *r, GPtrArray *caveats)
{
    for (guint p = 0; p < r->n_periods; p++) {
        const RnPeriodResult *pr = &r->periods[p];
        const RnNetwork *net = pr->network;
        /* Lead-partner-only data leave almost every project with one participant;
         * real single-beneficiary grants (ERC, fellowships) stay well below 75%. */
        if (net->projects_single * 4 > net->projects_selected * 3)
            g_ptr_array_add(caveats, g_strdup_printf(
                "period %s: %u of %u projects (%.0f%%) have a single participant in the data, "
                "so most partnerships are missing; do not read differences from this period as "
                "a policy effect",
                pr->period, net->projects_single, net->projects_selected,
                100.0 * net->projects_single / net->projects_selected));
        if (net->participations_unlocated * 4 > net->participations_selected)
            g_ptr_array_add(caveats, g_strdup_printf(
                "period %s: %u of %u participations have no node in this network (see "
                "periods[].network.unlocated_by_reason)",
                pr->period, net->participations_unlocated, net->participations_selected));
    }
}

/* Builds one period's network into r. */
static gboolean build_period(const RnModel *model, const RnCompareRequest *request,
                             RnPeriodResult *r, GError **error)
{
    RnNetworkSpec spec = request->spec;
    spec.period = r->period;
    r->network = rn_network_build(model, &spec, error);
    if (!r->network) {
        gboolean present = FALSE;
        for (guint i = 0; i < model->projects->len && !present; i++)
            present = strcmp(g_array_index(model->projects, RnProject, i).period,
                             r->period) == 0;
        if (present) { /* the period is there; the filters left nothing of it */
            g_prefix_error(error, "period '%s': ", r->period);
            return FALSE;
        }
        g_autofree char *periods = periods_present(model);
        g_clear_error(error);
        g_set_error(error, RN_ERROR, RN_ERROR_USAGE,
                    "period '%s' has no projects with participants; periods present: %s",
                    r->period, periods);
        return FALSE;
    }
    return TRUE;
}

/* Measures one period's network (built by build_period). */
static gboolean run_period(const RnCompareRequest *request, RnPeriodResult *r, GError **error)
{
    if (!rn_analyze_network(r->network, &request->options, &r->centrality, &r->summary, error)) {
        g_prefix_error(error, "period '%s': ", r->period);
        return FALSE;
    }
    RnCommunityOptions co = {.resolution = 1, .seed = request->seed, .runs = 1};
    RnCommunities communities;
    if (!rn_communities_compute(r->network, &co, &communities, error)) {
        g_prefix_error(error, "period '%s': ", r->period);
        return FALSE;
    }
    r->modularity = communities.modularity;
    r->communities = communities.count;
    r->membership = g_steal_pointer(&communities.membership);
    rn_communities_clear(&communities);
    r->cross_sector_share = rn_cross_sector_share(r->network);
    guint n = r->network->nodes->len;
    for (guint k = 0; k < 7; k++) {
        g_autofree double *values = g_new(double, n + 1);
        for (guint i = 0; i < n; i++)
            values[i] = rn_centrality_value(&r->centrality, k, i);
        r->ranks[k] = g_new(double, n + 1);
        rn_rank_descending(values, n, r->ranks[k]);
    }
    /* The statistics resamples recompute (rn_network_statistics), by the
     * same definitions, from what the period already holds. */
    const RnSummary *s = &r->summary;
    double values[RN_STATS] = {
        [RN_STAT_DENSITY] = s->density,
        [RN_STAT_MEAN_DEGREE] = n ? 2.0 * s->edges / n : NAN,
        [RN_STAT_CENTRALIZATION_DEGREE] = s->centralization_degree,
        [RN_STAT_CENTRALIZATION_BETWEENNESS] = s->centralization_betweenness,
        [RN_STAT_CENTRALIZATION_CLOSENESS] = s->centralization_closeness,
        [RN_STAT_CENTRALIZATION_EIGENVECTOR] = s->centralization_eigenvector,
        [RN_STAT_TRANSITIVITY] = s->transitivity,
        [RN_STAT_MODULARITY] = r->modularity,
    };
    memcpy(r->statistics, values, sizeof values);
    return TRUE;
}

gboolean rn_compare_run(const RnModel *model, const RnCompareRequest *request,
                        RnCompareResult *result, GError **error)
{
    g_return_val_if_fail(model != NULL && request != NULL && result != NULL, FALSE);
    g_return_val_if_fail(request->n_periods >= 2, FALSE);
    g_return_val_if_fail(error == NULL || *error == NULL, FALSE);
    memset(result, 0, sizeof *result);
    guint n = request->n_periods;
    result->n_periods = n;
    result->periods = g_new0(RnPeriodResult, n);
    result->comparisons = g_new0(RnComparison, n);
    rn_igraph_begin();
    g_autoptr(GPtrArray) stale G_GNUC_UNUSED = rn_igraph_take_warnings(); /* from an earlier run */
    for (guint p = 0; p < n; p++) {
        result->periods[p].period = g_strdup(request->periods[p]);
        if (!build_period(model, request, &result->periods[p], error)) {
            rn_compare_result_clear(result);
            return FALSE;
        }
    }
    /* Refuse a resampling that would run for hours before doing any work. */
    double work = rn_compare_resampling_work(request, result);
    if (work > RN_RESAMPLING_WORK_MAX) {
        g_set_error(error, RN_ERROR, RN_ERROR_USAGE,
                    "--bootstrap %u, --permutations %u and --null-models %u on these networks "
                    "need about %.2g node-tie steps of work, more than the %.0e (about an "
                    "hour) regnet allows; lower them",
                    request->bootstrap, request->permutations, request->null_models, work,
                    RN_RESAMPLING_WORK_MAX);
        rn_compare_result_clear(result);
        return FALSE;
    }
    for (guint p = 0; p < n; p++)
        if (!run_period(request, &result->periods[p], error)) {
            rn_compare_result_clear(result);
            return FALSE;
        }
    for (guint p = 0; p < n; p++)
        if (!rn_compare_bootstrap(request, &result->periods[p], p, error) ||
            !rn_compare_null_model(request, &result->periods[p], p, error)) {
            rn_compare_result_clear(result);
            return FALSE;
        }
    for (guint k = 0; k + 1 < n; k++) {
        RnComparison *c = &result->comparisons[k];
        rn_compare_periods(&result->periods[k], &result->periods[k + 1], k, k + 1,
                           request->top, c);
        rn_qap_correlation(result->periods[k].network, result->periods[k + 1].network,
                           request->qap, request->seed, k, &c->qap);
        if (!rn_compare_permutation_test(request, &result->periods[k], &result->periods[k + 1],
                                         k, c, error)) {
            rn_compare_result_clear(result);
            return FALSE;
        }
    }
    result->caveats = g_ptr_array_new_with_free_func(g_free);
    for (guint i = 0; i < model->caveats->len; i++)
        g_ptr_array_add(result->caveats, g_strdup(g_ptr_array_index(model->caveats, i)));
    add_period_caveats(result, result->caveats);
    result->warnings = rn_igraph_take_warnings();
    result->near_duplicates = rn_model_near_duplicates(model);
    return TRUE;
}

void rn_compare_result_clear(RnCompareResult *result)
{
    g_return_if_fail(result != NULL);
    for (guint p = 0; result->periods && p < result->n_periods; p++) {
        RnPeriodResult *r = &result->periods[p];
        g_free(r->period);
        rn_centrality_clear(&r->centrality);
        g_free(r->membership);
        for (guint k = 0; k < 7; k++)
            g_free(r->ranks[k]);
        g_free(r->rank_low);
        g_free(r->rank_high);
        g_clear_pointer(&r->network, rn_network_free);
    }
    for (guint k = 0; result->comparisons && k + 1 < result->n_periods; k++)
        rn_comparison_clear(&result->comparisons[k]);
    g_clear_pointer(&result->periods, g_free);
    g_clear_pointer(&result->comparisons, g_free);
    g_clear_pointer(&result->caveats, g_ptr_array_unref);
    g_clear_pointer(&result->warnings, g_ptr_array_unref);
    g_clear_pointer(&result->near_duplicates, g_ptr_array_unref);
    result->n_periods = 0;
}
