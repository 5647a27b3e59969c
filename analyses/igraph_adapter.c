/*
 * igraph_adapter.c — igraph's process-wide state, kept in one file (see
 * igraph_adapter.h): handlers, OpenMP pinning, the RNG seed, conversion.
 *
 * Why the error handler keeps the first reason: igraph calls the handler
 * where an error happens (with a reason) and then once more, with "", at
 * each IGRAPH_CHECK the error passes through.  Overwriting on every call
 * would leave an empty reason for any nested failure.
 */
#include "analyses/igraph_adapter.h"

#include <math.h>

#include <string.h>

#include <omp.h>

#include "analyses/analysis.h"
#include "engine/error.h"

/* igraph is used from one thread at a time (igraph_adapter.h), so plain
 * statics suffice; the once-guard only protects the installation. */
static char first_reason[512];
static GPtrArray *warnings; /* char *, distinct, oldest first */

static void record_error(const char *reason, const char *file, int line,
                         igraph_error_t igraph_errno)
{
    (void)file;
    (void)line;
    (void)igraph_errno;
    if (!first_reason[0] && reason && reason[0])
        g_strlcpy(first_reason, reason, sizeof first_reason);
    /* igraph's contract: a handler that returns frees what IGRAPH_FINALLY holds. */
    IGRAPH_FINALLY_FREE();
}

static void record_warning(const char *reason, const char *file, int line)
{
    (void)file;
    (void)line;
    if (!reason || !reason[0])
        return;
    if (!warnings)
        warnings = g_ptr_array_new_with_free_func(g_free);
    for (guint i = 0; i < warnings->len; i++)
        if (strcmp(g_ptr_array_index(warnings, i), reason) == 0)
            return;
    g_ptr_array_add(warnings, g_strdup(reason));
}

static gpointer install(gpointer unused)
{
    (void)unused;
    igraph_set_error_handler(record_error);
    igraph_set_warning_handler(record_warning);
    /* PRPACK sums in an OpenMP-thread-dependent order: one thread keeps
     * PageRank bit-identical between runs and machines. */
    omp_set_num_threads(1);
    return NULL;
}

void rn_igraph_begin(void)
{
    static GOnce once = G_ONCE_INIT;
    g_once(&once, install, NULL);
    first_reason[0] = '\0';
}

gboolean rn_igraph_check(igraph_error_t code, const char *what, GError **error)
{
    g_return_val_if_fail(what != NULL, FALSE);
    g_return_val_if_fail(error == NULL || *error == NULL, FALSE);
    if (code == IGRAPH_SUCCESS)
        return TRUE;
    if (first_reason[0])
        g_set_error(error, RN_ERROR, RN_ERROR_INTERNAL, "%s failed: %s (%s)", what, first_reason,
                    igraph_strerror(code));
    else
        g_set_error(error, RN_ERROR, RN_ERROR_INTERNAL, "%s failed: %s", what,
                    igraph_strerror(code));
    first_reason[0] = '\0';
    return FALSE;
}

GPtrArray *rn_igraph_take_warnings(void)
{
    GPtrArray *taken = warnings ? warnings : g_ptr_array_new_with_free_func(g_free);
    warnings = NULL;
    return taken;
}

void rn_igraph_seed(guint64 seed)
{
    rn_igraph_begin();
    igraph_rng_seed(igraph_rng_default(), (igraph_uint_t)seed);
}

gboolean rn_igraph_from_network(const RnNetwork *net, igraph_t *graph, igraph_vector_t *weights,
                                GError **error)
{
    g_return_val_if_fail(net != NULL && graph != NULL, FALSE);
    g_return_val_if_fail(error == NULL || *error == NULL, FALSE);
    rn_igraph_begin();
    igraph_vector_int_t edges;
    if (!rn_igraph_check(igraph_vector_int_init(&edges, 2 * (igraph_integer_t)net->edges->len),
                         "allocating the edge list", error))
        return FALSE;
    for (guint i = 0; i < net->edges->len; i++) {
        const RnEdge *e = &g_array_index(net->edges, RnEdge, i);
        VECTOR(edges)[2 * i] = e->source;
        VECTOR(edges)[2 * i + 1] = e->target;
    }
    igraph_error_t rc = igraph_create(graph, &edges, (igraph_integer_t)net->nodes->len,
                                      IGRAPH_UNDIRECTED);
    igraph_vector_int_destroy(&edges);
    if (!rn_igraph_check(rc, "building the igraph graph", error))
        return FALSE;
    if (weights) {
        if (!rn_igraph_check(igraph_vector_init(weights, (igraph_integer_t)net->edges->len),
                             "allocating weights", error)) {
            igraph_destroy(graph);
            return FALSE;
        }
        for (guint i = 0; i < net->edges->len; i++)
            VECTOR(*weights)[i] = g_array_index(net->edges, RnEdge, i).weight;
    }
    return TRUE;
}

const char *rn_igraph_version(void)
{
    const char *text;
    igraph_version(&text, NULL, NULL, NULL);
    return text;
}

double *rn_igraph_layout_fr(const RnNetwork *net, guint64 seed, guint iterations, GError **error)
{
    g_return_val_if_fail(net != NULL, NULL);
    g_return_val_if_fail(error == NULL || *error == NULL, NULL);
    igraph_t graph;
    if (!rn_igraph_from_network(net, &graph, NULL, error))
        return NULL;
    igraph_matrix_t positions;
    if (!rn_igraph_check(igraph_matrix_init(&positions, 0, 2), "allocating the layout", error)) {
        igraph_destroy(&graph);
        return NULL;
    }
    rn_igraph_seed(seed);
    igraph_integer_t n = igraph_vcount(&graph);
    igraph_error_t rc = igraph_layout_fruchterman_reingold(
        &graph, &positions, 0, (igraph_integer_t)iterations, sqrt((double)n) / 10.0,
        IGRAPH_LAYOUT_AUTOGRID, NULL, NULL, NULL, NULL, NULL);
    igraph_destroy(&graph);
    if (!rn_igraph_check(rc, "the Fruchterman-Reingold layout", error)) {
        igraph_matrix_destroy(&positions);
        return NULL;
    }
    double *xy = g_new(double, 2 * (gsize)MAX(n, 1));
    for (igraph_integer_t i = 0; i < n; i++) {
        xy[2 * i] = MATRIX(positions, i, 0);
        xy[2 * i + 1] = MATRIX(positions, i, 1);
    }
    igraph_matrix_destroy(&positions);
    return xy;
}
