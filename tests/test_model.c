/* test_model.c — organisation identity, periods, and row accounting of the
 * keep.eu loader on hand-written edge cases (tests/fixtures/tiny). */
#include <glib/gstdio.h>
#include <math.h>

#include "engine/error.h"
#include "loaders/loaders.h"

static void test_org_key(void)
{
    g_autofree char *a = rn_org_key("  Org   A ", "de");
    g_autofree char *b = rn_org_key("ORG A", "DE");
    g_autofree char *c = rn_org_key("Org A", "AT");
    g_autofree char *d = rn_org_key("Straße\tGmbH", "DE");
    g_assert_cmpstr(a, ==, "DE|org a");
    g_assert_cmpstr(a, ==, b);
    g_assert_cmpstr(c, ==, "AT|org a"); /* the country is part of identity */
    g_assert_cmpstr(d, ==, "DE|strasse gmbh"); /* Unicode case folding */
    g_autofree char *e = rn_org_key("Aarhus Universitet| Aarhus Universitet", "DK");
    g_assert_cmpstr(e, ==, "DK|aarhus universitet| aarhus universitet"); /* '|' is text */
}

static void test_loose_key(void)
{
    RnOrg a = {.name = "Business Upper Austria – OÖ Wirtschaftsagentur GmbH", .country = "AT"};
    RnOrg b = {.name = "business upper austria - oö wirtschaftsagentur ltd.", .country = "AT"};
    RnOrg c = {.name = "Business Upper Austria", .country = "AT"};
    g_autofree char *ka = rn_org_loose_key(&a), *kb = rn_org_loose_key(&b), *kc = rn_org_loose_key(&c);
    g_assert_cmpstr(ka, ==, "AT|business upper austria oo wirtschaftsagentur ");
    g_assert_cmpstr(ka, ==, kb); /* dash, accent, legal form and case differ */
    g_assert_cmpstr(ka, !=, kc);
}

static void test_period(void)
{
    g_autofree char *a = rn_period_from_programme("2014 - 2020 INTERREG VB Central Europe");
    g_autofree char *b = rn_period_from_programme("2007-2013 Alpine Space");
    g_autofree char *c = rn_period_from_programme("INTERREG without period");
    g_assert_cmpstr(a, ==, "2014-2020");
    g_assert_cmpstr(b, ==, "2007-2013");
    g_assert_cmpstr(c, ==, "");
}

static guint count(GHashTable *t, const char *key)
{
    return GPOINTER_TO_UINT(g_hash_table_lookup(t, key));
}

static void test_tiny_accounting(void)
{
    g_autoptr(GError) error = NULL;
    g_autoptr(RnModel) model = rn_model_new();
    g_autofree char *name = NULL;
    RnLoadOptions options = {0};
    g_assert_true(rn_load_dataset(model, REGNET_SOURCE_DIR "/tests/fixtures/tiny/dataset.json",
                                  &options, &name, &error));
    g_assert_no_error(error);
    const RnProvenance *p = g_ptr_array_index(model->provenance, 1);
    g_assert_cmpuint(p->rows_read, ==, 15);
    g_assert_cmpuint(p->rows_loaded, ==, 12);
    g_assert_cmpuint(p->rows_merged, ==, 1); /* Org A twice in P4 */
    g_assert_cmpuint(p->rows_rejected, ==, 2);
    g_assert_cmpuint(p->rows_read, ==, p->rows_loaded + p->rows_merged + p->rows_rejected);
    g_assert_cmpuint(count(p->rejected_by_reason, "missing organisation name"), ==, 1);
    g_assert_cmpuint(count(p->rejected_by_reason, "missing project key (programme or acronym)"), ==, 1);
    g_assert_cmpuint(count(p->counters, "no region given"), ==, 1);
    /* "Org A", "ORG   A", " org a " fold into one organisation. */
    g_assert_cmpuint(model->orgs->len, ==, 7);
    g_assert_cmpuint(count(p->counters, "rows naming an organisation seen before"), ==, 6);
    g_assert_cmpuint(model->projects->len, ==, 6);
    g_assert_cmpuint(model->programmes->len, ==, 2);
    const RnProgramme *old = &g_array_index(model->programmes, RnProgramme, 1);
    g_assert_cmpstr(old->period, ==, "2007-2013");
}

static void test_bad_region_cell(void)
{
    g_autofree char *dir = g_dir_make_tmp("regnet-XXXXXX", NULL);
    g_autofree char *csv = g_build_filename(dir, "partners.csv", NULL);
    g_autofree char *json = g_build_filename(dir, "d.json", NULL);
    const char *rows =
        "Programme;Acronym;Project Partner;Lead Partner;Street;Postal code;Town;Country;"
        "Website;Department;Legal Status;Country code;NUTS1 (or equivalent);"
        "NUTS2 (or equivalent);NUTS3 (or equivalent)\n"
        "2014 - 2020 X;P1;Org A;Yes;;;;;;;public;DE Germany / DEUTSCHLAND;;;Erfurt\n"
        "2014 - 2020 X;P1;Org B;No;;;;;;;public;DE Germany / DEUTSCHLAND;;;\n";
    g_assert_true(g_file_set_contents(csv, rows, -1, NULL));
    g_autofree char *desc = g_strdup_printf(
        "{\"regnet_dataset\": 1, \"name\": \"t\", \"regions\": {\"file\": \"%s\", "
        "\"nuts_edition\": \"2013\"}, \"sources\": [{\"format\": \"keep.eu-partners\", "
        "\"file\": \"partners.csv\", \"nuts_edition\": \"2013\"}]}",
        REGNET_SOURCE_DIR "/data/nuts/nuts2013_all_levels_ropensci.csv");
    g_assert_true(g_file_set_contents(json, desc, -1, NULL));

    g_autoptr(GError) error = NULL;
    g_autoptr(RnModel) strict = rn_model_new();
    g_autofree char *name = NULL;
    RnLoadOptions options = {0};
    g_assert_false(rn_load_dataset(strict, json, &options, &name, &error));
    g_assert_error(error, RN_ERROR, RN_ERROR_DATA);
    g_autofree char *expected = g_strdup_printf(
        "%s:2:68: region cell 'Erfurt' is not a NUTS code; expected 'CODE  / Name' such as "
        "'DEG01  / Erfurt, Kreisfreie Stadt', or an empty cell", csv);
    g_assert_cmpstr(error->message, ==, expected);

    /* With skip_invalid_rows the row is rejected and counted. */
    g_autoptr(RnModel) lenient = rn_model_new();
    options.skip_invalid_rows = TRUE;
    g_clear_pointer(&name, g_free);
    g_clear_error(&error);
    g_assert_true(rn_load_dataset(lenient, json, &options, &name, &error));
    const RnProvenance *p = g_ptr_array_index(lenient->provenance, 1);
    g_assert_cmpuint(p->rows_rejected, ==, 1);
    g_assert_cmpuint(count(p->rejected_by_reason, "region cell is not a NUTS code"), ==, 1);
    g_assert_cmpuint(p->rows_loaded, ==, 1);
    g_unlink(csv);
    g_unlink(json);
    g_rmdir(dir);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/model/org-key", test_org_key);
    g_test_add_func("/model/period", test_period);
    g_test_add_func("/model/loose-key", test_loose_key);
    g_test_add_func("/model/tiny-accounting", test_tiny_accounting);
    g_test_add_func("/model/bad-region-cell", test_bad_region_cell);
    return g_test_run();
}
