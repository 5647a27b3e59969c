/*
 * recommend_model.c — the combined score of the recommender: a logistic
 * regression of the scores, fitted on the network it recommends from with
 * a fifth of the projects held out (docs/recommend.md), and the ranking
 * measures it is judged by (AUC, expected hits at k) and the seeded sample
 * of non-ties both use.
 *
 * Fitting: the features (rn_score_features) are standardised over the
 * training pairs; the weights maximise the log-likelihood less
 * RN_MODEL_PENALTY / 2 x |w|^2 (the intercept is not penalised), by Newton's
 * method with a Cholesky solve, from zero, until no step moves a weight by
 * more than 1e-10 (at most 100 steps).  The likelihood is concave and the
 * penalty makes it strictly so: one optimum, whatever the start.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "analyses/bridging.h"
#include "analyses/recommend.h"

void rn_score_features(const double *scores, double *features)
{
    g_return_if_fail(scores != NULL);
    g_return_if_fail(features != NULL);
    for (guint k = 0; k < RN_SCORES; k++) {
        gboolean logged = k == RN_SCORE_COMMON_NEIGHBOURS || k == RN_SCORE_ADAMIC_ADAR ||
                          k == RN_SCORE_RESOURCE_ALLOCATION ||
                          k == RN_SCORE_PREFERENTIAL_ATTACHMENT ||
                          k == RN_SCORE_COMMON_NEIGHBOURS_WEIGHTED ||
                          k == RN_SCORE_ADAMIC_ADAR_WEIGHTED ||
                          k == RN_SCORE_RESOURCE_ALLOCATION_WEIGHTED ||
                          k == RN_SCORE_PREFERENTIAL_ATTACHMENT_WEIGHTED;
        features[k] = logged && scores[k] != 0 ? log1p(scores[k]) : scores[k];
    }
}

double rn_score_model_logit(const RnScoreModel *m, const double *scores, double *parts)
{
    g_return_val_if_fail(m != NULL, NAN);
    g_return_val_if_fail(scores != NULL, NAN);
    double f[RN_SCORES], logit = m->intercept;
    rn_score_features(scores, f);
    for (guint k = 0; k < RN_SCORES; k++) {
        double term = m->sd[k] > 0 ? m->weight[k] * (f[k] - m->mean[k]) / m->sd[k] : 0;
        logit += term;
        if (parts)
            parts[k] = term;
    }
    return logit;
}

double rn_score_from_logit(double logit)
{
    return 1 / (1 + exp(-logit));
}

void rn_score_model_clear(RnScoreModel *m)
{
    g_return_if_fail(m != NULL);
    g_free(m->fallback);
    memset(m, 0, sizeof *m);
}

/* ---- ranking measures --------------------------------------------------- */

static gint by_score(gconstpointer a, gconstpointer b, gpointer data)
{
    const double *s = data;
    double x = s[*(const guint *)a], y = s[*(const guint *)b];
    if (x != y)
        return x < y ? -1 : 1;
    return *(const guint *)a < *(const guint *)b ? -1 : *(const guint *)a > *(const guint *)b;
}

/* Scores within 1e-12 of the largest |score| of each other (from the lowest
 * of a run) are ties: sums of the same terms in another order (Adamic-Adar
 * over the same neighbours' degrees) differ in the last bits, and ranking
 * that noise would move the AUC. */
static double tie_tolerance(const double *scores, guint n)
{
    double scale = 0;
    for (guint i = 0; i < n; i++)
        scale = MAX(scale, fabs(scores[i]));
    return 1e-12 * scale;
}

double rn_auc(const double *scores, const gboolean *labels, guint n)
{
    g_return_val_if_fail(n == 0 || (scores != NULL && labels != NULL), NAN);
    g_autofree guint *order = g_new(guint, n + 1);
    for (guint i = 0; i < n; i++)
        order[i] = i;
    g_qsort_with_data(order, (gint)n, sizeof(guint), by_score, (gpointer)scores);
    double tolerance = tie_tolerance(scores, n);
    double rank_sum = 0, positives = 0;
    for (guint i = 0; i < n;) {
        guint j = i;
        while (j + 1 < n && scores[order[j + 1]] - scores[order[i]] <= tolerance)
            j++;
        double rank = (i + j) / 2.0 + 1; /* average rank of the run */
        for (guint t = i; t <= j; t++)
            if (labels[order[t]]) {
                rank_sum += rank;
                positives += 1;
            }
        i = j + 1;
    }
    double negatives = n - positives;
    if (positives == 0 || negatives == 0)
        return NAN;
    return (rank_sum - positives * (positives + 1) / 2) / (positives * negatives);
}

