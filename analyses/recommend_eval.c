/*
 * recommend_eval.c — the recommender validated on history
 * (docs/recommend.md, "Evaluation"): recommend from the training period's
 * network alone, and measure how well each score ranks the ties that are
 * new in the test period among nodes present in both.
 *
 *   pairs       pairs of nodes present in both periods, untied in the
 *               training period;
 *   positives   those tied in the test period (new ties);
 *   negatives   those untied in both; the AUC uses all of them, or a seeded
 *               sample of RN_EVALUATION_NEGATIVES (splitmix64 from seed + 1);
 *   AUC         rn_auc over positives and the negatives used;
 *   precision@k, recall@k   for each node with a new tie (at most
 *               RN_EVALUATION_RANKED, a seeded sample), its candidates are
 *               every other node of both periods it was not tied to in
 *               training, ranked by the score; the expected hits among the
 *               first k (ties in random order, rn_expected_hits) over k
 *               (or over the candidates when fewer) and over the node's new
 *               ties; both averaged over the nodes.
 *   baselines   random (a uniform number per pair from splitmix64 of the
 *               seed and the pair) and preferential attachment (a score).
 *
 * Nodes of both periods have the same id; for organisation networks whose
 * periods use different id schemes (CORDIS FP7 ids and PICs) an
 * organisation is also matched when its name and country give the same
 * identity key (docs/networks.md) on both sides and no other unmatched
 * organisation shares it.
 */
#include <math.h>
#include <string.h>

#include "analyses/bridging.h"
#include "analyses/recommend.h"
#include "engine/error.h"

void rn_evaluation_clear(RnEvaluation *e)
{
    g_return_if_fail(e != NULL);
    g_free(e->train);
    g_free(e->test);
    g_clear_pointer(&e->test_network, rn_network_free);
    g_clear_pointer(&e->pairs, g_array_unref);
    memset(e, 0, sizeof *e);
}

/* Uniform in [0, 1) from the seed and the pair (a < b, training nodes). */
static double random_score(guint64 seed, guint a, guint b)
{
    guint64 state = seed * 0x9E3779B97F4A7C15ULL + ((guint64)a << 32 | b);
    return (double)(rn_splitmix64(&state) >> 11) * 0x1.0p-53;
}

static guint64 pack(guint a, guint b)
{
    return (guint64)MIN(a, b) << 32 | MAX(a, b);
}

/* Identity key of an organisation node's name, NULL when it has none
 * (an id without a name); *scheme receives the id scheme ("" for
 * organisations identified by name). */
static char *name_key(const RnNode *node, char **scheme)
{
    if (strchr(node->id, '|')) {
        *scheme = g_strdup("");
        return g_strdup(node->id);
    }
    const char *colon = strchr(node->id, ':');
    if (!colon || strcmp(node->label, colon + 1) == 0)
        return NULL;
    *scheme = g_strndup(node->id, (gsize)(colon - node->id));
    return rn_org_key(node->label, node->country);
}

typedef struct {
    guint train, test;
} Match;

static gint compare_u64(gconstpointer a, gconstpointer b)
{
    guint64 x = *(const guint64 *)a, y = *(const guint64 *)b;
    return x < y ? -1 : x > y;
}

static gint by_train(gconstpointer a, gconstpointer b)
{
    const Match *x = a, *y = b;
    return x->train < y->train ? -1 : x->train > y->train;
}

