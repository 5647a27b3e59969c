/* test_regions.c — the NUTS table: parents linked at load (with the NUTS
 * 2016 Northern Ireland quirk), the one roll-up function, and the errors of
 * malformed tables (missing parent, empty table, badly shaped code). */
#include <glib/gstdio.h>
#include <string.h>

#include "engine/error.h"
#include "engine/grouping.h"
#include "loaders/loaders.h"

#define NUTS_DIR REGNET_SOURCE_DIR "/data/nuts/"

static RnModel *load_table(const char *path, const char *edition)
{
    g_autoptr(GError) error = NULL;
    RnModel *model = rn_model_new();
    g_assert_true(rn_load_nuts(model, path, NULL, edition, &error));
    g_assert_no_error(error);
    return model;
}

static const char *ancestor(const RnModel *model, const char *code, int level)
{
    const RnRegion *r = rn_model_region_ancestor(model, code, level);
    return r ? r->code : NULL;
}

static guint count(GHashTable *t, const char *key)
{
    return GPOINTER_TO_UINT(g_hash_table_lookup(t, key));
}

#define QUIRK "regions whose parent is the only region one level up in their grandparent " \
              "(the code without its last character is not in the table)"

/* Every bundled table links every region to a parent one level up. */
static void test_bundled_tables(void)
{
    static const char *const editions[] = {"2013", "2016", "2021", "2024"};
    for (guint k = 0; k < G_N_ELEMENTS(editions); k++) {
        g_autofree char *path =
            g_strdup_printf(NUTS_DIR "nuts%s_all_levels_ropensci.csv", editions[k]);
        g_autoptr(RnModel) model = load_table(path, editions[k]);
        for (guint i = 0; i < model->regions->len; i++) {
            const RnRegion *r = &g_array_index(model->regions, RnRegion, i);
            if (r->level == 0) {
                g_assert_cmpuint(r->parent, ==, 0);
                continue;
            }
            g_assert_cmpuint(r->parent, >, 0);
            const RnRegion *parent = &g_array_index(model->regions, RnRegion, r->parent - 1);
            g_assert_cmpint(parent->level, ==, r->level - 1);
            g_assert_true(strncmp(parent->code, r->code, 2) == 0);
        }
        const RnProvenance *p = g_ptr_array_index(model->provenance, 0);
        /* Only NUTS 2016 needs the quirk: UKN10 .. UKN16 in UKN0. */
        g_assert_cmpuint(count(p->counters, QUIRK), ==, strcmp(editions[k], "2016") == 0 ? 7 : 0);
    }
}

static void test_ancestor(void)
{
    g_autoptr(RnModel) m2013 = load_table(NUTS_DIR "nuts2013_all_levels_ropensci.csv", "2013");
    g_assert_cmpstr(ancestor(m2013, "DEG01", 3), ==, "DEG01");
    g_assert_cmpstr(ancestor(m2013, "DEG01", 2), ==, "DEG0");
    g_assert_cmpstr(ancestor(m2013, "DEG01", 1), ==, "DEG");
    g_assert_cmpstr(ancestor(m2013, "DEG01", 0), ==, "DE");
    g_assert_null(ancestor(m2013, "DEG", 2));   /* coarser than the level asked */
    g_assert_null(ancestor(m2013, "XX123", 1)); /* not in the table */

    /* NUTS 2016: UKN10 .. UKN16 belong to UKN0, as do UKN06 .. UKN09. */
    g_autoptr(RnModel) m2016 = load_table(NUTS_DIR "nuts2016_all_levels_ropensci.csv", "2016");
    g_assert_null(rn_model_region(m2016, "UKN1"));
    g_assert_cmpstr(ancestor(m2016, "UKN10", 2), ==, "UKN0");
    g_assert_cmpstr(ancestor(m2016, "UKN16", 2), ==, "UKN0");
    g_assert_cmpstr(ancestor(m2016, "UKN06", 2), ==, "UKN0");
    g_assert_cmpstr(ancestor(m2016, "UKN16", 1), ==, "UKN");
    g_assert_cmpstr(ancestor(m2016, "UKN16", 0), ==, "UK");
}

/* Writes a table with the given rows under a temporary folder; returns its path. */
static char *write_table(const char *dir, const char *rows)
{
    char *path = g_build_filename(dir, "nuts.csv", NULL);
    g_autofree char *text = g_strconcat("NUTS_ID,LEVL_CODE,CNTR_CODE,NAME_LATN\n", rows, NULL);
    g_assert_true(g_file_set_contents(path, text, -1, NULL));
    return path;
}

static void expect_table_error(const char *rows, const char *expected_tail)
{
    g_autofree char *dir = g_dir_make_tmp("regnet-XXXXXX", NULL);
    g_autofree char *path = write_table(dir, rows);
    g_autoptr(RnModel) model = rn_model_new();
    g_autoptr(GError) error = NULL;
    g_assert_false(rn_load_nuts(model, path, "nuts.csv", "2013", &error));
    g_assert_error(error, RN_ERROR, RN_ERROR_DATA);
    g_assert_cmpstr(error->message, ==, expected_tail);
    g_unlink(path);
    g_rmdir(dir);
}

