/*
 * communities.c — Leiden communities (igraph), their modularity, stability
 * over several seeds, and each node's participation coefficient.
 *
 * Objective "modularity": node weights are strengths and igraph's
 * resolution is gamma / (2W) (W = total edge weight), which makes Leiden
 * maximise Newman's modularity with resolution gamma.  Objective "cpm":
 * unit node weights and resolution gamma (constant Potts model).
 * Labels are canonical: communities are numbered in the order of their
 * first node (nodes are sorted by id), so the same seed gives the same bytes.
 */
#include <math.h>
#include <string.h>

#include "analyses/bridging.h"
#include "engine/adjacency.h"
#include "analyses/igraph_adapter.h"
#include "engine/error.h"

/* Renumbers membership in order of first appearance; returns the count. */
static guint canonical_labels(const igraph_vector_int_t *raw, guint n, guint *out)
{
    g_autoptr(GHashTable) seen = g_hash_table_new(g_direct_hash, g_direct_equal);
    for (guint v = 0; v < n; v++) {
        gpointer key = GINT_TO_POINTER((gint)VECTOR(*raw)[v] + 1);
        gpointer hit = g_hash_table_lookup(seen, key);
        if (!hit) {
            hit = GUINT_TO_POINTER(g_hash_table_size(seen) + 1);
            g_hash_table_insert(seen, key, hit);
        }
        out[v] = GPOINTER_TO_UINT(hit) - 1;
    }
    return g_hash_table_size(seen);
}

/* Pairs of nodes sharing a label: sum over labels of size choose 2. */
static double together(const guint *labels, guint n)
{
    g_autoptr(GHashTable) sizes = g_hash_table_new(g_direct_hash, g_direct_equal);
    for (guint v = 0; v < n; v++) {
        gpointer key = GUINT_TO_POINTER(labels[v] + 1);
        g_hash_table_insert(sizes, key,
                            GUINT_TO_POINTER(GPOINTER_TO_UINT(g_hash_table_lookup(sizes, key)) + 1));
    }
    double pairs = 0;
    GHashTableIter it;
    gpointer key, value;
    g_hash_table_iter_init(&it, sizes);
    while (g_hash_table_iter_next(&it, &key, &value)) {
        double s = GPOINTER_TO_UINT(value);
        pairs += s * (s - 1) / 2;
    }
    return pairs;
}

/* meet[v] := a label of the pair (meet[v], labels[v]): the common refinement. */
static void refine(guint *meet, const guint *labels, guint n)
{
    g_autoptr(GHashTable) ids = g_hash_table_new_full(g_int64_hash, g_int64_equal, g_free, NULL);
    for (guint v = 0; v < n; v++) {
        gint64 key = ((gint64)meet[v] << 32) | labels[v];
        gpointer hit = g_hash_table_lookup(ids, &key);
        if (!hit) {
            hit = GUINT_TO_POINTER(g_hash_table_size(ids) + 1);
            g_hash_table_insert(ids, g_memdup2(&key, sizeof key), hit);
        }
        meet[v] = GPOINTER_TO_UINT(hit) - 1;
    }
}

/*
 * One seeded Leiden run iterated to convergence: each step is one Leiden
 * iteration (igraph's n_iterations = 1) started from the previous
 * partition, and the run stops at the first step that leaves the
 * partition unchanged, or after RN_LEIDEN_MAX_ITERATIONS steps.  We do not
 * pass n_iterations = -1: igraph 0.10.2 then loops until a step *changes*
 * the partition (igraph issue #2798, fixed in 0.10.17), which never happens
 * on an edgeless network or under a huge CPM resolution.  *iterations
 * receives the steps taken, *converged whether the last one changed nothing.
 */
static gboolean leiden_run(const igraph_t *graph, const igraph_vector_t *weights,
                           const igraph_vector_t *strength, double total_weight,
                           const RnCommunityOptions *o, guint64 seed, guint *labels,
                           guint *count, double *quality, guint *iterations,
                           gboolean *converged, GError **error)
{
    guint n = (guint)igraph_vcount(graph);
    igraph_vector_int_t membership;
    if (!rn_igraph_check(igraph_vector_int_init_range(&membership, 0, n), "allocating", error))
        return FALSE;
    rn_igraph_seed(seed);
    gboolean modularity = o->objective == RN_COMMUNITY_MODULARITY;
    double resolution = modularity ? (total_weight > 0 ? o->resolution / (2 * total_weight) : 0)
                                   : o->resolution;
    g_autofree guint *before = g_new(guint, n + 1);
    guint clusters_before = canonical_labels(&membership, n, before);
    igraph_integer_t clusters = 0;
    igraph_real_t q = 0;
    gboolean ok = TRUE;
    *converged = FALSE;
    for (*iterations = 0; ok && !*converged && *iterations < RN_LEIDEN_MAX_ITERATIONS;) {
        ok = rn_igraph_check(igraph_community_leiden(graph, weights, modularity ? strength : NULL,
                                                     resolution, 0.01, /*start=*/1,
                                                     /*n_iterations=*/1, &membership, &clusters,
                                                     &q),
                             "Leiden communities", error);
        if (!ok)
            break;
        ++*iterations;
        *count = canonical_labels(&membership, n, labels);
        *converged = *count == clusters_before && memcmp(labels, before, n * sizeof *labels) == 0;
        memcpy(before, labels, n * sizeof *labels);
        clusters_before = *count;
    }
    if (ok)
        *quality = q;
    igraph_vector_int_destroy(&membership);
    return ok;
}

