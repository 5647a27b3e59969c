/*
 * export_gexf.c — GEXF, the format of Gephi.
 *
 * Specification: GEXF 1.3 (gexf.net, schema http://gexf.net/1.3/gexf.xsd;
 * primer "GEXF 1.3 Primer", the GEXF Working Group); GEXF 1.2draft
 * (http://www.gexf.net/1.2draft) for readers that know no later version:
 * NetworkX's read_gexf (2.8 to 3.5) reads only 1.1draft and 1.2draft.
 * The two differ here only in namespaces and the version attribute.
 *
 * Quirks handled on purpose:
 *  - attributes are declared once per class with a type (integer, double,
 *    boolean, string), so Gephi and NetworkX read numbers as numbers; the
 *    attribute id is the attribute's name, which keeps files readable;
 *  - the node label is GEXF's own `label` attribute and the edge weight
 *    GEXF's `weight`, not declared attributes (Gephi and NetworkX read those
 *    natively);
 *  - a missing value (null in the report) has no attvalue: GEXF has no
 *    null, and "NaN" would be read as a number;
 *  - `viz:position` (x = longitude, y = latitude) when the report's nodes
 *    carry lon and lat;
 *  - no `lastmodifieddate`: the same report gives the same bytes;
 *  - the dataset name and its attribution go to meta/description, the
 *    producing program to meta/creator;
 *  - edges are undirected (defaultedgetype), one per pair, with their
 *    report ids.
 */
#include <string.h>

#include "output/export.h"
#include "output/xml_writer.h"

static const char *gexf_type(RnValueType type)
{
    switch (type) {
    case RN_VALUE_INTEGER:
        return "integer";
    case RN_VALUE_DOUBLE:
        return "double";
    case RN_VALUE_BOOLEAN:
        return "boolean";
    case RN_VALUE_STRING:
        break;
    }
    return "string";
}

/* Columns written as attvalues: all but those GEXF holds natively. */
static gboolean declared(const RnExportColumn *column, const char *native)
{
    return strcmp(column->name, native) != 0;
}

static void declare(RnXml *xml, const char *class, const GArray *columns, const char *native)
{
    rn_xml_start(xml, "attributes");
    rn_xml_attr(xml, "class", class);
    for (guint k = 0; k < columns->len; k++) {
        const RnExportColumn *column = &g_array_index(columns, RnExportColumn, k);
        if (!declared(column, native))
            continue;
        rn_xml_start(xml, "attribute");
        rn_xml_attr(xml, "id", column->name);
        rn_xml_attr(xml, "title", column->name);
        rn_xml_attr(xml, "type", gexf_type(column->type));
        rn_xml_end(xml);
    }
    rn_xml_end(xml);
}

static void attvalues(RnXml *xml, const GArray *columns, const cJSON *const *row,
                      const char *native, GString *text)
{
    gboolean open = FALSE;
    for (guint k = 0; k < columns->len; k++) {
        const RnExportColumn *column = &g_array_index(columns, RnExportColumn, k);
        g_string_truncate(text, 0);
        if (!declared(column, native) || !rn_export_cell_text(row[k], column->type, text))
            continue;
        if (!open) {
            rn_xml_start(xml, "attvalues");
            open = TRUE;
        }
        rn_xml_start(xml, "attvalue");
        rn_xml_attr(xml, "for", column->name);
        rn_xml_attr(xml, "value", text->str);
        rn_xml_end(xml);
    }
    if (open)
        rn_xml_end(xml);
}

