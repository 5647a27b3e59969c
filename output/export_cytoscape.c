/*
 * export_cytoscape.c — Cytoscape.js elements JSON.
 *
 * Specification: the Cytoscape.js documentation (js.cytoscape.org,
 * "Notation: elements JSON"), grouped form {"nodes": [...], "edges":
 * [...]}, each element {"data": {...}}.  The file is an initialisation
 * object, {"data": {graph values}, "elements": {...}}, so
 * cytoscape({elements: json.elements}) and cytoscape(JSON.parse(text)) both
 * load it, and Cytoscape desktop imports it as .cyjs.
 *
 * Quirks handled on purpose: every element has a string data.id, and edge
 * ids never equal node ids (Cytoscape.js has one id space; checked when the
 * table is built); nodes carry no `parent` member (it would make compound
 * nodes) and edges' source and target are node ids; missing values are
 * null.  Values are copies of the report's cJSON items.
 */
#include <string.h>

#include "output/export.h"
#include "output/sections.h"

void rn_export_cytoscape(const RnExportTable *t, GPtrArray *files)
{
    g_return_if_fail(t != NULL);
    g_return_if_fail(files != NULL);
    cJSON *root = cJSON_CreateObject();
    cJSON_AddItemToObject(root, "data", rn_export_json_graph(t));
    cJSON *elements = cJSON_AddObjectToObject(root, "elements");
    cJSON *nodes = cJSON_AddArrayToObject(elements, "nodes");
    for (guint i = 0; i < t->n_nodes; i++) {
        cJSON *node = cJSON_CreateObject();
        rn_export_json_node(cJSON_AddObjectToObject(node, "data"), t, i);
        cJSON_AddItemToArray(nodes, node);
    }
    cJSON *edges = cJSON_AddArrayToObject(elements, "edges");
    for (guint e = 0; e < t->n_edges; e++) {
        cJSON *edge = cJSON_CreateObject();
        rn_export_json_edge(cJSON_AddObjectToObject(edge, "data"), t, e);
        cJSON_AddItemToArray(edges, edge);
    }
    char *text = rn_json_finish(root);
    cJSON_Delete(root);
    rn_export_files_add(files, NULL, text, strlen(text));
}
