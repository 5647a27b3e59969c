/*
 * api.c — query strings into the option table's settings, a query run into
 * the CLI's bytes, and the dataset's description (see api.h).
 */
#include "server/api.h"

#include "output/describe_report.h"

#include <cjson/cJSON.h>
#include <string.h>

#include "analyses/compare.h"
#include "analyses/run.h"
#include "engine/error.h"
#include "output/export.h"
#include "output/output.h"

G_DEFINE_AUTOPTR_CLEANUP_FUNC(cJSON, cJSON_Delete)

/* Options the server decides: never query parameters. */
static const char *const server_owned[] = {"dataset", "output", "threads", "quiet",
                                           "timings", "skip-invalid-rows", "nuts-edition",
                                           "progress", NULL};

static RnCommand command_of(RnApiKind kind)
{
    return kind == RN_API_COMPARE ? RN_COMMAND_COMPARE : RN_COMMAND_ANALYZE;
}

static gboolean is_parameter(const RnOptionSpec *spec, RnCommand command)
{
    return (spec->commands & command) &&
           !g_strv_contains(server_owned, spec->name);
}

/* "alpha, bridges, ... or weight": the parameters of command. */
static char *parameter_list(RnCommand command)
{
    guint n = 0;
    const RnOptionSpec *table = rn_option_table(&n);
    g_autoptr(GPtrArray) names = g_ptr_array_new();
    for (guint k = 0; k < n; k++)
        if (is_parameter(&table[k], command))
            g_ptr_array_add(names, (gpointer)table[k].name);
    g_ptr_array_add(names, (gpointer) "file");
    GString *text = g_string_new(NULL);
    for (guint k = 0; k < names->len; k++)
        for (guint j = k + 1; j < names->len; j++)
            if (strcmp(g_ptr_array_index(names, j), g_ptr_array_index(names, k)) < 0) {
                gpointer t = names->pdata[k];
                names->pdata[k] = names->pdata[j];
                names->pdata[j] = t;
            }
    for (guint k = 0; k < names->len; k++)
        g_string_append_printf(text, "%s%s", k == 0 ? "" : k + 1 < names->len ? ", " : " or ",
                               (const char *)g_ptr_array_index(names, k));
    return g_string_free(text, FALSE);
}

/* A parameter name or value for a message: at most 60 characters, UTF-8. */
static char *shown(const char *text)
{
    if (!g_utf8_validate(text, -1, NULL))
        return g_strdup("(not UTF-8)");
    if (g_utf8_strlen(text, -1) <= 60)
        return g_strdup(text);
    g_autofree char *head = g_utf8_substring(text, 0, 60);
    return g_strconcat(head, "…", NULL);
}

void rn_api_query_free(RnApiQuery *query)
{
    if (!query)
        return;
    rn_settings_clear(&query->settings);
    g_free(query->file);
    g_free(query->key);
    g_free(query);
}

/* The normalised text of option k's value in settings. */
static void append_value(GString *key, const RnOptionSpec *spec, const RnSettings *s)
{
    gconstpointer field = (const char *)s + spec->offset;
    switch (spec->type) {
    case RN_OPTION_FLAG:
        g_string_append(key, "1");
        break;
    case RN_OPTION_INT:
        g_string_append_printf(key, "%" G_GINT64_FORMAT, *(const gint64 *)field);
        break;
    case RN_OPTION_NUMBER: {
        char buffer[G_ASCII_DTOSTR_BUF_SIZE];
        g_string_append(key, g_ascii_dtostr(buffer, sizeof buffer, *(const double *)field));
        break;
    }
    case RN_OPTION_CHOICE:
    case RN_OPTION_TEXT:
        g_string_append_uri_escaped(key, *(char *const *)field, NULL, TRUE);
        break;
    case RN_OPTION_REGEX:
        g_string_append_uri_escaped(key, g_regex_get_pattern(*(GRegex *const *)field), NULL,
                                    TRUE);
        break;
    case RN_OPTION_SET: /* the set, whatever the order the names were given in */
        g_string_append_printf(key, "%" G_GUINT64_FORMAT, *(const guint64 *)field);
        break;
    case RN_OPTION_PAIR: {
        char buffer[G_ASCII_DTOSTR_BUF_SIZE];
        const double *pair = field;
        g_string_append(key, g_ascii_dtostr(buffer, sizeof buffer, pair[0]));
        g_string_append_c(key, ',');
        g_string_append(key, g_ascii_dtostr(buffer, sizeof buffer, pair[1]));
        break;
    }
    }
}

