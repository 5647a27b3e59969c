/*
 * report.c — renders an analysis report as JSON (schema in
 * docs/report.schema.json, described in docs/schema.md).
 *
 * Determinism: members are added in a fixed order, hash-table contents are
 * emitted sorted by key, nodes and edges come in the network's order, and
 * numbers are printed by cJSON (shortest of %.15g/%.17g that round-trips,
 * C locale).
 */
#include <math.h>
#include <string.h>

#include <cjson/cJSON.h>
#include <igraph.h>

#include "output/output.h"

G_DEFINE_AUTOPTR_CLEANUP_FUNC(cJSON, cJSON_Delete)

static int compare_strings(gconstpointer a, gconstpointer b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* A JSON object of table's string -> count entries, sorted by key. */
static cJSON *count_map(GHashTable *table)
{
    cJSON *object = cJSON_CreateObject();
    g_autofree gpointer *keys = g_hash_table_get_keys_as_array(table, NULL);
    guint n = g_hash_table_size(table);
    qsort(keys, n, sizeof(gpointer), (int (*)(const void *, const void *))compare_strings);
    for (guint i = 0; i < n; i++)
        cJSON_AddNumberToObject(object, keys[i],
                                GPOINTER_TO_UINT(g_hash_table_lookup(table, keys[i])));
    return object;
}

static void add_optional_string(cJSON *object, const char *name, const char *value)
{
    if (value)
        cJSON_AddStringToObject(object, name, value);
    else
        cJSON_AddNullToObject(object, name);
}

static cJSON *generator(void)
{
    cJSON *g = cJSON_CreateObject();
    cJSON_AddStringToObject(g, "name", "regnet");
    cJSON_AddStringToObject(g, "version", REGNET_VERSION);
    const char *igraph_text;
    igraph_version(&igraph_text, NULL, NULL, NULL);
    cJSON_AddStringToObject(g, "igraph", igraph_text);
    g_autofree char *glib = g_strdup_printf("%u.%u.%u", glib_major_version,
                                            glib_minor_version, glib_micro_version);
    cJSON_AddStringToObject(g, "glib", glib);
    cJSON_AddStringToObject(g, "cjson", cJSON_Version());
    return g;
}

static cJSON *parameters(const RnReport *r)
{
    const RnNetwork *net = r->network;
    cJSON *p = cJSON_CreateObject();
    cJSON_AddStringToObject(p, "network", rn_network_kind_name(net->kind));
    if (net->kind == RN_NETWORK_REGION)
        cJSON_AddNumberToObject(p, "level", net->level);
    else
        cJSON_AddNullToObject(p, "level");
    cJSON_AddStringToObject(p, "weight", rn_weighting_name(net->weighting));
    cJSON_AddNumberToObject(p, "alpha", r->options->alpha);
    add_optional_string(p, "programme", net->programme);
    add_optional_string(p, "period", net->period);
    cJSON_AddNumberToObject(p, "pagerank_damping", 0.85);
    cJSON_AddNumberToObject(p, "path_length_tolerance", 1e-10);
    return p;
}

static cJSON *provenance(const RnModel *m)
{
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
        cJSON_AddItemToObject(f, "rejected_by_reason", count_map(p->rejected_by_reason));
        cJSON_AddItemToObject(f, "counts", count_map(p->counters));
        cJSON_AddItemToArray(files, f);
    }
    cJSON *model = cJSON_AddObjectToObject(prov, "model");
    cJSON_AddStringToObject(model, "nuts_edition", m->nuts_edition);
    cJSON_AddNumberToObject(model, "regions", m->regions->len);
    cJSON_AddNumberToObject(model, "programmes", m->programmes->len);
    cJSON_AddNumberToObject(model, "projects", m->projects->len);
    cJSON_AddNumberToObject(model, "organisations", m->orgs->len);
    cJSON_AddNumberToObject(model, "participations", m->participations->len);
    return prov;
}

static cJSON *network_section(const RnNetwork *net)
{
    cJSON *n = cJSON_CreateObject();
    cJSON_AddNumberToObject(n, "projects_selected", net->projects_selected);
    cJSON_AddNumberToObject(n, "projects_with_ties", net->projects_with_ties);
    cJSON_AddNumberToObject(n, "participations_selected", net->participations_selected);
    cJSON_AddNumberToObject(n, "participations_unlocated", net->participations_unlocated);
    cJSON_AddItemToObject(n, "unlocated_by_reason", count_map(net->unlocated_by_reason));
    return n;
}

