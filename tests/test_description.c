/* test_description.c — dataset descriptions that are JSON but not what a
 * description may hold (invalid UTF-8, a member twice, a NUL byte), and
 * descriptions whose sources yield nothing, with exact messages; the
 * converter's non-finite populations; a region mapping past its slots. */
#include <glib/gstdio.h>
#include <string.h>

#include "engine/error.h"
#include "loaders/loaders.h"
#include "loaders/mapped.h"

#define NUTS2013 REGNET_SOURCE_DIR "/data/nuts/nuts2013_all_levels_ropensci.csv"
#define PARTNERS_HEADER                                                                        \
    "Programme;Acronym;Project Partner;Lead Partner;Street;Postal code;Town;Country;Website;" \
    "Department;Legal Status;Country code;NUTS1 (or equivalent);NUTS2 (or equivalent);"      \
    "NUTS3 (or equivalent)\n"

static char *dir;

/* Writes name in the test folder; length -1 for a string. */
static char *write_file(const char *name, const char *text, gssize length)
{
    char *path = g_build_filename(dir, name, NULL);
    g_assert_true(g_file_set_contents(path, text, length, NULL));
    return path;
}

/* Writes name in the test folder (removed at the end). */
static void put_file(const char *name, const char *text, gssize length)
{
    g_free(write_file(name, text, length));
}

/* Loads the description text (length -1 for a string) and expects failure
 * with code and message; each "%s" in message stands for the folder. */
static void expect_failure(const char *text, gssize length, int code, const char *message)
{
    g_autofree char *path = write_file("d.json", text, length);
    g_autoptr(GError) error = NULL;
    g_autoptr(RnModel) model = rn_model_new();
    g_autofree char *name = NULL;
    RnLoadOptions options = {0};
    g_assert_false(rn_load_dataset(model, path, &options, &name, &error));
    g_assert_error(error, RN_ERROR, code);
    g_autofree char *expected = g_strdup_printf(message, dir, dir);
    g_assert_cmpstr(error->message, ==, expected);
}

static void test_invalid_utf8(void)
{
    /* The bytes keep.eu's name in Latin-1 with a BOM pasted in would have. */
    expect_failure("{\"regnet_dataset\": 1,\n \"name\": \"keep\xFF\xFE Interreg\"}", -1,
                   RN_ERROR_DATA,
                   "%s/d.json:2:15: name: invalid UTF-8 byte 0xFF in the value; expected UTF-8 "
                   "text (convert the file, e.g. iconv -f LATIN1 -t UTF-8)");
    expect_failure("{\"regnet_dataset\": 1, \"name\": \"x\", \"sources\": [{\"format\": \"csv\", "
                   "\"programme\": \"Stra\xDF" "e\"}]}", -1, RN_ERROR_DATA,
                   "%s/d.json:1:84: sources[0].programme: invalid UTF-8 byte 0xDF in the value; "
                   "expected UTF-8 text (convert the file, e.g. iconv -f LATIN1 -t UTF-8)");
    expect_failure("{\"regnet_dataset\": 1, \"regions\": {\"fi\xE9le\": 1}}", -1, RN_ERROR_DATA,
                   "%s/d.json:1:38: regions: invalid UTF-8 byte 0xE9 in a member name; expected "
                   "UTF-8 text (convert the file, e.g. iconv -f LATIN1 -t UTF-8)");
    expect_failure("{\"regnet_dataset\": 1,\n\"name\": \"a\0b\"}", 36, RN_ERROR_DATA,
                   "%s/d.json:2:11: NUL byte; expected JSON text (a dataset description, "
                   "docs/dataset.md)");
}

static void test_duplicate_members(void)
{
    expect_failure("{\"regnet_dataset\": 1, \"name\": \"a\", \"name\": \"b\"}", -1, RN_ERROR_DATA,
                   "%s/d.json: top level: member 'name' appears more than once; expected each "
                   "member once (JSON readers disagree on which one counts)");
    expect_failure("{\"sources\": [{}, {\"columns\": {\"region\": \"a\", \"project\": \"p\", "
                   "\"region\": [\"b\"]}}]}", -1, RN_ERROR_DATA,
                   "%s/d.json: sources[1].columns: member 'region' appears more than once; "
                   "expected each member once (JSON readers disagree on which one counts)");
    /* A long member name is cut short in the path and the message. */
    g_autofree char *long_name = g_strnfill(1000, 'k');
    g_autofree char *text = g_strdup_printf("{\"%s\": {\"%s\": 1, \"%s\": 2}}", long_name,
                                            long_name, long_name);
    g_autofree char *shown = g_strnfill(80, 'k');
    g_autofree char *message = g_strdup_printf(
        "%%s/d.json: %s\xE2\x80\xA6: member '%s\xE2\x80\xA6' (1000 characters) appears more than "
        "once; expected each member once (JSON readers disagree on which one counts)", shown,
        shown);
    expect_failure(text, -1, RN_ERROR_DATA, message);
}

