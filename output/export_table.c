/*
 * export_table.c — the neutral node and edge table every export format is
 * rendered from (see export.h), and the reading of a report file back.
 *
 * Flattening: a node's scalar members become columns under their names;
 * the members of `metrics` too; the members of any other nested object
 * (metrics.brokerage, metrics.brokerage_z, bridging) take the object's name
 * as prefix.  Arrays are not attributes of a node and are left out.  Column
 * order is the order of first appearance, so the same report gives the same
 * columns.  Two members flattening to one name are an error (the report's
 * schema never produces that).
 *
 * Types: booleans are boolean; strings string; numbers double, except the
 * counts listed in integer_columns, which are integer while every value is
 * integral (a column is typed once, for every report, so that tables of two
 * reports line up in a tool).  A column whose every value is null is a
 * string column.
 */
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine/error.h"
#include "loaders/csv.h"
#include "output/export.h"
#include "output/sections.h"

/* Counts: typed integer in every format. */
static const char *const integer_columns[] = {
    "nuts_level", "participations", "projects", "internal_projects", "organisations",
    "degree", "coreness", "community", "brokerage_coordinator", "brokerage_itinerant",
    "brokerage_gatekeeper_representative", "brokerage_liaison", "brokerage_total",
    "bridging_organisations", NULL};

/* The largest magnitude below which every integer is exact in a double. */
#define EXACT_INTEGER 9007199254740992.0

const char *const rn_export_format_names[] = {"json",      "gexf", "gexf-1.2", "graphml",
                                              "node-link", "cytoscape", "csv", "pajek",
                                              "dl",        NULL};

gboolean rn_export_format_parse(const char *name, RnExportFormat *format)
{
    g_return_val_if_fail(name != NULL && format != NULL, FALSE);
    for (guint k = 0; rn_export_format_names[k]; k++)
        if (strcmp(rn_export_format_names[k], name) == 0) {
            *format = (RnExportFormat)k;
            return TRUE;
        }
    return FALSE;
}

gboolean rn_export_format_is_folder(RnExportFormat format)
{
    return format == RN_EXPORT_CSV;
}

void rn_export_number_text(double value, GString *out)
{
    g_return_if_fail(out != NULL);
    /* cJSON's print_number: 15 significant digits when they read back
     * within one unit in the last place, else 17.  Like cJSON, in the C
     * locale the program runs in (main() sets it): libc's snprintf and
     * strtod, much cheaper than GLib's locale-proof wrappers on millions of
     * values.  Integers of int range take a shortcut with the same text
     * ("-0" stays "-0"). */
    char text[32];
    int length;
    if (fabs(value) <= 2147483647.0 && value == (double)(int)value && !signbit(value)) {
        length = snprintf(text, sizeof text, "%d", (int)value);
    } else {
        length = snprintf(text, sizeof text, "%1.15g", value);
        double back = strtod(text, NULL);
        double scale = fmax(fabs(back), fabs(value));
        if (!(fabs(back - value) <= scale * DBL_EPSILON))
            length = snprintf(text, sizeof text, "%1.17g", value);
    }
    g_string_append_len(out, text, length);
}

gboolean rn_export_cell_text(const cJSON *cell, RnValueType type, GString *out)
{
    g_return_val_if_fail(out != NULL, FALSE);
    if (!cell)
        return FALSE;
    if (cJSON_IsString(cell)) {
        g_string_append(out, cell->valuestring);
        return TRUE;
    }
    if (cJSON_IsBool(cell)) {
        g_string_append(out, cJSON_IsTrue(cell) ? "true" : "false");
        return TRUE;
    }
    if (!cJSON_IsNumber(cell) || !isfinite(cell->valuedouble))
        return FALSE;
    if (type == RN_VALUE_INTEGER) {
        char text[32];
        int length = snprintf(text, sizeof text, "%" G_GINT64_FORMAT, (gint64)cell->valuedouble);
        g_string_append_len(out, text, length);
    } else
        rn_export_number_text(cell->valuedouble, out);
    return TRUE;
}