double rn_expected_hits(const double *scores, const gboolean *labels, guint n, guint k)
{
    g_return_val_if_fail(n == 0 || (scores != NULL && labels != NULL), NAN);
    if (k >= n) {
        guint all = 0;
        for (guint i = 0; i < n; i++)
            all += labels[i] != 0;
        return all;
    }
    if (k == 0)
        return 0;
    g_autofree guint *order = g_new(guint, n + 1);
    for (guint i = 0; i < n; i++)
        order[i] = i;
    g_qsort_with_data(order, (gint)n, sizeof(guint), by_score, (gpointer)scores);
    /* Highest first: position p of the ranking is order[n - 1 - p]. */
    double threshold = scores[order[n - k]], tolerance = tie_tolerance(scores, n);
    guint above = 0, above_hits = 0, tied = 0, tied_hits = 0;
    for (guint i = 0; i < n; i++) {
        if (scores[i] > threshold + tolerance) {
            above++;
            above_hits += labels[i] != 0;
        } else if (scores[i] >= threshold - tolerance) {
            tied++;
            tied_hits += labels[i] != 0;
        }
    }
    /* k - above places go to the tied run, each equally likely to be any of it. */
    return above_hits + (double)tied_hits * (k - above) / tied;
}

/* ---- seeded sample of non-ties ---------------------------------------- */

static guint64 pack(guint a, guint b)
{
    return (guint64)MIN(a, b) << 32 | MAX(a, b);
}

static gint compare_packed(gconstpointer a, gconstpointer b)
{
    guint64 x = *(const guint64 *)a, y = *(const guint64 *)b;
    return x < y ? -1 : x > y;
}

GArray *rn_sample_nonties(guint n, GHashTable *excluded, guint want, guint64 *state)
{
    g_return_val_if_fail(excluded != NULL && state != NULL, NULL);
    GArray *out = g_array_new(FALSE, FALSE, sizeof(guint64));
    guint64 total = (guint64)n * (n - (n > 0)) / 2;
    guint64 open_pairs = total - MIN(total, g_hash_table_size(excluded));
    if (total <= 4 * (guint64)want + 100000 || open_pairs <= 4 * (guint64)want) {
        /* Few pairs: list the candidates, then a partial Fisher-Yates. */
        for (guint a = 0; a < n; a++)
            for (guint b = a + 1; b < n; b++) {
                guint64 key = pack(a, b);
                if (!g_hash_table_contains(excluded, &key))
                    g_array_append_val(out, key);
            }
        if (out->len > want) {
            guint64 *p = (guint64 *)out->data;
            for (guint i = 0; i < want; i++) {
                guint j = i + (guint)rn_random_below(state, out->len - i);
                guint64 t = p[i];
                p[i] = p[j];
                p[j] = t;
            }
            g_array_set_size(out, want);
        }
    } else {
        /* Many pairs, few excluded: draw until enough distinct non-ties. */
        g_autoptr(GHashTable) chosen = g_hash_table_new_full(g_int64_hash, g_int64_equal,
                                                             g_free, NULL);
        while (out->len < want) {
            guint a = (guint)rn_random_below(state, n), b = (guint)rn_random_below(state, n);
            if (a == b)
                continue;
            guint64 key = pack(a, b);
            if (g_hash_table_contains(excluded, &key) || g_hash_table_contains(chosen, &key))
                continue;
            g_hash_table_add(chosen, g_memdup2(&key, sizeof key));
            g_array_append_val(out, key);
        }
    }
    g_array_sort(out, compare_packed);
    return out;
}

/* ---- fitting ------------------------------------------------------------ */

/* Solves A x = b for a symmetric positive definite A (d x d, overwritten)
 * by Cholesky; FALSE when A is not positive definite. */
static gboolean cholesky_solve(double *A, double *b, guint d)
{
    for (guint j = 0; j < d; j++) {
        double s = A[j * d + j];
        for (guint k = 0; k < j; k++)
            s -= A[j * d + k] * A[j * d + k];
        if (!(s > 0))
            return FALSE;
        A[j * d + j] = sqrt(s);
        for (guint i = j + 1; i < d; i++) {
            double t = A[i * d + j];
            for (guint k = 0; k < j; k++)
                t -= A[i * d + k] * A[j * d + k];
            A[i * d + j] = t / A[j * d + j];
        }
    }
    for (guint i = 0; i < d; i++) { /* L y = b */
        double t = b[i];
        for (guint k = 0; k < i; k++)
            t -= A[i * d + k] * b[k];
        b[i] = t / A[i * d + i];
    }
    for (guint i = d; i-- > 0;) { /* L^T x = y */
        double t = b[i];
        for (guint k = i + 1; k < d; k++)
            t -= A[k * d + i] * b[k];
        b[i] = t / A[i * d + i];
    }
    return TRUE;
}