static void test_odd_members(void)
{
    /* harmonisation as an array once printed "editions available: (null)". */
    g_autofree char *array = g_strdup_printf(
        "{\"regnet_dataset\": 1, \"name\": \"x\", \"regions\": {\"file\": \"%s\", "
        "\"nuts_edition\": \"2013\", \"harmonisation\": [1]}, \"sources\": [{\"format\": "
        "\"keep.eu-partners\", \"file\": \"p.csv\", \"nuts_edition\": \"2013\"}]}", NUTS2013);
    put_file("p.csv", PARTNERS_HEADER
        "2014 - 2020 X;P1;Org A;Yes;;;;;;;public;DE Germany / DEUTSCHLAND;;;DEG01  / Erfurt\n", -1);
    expect_failure(array, -1, RN_ERROR_DATA,
                   "%s/d.json: regions.harmonisation: not an object; expected {\"2021\": "
                   "{\"file\": ..., \"steps\": [...]}, ...}");
}

/* A header-only participation file, or sources without participations, once
 * ended in "no project with participants matches the filters" with no
 * filter given. */
static void test_no_participations(void)
{
    put_file("p.csv", PARTNERS_HEADER, -1);
    g_autofree char *only_header = g_strdup_printf(
        "{\"regnet_dataset\": 1, \"name\": \"x\", \"regions\": {\"file\": \"%s\", "
        "\"nuts_edition\": \"2013\"}, \"sources\": [{\"format\": \"keep.eu-partners\", "
        "\"file\": \"p.csv\", \"nuts_edition\": \"2013\"}]}", NUTS2013);
    expect_failure(only_header, -1, RN_ERROR_DATA,
                   "%s/d.json: the sources hold no participation (%s/p.csv: 0 rows read, 0 "
                   "rejected); expected rows naming a project and an organisation");
    put_file("j.csv", "id,theme\n1,x\n", -1);
    g_autofree char *no_source = g_strdup_printf(
        "{\"regnet_dataset\": 1, \"name\": \"x\", \"regions\": {\"file\": \"%s\", "
        "\"nuts_edition\": \"2013\"}, \"sources\": [{\"format\": \"csv-projects\", "
        "\"file\": \"j.csv\", \"programme\": \"P\", \"columns\": {\"project\": \"id\"}}]}",
        NUTS2013);
    expect_failure(no_source, -1, RN_ERROR_DATA,
                   "%s/d.json: no participation source; expected a source of format "
                   "keep.eu-partners or csv (docs/dataset.md)");
    put_file("nuts.csv", "NUTS_ID,LEVL_CODE,CNTR_CODE,NAME_LATN\n", -1);
    expect_failure("{\"regnet_dataset\": 1, \"name\": \"x\", \"regions\": {\"file\": "
                   "\"nuts.csv\", \"nuts_edition\": \"2013\"}, \"sources\": []}", -1,
                   RN_ERROR_DATA,
                   "%s/nuts.csv: no regions: the table has a header and no rows; expected one "
                   "row per NUTS region of edition 2013 (all levels)");
}

/* A converter row whose population is nan once left its code without a
 * target: a NULL dereference when participations were mapped. */
