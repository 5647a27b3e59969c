/*
 * countries.c — the country-name table (see countries.h).
 *
 * The JSON table is compiled into the program as a GResource (see
 * data/regnet.gresource.xml) and parsed with cJSON once, on first use.  It
 * is part of the build, not an input: a table that fails to parse is a
 * build defect, reported with g_critical and treated as empty.
 */
#include "engine/countries.h"

#include <string.h>

#include <cjson/cJSON.h>
#include <gio/gio.h>

#include "engine/fold.h"
#include "regnet_resources.h"

#define TABLE_PATH "/regnet/countries/country_names_en.json"

typedef struct {
    GHashTable *names;   /* code -> English name (both owned) */
    GHashTable *by_name; /* folded English or other name -> code (both owned) */
    char *attribution;
} CountryTable;

static gpointer load_table(gpointer unused)
{
    (void)unused;
    CountryTable *table = g_new0(CountryTable, 1);
    table->names = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
    table->by_name = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
    table->attribution = g_strdup("");
    g_autoptr(GError) error = NULL;
    g_autoptr(GBytes) bytes = g_resource_lookup_data(rn_get_resource(), TABLE_PATH,
                                                     G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
    if (!bytes) {
        g_critical("%s: %s", TABLE_PATH, error->message);
        return table;
    }
    gsize length = 0;
    const char *text = g_bytes_get_data(bytes, &length);
    cJSON *root = cJSON_ParseWithLength(text, length);
    const cJSON *names = cJSON_GetObjectItemCaseSensitive(root, "names");
    const cJSON *attribution = cJSON_GetObjectItemCaseSensitive(root, "attribution");
    if (!cJSON_IsObject(names) || !cJSON_IsString(attribution)) {
        g_critical("%s: not a country table ({\"attribution\": ..., \"names\": {...}})",
                   TABLE_PATH);
        cJSON_Delete(root);
        return table;
    }
    const cJSON *entry;
    cJSON_ArrayForEach(entry, names) {
        if (cJSON_IsString(entry))
            g_hash_table_insert(table->names, g_strdup(entry->string),
                                g_strdup(entry->valuestring));
    }
    /* GR and GB are aliases: their names resolve to EL and UK. */
    cJSON_ArrayForEach(entry, names) {
        if (cJSON_IsString(entry) && strcmp(entry->string, "GR") && strcmp(entry->string, "GB"))
            g_hash_table_insert(table->by_name, rn_fold_name(entry->valuestring),
                                g_strdup(entry->string));
    }
    cJSON_ArrayForEach(entry, cJSON_GetObjectItemCaseSensitive(root, "other_names")) {
        const cJSON *name;
        cJSON_ArrayForEach(name, entry) {
            if (cJSON_IsString(name))
                g_hash_table_insert(table->by_name, rn_fold_name(name->valuestring),
                                    g_strdup(entry->string));
        }
    }
    g_free(table->attribution);
    table->attribution = g_strdup(attribution->valuestring);
    cJSON_Delete(root);
    return table;
}

static const CountryTable *country_table(void)
{
    static GOnce once = G_ONCE_INIT;
    return g_once(&once, load_table, NULL);
}

const char *rn_country_name_en(const char *code)
{
    g_return_val_if_fail(code != NULL, NULL);
    return g_hash_table_lookup(country_table()->names, code);
}

static const char *lookup_name(const char *name, gssize length)
{
    g_autofree char *part = length < 0 ? g_strdup(name) : g_strndup(name, (gsize)length);
    g_autofree char *key = rn_fold_name(part);
    return *key ? g_hash_table_lookup(country_table()->by_name, key) : NULL;
}

const char *rn_country_code_for_name(const char *name)
{
    g_return_val_if_fail(name != NULL, NULL);
    const char *code = lookup_name(name, -1);
    const char *open = strchr(name, '('), *close = open ? strchr(open, ')') : NULL;
    if (!code && open && close) { /* "ΕΛΛΑΔΑ (Ellada)": either part */
        code = lookup_name(name, open - name);
        if (!code)
            code = lookup_name(open + 1, close - open - 1);
    }
    return code;
}

const char *rn_country_names_attribution(void)
{
    return country_table()->attribution;
}
