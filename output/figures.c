/*
 * figures.c — reads the report into the figures' graph (figure_graph.h) and
 * renders every figure (see figures.h).
 *
 * Colours: nodes are coloured by their `group` (with --group), else by
 * `country`; the groups with the most nodes (ties: the larger sum of the
 * sizing metric, then label order) take the palette's colours, the rest
 * share the grey of "other".
 */
#include "output/figures.h"

#include <math.h>
#include <string.h>

#include "engine/error.h"
#include "output/export.h"
#include "output/figure_canvas.h"
#include "output/figure_graph.h"
#include "output/sections.h"

const char *const rn_figure_metrics[] = {"degree", "strength", "betweenness", "harmonic",
                                         "closeness", "eigenvector", "pagerank", NULL};

static double number_member(const cJSON *object, const char *name)
{
    const cJSON *item = cJSON_GetObjectItemCaseSensitive(object, name);
    return cJSON_IsNumber(item) ? item->valuedouble : NAN;
}

static const char *string_member(const cJSON *object, const char *name)
{
    const cJSON *item = cJSON_GetObjectItemCaseSensitive(object, name);
    return cJSON_IsString(item) ? item->valuestring : NULL;
}

static void graph_clear(RnFigureGraph *g)
{
    g_free(g->ids);
    g_free(g->labels);
    g_free(g->metrics);
    g_free(g->size);
    g_free(g->lon);
    g_free(g->lat);
    g_free(g->colour);
    if (g->legend)
        g_ptr_array_unref(g->legend);
    g_free(g->source);
    g_free(g->target);
    g_free(g->weight);
    g_free(g->edge_order);
    g_free(g->title);
    g_free(g->note);
    g_free(g->group_labels);
    g_free(g->ties);
}

typedef struct {
    const char *label;
    guint count;
    double size;    /* sum of the sizing metric over the group's nodes */
} GroupCount;

static int by_count(gconstpointer a, gconstpointer b)
{
    const GroupCount *x = a, *y = b;
    if (x->count != y->count)
        return x->count > y->count ? -1 : 1;
    if (x->size != y->size)
        return x->size > y->size ? -1 : 1;
    return strcmp(x->label, y->label);
}

/* Colours by `group`, else `country`. */
static void assign_colours(RnFigureGraph *g, const cJSON *nodes)
{
    g->colour = g_new0(guint, MAX(g->n, 1));
    g->legend = g_ptr_array_new_with_free_func(g_free);
    const cJSON *first = cJSON_GetArrayItem(nodes, 0);
    const char *by = first && string_member(first, "group") ? "group"
                     : first && string_member(first, "country") ? "country" : NULL;
    if (!by) {
        g->colour_by = NULL;
        return;
    }
    g->colour_by = by;
    g_autoptr(GHashTable) counts = g_hash_table_new(g_str_hash, g_str_equal);
    const char **of_node = g_new0(const char *, MAX(g->n, 1));
    guint i = 0;
    const cJSON *node;
    cJSON_ArrayForEach(node, nodes) {
        const char *label = string_member(node, by);
        of_node[i++] = label ? label : "";
        gpointer old = g_hash_table_lookup(counts, of_node[i - 1]);
        g_hash_table_insert(counts, (gpointer)of_node[i - 1],
                            GUINT_TO_POINTER(GPOINTER_TO_UINT(old) + 1));
    }
    g_autoptr(GArray) list = g_array_new(FALSE, FALSE, sizeof(GroupCount));
    g_autoptr(GHashTable) position = g_hash_table_new(g_str_hash, g_str_equal);
    GHashTableIter it;
    gpointer key, value;
    g_hash_table_iter_init(&it, counts);
    while (g_hash_table_iter_next(&it, &key, &value)) {
        GroupCount c = {key, GPOINTER_TO_UINT(value), 0};
        g_array_append_val(list, c);
        g_hash_table_insert(position, key, GUINT_TO_POINTER(list->len));
    }
    for (i = 0; i < g->n; i++)
        if (isfinite(g->size[i]))
            g_array_index(list, GroupCount,
                          GPOINTER_TO_UINT(g_hash_table_lookup(position, of_node[i])) - 1)
                .size += g->size[i];
    g_array_sort(list, by_count);
    /* With more groups than colours, the last colour is left for "other". */
    guint coloured = list->len <= RN_PALETTE_SIZE ? list->len : RN_PALETTE_SIZE - 1;
    g_autoptr(GHashTable) index = g_hash_table_new(g_str_hash, g_str_equal);
    for (guint k = 0; k < coloured; k++) {
        const char *label = g_array_index(list, GroupCount, k).label;
        g_ptr_array_add(g->legend, g_strdup(*label ? label : "(none)"));
        g_hash_table_insert(index, (gpointer)label, GUINT_TO_POINTER(k + 1));
    }
    for (i = 0; i < g->n; i++) {
        guint k = GPOINTER_TO_UINT(g_hash_table_lookup(index, of_node[i]));
        g->colour[i] = k ? k - 1 : RN_PALETTE_SIZE;
        g->legend_other |= k == 0;
    }
    g_free(of_node);
}