/*
 * L2-penalised logistic regression on rows x (n x F, standardised, columns
 * with sd 0 all zero) with labels y; weights into w (F) and *b.  Returns
 * the Newton steps taken.
 */
static guint fit_logistic(const double *x, const gboolean *y, guint n, const double *sd,
                          double *w, double *b)
{
    enum { F = RN_SCORES, D = RN_SCORES + 1 };
    memset(w, 0, sizeof(double) * F);
    *b = 0;
    guint step = 0;
    while (step < 100) {
        step++;
        double H[D * D] = {0}, g[D] = {0};
        for (guint i = 0; i < n; i++) {
            const double *row = x + (gsize)i * F;
            double eta = *b;
            for (guint k = 0; k < F; k++)
                eta += w[k] * row[k];
            double p = rn_score_from_logit(eta), r = (y[i] ? 1.0 : 0.0) - p, c = p * (1 - p);
            double z[D];
            for (guint k = 0; k < F; k++)
                z[k] = row[k];
            z[F] = 1;
            for (guint j = 0; j < D; j++) {
                g[j] += r * z[j];
                for (guint k = 0; k <= j; k++)
                    H[j * D + k] += c * z[j] * z[k];
            }
        }
        for (guint j = 0; j < D; j++)
            for (guint k = j + 1; k < D; k++)
                H[j * D + k] = H[k * D + j];
        for (guint k = 0; k < F; k++) {
            g[k] -= RN_MODEL_PENALTY * w[k];
            H[k * D + k] += RN_MODEL_PENALTY;
            if (sd[k] == 0) { /* a left-out feature stays at 0 */
                for (guint j = 0; j < D; j++)
                    H[k * D + j] = H[j * D + k] = 0;
                H[k * D + k] = 1;
                g[k] = 0;
            }
        }
        if (!cholesky_solve(H, g, D))
            break;
        double largest = 0;
        for (guint k = 0; k < F; k++) {
            w[k] += g[k];
            largest = MAX(largest, fabs(g[k]));
        }
        *b += g[F];
        largest = MAX(largest, fabs(g[F]));
        if (largest <= 1e-10)
            break;
    }
    return step;
}

static guint64 pack_pair(guint a, guint b)
{
    return pack(a, b);
}

