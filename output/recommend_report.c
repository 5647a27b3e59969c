/*
 * recommend_report.c — renders recommendations and their evaluation as
 * JSON (docs/recommend.md, docs/recommend.schema.json), and the evaluated
 * pairs as CSV (--pairs).  Same inputs, same bytes: targets in the order
 * asked, recommendations best first, scores in rn_score_names order.
 */
#include <math.h>
#include <string.h>

#include "output/recommend_report.h"
#include "output/sections.h"

/* An array of n strings. */
static cJSON *string_list(char *const *strings, guint n)
{
    cJSON *array = cJSON_CreateArray();
    for (guint k = 0; k < n; k++)
        cJSON_AddItemToArray(array, cJSON_CreateString(strings[k]));
    return array;
}

static const RnNode *node_at(const RnNetwork *net, guint i)
{
    return &g_array_index(net->nodes, RnNode, i);
}

static cJSON *scores_object(const double *values)
{
    cJSON *o = cJSON_CreateObject();
    for (guint k = 0; k < RN_SCORES; k++)
        cJSON_AddNumberToObject(o, rn_score_names[k], values[k]);
    return o;
}

static cJSON *parameters(const RnRecommendReport *report)
{
    const RnRecommendRequest *q = report->request;
    cJSON *p = cJSON_CreateObject();
    cJSON_AddStringToObject(p, "mode", q->evaluate ? "evaluate" : "recommend");
    cJSON_AddStringToObject(p, "network", rn_network_kind_name(q->spec.kind));
    if (q->spec.kind == RN_NETWORK_REGION)
        cJSON_AddNumberToObject(p, "level", q->spec.level);
    else if (q->spec.kind == RN_NETWORK_COUNTRY)
        cJSON_AddNumberToObject(p, "level", 0);
    else
        cJSON_AddNullToObject(p, "level");
    cJSON_AddStringToObject(p, "weight", "projects");
    rn_json_add_optional_string(p, "period", q->spec.period);
    rn_json_add_regex(p, "programmes", q->spec.programmes);
    rn_json_add_optional_string(p, "for", q->for_ids);
    cJSON_AddBoolToObject(p, "all", q->all);
    cJSON_AddNumberToObject(p, "top", q->top);
    rn_json_add_regex(p, "themes", q->themes);
    rn_json_add_optional_string(p, "sectors", q->sectors);
    rn_json_add_optional_string(p, "countries", q->countries);
    cJSON_AddBoolToObject(p, "exclude_existing", q->exclude_existing);
    rn_json_add_optional_string(p, "train", q->train);
    rn_json_add_optional_string(p, "test", q->test);
    rn_json_add_integer(p, "seed", q->seed);
    return p;
}

static cJSON *model_section(const RnScoreModel *m)
{
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "kind", "logistic regression on standardised features");
    cJSON_AddBoolToObject(o, "fitted", m->fitted);
    rn_json_add_optional_string(o, "fallback", m->fallback);
    cJSON_AddNumberToObject(o, "holdout_share", RN_HOLDOUT_SHARE);
    cJSON_AddNumberToObject(o, "penalty", RN_MODEL_PENALTY);
    rn_json_add_integer(o, "seed", m->seed);
    cJSON_AddNumberToObject(o, "projects_with_ties", m->projects);
    cJSON_AddNumberToObject(o, "held_out_projects", m->held_out_projects);
    cJSON_AddNumberToObject(o, "positives", m->positives);
    cJSON_AddNumberToObject(o, "negatives", m->negatives);
    cJSON_AddNumberToObject(o, "newton_steps", m->iterations);
    cJSON_AddNumberToObject(o, "training_auc", m->training_auc);
    cJSON_AddNumberToObject(o, "intercept", m->intercept);
    cJSON *features = cJSON_AddArrayToObject(o, "features");
    double transformed[RN_SCORES];
    for (guint k = 0; k < RN_SCORES; k++) {
        /* A feature is logged when ln(1 + 1) comes out for a score of 1. */
        double unit[RN_SCORES] = {0};
        unit[k] = 1;
        rn_score_features(unit, transformed);
        cJSON *f = cJSON_CreateObject();
        cJSON_AddStringToObject(f, "score", rn_score_names[k]);
        cJSON_AddStringToObject(f, "transform", transformed[k] == 1 ? "identity" : "ln(1 + x)");
        cJSON_AddNumberToObject(f, "mean", m->mean[k]);
        cJSON_AddNumberToObject(f, "sd", m->sd[k]);
        cJSON_AddNumberToObject(f, "weight", m->weight[k]);
        cJSON_AddItemToArray(features, f);
    }
    return o;
}

/* "42%" of a share. */
static char *percent(double share)
{
    return g_strdup_printf("%.0f%%", 100 * share);
}

