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

static guint count(GHashTable *t, const char *key)
{
    return GPOINTER_TO_UINT(g_hash_table_lookup(t, key));
}

static void test_postcode_normalise(void)
{
    static const char *const cases[][2] = {
        {"A-1030", "1030"},     {"1030", "1030"},       {"FI-20520", "20520"},
        {"FIN20100", "20100"},  {"LT92294", "92294"},   {"4612 PX", "4612PX"},
        {"SW1A 1AA", "SW1A1AA"}, {"PL1", "PL1"},        {"AB12", "AB12"},
        {" - ", ""},            {"", ""},               {"d-78462", "78462"},
    };
    for (guint k = 0; k < G_N_ELEMENTS(cases); k++) {
        g_autofree char *got = rn_postcode_normalise(cases[k][0]);
        g_assert_cmpstr(got, ==, cases[k][1]);
    }
}

/* Adds a row: organisation (name, DE) with postcode in project acronym. */
static guint add_row(RnModel *m, RnProvenance *prov, const char *name, const char *postcode,
                     const char *acronym, RnRole role)
{
    gboolean merged, existed;
    guint org = rn_model_intern_org(m, name, "DE", &merged);
    rn_model_note_postcode(m, org, postcode);
    guint project = rn_model_intern_project(m, "2014 - 2020 Test", acronym, &existed);
    if (rn_model_add_participation(m, org, project, role, NULL, "no region given", "DE"))
        prov->rows_loaded++;
    else
        prov->rows_merged++;
    prov->rows_read++;
    return org;
}

static void test_merge_by_postcode(void)
{
    g_autoptr(RnModel) m = rn_model_new();
    RnProvenance *prov = rn_model_add_provenance(m, "rows.csv", "csv");
    add_row(m, prov, "Org A GmbH", "D-78462", "P1", RN_ROLE_PARTNER);
    add_row(m, prov, "Org A", "78462", "P1", RN_ROLE_LEAD);   /* joined: repeat in P1 */
    add_row(m, prov, "Org A", "", "P2", RN_ROLE_PARTNER);
    add_row(m, prov, "Org A Ltd", "10115", "P3", RN_ROLE_PARTNER); /* another postcode */
    add_row(m, prov, "Org C", "11111", "P1", RN_ROLE_PARTNER);
    add_row(m, prov, "Org C GmbH", "22222", "P2", RN_ROLE_PARTNER);
    add_row(m, prov, "ORG C SA", "11111", "P2", RN_ROLE_PARTNER);  /* joins Org C ... */
    add_row(m, prov, "Org C  SA", "22222", "P4", RN_ROLE_PARTNER); /* ... and Org C GmbH */
    gboolean merged;
    guint by_id = rn_model_intern_org_id(m, "pic", "123", "Org A", "DE", &merged);
    rn_model_note_postcode(m, by_id, "78462"); /* ids are never joined by name */
    g_assert_cmpuint(m->orgs->len, ==, 7);
    g_assert_cmpuint(m->participations->len, ==, 8);

    g_assert_cmpuint(rn_model_merge_by_postcode(m), ==, 3);
    g_assert_cmpuint(m->orgs->len, ==, 4);
    const RnOrg *a = &g_array_index(m->orgs, RnOrg, 0);
    g_assert_cmpstr(a->key, ==, "DE|org a gmbh");  /* interned first, so kept */
    g_assert_cmpstr(a->name, ==, "Org A GmbH");
    g_assert_cmpuint(a->n_rows, ==, 3);
    g_assert_cmpstr(g_array_index(m->orgs, RnOrg, 1).key, ==, "DE|org a ltd");
    g_assert_cmpstr(g_array_index(m->orgs, RnOrg, 2).key, ==, "DE|org c");
    g_assert_cmpstr(g_array_index(m->orgs, RnOrg, 3).key, ==, "pic:123");
    /* Old keys resolve to the kept organisation. */
    g_assert_true(g_hash_table_lookup(m->org_index, "DE|org a") == GUINT_TO_POINTER(1));
    g_assert_true(g_hash_table_lookup(m->org_index, "DE|org c sa") == GUINT_TO_POINTER(3));
    g_assert_true(g_hash_table_lookup(m->org_index, "pic:123") == GUINT_TO_POINTER(4));

    /* Org A's two rows in P1 and Org C's two rows in P2 became repeats. */
    g_assert_cmpuint(m->participations->len, ==, 6);
    g_assert_cmpuint(prov->rows_read, ==, 8);
    g_assert_cmpuint(prov->rows_loaded, ==, 6);
    g_assert_cmpuint(prov->rows_merged, ==, 2);
    g_assert_cmpuint(count(prov->counters, "rows merged: organisation joined by postcode"), ==, 2);
    const RnParticipation *first = &g_array_index(m->participations, RnParticipation, 0);
    g_assert_cmpuint(first->org, ==, 0);
    g_assert_cmpint(first->role, ==, RN_ROLE_LEAD); /* the joined repeat was the lead */
    g_assert_cmpuint(g_array_index(m->participations, RnParticipation, 5).org, ==, 2);

    g_assert_cmpuint(m->postcode_merges->len, ==, 2);
    const RnOrgMerge *ma = g_ptr_array_index(m->postcode_merges, 0);
    g_assert_cmpstr(ma->kept, ==, "DE|org a gmbh");
    g_assert_cmpuint(ma->merged->len, ==, 1);
    g_assert_cmpstr(g_ptr_array_index(ma->merged, 0), ==, "DE|org a");
    g_assert_cmpstr(g_ptr_array_index(ma->postcodes, 0), ==, "78462");
    const RnOrgMerge *mc = g_ptr_array_index(m->postcode_merges, 1);
    g_assert_cmpstr(mc->kept, ==, "DE|org c");
    g_assert_cmpuint(mc->merged->len, ==, 2);
    g_assert_cmpuint(mc->postcodes->len, ==, 2);

    /* Org A Ltd (another postcode) stays, reported as a near-duplicate. */
    g_autoptr(GPtrArray) groups = rn_model_near_duplicates(m);
    g_assert_cmpuint(groups->len, ==, 1);
    GPtrArray *group = g_ptr_array_index(groups, 0);
    g_assert_cmpuint(group->len, ==, 2);
    g_assert_cmpstr(g_ptr_array_index(group, 0), ==, "DE|org a gmbh");
    g_assert_cmpstr(g_ptr_array_index(group, 1), ==, "DE|org a ltd");
    g_assert_cmpuint(rn_model_merge_by_postcode(m), ==, 0); /* nothing left to join */
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
    g_test_add_func("/model/postcode-normalise", test_postcode_normalise);
    g_test_add_func("/model/merge-by-postcode", test_merge_by_postcode);
    g_test_add_func("/model/tiny-accounting", test_tiny_accounting);
    g_test_add_func("/model/bad-region-cell", test_bad_region_cell);
    return g_test_run();
}
