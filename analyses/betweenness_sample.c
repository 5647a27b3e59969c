/*
 * betweenness_sample.c — betweenness estimated from sampled shortest paths
 * with a stated error: KADABRA (Borassi and Natale 2019, "KADABRA is an
 * ADaptive Algorithm for Betweenness via Random Approximation", ACM Journal
 * of Experimental Algorithmics 24; ESA 2016), with the sample cap of
 * Riondato and Kornaropoulos 2016 ("Fast approximation of betweenness
 * centrality through sampling", Data Mining and Knowledge Discovery 30(2)).
 * See analysis.h and docs/paths.md for the guarantee and its proof.
 *
 * Each sample is an ordered pair (s, t), s != t, drawn uniformly, and one
 * shortest s-t path drawn uniformly (shortest_path_sample.c); every inner
 * node of the path counts 1.  The estimate of node v after tau samples is
 * count(v) / tau, an estimate of b(v) = (1/(n(n-1))) sum_{s != t}
 * sigma_st(v) / sigma_st.
 *
 * Sample k of phase p is drawn from a SplitMix64 generator seeded with
 * (seed, p, k).  Samples are computed in chunks by any number of threads,
 * but the counts are applied in chunk order and the stopping rule is
 * evaluated after every CHECK_EVERY samples in that order, so the stopping
 * time and the counts (integers) do not depend on the thread count.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "analyses/shortest_path_sample.h"
#include "engine/error.h"

#define CHUNK 64            /* samples per unit of work */
#define CHECK_EVERY 512     /* samples between two evaluations of the stopping rule */
#define START_FACTOR 100    /* preliminary samples: omega / START_FACTOR */
#define BALANCE 0.001       /* share of delta/2 spread evenly over all nodes */
#define MAX_THREADS 64

/* ---- the vertex-diameter bound ------------------------------------------ */