/* One sentence per part of the explanation, for people. */
static char *explanation_text(const RnRecommendReport *report, const RnTargetResult *t,
                              const RnRecommendation *r)
{
    const RnRecommendResult *res = report->result;
    const RnNetwork *net = res->network;
    const RnNodeProfiles *p = &res->profiles;
    const RnNode *target = node_at(net, t->node), *candidate = node_at(net, r->node);
    GString *text = g_string_new(NULL);
    if (r->existing_weight > 0)
        g_string_append_printf(text, "Already partners in %.0f project%s. ", r->existing_weight,
                               r->existing_weight == 1 ? "" : "s");
    if (r->partners->len > 0) {
        g_string_append_printf(text, "%.0f shared partner%s, strongest: ",
                               r->scores[RN_SCORE_COMMON_NEIGHBOURS],
                               r->scores[RN_SCORE_COMMON_NEIGHBOURS] == 1 ? "" : "s");
        for (guint k = 0; k < r->partners->len; k++) {
            const RnSharedPartner *s = &g_array_index(r->partners, RnSharedPartner, k);
            const RnNode *z = node_at(net, s->node);
            g_string_append_printf(text, "%s%s (%.0f projects with %s, %.0f with %s)",
                                   k ? "; " : "", z->label, s->weight_target, target->id,
                                   s->weight_candidate, candidate->id);
        }
        g_string_append(text, ". ");
    } else
        g_string_append(text, "No shared partner. ");
    if (r->themes->len > 0) {
        g_string_append(text, "Shared themes, rarest first: ");
        for (guint k = 0; k < r->themes->len; k++) {
            const RnSharedTheme *s = &g_array_index(r->themes, RnSharedTheme, k);
            g_string_append_printf(text, "%s%s", k ? "; " : "", p->theme_names[s->theme]);
        }
        g_string_append(text, ". ");
    }
    if (r->sectors->len > 0) {
        g_string_append(text, "Brings ");
        for (guint k = 0; k < r->sectors->len; k++) {
            const RnSectorGap *s = &g_array_index(r->sectors, RnSectorGap, k);
            g_autofree char *a = percent(s->share_candidate), *b = percent(s->share_target);
            g_string_append_printf(text, "%s%s %s of participations (%s: %s)", k ? ", " : "",
                                   p->sector_names[s->sector], a, target->id, b);
        }
        g_string_append(text, ". ");
    }
    if (r->scores[RN_SCORE_CROSS_BORDER] > 0)
        g_string_append_printf(text, "Cross-border (%s, %s). ", target->country,
                               candidate->country);
    /* The two largest terms of the score. */
    guint first = G_MAXUINT, second = G_MAXUINT;
    for (guint k = 0; k < RN_SCORES; k++) {
        if (first == G_MAXUINT || r->parts[k] > r->parts[first]) {
            second = first;
            first = k;
        } else if (second == G_MAXUINT || r->parts[k] > r->parts[second])
            second = k;
    }
    g_string_append_printf(text, "Largest parts of the score: %s %+.2f, %s %+.2f.",
                           rn_score_names[first], r->parts[first], rn_score_names[second],
                           r->parts[second]);
    return g_string_free(text, FALSE);
}