static void test_converter_not_finite(void)
{
    put_file("p.csv", PARTNERS_HEADER
        "2014 - 2020 X;P1;Org A;Yes;;;;;;;public;DE Germany / DEUTSCHLAND;;;DEG01  / Erfurt\n", -1);
    g_autofree char *table2016 = g_build_filename(REGNET_SOURCE_DIR, "data", "nuts",
                                                  "nuts2016_all_levels_ropensci.csv", NULL);
    static const char *const values[] = {"nan", "inf", "-inf", "NaN", "-1", "1e999"};
    for (guint k = 0; k < G_N_ELEMENTS(values); k++) {
        g_autofree char *rows = g_strdup_printf(
            "code_v2013,code_v2016,pop21\nDEG02,DEG02,1.0\nDEG01,DEG01,%s\n", values[k]);
        g_autofree char *converter = write_file("cm.csv", rows, -1);
        g_autofree char *description = g_strdup_printf(
            "{\"regnet_dataset\": 1, \"name\": \"x\", \"regions\": {\"file\": \"%s\", "
            "\"nuts_edition\": \"2013\", \"harmonisation\": {\"2016\": {\"file\": \"%s\", "
            "\"steps\": [{\"from\": \"2013\", \"to\": \"2016\", \"files\": [\"cm.csv\"]}]}}}, "
            "\"sources\": [{\"format\": \"keep.eu-partners\", \"file\": \"p.csv\", "
            "\"nuts_edition\": \"2013\"}]}", NUTS2013, table2016);
        g_autofree char *path = write_file("d.json", description, -1);
        g_autoptr(GError) error = NULL;
        g_autoptr(RnModel) model = rn_model_new();
        g_autofree char *name = NULL;
        RnLoadOptions options = {.nuts_edition = "2016"};
        g_assert_false(rn_load_dataset(model, path, &options, &name, &error));
        g_assert_error(error, RN_ERROR, RN_ERROR_DATA);
        g_autofree char *expected = g_strdup_printf(
            "%s:3:13: population '%s' is not a number of people; expected a finite number, "
            "not negative, such as 251888.0", converter, values[k]);
        g_assert_cmpstr(error->message, ==, expected);
    }
}

/* rn_load_mapped on a tree built in code, which may hold "region" twice:
 * once a stack write past the mapping's four region slots. */
static void test_region_slots(void)
{
    GString *csv = g_string_new("p,o");
    for (int k = 0; k < 300; k++)
        g_string_append_printf(csv, ",c%d", k);
    g_string_append(csv, "\n1,A");
    for (int k = 0; k < 300; k++)
        g_string_append(csv, ",");
    g_string_append_c(csv, '\n');
    g_autofree char *rows = write_file("wide.csv", csv->str, (gssize)csv->len);
    g_string_free(csv, TRUE);
    cJSON *source = cJSON_CreateObject();
    cJSON_AddStringToObject(source, "programme", "X");
    cJSON_AddStringToObject(source, "nuts_edition", "2013");
    cJSON *columns = cJSON_AddObjectToObject(source, "columns");
    cJSON_AddStringToObject(columns, "project", "p");
    cJSON_AddStringToObject(columns, "organisation", "o");
    const char *names[] = {"c299", "c298", "c297", "c296"};
    cJSON_AddItemToObject(columns, "region", cJSON_CreateStringArray(names, 4));
    cJSON_AddItemToObject(columns, "region", cJSON_CreateStringArray(names, 1));
    g_autoptr(RnModel) model = rn_model_new();
    g_autoptr(GError) error = NULL;
    g_assert_true(rn_load_nuts(model, NUTS2013, NULL, "2013", &error));
    RnLoadOptions options = {0};
    g_assert_false(rn_load_mapped(model, "csv", rows, source, "d.json", "sources[0]", &options,
                                  &error));
    g_assert_error(error, RN_ERROR, RN_ERROR_DATA);
    g_assert_cmpstr(error->message, ==, "d.json: sources[0]: 'columns.region' must name 1 to 4 "
                                        "columns, most specific first");
    cJSON_Delete(source);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    dir = g_dir_make_tmp("regnet-description-XXXXXX", NULL);
    g_test_add_func("/description/invalid-utf8", test_invalid_utf8);
    g_test_add_func("/description/duplicate-members", test_duplicate_members);
    g_test_add_func("/description/odd-members", test_odd_members);
    g_test_add_func("/description/no-participations", test_no_participations);
    g_test_add_func("/description/converter-not-finite", test_converter_not_finite);
    g_test_add_func("/description/region-slots", test_region_slots);
    int status = g_test_run();
    g_autoptr(GDir) entries = g_dir_open(dir, 0, NULL);
    for (const char *name; entries && (name = g_dir_read_name(entries));) {
        g_autofree char *path = g_build_filename(dir, name, NULL);
        g_unlink(path);
    }
    g_rmdir(dir);
    g_free(dir);
    return status;
}