static int by_weight(gconstpointer a, gconstpointer b, gpointer data)
{
    const double *w = data;
    guint x = *(const guint *)a, y = *(const guint *)b;
    if (w[x] != w[y])
        return w[x] < w[y] ? -1 : 1;
    return x < y ? -1 : x > y;
}

/* Reads the mixing matrix (analyses.mixing) when the report has one. */
static gboolean read_mixing(RnFigureGraph *g, const cJSON *report, const char *display,
                            GError **error)
{
    const cJSON *analyses = cJSON_GetObjectItemCaseSensitive(report, "analyses");
    const cJSON *mixing = cJSON_GetObjectItemCaseSensitive(analyses, "mixing");
    if (!mixing)
        return TRUE;
    const cJSON *groups = cJSON_GetObjectItemCaseSensitive(mixing, "groups");
    const cJSON *ties = cJSON_GetObjectItemCaseSensitive(mixing, "ties");
    guint G = cJSON_IsArray(groups) ? (guint)cJSON_GetArraySize(groups) : 0;
    if (!cJSON_IsArray(ties) || (guint)cJSON_GetArraySize(ties) != G) {
        g_set_error(error, RN_ERROR, RN_ERROR_DATA,
                    "%s: analyses.mixing: 'ties' is not a square matrix over 'groups'; expected "
                    "one row of numbers per group", display);
        return FALSE;
    }
    g->G = G;
    g->group_labels = g_new0(const char *, MAX(G, 1));
    g->ties = g_new0(double, MAX((gsize)G * G, 1));
    g->grouping = string_member(cJSON_GetObjectItemCaseSensitive(analyses, "grouping"), "name");
    for (guint a = 0; a < G; a++) {
        const cJSON *label = cJSON_GetArrayItem(groups, (int)a);
        const cJSON *row = cJSON_GetArrayItem(ties, (int)a);
        g->group_labels[a] = cJSON_IsString(label) ? label->valuestring : "";
        if (!cJSON_IsArray(row) || (guint)cJSON_GetArraySize(row) != G) {
            g_set_error(error, RN_ERROR, RN_ERROR_DATA,
                        "%s: analyses.mixing.ties[%u]: not a row of %u numbers; expected a "
                        "square matrix", display, a, G);
            return FALSE;
        }
        for (guint b = 0; b < G; b++) {
            const cJSON *cell = cJSON_GetArrayItem(row, (int)b);
            g->ties[(gsize)a * G + b] = cJSON_IsNumber(cell) ? cell->valuedouble : 0;
        }
    }
    return TRUE;
}

