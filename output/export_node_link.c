/*
 * export_node_link.c — NetworkX node-link JSON.
 *
 * Specification: NetworkX's node_link_data/node_link_graph
 * (networkx.readwrite.json_graph), in the shape NetworkX 3.4+ writes with
 * edges="edges": {"directed": false, "multigraph": false, "graph": {...},
 * "nodes": [{"id": ..., ...}], "edges": [{"source": ..., "target": ...,
 * ...}]}.  D3's force layout reads the same lists.
 *
 * Quirks handled on purpose: `directed` and `multigraph` are always
 * written, since node_link_graph builds a MultiGraph without them; the edge
 * list is under "edges" (what NetworkX 3.4+ writes; 2.8 to 3.3 read it with
 * link="edges", 3.4+ with edges="edges": docs/exports.md); missing values
 * are null; the edge's report id is an edge attribute "id".  Values are
 * copies of the report's cJSON items, so numbers print as in the report.
 */
#include <string.h>

#include "output/export.h"
#include "output/sections.h"

void rn_export_node_link(const RnExportTable *t, GPtrArray *files)
{
    g_return_if_fail(t != NULL);
    g_return_if_fail(files != NULL);
    cJSON *root = cJSON_CreateObject();
    cJSON_AddFalseToObject(root, "directed");
    cJSON_AddFalseToObject(root, "multigraph");
    cJSON_AddItemToObject(root, "graph", rn_export_json_graph(t));
    cJSON *nodes = cJSON_AddArrayToObject(root, "nodes");
    for (guint i = 0; i < t->n_nodes; i++) {
        cJSON *node = cJSON_CreateObject();
        rn_export_json_node(node, t, i);
        cJSON_AddItemToArray(nodes, node);
    }
    cJSON *edges = cJSON_AddArrayToObject(root, "edges");
    for (guint e = 0; e < t->n_edges; e++) {
        cJSON *edge = cJSON_CreateObject();
        rn_export_json_edge(edge, t, e);
        cJSON_AddItemToArray(edges, edge);
    }
    char *text = rn_json_finish(root);
    cJSON_Delete(root);
    rn_export_files_add(files, NULL, text, strlen(text));
}
