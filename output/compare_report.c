/*
 * compare_report.c — renders a period comparison (docs/compare.md).
 * Same inputs, same bytes: periods in the order asked, node lists sorted.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "analyses/centrality.h"
#include "output/output.h"
#include "output/sections.h"

/* Caveats of a period: partnerships missing from the data, or participations
 * that fall outside the network. */
static void period_caveats(const RnComparisonReport *r, cJSON *caveats)
{
    for (guint p = 0; p < r->n_periods; p++) {
        const RnPeriodResult *pr = &r->periods[p];
        const RnNetwork *net = pr->network;
        /* Lead-partner-only data leave almost every project with one participant;
         * real single-beneficiary grants (ERC, fellowships) stay well below 75%. */
        if (net->projects_single * 4 > net->projects_selected * 3) {
            g_autofree char *text = g_strdup_printf(
                "period %s: %u of %u projects (%.0f%%) have a single participant in the data, "
                "so most partnerships are missing; do not read differences from this period as "
                "a policy effect",
                pr->period, net->projects_single, net->projects_selected,
                100.0 * net->projects_single / net->projects_selected);
            cJSON_AddItemToArray(caveats, cJSON_CreateString(text));
        }
        if (net->participations_unlocated * 4 > net->participations_selected) {
            g_autofree char *text = g_strdup_printf(
                "period %s: %u of %u participations have no node in this network (see "
                "periods[].network.unlocated_by_reason)",
                pr->period, net->participations_unlocated, net->participations_selected);
            cJSON_AddItemToArray(caveats, cJSON_CreateString(text));
        }
    }
}

/* Rank (1 = highest, ties averaged) of each kept node by centrality k. */
static void ranks_desc(const RnCentrality *c, guint k, const guint *index, guint n, double *rank)
{
    for (guint i = 0; i < n; i++) {
        double v = rn_centrality_value(c, k, index[i]), above = 0, equal = 0;
        for (guint j = 0; j < n; j++) {
            double w = rn_centrality_value(c, k, index[j]);
            above += w > v;
            equal += w == v;
        }
        rank[i] = above + (equal + 1) / 2.0;
    }
}

static cJSON *movers(const RnComparisonReport *r, const RnComparison *c, guint k, gboolean rise)
{
    const RnPeriodResult *a = &r->periods[c->a], *b = &r->periods[c->b];
    guint n = c->kept;
    g_autofree double *ra = g_new(double, n + 1), *rb = g_new(double, n + 1);
    ranks_desc(&a->centrality, k, c->kept_a, n, ra);
    ranks_desc(&b->centrality, k, c->kept_b, n, rb);
    /* Rank gain (or loss) of each kept node; the top ones move most. */
    g_autofree double *move = g_new(double, n + 1);
    for (guint i = 0; i < n; i++)
        move[i] = rise ? ra[i] - rb[i] : rb[i] - ra[i];
    g_autofree guint *order = g_new(guint, n + 1);
    guint top = MIN(r->top, n);
    rn_top_indices(move, n, top, order);
    cJSON *list = cJSON_CreateArray();
    for (guint x = 0; x < top; x++) {
        guint i = order[x];
        double change = ra[i] - rb[i];
        if (rise ? change <= 0 : change >= 0)
            break;
        const RnNode *node = &g_array_index(a->network->nodes, RnNode, c->kept_a[i]);
        cJSON *item = cJSON_CreateObject();
        cJSON_AddStringToObject(item, "id", node->id);
        cJSON_AddStringToObject(item, "label", node->label);
        cJSON_AddNumberToObject(item, "rank_from", ra[i]);
        cJSON_AddNumberToObject(item, "rank_to", rb[i]);
        cJSON_AddNumberToObject(item, "value_from", rn_centrality_value(&a->centrality, k, c->kept_a[i]));
        cJSON_AddNumberToObject(item, "value_to", rn_centrality_value(&b->centrality, k, c->kept_b[i]));
        cJSON_AddItemToArray(list, item);
    }
    return list;
}

