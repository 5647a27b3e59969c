/*
 * fuzz_json.c — libFuzzer harness: JSON partner lists read through the
 * column-mapped loader (loaders/json_records.c + loaders/mapped.c, formats
 * json, json-organisations and json-projects; docs/formats.md).
 *
 * Input: one selector byte, then the JSON document.  The selector picks one
 * source: the json sources of the fixture descriptions, and every csv,
 * csv-organisations and csv-projects source of the bundled and fixture
 * descriptions turned into its json twin (same columns, constants and
 * cleaning members; no delimiter; records at the top level, or under
 * "data.items" when bit 6 is set); bit 7 sets skip_invalid_rows.  The model
 * holds the NUTS slice of the source's edition.
 */
#include "tests/fuzz/fuzz_common.h"
#include "loaders/description.h"
#include "loaders/mapped.h"

static GPtrArray *sources; /* cJSON * (owned by roots) */
static GPtrArray *roots;   /* cJSON * */

/* Adds the json sources of relative, and the json twins of its csv ones. */
static void add_sources(const char *relative)
{
    const cJSON *source;
    cJSON_ArrayForEach(source, fz_description_sources(roots, relative)) {
        const cJSON *format = cJSON_GetObjectItemCaseSensitive(source, "format");
        if (!cJSON_IsString(format))
            continue;
        if (g_str_has_prefix(format->valuestring, "json")) {
            g_ptr_array_add(sources, (gpointer)source);
        } else if (g_str_has_prefix(format->valuestring, "csv")) {
            cJSON *twin = cJSON_Duplicate(source, TRUE);
            g_autofree char *json_format = g_strconcat("json", format->valuestring + 3, NULL);
            cJSON_ReplaceItemInObjectCaseSensitive(twin, "format",
                                                   cJSON_CreateString(json_format));
            cJSON_DeleteItemFromObjectCaseSensitive(twin, "delimiter");
            cJSON_DeleteItemFromObjectCaseSensitive(twin, "records");
            g_ptr_array_add(roots, twin);
            g_ptr_array_add(sources, twin);
        }
    }
}

static void load_sources(void)
{
    if (sources)
        return;
    sources = g_ptr_array_new();
    roots = g_ptr_array_new_with_free_func((GDestroyNotify)cJSON_Delete);
    static const char *const files[] = {
        "tests/fixtures/published/published-json.json", "tests/fixtures/mapped/he.json",
        "tests/fixtures/mapped/partnerships.json", "tests/fixtures/harmonise/dataset.json",
        "data/fp7.json", "data/h2020.json", "data/ecsel.json", NULL};
    for (guint i = 0; files[i]; i++)
        add_sources(files[i]);
    if (sources->len == 0)
        abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fz_init();
    load_sources();
    if (size < 1)
        return 0;
    const cJSON *chosen = g_ptr_array_index(sources, (data[0] & 0x3f) % sources->len);
    g_autoptr(cJSON) source = cJSON_Duplicate(chosen, TRUE);
    if ((data[0] & 0x40) && !cJSON_GetObjectItemCaseSensitive(source, "records"))
        cJSON_AddStringToObject(source, "records", "data.items");
    const char *format = cJSON_GetObjectItemCaseSensitive(source, "format")->valuestring;
    const char *nuts = fz_source_nuts_edition(source);
    g_autofree char *path = fz_write("records.json", data + 1, size - 1);
    g_autoptr(RnModel) model = fz_model_with_nuts(nuts);
    RnLoadOptions options = {.skip_invalid_rows = (data[0] & 0x80) != 0};
    g_autoptr(GError) error = NULL;
    gboolean ok = rn_load_mapped(model, format, path, source, "dataset.json", "sources[0]",
                                 &options, &error);
    fz_check_result(ok, error, data, size);
    return 0;
}