/* Nodes of both networks, sorted by their training index. */
static GArray *match_nodes(const RnNetwork *train, const RnNetwork *test, RnEvaluation *e)
{
    GArray *both = g_array_new(FALSE, FALSE, sizeof(Match));
    guint n1 = train->nodes->len, n2 = test->nodes->len;
    g_autofree gboolean *used1 = g_new0(gboolean, n1 + 1), *used2 = g_new0(gboolean, n2 + 1);
    for (guint j = 0; j < n2; j++) {
        guint i = rn_network_find_node(train, g_array_index(test->nodes, RnNode, j).id);
        if (i != G_MAXUINT) {
            Match m = {i, j};
            g_array_append_val(both, m);
            used1[i] = used2[j] = TRUE;
        }
    }
    if (train->kind == RN_NETWORK_ORG) {
        /* name key -> unmatched training nodes (index + 1, or G_MAXUINT when several) */
        g_autoptr(GHashTable) keys1 = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
        g_autoptr(GHashTable) schemes1 = g_hash_table_new_full(g_str_hash, g_str_equal, g_free,
                                                               g_free);
        g_autoptr(GHashTable) count2 = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
        for (guint i = 0; i < n1; i++) {
            char *scheme = NULL, *key = used1[i] ? NULL
                                                 : name_key(&g_array_index(train->nodes, RnNode, i),
                                                            &scheme);
            if (!key)
                continue;
            gboolean seen = g_hash_table_contains(keys1, key);
            g_hash_table_insert(schemes1, g_strdup(key), scheme);
            g_hash_table_insert(keys1, key, GUINT_TO_POINTER(seen ? G_MAXUINT : i + 1));
        }
        for (guint j = 0; j < n2; j++) {
            g_autofree char *scheme = NULL;
            char *key = used2[j] ? NULL
                                 : name_key(&g_array_index(test->nodes, RnNode, j), &scheme);
            if (key)
                rn_count_add(count2, key, 1);
            g_free(key);
        }
        for (guint j = 0; j < n2; j++) {
            g_autofree char *scheme = NULL;
            g_autofree char *key = used2[j] ? NULL
                                            : name_key(&g_array_index(test->nodes, RnNode, j),
                                                       &scheme);
            if (!key || !g_hash_table_contains(keys1, key))
                continue;
            guint i = GPOINTER_TO_UINT(g_hash_table_lookup(keys1, key));
            const char *scheme1 = g_hash_table_lookup(schemes1, key);
            if (strcmp(scheme1, scheme) == 0)
                continue; /* same scheme, different ids: two organisations */
            if (i == G_MAXUINT || GPOINTER_TO_UINT(g_hash_table_lookup(count2, key)) > 1) {
                e->name_ambiguous++;
                continue;
            }
            Match m = {i - 1, j};
            g_array_append_val(both, m);
            e->matched_by_name++;
        }
    }
    g_array_sort(both, by_train);
    return both;
}

/* Per-scorer values of one pair: combined, the scores, random. */
#define SCORERS (RN_SCORES + 2)
enum { COMBINED = RN_SCORES, RANDOM = RN_SCORES + 1 };

static void pair_values(const RnRecommendResult *r, guint64 seed, double *const *scores, guint u,
                        guint v, double *values)
{
    double s[RN_SCORES];
    for (guint k = 0; k < RN_NEIGHBOURHOOD_SCORES; k++)
        s[k] = scores[k][v];
    rn_pair_attribute_scores(&r->profiles, u, v, s);
    memcpy(values, s, sizeof s);
    values[COMBINED] = rn_score_model_logit(&r->model, s, NULL);
    values[RANDOM] = random_score(seed, MIN(u, v), MAX(u, v));
}

/* "2000-2006, 2007-2013": the periods of the model's projects. */
static char *periods_present(const RnModel *model)
{
    g_autoptr(GPtrArray) seen = rn_model_periods(model);
    g_ptr_array_add(seen, NULL);
    return seen->len > 1 ? g_strjoinv(", ", (char **)seen->pdata) : g_strdup("none");
}

/* The network of one period, or a usage error naming the periods present. */
static RnNetwork *period_network(const RnModel *model, const RnNetworkSpec *spec,
                                 const char *option, const char *period, GError **error)
{
    RnNetworkSpec s = *spec;
    s.period = period;
    s.themes = NULL;
    s.weighting = RN_WEIGHT_PROJECTS;
    g_autoptr(GError) local = NULL;
    RnNetwork *net = rn_network_build(model, &s, &local);
    if (!net) {
        g_autofree char *present = periods_present(model);
        g_set_error(error, RN_ERROR, RN_ERROR_USAGE,
                    "recommend: %s '%s' has no projects with participants%s; periods present: %s",
                    option, period,
                    s.programmes || s.programme ? " under the programme filters" : "", present);
        return NULL;
    }
    return net;
}