static cJSON *summary_section(const RnSummary *s)
{
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
    cJSON_AddNumberToObject(o, "diameter_hops", s->diameter_hops);
    cJSON_AddNumberToObject(o, "average_path_length_hops", s->average_path_length_hops);
    cJSON_AddNumberToObject(o, "diameter_weighted", s->diameter_weighted);
    cJSON_AddNumberToObject(o, "average_path_length_weighted",
                            s->average_path_length_weighted);
    cJSON *c = cJSON_AddObjectToObject(o, "centralization");
    cJSON_AddNumberToObject(c, "degree", s->centralization_degree);
    cJSON_AddNumberToObject(c, "betweenness", s->centralization_betweenness);
    cJSON_AddNumberToObject(c, "closeness", s->centralization_closeness);
    cJSON_AddNumberToObject(c, "eigenvector", s->centralization_eigenvector);
    return o;
}

static cJSON *nodes_section(const RnNetwork *net, const RnCentrality *c)
{
    cJSON *nodes = cJSON_CreateArray();
    for (guint i = 0; i < net->nodes->len; i++) {
        const RnNode *node = &g_array_index(net->nodes, RnNode, i);
        cJSON *o = cJSON_CreateObject();
        cJSON_AddStringToObject(o, "id", node->id);
        cJSON_AddStringToObject(o, "label", node->label);
        cJSON_AddStringToObject(o, "country", node->country);
        if (net->kind == RN_NETWORK_ORG) {
            cJSON_AddStringToObject(o, "sector", node->sector);
            cJSON_AddStringToObject(o, "region", node->region);
        } else {
            cJSON_AddNumberToObject(o, "internal_projects", node->internal_projects);
            cJSON_AddNumberToObject(o, "organisations", node->organisations);
        }
        cJSON_AddNumberToObject(o, "participations", node->participations);
        cJSON_AddNumberToObject(o, "projects", node->projects);
        cJSON *m = cJSON_AddObjectToObject(o, "metrics");
        cJSON_AddNumberToObject(m, "degree", c->degree[i]);
        cJSON_AddNumberToObject(m, "strength", c->strength[i]);
        cJSON_AddNumberToObject(m, "betweenness", c->betweenness[i]);
        cJSON_AddNumberToObject(m, "harmonic", c->harmonic[i]);
        cJSON_AddNumberToObject(m, "closeness", c->closeness[i]);
        cJSON_AddNumberToObject(m, "eigenvector", c->eigenvector[i]);
        cJSON_AddNumberToObject(m, "pagerank", c->pagerank[i]);
        cJSON_AddItemToArray(nodes, o);
    }
    return nodes;
}

static cJSON *edges_section(const RnNetwork *net)
{
    cJSON *edges = cJSON_CreateArray();
    for (guint i = 0; i < net->edges->len; i++) {
        const RnEdge *e = &g_array_index(net->edges, RnEdge, i);
        cJSON *o = cJSON_CreateObject();
        cJSON_AddStringToObject(o, "source", g_array_index(net->nodes, RnNode, e->source).id);
        cJSON_AddStringToObject(o, "target", g_array_index(net->nodes, RnNode, e->target).id);
        cJSON_AddNumberToObject(o, "weight", e->weight);
        cJSON_AddNumberToObject(o, "projects", e->projects);
        cJSON_AddItemToArray(edges, o);
    }
    return edges;
}

char *rn_report_render(const RnReport *r)
{
    g_autoptr(cJSON) root = cJSON_CreateObject();
    cJSON_AddStringToObject(root, "schema", "regnet-report");
    cJSON_AddStringToObject(root, "schema_version", RN_REPORT_SCHEMA_VERSION);
    cJSON_AddItemToObject(root, "generator", generator());
    cJSON *dataset = cJSON_AddObjectToObject(root, "dataset");
    cJSON_AddStringToObject(dataset, "name", r->dataset_name);
    cJSON_AddStringToObject(dataset, "description_file", r->dataset_file);
    cJSON_AddItemToObject(root, "parameters", parameters(r));
    cJSON_AddItemToObject(root, "provenance", provenance(r->model));
    cJSON_AddItemToObject(root, "network", network_section(r->network));
    cJSON_AddItemToObject(root, "summary", summary_section(r->summary));
    cJSON_AddItemToObject(root, "nodes", nodes_section(r->network, r->centrality));
    cJSON_AddItemToObject(root, "edges", edges_section(r->network));
    char *text = cJSON_Print(root);
    char *out = g_strconcat(text, "\n", NULL);
    cJSON_free(text);
    return out;
}
