/*
 * export_csv.c — nodes.csv and edges.csv, for spreadsheets, R
 * (read.csv(fileEncoding = "UTF-8-BOM")), pandas and Python's csv module.
 *
 * Specification: RFC 4180 (Common Format and MIME Type for CSV Files):
 * CRLF line ends, a header line, fields containing a comma, a double quote,
 * CR or LF enclosed in double quotes with inner quotes doubled.
 *
 * Quirks handled on purpose:
 *  - UTF-8 with a byte order mark: Excel opens a CSV without one in the
 *    system's legacy code page and turns "Zahodna Slovenija"'s neighbours
 *    like "Île-de-France" into "ÃŽle-de-France"; with it, accents are read
 *    right.  Python reads it with encoding="utf-8-sig", R with
 *    fileEncoding="UTF-8-BOM", pandas detects it;
 *  - a cell that a spreadsheet would take for a formula (starting with =,
 *    +, - or @) is written as it is: the values are data and quoting
 *    does not stop Excel; docs/exports.md says so;
 *  - missing values are empty cells; booleans true/false; numbers as the
 *    JSON report prints them, with '.' as decimal mark whatever the locale;
 *  - the attribution has no place in CSV and is not written.
 */
#include <string.h>

#include "output/export.h"

static void csv_field(GString *out, const char *text)
{
    if (!strpbrk(text, ",\"\r\n")) {
        g_string_append(out, text);
        return;
    }
    g_string_append_c(out, '"');
    for (const char *p = text; *p; p++) {
        if (*p == '"')
            g_string_append_c(out, '"');
        g_string_append_c(out, *p);
    }
    g_string_append_c(out, '"');
}

char *rn_export_csv_table(const GArray *columns, const cJSON *const *cells, guint n_rows,
                          const char *const *lead_names, guint n_lead,
                          const char *const *lead_cells, gsize *length)
{
    g_return_val_if_fail(columns != NULL, NULL);
    g_return_val_if_fail(length != NULL, NULL);
    g_return_val_if_fail(n_rows == 0 || columns->len == 0 || cells != NULL, NULL);
    g_return_val_if_fail(n_lead == 0 || lead_names != NULL, NULL);
    g_return_val_if_fail(n_lead == 0 || n_rows == 0 || lead_cells != NULL, NULL);
    guint n = columns->len;
    GString *out = g_string_sized_new(64 + (gsize)n_rows * (n + n_lead) * 8);
    g_string_append(out, "\xEF\xBB\xBF");
    for (guint k = 0; k < n_lead; k++) {
        csv_field(out, lead_names[k]);
        if (k + 1 < n_lead || n > 0)
            g_string_append_c(out, ',');
    }
    for (guint k = 0; k < n; k++) {
        csv_field(out, g_array_index(columns, RnExportColumn, k).name);
        if (k + 1 < n)
            g_string_append_c(out, ',');
    }
    g_string_append(out, "\r\n");
    g_autoptr(GString) text = g_string_new(NULL);
    for (guint r = 0; r < n_rows; r++) {
        for (guint k = 0; k < n_lead; k++) {
            csv_field(out, lead_cells[(gsize)r * n_lead + k]);
            if (k + 1 < n_lead || n > 0)
                g_string_append_c(out, ',');
        }
        for (guint k = 0; k < n; k++) {
            const RnExportColumn *column = &g_array_index(columns, RnExportColumn, k);
            g_string_truncate(text, 0);
            if (rn_export_cell_text(cells[(gsize)r * n + k], column->type, text))
                csv_field(out, text->str);
            if (k + 1 < n)
                g_string_append_c(out, ',');
        }
        g_string_append(out, "\r\n");
    }
    *length = out->len;
    return g_string_free(out, FALSE);
}

void rn_export_csv(const RnExportTable *t, GPtrArray *files)
{
    g_return_if_fail(t != NULL);
    g_return_if_fail(files != NULL);
    static const char *const node_lead[] = {"id"};
    static const char *const edge_lead[] = {"id", "source", "target"};
    gsize length = 0;
    char *nodes = rn_export_csv_table(t->node_columns, t->node_cells, t->n_nodes, node_lead, 1,
                                      t->node_ids, &length);
    rn_export_files_add(files, "nodes.csv", nodes, length);
    g_autofree const char **ends = g_new(const char *, (gsize)t->n_edges * 3 + 1);
    for (guint e = 0; e < t->n_edges; e++) {
        ends[3 * e] = t->edge_ids[e];
        ends[3 * e + 1] = t->node_ids[t->edge_source[e]];
        ends[3 * e + 2] = t->node_ids[t->edge_target[e]];
    }
    char *edges = rn_export_csv_table(t->edge_columns, t->edge_cells, t->n_edges, edge_lead, 3,
                                      ends, &length);
    rn_export_files_add(files, "edges.csv", edges, length);
}