RnApiQuery *rn_api_query_parse(RnApiKind kind, const char *query, const char *dataset,
                               GError **error)
{
    g_return_val_if_fail(dataset != NULL, NULL);
    g_return_val_if_fail(error == NULL || *error == NULL, NULL);
    RnCommand command = command_of(kind);
    g_autoptr(RnApiQuery) q = g_new0(RnApiQuery, 1);
    q->kind = kind;
    rn_settings_init(&q->settings);
    if (query && strlen(query) > RN_API_QUERY_MAX) {
        g_set_error(error, RN_ERROR, RN_ERROR_USAGE,
                    "the query string holds %zu bytes; expected at most %d", strlen(query),
                    RN_API_QUERY_MAX);
        return NULL;
    }
    g_autoptr(GHashTable) seen = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    g_auto(GStrv) parts = g_strsplit(query ? query : "", "&", -1);
    for (guint k = 0; parts[k]; k++) {
        if (!*parts[k])
            continue;
        /* application/x-www-form-urlencoded: '+' is a space; a bare name has an empty value */
        g_strdelimit(parts[k], "+", ' ');
        char *equals = strchr(parts[k], '=');
        if (equals)
            *equals = '\0';
        g_autofree char *n = g_uri_unescape_string(parts[k], NULL);
        g_autofree char *v = g_uri_unescape_string(equals ? equals + 1 : "", NULL);
        if (!n || !v || !*n) {
            g_set_error(error, RN_ERROR, RN_ERROR_USAGE,
                        "the query string is not valid URL encoding at parameter %u; expected "
                        "name=value pairs separated by '&'", k + 1);
            return NULL;
        }
        g_autofree char *display = shown(n);
        if (g_hash_table_contains(seen, n)) {
            g_set_error(error, RN_ERROR, RN_ERROR_USAGE,
                        "parameter '%s' is given twice; expected it once", display);
            return NULL;
        }
        g_hash_table_add(seen, g_strdup(n));
        if (strcmp(n, "file") == 0) {
            if (!*v || strchr(v, '/') || !g_utf8_validate(v, -1, NULL)) {
                g_autofree char *text = shown(v);
                g_set_error(error, RN_ERROR, RN_ERROR_USAGE,
                            "file '%s' is not a file name; expected a file of the folder "
                            "format (e.g. nodes.csv)", text);
                return NULL;
            }
            q->file = g_strdup(v);
            continue;
        }
        const RnOptionSpec *spec = strlen(n) > 1 ? rn_option_find(n) : NULL;
        if (!spec || !is_parameter(spec, command)) {
            g_autofree char *list = parameter_list(command);
            g_set_error(error, RN_ERROR, RN_ERROR_USAGE,
                        "unknown parameter '%s' of /api/%s; expected %s", display,
                        kind == RN_API_COMPARE ? "compare" : "analyze", list);
            return NULL;
        }
        if (spec->type == RN_OPTION_FLAG && *v && strcmp(v, "1") != 0 && strcmp(v, "true") != 0) {
            g_autofree char *text = shown(v);
            g_set_error(error, RN_ERROR, RN_ERROR_USAGE,
                        "%s '%s' is not a flag value; expected '1', 'true' or nothing",
                        spec->name, text);
            return NULL;
        }
        if (!rn_settings_set(&q->settings, spec, v, spec->name, error))
            return NULL;
    }
    q->settings.dataset = g_strdup(dataset);
    q->settings.output = g_strdup("-");
    if (q->settings.format && kind == RN_API_ANALYZE) {
        RnExportFormat format = RN_EXPORT_JSON;
        rn_export_format_parse(q->settings.format, &format);
        /* a folder format cannot go to stdout on the command line; here it answers one file */
        if (rn_export_format_is_folder(format)) {
            g_free(q->settings.output);
            q->settings.output = g_strdup("folder");
        }
    }
    if (q->settings.format && kind == RN_API_COMPARE && strcmp(q->settings.format, "csv") == 0) {
        g_free(q->settings.output);
        q->settings.output = g_strdup("folder");
    }
    if (!rn_settings_check(&q->settings, command, error))
        return NULL;
    guint n = 0;
    const RnOptionSpec *table = rn_option_table(&n);
    GString *key = g_string_new(kind == RN_API_COMPARE ? "compare?" : "analyze?");
    for (guint k = 0; k < n; k++) {
        if (!(q->settings.given >> k & 1))
            continue;
        g_string_append_printf(key, "%s=", table[k].name);
        append_value(key, &table[k], &q->settings);
        g_string_append_c(key, '&');
    }
    if (q->file) {
        g_string_append(key, "file=");
        g_string_append_uri_escaped(key, q->file, NULL, TRUE);
    }
    q->key = g_string_free(key, FALSE);
    return g_steal_pointer(&q);
}

