/*
 * dataset.c — reads a dataset description (docs/dataset.md) and runs the
 * loaders it names.
 *
 * A description is a JSON object:
 *   { "regnet_dataset": 1, "name": "...", "attribution": "...",
 *     "regions": { "file": "nuts/....csv", "nuts_edition": "2013" },
 *     "sources": [ { "format": "keep.eu-partners", "file": "...",
 *                    "nuts_edition": "2013" }, ... ] }
 * Relative paths are relative to the description's folder.  Every source that
 * carries region codes names its NUTS edition, which must be the edition of
 * the region table (editions are not harmonised yet).
 */
#include <string.h>

#include <cjson/cJSON.h>

#include "engine/sector_rules.h"

#include "engine/error.h"
#include "loaders/csv.h"
#include "loaders/description.h"
#include "loaders/harmonise.h"
#include "loaders/loaders.h"
#include "loaders/mapped.h"
#include "loaders/prefetch.h"
#include "loaders/quote.h"

/* Sets a "FILE: at PATH: message" error for a description problem. */
static void description_error(GError **error, const char *file, const char *where,
                              const char *format, ...) G_GNUC_PRINTF(4, 5);
static void description_error(GError **error, const char *file, const char *where,
                              const char *format, ...)
{
    va_list args;
    va_start(args, format);
    g_autofree char *message = g_strdup_vprintf(format, args);
    va_end(args);
    g_set_error(error, RN_ERROR, RN_ERROR_DATA, "%s: %s: %s", file, where, message);
}

/* The string member name of object, or NULL with error set. */
static const char *require_string(const cJSON *object, const char *name, const char *file,
                                  const char *where, GError **error)
{
    const cJSON *item = cJSON_GetObjectItemCaseSensitive(object, name);
    if (!cJSON_IsString(item) || !*item->valuestring) {
        description_error(error, file, where, "'%s' %s; expected a non-empty string", name,
                          item ? "is not a string" : "is missing");
        return NULL;
    }
    return item->valuestring;
}

/* A path from the description: absolute as is, else relative to base. */
static char *resolve_path(const char *base, const char *file)
{
    return g_path_is_absolute(file) ? g_strdup(file) : g_build_filename(base, file, NULL);
}

/* The nuts_edition of a mapped source, or NULL. */
static const char *optional_edition(const cJSON *source)
{
    const cJSON *item = cJSON_GetObjectItemCaseSensitive(source, "nuts_edition");
    return cJSON_IsString(item) ? item->valuestring : NULL;
}

typedef gboolean (*SourceLoader)(RnModel *, const char *, const char *,
                                 const RnLoadOptions *, GError **);

static const struct {
    const char *format;  /* name used in descriptions */
    SourceLoader load;   /* loader */
    gboolean has_regions; /* carries NUTS codes, so needs nuts_edition */
} source_formats[] = {
    {"keep.eu-partners", rn_load_keep_partners, TRUE},
    {"keep.eu-projects", rn_load_keep_projects, FALSE},
};