/* Is item a value the table holds (not null, not a non-finite number)? */
static gboolean present(const cJSON *item)
{
    return item && !cJSON_IsNull(item) && (!cJSON_IsNumber(item) || isfinite(item->valuedouble));
}

typedef struct {
    GArray *columns;          /* RnExportColumn */
    GHashTable *index;        /* name -> column index + 1 */
    GPtrArray *rows;          /* per row: GArray of Cell */
    GArray *last_row;         /* per column: the row (+ 1) that last gave it a value */
    GString *name;            /* scratch: the flat name being looked up */
} Collector;

static void collector_init(Collector *c)
{
    c->columns = g_array_new(FALSE, TRUE, sizeof(RnExportColumn));
    c->index = g_hash_table_new(g_str_hash, g_str_equal);
    c->rows = g_ptr_array_new_with_free_func((GDestroyNotify)g_array_unref);
    c->last_row = g_array_new(FALSE, TRUE, sizeof(guint));
    c->name = g_string_new(NULL);
}

static void collector_clear(Collector *c)
{
    g_hash_table_unref(c->index);
    g_ptr_array_unref(c->rows);
    g_array_unref(c->last_row);
    g_string_free(c->name, TRUE);
}

typedef struct {
    guint column;
    const cJSON *value;
} Cell;

/* Adds value under name to the current row (the last of c->rows). */
static gboolean collect(Collector *c, const char *name, const cJSON *value, const char *display,
                        const char *where, GError **error)
{
    guint k = GPOINTER_TO_UINT(g_hash_table_lookup(c->index, name));
    if (k == 0) {
        RnExportColumn column = {g_strdup(name), RN_VALUE_STRING};
        g_array_append_val(c->columns, column);
        k = c->columns->len;
        g_hash_table_insert(c->index, g_array_index(c->columns, RnExportColumn, k - 1).name,
                            GUINT_TO_POINTER(k));
        g_array_set_size(c->last_row, k);
    }
    GArray *row = g_ptr_array_index(c->rows, c->rows->len - 1);
    guint *last = &g_array_index(c->last_row, guint, k - 1);
    if (*last == c->rows->len) {
        g_set_error(error, RN_ERROR, RN_ERROR_DATA,
                    "%s: %s: two members give the attribute '%s'; expected distinct names",
                    display, where, name);
        return FALSE;
    }
    *last = c->rows->len;
    Cell cell = {k - 1, value};
    g_array_append_val(row, cell);
    return TRUE;
}

/* Collects the members of object, named prefix + member (prefix may be ""),
 * recursing into nested objects with their name as prefix.  skip lists
 * members left out (NULL-terminated). */
static gboolean collect_object(Collector *c, const cJSON *object, const char *prefix,
                               const char *const *skip, const char *display, const char *where,
                               GError **error)
{
    const cJSON *member;
    cJSON_ArrayForEach(member, object) {
        if (skip && g_strv_contains(skip, member->string))
            continue;
        if (cJSON_IsArray(member))
            continue;
        if (cJSON_IsObject(member)) {
            /* metrics flatten without a prefix; other objects with theirs */
            g_autofree char *inner = *prefix == 0 && strcmp(member->string, "metrics") == 0
                                         ? g_strdup("")
                                         : g_strconcat(prefix, member->string, "_", NULL);
            if (!collect_object(c, member, inner, NULL, display, where, error))
                return FALSE;
            continue;
        }
        g_string_assign(c->name, prefix);
        g_string_append(c->name, member->string);
        if (!collect(c, c->name->str, member, display, where, error))
            return FALSE;
    }
    return TRUE;
}