gboolean rn_recommend_evaluate(const RnModel *model, const RnRecommendRequest *q,
                               RnRecommendResult *r, GError **error)
{
    g_return_val_if_fail(model != NULL && q != NULL && r != NULL, FALSE);
    g_return_val_if_fail(q->train && q->test && q->top > 0, FALSE);
    g_return_val_if_fail(error == NULL || *error == NULL, FALSE);
    RnEvaluation *e = &r->evaluation;
    memset(e, 0, sizeof *e);
    r->evaluated = TRUE;
    e->train = g_strdup(q->train);
    e->test = g_strdup(q->test);
    e->k = q->top;
    g_autoptr(GTimer) timer = g_timer_new();
    RnNetwork *train_network = period_network(model, &q->spec, "--train", q->train, error);
    if (!train_network)
        return FALSE;
    e->test_network = period_network(model, &q->spec, "--test", q->test, error);
    RnNetworkSpec spec = q->spec;
    spec.period = q->train;
    if (!e->test_network || !rn_recommend_prepare(model, &spec, train_network, r, error)) {
        if (!e->test_network)
            rn_network_free(train_network);
        return FALSE;
    }
    const RnNetwork *train = r->network, *test = e->test_network;
    e->nodes_train = train->nodes->len;
    e->nodes_test = test->nodes->len;
    g_autoptr(GArray) both = match_nodes(train, test, e);
    guint C = both->len;
    e->nodes_both = C;
    const Match *match = (const Match *)both->data;
    r->seconds_build = g_timer_elapsed(timer, NULL);

    /* Ties among nodes of both periods, in the both-space. */
    g_autofree guint *local1 = g_new(guint, train->nodes->len + 1);
    g_autofree guint *local2 = g_new(guint, test->nodes->len + 1);
    memset(local1, 0xFF, sizeof(guint) * (train->nodes->len + 1));
    memset(local2, 0xFF, sizeof(guint) * (test->nodes->len + 1));
    for (guint c = 0; c < C; c++) {
        local1[match[c].train] = c;
        local2[match[c].test] = c;
    }
    g_autoptr(GHashTable) train_ties = g_hash_table_new_full(g_int64_hash, g_int64_equal, g_free, NULL);
    g_autoptr(GHashTable) excluded = g_hash_table_new_full(g_int64_hash, g_int64_equal, g_free, NULL);
    g_autoptr(GHashTable) new_ties = g_hash_table_new_full(g_int64_hash, g_int64_equal, g_free, NULL);
    for (guint i = 0; i < train->edges->len; i++) {
        const RnEdge *edge = &g_array_index(train->edges, RnEdge, i);
        guint a = local1[edge->source], b = local1[edge->target];
        if (a == G_MAXUINT || b == G_MAXUINT)
            continue;
        guint64 key = pack(a, b);
        g_hash_table_add(train_ties, g_memdup2(&key, sizeof key));
        g_hash_table_add(excluded, g_memdup2(&key, sizeof key));
    }
    g_autofree guint *new_of_node = g_new0(guint, C + 1);
    for (guint i = 0; i < test->edges->len; i++) {
        const RnEdge *edge = &g_array_index(test->edges, RnEdge, i);
        guint a = local2[edge->source], b = local2[edge->target];
        if (a == G_MAXUINT || b == G_MAXUINT)
            continue;
        guint64 key = pack(a, b);
        if (g_hash_table_contains(train_ties, &key)) {
            e->repeated_ties++;
            continue;
        }
        g_hash_table_add(new_ties, g_memdup2(&key, sizeof key));
        g_hash_table_add(excluded, g_memdup2(&key, sizeof key));
        new_of_node[a]++;
        new_of_node[b]++;
    }
    guint64 all_pairs = (guint64)C * (C - (C > 0)) / 2;
    e->positives = g_hash_table_size(new_ties);
    guint64 untied = all_pairs - g_hash_table_size(train_ties);
    e->untied_pairs = (guint)untied;
    e->negatives = (guint)(untied - e->positives);
    if (C < 2 || e->positives == 0 || e->negatives == 0) {
        g_set_error(error, RN_ERROR, RN_ERROR_INTERNAL,
                    "recommend: nothing to evaluate: %u nodes in %s, %u in %s, %u in both "
                    "(%u matched by name); %u new ties and %u pairs untied in both among them",
                    e->nodes_train, e->train, e->nodes_test, e->test, C, e->matched_by_name,
                    e->positives, e->negatives);
        return FALSE;
    }
    /* The combined score, fitted on the training period alone. */
    rn_score_model_fit(model, train, &r->membership, q->seed, &r->model);
    r->seconds_fit = g_timer_elapsed(timer, NULL) - r->seconds_build;

    guint64 state = q->seed + 1;
    g_autoptr(GArray) negatives = rn_sample_nonties(C, excluded, RN_EVALUATION_NEGATIVES, &state);
    e->negatives_sampled = negatives->len;
    /* Evaluated pairs in both-space order: new ties and sampled non-ties. */
    g_autoptr(GArray) evaluated = g_array_new(FALSE, FALSE, sizeof(guint64));
    GHashTableIter it;
    gpointer key;
    g_hash_table_iter_init(&it, new_ties);
    while (g_hash_table_iter_next(&it, &key, NULL))
        g_array_append_val(evaluated, *(guint64 *)key);
    g_array_append_vals(evaluated, negatives->data, negatives->len);
    g_array_sort(evaluated, compare_u64);
    guint m = evaluated->len;
    const guint64 *pairs = (const guint64 *)evaluated->data;

    /* Nodes ranked for precision and recall: those with a new tie. */
    g_autoptr(GArray) ranked = g_array_new(FALSE, FALSE, sizeof(guint));
    for (guint c = 0; c < C; c++)
        if (new_of_node[c] > 0)
            g_array_append_val(ranked, c);
    e->nodes_with_new_ties = ranked->len;
    if (ranked->len > RN_EVALUATION_RANKED) {
        guint *x = (guint *)ranked->data;
        for (guint i = 0; i < RN_EVALUATION_RANKED; i++) {
            guint j = i + (guint)rn_random_below(&state, ranked->len - i);
            guint t = x[i];
            x[i] = x[j];
            x[j] = t;
        }
        g_array_set_size(ranked, RN_EVALUATION_RANKED);
    }
    e->nodes_ranked = ranked->len;
    g_autofree gboolean *is_ranked = g_new0(gboolean, C + 1);
    for (guint i = 0; i < ranked->len; i++)
        is_ranked[g_array_index(ranked, guint, i)] = TRUE;

    guint n = train->nodes->len;
    double *scores[RN_NEIGHBOURHOOD_SCORES];
    g_autofree double *block = g_new(double, (gsize)RN_NEIGHBOURHOOD_SCORES * n + 1);
    for (guint k = 0; k < RN_NEIGHBOURHOOD_SCORES; k++)
        scores[k] = block + (gsize)k * n;
    g_autofree double *values = g_new(double, (gsize)m * SCORERS + 1);
    g_autofree gboolean *labels = g_new(gboolean, m + 1);
    g_autofree double *rank_block = g_new(double, (gsize)SCORERS * C + 1);
    g_autofree gboolean *rank_labels = g_new(gboolean, C + 1);
    double precision[SCORERS] = {0}, recall[SCORERS] = {0};
    if (q->keep_pairs)
        e->pairs = g_array_sized_new(FALSE, FALSE, sizeof(RnEvalPair), m);
    guint cursor = 0;
    for (guint c = 0; c < C; c++) {
        gboolean has_pairs = cursor < m && (pairs[cursor] >> 32) == c;
        if (!has_pairs && !is_ranked[c])
            continue;
        guint u = match[c].train;
        rn_link_scores_all(&r->graph, u, scores);
        for (; cursor < m && (pairs[cursor] >> 32) == c; cursor++) {
            guint v = match[pairs[cursor] & 0xFFFFFFFFu].train;
            double *row = values + (gsize)cursor * SCORERS;
            pair_values(r, q->seed, scores, u, v, row);
            labels[cursor] = g_hash_table_contains(new_ties, &pairs[cursor]);
            if (e->pairs) {
                RnEvalPair pair = {MIN(u, v), MAX(u, v), labels[cursor], {0}, row[COMBINED],
                                   row[RANDOM]};
                memcpy(pair.scores, row, sizeof pair.scores);
                g_array_append_val(e->pairs, pair);
            }
        }
        if (!is_ranked[c])
            continue;
        guint count = 0;
        for (guint d = 0; d < C; d++) {
            guint64 k = pack(c, d);
            if (d == c || g_hash_table_contains(train_ties, &k))
                continue;
            double row[SCORERS];
            pair_values(r, q->seed, scores, u, match[d].train, row);
            for (guint s = 0; s < SCORERS; s++)
                rank_block[(gsize)s * C + count] = row[s];
            rank_labels[count++] = g_hash_table_contains(new_ties, &k);
        }
        for (guint s = 0; s < SCORERS; s++) {
            double hits = rn_expected_hits(rank_block + (gsize)s * C, rank_labels, count, e->k);
            precision[s] += hits / MIN(e->k, count);
            recall[s] += hits / new_of_node[c];
        }
    }
    g_autofree double *column = g_new(double, m + 1);
    for (guint s = 0; s < SCORERS; s++) {
        for (guint i = 0; i < m; i++)
            column[i] = values[(gsize)i * SCORERS + s];
        RnEvalMetrics metrics = {rn_auc(column, labels, m), precision[s] / e->nodes_ranked,
                                 recall[s] / e->nodes_ranked};
        if (s == COMBINED)
            e->combined = metrics;
        else if (s == RANDOM)
            e->random = metrics;
        else
            e->scores[s] = metrics;
    }
    r->seconds_score = g_timer_elapsed(timer, NULL) - r->seconds_build - r->seconds_fit;

    rn_recommend_add_limits(model, train, &r->profiles, r->limits);
    if (test->projects_selected > 0)
        g_ptr_array_add(r->limits, g_strdup_printf(
            "test period %s: %u of %u selected projects (%.0f%%) have a single participant in "
            "the data", e->test, test->projects_single, test->projects_selected,
            100.0 * test->projects_single / test->projects_selected));
    g_ptr_array_add(r->limits, g_strdup_printf(
        "%u of %u nodes of %s and %u of %u nodes of %s are in both periods (%.1f%% and %.1f%%): "
        "the evaluation covers only them", C, e->nodes_train, e->train, C, e->nodes_test,
        e->test, 100.0 * C / e->nodes_train, 100.0 * C / e->nodes_test));
    if (train->kind == RN_NETWORK_ORG && (e->matched_by_name || e->name_ambiguous))
        g_ptr_array_add(r->limits, g_strdup_printf(
            "%u organisations identified by different id schemes in the two periods are matched "
            "by name and country (identity key); %u name keys shared by several unmatched "
            "organisations are left unmatched", e->matched_by_name, e->name_ambiguous));
    if (e->negatives_sampled < e->negatives)
        g_ptr_array_add(r->limits, g_strdup_printf(
            "the AUC uses all %u new ties and a seeded sample of %u of the %u pairs untied in "
            "both periods", e->positives, e->negatives_sampled, e->negatives));
    if (e->nodes_ranked < e->nodes_with_new_ties)
        g_ptr_array_add(r->limits, g_strdup_printf(
            "precision and recall at %u average over a seeded sample of %u of the %u nodes with "
            "a new tie", e->k, e->nodes_ranked, e->nodes_with_new_ties));
    if (r->model.fallback)
        g_ptr_array_add(r->limits, g_strdup(r->model.fallback));
    return TRUE;
}