/* Maps the model's regions to edition target with regions.harmonisation. */
static gboolean harmonise(RnModel *model, const char *path, const char *base,
                          const cJSON *regions, const char *target, GError **error)
{
    const cJSON *editions = cJSON_GetObjectItemCaseSensitive(regions, "harmonisation");
    const cJSON *spec = cJSON_GetObjectItemCaseSensitive(editions, target);
    if (!cJSON_IsObject(spec)) {
        GString *known = g_string_new(NULL);
        const cJSON *e;
        cJSON_ArrayForEach(e, editions) {
            g_autofree char *shown = rn_excerpt(e->string);
            g_string_append_printf(known, "%s%s", known->len ? ", " : "", shown);
        }
        g_autofree char *list = g_string_free(known, FALSE);
        g_autofree char *asked = rn_excerpt(target);
        g_set_error(error, RN_ERROR, RN_ERROR_USAGE,
                    "%s: regions.harmonisation has no NUTS %s mapping; editions available: %s",
                    path, asked, *list ? list : "none");
        return FALSE;
    }
    g_autofree char *shown = rn_excerpt(target);
    g_autofree char *where = g_strdup_printf("regions.harmonisation.%s", shown);
    const char *table = require_string(spec, "file", path, where, error);
    if (!table)
        return FALSE;
    const cJSON *steps = cJSON_GetObjectItemCaseSensitive(spec, "steps");
    guint n = cJSON_IsArray(steps) ? (guint)cJSON_GetArraySize(steps) : 0;
    if (n == 0) {
        description_error(error, path, where, "'steps' is missing; expected an array of "
                          "{from, to, files}");
        return FALSE;
    }
    g_autofree RnHarmonisationStep *list = g_new0(RnHarmonisationStep, n);
    g_autoptr(GPtrArray) owned = g_ptr_array_new_with_free_func((GDestroyNotify)g_ptr_array_unref);
    for (guint k = 0; k < n; k++) {
        const cJSON *step = cJSON_GetArrayItem(steps, (int)k);
        g_autofree char *at = g_strdup_printf("%s.steps[%u]", where, k);
        list[k].from = require_string(step, "from", path, at, error);
        list[k].to = list[k].from ? require_string(step, "to", path, at, error) : NULL;
        if (!list[k].to)
            return FALSE;
        list[k].files = g_ptr_array_new_with_free_func(g_free);
        g_ptr_array_add(owned, list[k].files);
        const cJSON *file;
        cJSON_ArrayForEach(file, cJSON_GetObjectItemCaseSensitive(step, "files")) {
            if (cJSON_IsString(file))
                g_ptr_array_add(list[k].files, resolve_path(base, file->valuestring));
        }
    }
    g_autofree char *table_path = resolve_path(base, table);
    return rn_harmonise_nuts(model, target, table_path, list, n, error);
}

/* Flags provenance records first..end (one source's files) in flags. */
static void mark_records(GArray *flags, guint first, guint end, gboolean flag)
{
    g_array_set_size(flags, end);
    for (guint r = first; r < end; r++)
        g_array_index(flags, gboolean, r) = flag;
}

/* Does a source's NUTS edition equal the region table's?  Else error. */
static gboolean same_edition(const char *path, const char *where, const char *source_edition,
                             const char *edition, GError **error)
{
    if (strcmp(source_edition, edition) == 0)
        return TRUE;
    g_autofree char *shown_source = rn_excerpt(source_edition);
    g_autofree char *shown_table = rn_excerpt(edition);
    description_error(error, path, where,
                      "source uses NUTS %s but the region table is NUTS %s; expected the "
                      "same edition", shown_source, shown_table);
    return FALSE;
}

/* The delimiter the loader of source will open its file with. */
static char source_delimiter(const cJSON *source, const char *format)
{
    if (strcmp(format, "keep.eu-partners") == 0)
        return ';';
    if (strcmp(format, "keep.eu-projects") == 0)
        return ',';
    const cJSON *d = cJSON_GetObjectItemCaseSensitive(source, "delimiter");
    return cJSON_IsString(d) && strlen(d->valuestring) == 1 ? d->valuestring[0] : 0;
}

/* Plans to read every source but the first ahead, on threads of their own
 * while the first is loaded (loaders/prefetch.h); loaders take them over. */
static void prefetch_sources(RnPrefetch *prefetch, const cJSON *sources, const char *base)
{
    int index = 0;
    const cJSON *source;
    cJSON_ArrayForEach(source, sources) {
        const cJSON *format = cJSON_GetObjectItemCaseSensitive(source, "format");
        const cJSON *file = cJSON_GetObjectItemCaseSensitive(source, "file");
        if (index++ == 0 || !cJSON_IsString(format) || !cJSON_IsString(file) ||
            !*file->valuestring || g_str_has_prefix(format->valuestring, "json"))
            continue;
        g_autofree char *source_path = resolve_path(base, file->valuestring);
        rn_prefetch_add(prefetch, source_path, source_path,
                        source_delimiter(source, format->valuestring));
    }
}