/* Chooses each column's type from its values (see the file comment). */
static void type_columns(GArray *columns, const cJSON **cells, guint n_rows)
{
    guint n = columns->len;
    for (guint k = 0; k < n; k++) {
        RnExportColumn *column = &g_array_index(columns, RnExportColumn, k);
        gboolean any = FALSE, strings = FALSE, booleans = TRUE, integral = TRUE;
        for (guint r = 0; r < n_rows; r++) {
            const cJSON *cell = cells[(gsize)r * n + k];
            if (!present(cell))
                continue;
            any = TRUE;
            strings |= !cJSON_IsNumber(cell) && !cJSON_IsBool(cell);
            booleans &= cJSON_IsBool(cell);
            if (cJSON_IsNumber(cell))
                integral &= cell->valuedouble == floor(cell->valuedouble) &&
                            fabs(cell->valuedouble) < EXACT_INTEGER;
        }
        if (!any || strings)
            column->type = RN_VALUE_STRING;
        else if (booleans)
            column->type = RN_VALUE_BOOLEAN;
        else if (integral && g_strv_contains(integer_columns, column->name))
            column->type = RN_VALUE_INTEGER;
        else
            column->type = RN_VALUE_DOUBLE;
    }
}

/* The row-major cell array of a collector: rows x columns. */
static const cJSON **collector_cells(const Collector *c)
{
    guint n = c->columns->len;
    const cJSON **cells = g_new0(const cJSON *, (gsize)c->rows->len * MAX(n, 1));
    for (guint r = 0; r < c->rows->len; r++) {
        GArray *row = g_ptr_array_index(c->rows, r);
        for (guint j = 0; j < row->len; j++) {
            const Cell *cell = &g_array_index(row, Cell, j);
            cells[(gsize)r * n + cell->column] = present(cell->value) ? cell->value : NULL;
        }
    }
    return cells;
}

static void free_columns(GArray *columns)
{
    if (!columns)
        return;
    for (guint k = 0; k < columns->len; k++)
        g_free(g_array_index(columns, RnExportColumn, k).name);
    g_array_unref(columns);
}

void rn_export_table_free(RnExportTable *t)
{
    if (!t)
        return;
    cJSON_Delete(t->document);
    cJSON_Delete(t->synthesized);
    if (t->graph_values)
        g_array_unref(t->graph_values);
    free_columns(t->node_columns);
    free_columns(t->edge_columns);
    g_free(t->node_ids);
    g_free(t->node_labels);
    g_free(t->edge_ids);
    g_free(t->edge_source);
    g_free(t->edge_target);
    g_free(t->edge_weight);
    g_free(t->node_cells);
    g_free(t->edge_cells);
    if (t->strings)
        g_string_chunk_free(t->strings);
    g_free(t);
}

/* A string member, or NULL (and error set when required) if absent. */
static const char *string_member(const cJSON *object, const char *name, const char *display,
                                 const char *where, GError **error)
{
    const cJSON *item = cJSON_GetObjectItemCaseSensitive(object, name);
    if (cJSON_IsString(item))
        return item->valuestring;
    g_set_error(error, RN_ERROR, RN_ERROR_DATA, "%s: %s: '%s' %s; expected a string", display,
                where, name, item ? "is not a string" : "is missing");
    return NULL;
}

