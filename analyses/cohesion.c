/*
 * cohesion.c — k-core numbers, cut points (articulation points) and bridges
 * (edges whose removal disconnects their component), all from igraph and
 * unweighted.
 */
#include "analyses/bridging.h"
#include "analyses/igraph_adapter.h"
#include "engine/error.h"

gboolean rn_cohesion_compute(const RnNetwork *net, RnCohesion *r, GError **error)
{
    g_return_val_if_fail(net != NULL, FALSE);
    g_return_val_if_fail(r != NULL, FALSE);
    g_return_val_if_fail(error == NULL || *error == NULL, FALSE);
    guint n = net->nodes->len;
    *r = (RnCohesion){.n = n};
    igraph_t graph;
    if (!rn_igraph_from_network(net, &graph, NULL, error))
        return FALSE;
    igraph_vector_int_t cores, points, bridges;
    if (!rn_igraph_check(igraph_vector_int_init(&cores, 0), "allocating", error)) {
        igraph_destroy(&graph);
        return FALSE;
    }
    if (!rn_igraph_check(igraph_vector_int_init(&points, 0), "allocating", error)) {
        igraph_vector_int_destroy(&cores);
        igraph_destroy(&graph);
        return FALSE;
    }
    if (!rn_igraph_check(igraph_vector_int_init(&bridges, 0), "allocating", error)) {
        igraph_vector_int_destroy(&points);
        igraph_vector_int_destroy(&cores);
        igraph_destroy(&graph);
        return FALSE;
    }
    gboolean ok = rn_igraph_check(igraph_coreness(&graph, &cores, IGRAPH_ALL), "coreness", error) &&
         rn_igraph_check(igraph_articulation_points(&graph, &points), "cut points", error) &&
         rn_igraph_check(igraph_bridges(&graph, &bridges), "bridges", error);
    if (ok) {
        r->coreness = g_new0(guint, n + 1);
        r->cut_point = g_new0(gboolean, n + 1);
        r->bridges = g_array_new(FALSE, FALSE, sizeof(guint));
        for (guint v = 0; v < n; v++)
            r->coreness[v] = (guint)VECTOR(cores)[v];
        for (igraph_integer_t k = 0; k < igraph_vector_int_size(&points); k++)
            r->cut_point[VECTOR(points)[k]] = TRUE;
        igraph_vector_int_sort(&bridges); /* edge order, for deterministic output */
        for (igraph_integer_t k = 0; k < igraph_vector_int_size(&bridges); k++) {
            guint e = (guint)VECTOR(bridges)[k];
            g_array_append_val(r->bridges, e);
        }
    }
    igraph_vector_int_destroy(&cores);
    igraph_vector_int_destroy(&points);
    igraph_vector_int_destroy(&bridges);
    igraph_destroy(&graph);
    return ok;
}

void rn_cohesion_clear(RnCohesion *r)
{
    g_return_if_fail(r != NULL);
    g_clear_pointer(&r->coreness, g_free);
    g_clear_pointer(&r->cut_point, g_free);
    if (r->bridges)
        g_array_unref(r->bridges);
    r->bridges = NULL;
}