char *rn_comparison_render(const RnComparisonReport *r)
{
    cJSON *dataset;
    g_autoptr(cJSON) root = rn_json_document("regnet-comparison", RN_COMPARISON_SCHEMA_VERSION,
                                             r->dataset_name, r->dataset_file, &dataset);
    cJSON *params = cJSON_AddObjectToObject(root, "parameters");
    cJSON_AddStringToObject(params, "network", rn_network_kind_name(r->kind));
    cJSON_AddNumberToObject(params, "level", r->level);
    cJSON *periods = cJSON_AddArrayToObject(params, "periods");
    for (guint p = 0; p < r->n_periods; p++)
        cJSON_AddItemToArray(periods, cJSON_CreateString(r->periods[p].period));
    rn_json_add_optional_string(params, "programmes", r->programmes);
    rn_json_add_optional_string(params, "themes", r->themes);
    cJSON_AddNumberToObject(params, "alpha", r->alpha);
    cJSON_AddNumberToObject(params, "seed", (double)r->seed);
    cJSON_AddStringToObject(params, "rank_ties", "average");
    cJSON_AddItemToObject(root, "provenance", rn_json_provenance(r->model));

    cJSON *caveats = rn_json_string_array(r->model->caveats);
    cJSON_AddItemToObject(root, "caveats", caveats);
    period_caveats(r, caveats);

    cJSON *per = cJSON_AddArrayToObject(root, "periods");
    for (guint p = 0; p < r->n_periods; p++) {
        const RnPeriodResult *pr = &r->periods[p];
        cJSON *o = cJSON_CreateObject();
        cJSON_AddStringToObject(o, "period", pr->period);
        cJSON_AddItemToObject(o, "network", rn_json_network_counts(pr->network));
        cJSON_AddItemToObject(o, "summary", rn_json_summary(&pr->summary));
        cJSON_AddNumberToObject(o, "communities", pr->communities);
        cJSON_AddNumberToObject(o, "modularity", pr->modularity);
        cJSON_AddNumberToObject(o, "cross_sector_share", pr->cross_sector_share);
        cJSON_AddItemToArray(per, o);
    }
    cJSON *cmp = cJSON_AddArrayToObject(root, "comparisons");
    for (guint k = 0; k + 1 < r->n_periods; k++) {
        const RnComparison *c = &r->comparisons[k];
        const RnPeriodResult *a = &r->periods[c->a], *b = &r->periods[c->b];
        cJSON *o = cJSON_CreateObject();
        cJSON_AddStringToObject(o, "from", a->period);
        cJSON_AddStringToObject(o, "to", b->period);
        cJSON_AddNumberToObject(o, "nodes_entered", c->entered->len);
        cJSON_AddNumberToObject(o, "nodes_left", c->left->len);
        cJSON_AddNumberToObject(o, "nodes_kept", c->kept);
        cJSON_AddNumberToObject(o, "edge_jaccard", c->edge_jaccard);
        cJSON_AddNumberToObject(o, "weighted_jaccard", c->weighted_jaccard);
        cJSON_AddNumberToObject(o, "edge_weight_spearman", c->edge_weight_spearman);
        cJSON *sp = cJSON_AddObjectToObject(o, "spearman");
        for (guint m = 0; m < 7; m++)
            cJSON_AddNumberToObject(sp, rn_centrality_names[m], c->spearman[m]);
        cJSON *ch = cJSON_AddObjectToObject(o, "changes");
        cJSON_AddNumberToObject(ch, "nodes", (double)b->summary.nodes - a->summary.nodes);
        cJSON_AddNumberToObject(ch, "edges", (double)b->summary.edges - a->summary.edges);
        cJSON_AddNumberToObject(ch, "density", b->summary.density - a->summary.density);
        cJSON_AddNumberToObject(ch, "centralization_degree",
                                b->summary.centralization_degree - a->summary.centralization_degree);
        cJSON_AddNumberToObject(ch, "centralization_betweenness",
                                b->summary.centralization_betweenness -
                                    a->summary.centralization_betweenness);
        cJSON_AddNumberToObject(ch, "modularity", b->modularity - a->modularity);
        cJSON_AddNumberToObject(ch, "cross_sector_share", b->cross_sector_share - a->cross_sector_share);
        cJSON *rs = cJSON_AddObjectToObject(o, "risers");
        cJSON *fs = cJSON_AddObjectToObject(o, "fallers");
        for (guint m = 1; m <= 2; m++) { /* strength and betweenness */
            cJSON_AddItemToObject(rs, rn_centrality_names[m], movers(r, c, m, TRUE));
            cJSON_AddItemToObject(fs, rn_centrality_names[m], movers(r, c, m, FALSE));
        }
        cJSON_AddItemToObject(o, "entered", rn_json_string_array(c->entered));
        cJSON_AddItemToObject(o, "left", rn_json_string_array(c->left));
        cJSON_AddItemToArray(cmp, o);
    }
    return rn_json_finish(root);
}