static gboolean fill_nodes(RnExportTable *t, const cJSON *nodes, const char *kind, int level,
                           const char *display, GHashTable *by_id, GError **error)
{
    if (!cJSON_IsArray(nodes)) {
        g_set_error(error, RN_ERROR, RN_ERROR_DATA, "%s: 'nodes' %s; expected an array of node "
                    "objects", display, nodes ? "is not an array" : "is missing");
        return FALSE;
    }
    t->n_nodes = (guint)cJSON_GetArraySize(nodes);
    t->node_ids = g_new0(const char *, t->n_nodes + 1);
    t->node_labels = g_new0(const char *, t->n_nodes + 1);
    cJSON *kind_value = kind ? cJSON_AddStringToObject(t->synthesized, "kind", kind) : NULL;
    cJSON *level_value = level >= 0 ? cJSON_AddNumberToObject(t->synthesized, "nuts_level", level)
                                    : NULL;
    Collector c;
    collector_init(&c);
    static const char *const skip[] = {"id", NULL};
    gboolean ok = TRUE;
    guint i = 0;
    const cJSON *node;
    char where[32];
    cJSON_ArrayForEach(node, nodes) {
        g_snprintf(where, sizeof where, "nodes[%u]", i);
        if (!cJSON_IsObject(node)) {
            g_set_error(error, RN_ERROR, RN_ERROR_DATA, "%s: %s is not an object; expected a "
                        "node object", display, where);
            ok = FALSE;
            break;
        }
        const char *id = string_member(node, "id", display, where, error);
        if (!id) {
            ok = FALSE;
            break;
        }
        if (!g_hash_table_insert(by_id, (gpointer)id, GUINT_TO_POINTER(i + 1))) {
            g_set_error(error, RN_ERROR, RN_ERROR_DATA, "%s: %s: node id '%s' is given twice; "
                        "expected each node once", display, where, id);
            ok = FALSE;
            break;
        }
        const cJSON *label = cJSON_GetObjectItemCaseSensitive(node, "label");
        t->node_ids[i] = id;
        t->node_labels[i] = cJSON_IsString(label) ? label->valuestring : id;
        g_ptr_array_add(c.rows, g_array_new(FALSE, FALSE, sizeof(Cell)));
        /* label first, then what the table adds, then the node's members */
        if (cJSON_IsString(label) && !collect(&c, "label", label, display, where, error)) {
            ok = FALSE;
            break;
        }
        static const char *const skip_label[] = {"id", "label", NULL};
        if ((kind_value && !collect(&c, "kind", kind_value, display, where, error)) ||
            (level_value && !collect(&c, "nuts_level", level_value, display, where, error)) ||
            !collect_object(&c, node, "", cJSON_IsString(label) ? skip_label : skip, display,
                            where, error)) {
            ok = FALSE;
            break;
        }
        i++;
    }
    if (ok) {
        t->node_cells = collector_cells(&c);
        type_columns(c.columns, t->node_cells, t->n_nodes);
        t->node_columns = g_steal_pointer(&c.columns);
        for (guint k = 0; k < t->node_columns->len; k++) {
            const char *name = g_array_index(t->node_columns, RnExportColumn, k).name;
            if (strcmp(name, "lon") == 0)
                t->lon_column = (int)k;
            else if (strcmp(name, "lat") == 0)
                t->lat_column = (int)k;
        }
    }
    free_columns(c.columns);
    collector_clear(&c);
    return ok;
}

