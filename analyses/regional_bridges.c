/*
 * regional_bridges.c — regions as bridges, measured on organisations.
 *
 * (b) measure-then-aggregate (Wanzenboeck, Scherngell and Lata 2015): the
 *     betweenness and brokerage of a region's organisations, summed and
 *     averaged;
 * (c) bridging paths (Berge, Wanzenboeck and Scherngell 2017): two-paths
 *     s - j - t between organisations with j in region r and s, t in two
 *     other, different regions.  Observed: counted on the organisation
 *     network.  Approximated as in the paper from aggregated ties: with
 *     w_rs the organisation ties between r and s and n_r the organisations
 *     of r, BC_r = ((sum_s w_rs)^2 - sum_s w_rs^2) / (2 n_r), i.e. the
 *     bridging paths expected if r's ties were spread evenly over its
 *     organisations.
 * (a) aggregate-then-measure is the region network's own betweenness and
 *     brokerage, computed elsewhere.
 */
#include <string.h>

#include "analyses/bridging.h"
#include "engine/adjacency.h"

void rn_regional_bridges_compute(const RnNetwork *region_net, const RnNetwork *org_net,
                                 const double *betweenness, const RnBrokerage *brokerage,
                                 RnRegionBridging *out)
{
    g_return_if_fail(region_net != NULL);
    g_return_if_fail(org_net != NULL);
    g_return_if_fail(brokerage != NULL);
    g_return_if_fail(org_net->nodes->len == 0 || betweenness != NULL);
    g_return_if_fail(region_net->nodes->len == 0 || out != NULL);
    guint R = region_net->nodes->len, n = org_net->nodes->len;
    memset(out, 0, sizeof(RnRegionBridging) * R);
    g_autoptr(GHashTable) index = g_hash_table_new(g_str_hash, g_str_equal);
    for (guint r = 0; r < R; r++)
        g_hash_table_insert(index, g_array_index(region_net->nodes, RnNode, r).id,
                            GUINT_TO_POINTER(r + 1));
    g_autofree gint *region_of = g_new(gint, n + 1);
    for (guint v = 0; v < n; v++) {
        const char *code = g_array_index(org_net->nodes, RnNode, v).region;
        region_of[v] = -1;
        /* The organisation's region at the region network's level (none when
         * coarser); the region network's model holds the table. */
        const RnRegion *at_level =
            region_net->model ? rn_model_region_ancestor(region_net->model, code, region_net->level)
                              : NULL;
        if (!at_level)
            continue;
        guint hit = GPOINTER_TO_UINT(g_hash_table_lookup(index, at_level->code));
        if (!hit)
            continue;
        region_of[v] = (gint)hit - 1;
        RnRegionBridging *b = &out[hit - 1];
        b->organisations++;
        b->betweenness_sum += betweenness[v];
        b->brokerage_sum += brokerage->observed[v].total;
        b->liaison_sum += brokerage->observed[v].liaison;
        b->gatekeeper_representative_sum += brokerage->observed[v].gatekeeper_representative;
    }
    /* Observed bridging paths: for organisation j in r with c_s contacts in
     * each other region s, ((sum c_s)^2 - sum c_s^2) / 2 paths. */
    RnAdjacency adj;
    rn_adjacency_build(org_net, &adj);
    g_autofree double *contacts = g_new0(double, R + 1);
    g_autoptr(GHashTable) pair_ties = g_hash_table_new_full(g_int64_hash, g_int64_equal, g_free, g_free);
    for (guint j = 0; j < n; j++) {
        gint r = region_of[j];
        if (r < 0)
            continue;
        double sum = 0, squares = 0;
        for (guint k = adj.offset[j]; k < adj.offset[j + 1]; k++) {
            gint s = region_of[adj.target[k]];
            if (s >= 0 && s != r)
                contacts[s] += 1;
        }
        for (guint k = adj.offset[j]; k < adj.offset[j + 1]; k++) {
            gint s = region_of[adj.target[k]];
            if (s < 0 || s == r || contacts[s] == 0)
                continue;
            sum += contacts[s];
            squares += contacts[s] * contacts[s];
            /* Aggregate ties r - s for the approximation (each tie seen from r). */
            gint64 key = ((gint64)r << 32) | (guint)s;
            double *w = g_hash_table_lookup(pair_ties, &key);
            if (!w) {
                w = g_new0(double, 1);
                g_hash_table_insert(pair_ties, g_memdup2(&key, sizeof key), w);
            }
            *w += contacts[s];
            contacts[s] = 0;
        }
        out[r].bridging_paths += (sum * sum - squares) / 2;
    }
    rn_adjacency_clear(&adj);
    g_autofree double *total = g_new0(double, R + 1), *square = g_new0(double, R + 1);
    GHashTableIter it;
    gpointer key, value;
    g_hash_table_iter_init(&it, pair_ties);
    while (g_hash_table_iter_next(&it, &key, &value)) {
        guint r = (guint)(*(gint64 *)key >> 32);
        double w = *(double *)value;
        total[r] += w;
        square[r] += w * w;
    }
    for (guint r = 0; r < R; r++) {
        RnRegionBridging *b = &out[r];
        b->betweenness_mean = b->organisations ? b->betweenness_sum / b->organisations : 0;
        b->bridging_centrality = b->organisations
                                     ? (total[r] * total[r] - square[r]) / (2.0 * b->organisations)
                                     : 0;
    }
}