gboolean rn_communities_compute(const RnNetwork *net, const RnCommunityOptions *o,
                                RnCommunities *r, GError **error)
{
    g_return_val_if_fail(net != NULL, FALSE);
    g_return_val_if_fail(o != NULL, FALSE);
    g_return_val_if_fail(r != NULL, FALSE);
    g_return_val_if_fail(error == NULL || *error == NULL, FALSE);
    guint n = net->nodes->len;
    *r = (RnCommunities){.n = n};
    igraph_t graph;
    igraph_vector_t weights, strength;
    if (!rn_igraph_from_network(net, &graph, &weights, error))
        return FALSE;
    if (!rn_igraph_check(igraph_vector_init(&strength, n), "allocating", error)) {
        igraph_vector_destroy(&weights);
        igraph_destroy(&graph);
        return FALSE;
    }
    double total = 0;
    for (guint i = 0; i < net->edges->len; i++) {
        const RnEdge *e = &g_array_index(net->edges, RnEdge, i);
        VECTOR(strength)[e->source] += e->weight;
        VECTOR(strength)[e->target] += e->weight;
        total += e->weight;
    }
    r->membership = g_new0(guint, n + 1);
    g_autofree guint *other = g_new0(guint, n + 1);
    g_autofree guint *meet = g_new0(guint, n + 1);
    gboolean converged = FALSE;
    gboolean ok = leiden_run(&graph, &weights, &strength, total, o, o->seed, r->membership,
                             &r->count, &r->quality, &r->iterations, &converged, error);
    r->runs_not_converged = ok && !converged;
    for (guint run = 1; ok && run < o->runs; run++) {
        guint count, iterations;
        double quality;
        ok = leiden_run(&graph, &weights, &strength, total, o, o->seed + run, other, &count,
                        &quality, &iterations, &converged, error);
        if (ok) {
            refine(meet, other, n);
            r->runs_not_converged += !converged;
        }
    }
    if (ok && net->edges->len > 0) {
        igraph_vector_int_t membership;
        ok = rn_igraph_check(igraph_vector_int_init(&membership, n), "allocating", error);
        if (ok) {
            for (guint v = 0; v < n; v++)
                VECTOR(membership)[v] = r->membership[v];
            igraph_real_t q = NAN;
            ok = rn_igraph_check(igraph_modularity(&graph, &membership, &weights, 1.0,
                                                   IGRAPH_UNDIRECTED, &q),
                                 "modularity", error);
            r->modularity = q;
            igraph_vector_int_destroy(&membership);
        }
    } else {
        r->modularity = NAN; /* undefined without ties */
    }
    igraph_vector_destroy(&strength);
    igraph_vector_destroy(&weights);
    igraph_destroy(&graph);
    if (!ok) {
        rn_communities_clear(r);
        return FALSE;
    }
    refine(meet, r->membership, n);
    double base = together(r->membership, n);
    r->stability = base > 0 ? together(meet, n) / base : NAN;
    r->sizes = g_new0(guint, r->count + 1);
    for (guint v = 0; v < n; v++)
        r->sizes[r->membership[v]]++;

    /* Participation coefficient: 1 - sum_c (k_ic / k_i)^2, unweighted degree. */
    r->participation = g_new0(double, n + 1);
    RnAdjacency adj;
    rn_adjacency_build(net, &adj);
    g_autofree double *per = g_new0(double, r->count + 1);
    for (guint v = 0; v < n; v++) {
        double k = adj.offset[v + 1] - adj.offset[v];
        if (k == 0) {
            r->participation[v] = NAN;
            continue;
        }
        for (guint a = adj.offset[v]; a < adj.offset[v + 1]; a++)
            per[r->membership[adj.target[a]]] += 1;
        double sum = 0;
        for (guint a = adj.offset[v]; a < adj.offset[v + 1]; a++) {
            guint c = r->membership[adj.target[a]];
            sum += (per[c] / k) * (per[c] / k);
            per[c] = 0;
        }
        r->participation[v] = 1 - sum;
    }
    rn_adjacency_clear(&adj);
    return TRUE;
}

void rn_communities_clear(RnCommunities *r)
{
    g_return_if_fail(r != NULL);
    g_clear_pointer(&r->membership, g_free);
    g_clear_pointer(&r->sizes, g_free);
    g_clear_pointer(&r->participation, g_free);
}