char *rn_api_error_json(guint status, const char *message)
{
    g_autoptr(cJSON) root = cJSON_CreateObject();
    cJSON_AddStringToObject(root, "error", message);
    cJSON_AddNumberToObject(root, "status", status);
    char *text = cJSON_PrintUnformatted(root);
    g_autofree char *json = g_strdup(text);
    cJSON_free(text);
    return g_strconcat(json, "\n", NULL);
}

RnApiResponse *rn_api_response_new(guint status, const char *content_type, const char *text,
                                   const char *filename)
{
    RnApiResponse *r = g_new0(RnApiResponse, 1);
    r->status = status;
    r->content_type = g_strdup(content_type);
    r->body = g_bytes_new(text, strlen(text));
    r->filename = g_strdup(filename);
    return r;
}

RnApiResponse *rn_api_error_response(guint status, const char *message)
{
    g_autofree char *json = rn_api_error_json(status, message);
    return rn_api_response_new(status, "application/json", json, NULL);
}

void rn_api_response_free(RnApiResponse *response)
{
    if (!response)
        return;
    g_free(response->content_type);
    g_bytes_unref(response->body);
    g_free(response->filename);
    g_free(response);
}

static RnApiResponse *error_response(GError *error)
{
    guint status = error->domain == RN_ERROR && error->code == RN_ERROR_USAGE ? 400 : 500;
    return rn_api_error_response(status, error->message);
}

/* The media type and file extension of format. */
static void format_type(RnExportFormat format, const char **type, const char **extension)
{
    static const struct {
        const char *type, *extension;
    } types[] = {
        [RN_EXPORT_JSON] = {"application/json", "json"},
        [RN_EXPORT_GEXF] = {"application/xml", "gexf"},
        [RN_EXPORT_GEXF_1_2] = {"application/xml", "gexf"},
        [RN_EXPORT_GRAPHML] = {"application/xml", "graphml"},
        [RN_EXPORT_NODE_LINK] = {"application/json", "json"},
        [RN_EXPORT_CYTOSCAPE] = {"application/json", "json"},
        [RN_EXPORT_CSV] = {"text/csv; charset=utf-8", "csv"},
        [RN_EXPORT_PAJEK] = {"text/plain; charset=utf-8", "net"},
        [RN_EXPORT_DL] = {"text/plain; charset=utf-8", "dl"},
    };
    *type = types[format].type;
    *extension = types[format].extension;
}

/* The file of files the query names (the first when it names none). */
static RnApiResponse *pick_file(GPtrArray *files, const RnApiQuery *query, const char *type,
                                const char *default_name)
{
    const RnExportFile *chosen = NULL;
    GString *names = g_string_new(NULL);
    for (guint k = 0; k < files->len; k++) {
        const RnExportFile *file = g_ptr_array_index(files, k);
        g_string_append_printf(names, "%s'%s'", k == 0 ? "" : ", ",
                               file->name ? file->name : default_name);
        if (!chosen && (!query->file || g_strcmp0(query->file, file->name) == 0))
            chosen = file;
    }
    g_autofree char *list = g_string_free(names, FALSE);
    if (!chosen) {
        g_autofree char *text = shown(query->file);
        g_autofree char *message = g_strdup_printf("file '%s' is not a file of this format; "
                                                   "expected one of %s", text, list);
        return rn_api_error_response(404, message);
    }
    RnApiResponse *r = g_new0(RnApiResponse, 1);
    r->status = 200;
    r->content_type = g_strdup(type);
    r->body = g_bytes_new(chosen->data, chosen->length);
    r->filename = g_strdup(chosen->name ? chosen->name : default_name);
    return r;
}

