/*
 * bridging.c — runs the bridging and cross-sector analyses of one report.
 */
#include <string.h>

#include "analyses/analysis.h"
#include "analyses/bridging.h"

gboolean rn_analyze_bridging(const RnModel *model, const RnNetwork *net,
                             const RnBridgingOptions *o, RnBridging *r, GError **error)
{
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
    g_free(paths.betweenness);
    g_free(paths.harmonic);
    g_free(paths.closeness);
    return TRUE;
}

void rn_bridging_clear(RnBridging *r)
{
    rn_grouping_clear(&r->grouping);
    rn_brokerage_clear(&r->brokerage);
    rn_structural_holes_clear(&r->holes);
    rn_cohesion_clear(&r->cohesion);
    rn_communities_clear(&r->communities);
    rn_ei_index_clear(&r->ei);
    if (r->has_cross_sector)
        rn_cross_sector_clear(&r->cross_sector);
    g_clear_pointer(&r->regions, g_free);
}
