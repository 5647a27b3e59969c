/*
 * report.c — renders an analysis report as JSON (schema in
 * docs/report.schema.json, described in docs/schema.md).
 *
 * Determinism: members are added in a fixed order, hash-table contents are
 * emitted sorted by key, nodes and edges come in the network's order, and
 * numbers are printed by cJSON in the C locale: %.15g, or %.17g when the
 * 15-digit text is more than one unit in the last place (relative 2.2e-16)
 * off; integers that must be exact beyond 2^50 (seeds) are printed as
 * integers (rn_json_add_integer).
 */
#include <math.h>
#include <string.h>

#include <cjson/cJSON.h>
#include "analyses/centrality.h"
#include "engine/countries.h"
#include "output/output.h"
#include "output/sections.h"



static int compare_strings(gconstpointer a, gconstpointer b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* A JSON object of table's string -> count entries, sorted by key. */
cJSON *rn_json_count_map(GHashTable *table)
{
    g_return_val_if_fail(table != NULL, NULL);
    cJSON *object = cJSON_CreateObject();
    g_autofree gpointer *keys = g_hash_table_get_keys_as_array(table, NULL);
    guint n = g_hash_table_size(table);
    qsort(keys, n, sizeof(gpointer), (int (*)(const void *, const void *))compare_strings);
    for (guint i = 0; i < n; i++)
        cJSON_AddNumberToObject(object, keys[i],
                                GPOINTER_TO_UINT(g_hash_table_lookup(table, keys[i])));
    return object;
}

void rn_json_add_optional_string(cJSON *object, const char *name, const char *value)
{
    g_return_if_fail(object != NULL);
    g_return_if_fail(name != NULL);
    if (value)
        cJSON_AddStringToObject(object, name, value);
    else
        cJSON_AddNullToObject(object, name);
}

cJSON *rn_json_generator(void)
{
    cJSON *g = cJSON_CreateObject();
    cJSON_AddStringToObject(g, "name", "regnet");
    cJSON_AddStringToObject(g, "version", REGNET_VERSION);
    cJSON_AddStringToObject(g, "igraph", rn_igraph_version());
    g_autofree char *glib = g_strdup_printf("%u.%u.%u", glib_major_version,
                                            glib_minor_version, glib_micro_version);
    cJSON_AddStringToObject(g, "glib", glib);
    cJSON_AddStringToObject(g, "cjson", cJSON_Version());
    return g;
}

void rn_json_add_optional_number(cJSON *object, const char *name, const double *values,
                                 guint i)
{
    g_return_if_fail(object != NULL);
    g_return_if_fail(name != NULL);
    if (values && isfinite(values[i]))
        cJSON_AddNumberToObject(object, name, values[i]);
    else
        cJSON_AddNullToObject(object, name);
}

/* value, or null when NAN. */
static void add_number_or_null(cJSON *object, const char *name, double value)
{
    rn_json_add_optional_number(object, name, &value, 0);
}

void rn_json_add_integer(cJSON *object, const char *name, guint64 value)
{
    g_return_if_fail(object != NULL);
    g_return_if_fail(name != NULL);
    char text[32];
    g_snprintf(text, sizeof text, "%" G_GUINT64_FORMAT, value);
    cJSON_AddRawToObject(object, name, text);
}

void rn_json_add_regex(cJSON *object, const char *name, const GRegex *regex)
{
    g_return_if_fail(object != NULL);
    g_return_if_fail(name != NULL);
    rn_json_add_optional_string(object, name, regex ? g_regex_get_pattern(regex) : NULL);
}

cJSON *rn_json_metrics(const RnCentrality *c)
{
    g_return_val_if_fail(c != NULL, NULL);
    cJSON *list = cJSON_CreateArray();
    for (guint k = 0; k < RN_METRIC_COUNT; k++)
        if (c->metrics >> k & 1)
            cJSON_AddItemToArray(list, cJSON_CreateString(rn_metric_names[k]));
    return list;
}

cJSON *rn_json_betweenness_method(const RnCentrality *c)
{
    g_return_val_if_fail(c != NULL, NULL);
    if (!(c->metrics & RN_METRIC_BETWEENNESS))
        return cJSON_CreateNull();
    const RnBetweennessMethod *m = &c->betweenness_method;
    cJSON *o = cJSON_CreateObject();
    if (!m->sampled) {
        cJSON_AddStringToObject(o, "method", "exact");
        return o;
    }
    cJSON_AddStringToObject(o, "method", "kadabra-borassi-natale-2016");
    cJSON_AddNumberToObject(o, "epsilon", m->epsilon);
    cJSON_AddNumberToObject(o, "delta", m->delta);
    rn_json_add_integer(o, "seed", m->seed);
    rn_json_add_integer(o, "samples", m->samples);
    rn_json_add_integer(o, "preliminary_samples", m->preliminary_samples);
    rn_json_add_integer(o, "max_samples", m->max_samples);
    cJSON_AddNumberToObject(o, "vertex_diameter_bound", m->vertex_diameter);
    return o;
}

static cJSON *parameters(const RnReport *r)
{
    const RnNetwork *net = r->result->network;
    cJSON *p = cJSON_CreateObject();
    cJSON_AddStringToObject(p, "network", rn_network_kind_name(net->kind));
    if (net->kind == RN_NETWORK_REGION)
        cJSON_AddNumberToObject(p, "level", net->level);
    else if (net->kind == RN_NETWORK_COUNTRY)
        cJSON_AddNumberToObject(p, "level", 0);
    else
        cJSON_AddNullToObject(p, "level");
    cJSON_AddStringToObject(p, "weight", rn_weighting_name(net->weighting));
    cJSON_AddNumberToObject(p, "alpha", r->request->options.alpha);
    rn_json_add_optional_string(p, "programme", net->programme);
    rn_json_add_optional_string(p, "period", net->period);
    rn_json_add_regex(p, "programmes", r->request->spec.programmes);
    rn_json_add_regex(p, "themes", r->request->spec.themes);
    cJSON_AddItemToObject(p, "metrics", rn_json_metrics(&r->result->centrality));
    cJSON_AddItemToObject(p, "betweenness",
                          rn_json_betweenness_method(&r->result->centrality));
    cJSON_AddNumberToObject(p, "pagerank_damping", 0.85);
    cJSON_AddNumberToObject(p, "path_length_tolerance", 1e-10);
    const RnBridgingOptions *b = r->request->group ? &r->request->bridging : NULL;
    if (b) {
        cJSON_AddStringToObject(p, "group", b->group);
        cJSON_AddNumberToObject(p, "rollup_level", b->level);
        cJSON_AddNumberToObject(p, "permutations", b->permutations);
        rn_json_add_integer(p, "seed", b->seed);
    }
    return p;
}

cJSON *rn_json_string_array(const GPtrArray *strings)
{
    g_return_val_if_fail(strings != NULL, NULL);
    cJSON *array = cJSON_CreateArray();
    for (guint k = 0; k < strings->len; k++)
        cJSON_AddItemToArray(array, cJSON_CreateString(g_ptr_array_index(strings, k)));
    return array;
}

cJSON *rn_json_provenance(const RnModel *m, const GPtrArray *groups)
{
    g_return_val_if_fail(m != NULL, NULL);
    g_return_val_if_fail(groups != NULL, NULL);
    cJSON *prov = cJSON_CreateObject();
    cJSON *files = cJSON_AddArrayToObject(prov, "files");
    for (guint i = 0; i < m->provenance->len; i++) {
        const RnProvenance *p = g_ptr_array_index(m->provenance, i);
        cJSON *f = cJSON_CreateObject();
        cJSON_AddStringToObject(f, "file", p->file);
        cJSON_AddStringToObject(f, "format", p->format);
        cJSON_AddNumberToObject(f, "rows_read", p->rows_read);
        cJSON_AddNumberToObject(f, "rows_loaded", p->rows_loaded);
        cJSON_AddNumberToObject(f, "rows_merged", p->rows_merged);
        cJSON_AddNumberToObject(f, "rows_rejected", p->rows_rejected);
        cJSON_AddItemToObject(f, "rejected_by_reason", rn_json_count_map(p->rejected_by_reason));
        cJSON_AddItemToObject(f, "counts", rn_json_count_map(p->counters));
        cJSON_AddItemToObject(f, "skipped_rows", rn_json_string_array(p->skipped));
        cJSON_AddItemToArray(files, f);
    }
    cJSON *model = cJSON_AddObjectToObject(prov, "model");
    cJSON_AddStringToObject(model, "nuts_edition", m->nuts_edition);
    cJSON_AddStringToObject(model, "published_nuts_edition", m->published_edition);
    cJSON_AddNumberToObject(model, "regions", m->regions->len);
    cJSON_AddNumberToObject(model, "programmes", m->programmes->len);
    cJSON_AddNumberToObject(model, "projects", m->projects->len);
    cJSON_AddNumberToObject(model, "organisations", m->orgs->len);
    cJSON_AddNumberToObject(model, "participations", m->participations->len);
    cJSON *identity = cJSON_AddObjectToObject(prov, "identity");
    guint joined = 0;
    for (guint g = 0; g < m->postcode_merges->len; g++)
        joined += ((const RnOrgMerge *)g_ptr_array_index(m->postcode_merges, g))->merged->len;
    cJSON_AddNumberToObject(identity, "joined_by_postcode", joined);
    cJSON *merges = cJSON_AddArrayToObject(identity, "postcode_merges");
    for (guint g = 0; g < m->postcode_merges->len && g < 100; g++) {
        const RnOrgMerge *merge = g_ptr_array_index(m->postcode_merges, g);
        cJSON *item = cJSON_CreateObject();
        cJSON_AddStringToObject(item, "kept", merge->kept);
        cJSON_AddItemToObject(item, "joined", rn_json_string_array(merge->merged));
        cJSON_AddItemToObject(item, "postcodes", rn_json_string_array(merge->postcodes));
        cJSON_AddItemToArray(merges, item);
    }
    cJSON_AddNumberToObject(identity, "near_duplicate_groups", groups->len);
    cJSON *list = cJSON_AddArrayToObject(identity, "near_duplicates");
    for (guint g = 0; g < groups->len && g < 100; g++)
        cJSON_AddItemToArray(list, rn_json_string_array(g_ptr_array_index(groups, g)));
    return prov;
}

cJSON *rn_json_network_counts(const RnNetwork *net)
{
    g_return_val_if_fail(net != NULL, NULL);
    cJSON *n = cJSON_CreateObject();
    cJSON_AddNumberToObject(n, "projects_selected", net->projects_selected);
    cJSON_AddNumberToObject(n, "projects_with_ties", net->projects_with_ties);
    cJSON_AddNumberToObject(n, "projects_single_participant", net->projects_single);
    cJSON_AddNumberToObject(n, "participations_selected", net->participations_selected);
    cJSON_AddNumberToObject(n, "participations_unlocated", net->participations_unlocated);
    cJSON_AddItemToObject(n, "unlocated_by_reason", rn_json_count_map(net->unlocated_by_reason));
    cJSON_AddItemToObject(n, "projects_by_theme", rn_json_count_map(net->projects_by_theme));
    return n;
}

/* What the exact reductions of the shortest-path pass removed
 * (docs/paths.md); null when no pass ran. */
static cJSON *path_pass(const RnSummary *s)
{
    if (!s->has_paths)
        return cJSON_CreateNull();
    cJSON *o = cJSON_CreateObject();
    cJSON *list = cJSON_AddArrayToObject(o, "reductions");
    if (s->path_reductions & RN_REDUCTION_DEGREE1)
        cJSON_AddItemToArray(list, cJSON_CreateString("degree1"));
    if (s->path_reductions & RN_REDUCTION_TWINS)
        cJSON_AddItemToArray(list, cJSON_CreateString("twins"));
    cJSON_AddNumberToObject(o, "degree1_removed", s->degree1_removed);
    cJSON_AddNumberToObject(o, "open_twins_merged", s->open_twins_merged);
    cJSON_AddNumberToObject(o, "closed_twins_merged", s->closed_twins_merged);
    cJSON_AddNumberToObject(o, "sources", s->path_sources);
    cJSON_AddNumberToObject(o, "articulation_points", s->articulation_points);
    cJSON_AddNumberToObject(o, "biconnected_components", s->biconnected_components);
    cJSON_AddNumberToObject(o, "largest_biconnected_component_nodes",
                            s->largest_biconnected_nodes);
    cJSON_AddNumberToObject(o, "largest_biconnected_component_edges",
                            s->largest_biconnected_edges);
    return o;
}

cJSON *rn_json_summary(const RnSummary *s)
{
    g_return_val_if_fail(s != NULL, NULL);
    cJSON *o = cJSON_CreateObject();
    cJSON_AddNumberToObject(o, "nodes", s->nodes);
    cJSON_AddNumberToObject(o, "edges", s->edges);
    cJSON_AddNumberToObject(o, "total_weight", s->total_weight);
    cJSON_AddNumberToObject(o, "density", s->density);
    cJSON_AddNumberToObject(o, "components", s->components);
    cJSON_AddNumberToObject(o, "isolates", s->isolates);
    cJSON_AddNumberToObject(o, "largest_component_nodes", s->largest_component);
    cJSON_AddNumberToObject(o, "largest_component_share", s->largest_component_share);
    cJSON_AddNumberToObject(o, "transitivity", s->transitivity);
    cJSON_AddNumberToObject(o, "average_clustering", s->average_clustering);
    /* null when no shortest-path pass ran (--metrics without a path centrality) */
    add_number_or_null(o, "diameter_hops", s->has_paths ? s->diameter_hops : NAN);
    add_number_or_null(o, "average_path_length_hops", s->average_path_length_hops);
    add_number_or_null(o, "diameter_weighted", s->diameter_weighted);
    add_number_or_null(o, "average_path_length_weighted", s->average_path_length_weighted);
    cJSON *c = cJSON_AddObjectToObject(o, "centralization");
    cJSON_AddNumberToObject(c, "degree", s->centralization_degree);
    add_number_or_null(c, "betweenness", s->centralization_betweenness);
    add_number_or_null(c, "closeness", s->centralization_closeness);
    add_number_or_null(c, "eigenvector", s->centralization_eigenvector);
    return o;
}

static cJSON *brokerage_object(const RnBrokerageCounts *c)
{
    cJSON *o = cJSON_CreateObject();
    cJSON_AddNumberToObject(o, "coordinator", c->coordinator);
    cJSON_AddNumberToObject(o, "itinerant", c->itinerant);
    cJSON_AddNumberToObject(o, "gatekeeper_representative", c->gatekeeper_representative);
    cJSON_AddNumberToObject(o, "liaison", c->liaison);
    cJSON_AddNumberToObject(o, "total", c->total);
    return o;
}

/* Bridging metrics of node i (with --group). */
static void add_bridging_metrics(cJSON *m, const RnBridging *b, guint i)
{
    cJSON_AddNumberToObject(m, "constraint", b->holes.constraint[i]);
    cJSON_AddNumberToObject(m, "effective_size", b->holes.effective_size[i]);
    cJSON_AddNumberToObject(m, "efficiency", b->holes.efficiency[i]);
    cJSON_AddNumberToObject(m, "hierarchy", b->holes.hierarchy[i]);
    cJSON_AddNumberToObject(m, "coreness", b->cohesion.coreness[i]);
    cJSON_AddBoolToObject(m, "cut_point", b->cohesion.cut_point[i]);
    cJSON_AddItemToObject(m, "brokerage", brokerage_object(&b->brokerage.observed[i]));
    cJSON_AddItemToObject(m, "brokerage_z", brokerage_object(&b->brokerage.z[i]));
    cJSON_AddNumberToObject(m, "ei_index", b->ei.node[i].ei);
    cJSON_AddNumberToObject(m, "ei_index_weighted", b->ei.node_weighted[i].ei);
    cJSON_AddNumberToObject(m, "community", b->communities.membership[i]);
    cJSON_AddNumberToObject(m, "participation_coefficient", b->communities.participation[i]);
}

static cJSON *region_bridging_object(const RnRegionBridging *rb)
{
    cJSON *o = cJSON_CreateObject();
    cJSON_AddNumberToObject(o, "organisations", rb->organisations);
    cJSON_AddNumberToObject(o, "org_betweenness_sum", rb->betweenness_sum);
    cJSON_AddNumberToObject(o, "org_betweenness_mean", rb->betweenness_mean);
    cJSON_AddNumberToObject(o, "org_brokerage_sum", rb->brokerage_sum);
    cJSON_AddNumberToObject(o, "org_liaison_sum", rb->liaison_sum);
    cJSON_AddNumberToObject(o, "org_gatekeeper_representative_sum",
                            rb->gatekeeper_representative_sum);
    cJSON_AddNumberToObject(o, "bridging_paths", rb->bridging_paths);
    cJSON_AddNumberToObject(o, "bridging_centrality", rb->bridging_centrality);
    return o;
}

/* Node i's brokerage per pair of endpoint groups (with --group). */
static cJSON *brokerage_pairs(const RnBridging *b, guint i)
{
    cJSON *list = cJSON_CreateArray();
    const RnBrokeragePairs *bp = &b->brokerage_pairs;
    for (guint k = bp->offset[i]; k < bp->offset[i + 1]; k++) {
        const RnBrokeragePair *p = &bp->pairs[k];
        cJSON *item = cJSON_CreateObject();
        cJSON_AddStringToObject(item, "from", b->grouping.labels[p->from]);
        cJSON_AddStringToObject(item, "to", b->grouping.labels[p->to]);
        cJSON_AddStringToObject(item, "role", rn_broker_role_names[p->role]);
        cJSON_AddNumberToObject(item, "count", p->count);
        cJSON_AddItemToArray(list, item);
    }
    return list;
}

/* Adds name: code, or name: null for an unknown ("") region code. */
static void add_region(cJSON *object, const char *name, const char *code)
{
    rn_json_add_optional_string(object, name, *code ? code : NULL);
}

/* Node i of the report's nodes array. */
static cJSON *node_object(const RnNetwork *net, const RnCentrality *c, const RnBridging *b,
                          guint i)
{
    /* Nodes that are countries carry the English name beside the local one. */
    gboolean countries = net->kind == RN_NETWORK_COUNTRY ||
                         (net->kind == RN_NETWORK_REGION && net->level == 0);
    {
        const RnNode *node = &g_array_index(net->nodes, RnNode, i);
        cJSON *o = cJSON_CreateObject();
        cJSON_AddStringToObject(o, "id", node->id);
        cJSON_AddStringToObject(o, "label", node->label);
        if (countries)
            rn_json_add_optional_string(o, "label_en", rn_country_name_en(node->id));
        cJSON_AddStringToObject(o, "country", node->country);
        if (net->kind == RN_NETWORK_ORG) {
            cJSON_AddStringToObject(o, "sector", node->sector);
            cJSON_AddBoolToObject(o, "sector_inferred", node->sector_inferred);
            add_region(o, "region", node->region);
            cJSON_AddBoolToObject(o, "cluster", node->cluster);
        } else {
            /* Region and country networks. */
            cJSON_AddNumberToObject(o, "internal_projects", node->internal_projects);
            cJSON_AddNumberToObject(o, "organisations", node->organisations);
        }
        /* Map point: numbers, or null (with coordinates_from null) when unknown. */
        if (node->coordinates_from) {
            cJSON_AddNumberToObject(o, "lon", node->lon);
            cJSON_AddNumberToObject(o, "lat", node->lat);
        } else {
            cJSON_AddNullToObject(o, "lon");
            cJSON_AddNullToObject(o, "lat");
        }
        rn_json_add_optional_string(o, "coordinates_from", node->coordinates_from);
        cJSON_AddNumberToObject(o, "participations", node->participations);
        cJSON_AddNumberToObject(o, "projects", node->projects);
        if (b)
            cJSON_AddStringToObject(o, "group", b->grouping.labels[b->grouping.of_node[i]]);
        if (b && b->regions)
            cJSON_AddItemToObject(o, "bridging", region_bridging_object(&b->regions[i]));
        if (b)
            cJSON_AddItemToObject(o, "brokerage_pairs", brokerage_pairs(b, i));
        cJSON *m = cJSON_AddObjectToObject(o, "metrics");
        /* A centrality not computed (--metrics) is null. */
        const double *values[RN_METRIC_COUNT] = {c->degree, c->strength, c->betweenness,
                                                 c->harmonic, c->closeness, c->eigenvector,
                                                 c->pagerank};
        for (guint k = 0; k < RN_METRIC_COUNT; k++)
            rn_json_add_optional_number(m, rn_metric_names[k], values[k], i);
        if (b)
            add_bridging_metrics(m, b, i);
        return o;
    }
}

cJSON *rn_json_nodes(const RnNetwork *net, const RnCentrality *c, const RnBridging *b)
{
    g_return_val_if_fail(net != NULL, NULL);
    cJSON *nodes = cJSON_CreateArray();
    for (guint i = 0; i < net->nodes->len; i++)
        cJSON_AddItemToArray(nodes, node_object(net, c, b, i));
    return nodes;
}

/* Edge i of the report's edges array. */
static cJSON *edge_object(const RnNetwork *net, guint i)
{
    {
        const RnEdge *e = &g_array_index(net->edges, RnEdge, i);
        cJSON *o = cJSON_CreateObject();
        char id[24];
        g_snprintf(id, sizeof id, "e%u", i);
        cJSON_AddStringToObject(o, "id", id);
        cJSON_AddStringToObject(o, "source", g_array_index(net->nodes, RnNode, e->source).id);
        cJSON_AddStringToObject(o, "target", g_array_index(net->nodes, RnNode, e->target).id);
        cJSON_AddNumberToObject(o, "weight", e->weight);
        cJSON_AddNumberToObject(o, "projects", e->projects);
        return o;
    }
}

cJSON *rn_json_edges(const RnNetwork *net)
{
    g_return_val_if_fail(net != NULL, NULL);
    cJSON *edges = cJSON_CreateArray();
    for (guint i = 0; i < net->edges->len; i++)
        cJSON_AddItemToArray(edges, edge_object(net, i));
    return edges;
}

static cJSON *ei_object(const RnEiValue *v)
{
    cJSON *o = cJSON_CreateObject();
    cJSON_AddNumberToObject(o, "external", v->external);
    cJSON_AddNumberToObject(o, "internal", v->internal);
    cJSON_AddNumberToObject(o, "ei", v->ei);
    return o;
}

static cJSON *matrix(const double *values, guint G)
{
    cJSON *rows = cJSON_CreateArray();
    for (guint g = 0; g < G; g++)
        cJSON_AddItemToArray(rows, cJSON_CreateDoubleArray(values + (gsize)g * G, (int)G));
    return rows;
}

static const char *edge_end_id(const RnNetwork *net, guint node)
{
    return g_array_index(net->nodes, RnNode, node).id;
}

static cJSON *cross_sector_section(const RnModel *model, const RnNetwork *net,
                                   const RnCrossSector *x)
{
    cJSON *o = cJSON_CreateObject();
    cJSON_AddNumberToObject(o, "level", x->level);
    cJSON *regions = cJSON_AddArrayToObject(o, "regions");
    for (guint i = 0; i < x->regions->len; i++) {
        const RnRegionSectorShare *s = &g_array_index(x->regions, RnRegionSectorShare, i);
        cJSON *r = cJSON_CreateObject();
        cJSON_AddStringToObject(r, "region", s->region);
        cJSON_AddNumberToObject(r, "organisations", s->organisations);
        cJSON_AddNumberToObject(r, "ties", s->ties);
        cJSON_AddNumberToObject(r, "cross_sector_ties", s->cross_sector_ties);
        cJSON_AddNumberToObject(r, "share", s->ties ? (double)s->cross_sector_ties / s->ties : NAN);
        cJSON_AddItemToArray(regions, r);
    }
    cJSON *projects = cJSON_AddObjectToObject(o, "projects");
    cJSON *span = cJSON_AddObjectToObject(projects, "by_sectors_spanned");
    for (guint k = 1; k < x->projects_by_span->len; k++) {
        char key[16];
        g_snprintf(key, sizeof key, "%u", k);
        cJSON_AddNumberToObject(span, key, g_array_index(x->projects_by_span, guint, k));
    }
    cJSON_AddNumberToObject(projects, "no_known_sector", x->projects_unknown);
    if (x->triple_helix_known)
        cJSON_AddNumberToObject(projects, "triple_helix", x->triple_helix);
    else
        cJSON_AddNullToObject(projects, "triple_helix");
    cJSON_AddStringToObject(projects, "triple_helix_note",
                            x->triple_helix_known
                                ? "projects with industry (PRC), academia or research (HES, REC) "
                                  "and a public body (PUB, public) among their partners"
                                : "not computable: no organisation's sector marks academia or "
                                  "research (keep.eu legal status is only public or private)");
    cJSON *links = cJSON_AddArrayToObject(o, "strongest_links");
    for (guint i = 0; i < x->strongest->len; i++) {
        const RnEdge *e = &g_array_index(net->edges, RnEdge, g_array_index(x->strongest, guint, i));
        const RnNode *a = &g_array_index(net->nodes, RnNode, e->source);
        const RnNode *b = &g_array_index(net->nodes, RnNode, e->target);
        cJSON *l = cJSON_CreateObject();
        cJSON_AddStringToObject(l, "source", a->id);
        cJSON_AddStringToObject(l, "target", b->id);
        cJSON_AddStringToObject(l, "source_label", a->label);
        cJSON_AddStringToObject(l, "target_label", b->label);
        cJSON_AddStringToObject(l, "source_sector", a->sector);
        cJSON_AddStringToObject(l, "target_sector", b->sector);
        add_region(l, "source_region", a->region);
        add_region(l, "target_region", b->region);
        cJSON_AddNumberToObject(l, "weight", e->weight);
        cJSON *list = cJSON_AddArrayToObject(l, "projects");
        for (guint k = 0; k < e->projects; k++) {
            guint p = g_array_index(net->edge_projects, guint, e->project_offset + k);
            const RnProject *project = &g_array_index(model->projects, RnProject, p);
            const RnProgramme *prog = &g_array_index(model->programmes, RnProgramme, project->programme);
            cJSON *item = cJSON_CreateObject();
            cJSON_AddStringToObject(item, "programme", prog->name);
            cJSON_AddStringToObject(item, "acronym", project->acronym);
            cJSON_AddItemToArray(list, item);
        }
        cJSON_AddItemToArray(links, l);
    }
    return o;
}

/* Top regions under each definition of regions as bridges. */
static cJSON *regions_as_bridges(const RnNetwork *net, const RnCentrality *c, const RnBridging *b)
{
    cJSON *o = cJSON_CreateObject();
    cJSON_AddNumberToObject(o, "organisation_nodes", b->org_nodes);
    cJSON_AddNumberToObject(o, "organisation_edges", b->org_edges);
    guint top = MIN(net->nodes->len, RN_REGION_BRIDGES_LISTED);
    cJSON *tops = cJSON_AddObjectToObject(o, "top");
    for (guint d = 0; d < RN_BRIDGE_DEFINITIONS; d++) {
        cJSON *list = cJSON_AddArrayToObject(tops, rn_bridge_definition_names[d]);
        for (guint k = 0; k < top; k++) {
            guint i = b->region_order[d][k];
            cJSON *item = cJSON_CreateObject();
            cJSON_AddStringToObject(item, "id", edge_end_id(net, i));
            cJSON_AddStringToObject(item, "label", g_array_index(net->nodes, RnNode, i).label);
            cJSON_AddNumberToObject(item, "value", rn_region_bridge_score(c, b, i, d));
            cJSON_AddItemToArray(list, item);
        }
    }
    return o;
}

static cJSON *analyses_section(const RnReport *r)
{
    const RnBridging *b = &r->result->bridging;
    const RnBridgingOptions *opt = &r->request->bridging;
    const RnNetwork *net = r->result->network;
    guint G = b->grouping.n_groups;
    cJSON *a = cJSON_CreateObject();

    cJSON *grouping = cJSON_AddObjectToObject(a, "grouping");
    cJSON_AddStringToObject(grouping, "name", b->grouping.name);
    cJSON *groups = cJSON_AddArrayToObject(grouping, "groups");
    for (guint g = 0; g < G; g++) {
        cJSON *item = cJSON_CreateObject();
        cJSON_AddStringToObject(item, "label", b->grouping.labels[g]);
        cJSON_AddNumberToObject(item, "size", b->grouping.size[g]);
        cJSON_AddItemToArray(groups, item);
    }

    cJSON *brokerage = cJSON_AddObjectToObject(a, "brokerage");
    cJSON_AddItemToObject(brokerage, "observed", brokerage_object(&b->brokerage.network_observed));
    cJSON_AddItemToObject(brokerage, "expected", brokerage_object(&b->brokerage.network_expected));
    cJSON_AddItemToObject(brokerage, "sd", brokerage_object(&b->brokerage.network_sd));
    cJSON_AddItemToObject(brokerage, "z", brokerage_object(&b->brokerage.network_z));

    const RnEiIndex *ei = &b->ei;
    cJSON *e = cJSON_AddObjectToObject(a, "ei_index");
    cJSON_AddItemToObject(e, "network", ei_object(&ei->network));
    cJSON_AddItemToObject(e, "network_weighted", ei_object(&ei->network_weighted));
    cJSON_AddNumberToObject(e, "expected", ei->expected);
    cJSON_AddNumberToObject(e, "minimum", ei->minimum);
    cJSON_AddNumberToObject(e, "maximum", ei->maximum);
    cJSON_AddNumberToObject(e, "rescaled", ei->rescaled);
    cJSON *perm = cJSON_AddObjectToObject(e, "permutation_test");
    cJSON_AddNumberToObject(perm, "permutations", ei->permutations);
    rn_json_add_integer(perm, "seed", ei->seed);
    cJSON_AddNumberToObject(perm, "p_greater", ei->p_greater);
    cJSON_AddNumberToObject(perm, "p_less", ei->p_less);
    cJSON_AddNumberToObject(perm, "p_value", ei->p_two_sided);
    cJSON *eg = cJSON_AddArrayToObject(e, "groups");
    for (guint g = 0; g < G; g++) {
        cJSON *item = cJSON_CreateObject();
        cJSON_AddStringToObject(item, "label", b->grouping.labels[g]);
        cJSON_AddNumberToObject(item, "external", ei->group[g].external);
        cJSON_AddNumberToObject(item, "internal", ei->group[g].internal);
        cJSON_AddNumberToObject(item, "ei", ei->group[g].ei);
        cJSON_AddNumberToObject(item, "ei_weighted", ei->group_weighted[g].ei);
        cJSON_AddItemToArray(eg, item);
    }

    cJSON *mixing = cJSON_AddObjectToObject(a, "mixing");
    cJSON *labels = cJSON_AddArrayToObject(mixing, "groups");
    for (guint g = 0; g < G; g++)
        cJSON_AddItemToArray(labels, cJSON_CreateString(b->grouping.labels[g]));
    cJSON_AddItemToObject(mixing, "ties", matrix(ei->mixing_ties, G));
    cJSON_AddItemToObject(mixing, "weights", matrix(ei->mixing_weights, G));
    const RnGroupMixing *gm = &b->group_mixing;
    cJSON *pairs = cJSON_AddObjectToObject(a, "group_pairs");
    cJSON *pair_labels = cJSON_AddArrayToObject(pairs, "groups");
    for (guint g = 0; g < G; g++)
        cJSON_AddItemToArray(pair_labels, cJSON_CreateString(b->grouping.labels[g]));
    cJSON_AddNumberToObject(pairs, "ties", gm->ties);
    cJSON_AddItemToObject(pairs, "tie_ends", matrix(gm->tie_ends, G));
    cJSON_AddItemToObject(pairs, "expected", matrix(gm->expected, G));
    cJSON_AddItemToObject(pairs, "pearson_residuals", matrix(gm->pearson, G));
    cJSON_AddItemToObject(pairs, "adjusted_residuals", matrix(gm->adjusted, G));
    cJSON *assort = cJSON_AddObjectToObject(a, "assortativity");
    cJSON_AddNumberToObject(assort, "nominal", ei->assortativity);
    cJSON_AddNumberToObject(assort, "nominal_weighted", ei->assortativity_weighted);

    const RnCommunities *cm = &b->communities;
    cJSON *comm = cJSON_AddObjectToObject(a, "communities");
    cJSON_AddStringToObject(comm, "algorithm", "leiden");
    cJSON_AddStringToObject(comm, "objective",
                            opt->communities.objective == RN_COMMUNITY_CPM ? "cpm" : "modularity");
    cJSON_AddNumberToObject(comm, "resolution", opt->communities.resolution);
    cJSON_AddNumberToObject(comm, "beta", 0.01);
    rn_json_add_integer(comm, "seed", opt->communities.seed);
    cJSON_AddNumberToObject(comm, "runs", opt->communities.runs);
    cJSON_AddNumberToObject(comm, "count", cm->count);
    cJSON_AddNumberToObject(comm, "modularity", cm->modularity);
    cJSON_AddNumberToObject(comm, "quality", cm->quality);
    cJSON_AddNumberToObject(comm, "stability", cm->stability);
    cJSON_AddNumberToObject(comm, "iterations", cm->iterations);
    cJSON_AddNumberToObject(comm, "runs_not_converged", cm->runs_not_converged);
    cJSON *sizes = cJSON_AddArrayToObject(comm, "sizes");
    for (guint k = 0; k < cm->count; k++)
        cJSON_AddItemToArray(sizes, cJSON_CreateNumber(cm->sizes[k]));

    cJSON *coh = cJSON_AddObjectToObject(a, "cohesion");
    guint cut_points = 0, max_core = 0;
    for (guint i = 0; i < net->nodes->len; i++) {
        cut_points += b->cohesion.cut_point[i];
        max_core = MAX(max_core, b->cohesion.coreness[i]);
    }
    cJSON_AddNumberToObject(coh, "cut_points", cut_points);
    cJSON_AddNumberToObject(coh, "max_coreness", max_core);
    cJSON_AddNumberToObject(coh, "bridges", b->cohesion.bridges->len);
    cJSON *bridges = cJSON_AddArrayToObject(coh, "bridge_edges");
    for (guint k = 0; k < b->cohesion.bridges->len; k++) {
        const RnEdge *edge = &g_array_index(net->edges, RnEdge, g_array_index(b->cohesion.bridges, guint, k));
        cJSON *item = cJSON_CreateObject();
        cJSON_AddStringToObject(item, "source", edge_end_id(net, edge->source));
        cJSON_AddStringToObject(item, "target", edge_end_id(net, edge->target));
        cJSON_AddItemToArray(bridges, item);
    }
    if (b->has_cross_sector)
        cJSON_AddItemToObject(a, "cross_sector", cross_sector_section(r->model, net, &b->cross_sector));
    if (b->regions)
        cJSON_AddItemToObject(a, "regions_as_bridges",
                              regions_as_bridges(net, &r->result->centrality, b));
    return a;
}

cJSON *rn_json_document(const char *schema, const char *version, const char *dataset_name,
                        const char *dataset_file, const char *attribution, cJSON **dataset)
{
    g_return_val_if_fail(schema != NULL, NULL);
    g_return_val_if_fail(version != NULL, NULL);
    g_return_val_if_fail(dataset != NULL, NULL);
    cJSON *root = cJSON_CreateObject();
    cJSON_AddStringToObject(root, "schema", schema);
    cJSON_AddStringToObject(root, "schema_version", version);
    cJSON_AddItemToObject(root, "generator", rn_json_generator());
    *dataset = cJSON_AddObjectToObject(root, "dataset");
    cJSON_AddStringToObject(*dataset, "name", dataset_name);
    cJSON_AddStringToObject(*dataset, "description_file", dataset_file);
    rn_json_add_optional_string(*dataset, "attribution", attribution);
    return root;
}

char *rn_json_finish(const cJSON *root)
{
    g_return_val_if_fail(root != NULL, NULL);
    char *text = cJSON_Print(root);
    char *out = g_strconcat(text, "\n", NULL);
    cJSON_free(text);
    return out;
}

/* The report without nodes and edges (its last two members). */
static cJSON *report_head(const RnReport *r)
{
    g_return_val_if_fail(r != NULL && r->model != NULL && r->result != NULL, NULL);
    cJSON *dataset;
    cJSON *root = rn_json_document("regnet-report", RN_REPORT_SCHEMA_VERSION, r->dataset_name,
                                   r->dataset_file, r->model->attribution, &dataset);
    const RnAnalysisResult *result = r->result;
    const RnBridging *bridging = result->has_bridging ? &result->bridging : NULL;
    cJSON_AddItemToObject(dataset, "caveats", rn_json_string_array(r->model->caveats));
    cJSON_AddItemToObject(root, "parameters", parameters(r));
    cJSON_AddItemToObject(root, "provenance", rn_json_provenance(r->model, result->near_duplicates));
    cJSON_AddItemToObject(root, "warnings", rn_json_string_array(result->warnings));
    cJSON_AddItemToObject(root, "network", rn_json_network_counts(result->network));
    cJSON *summary = rn_json_summary(&result->summary);
    cJSON_AddItemToObject(summary, "path_pass", path_pass(&result->summary));
    cJSON_AddItemToObject(root, "summary", summary);
    if (bridging)
        cJSON_AddItemToObject(root, "analyses", analyses_section(r));
    /* A simple undirected graph: said outright, so that node-link readers
     * (NetworkX) do not guess a directed multigraph. */
    cJSON_AddFalseToObject(root, "directed");
    cJSON_AddFalseToObject(root, "multigraph");
    return root;
}

cJSON *rn_report_document(const RnReport *r)
{
    g_return_val_if_fail(r != NULL && r->model != NULL && r->result != NULL, NULL);
    cJSON *root = report_head(r);
    const RnAnalysisResult *result = r->result;
    const RnBridging *bridging = result->has_bridging ? &result->bridging : NULL;
    cJSON_AddItemToObject(root, "nodes", rn_json_nodes(result->network, &result->centrality, bridging));
    cJSON_AddItemToObject(root, "edges", rn_json_edges(result->network));
    return root;
}

char *rn_report_render(const RnReport *r)
{
    g_return_val_if_fail(r != NULL, NULL);
    g_autoptr(cJSON) root = rn_report_document(r);
    return rn_json_finish(root);
}

/* Writes item as cJSON_Print() would print it as an element of the array
 * member "name" of the document's root: wrapped in {"name": [item]} (taken)
 * for the indentation, the element cut out of the text. */
static gboolean write_element(RnSink *sink, cJSON *item, gboolean first)
{
    g_autoptr(cJSON) wrapper = cJSON_CreateObject();
    cJSON *array = cJSON_AddArrayToObject(wrapper, "a");
    cJSON_AddItemToArray(array, item);
    char *text = cJSON_Print(wrapper);
    /* "{\n\t\"a\":\t[" ELEMENT "]\n}" */
    const char *start = strchr(text, '[') + 1;
    const char *end = strrchr(text, ']');
    gboolean ok = (first || rn_sink_write(sink, ", ", 2)) &&
                  rn_sink_write(sink, start, (gsize)(end - start));
    cJSON_free(text);
    return ok;
}

gboolean rn_report_write(const RnReport *r, RnSink *sink)
{
    g_return_val_if_fail(r != NULL && r->model != NULL && r->result != NULL && sink, FALSE);
    const RnAnalysisResult *result = r->result;
    const RnNetwork *net = result->network;
    const RnBridging *bridging = result->has_bridging ? &result->bridging : NULL;
    char *head;
    {
        g_autoptr(cJSON) root = report_head(r);
        head = cJSON_Print(root);
    }
    /* head ends "\n}": the arrays go before the closing brace. */
    gsize length = strlen(head);
    g_assert(length >= 2 && head[length - 1] == '}' && head[length - 2] == '\n');
    gboolean ok = rn_sink_write(sink, head, length - 2) &&
                  rn_sink_write(sink, ",\n\t\"nodes\":\t[", 13);
    cJSON_free(head);
    for (guint i = 0; ok && i < net->nodes->len; i++)
        ok = write_element(sink, node_object(net, &result->centrality, bridging, i), i == 0);
    ok = ok && rn_sink_write(sink, "],\n\t\"edges\":\t[", 14);
    for (guint i = 0; ok && i < net->edges->len; i++)
        ok = write_element(sink, edge_object(net, i), i == 0);
    return ok && rn_sink_write(sink, "]\n}\n", 4);
}