static RnApiResponse *run_analyze(const RnModel *model, const char *dataset_name,
                                  const char *dataset_file, const RnApiQuery *query)
{
    RnAnalysisRequest request;
    rn_settings_analysis_request(&query->settings, &request);
    RnExportFormat format = RN_EXPORT_JSON;
    if (query->settings.format)
        rn_export_format_parse(query->settings.format, &format);
    if (query->file && !rn_export_format_is_folder(format))
        return rn_api_error_response(400, "file applies to a folder format (format=csv) only");
    GError *error = NULL;
    RnAnalysisResult result;
    if (!rn_analysis_run(model, &request, &result, &error)) {
        RnApiResponse *r = error_response(error);
        g_error_free(error);
        return r;
    }
    RnReport report = {.dataset_name = dataset_name, .dataset_file = dataset_file,
                       .model = model, .request = &request, .result = &result};
    RnApiResponse *response = NULL;
    const char *type, *extension;
    format_type(format, &type, &extension);
    g_autofree char *name = g_strdup_printf("report.%s", extension);
    if (format == RN_EXPORT_JSON) {
        g_autofree char *json = rn_report_render(&report);
        response = rn_api_response_new(200, type, json, name);
    } else {
        g_autoptr(RnExportTable) table = rn_export_table_new(rn_report_document(&report),
                                                             "report", &error);
        g_autoptr(GPtrArray) files = rn_export_files_new();
        if (table && rn_export_render(table, format, files, &error))
            response = pick_file(files, query, type, name);
        else {
            response = error_response(error);
            g_error_free(error);
        }
    }
    rn_analysis_result_clear(&result);
    return response;
}

static RnApiResponse *run_compare(const RnModel *model, const char *dataset_name,
                                  const char *dataset_file, const RnApiQuery *query)
{
    RnCompareRequest request;
    rn_settings_compare_request(&query->settings, &request);
    gboolean csv = g_strcmp0(query->settings.format, "csv") == 0;
    if (query->file && !csv)
        return rn_api_error_response(400, "file applies to a folder format (format=csv) only");
    GError *error = NULL;
    RnCompareResult result;
    if (!rn_compare_run(model, &request, &result, &error)) {
        g_prefix_error(&error, "%s: ", dataset_file);
        RnApiResponse *r = error_response(error);
        g_error_free(error);
        return r;
    }
    RnComparisonReport report = {.dataset_name = dataset_name, .dataset_file = dataset_file,
                                 .model = model, .request = &request, .result = &result};
    RnApiResponse *response;
    if (csv) {
        g_autoptr(GPtrArray) files = rn_export_files_new();
        if (rn_comparison_export_csv(&report, files, &error))
            response = pick_file(files, query, "text/csv; charset=utf-8", "comparison.csv");
        else {
            response = error_response(error);
            g_error_free(error);
        }
    } else {
        g_autofree char *json = rn_comparison_render(&report);
        response = rn_api_response_new(200, "application/json", json, "comparison.json");
    }
    rn_compare_result_clear(&result);
    return response;
}

RnApiResponse *rn_api_run(const RnModel *model, const char *dataset_name,
                          const char *dataset_file, const RnApiQuery *query)
{
    g_return_val_if_fail(model != NULL && query != NULL && dataset_file != NULL, NULL);
    if (query->kind == RN_API_COMPARE)
        return run_compare(model, dataset_name, dataset_file, query);
    return run_analyze(model, dataset_name, dataset_file, query);
}

char *rn_api_describe(const RnModel *model, const char *dataset_name, const char *dataset_file)
{
    g_return_val_if_fail(model != NULL, NULL);
    RnDescription description;
    rn_describe(model, &description);
    RnDescribeReport report = {.dataset_name = dataset_name, .dataset_file = dataset_file,
                               .model = model, .description = &description};
    char *json = rn_describe_render(&report);
    rn_description_clear(&description);
    return json;
}