static gboolean fill_edges(RnExportTable *t, const cJSON *edges, const char *display,
                           GHashTable *by_id, GError **error)
{
    if (edges && !cJSON_IsArray(edges)) {
        g_set_error(error, RN_ERROR, RN_ERROR_DATA, "%s: 'edges' is not an array; expected an "
                    "array of edge objects", display);
        return FALSE;
    }
    t->n_edges = edges ? (guint)cJSON_GetArraySize(edges) : 0;
    t->edge_ids = g_new0(const char *, t->n_edges + 1);
    t->edge_source = g_new0(guint, t->n_edges + 1);
    t->edge_target = g_new0(guint, t->n_edges + 1);
    t->edge_weight = g_new0(double, t->n_edges + 1);
    Collector c;
    collector_init(&c);
    static const char *const skip[] = {"id", "source", "target", NULL};
    g_autoptr(GHashTable) edge_ids = g_hash_table_new(g_str_hash, g_str_equal);
    gboolean ok = TRUE;
    guint i = 0;
    const cJSON *edge;
    char where[32];
    cJSON_ArrayForEach(edge, edges) {
        g_snprintf(where, sizeof where, "edges[%u]", i);
        const char *ends[2] = {NULL, NULL};
        guint index[2] = {0, 0};
        for (guint e = 0; e < 2 && ok; e++) {
            ends[e] = cJSON_IsObject(edge)
                          ? string_member(edge, e ? "target" : "source", display, where, error)
                          : NULL;
            if (!cJSON_IsObject(edge))
                g_set_error(error, RN_ERROR, RN_ERROR_DATA, "%s: %s is not an object; expected "
                            "an edge object", display, where);
            index[e] = ends[e] ? GPOINTER_TO_UINT(g_hash_table_lookup(by_id, ends[e])) : 0;
            if (ends[e] && index[e] == 0)
                g_set_error(error, RN_ERROR, RN_ERROR_DATA, "%s: %s: %s '%s' is not a node id; "
                            "expected the id of a node in 'nodes'", display, where,
                            e ? "target" : "source", ends[e]);
            ok = index[e] > 0;
        }
        if (!ok)
            break;
        const cJSON *id = cJSON_GetObjectItemCaseSensitive(edge, "id");
        if (cJSON_IsString(id)) {
            t->edge_ids[i] = id->valuestring;
        } else {
            char text[24];
            g_snprintf(text, sizeof text, "e%u", i);
            t->edge_ids[i] = g_string_chunk_insert(t->strings, text);
        }
        /* Formats that share one name space for nodes and edges (Cytoscape.js)
         * need the two apart. */
        if (g_hash_table_contains(by_id, t->edge_ids[i]) ||
            !g_hash_table_add(edge_ids, (gpointer)t->edge_ids[i])) {
            g_set_error(error, RN_ERROR, RN_ERROR_DATA, "%s: %s: edge id '%s' is %s; expected "
                        "an id no node and no other edge has", display, where, t->edge_ids[i],
                        g_hash_table_contains(by_id, t->edge_ids[i]) ? "also a node id"
                                                                     : "given twice");
            ok = FALSE;
            break;
        }
        t->edge_source[i] = index[0] - 1;
        t->edge_target[i] = index[1] - 1;
        const cJSON *weight = cJSON_GetObjectItemCaseSensitive(edge, "weight");
        t->edge_weight[i] = cJSON_IsNumber(weight) ? weight->valuedouble : 1.0;
        g_ptr_array_add(c.rows, g_array_new(FALSE, FALSE, sizeof(Cell)));
        if (!collect_object(&c, edge, "", skip, display, where, error)) {
            ok = FALSE;
            break;
        }
        i++;
    }
    if (ok) {
        t->edge_cells = collector_cells(&c);
        type_columns(c.columns, t->edge_cells, t->n_edges);
        t->edge_columns = g_steal_pointer(&c.columns);
    }
    free_columns(c.columns);
    collector_clear(&c);
    return ok;
}

static RnExportTable *table_alloc(void)
{
    RnExportTable *t = g_new0(RnExportTable, 1);
    t->synthesized = cJSON_CreateObject();
    t->graph_values = g_array_new(FALSE, FALSE, sizeof(RnExportGraphValue));
    t->strings = g_string_chunk_new(4096);
    t->lon_column = t->lat_column = -1;
    return t;
}

RnExportTable *rn_export_table_from_arrays(const cJSON *nodes, const cJSON *edges,
                                           const char *kind, int level, const char *display,
                                           GError **error)
{
    g_return_val_if_fail(display != NULL, NULL);
    g_return_val_if_fail(nodes != NULL, NULL);
    g_return_val_if_fail(error == NULL || *error == NULL, NULL);
    g_autoptr(RnExportTable) t = table_alloc();
    g_autoptr(GHashTable) by_id = g_hash_table_new(g_str_hash, g_str_equal);
    if (!fill_nodes(t, nodes, kind, level, display, by_id, error) ||
        !fill_edges(t, edges, display, by_id, error))
        return NULL;
    return g_steal_pointer(&t);
}

/* Adds a graph value from the document at object.member, when present. */
static void graph_value(RnExportTable *t, const char *name, const cJSON *object,
                        const char *member)
{
    const cJSON *value = cJSON_GetObjectItemCaseSensitive(object, member);
    if (cJSON_IsString(value) || cJSON_IsNumber(value)) {
        RnExportGraphValue v = {name, value};
        g_array_append_val(t->graph_values, v);
    }
}