static gboolean load_dataset(RnModel *model, const char *path, const RnLoadOptions *options,
                             char **name, GError **error);

static const char *const top_members[] = {"regnet_dataset", "name", "attribution", "caveats",
                                          "regions", "sources", NULL};
static const char *const region_members[] = {"file", "nuts_edition", "harmonisation", NULL};
static const char *const edition_members[] = {"file", "steps", NULL};
static const char *const step_members[] = {"from", "to", "files", NULL};
static const char *const keep_partner_members[] = {"format", "file", "nuts_edition",
                                                   "sector_from_names", NULL};
static const char *const keep_project_members[] = {"format", "file", NULL};

/* Every object of the description holds known members only (the members of
 * mapped sources are checked by their loader). */
static gboolean check_members(const cJSON *root, const char *path, GError **error)
{
    if (!rn_description_check_members(root, top_members, path, "top level", error))
        return FALSE;
    const cJSON *regions = cJSON_GetObjectItemCaseSensitive(root, "regions");
    if (!rn_description_check_members(regions, region_members, path, "regions", error))
        return FALSE;
    const cJSON *editions = cJSON_GetObjectItemCaseSensitive(regions, "harmonisation");
    if (!cJSON_IsObject(editions))
        editions = NULL;
    const cJSON *edition;
    cJSON_ArrayForEach(edition, editions) {
        g_autofree char *shown = rn_excerpt(edition->string);
        g_autofree char *where = g_strdup_printf("regions.harmonisation.%s", shown);
        if (!rn_description_check_members(edition, edition_members, path, where, error))
            return FALSE;
        int k = 0;
        const cJSON *step;
        const cJSON *steps = cJSON_GetObjectItemCaseSensitive(edition, "steps");
        if (!cJSON_IsArray(steps))
            steps = NULL;
        cJSON_ArrayForEach(step, steps) {
            g_autofree char *at = g_strdup_printf("%s.steps[%d]", where, k++);
            if (!rn_description_check_members(step, step_members, path, at, error))
                return FALSE;
        }
    }
    int index = 0;
    const cJSON *sources = cJSON_GetObjectItemCaseSensitive(root, "sources");
    if (!cJSON_IsArray(sources))
        sources = NULL;
    const cJSON *source;
    cJSON_ArrayForEach(source, sources) {
        g_autofree char *where = g_strdup_printf("sources[%d]", index++);
        const cJSON *format = cJSON_GetObjectItemCaseSensitive(source, "format");
        const char *f = cJSON_IsString(format) ? format->valuestring : "";
        const char *const *known = strcmp(f, "keep.eu-partners") == 0 ? keep_partner_members
                                   : strcmp(f, "keep.eu-projects") == 0 ? keep_project_members
                                                                        : NULL;
        if (known && !rn_description_check_members(source, known, path, where, error))
            return FALSE;
    }
    return TRUE;
}

gboolean rn_load_dataset(RnModel *model, const char *path, const RnLoadOptions *options,
                         char **name, GError **error)
{
    g_return_val_if_fail(model != NULL && path != NULL && options != NULL && name != NULL,
                         FALSE);
    g_return_val_if_fail(error == NULL || *error == NULL, FALSE);
    /* The read-ahead belongs to this load: freeing it cancels what a failed
     * load never reached, so the error comes back at once. */
    g_autoptr(RnPrefetch) prefetch = rn_prefetch_new();
    RnLoadOptions own = *options;
    own.prefetch = prefetch;
    return load_dataset(model, path, &own, name, error);
}

/* A dataset must yield participations: else every network is empty, and
 * "no project matches the filters" would blame filters nobody gave.
 * Names the participation sources and what became of their rows. */