static gboolean read_graph(RnFigureGraph *g, const cJSON *report, const char *display,
                           const RnFigureOptions *options, GError **error)
{
    const cJSON *nodes = cJSON_GetObjectItemCaseSensitive(report, "nodes");
    const cJSON *edges = cJSON_GetObjectItemCaseSensitive(report, "edges");
    if (!cJSON_IsArray(nodes) || !cJSON_IsArray(edges)) {
        g_set_error(error, RN_ERROR, RN_ERROR_DATA,
                    "%s: no 'nodes' and 'edges' arrays; expected a regnet report", display);
        return FALSE;
    }
    g->n = (guint)cJSON_GetArraySize(nodes);
    g->ids = g_new0(const char *, MAX(g->n, 1));
    g->labels = g_new0(const char *, MAX(g->n, 1));
    g->metrics = g_new0(const cJSON *, MAX(g->n, 1));
    g->size = g_new0(double, MAX(g->n, 1));
    g->lon = g_new0(double, MAX(g->n, 1));
    g->lat = g_new0(double, MAX(g->n, 1));
    g->size_name = options->metric;
    g_autoptr(GHashTable) index = g_hash_table_new(g_str_hash, g_str_equal);
    guint i = 0;
    const cJSON *node;
    cJSON_ArrayForEach(node, nodes) {
        const char *id = string_member(node, "id");
        const cJSON *metrics = cJSON_GetObjectItemCaseSensitive(node, "metrics");
        if (!id || !cJSON_IsObject(metrics)) {
            g_set_error(error, RN_ERROR, RN_ERROR_DATA,
                        "%s: nodes[%u]: no 'id' string or 'metrics' object; expected a regnet "
                        "report's node", display, i);
            return FALSE;
        }
        const char *label = string_member(node, "label");
        g->ids[i] = id;
        g->labels[i] = label && *label ? label : id;
        g->metrics[i] = metrics;
        g->size[i] = number_member(metrics, options->metric);
        if (isfinite(g->size[i]))
            g->size_max = fmax(g->size_max, g->size[i]);
        g->lon[i] = number_member(node, "lon");
        g->lat[i] = number_member(node, "lat");
        g->located += isfinite(g->lon[i]) && isfinite(g->lat[i]);
        g_hash_table_insert(index, (gpointer)id, GUINT_TO_POINTER(i + 1));
        i++;
    }
    g->m = (guint)cJSON_GetArraySize(edges);
    g->source = g_new0(guint, MAX(g->m, 1));
    g->target = g_new0(guint, MAX(g->m, 1));
    g->weight = g_new0(double, MAX(g->m, 1));
    g->edge_order = g_new0(guint, MAX(g->m, 1));
    guint e = 0;
    const cJSON *edge;
    cJSON_ArrayForEach(edge, edges) {
        const char *s = string_member(edge, "source"), *t = string_member(edge, "target");
        guint a = s ? GPOINTER_TO_UINT(g_hash_table_lookup(index, s)) : 0;
        guint b = t ? GPOINTER_TO_UINT(g_hash_table_lookup(index, t)) : 0;
        if (!a || !b) {
            g_set_error(error, RN_ERROR, RN_ERROR_DATA,
                        "%s: edges[%u]: 'source' or 'target' is not a node id; expected the "
                        "ids of two nodes", display, e);
            return FALSE;
        }
        double w = number_member(edge, "weight");
        g->source[e] = a - 1;
        g->target[e] = b - 1;
        g->weight[e] = isfinite(w) ? w : 1.0;
        g->weight_max = fmax(g->weight_max, g->weight[e]);
        g->edge_order[e] = e;
        e++;
    }
    g_qsort_with_data(g->edge_order, (gint)g->m, sizeof(guint), by_weight, g->weight);
    assign_colours(g, nodes);
    const cJSON *parameters = cJSON_GetObjectItemCaseSensitive(report, "parameters");
    const char *network = string_member(parameters, "network");
    const cJSON *level = cJSON_GetObjectItemCaseSensitive(parameters, "level");
    const cJSON *dataset = cJSON_GetObjectItemCaseSensitive(report, "dataset");
    const char *name = string_member(dataset, "name");
    const char *attribution = string_member(dataset, "attribution");
    g->is_region = network && (strcmp(network, "region") == 0 || strcmp(network, "country") == 0);
    g_autofree char *what = network && strcmp(network, "region") == 0 && cJSON_IsNumber(level)
                                ? g_strdup_printf("NUTS %d regions", level->valueint)
                            : network && strcmp(network, "org") == 0 ? g_strdup("organisations")
                            : network && strcmp(network, "country") == 0 ? g_strdup("countries")
                            : g_strdup(network ? network : "network");
    g->title = g_strdup_printf("%s — %s", name ? name : "regnet report", what);
    g->note = g_strdup(attribution ? attribution : "");
    g->layout = options->layout;
    return read_mixing(g, report, display, error);
}