RnExportTable *rn_export_table_new(cJSON *document, const char *display, GError **error)
{
    g_return_val_if_fail(document != NULL && display != NULL, NULL);
    g_return_val_if_fail(error == NULL || *error == NULL, NULL);
    g_autoptr(RnExportTable) t = table_alloc();
    t->document = document;
    const cJSON *parameters = cJSON_GetObjectItemCaseSensitive(document, "parameters");
    const cJSON *dataset = cJSON_GetObjectItemCaseSensitive(document, "dataset");
    const char *kind = string_member(parameters, "network", display, "parameters", error);
    if (!kind)
        return NULL;
    const cJSON *level = cJSON_GetObjectItemCaseSensitive(parameters, "level");
    int nuts_level = -1;
    if (strcmp(kind, "region") == 0 || strcmp(kind, "country") == 0)
        nuts_level = cJSON_IsNumber(level) ? (int)level->valuedouble : 0;
    /* "org" is the option's name; as a node kind the table says what it is. */
    const char *node_kind = strcmp(kind, "org") == 0 ? "organisation" : kind;
    const cJSON *attribution = cJSON_GetObjectItemCaseSensitive(dataset, "attribution");
    const cJSON *name = cJSON_GetObjectItemCaseSensitive(dataset, "name");
    t->attribution = cJSON_IsString(attribution) ? attribution->valuestring : NULL;
    t->dataset_name = cJSON_IsString(name) ? name->valuestring : NULL;
    graph_value(t, "dataset", dataset, "name");
    graph_value(t, "attribution", dataset, "attribution");
    graph_value(t, "network", parameters, "network");
    graph_value(t, "level", parameters, "level");
    graph_value(t, "weight", parameters, "weight");
    graph_value(t, "alpha", parameters, "alpha");
    graph_value(t, "group", parameters, "group");
    const cJSON *provenance = cJSON_GetObjectItemCaseSensitive(document, "provenance");
    graph_value(t, "nuts_edition", cJSON_GetObjectItemCaseSensitive(provenance, "model"),
                "nuts_edition");
    graph_value(t, "report_schema_version", document, "schema_version");
    graph_value(t, "regnet_version", cJSON_GetObjectItemCaseSensitive(document, "generator"),
                "version");
    g_autoptr(GHashTable) by_id = g_hash_table_new(g_str_hash, g_str_equal);
    if (!fill_nodes(t, cJSON_GetObjectItemCaseSensitive(document, "nodes"), node_kind,
                    nuts_level, display, by_id, error) ||
        !fill_edges(t, cJSON_GetObjectItemCaseSensitive(document, "edges"), display, by_id,
                    error))
        return NULL;
    return g_steal_pointer(&t);
}

/* Line and column (characters, from 1) of offset in text. */
static void locate(const char *text, gsize offset, guint *line, guint *col)
{
    *line = 1;
    *col = 1;
    for (const char *p = text; p < text + offset; p = g_utf8_next_char(p)) {
        if (*p == '\n') {
            (*line)++;
            *col = 1;
        } else {
            (*col)++;
        }
    }
}

