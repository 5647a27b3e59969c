/*
 * compare_report.c — renders a period comparison (docs/compare.md).
 * Same inputs, same bytes: periods in the order asked, node lists sorted.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "output/output.h"
#include "output/sections.h"

/* A list of risers or fallers as JSON. */
static cJSON *movers(const RnCompareResult *r, const RnComparison *c, const GArray *list)
{
    const RnNetwork *from = r->periods[c->a].network;
    cJSON *array = cJSON_CreateArray();
    for (guint x = 0; x < list->len; x++) {
        const RnMover *m = &g_array_index(list, RnMover, x);
        const RnNode *node = &g_array_index(from->nodes, RnNode, c->kept_a[m->kept]);
        cJSON *item = cJSON_CreateObject();
        cJSON_AddStringToObject(item, "id", node->id);
        cJSON_AddStringToObject(item, "label", node->label);
        cJSON_AddNumberToObject(item, "rank_from", m->rank_from);
        cJSON_AddNumberToObject(item, "rank_to", m->rank_to);
        cJSON_AddNumberToObject(item, "value_from", m->value_from);
        cJSON_AddNumberToObject(item, "value_to", m->value_to);
        cJSON_AddItemToArray(array, item);
    }
    return array;
}

char *rn_comparison_render(const RnComparisonReport *report)
{
    const RnCompareRequest *q = report->request;
    const RnCompareResult *r = report->result;
    cJSON *dataset;
    g_autoptr(cJSON) root = rn_json_document("regnet-comparison", RN_COMPARISON_SCHEMA_VERSION,
                                             report->dataset_name, report->dataset_file, &dataset);
    cJSON *params = cJSON_AddObjectToObject(root, "parameters");
    cJSON_AddStringToObject(params, "network", rn_network_kind_name(q->spec.kind));
    cJSON_AddNumberToObject(params, "level", q->spec.kind == RN_NETWORK_REGION ? q->spec.level : 0);
    cJSON *periods = cJSON_AddArrayToObject(params, "periods");
    for (guint p = 0; p < r->n_periods; p++)
        cJSON_AddItemToArray(periods, cJSON_CreateString(r->periods[p].period));
    rn_json_add_regex(params, "programmes", q->spec.programmes);
    rn_json_add_regex(params, "themes", q->spec.themes);
    cJSON_AddNumberToObject(params, "alpha", q->options.alpha);
    rn_json_add_integer(params, "seed", q->seed);
    cJSON_AddStringToObject(params, "rank_ties", "average");
    cJSON_AddItemToObject(root, "provenance", rn_json_provenance(report->model, r->near_duplicates));
    cJSON_AddItemToObject(root, "caveats", rn_json_string_array(r->caveats));
    cJSON_AddItemToObject(root, "warnings", rn_json_string_array(r->warnings));

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
        for (guint m = 0; m < RN_MOVER_CENTRALITIES; m++) {
            const char *name = rn_centrality_names[rn_mover_centralities[m]];
            cJSON_AddItemToObject(rs, name, movers(r, c, c->risers[m]));
            cJSON_AddItemToObject(fs, name, movers(r, c, c->fallers[m]));
        }
        cJSON_AddItemToObject(o, "entered", rn_json_string_array(c->entered));
        cJSON_AddItemToObject(o, "left", rn_json_string_array(c->left));
        cJSON_AddItemToArray(cmp, o);
    }
    return rn_json_finish(root);
}