/* Adds figures.json: what was drawn and how. */
static void add_manifest(const RnFigureGraph *g, const RnFigureOptions *options,
                         GPtrArray *files, const char *map_note)
{
    cJSON *root = cJSON_CreateObject();
    cJSON_AddStringToObject(root, "schema", "regnet-figures");
    cJSON_AddStringToObject(root, "size_metric", options->metric);
    cJSON_AddNumberToObject(root, "top", options->top);
    rn_json_add_optional_string(root, "coloured_by", g->colour_by);
    if (options->layout) {
        cJSON *layout = cJSON_AddObjectToObject(root, "layout");
        cJSON_AddStringToObject(layout, "algorithm", options->layout_name);
        char seed[32];
        g_snprintf(seed, sizeof seed, "%" G_GUINT64_FORMAT, options->seed);
        cJSON_AddRawToObject(layout, "seed", seed);
    }
    cJSON *list = cJSON_AddArrayToObject(root, "files");
    for (guint k = 0; k < files->len; k++)
        cJSON_AddItemToArray(list, cJSON_CreateString(((RnExportFile *)g_ptr_array_index(files, k))->name));
    if (map_note)
        cJSON_AddStringToObject(root, "map_attribution", map_note);
    cJSON_AddStringToObject(root, "attribution", g->note);
    char *text = cJSON_Print(root);
    cJSON_Delete(root);
    char *out = g_strconcat(text, "\n", NULL);
    cJSON_free(text);
    rn_export_files_add(files, "figures.json", out, strlen(out));
}

/* TRUE when the JSON array holds the string text. */
static gboolean json_array_has(const cJSON *array, const char *text)
{
    const cJSON *item;
    cJSON_ArrayForEach(item, array)
    {
        if (cJSON_IsString(item) && strcmp(item->valuestring, text) == 0)
            return TRUE;
    }
    return FALSE;
}

gboolean rn_figures_render(const cJSON *report, const char *display,
                           const RnFigureOptions *options, GPtrArray *files, GError **error)
{
    g_return_val_if_fail(report != NULL && options != NULL && options->metric != NULL &&
                         files != NULL, FALSE);
    g_return_val_if_fail(error == NULL || *error == NULL, FALSE);
    if (!display)
        display = "report";
    RnFigureGraph g = {0};
    gboolean ok = read_graph(&g, report, display, options, error);
    /* A report of `--metrics LIST` lists what it computed: no chart of a
     * centrality it left out (all null). */
    const cJSON *parameters = cJSON_GetObjectItemCaseSensitive(report, "parameters");
    const cJSON *computed = cJSON_GetObjectItemCaseSensitive(parameters, "metrics");
    for (guint k = 0; ok && rn_figure_metrics[k]; k++) {
        if (cJSON_IsArray(computed) && !json_array_has(computed, rn_figure_metrics[k]))
            continue;
        RnBarsFigure bars = {&g, rn_figure_metrics[k], options->top};
        double w, h;
        rn_figure_bars_size(&bars, &w, &h);
        g_autofree char *name = g_strconcat("bars-", rn_figure_metrics[k], NULL);
        ok = rn_figure_render(name, w, h, rn_figure_bars_draw, &bars, files, error);
    }
    if (ok && g.G > 0) {
        double w, h;
        rn_figure_mixing_size(&g, &w, &h);
        ok = rn_figure_render("mixing", w, h, rn_figure_mixing_draw, &g, files, error);
    }
    if (ok && g.layout && g.n > 0)
        ok = rn_figure_render("network", 1000, 820, rn_figure_network_draw, &g, files, error);
    const char *map_note = NULL;
    if (ok && g.is_region && g.located > 0) {
        ok = rn_figure_render("map", 1000, 860, rn_figure_map_draw, &g, files, error);
        map_note = "Country outlines: Natural Earth (public domain), via world-atlas 2.0.2";
    }
    if (ok)
        add_manifest(&g, options, files, map_note);
    graph_clear(&g);
    return ok;
}