static void test_table_errors(void)
{
    /* The parent is missing and the grandparent has no other child to take. */
    expect_table_error("DE,0,DE,Deutschland\nDEG,1,DE,Thüringen\nDEG01,3,DE,Erfurt\n",
                       "nuts.csv:4:1: code 'DEG01' has no parent region: 'DEG0' is not in the "
                       "table; expected every level-3 code's parent (the code without its last "
                       "character) as a level-2 row");
    /* Two regions one level up in the grandparent: no way to tell which. */
    expect_table_error("UK,0,UK,UK\nUKN,1,UK,NI\nUKN0,2,UK,NI\nUKN2,2,UK,X\nUKN10,3,UK,Derry\n",
                       "nuts.csv:6:1: code 'UKN10' has no parent region: 'UKN1' is not in the "
                       "table; expected every level-3 code's parent (the code without its last "
                       "character) as a level-2 row");
    /* A level-1 code has no grandparent to fall back on. */
    expect_table_error("DEG,1,DE,Thüringen\n",
                       "nuts.csv:2:1: code 'DEG' has no parent region: 'DE' is not in the "
                       "table; expected every level-1 code's parent (the code without its last "
                       "character) as a level-0 row");
    expect_table_error("", "nuts.csv: no regions: the table has a header and no rows; expected "
                           "one row per NUTS region of edition 2013 (all levels)");
    expect_table_error("D\xC3\x89,0,DE,x\n",
                       "nuts.csv:2:1: code 'D\xC3\x89' is not a level-0 NUTS code; expected 2 "
                       "characters: two capital letters, then capitals or digits");
    expect_table_error("DE,4,DE,x\n",
                       "nuts.csv:2:4: level '4' is not a NUTS level; expected 0, 1, 2 or 3");
}

/* A level-3 code whose prefix is missing takes the grandparent's only child. */
static void test_only_child_parent(void)
{
    g_autofree char *dir = g_dir_make_tmp("regnet-XXXXXX", NULL);
    g_autofree char *path =
        write_table(dir, "UKN16,3,UK,Fermanagh\nUK,0,UK,UK\nUKN,1,UK,NI\nUKN0,2,UK,NI\n");
    g_autoptr(RnModel) model = load_table(path, "2016");
    g_assert_cmpstr(ancestor(model, "UKN16", 2), ==, "UKN0");
    const RnProvenance *p = g_ptr_array_index(model->provenance, 0);
    g_assert_cmpuint(count(p->counters, QUIRK), ==, 1);
    g_unlink(path);
    g_rmdir(dir);
}

/* Region networks and nuts groupings of NUTS 2016 data: UKN1x roll up to UKN0
 * (once a crash: the code cut to four characters, UKN1, is no region). */
static void test_network_2016(void)
{
    g_autoptr(RnModel) model = load_table(NUTS_DIR "nuts2016_all_levels_ropensci.csv", "2016");
    RnProvenance *prov = rn_model_add_provenance(model, "rows", "test");
    (void)prov;
    static const char *const rows[][2] = {{"Org A", "UKN10"}, {"Org B", "UKN06"},
                                          {"Org C", "DEG01"}, {"Org D", NULL}};
    for (guint k = 0; k < G_N_ELEMENTS(rows); k++) {
        gboolean merged, existed;
        guint org = rn_model_intern_org(model, rows[k][0], "UK", &merged);
        guint project = rn_model_intern_project(model, "2014 - 2020 X", "P1", &existed);
        g_assert_true(rn_model_add_participation(model, org, project, RN_ROLE_PARTNER, rows[k][1],
                                                 rows[k][1] ? NULL : "no region given", "UK"));
    }
    for (int level = 0; level <= 3; level++) {
        g_autoptr(GError) error = NULL;
        RnNetworkSpec spec = {.kind = RN_NETWORK_REGION, .level = level};
        g_autoptr(RnNetwork) net = rn_network_build(model, &spec, &error);
        g_assert_no_error(error);
        /* Org D has no region: unlocated with its reason, never without one. */
        g_assert_cmpuint(net->participations_unlocated, ==, 1);
        g_assert_cmpuint(count(net->unlocated_by_reason, "no region given"), ==, 1);
        if (level == 2) {
            g_assert_cmpuint(net->nodes->len, ==, 2); /* DEG0 and UKN0 */
            g_assert_cmpstr(g_array_index(net->nodes, RnNode, 1).id, ==, "UKN0");
        }
    }
    g_autoptr(GError) error = NULL;
    RnNetworkSpec spec = {.kind = RN_NETWORK_ORG};
    g_autoptr(RnNetwork) orgs = rn_network_build(model, &spec, &error);
    g_assert_no_error(error);
    RnGrouping grouping = {0};
    g_assert_true(rn_grouping_build(orgs, "nuts2", &grouping, &error));
    g_assert_cmpuint(grouping.n_groups, ==, 3);
    g_assert_cmpstr(grouping.labels[0], ==, RN_GROUP_UNKNOWN);
    g_assert_cmpstr(grouping.labels[1], ==, "DEG0");
    g_assert_cmpstr(grouping.labels[2], ==, "UKN0");
    g_assert_cmpuint(grouping.size[2], ==, 2);
    rn_grouping_clear(&grouping);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/regions/bundled-tables", test_bundled_tables);
    g_test_add_func("/regions/ancestor", test_ancestor);
    g_test_add_func("/regions/table-errors", test_table_errors);
    g_test_add_func("/regions/only-child-parent", test_only_child_parent);
    g_test_add_func("/regions/network-2016", test_network_2016);
    return g_test_run();
}
