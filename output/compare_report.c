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

/* The observed value of every statistic. */
static cJSON *statistics_object(const double *values)
{
    cJSON *o = cJSON_CreateObject();
    for (guint s = 0; s < RN_STATS; s++)
        cJSON_AddNumberToObject(o, rn_statistic_names[s], values[s]);
    return o;
}

static cJSON *bootstrap_object(const RnCompareRequest *q, const RnPeriodResult *p)
{
    if (p->bootstrap_replicates == 0)
        return cJSON_CreateNull();
    cJSON *o = cJSON_CreateObject();
    cJSON_AddNumberToObject(o, "replicates", p->bootstrap_replicates);
    rn_json_add_integer(o, "seed", q->seed);
    cJSON_AddStringToObject(o, "unit", "projects, drawn with replacement within the period");
    cJSON_AddStringToObject(o, "interval", "percentile");
    cJSON_AddNumberToObject(o, "level", RN_BOOTSTRAP_LEVEL);
    cJSON_AddBoolToObject(o, "path_statistics", q->resample_paths);
    for (guint s = 0; s < RN_STATS; s++) {
        const RnBootstrapValue *v = &p->bootstrap[s];
        cJSON *item = cJSON_AddObjectToObject(o, rn_statistic_names[s]);
        cJSON_AddNumberToObject(item, "estimate", v->estimate);
        cJSON_AddNumberToObject(item, "ci_low", v->ci_low);
        cJSON_AddNumberToObject(item, "ci_high", v->ci_high);
        cJSON_AddNumberToObject(item, "se", v->se);
        cJSON_AddNumberToObject(item, "bias", v->bias);
        cJSON_AddNumberToObject(item, "basic_low", v->basic_low);
        cJSON_AddNumberToObject(item, "basic_high", v->basic_high);
        cJSON_AddNumberToObject(item, "replicates_with_value", v->valid);
    }
    return o;
}

static cJSON *null_model_object(const RnCompareRequest *q, const RnPeriodResult *p)
{
    if (p->null_networks == 0)
        return cJSON_CreateNull();
    cJSON *o = cJSON_CreateObject();
    cJSON_AddNumberToObject(o, "networks", p->null_networks);
    rn_json_add_integer(o, "seed", q->seed);
    cJSON_AddStringToObject(o, "model", "degree-preserving double-edge swaps, weights follow ties");
    cJSON_AddNumberToObject(o, "swaps_per_tie", RN_NULL_SWAPS_PER_TIE);
    cJSON_AddBoolToObject(o, "path_statistics", q->resample_paths);
    for (guint s = 0; s < RN_STATS; s++) {
        const RnNullValue *v = &p->null_model[s];
        cJSON *item = cJSON_AddObjectToObject(o, rn_statistic_names[s]);
        cJSON_AddNumberToObject(item, "observed", v->observed);
        cJSON_AddNumberToObject(item, "mean", v->mean);
        cJSON_AddNumberToObject(item, "sd", v->sd);
        cJSON_AddNumberToObject(item, "z", v->z);
    }
    return o;
}

/* Every node of a period: labels, centralities, ranks, community. */
static cJSON *node_table(const RnCompareRequest *q, const RnPeriodResult *p)
{
    const RnNetwork *net = p->network;
    cJSON *nodes = cJSON_CreateArray();
    for (guint i = 0; i < net->nodes->len; i++) {
        const RnNode *node = &g_array_index(net->nodes, RnNode, i);
        cJSON *o = cJSON_CreateObject();
        cJSON_AddStringToObject(o, "id", node->id);
        cJSON_AddStringToObject(o, "label", node->label);
        cJSON_AddStringToObject(o, "country", node->country);
        if (net->kind == RN_NETWORK_ORG) {
            cJSON_AddStringToObject(o, "sector", node->sector);
            cJSON_AddBoolToObject(o, "sector_inferred", node->sector_inferred);
        }
        cJSON_AddNumberToObject(o, "projects", node->projects);
        cJSON_AddNumberToObject(o, "community", p->membership[i]);
        cJSON *m = cJSON_AddObjectToObject(o, "metrics");
        cJSON *r = cJSON_AddObjectToObject(o, "rank");
        for (guint k = 0; k < 7; k++) {
            cJSON_AddNumberToObject(m, rn_centrality_names[k], rn_centrality_value(&p->centrality, k, i));
            cJSON_AddNumberToObject(r, rn_centrality_names[k], p->ranks[k][i]);
        }
        if (p->rank_low) {
            cJSON *ci = cJSON_AddObjectToObject(o, "rank_interval");
            cJSON_AddStringToObject(ci, "centrality", rn_centrality_names[q->rank_centrality]);
            cJSON_AddNumberToObject(ci, "low", p->rank_low[i]);
            cJSON_AddNumberToObject(ci, "high", p->rank_high[i]);
        }
        cJSON_AddItemToArray(nodes, o);
    }
    return nodes;
}

