/*
 * bridging.c — runs the bridging and cross-sector analyses of one report.
 */
#include <math.h>
#include <string.h>

#include "analyses/analysis.h"
#include "analyses/bridging.h"

gboolean rn_analyze_bridging(const RnModel *model, const RnNetwork *net,
                             const RnBridgingOptions *o, RnBridging *r, GError **error)
{
    g_return_val_if_fail(model != NULL, FALSE);
    g_return_val_if_fail(net != NULL, FALSE);
    g_return_val_if_fail(o != NULL, FALSE);
    g_return_val_if_fail(r != NULL, FALSE);
    g_return_val_if_fail(error == NULL || *error == NULL, FALSE);
    memset(r, 0, sizeof *r);
    if (!rn_communities_compute(net, &o->communities, &r->communities, error))
        return FALSE;
    if (strcmp(o->group, "community") == 0)
        rn_grouping_from_membership(r->communities.membership, net->nodes->len, "community",
                                    &r->grouping);
    else if (!rn_grouping_build(net, o->group, &r->grouping, error)) {
        rn_bridging_clear(r);
        return FALSE;
    }
    if (!rn_cohesion_compute(net, &r->cohesion, error)) {
        rn_bridging_clear(r);
        return FALSE;
    }
    rn_brokerage_compute(net, &r->grouping, &r->brokerage);
    rn_brokerage_pairs_compute(net, &r->grouping, &r->brokerage_pairs);
    rn_group_mixing_compute(net, &r->grouping, &r->group_mixing);
    rn_structural_holes_compute(net, &r->holes);
    rn_ei_index_compute(net, &r->grouping, o->permutations, o->seed, &r->ei);
    if (net->kind == RN_NETWORK_ORG) {
        r->has_cross_sector = TRUE;
        rn_cross_sector_compute(model, net, o->level, o->top, &r->cross_sector);
    }
    return TRUE;
}

gboolean rn_analyze_regions_as_bridges(const RnNetwork *region_net, const RnNetwork *org_net,
                                       const char *group, double alpha, guint threads,
                                       RnBridging *r, GError **error)
{
    g_return_val_if_fail(region_net != NULL, FALSE);
    g_return_val_if_fail(org_net != NULL, FALSE);
    g_return_val_if_fail(group != NULL, FALSE);
    g_return_val_if_fail(r != NULL, FALSE);
    g_return_val_if_fail(error == NULL || *error == NULL, FALSE);
    RnGrouping grouping = {0};
    if (!rn_grouping_build(org_net, group, &grouping, error))
        return FALSE;
    guint n = org_net->nodes->len;
    g_autofree gboolean *scope = g_new0(gboolean, n + 1); /* no diameter needed */
    RnPathResult paths;
    rn_paths_compute(org_net, alpha, threads, scope, &paths);
    RnBrokerage brokerage;
    rn_brokerage_compute(org_net, &grouping, &brokerage);
    r->regions = g_new0(RnRegionBridging, region_net->nodes->len + 1);
    rn_regional_bridges_compute(region_net, org_net, paths.betweenness, &brokerage, r->regions);
    r->org_nodes = n;
    r->org_edges = org_net->edges->len;
    rn_brokerage_clear(&brokerage);
    rn_grouping_clear(&grouping);
    rn_path_result_clear(&paths);
    return TRUE;
}

const char *const rn_bridge_definition_names[RN_BRIDGE_DEFINITIONS] = {
    "aggregate_betweenness", "aggregate_brokerage", "org_betweenness_sum",
    "org_brokerage_sum",     "bridging_paths",      "bridging_centrality"};

double rn_region_bridge_score(const RnCentrality *c, const RnBridging *b, guint i,
                              RnBridgeDefinition d)
{
    g_return_val_if_fail(c != NULL && b != NULL, NAN);
    g_return_val_if_fail(b->regions != NULL && d < RN_BRIDGE_DEFINITIONS, NAN);
    const RnRegionBridging *rb = &b->regions[i];
    switch (d) {
    case RN_BRIDGE_AGGREGATE_BETWEENNESS:
        return c->betweenness[i];
    case RN_BRIDGE_AGGREGATE_BROKERAGE:
        return b->brokerage.observed[i].total;
    case RN_BRIDGE_ORG_BETWEENNESS_SUM:
        return rb->betweenness_sum;
    case RN_BRIDGE_ORG_BROKERAGE_SUM:
        return rb->brokerage_sum;
    case RN_BRIDGE_PATHS:
        return rb->bridging_paths;
    default:
        return rb->bridging_centrality;
    }
}

void rn_bridging_clear(RnBridging *r)
{
    g_return_if_fail(r != NULL);
    for (guint d = 0; d < RN_BRIDGE_DEFINITIONS; d++)
        g_clear_pointer(&r->region_order[d], g_free);
    rn_grouping_clear(&r->grouping);
    rn_brokerage_clear(&r->brokerage);
    rn_brokerage_pairs_clear(&r->brokerage_pairs);
    rn_group_mixing_clear(&r->group_mixing);
    rn_structural_holes_clear(&r->holes);
    rn_cohesion_clear(&r->cohesion);
    rn_communities_clear(&r->communities);
    rn_ei_index_clear(&r->ei);
    if (r->has_cross_sector)
        rn_cross_sector_clear(&r->cross_sector);
    g_clear_pointer(&r->regions, g_free);
}