static int compare_doubles(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/*
 * Labels connected components (component[v]) and returns an upper bound of
 * the vertex diameter, the most nodes on any shortest path (docs/paths.md):
 * per component, from its node c of largest degree, any two nodes are at most
 * D = e1 + e2 apart (e1 >= e2 the two largest distances from c); a shortest
 * path with k arcs x0 .. xk is at least m(x1) + ... + m(xk) long, m(x) the
 * shortest arc at x (arc i ends at x(i+1)), so at least S(k), the sum of the
 * k smallest m in the component; hence k <= max {k : S(k) <= D}.
 * With lengths 1 (alpha = 0) this is the usual D + 1.
 */
static guint vertex_diameter_bound(const RnPathGraph *g, gboolean weighted, guint *component)
{
    guint n = g->n;
    g_autofree guint *order = g_new(guint, n + 1);
    g_autofree double *dist = g_new(double, n + 1);
    g_autofree guint8 *settled = g_new0(guint8, n + 1);
    g_autofree double *shortest = g_new(double, n + 1);
    g_autofree RnHeapItem *heap = g_new(RnHeapItem, g->offset[n] + 2);
    for (guint v = 0; v < n; v++) {
        component[v] = G_MAXUINT;
        dist[v] = INFINITY;
    }
    guint bound = n > 0 ? 1 : 0, components = 0;
    for (guint first = 0; first < n; first++) {
        if (component[first] != G_MAXUINT)
            continue;
        /* The component, breadth-first, and its node of largest degree. */
        guint size = 0, centre = first;
        order[size++] = first;
        component[first] = components;
        for (guint head = 0; head < size; head++) {
            guint u = order[head];
            if (g->offset[u + 1] - g->offset[u] > g->offset[centre + 1] - g->offset[centre])
                centre = u;
            for (guint a = g->offset[u]; a < g->offset[u + 1]; a++)
                if (component[g->target[a]] == G_MAXUINT) {
                    component[g->target[a]] = components;
                    order[size++] = g->target[a];
                }
        }
        components++;
        if (size <= 2) {
            bound = MAX(bound, size);
            continue;
        }
        /* Distances from the centre (Dijkstra; lengths 1 without weights). */
        guint heap_size = 0;
        dist[centre] = 0.0;
        rn_heap_push(heap, &heap_size, 0.0, centre);
        while (heap_size > 0) {
            RnHeapItem top = rn_heap_pop(heap, &heap_size);
            guint u = top.node;
            if (settled[u] || top.key != dist[u])
                continue;
            settled[u] = 1;
            for (guint a = g->offset[u]; a < g->offset[u + 1]; a++) {
                guint v = g->target[a];
                double nd = dist[u] + (weighted ? g->length[a] : 1.0);
                if (!settled[v] && nd < dist[v]) {
                    dist[v] = nd;
                    rn_heap_push(heap, &heap_size, nd, v);
                }
            }
        }
        double e1 = 0.0, e2 = 0.0;
        for (guint i = 0; i < size; i++) {
            guint u = order[i];
            double d = dist[u];
            if (d > e1) {
                e2 = e1;
                e1 = d;
            } else if (d > e2) {
                e2 = d;
            }
            double m = INFINITY;
            for (guint a = g->offset[u]; a < g->offset[u + 1]; a++)
                m = MIN(m, weighted ? g->length[a] : 1.0);
            shortest[i] = m;
            dist[u] = INFINITY;
            settled[u] = 0;
        }
        /* Slack for rounding and for the tolerance of equal lengths. */
        double diameter = (e1 + e2) * (1.0 + 1e-9);
        qsort(shortest, size, sizeof *shortest, compare_doubles);
        double sum = 0.0;
        guint arcs = 0;
        while (arcs < size - 1 && sum + shortest[arcs] <= diameter)
            sum += shortest[arcs++];
        bound = MAX(bound, arcs + 1);
    }
    return bound;
}

/* ---- sampling ------------------------------------------------------------ */

typedef struct {
    const RnPathGraph *g;
    const RnSampleGraph *sg;
    const guint *component;
    guint64 seed;
    guint phase;
    guint64 limit;        /* samples in this phase at most */
    guint n_chunks;
    gint next_chunk;      /* atomic */
    gint stop;            /* atomic */
    GArray **slot;        /* per chunk: inner nodes of its paths, set when done */
    GMutex lock;
    GCond ready;
} Run;

static guint64 sample_state(guint64 seed, guint phase, guint64 k)
{
    guint64 state = seed;
    guint64 key = rn_splitmix64(&state);
    state = key ^ (k * G_GUINT64_CONSTANT(0xD1B54A32D192ED03)) ^
            ((guint64)phase * G_GUINT64_CONSTANT(0xA0761D6478BD642F));
    rn_splitmix64(&state);
    return state;
}

/* Inner nodes of the paths of chunk j, one entry per occurrence. */
static GArray *run_chunk(Run *run, guint j, RnPathSampler *w, guint *path)
{
    const RnPathGraph *g = run->g;
    guint n = g->n;
    GArray *inner = g_array_new(FALSE, FALSE, sizeof(guint));
    guint64 first = (guint64)j * CHUNK, last = MIN(first + CHUNK, run->limit);
    for (guint64 k = first; k < last; k++) {
        guint64 state = sample_state(run->seed, run->phase, k);
        guint s = (guint)rn_random_below(&state, n);
        guint t = (guint)rn_random_below(&state, n - 1);
        if (t >= s)
            t++;
        if (run->component[s] != run->component[t])
            continue; /* no path: no node is counted */
        guint len = rn_sample_shortest_path(run->sg, s, t, &state, w, path, NULL);
        if (len > 2)
            g_array_append_vals(inner, path + 1, len - 2);
    }
    return inner;
}

static void publish(Run *run, guint j, GArray *inner)
{
    g_mutex_lock(&run->lock);
    g_atomic_pointer_set(&run->slot[j], inner);
    g_cond_broadcast(&run->ready);
    g_mutex_unlock(&run->lock);
}

/* Claims and computes one chunk; FALSE when none is left. */
static gboolean work_one(Run *run, RnPathSampler *w, guint *path)
{
    if (g_atomic_int_get(&run->stop))
        return FALSE;
    gint j = g_atomic_int_add(&run->next_chunk, 1);
    if ((guint)j >= run->n_chunks)
        return FALSE;
    publish(run, (guint)j, run_chunk(run, (guint)j, w, path));
    return TRUE;
}

static gpointer worker(gpointer data)
{
    Run *run = data;
    RnPathSampler w;
    rn_path_sampler_init(run->g, &w);
    g_autofree guint *path = g_new(guint, run->g->n + 1);
    while (work_one(run, &w, path))
        ;
    rn_path_sampler_clear(&w);
    return NULL;
}

/* Stopping rule, called after each CHECK_EVERY samples (in order) with the
 * counts so far; TRUE stops the phase. */
typedef gboolean (*CheckFunc)(const guint64 *count, guint64 samples, gpointer data);

/* Runs up to run->limit samples of a phase on threads threads, adding each
 * inner node occurrence to count in sample order; returns the samples
 * counted (fewer than the limit when check stopped the phase). */
static guint64 run_phase(Run *run, guint threads, guint64 *count, CheckFunc check,
                         gpointer check_data, const RnProgress *progress, guint64 done_before,
                         guint64 total)
{
    run->n_chunks = (guint)((run->limit + CHUNK - 1) / CHUNK);
    run->next_chunk = 0;
    run->stop = 0;
    run->slot = g_new0(GArray *, run->n_chunks + 1);
    g_mutex_init(&run->lock);
    g_cond_init(&run->ready);
    GThread *pool[MAX_THREADS];
    threads = CLAMP(threads, 1, MAX_THREADS);
    for (guint i = 1; i < threads; i++)
        pool[i] = g_thread_new("regnet-sample", worker, run);
    RnPathSampler w;
    rn_path_sampler_init(run->g, &w);
    g_autofree guint *path = g_new(guint, run->g->n + 1);
    guint64 samples = 0;
    for (guint applied = 0; applied < run->n_chunks; applied++) {
        GArray *inner;
        while ((inner = g_atomic_pointer_get(&run->slot[applied])) == NULL) {
            if (work_one(run, &w, path))
                continue;
            g_mutex_lock(&run->lock);
            while ((inner = g_atomic_pointer_get(&run->slot[applied])) == NULL)
                g_cond_wait(&run->ready, &run->lock);
            g_mutex_unlock(&run->lock);
        }
        for (guint i = 0; i < inner->len; i++)
            count[g_array_index(inner, guint, i)]++;
        g_array_unref(inner);
        run->slot[applied] = NULL;
        samples = MIN((guint64)(applied + 1) * CHUNK, run->limit);
        rn_progress_step(progress, RN_PHASE_SAMPLE, done_before + samples, total);
        if (check && (samples % CHECK_EVERY == 0 || samples == run->limit) &&
            check(count, samples, check_data))
            break;
    }
    g_atomic_int_set(&run->stop, 1);
    for (guint i = 1; i < threads; i++)
        g_thread_join(pool[i]);
    for (guint j = 0; j < run->n_chunks; j++)
        if (run->slot[j])
            g_array_unref(run->slot[j]);
    g_free(run->slot);
    g_mutex_clear(&run->lock);
    g_cond_clear(&run->ready);
    rn_path_sampler_clear(&w);
    return samples;
}

/* ---- KADABRA's stopping rule --------------------------------------------- */

typedef struct {
    guint n;
    double omega;         /* the cap: Riondato-Kornaropoulos sample size at delta/2 */
    double eps;           /* on b (normalised by n(n-1)) */
    const double *log_inv_delta; /* per node: ln(1/delta_L(v)) = ln(1/delta_U(v)) */
} Rule;

/* Borassi and Natale's f and g: with probability >= 1 - delta_L(v) (resp.
 * delta_U(v)), at every tau <= omega, b~ - b <= f (resp. b - b~ <= g). */
static double rule_f(double b, double tau, double omega, double L)
{
    double a = omega / tau - 1.0 / 3.0;
    return MIN(L / tau * (-a + sqrt(a * a + 2.0 * b * omega / L)), b);
}

static double rule_g(double b, double tau, double omega, double L)
{
    double a = omega / tau + 1.0 / 3.0;
    return MIN(L / tau * (a + sqrt(a * a + 2.0 * b * omega / L)), 1.0 - b);
}

static gboolean rule_check(const guint64 *count, guint64 samples, gpointer data)
{
    const Rule *rule = data;
    double tau = (double)samples;
    if (tau >= rule->omega)
        return TRUE;
    for (guint v = 0; v < rule->n; v++) {
        double b = count[v] / tau, L = rule->log_inv_delta[v];
        if (rule_f(b, tau, rule->omega, L) > rule->eps || rule_g(b, tau, rule->omega, L) > rule->eps)
            return FALSE;
    }
    return TRUE;
}

/*
 * KADABRA's split of delta/2 over the nodes from the preliminary estimates
 * b0: delta_L(v) = delta_U(v) = exp(-c eps^2 / b0(v)) + delta BALANCE / (4n),
 * with the smallest c for which 2 sum_v exp(-c eps^2 / b0(v)) <=
 * (delta/2)(1 - BALANCE); then sum_v (delta_L(v) + delta_U(v)) <= delta/2.
 * Writes ln(1 / delta_L(v)).
 */
static void split_delta(const guint64 *count0, guint64 samples0, guint n, double eps, double delta,
                        double *log_inv_delta)
{
    double target = delta / 2.0 * (1.0 - BALANCE) * (1.0 - 1e-9);
    double floor_share = delta * BALANCE / (4.0 * n);
    guint seen = 0;
    double b_max = 0.0;
    for (guint v = 0; v < n; v++)
        if (count0[v] > 0) {
            seen++;
            b_max = MAX(b_max, (double)count0[v] / samples0);
        }
    double lo = 0.0, hi = 0.0;
    if (seen > 0 && 2.0 * seen > target) {
        /* 2 seen exp(-hi eps^2 / b_max) = target. */
        hi = b_max * log(2.0 * seen / target) / (eps * eps) * (1.0 + 1e-9);
        for (int i = 0; i < 200 && hi - lo > 1e-12 * hi; i++) {
            double c = (lo + hi) / 2.0, sum = 0.0;
            for (guint v = 0; v < n; v++)
                if (count0[v] > 0)
                    sum += 2.0 * exp(-c * eps * eps / ((double)count0[v] / samples0));
            if (sum <= target)
                hi = c;
            else
                lo = c;
        }
    }
    for (guint v = 0; v < n; v++) {
        double share = count0[v] > 0 ? exp(-hi * eps * eps / ((double)count0[v] / samples0)) : 0.0;
        /* At most delta/2 each (c = 0 would give 1): the sum only shrinks. */
        log_inv_delta[v] = -log(MIN(share + floor_share, delta / 2.0));
    }
}

gboolean rn_betweenness_sample(const RnNetwork *net, double alpha, guint threads,
                               double epsilon, double delta, guint64 seed,
                               const RnProgress *progress, double **betweenness,
                               RnBetweennessMethod *method, GError **error)
{
    g_return_val_if_fail(net != NULL && betweenness != NULL && method != NULL, FALSE);
    g_return_val_if_fail(epsilon > 0 && epsilon < 1 && delta > 0 && delta < 1, FALSE);
    g_return_val_if_fail(error == NULL || *error == NULL, FALSE);
    RnPathGraph g;
    rn_path_graph_build(net, alpha, &g);
    guint n = g.n;
    gboolean weighted = alpha != 0.0;
    g_autofree guint *component = g_new(guint, n + 1);
    guint vd = vertex_diameter_bound(&g, weighted, component);
    /* The bound is on b(v) = (1/(n(n-1))) sum sigma_st(v)/sigma_st; regnet
     * divides by (n-1)(n-2), n/(n-2) times more. */
    double eps = n > 2 ? epsilon * (n - 2.0) / n : epsilon;
    double log_term = vd > 2 ? floor(log2(vd - 2.0)) + 1.0 : 0.0;
    double omega = ceil(0.5 / (eps * eps) * (log_term + log(2.0 / delta)));
    *method = (RnBetweennessMethod){.sampled = TRUE, .epsilon = epsilon, .delta = delta,
                                    .seed = seed, .max_samples = (guint64)omega,
                                    .vertex_diameter = vd};
    if (omega > RN_SAMPLE_MAX) {
        rn_path_graph_clear(&g);
        g_set_error(error, RN_ERROR, RN_ERROR_USAGE,
                    "--betweenness-sample %g,%g may need %.0f sampled paths, more than %u; "
                    "expected a larger epsilon", epsilon, delta, omega, RN_SAMPLE_MAX);
        return FALSE;
    }
    *betweenness = g_new0(double, n + 1);
    if (n < 3) {
        rn_path_graph_clear(&g);
        method->max_samples = 0;
        return TRUE;
    }
    guint64 preliminary = (guint64)MAX(1.0, ceil(omega / START_FACTOR));
    guint64 total = preliminary + (guint64)omega;
    g_autofree guint64 *count = g_new0(guint64, n + 1);
    RnSampleGraph sg;
    rn_sample_graph_build(&g, weighted, &sg);
    Run run = {.g = &g, .sg = &sg, .component = component, .seed = seed, .phase = 0,
               .limit = preliminary};
    run_phase(&run, threads, count, NULL, NULL, progress, 0, total);
    g_autofree double *log_inv_delta = g_new(double, n + 1);
    split_delta(count, preliminary, n, eps, delta, log_inv_delta);

    memset(count, 0, (n + 1) * sizeof *count);
    Rule rule = {.n = n, .omega = omega, .eps = eps, .log_inv_delta = log_inv_delta};
    run = (Run){.g = &g, .sg = &sg, .component = component, .seed = seed, .phase = 1,
                .limit = (guint64)omega};
    guint64 tau = run_phase(&run, threads, count, rule_check, &rule, progress, preliminary, total);
    rn_progress_end(progress, RN_PHASE_SAMPLE, total);
    method->samples = tau;
    method->preliminary_samples = preliminary;
    for (guint v = 0; v < n; v++)
        (*betweenness)[v] = (double)count[v] / tau * n / (n - 2.0);
    rn_sample_graph_clear(&sg);
    rn_path_graph_clear(&g);
    return TRUE;
}