static gboolean check_participations(const RnModel *model, const char *path, GError **error)
{
    if (model->participations->len > 0)
        return TRUE;
    g_autoptr(GString) files = g_string_new(NULL);
    for (guint i = 0; i < model->provenance->len; i++) {
        const RnProvenance *p = g_ptr_array_index(model->provenance, i);
        if (strcmp(p->format, "keep.eu-partners") != 0 && strcmp(p->format, "csv") != 0 &&
            strcmp(p->format, "json") != 0)
            continue;
        g_string_append_printf(files, "%s%s: %u rows read, %u rejected", files->len ? "; " : "",
                               p->file, p->rows_read, p->rows_rejected);
    }
    if (files->len == 0)
        g_set_error(error, RN_ERROR, RN_ERROR_DATA,
                    "%s: no participation source; expected a source of format "
                    "keep.eu-partners or csv (docs/dataset.md)", path);
    else
        g_set_error(error, RN_ERROR, RN_ERROR_DATA,
                    "%s: the sources hold no participation (%s); expected rows naming a "
                    "project and an organisation", path, files->str);
    return FALSE;
}

static gboolean load_dataset(RnModel *model, const char *path, const RnLoadOptions *options,
                             char **name, GError **error)
{
    g_autoptr(cJSON) root = rn_description_parse(path, error);
    if (!root)
        return FALSE;
    if (!cJSON_IsObject(root)) {
        description_error(error, path, "top level", "not an object; expected a dataset "
                          "description object");
        return FALSE;
    }
    if (!check_members(root, path, error))
        return FALSE;
    const cJSON *version = cJSON_GetObjectItemCaseSensitive(root, "regnet_dataset");
    if (!cJSON_IsNumber(version) || version->valueint != 1) {
        description_error(error, path, "regnet_dataset",
                          "missing or unsupported; expected 1");
        return FALSE;
    }
    const char *dataset_name = require_string(root, "name", path, "top level", error);
    if (!dataset_name)
        return FALSE;
    g_autofree char *base = g_path_get_dirname(path);

    const cJSON *regions = cJSON_GetObjectItemCaseSensitive(root, "regions");
    if (!cJSON_IsObject(regions)) {
        description_error(error, path, "regions", "missing; expected an object with "
                          "'file' and 'nuts_edition'");
        return FALSE;
    }
    const char *regions_file = require_string(regions, "file", path, "regions", error);
    const char *edition = regions_file ? require_string(regions, "nuts_edition", path,
                                                        "regions", error)
                                       : NULL;
    if (!edition)
        return FALSE;
    const cJSON *editions = cJSON_GetObjectItemCaseSensitive(regions, "harmonisation");
    if (editions && !cJSON_IsObject(editions)) {
        description_error(error, path, "regions.harmonisation", "not an object; expected "
                          "{\"2021\": {\"file\": ..., \"steps\": [...]}, ...}");
        return FALSE;
    }
    g_autofree char *regions_path = resolve_path(base, regions_file);
    if (!rn_load_nuts(model, regions_path, regions_path, edition, error))
        return FALSE;

    const cJSON *sources = cJSON_GetObjectItemCaseSensitive(root, "sources");
    if (!cJSON_IsArray(sources) || cJSON_GetArraySize(sources) == 0) {
        description_error(error, path, "sources", "missing or empty; expected an array "
                          "of source objects");
        return FALSE;
    }
    prefetch_sources(options->prefetch, sources, base);
    /* Provenance records of the sources with "sector_from_names" (docs/sectors.md). */
    g_autoptr(GArray) infer = g_array_new(FALSE, TRUE, sizeof(gboolean));
    int index = 0;
    const cJSON *source;
    cJSON_ArrayForEach(source, sources) {
        g_autofree char *where = g_strdup_printf("sources[%d]", index++);
        const char *format = require_string(source, "format", path, where, error);
        const char *file = format ? require_string(source, "file", path, where, error) : NULL;
        if (!file)
            return FALSE;
        g_autofree char *source_path = resolve_path(base, file);
        gboolean mapped = strcmp(format, "csv") == 0 || strcmp(format, "csv-organisations") == 0 ||
                          strcmp(format, "csv-projects") == 0 || strcmp(format, "json") == 0 ||
                          strcmp(format, "json-organisations") == 0 ||
                          strcmp(format, "json-projects") == 0;
        guint k = 0;
        while (k < G_N_ELEMENTS(source_formats) && strcmp(source_formats[k].format, format))
            k++;
        if (!mapped && k == G_N_ELEMENTS(source_formats)) {
            g_autofree char *quoted = rn_quote_cell(format);
            description_error(error, path, where, "unknown format %s; expected "
                              "'keep.eu-partners', 'keep.eu-projects', 'csv', "
                              "'csv-organisations', 'csv-projects', 'json', "
                              "'json-organisations' or 'json-projects'", quoted);
            return FALSE;
        }
        const cJSON *names = cJSON_GetObjectItemCaseSensitive(source, "sector_from_names");
        if (names && (!cJSON_IsBool(names) ||
                      (cJSON_IsTrue(names) && strcmp(format, "csv") != 0 &&
                       strcmp(format, "json") != 0 &&
                       strcmp(format, "keep.eu-partners") != 0))) {
            description_error(error, path, where, "'sector_from_names' must be true or false, "
                              "on a source of participations ('csv' or 'keep.eu-partners')");
            return FALSE;
        }
        guint first_record = model->provenance->len;
        const char *source_edition = mapped ? optional_edition(source) : NULL;
        if (source_edition && !same_edition(path, where, source_edition, edition, error))
            return FALSE;
        if (mapped) {
            if (!rn_load_mapped(model, format, source_path, source, path, where, options, error))
                return FALSE;
            mark_records(infer, first_record, model->provenance->len, cJSON_IsTrue(names));
            continue;
        }
        if (source_formats[k].has_regions) {
            const char *source_edition = require_string(source, "nuts_edition", path,
                                                        where, error);
            if (!source_edition)
                return FALSE;
            if (!same_edition(path, where, source_edition, edition, error))
                return FALSE;
        }
        if (!source_formats[k].load(model, source_path, source_path, options, error))
            return FALSE;
        mark_records(infer, first_record, model->provenance->len, cJSON_IsTrue(names));
    }
    if (!check_participations(model, path, error))
        return FALSE;
    rn_model_merge_by_postcode(model);
    rn_apply_cluster_registry(model);
    g_array_set_size(infer, model->provenance->len);
    rn_model_infer_sectors(model, rn_sector_rules_default(), (const gboolean *)infer->data);
    const cJSON *caveats = cJSON_GetObjectItemCaseSensitive(root, "caveats");
    const cJSON *caveat;
    cJSON_ArrayForEach(caveat, caveats) {
        if (cJSON_IsString(caveat))
            g_ptr_array_add(model->caveats, g_strdup(caveat->valuestring));
    }
    g_free(model->published_edition);
    model->published_edition = g_strdup(edition);
    const char *target = options->nuts_edition;
    if (!target && strcmp(edition, RN_DEFAULT_NUTS_EDITION) != 0) {
        const cJSON *declared = cJSON_GetObjectItemCaseSensitive(regions, "harmonisation");
        if (cJSON_GetObjectItemCaseSensitive(declared, RN_DEFAULT_NUTS_EDITION))
            target = RN_DEFAULT_NUTS_EDITION;
        else
            g_ptr_array_add(model->caveats,
                            g_strdup_printf("Regions are NUTS %s codes as the sources give them: "
                                            "the dataset declares no mapping to NUTS %s "
                                            "(regions.harmonisation), so they are not harmonised.",
                                            edition, RN_DEFAULT_NUTS_EDITION));
    }
    if (target && strcmp(target, edition) != 0 &&
        !harmonise(model, path, base, regions, target, error))
        return FALSE;
    const cJSON *attribution = cJSON_GetObjectItemCaseSensitive(root, "attribution");
    g_free(model->attribution);
    model->attribution = cJSON_IsString(attribution) && *attribution->valuestring
                             ? g_strdup(attribution->valuestring)
                             : NULL;
    *name = g_strdup(dataset_name);
    return TRUE;
}