static cJSON *recommendation_object(const RnRecommendReport *report, const RnTargetResult *t,
                                    const RnRecommendation *r, guint rank)
{
    const RnRecommendResult *res = report->result;
    const RnNetwork *net = res->network;
    const RnNodeProfiles *p = &res->profiles;
    const RnNode *target = node_at(net, t->node), *node = node_at(net, r->node);
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "for", target->id);
    cJSON_AddNumberToObject(o, "rank", rank);
    cJSON_AddStringToObject(o, "id", node->id);
    cJSON_AddStringToObject(o, "label", node->label);
    cJSON_AddStringToObject(o, "country", node->country);
    if (net->kind == RN_NETWORK_ORG)
        cJSON_AddStringToObject(o, "sector", node->sector);
    cJSON_AddNumberToObject(o, "score", r->score);
    cJSON_AddNumberToObject(o, "logit", r->logit);
    cJSON_AddNumberToObject(o, "existing_projects", r->existing_weight);
    cJSON_AddItemToObject(o, "scores", scores_object(r->scores));
    cJSON *x = cJSON_AddObjectToObject(o, "explanation");
    if (!report->request->all) { /* --all: for dashboards, the structured parts only */
        g_autofree char *text = explanation_text(report, t, r);
        cJSON_AddStringToObject(x, "text", text);
    }
    cJSON *partners = cJSON_AddArrayToObject(x, "shared_partners");
    for (guint k = 0; k < r->partners->len; k++) {
        const RnSharedPartner *s = &g_array_index(r->partners, RnSharedPartner, k);
        cJSON *item = cJSON_CreateObject();
        cJSON_AddStringToObject(item, "id", node_at(net, s->node)->id);
        cJSON_AddStringToObject(item, "label", node_at(net, s->node)->label);
        cJSON_AddNumberToObject(item, "projects_with_target", s->weight_target);
        cJSON_AddNumberToObject(item, "projects_with_candidate", s->weight_candidate);
        cJSON_AddItemToArray(partners, item);
    }
    cJSON *themes = cJSON_AddArrayToObject(x, "shared_themes");
    for (guint k = 0; k < r->themes->len; k++) {
        const RnSharedTheme *s = &g_array_index(r->themes, RnSharedTheme, k);
        cJSON *item = cJSON_CreateObject();
        cJSON_AddStringToObject(item, "theme", p->theme_names[s->theme]);
        cJSON_AddNumberToObject(item, "rarity", s->idf);
        cJSON_AddNumberToObject(item, "projects_target", s->projects_target);
        cJSON_AddNumberToObject(item, "projects_candidate", s->projects_candidate);
        cJSON_AddItemToArray(themes, item);
    }
    cJSON *sectors = cJSON_AddArrayToObject(x, "complementary_sectors");
    for (guint k = 0; k < r->sectors->len; k++) {
        const RnSectorGap *s = &g_array_index(r->sectors, RnSectorGap, k);
        cJSON *item = cJSON_CreateObject();
        cJSON_AddStringToObject(item, "sector", p->sector_names[s->sector]);
        cJSON_AddNumberToObject(item, "share_target", s->share_target);
        cJSON_AddNumberToObject(item, "share_candidate", s->share_candidate);
        cJSON_AddItemToArray(sectors, item);
    }
    cJSON_AddBoolToObject(x, "cross_border", r->scores[RN_SCORE_CROSS_BORDER] > 0);
    cJSON_AddItemToObject(x, "parts", scores_object(r->parts));
    return o;
}

static cJSON *metrics_object(const RnEvalMetrics *m)
{
    cJSON *o = cJSON_CreateObject();
    cJSON_AddNumberToObject(o, "auc", m->auc);
    cJSON_AddNumberToObject(o, "precision_at_k", m->precision_at_k);
    cJSON_AddNumberToObject(o, "recall_at_k", m->recall_at_k);
    return o;
}

static cJSON *evaluation_section(const RnEvaluation *e)
{
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "train", e->train);
    cJSON_AddStringToObject(o, "test", e->test);
    cJSON_AddNumberToObject(o, "k", e->k);
    cJSON_AddNumberToObject(o, "auc", e->combined.auc);
    cJSON_AddNumberToObject(o, "precision_at_k", e->combined.precision_at_k);
    cJSON_AddNumberToObject(o, "recall_at_k", e->combined.recall_at_k);
    cJSON *b = cJSON_AddObjectToObject(o, "baselines");
    cJSON_AddItemToObject(b, "random", metrics_object(&e->random));
    cJSON_AddItemToObject(b, "preferential_attachment",
                          metrics_object(&e->scores[RN_SCORE_PREFERENTIAL_ATTACHMENT]));
    cJSON *s = cJSON_AddObjectToObject(o, "scores");
    for (guint k = 0; k < RN_SCORES; k++)
        cJSON_AddItemToObject(s, rn_score_names[k], metrics_object(&e->scores[k]));
    cJSON *c = cJSON_AddObjectToObject(o, "counts");
    cJSON_AddNumberToObject(c, "nodes_train", e->nodes_train);
    cJSON_AddNumberToObject(c, "nodes_test", e->nodes_test);
    cJSON_AddNumberToObject(c, "nodes_both", e->nodes_both);
    cJSON_AddNumberToObject(c, "matched_by_name", e->matched_by_name);
    cJSON_AddNumberToObject(c, "name_keys_ambiguous", e->name_ambiguous);
    cJSON_AddNumberToObject(c, "pairs_untied_in_train", e->untied_pairs);
    cJSON_AddNumberToObject(c, "new_ties", e->positives);
    cJSON_AddNumberToObject(c, "repeated_ties", e->repeated_ties);
    cJSON_AddNumberToObject(c, "non_ties", e->negatives);
    cJSON_AddNumberToObject(c, "non_ties_sampled", e->negatives_sampled);
    cJSON_AddNumberToObject(c, "nodes_with_new_ties", e->nodes_with_new_ties);
    cJSON_AddNumberToObject(c, "nodes_ranked", e->nodes_ranked);
    cJSON_AddItemToObject(o, "test_network", rn_json_network_counts(e->test_network));
    return o;
}