gboolean rn_export_gexf(const RnExportTable *t, const char *version, GPtrArray *files,
                        GError **error)
{
    g_return_val_if_fail(t != NULL, FALSE);
    g_return_val_if_fail(version != NULL, FALSE);
    g_return_val_if_fail(files != NULL, FALSE);
    g_return_val_if_fail(error == NULL || *error == NULL, FALSE);
    gboolean draft = strcmp(version, "1.2draft") == 0;
    const char *ns = draft ? "http://www.gexf.net/1.2draft" : "http://gexf.net/1.3";
    const char *viz_ns = draft ? "http://www.gexf.net/1.2draft/viz" : "http://gexf.net/1.3/viz";
    gboolean positions = t->lon_column >= 0 && t->lat_column >= 0;
    guint node_columns = t->node_columns->len, edge_columns = t->edge_columns->len;
    g_autoptr(GString) text = g_string_new(NULL);
    RnXml xml;
    rn_xml_begin(&xml);
    rn_xml_start_ns(&xml, NULL, "gexf", ns);
    if (positions)
        rn_xml_attr(&xml, "xmlns:viz", viz_ns);
    rn_xml_attr(&xml, "version", draft ? "1.2" : "1.3");
    rn_xml_start(&xml, "meta");
    rn_xml_start(&xml, "creator");
    rn_xml_text(&xml, "regnet " REGNET_VERSION);
    rn_xml_end(&xml);
    if (t->dataset_name || t->attribution) {
        rn_xml_start(&xml, "description");
        g_autofree char *description =
            g_strjoin(". ", t->dataset_name ? t->dataset_name : "", t->attribution, NULL);
        rn_xml_text(&xml, t->dataset_name && t->attribution ? description
                          : t->dataset_name               ? t->dataset_name
                                                          : t->attribution);
        rn_xml_end(&xml);
    }
    rn_xml_end(&xml);
    rn_xml_start(&xml, "graph");
    rn_xml_attr(&xml, "defaultedgetype", "undirected");
    if (draft)
        rn_xml_attr(&xml, "mode", "static");
    declare(&xml, "node", t->node_columns, "label");
    declare(&xml, "edge", t->edge_columns, "weight");
    rn_xml_start(&xml, "nodes");
    for (guint i = 0; i < t->n_nodes; i++) {
        const cJSON *const *row = t->node_cells + (gsize)i * node_columns;
        rn_xml_start(&xml, "node");
        rn_xml_attr(&xml, "id", t->node_ids[i]);
        rn_xml_attr(&xml, "label", t->node_labels[i]);
        attvalues(&xml, t->node_columns, row, "label", text);
        if (positions && row[t->lon_column] && row[t->lat_column]) {
            g_autoptr(GString) x = g_string_new(NULL), y = g_string_new(NULL);
            rn_export_cell_text(row[t->lon_column], RN_VALUE_DOUBLE, x);
            rn_export_cell_text(row[t->lat_column], RN_VALUE_DOUBLE, y);
            rn_xml_start_ns(&xml, "viz", "position", NULL);
            rn_xml_attr(&xml, "x", x->str);
            rn_xml_attr(&xml, "y", y->str);
            rn_xml_attr(&xml, "z", "0");
            rn_xml_end(&xml);
        }
        rn_xml_end(&xml);
    }
    rn_xml_end(&xml);
    rn_xml_start(&xml, "edges");
    for (guint e = 0; e < t->n_edges; e++) {
        rn_xml_start(&xml, "edge");
        rn_xml_attr(&xml, "id", t->edge_ids[e]);
        rn_xml_attr(&xml, "source", t->node_ids[t->edge_source[e]]);
        rn_xml_attr(&xml, "target", t->node_ids[t->edge_target[e]]);
        g_string_truncate(text, 0);
        rn_export_number_text(t->edge_weight[e], text);
        rn_xml_attr(&xml, "weight", text->str);
        attvalues(&xml, t->edge_columns, t->edge_cells + (gsize)e * edge_columns, "weight", text);
        rn_xml_end(&xml);
    }
    rn_xml_end(&xml);
    rn_xml_end(&xml); /* graph */
    rn_xml_end(&xml); /* gexf */
    gsize length = 0;
    char *data = rn_xml_finish(&xml, draft ? "GEXF 1.2draft" : "GEXF 1.3", &length, error);
    if (!data)
        return FALSE;
    rn_export_files_add(files, NULL, data, length);
    return TRUE;
}
