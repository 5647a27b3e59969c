/*
 * fuzz_description.c — libFuzzer harness: dataset descriptions
 * (loaders/description.c, loaders/dataset.c).
 *
 * Input: a description (JSON).  rn_description_parse checks it; when it
 * parses and names no path with a '/' or a leading '.', the whole load
 * runs (rn_load_dataset, with its prefetch threads) in the private folder,
 * which holds NUTS 2013/2016/2021 slices (nuts2013.csv, ...), a keep.eu
 * partners file (partners.csv), a mapped CSV (mapped.csv) and a converter
 * slice (converter.csv) for descriptions to name.
 */
#include <cjson/cJSON.h>

#include "tests/fuzz/fuzz_common.h"
#include "loaders/description.h"

static const char partners_fixture[] =
    "Programme;Acronym;Project Partner;Lead Partner;Street;Postal code;Town;Country;Website;"
    "Department;Legal Status;Country code;NUTS1 (or equivalent);NUTS2 (or equivalent);"
    "NUTS3 (or equivalent)\n"
    "2014 - 2020 INTERREG V-A Germany - Netherlands;P1;Org A;Yes;;;;Germany;;;public;"
    "DE Germany / DEUTSCHLAND;DEA  / NRW;DEA1  / Duesseldorf;DEA11  / Duesseldorf\n"
    "2014 - 2020 INTERREG V-A Germany - Netherlands;P1;Org B;No;;;;Netherlands;;;private;"
    "NL Netherlands / NEDERLAND;NL1  / N;NL11  / Groningen;NL111  / Oost-Groningen\n";
static const char mapped_fixture[] =
    "project,organisation,country,region\n"
    "P1,Landkreis Goettingen,DE,DE915\n"
    "P1,Landkreis Osterode am Harz,DE,DE919\n"
    "P2,Org A,DE,DEA11\n";
static const char converter_fixture[] =
    "code_v2013,code_v2016,uniqueID,areaKm,pop11,pop21\n"
    "DE915,DE91C,x,1,1,100.0\n"
    "DE919,DE91C,x,1,1,50.0\n"
    "DEA11,DEA11,x,1,1,600000.0\n"
    "NL111,NL111,x,1,1,1000.0\n";

/* Does any string (value or member name) of item hold '/' or begin with '.'? */
static gboolean names_paths(const cJSON *item)
{
    for (; item; item = item->next) {
        if (item->string && (strchr(item->string, '/') || item->string[0] == '.'))
            return TRUE;
        if (cJSON_IsString(item) &&
            (strchr(item->valuestring, '/') || item->valuestring[0] == '.'))
            return TRUE;
        if (item->child && names_paths(item->child))
            return TRUE;
    }
    return FALSE;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fz_init();
    static gboolean fixtures;
    if (!fixtures) {
        g_free(fz_write("partners.csv", (const uint8_t *)partners_fixture,
                        sizeof partners_fixture - 1));
        g_free(fz_write("mapped.csv", (const uint8_t *)mapped_fixture,
                        sizeof mapped_fixture - 1));
        g_free(fz_write("converter.csv", (const uint8_t *)converter_fixture,
                        sizeof converter_fixture - 1));
        fixtures = TRUE;
    }
    g_autofree char *path = fz_write("dataset.json", data, size);
    g_autoptr(GError) error = NULL;
    g_autoptr(cJSON) root = rn_description_parse(path, &error);
    fz_check_result(root != NULL, error, data, size);
    if (!root || names_paths(root))
        return 0;
    g_clear_error(&error);
    g_autoptr(RnModel) model = rn_model_new();
    RnLoadOptions options = {0};
    g_autofree char *name = NULL;
    gboolean ok = rn_load_dataset(model, path, &options, &name, &error);
    fz_check_result(ok, error, data, size);
    return 0;
}
