/*
 * export_pajek.c — Pajek .net, read by Pajek, igraph (read_graph(format =
 * "pajek")), R's network package (read.paj) and NetworkX (read_pajek).
 *
 * Specification: the Pajek manual (Batagelj and Mrvar, "Pajek: Program for
 * Analysis and Visualization of Large Networks", section on the .net
 * format): "*Vertices N" with one line per vertex "k "label" [x y z]",
 * then "*Edges" with "i j weight" for undirected ties.
 *
 * Quirks handled on purpose:
 *  - the vertex label is the node id (unique, what the report's edges name);
 *  - labels are in double quotes and Pajek has no escape for a quote inside
 *    one: a '"' in an id becomes "'"; tabs and line breaks become spaces;
 *  - Pajek reads lines of limited length: a label is cut to
 *    PAJEK_LABEL_MAX characters (on a UTF-8 character boundary), and a cut
 *    that would make two labels equal gets the vertex number appended, so
 *    labels stay unique;
 *  - coordinates (when the nodes carry lon and lat) are Pajek's x y z in
 *    [0, 1]: longitude and latitude scaled to the box of all nodes, y
 *    turned so north is up (Pajek's y grows downwards);
 *  - lines end in CRLF (Pajek is a Windows program; igraph and NetworkX
 *    read either), the first lines are % comments with the dataset and its
 *    attribution;
 *  - no attributes besides the weight: .net has none (use GraphML or CSV).
 */
#include <math.h>
#include <string.h>

#include "output/export.h"

#define PAJEK_LABEL_MAX 200

/* The label of vertex k (1-based) for id, cut and cleaned (caller frees). */
static char *pajek_label(const char *id)
{
    GString *out = g_string_new(NULL);
    glong n = 0;
    for (const char *p = id; *p && n < PAJEK_LABEL_MAX; p = g_utf8_next_char(p), n++) {
        gunichar c = g_utf8_get_char(p);
        if (c == '"')
            g_string_append_c(out, '\'');
        else if (c < 0x20)
            g_string_append_c(out, ' ');
        else
            g_string_append_len(out, p, g_utf8_next_char(p) - p);
    }
    return g_string_free(out, FALSE);
}

/* A comment line: "% text" with line breaks removed. */
static void comment(GString *out, const char *text)
{
    g_autofree char *clean = g_strdup(text);
    g_strdelimit(clean, "\r\n", ' ');
    g_string_append_printf(out, "%% %s\r\n", clean);
}

void rn_export_pajek(const RnExportTable *t, GPtrArray *files)
{
    g_return_if_fail(t != NULL);
    g_return_if_fail(files != NULL);
    GString *out = g_string_sized_new(64 + (gsize)t->n_nodes * 40 + (gsize)t->n_edges * 16);
    comment(out, "Pajek network written by regnet " REGNET_VERSION);
    if (t->dataset_name)
        comment(out, t->dataset_name);
    if (t->attribution)
        comment(out, t->attribution);
    g_string_append_printf(out, "*Vertices %u\r\n", t->n_nodes);
    guint n_columns = t->node_columns->len;
    double lon_min = INFINITY, lon_max = -INFINITY, lat_min = INFINITY, lat_max = -INFINITY;
    gboolean positions = t->lon_column >= 0 && t->lat_column >= 0;
    for (guint i = 0; positions && i < t->n_nodes; i++) {
        const cJSON *lon = t->node_cells[(gsize)i * n_columns + t->lon_column];
        const cJSON *lat = t->node_cells[(gsize)i * n_columns + t->lat_column];
        if (!cJSON_IsNumber(lon) || !cJSON_IsNumber(lat))
            continue;
        lon_min = fmin(lon_min, lon->valuedouble);
        lon_max = fmax(lon_max, lon->valuedouble);
        lat_min = fmin(lat_min, lat->valuedouble);
        lat_max = fmax(lat_max, lat->valuedouble);
    }
    /* one scale for both axes keeps the map's shape */
    double span = fmax(fmax(lon_max - lon_min, lat_max - lat_min), 1e-9);
    g_autoptr(GHashTable) used = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    for (guint i = 0; i < t->n_nodes; i++) {
        char *label = pajek_label(t->node_ids[i]);
        if (g_hash_table_contains(used, label)) {
            char *unique = g_strdup_printf("%s #%u", label, i + 1);
            g_free(label);
            label = unique;
        }
        g_string_append_printf(out, "%u \"%s\"", i + 1, label);
        g_hash_table_add(used, label);
        const cJSON *lon = positions ? t->node_cells[(gsize)i * n_columns + t->lon_column] : NULL;
        const cJSON *lat = positions ? t->node_cells[(gsize)i * n_columns + t->lat_column] : NULL;
        if (cJSON_IsNumber(lon) && cJSON_IsNumber(lat))
            g_string_append_printf(out, " %.6f %.6f 0.5", (lon->valuedouble - lon_min) / span,
                                   1.0 - (lat->valuedouble - lat_min) / span);
        g_string_append(out, "\r\n");
    }
    g_string_append(out, "*Edges\r\n");
    for (guint e = 0; e < t->n_edges; e++) {
        g_string_append_printf(out, "%u %u ", t->edge_source[e] + 1, t->edge_target[e] + 1);
        rn_export_number_text(t->edge_weight[e], out);
        g_string_append(out, "\r\n");
    }
    gsize length = out->len;
    rn_export_files_add(files, NULL, g_string_free(out, FALSE), length);
}