void rn_score_model_fit(const RnModel *model, const RnNetwork *net, const RnMembership *mb,
                        guint64 seed, RnScoreModel *out)
{
    g_return_if_fail(model != NULL && net != NULL && mb != NULL && out != NULL);
    memset(out, 0, sizeof *out);
    out->seed = seed;
    guint64 state = seed;
    /* Projects with ties, a seeded fifth of them held out. */
    g_autoptr(GArray) tied = g_array_new(FALSE, FALSE, sizeof(guint));
    for (guint q = 0; q < mb->n_projects; q++)
        if (mb->project_offset[q + 1] - mb->project_offset[q] >= 2)
            g_array_append_val(tied, q);
    out->projects = tied->len;
    guint hide = (guint)floor(RN_HOLDOUT_SHARE * tied->len + 0.5);
    guint *t = (guint *)tied->data;
    for (guint i = 0; i < hide; i++) {
        guint j = i + (guint)rn_random_below(&state, tied->len - i);
        guint s = t[i];
        t[i] = t[j];
        t[j] = s;
    }
    out->held_out_projects = hide;
    g_autofree gboolean *hidden = g_new0(gboolean, mb->n_projects + 1);
    for (guint i = 0; i < hide; i++)
        hidden[t[i]] = TRUE;

    RnLinkGraph visible, full;
    rn_link_graph_from_membership(mb, hidden, &visible);
    rn_link_graph_from_membership(mb, NULL, &full);
    RnNodeProfiles profiles;
    rn_node_profiles_build(model, net, mb, hidden, &profiles);

    /* Nodes with a visible project, numbered 0..present-1. */
    guint n = mb->n_nodes, present = 0;
    g_autofree guint *local = g_new(guint, n + 1), *global = g_new(guint, n + 1);
    for (guint v = 0; v < n; v++) {
        gboolean seen = FALSE;
        for (guint a = mb->node_offset[v]; a < mb->node_offset[v + 1] && !seen; a++)
            seen = !hidden[mb->node_project[a]];
        local[v] = seen ? present : G_MAXUINT;
        if (seen)
            global[present++] = v;
    }
    /* Positives: pairs of present nodes tied only by held-out projects. */
    g_autoptr(GHashTable) positive_set = g_hash_table_new_full(g_int64_hash, g_int64_equal,
                                                               g_free, NULL);
    g_autoptr(GArray) positives = g_array_new(FALSE, FALSE, sizeof(guint64));
    for (guint i = 0; i < hide; i++) {
        guint q = t[i];
        for (guint a = mb->project_offset[q]; a < mb->project_offset[q + 1]; a++)
            for (guint b = a + 1; b < mb->project_offset[q + 1]; b++) {
                guint u = mb->project_node[a], v = mb->project_node[b];
                if (local[u] == G_MAXUINT || local[v] == G_MAXUINT ||
                    rn_link_graph_weight(&visible, u, v) > 0)
                    continue;
                guint64 key = pack_pair(local[u], local[v]);
                if (g_hash_table_contains(positive_set, &key))
                    continue;
                g_hash_table_add(positive_set, g_memdup2(&key, sizeof key));
                g_array_append_val(positives, key);
            }
    }
    g_array_sort(positives, compare_packed);
    if (positives->len > RN_TRAINING_PAIRS) {
        guint64 *p = (guint64 *)positives->data;
        for (guint i = 0; i < RN_TRAINING_PAIRS; i++) {
            guint j = i + (guint)rn_random_below(&state, positives->len - i);
            guint64 s = p[i];
            p[i] = p[j];
            p[j] = s;
        }
        g_array_set_size(positives, RN_TRAINING_PAIRS);
    }
    /* Negatives: as many pairs of present nodes tied by no project. */
    g_autoptr(GHashTable) ties = g_hash_table_new_full(g_int64_hash, g_int64_equal, g_free, NULL);
    for (guint v = 0; v < n; v++)
        for (guint a = full.offset[v]; a < full.offset[v + 1]; a++) {
            guint z = full.target[a];
            if (z > v && local[v] != G_MAXUINT && local[z] != G_MAXUINT) {
                guint64 key = pack_pair(local[v], local[z]);
                g_hash_table_add(ties, g_memdup2(&key, sizeof key));
            }
        }
    g_autoptr(GArray) negatives = rn_sample_nonties(present, ties, positives->len, &state);
    out->positives = positives->len;
    out->negatives = negatives->len;

    if (positives->len < 10 || negatives->len < 10) {
        out->fallback = g_strdup_printf(
            "too few pairs to fit the combined score (%u held-out ties, %u non-ties; 10 of each "
            "needed): the score is resource allocation alone",
            positives->len, negatives->len);
        out->sd[RN_SCORE_RESOURCE_ALLOCATION] = 1;
        out->weight[RN_SCORE_RESOURCE_ALLOCATION] = 1;
    } else {
        guint rows = positives->len + negatives->len;
        g_autofree double *x = g_new(double, (gsize)rows * RN_SCORES);
        g_autofree gboolean *y = g_new(gboolean, rows);
        for (guint i = 0; i < rows; i++) {
            gboolean pos = i < positives->len;
            guint64 key = pos ? g_array_index(positives, guint64, i)
                              : g_array_index(negatives, guint64, i - positives->len);
            double s[RN_SCORES];
            rn_pair_scores(&visible, &profiles, global[key >> 32], global[key & 0xFFFFFFFFu], s);
            rn_score_features(s, x + (gsize)i * RN_SCORES);
            y[i] = pos;
        }
        for (guint k = 0; k < RN_SCORES; k++) {
            double mean = 0, var = 0;
            for (guint i = 0; i < rows; i++)
                mean += x[(gsize)i * RN_SCORES + k];
            mean /= rows;
            for (guint i = 0; i < rows; i++) {
                double d = x[(gsize)i * RN_SCORES + k] - mean;
                var += d * d;
            }
            double sd = sqrt(var / rows);
            /* A feature constant up to rounding carries no information. */
            if (!(sd > 1e-12 * MAX(1.0, fabs(mean))))
                sd = 0;
            out->mean[k] = mean;
            out->sd[k] = sd;
            for (guint i = 0; i < rows; i++) {
                double *cell = &x[(gsize)i * RN_SCORES + k];
                *cell = sd > 0 ? (*cell - mean) / sd : 0;
            }
        }
        out->iterations = fit_logistic(x, y, rows, out->sd, out->weight, &out->intercept);
        out->fitted = TRUE;
        g_autofree double *fitted = g_new(double, rows);
        for (guint i = 0; i < rows; i++) {
            double eta = out->intercept;
            for (guint k = 0; k < RN_SCORES; k++)
                eta += out->weight[k] * x[(gsize)i * RN_SCORES + k];
            fitted[i] = eta;
        }
        out->training_auc = rn_auc(fitted, y, rows);
    }
    rn_node_profiles_clear(&profiles);
    rn_link_graph_clear(&visible);
    rn_link_graph_clear(&full);
}
