/*
 * compare_export.c — a period comparison as CSV tables (regnet compare
 * --format csv; docs/exports.md): each period's node table, the periods'
 * summaries and the comparison of consecutive periods.
 *
 * The node tables are rendered through the same neutral table as
 * analyze --format csv (export_table.c), from the node objects the analysis
 * report would hold for that period's network; the two other tables flatten
 * the comparison report's `periods` and `comparisons` objects (nested
 * objects prefixed with their name, lists left out), so they hold the JSON
 * report's values as it prints them.  CSV conventions: export_csv.c.
 */
#include <string.h>

#include "engine/error.h"
#include "output/export.h"
#include "output/sections.h"

/* A period name made safe for a file name: letters, digits, '.', '-', '_'. */
static char *file_part(const char *period)
{
    char *name = g_strdup(period);
    for (char *p = name; *p; p++)
        if (!g_ascii_isalnum(*p) && *p != '.' && *p != '-' && *p != '_')
            *p = '_';
    return name;
}

/* The flattened scalar members of each object of array, as one CSV table
 * (members named in drop left out: maps whose keys are data). */
static gboolean objects_table(const cJSON *array, const char *const *drop, const char *display,
                              GPtrArray *files, const char *name, GError **error)
{
    /* rows as nodes whose id is their position (not written) */
    g_autoptr(cJSON) rows = cJSON_CreateArray();
    guint k = 0;
    const cJSON *item;
    cJSON_ArrayForEach(item, array) {
        cJSON *row = cJSON_Duplicate(item, TRUE);
        for (guint d = 0; drop && drop[d]; d++) {
            cJSON *member;
            cJSON_ArrayForEach(member, row) {
                if (cJSON_IsObject(member))
                    cJSON_DeleteItemFromObjectCaseSensitive(member, drop[d]);
            }
        }
        char id[16];
        g_snprintf(id, sizeof id, "%u", ++k);
        cJSON_AddStringToObject(row, "id", id);
        cJSON_AddItemToArray(rows, row);
    }
    g_autoptr(RnExportTable) table = rn_export_table_from_arrays(rows, NULL, NULL, -1, display,
                                                                 error);
    if (!table)
        return FALSE;
    gsize length = 0;
    char *text = rn_export_csv_table(table->node_columns, table->node_cells, table->n_nodes,
                                     NULL, 0, NULL, &length);
    rn_export_files_add(files, name, text, length);
    return TRUE;
}

gboolean rn_comparison_export_csv(const RnComparisonReport *report, GPtrArray *files,
                                  GError **error)
{
    g_return_val_if_fail(report != NULL && files != NULL, FALSE);
    g_return_val_if_fail(error == NULL || *error == NULL, FALSE);
    const RnCompareResult *r = report->result;
    const char *kind = rn_network_kind_name(report->request->spec.kind);
    int level = report->request->spec.kind == RN_NETWORK_REGION ? report->request->spec.level
                : report->request->spec.kind == RN_NETWORK_COUNTRY ? 0
                                                                    : -1;
    g_autoptr(GHashTable) names = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    for (guint p = 0; p < r->n_periods; p++) {
        const RnPeriodResult *pr = &r->periods[p];
        g_autoptr(cJSON) nodes = rn_json_nodes(pr->network, &pr->centrality, NULL);
        g_autoptr(cJSON) edges = rn_json_edges(pr->network);
        g_autofree char *display = g_strdup_printf("period '%s'", pr->period);
        g_autoptr(RnExportTable) table = rn_export_table_from_arrays(
            nodes, edges, strcmp(kind, "org") == 0 ? "organisation" : kind, level, display,
            error);
        if (!table)
            return FALSE;
        g_autofree char *part = file_part(pr->period);
        char *name = g_strdup_printf("nodes_%s.csv", part);
        if (g_hash_table_contains(names, name)) { /* "2014/2020" and "2014_2020" */
            g_free(name);
            name = g_strdup_printf("nodes_%s_%u.csv", part, p + 1);
        }
        g_hash_table_add(names, name);
        g_autoptr(GPtrArray) tables = rn_export_files_new();
        rn_export_csv(table, tables);
        RnExportFile *node_file = g_ptr_array_index(tables, 0);
        rn_export_files_add(files, name, g_steal_pointer(&node_file->data), node_file->length);
    }
    g_autoptr(cJSON) document = rn_comparison_document(report);
    static const char *const drop[] = {"projects_by_theme", NULL};
    return objects_table(cJSON_GetObjectItemCaseSensitive(document, "periods"), drop, "periods",
                         files, "periods.csv", error) &&
           objects_table(cJSON_GetObjectItemCaseSensitive(document, "comparisons"), NULL,
                         "comparisons", files, "comparison.csv", error);
}
