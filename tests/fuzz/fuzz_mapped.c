/*
 * fuzz_mapped.c — libFuzzer harness: the mapped CSV loader
 * (loaders/mapped.c, formats csv, csv-organisations, csv-projects).
 *
 * Input: one selector byte, then the CSV.  The selector picks one of the
 * mapped sources of the bundled and fixture descriptions (data/ and
 * tests/fixtures/mapped, tests/fixtures/harmonise, read at start-up) whose
 * "columns", delimiter, constants and lead values apply; bit 7 sets
 * skip_invalid_rows.  The model holds the NUTS slice of the source's
 * edition.
 */
#include "tests/fuzz/fuzz_common.h"
#include "loaders/description.h"
#include "loaders/mapped.h"

static GPtrArray *sources; /* cJSON * (the source objects, owned by roots) */
static GPtrArray *roots;   /* cJSON * */

static void add_sources(const char *relative)
{
    const cJSON *source;
    cJSON_ArrayForEach(source, fz_description_sources(roots, relative)) {
        const cJSON *format = cJSON_GetObjectItemCaseSensitive(source, "format");
        if (cJSON_IsString(format) && g_str_has_prefix(format->valuestring, "csv"))
            g_ptr_array_add(sources, (gpointer)source);
    }
}

static void load_sources(void)
{
    if (sources)
        return;
    sources = g_ptr_array_new();
    roots = g_ptr_array_new_with_free_func((GDestroyNotify)cJSON_Delete);
    static const char *const files[] = {
        "tests/fixtures/mapped/he.json", "tests/fixtures/mapped/partnerships.json",
        "tests/fixtures/harmonise/dataset.json", "data/fp7.json", "data/h2020.json",
        "data/ecsel.json", "data/horizon-europe-sample.json", "data/fp7-h2020.json",
        "data/keep-2000-2020.json", NULL};
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
    const cJSON *source = g_ptr_array_index(sources, (data[0] & 0x7f) % sources->len);
    const char *format = cJSON_GetObjectItemCaseSensitive(source, "format")->valuestring;
    const char *nuts = fz_source_nuts_edition(source);
    g_autofree char *path = fz_write("mapped.csv", data + 1, size - 1);
    g_autoptr(RnModel) model = fz_model_with_nuts(nuts);
    RnLoadOptions options = {.skip_invalid_rows = (data[0] & 0x80) != 0};
    g_autoptr(GError) error = NULL;
    gboolean ok = rn_load_mapped(model, format, path, source, "dataset.json", "sources[0]",
                                 &options, &error);
    fz_check_result(ok, error, data, size);
    if (ok)
        rn_apply_cluster_registry(model);
    return 0;
}