static cJSON *qap_object(const RnQap *qap)
{
    cJSON *o = cJSON_CreateObject();
    cJSON_AddNumberToObject(o, "nodes", qap->nodes);
    cJSON_AddNumberToObject(o, "pairs", qap->pairs);
    cJSON_AddNumberToObject(o, "correlation", qap->correlation);
    cJSON_AddNumberToObject(o, "permutations", qap->permutations);
    rn_json_add_integer(o, "seed", qap->seed);
    cJSON_AddNumberToObject(o, "p_value", qap->p_greater);
    cJSON_AddNumberToObject(o, "p_greater", qap->p_greater);
    cJSON_AddNumberToObject(o, "p_less", qap->p_less);
    cJSON_AddNumberToObject(o, "p_two_sided", qap->p_two_sided);
    cJSON_AddNumberToObject(o, "permuted_mean", qap->permuted_mean);
    cJSON_AddNumberToObject(o, "permuted_sd", qap->permuted_sd);
    return o;
}

static cJSON *permutation_object(const RnCompareRequest *q, const RnComparison *c)
{
    if (c->permutations == 0)
        return cJSON_CreateNull();
    cJSON *o = cJSON_CreateObject();
    cJSON_AddNumberToObject(o, "permutations", c->permutations);
    cJSON_AddBoolToObject(o, "exact", c->permutation_exact);
    rn_json_add_integer(o, "seed", q->seed);
    cJSON_AddStringToObject(o, "unit", "projects, shuffled between the two periods, sizes kept");
    cJSON_AddBoolToObject(o, "path_statistics", q->resample_paths);
    for (guint s = 0; s < RN_STATS; s++) {
        const RnPermutationValue *v = &c->permutation[s];
        cJSON *item = cJSON_AddObjectToObject(o, rn_statistic_names[s]);
        cJSON_AddNumberToObject(item, "difference", v->difference);
        cJSON_AddNumberToObject(item, "p_greater", v->p_greater);
        cJSON_AddNumberToObject(item, "p_less", v->p_less);
        cJSON_AddNumberToObject(item, "p_value", v->p_value);
    }
    return o;
}

cJSON *rn_comparison_document(const RnComparisonReport *report)
{
    g_return_val_if_fail(report != NULL && report->result != NULL, NULL);
    const RnCompareRequest *q = report->request;
    const RnCompareResult *r = report->result;
    cJSON *dataset;
    cJSON *root = rn_json_document("regnet-comparison", RN_COMPARISON_SCHEMA_VERSION,
                                   report->dataset_name, report->dataset_file,
                                   report->model->attribution, &dataset);
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
    cJSON_AddNumberToObject(params, "bootstrap", q->bootstrap);
    rn_json_add_optional_string(params, "bootstrap_ranks",
                                q->rank_centrality >= 0 ? rn_centrality_names[q->rank_centrality]
                                                        : NULL);
    cJSON_AddNumberToObject(params, "permutations", q->permutations);
    cJSON_AddNumberToObject(params, "qap", q->qap);
    cJSON_AddNumberToObject(params, "null_models", q->null_models);
    cJSON_AddBoolToObject(params, "resample_paths", q->resample_paths);
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
        cJSON_AddItemToObject(o, "statistics", statistics_object(pr->statistics));
        cJSON_AddItemToObject(o, "bootstrap", bootstrap_object(q, pr));
        cJSON_AddItemToObject(o, "null_model", null_model_object(q, pr));
        cJSON_AddItemToObject(o, "nodes", node_table(q, pr));
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
        cJSON_AddNumberToObject(o, "edge_weight_spearman_p_value", c->edge_weight_spearman_p);
        cJSON_AddNumberToObject(o, "edge_weight_pairs", c->edge_weight_pairs);
        cJSON *sp = cJSON_AddObjectToObject(o, "spearman");
        for (guint m = 0; m < 7; m++)
            cJSON_AddNumberToObject(sp, rn_centrality_names[m], c->spearman[m]);
        cJSON *spp = cJSON_AddObjectToObject(o, "spearman_p_values");
        for (guint m = 0; m < 7; m++)
            cJSON_AddNumberToObject(spp, rn_centrality_names[m], c->spearman_p[m]);
        cJSON *cm = cJSON_AddObjectToObject(o, "communities");
        cJSON_AddNumberToObject(cm, "nodes", c->kept);
        cJSON_AddNumberToObject(cm, "adjusted_rand_index", c->adjusted_rand);
        cJSON_AddNumberToObject(cm, "normalized_mutual_information",
                                c->normalized_mutual_information);
        cJSON_AddItemToObject(o, "qap", qap_object(&c->qap));
        cJSON_AddItemToObject(o, "permutation_test", permutation_object(q, c));
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
    return root;
}

char *rn_comparison_render(const RnComparisonReport *report)
{
    g_return_val_if_fail(report != NULL, NULL);
    g_autoptr(cJSON) root = rn_comparison_document(report);
    return rn_json_finish(root);
}
