/*
 * export_json.c — the two JSON graph formats: NetworkX node-link data and
 * Cytoscape.js elements.  Both are built as cJSON documents whose values are
 * copies of the report's, so numbers print exactly as in the report.
 *
 * node-link — specification: NetworkX's node_link_data/node_link_graph
 * (networkx.readwrite.json_graph), in the shape NetworkX 3.4+ writes with
 * edges="edges": {"directed": false, "multigraph": false, "graph": {...},
 * "nodes": [{"id": ..., ...}], "edges": [{"source": ..., "target": ...,
 * ...}]}.  Quirks handled on purpose: `directed` and `multigraph` are always
 * written, since node_link_graph guesses a MultiGraph without them; the
 * edge list is under "edges" (NetworkX 3.4+ default writer key; 2.8 to 3.3
 * read it with link="edges", 3.4+ with edges="edges": docs/exports.md);
 * missing values are null; the edge's report id is an edge attribute "id".
 *
 * Cytoscape.js — specification: the Cytoscape.js elements JSON
 * (js.cytoscape.org, "Notation: elements JSON"), grouped form {"nodes":
 * [...], "edges": [...]}, each element {"data": {...}}.  The file is an
 * initialisation object, {"data": {graph values}, "elements": {...}}, so
 * cytoscape(JSON.parse(text)) and cytoscape({elements: json.elements}) both
 * load it; Cytoscape desktop imports the same shape (.cyjs).  Quirks handled
 * on purpose: every element has a string data.id, and edge ids never equal
 * node ids (one id space; checked when the table is built); nodes carry no
 * `parent` (which would make compound nodes); missing values are null.
 */
#include <string.h>

#include "output/export.h"
#include "output/sections.h"

/* data object of a row: name -> copy of the cell, null when missing. */
static void add_row(cJSON *object, const GArray *columns, const cJSON *const *row)
{
    for (guint k = 0; k < columns->len; k++) {
        const RnExportColumn *column = &g_array_index(columns, RnExportColumn, k);
        cJSON_AddItemToObject(object, column->name,
                              row[k] ? cJSON_Duplicate(row[k], FALSE) : cJSON_CreateNull());
    }
}

static cJSON *graph_object(const RnExportTable *t)
{
    cJSON *graph = cJSON_CreateObject();
    for (guint k = 0; k < t->graph_values->len; k++) {
        const RnExportGraphValue *v = &g_array_index(t->graph_values, RnExportGraphValue, k);
        cJSON_AddItemToObject(graph, v->name, cJSON_Duplicate(v->value, FALSE));
    }
    return graph;
}

static void node_data(cJSON *object, const RnExportTable *t, guint i)
{
    cJSON_AddStringToObject(object, "id", t->node_ids[i]);
    add_row(object, t->node_columns, t->node_cells + (gsize)i * t->node_columns->len);
}

static void edge_data(cJSON *object, const RnExportTable *t, guint e)
{
    cJSON_AddStringToObject(object, "id", t->edge_ids[e]);
    cJSON_AddStringToObject(object, "source", t->node_ids[t->edge_source[e]]);
    cJSON_AddStringToObject(object, "target", t->node_ids[t->edge_target[e]]);
    add_row(object, t->edge_columns, t->edge_cells + (gsize)e * t->edge_columns->len);
}

static void add_document(GPtrArray *files, cJSON *root)
{
    char *text = rn_json_finish(root);
    cJSON_Delete(root);
    rn_export_files_add(files, NULL, text, strlen(text));
}

void rn_export_node_link(const RnExportTable *t, GPtrArray *files)
{
    cJSON *root = cJSON_CreateObject();
    cJSON_AddFalseToObject(root, "directed");
    cJSON_AddFalseToObject(root, "multigraph");
    cJSON_AddItemToObject(root, "graph", graph_object(t));
    cJSON *nodes = cJSON_AddArrayToObject(root, "nodes");
    for (guint i = 0; i < t->n_nodes; i++) {
        cJSON *node = cJSON_CreateObject();
        node_data(node, t, i);
        cJSON_AddItemToArray(nodes, node);
    }
    cJSON *edges = cJSON_AddArrayToObject(root, "edges");
    for (guint e = 0; e < t->n_edges; e++) {
        cJSON *edge = cJSON_CreateObject();
        edge_data(edge, t, e);
        cJSON_AddItemToArray(edges, edge);
    }
    add_document(files, root);
}

void rn_export_cytoscape(const RnExportTable *t, GPtrArray *files)
{
    cJSON *root = cJSON_CreateObject();
    cJSON_AddItemToObject(root, "data", graph_object(t));
    cJSON *elements = cJSON_AddObjectToObject(root, "elements");
    cJSON *nodes = cJSON_AddArrayToObject(elements, "nodes");
    for (guint i = 0; i < t->n_nodes; i++) {
        cJSON *node = cJSON_CreateObject();
        node_data(cJSON_AddObjectToObject(node, "data"), t, i);
        cJSON_AddItemToArray(nodes, node);
    }
    cJSON *edges = cJSON_AddArrayToObject(elements, "edges");
    for (guint e = 0; e < t->n_edges; e++) {
        cJSON *edge = cJSON_CreateObject();
        edge_data(cJSON_AddObjectToObject(edge, "data"), t, e);
        cJSON_AddItemToArray(edges, edge);
    }
    add_document(files, root);
}
