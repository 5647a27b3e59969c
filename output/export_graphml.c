/*
 * export_graphml.c — GraphML, read by NetworkX (read_graphml), igraph
 * (read_graph(format = "graphml"), Graph.Read_GraphML), Gephi, Cytoscape
 * and yEd.
 *
 * Specification: GraphML 1.0 (graphml.graphdrawing.org; the GraphML Primer
 * and http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd), with the
 * attribute extension (attr.name, attr.type on <key>).
 *
 * Quirks handled on purpose:
 *  - every attribute is a typed <key> (boolean, long, double, string);
 *    integers are "long" (igraph and NetworkX read both int and long as
 *    integers; Gephi reads long);
 *  - key ids are unique across domains ("v_" node, "e_" edge, "g_" graph
 *    keys) while attr.name keeps the plain name, because a node and an edge
 *    attribute may share a name (projects) and GraphML has one id space;
 *  - the node id is the <node id>, never a key named "id": igraph turns
 *    the node id into a vertex attribute "id" itself and would clash with a
 *    key of that name.  The id is also written as the node key "name",
 *    igraph's vertex names: igraph 0.10 (libxml2's SAX interface without
 *    entity substitution) reads "&amp;" inside an XML attribute as "&#38;",
 *    so an id with '&' is right in "name" (element text) but not in "id";
 *  - NetworkX reads an empty string value (<data></data>) as None;
 *  - a missing value (null in the report) has no <data>: GraphML has no null;
 *  - dataset, attribution and the analysis parameters are graph-level
 *    <data> (NetworkX: G.graph; igraph: graph attributes);
 *  - edgedefault="undirected", one edge per pair, with the report's edge ids;
 *  - no xsi:schemaLocation: nothing is fetched, and readers do not need it.
 */
#include "output/export.h"
#include "output/xml_writer.h"

#define GRAPHML_NS "http://graphml.graphdrawing.org/xmlns"

static const char *graphml_type(RnValueType type)
{
    switch (type) {
    case RN_VALUE_INTEGER:
        return "long";
    case RN_VALUE_DOUBLE:
        return "double";
    case RN_VALUE_BOOLEAN:
        return "boolean";
    case RN_VALUE_STRING:
        break;
    }
    return "string";
}

static void key(RnXml *xml, const char *prefix, const char *domain, const char *name,
                const char *type)
{
    g_autofree char *id = g_strconcat(prefix, name, NULL);
    rn_xml_start(xml, "key");
    rn_xml_attr(xml, "id", id);
    rn_xml_attr(xml, "for", domain);
    rn_xml_attr(xml, "attr.name", name);
    rn_xml_attr(xml, "attr.type", type);
    rn_xml_end(xml);
}

static void data(RnXml *xml, const char *prefix, const char *name, const char *value)
{
    g_autofree char *id = g_strconcat(prefix, name, NULL);
    rn_xml_start(xml, "data");
    rn_xml_attr(xml, "key", id);
    rn_xml_text(xml, value);
    rn_xml_end(xml);
}

static void row_data(RnXml *xml, const char *prefix, const GArray *columns,
                     const cJSON *const *row, GString *text)
{
    for (guint k = 0; k < columns->len; k++) {
        const RnExportColumn *column = &g_array_index(columns, RnExportColumn, k);
        g_string_truncate(text, 0);
        if (rn_export_cell_text(row[k], column->type, text))
            data(xml, prefix, column->name, text->str);
    }
}

gboolean rn_export_graphml(const RnExportTable *t, GPtrArray *files, GError **error)
{
    g_return_val_if_fail(t != NULL, FALSE);
    g_return_val_if_fail(files != NULL, FALSE);
    g_return_val_if_fail(error == NULL || *error == NULL, FALSE);
    g_autoptr(GString) text = g_string_new(NULL);
    RnXml xml;
    rn_xml_begin(&xml);
    rn_xml_start_ns(&xml, NULL, "graphml", GRAPHML_NS);
    for (guint k = 0; k < t->graph_values->len; k++) {
        const RnExportGraphValue *v = &g_array_index(t->graph_values, RnExportGraphValue, k);
        key(&xml, "g_", "graph", v->name, cJSON_IsNumber(v->value) ? "double" : "string");
    }
    key(&xml, "v_", "node", "name", "string");
    for (guint k = 0; k < t->node_columns->len; k++) {
        const RnExportColumn *column = &g_array_index(t->node_columns, RnExportColumn, k);
        key(&xml, "v_", "node", column->name, graphml_type(column->type));
    }
    for (guint k = 0; k < t->edge_columns->len; k++) {
        const RnExportColumn *column = &g_array_index(t->edge_columns, RnExportColumn, k);
        key(&xml, "e_", "edge", column->name, graphml_type(column->type));
    }
    rn_xml_start(&xml, "graph");
    rn_xml_attr(&xml, "id", "G");
    rn_xml_attr(&xml, "edgedefault", "undirected");
    for (guint k = 0; k < t->graph_values->len; k++) {
        const RnExportGraphValue *v = &g_array_index(t->graph_values, RnExportGraphValue, k);
        g_string_truncate(text, 0);
        if (rn_export_cell_text(v->value, RN_VALUE_DOUBLE, text))
            data(&xml, "g_", v->name, text->str);
    }
    for (guint i = 0; i < t->n_nodes; i++) {
        rn_xml_start(&xml, "node");
        rn_xml_attr(&xml, "id", t->node_ids[i]);
        data(&xml, "v_", "name", t->node_ids[i]);
        row_data(&xml, "v_", t->node_columns, t->node_cells + (gsize)i * t->node_columns->len,
                 text);
        rn_xml_end(&xml);
    }
    for (guint e = 0; e < t->n_edges; e++) {
        rn_xml_start(&xml, "edge");
        rn_xml_attr(&xml, "id", t->edge_ids[e]);
        rn_xml_attr(&xml, "source", t->node_ids[t->edge_source[e]]);
        rn_xml_attr(&xml, "target", t->node_ids[t->edge_target[e]]);
        row_data(&xml, "e_", t->edge_columns, t->edge_cells + (gsize)e * t->edge_columns->len,
                 text);
        rn_xml_end(&xml);
    }
    rn_xml_end(&xml); /* graph */
    rn_xml_end(&xml); /* graphml */
    gsize length = 0;
    char *out = rn_xml_finish(&xml, "GraphML", &length, error);
    if (!out)
        return FALSE;
    rn_export_files_add(files, NULL, out, length);
    return TRUE;
}