cJSON *rn_report_read(const char *path, GError **error)
{
    g_return_val_if_fail(path != NULL, NULL);
    g_return_val_if_fail(error == NULL || *error == NULL, NULL);
    g_autofree char *text = NULL;
    gsize length = 0;
    if (!rn_read_file(path, path, &text, &length, error))
        return NULL;
    if (!g_utf8_validate(text, (gssize)length, NULL)) {
        const char *end = NULL;
        g_utf8_validate(text, (gssize)length, &end);
        guint line, col;
        locate(text, (gsize)(end - text), &line, &col);
        g_set_error(error, RN_ERROR, RN_ERROR_DATA, "%s:%u:%u: invalid UTF-8; expected a regnet "
                    "report (JSON)", path, line, col);
        return NULL;
    }
    const char *end = NULL;
    cJSON *root = cJSON_ParseWithLengthOpts(text, length + 1, &end, TRUE);
    if (!root) {
        guint line, col;
        locate(text, end ? (gsize)(end - text) : length, &line, &col);
        g_set_error(error, RN_ERROR, RN_ERROR_DATA,
                    "%s:%u:%u: invalid JSON; expected a regnet report (written by regnet analyze)",
                    path, line, col);
        return NULL;
    }
    const cJSON *schema = cJSON_GetObjectItemCaseSensitive(root, "schema");
    const cJSON *version = cJSON_GetObjectItemCaseSensitive(root, "schema_version");
    const char *problem = NULL;
    g_autofree char *owned = NULL;
    if (!cJSON_IsObject(root))
        problem = "is not a JSON object; expected a regnet report (written by regnet analyze)";
    else if (!cJSON_IsString(schema))
        problem = "has no 'schema' member; expected a regnet report (written by regnet analyze)";
    else if (strcmp(schema->valuestring, "regnet-comparison") == 0)
        problem = "is a regnet comparison report; expected an analysis report (regnet analyze); "
                  "a comparison's tables come from regnet compare --format csv";
    else if (strcmp(schema->valuestring, "regnet-report") != 0)
        problem = owned = g_strdup_printf("has schema '%s'; expected 'regnet-report' (written "
                                          "by regnet analyze)", schema->valuestring);
    else if (!cJSON_IsString(version))
        problem = "has no 'schema_version'; expected a regnet report (written by regnet analyze)";
    else if (!g_str_has_prefix(version->valuestring, "1.") &&
             !g_str_has_prefix(version->valuestring, "2."))
        problem = owned = g_strdup_printf("has schema_version '%s'; expected 1.x or 2.x (this is "
                                          "regnet %s)", version->valuestring, REGNET_VERSION);
    if (problem) {
        g_set_error(error, RN_ERROR, RN_ERROR_DATA, "%s: %s", path, problem);
        cJSON_Delete(root);
        return NULL;
    }
    return root;
}

/* data object of a row: name -> copy of the cell, null when missing. */
static void json_row(cJSON *object, const GArray *columns, const cJSON *const *row)
{
    for (guint k = 0; k < columns->len; k++) {
        const RnExportColumn *column = &g_array_index(columns, RnExportColumn, k);
        cJSON_AddItemToObject(object, column->name,
                              row[k] ? cJSON_Duplicate(row[k], FALSE) : cJSON_CreateNull());
    }
}

cJSON *rn_export_json_graph(const RnExportTable *t)
{
    g_return_val_if_fail(t != NULL, NULL);
    cJSON *graph = cJSON_CreateObject();
    for (guint k = 0; k < t->graph_values->len; k++) {
        const RnExportGraphValue *v = &g_array_index(t->graph_values, RnExportGraphValue, k);
        cJSON_AddItemToObject(graph, v->name, cJSON_Duplicate(v->value, FALSE));
    }
    return graph;
}

void rn_export_json_node(cJSON *object, const RnExportTable *t, guint i)
{
    g_return_if_fail(object != NULL);
    g_return_if_fail(t != NULL);
    cJSON_AddStringToObject(object, "id", t->node_ids[i]);
    json_row(object, t->node_columns, t->node_cells + (gsize)i * t->node_columns->len);
}

void rn_export_json_edge(cJSON *object, const RnExportTable *t, guint e)
{
    g_return_if_fail(object != NULL);
    g_return_if_fail(t != NULL);
    cJSON_AddStringToObject(object, "id", t->edge_ids[e]);
    cJSON_AddStringToObject(object, "source", t->node_ids[t->edge_source[e]]);
    cJSON_AddStringToObject(object, "target", t->node_ids[t->edge_target[e]]);
    json_row(object, t->edge_columns, t->edge_cells + (gsize)e * t->edge_columns->len);
}