char *rn_recommend_render(const RnRecommendReport *report)
{
    g_return_val_if_fail(report != NULL, NULL);
    const RnRecommendResult *r = report->result;
    const RnNetwork *net = r->network;
    cJSON *dataset;
    g_autoptr(cJSON) root = rn_json_document("regnet-recommendations",
                                             RN_RECOMMEND_SCHEMA_VERSION, report->dataset_name,
                                             report->dataset_file, report->model->attribution,
                                             &dataset);
    cJSON_AddItemToObject(dataset, "caveats", rn_json_string_array(report->model->caveats));
    cJSON_AddItemToObject(root, "parameters", parameters(report));
    cJSON_AddItemToObject(root, "provenance", rn_json_provenance(report->model, r->near_duplicates));
    cJSON_AddItemToObject(root, "limits", rn_json_string_array(r->limits));
    cJSON *network = rn_json_network_counts(net);
    cJSON_AddNumberToObject(network, "nodes", net->nodes->len);
    cJSON_AddNumberToObject(network, "edges", net->edges->len);
    cJSON_AddItemToObject(network, "periods", string_list(r->profiles.periods,
                                                                      r->profiles.n_periods));
    cJSON_AddNumberToObject(network, "themes", r->profiles.n_themes);
    cJSON_AddItemToObject(network, "sectors", string_list(r->profiles.sector_names,
                                                                      r->profiles.n_sectors));
    cJSON_AddItemToObject(root, "network", network);
    cJSON_AddItemToObject(root, "model", model_section(&r->model));
    cJSON *targets = cJSON_AddArrayToObject(root, "targets");
    cJSON *list = cJSON_AddArrayToObject(root, "recommendations");
    for (guint t = 0; t < r->targets->len; t++) {
        const RnTargetResult *target = &g_array_index(r->targets, RnTargetResult, t);
        const RnNode *node = node_at(net, target->node);
        cJSON *o = cJSON_CreateObject();
        cJSON_AddStringToObject(o, "id", node->id);
        cJSON_AddStringToObject(o, "label", node->label);
        cJSON_AddStringToObject(o, "country", node->country);
        cJSON_AddNumberToObject(o, "partners", r->graph.offset[target->node + 1] -
                                                   r->graph.offset[target->node]);
        cJSON_AddNumberToObject(o, "projects", node->projects);
        cJSON_AddNumberToObject(o, "candidates", target->candidates);
        cJSON_AddNumberToObject(o, "recommendations", target->items->len);
        cJSON_AddItemToArray(targets, o);
        for (guint k = 0; k < target->items->len; k++)
            cJSON_AddItemToArray(list, recommendation_object(
                                           report, target,
                                           &g_array_index(target->items, RnRecommendation, k),
                                           k + 1));
    }
    if (r->evaluated)
        cJSON_AddItemToObject(root, "evaluation", evaluation_section(&r->evaluation));
    else
        cJSON_AddNullToObject(root, "evaluation");
    if (!report->request->all)
        return rn_json_finish(root);
    /* --all lists every node's recommendations: without indentation, the
     * report is a third smaller and written twice as fast. */
    char *text = cJSON_PrintUnformatted(root);
    char *out = g_strconcat(text, "\n", NULL);
    cJSON_free(text);
    return out;
}

/* A CSV cell: quoted when it holds a comma, quote or line break. */
static void csv_cell(GString *out, const char *text)
{
    if (!strpbrk(text, ",\"\r\n")) {
        g_string_append(out, text);
        return;
    }
    g_string_append_c(out, '"');
    for (const char *c = text; *c; c++) {
        if (*c == '"')
            g_string_append_c(out, '"');
        g_string_append_c(out, *c);
    }
    g_string_append_c(out, '"');
}

char *rn_recommend_pairs_csv(const RnRecommendResult *r)
{
    g_return_val_if_fail(r != NULL && r->evaluated && r->evaluation.pairs != NULL, NULL);
    GString *out = g_string_new("source,target,new_tie");
    for (guint k = 0; k < RN_SCORES; k++)
        g_string_append_printf(out, ",%s", rn_score_names[k]);
    g_string_append(out, ",combined_logit,random\n");
    const GArray *pairs = r->evaluation.pairs;
    char number[G_ASCII_DTOSTR_BUF_SIZE];
    for (guint i = 0; i < pairs->len; i++) {
        const RnEvalPair *p = &g_array_index(pairs, RnEvalPair, i);
        csv_cell(out, node_at(r->network, p->a)->id);
        g_string_append_c(out, ',');
        csv_cell(out, node_at(r->network, p->b)->id);
        g_string_append(out, p->positive ? ",1" : ",0");
        for (guint k = 0; k < RN_SCORES + 2; k++) {
            double x = k < RN_SCORES ? p->scores[k] : k == RN_SCORES ? p->combined : p->random;
            g_string_append_printf(out, ",%s", g_ascii_formatd(number, sizeof number, "%.17g", x));
        }
        g_string_append_c(out, '\n');
    }
    return g_string_free(out, FALSE);
}
