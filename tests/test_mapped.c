/* test_mapped.c — column-mapped sources: the current CORDIS schema (first
 * real rows of organization.csv), a cluster partnership list, gzip input,
 * and malformed mappings with exact messages. */
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "engine/error.h"
#include "engine/network.h"
#include "loaders/csv.h"
#include "loaders/loaders.h"

#define FIXTURES REGNET_SOURCE_DIR "/tests/fixtures/mapped/"

static RnModel *load(const char *path, GError **error)
{
    RnModel *model = rn_model_new();
    g_autofree char *name = NULL;
    RnLoadOptions options = {0};
    if (!rn_load_dataset(model, path, &options, &name, error)) {
        rn_model_free(model);
        return NULL;
    }
    return model;
}

static guint count(GHashTable *t, const char *key)
{
    return GPOINTER_TO_UINT(g_hash_table_lookup(t, key));
}

static void test_cordis_current_schema(void)
{
    g_autoptr(GError) error = NULL;
    g_autoptr(RnModel) model = load(FIXTURES "he.json", &error);
    g_assert_no_error(error);
    const RnProvenance *p = g_ptr_array_index(model->provenance, 1);
    g_assert_cmpuint(p->rows_read, ==, 12);
    g_assert_cmpuint(p->rows_loaded, ==, 12);
    g_assert_cmpuint(model->projects->len, ==, 6);
    g_assert_cmpuint(model->orgs->len, ==, 11); /* the Max Planck Society twice */
    /* Legal basis (programme part) and euroSciVoc field become themes. */
    guint doe;
    g_assert_true(rn_model_find_project(model, "HORIZON", "101116741", &doe));
    g_assert_cmpstr(g_array_index(model->projects, RnProject, doe).themes, ==,
                    "European Research Council (ERC); government systems");
    guint mpg = GPOINTER_TO_UINT(g_hash_table_lookup(model->org_index, "pic:999990267")) - 1;
    const RnOrg *o = &g_array_index(model->orgs, RnOrg, mpg);
    g_assert_cmpstr(o->name, ==, "MAX-PLANCK-GESELLSCHAFT ZUR FORDERUNG DER WISSENSCHAFTEN EV");
    g_assert_cmpstr(o->sector, ==, "REC");
    g_assert_cmpuint(o->n_rows, ==, 2);
    const RnParticipation *first = &g_array_index(model->participations, RnParticipation, 0);
    g_assert_cmpint(first->role, ==, RN_ROLE_LEAD);
    g_assert_cmpstr(first->nuts, ==, "NL221");
    g_assert_cmpstr(first->country, ==, "NL");

    RnNetworkSpec spec = {.kind = RN_NETWORK_COUNTRY};
    g_autoptr(RnNetwork) countries = rn_network_build(model, &spec, &error);
    g_assert_no_error(error);
    g_assert_cmpuint(countries->nodes->len, ==, 6); /* DE DK EL ES IT NL */
    g_assert_cmpstr(g_array_index(countries->nodes, RnNode, 2).id, ==, "EL");
    spec = (RnNetworkSpec){.kind = RN_NETWORK_REGION, .level = 2};
    g_autoptr(RnNetwork) regions = rn_network_build(model, &spec, &error);
    g_assert_cmpuint(regions->nodes->len, ==, 10);
    g_assert_cmpuint(regions->participations_unlocated, ==, 0);
}

static void test_partnership_list(void)
{
    g_autoptr(GError) error = NULL;
    g_autoptr(RnModel) model = load(FIXTURES "partnerships.json", &error);
    g_assert_no_error(error);
    const RnProvenance *registry = g_ptr_array_index(model->provenance, 1);
    g_assert_cmpuint(registry->rows_loaded, ==, 3);
    const RnProvenance *p = g_ptr_array_index(model->provenance, 2);
    g_assert_cmpuint(p->rows_read, ==, 7);
    g_assert_cmpuint(p->rows_loaded, ==, 6);
    g_assert_cmpuint(p->rows_rejected, ==, 1);
    g_assert_cmpuint(count(p->rejected_by_reason, "missing organisation name"), ==, 1);
    g_assert_cmpuint(count(p->counters, "region code not in NUTS 2021"), ==, 1);
    g_assert_cmpuint(count(p->counters, "rows in period 2021-2027"), ==, 6);
    g_assert_cmpuint(model->programmes->len, ==, 3);
    /* The registry marks Cluster Alpha and Pôle Beta ("POLE BETA" in the
     * registry: loose keys ignore case and accents); Zeta is in no project. */
    const RnProvenance *applied = g_ptr_array_index(model->provenance, 3);
    g_assert_cmpstr(applied->format, ==, "cluster-registry");
    g_assert_cmpuint(applied->rows_read, ==, 5);
    g_assert_cmpuint(applied->rows_loaded, ==, 2);
    guint alpha = GPOINTER_TO_UINT(g_hash_table_lookup(model->org_index, "DE|cluster alpha e.v.")) - 1;
    const RnOrg *o = &g_array_index(model->orgs, RnOrg, alpha);
    g_assert_true(o->cluster);
    g_assert_cmpstr(o->sector, ==, "Aerospace & Defence");
    RnNetworkSpec spec = {.kind = RN_NETWORK_ORG};
    g_autoptr(RnNetwork) orgs = rn_network_build(model, &spec, &error);
    g_assert_no_error(error);
    g_assert_cmpuint(orgs->nodes->len, ==, 5);
    g_assert_cmpuint(orgs->edges->len, ==, 4);
    spec = (RnNetworkSpec){.kind = RN_NETWORK_ORG, .programme = "Eurocluster"};
    g_autoptr(RnNetwork) euroclusters = rn_network_build(model, &spec, &error);
    g_assert_cmpuint(euroclusters->edges->len, ==, 1);
}

/* Writes a description over text (a CSV) with the given source members. */
static char *write_case(const char *dir, const char *csv, const char *members)
{
    g_autofree char *csv_path = g_build_filename(dir, "rows.csv", NULL);
    g_assert_true(g_file_set_contents(csv_path, csv, -1, NULL));
    char *path = g_build_filename(dir, "d.json", NULL);
    g_autofree char *json = g_strdup_printf(
        "{\"regnet_dataset\": 1, \"name\": \"t\", \"regions\": {\"file\": \"%s\", "
        "\"nuts_edition\": \"2021\"}, \"sources\": [{\"format\": \"csv\", \"file\": "
        "\"rows.csv\", \"programme\": \"X\", %s}]}",
        REGNET_SOURCE_DIR "/data/nuts/nuts2021_all_levels_ropensci.csv", members);
    g_assert_true(g_file_set_contents(path, json, -1, NULL));
    return path;
}

static void expect_failure(const char *csv, const char *members, int code, const char *message)
{
    g_autofree char *dir = g_dir_make_tmp("regnet-mapped-XXXXXX", NULL);
    g_autofree char *path = write_case(dir, csv, members);
    g_autoptr(GError) error = NULL;
    g_autoptr(RnModel) model = load(path, &error);
    g_assert_null(model);
    g_assert_error(error, RN_ERROR, code);
    g_autofree char *expected = g_strdup_printf(message, dir, dir);
    g_assert_cmpstr(error->message, ==, expected);
    g_autofree char *rows = g_build_filename(dir, "rows.csv", NULL);
    g_unlink(rows);
    g_unlink(path);
    g_rmdir(dir);
}

/* Loads a description of rows.csv with the given members; the model, and
 * the folder in *dir_out (caller removes it with remove_case). */
static RnModel *load_case(const char *csv, const char *members, char **dir_out, GError **error)
{
    *dir_out = g_dir_make_tmp("regnet-mapped-XXXXXX", NULL);
    g_autofree char *path = write_case(*dir_out, csv, members);
    return load(path, error);
}

static void remove_case(char *dir)
{
    g_autofree char *rows = g_build_filename(dir, "rows.csv", NULL);
    g_autofree char *json = g_build_filename(dir, "d.json", NULL);
    g_unlink(rows);
    g_unlink(json);
    g_rmdir(dir);
    g_free(dir);
}

static const RnParticipation *participation(const RnModel *model, guint i)
{
    return &g_array_index(model->participations, RnParticipation, i);
}

static void assert_accounted(const RnProvenance *p)
{
    g_assert_cmpuint(p->rows_read, ==, p->rows_loaded + p->rows_merged + p->rows_rejected);
}

/* null_values, constants, country_names, region_names, invalid_region,
 * periods, where, lon/lat on one small table (issue 9). */
static void test_cleaning_members(void)
{
    const char *rows =
        "p,o,c,r,y,kind,lon,lat\n"
        "P1,Lulea tekniska universitet,Sverige,Norrbottens län,2016,univ,22.14,65.62\n"
        "P1,Nord universitet,NORGE,-,2016,univ,,\n"
        "P1,Lulea tekniska universitet,Sverige,NORRBOTTENS LAN,2016,univ,22.15,65.62\n"
        "P2,TU Berlin,Deutschland,Berlin,2022-03-01,univ,13.32,52.51\n"
        "P2,Universidad de Sevilla,España,Sevilla,2022,univ,NA,NA\n"
        "P2,Politecnico di Milano,Italia,Munich,2022,univ,,\n"
        "P3,Late GmbH,Deutschland,DE212,2031,firm,,\n"
        "P3,Third party,Deutschland,DE212,2016,THIRD_PARTY,,\n"
        "P3,Nobody,Deutschland,DE212,2016,x-test,,\n";
    const char *members =
        "\"nuts_edition\": \"2021\", \"null_values\": [\"-\", \"NA\"], "
        "\"country_names\": true, \"region_names\": true, \"region_levels\": [3], "
        "\"invalid_region\": \"unlocated\", "
        "\"periods\": {\"2014-2020\": [2014, 2020], \"2021-2027\": [\"2021-01-01\", \"2027-12-31\"]}, "
        "\"where\": [{\"column\": \"kind\", \"not_in\": [\"THIRD_PARTY\"]}, "
        "{\"column\": \"kind\", \"matches\": \"univ|firm\"}], "
        "\"columns\": {\"project\": \"p\", \"organisation\": \"o\", \"country\": \"c\", "
        "\"region\": \"r\", \"period\": \"y\", \"lon\": \"lon\", \"lat\": \"lat\"}";
    g_autoptr(GError) error = NULL;
    char *dir = NULL;
    g_autoptr(RnModel) model = load_case(rows, members, &dir, &error);
    g_assert_no_error(error);
    const RnProvenance *p = g_ptr_array_index(model->provenance, 1);
    g_assert_cmpuint(p->rows_read, ==, 9);
    g_assert_cmpuint(p->rows_loaded, ==, 5);
    g_assert_cmpuint(p->rows_merged, ==, 1);
    g_assert_cmpuint(p->rows_rejected, ==, 3);
    assert_accounted(p);
    g_assert_cmpuint(count(p->rejected_by_reason, "period in no range of 'periods'"), ==, 1);
    g_assert_cmpuint(count(p->rejected_by_reason, "excluded by where[0] (kind in 'not_in')"), ==, 1);
    g_assert_cmpuint(count(p->rejected_by_reason, "excluded by where[1] (kind does not match)"), ==, 1);
    g_assert_cmpuint(count(p->counters, "region cells given by name"), ==, 4);
    g_assert_cmpuint(count(p->counters, "country cells given by name"), ==, 6);
    g_assert_cmpuint(count(p->counters, "no region given"), ==, 1);
    /* Munich is no NUTS 2021 name: unlocated, counted. */
    g_assert_cmpuint(count(p->counters, "region name matches no region"), ==, 1);
    g_assert_cmpuint(count(p->counters, "rows in period 2014-2020"), ==, 3);
    g_assert_cmpuint(count(p->counters, "rows in period 2021-2027"), ==, 3);
    g_assert_cmpuint(count(p->counters, "rows whose lon/lat differ from their organisation's "
                                        "(the first is kept)"), ==, 1);
    g_assert_cmpstr(participation(model, 0)->nuts, ==, "SE332");
    g_assert_cmpstr(participation(model, 0)->country, ==, "SE");
    g_assert_null(participation(model, 1)->nuts);
    g_assert_cmpstr(participation(model, 1)->unlocated, ==, "no region given");
    g_assert_cmpstr(participation(model, 1)->country, ==, "NO");
    g_assert_cmpstr(participation(model, 2)->nuts, ==, "DE300"); /* level 3 */
    g_assert_cmpstr(participation(model, 3)->nuts, ==, "ES618");
    g_assert_cmpstr(participation(model, 3)->country, ==, "ES");
    g_assert_null(participation(model, 4)->nuts);
    g_assert_cmpstr(participation(model, 4)->unlocated, ==, "region name matches no region");
    g_assert_cmpstr(participation(model, 4)->country, ==, "IT");
    const RnOrg *lulea = &g_array_index(model->orgs, RnOrg, participation(model, 0)->org);
    g_assert_cmpfloat(lulea->lon, ==, 22.14);
    g_assert_cmpfloat(lulea->lat, ==, 65.62);
    const RnOrg *nord = &g_array_index(model->orgs, RnOrg, participation(model, 1)->org);
    g_assert_true(isnan(nord->lon) && isnan(nord->lat));
    guint p2;
    g_assert_true(rn_model_find_project(model, "X", "P2", &p2));
    g_assert_cmpstr(g_array_index(model->projects, RnProject, p2).period, ==, "2021-2027");
    remove_case(dir);
}

/* constants for any role (a national list: country and region the same for
 * every row), and a constant period given as a year, named by "periods". */
static void test_constants(void)
{
    g_autoptr(GError) error = NULL;
    char *dir = NULL;
    g_autoptr(RnModel) model = load_case(
        "p,o\nP1,Lulea tekniska universitet\nP1,Umea universitet\n",
        "\"nuts_edition\": \"2021\", \"constants\": {\"country\": \"Sverige\", \"region\": "
        "\"SE332\", \"period\": \"2016\", \"sector\": \"HES\"}, \"country_names\": true, "
        "\"periods\": {\"2014-2020\": [2014, 2020]}, "
        "\"columns\": {\"project\": \"p\", \"organisation\": \"o\"}", &dir, &error);
    g_assert_no_error(error);
    g_assert_cmpuint(model->participations->len, ==, 2);
    g_assert_cmpstr(participation(model, 1)->nuts, ==, "SE332");
    g_assert_cmpstr(participation(model, 1)->country, ==, "SE");
    const RnOrg *o = &g_array_index(model->orgs, RnOrg, participation(model, 1)->org);
    g_assert_cmpstr(o->sector, ==, "HES");
    guint p1;
    g_assert_true(rn_model_find_project(model, "X", "P1", &p1));
    g_assert_cmpstr(g_array_index(model->projects, RnProject, p1).period, ==, "2014-2020");
    g_assert_cmpstr(g_array_index(model->programmes, RnProgramme, 0).period, ==, "2014-2020");
    remove_case(dir);
    /* The old member and the constant for the same role: refused. */
    expect_failure("p,o\n1,A\n", "\"constants\": {\"programme\": \"Y\"}, \"columns\": "
                   "{\"project\": \"p\", \"organisation\": \"o\"}", RN_ERROR_DATA,
                   "%s/d.json: sources[0]: constants.programme must be a non-empty string, for a "
                   "role without a column (columns.programme) and, for programme and period, "
                   "without the member 'programme'");
}

/* Exact messages of the cleaning members' malformed cells and members. */
static void test_cleaning_errors(void)
{
    const char *cols = "\"columns\": {\"project\": \"p\", \"organisation\": \"o\", "
                       "\"country\": \"c\", \"region\": \"r\"}";
    g_autofree char *names = g_strdup_printf("\"nuts_edition\": \"2021\", \"country_names\": "
                                             "true, \"region_names\": true, %s", cols);
    expect_failure("p,o,c,r\n1,A,Sverge,SE332\n", names, RN_ERROR_DATA,
                   "%s/rows.csv:2:5: country 'Sverge' is neither a country code nor a country "
                   "name regnet knows; expected a code such as 'SE' or a name in English or the "
                   "country's language such as 'Sweden' or 'Sverige'");
    expect_failure("p,o,c,r\n1,A,FR,Jura\n", names, RN_ERROR_DATA,
                   "%s/rows.csv:2:8: region cell 'Jura' is neither a NUTS 2021 code nor the "
                   "name of one region (several regions have it); candidates: 'CH025' (Jura), "
                   "'FRC22' (Jura)");
    expect_failure("p,o,c,r\n1,A,DE,Erfurtt\n", names, RN_ERROR_DATA,
                   "%s/rows.csv:2:8: region cell 'Erfurtt' is neither a NUTS 2021 code nor the "
                   "name of one region (no region has it); candidates: 'DEG01' (Erfurt, "
                   "Kreisfreie Stadt)");
    g_autofree char *plain = g_strdup_printf("\"nuts_edition\": \"2021\", %s", cols);
    expect_failure("p,o,c,r\n1,A,DE,-\n", plain, RN_ERROR_DATA,
                   "%s/rows.csv:2:8: region cell '-' is not a NUTS code; expected a code such "
                   "as 'DEG01', or an empty cell");
    expect_failure("p,o\n1,A\n", "\"null_value\": [\"-\"], \"columns\": {\"project\": \"p\", "
                   "\"organisation\": \"o\"}", RN_ERROR_DATA,
                   "%s/d.json: sources[0].null_value: unknown member; expected one of: format, "
                   "file, nuts_edition, delimiter, records, columns, constants, programme, period, "
                   "organisation_id_scheme, lead_values, lead_partner_only_periods, region_cells, "
                   "sector_from_names, cluster_registry, null_values, country_names, region_names, "
                   "region_levels, invalid_region, periods, where; did you mean 'null_values'?");
    expect_failure("p,o\n1,A\n", "\"constants\": {\"contry\": \"SE\"}, \"columns\": "
                   "{\"project\": \"p\", \"organisation\": \"o\"}", RN_ERROR_DATA,
                   "%s/d.json: sources[0].constants.contry: unknown member; expected one of: "
                   "project, programme, period, organisation, organisation_id, country, role, "
                   "sector, theme, budget, postcode, lon, lat, region; did you mean 'country'?");
    expect_failure("p,o,y\n1,A,soon\n", "\"periods\": {\"a\": [2014, 2020]}, \"columns\": "
                   "{\"project\": \"p\", \"organisation\": \"o\", \"period\": \"y\"}",
                   RN_ERROR_DATA,
                   "%s/rows.csv:2:5: period 'soon' is not a year or a date; expected e.g. 2017 "
                   "or 2017-05-31, or the name of one of 'periods'");
    expect_failure("p,o\n1,A\n", "\"periods\": {\"a\": [2014, 2020], \"b\": [2020, 2027]}, "
                   "\"columns\": {\"project\": \"p\", \"organisation\": \"o\"}",
                   RN_ERROR_DATA,
                   "%s/d.json: sources[0]: periods.b overlaps periods.a; expected ranges that "
                   "share no day");
    expect_failure("p,o\n1,A\n", "\"where\": [{\"column\": \"kind\", \"in\": [\"x\"]}], "
                   "\"columns\": {\"project\": \"p\", \"organisation\": \"o\"}",
                   RN_ERROR_DATA,
                   "%s/rows.csv:1:1: header has no column 'kind' (where[0].column in %s/d.json)");
    expect_failure("p,o\n1,A\n", "\"where\": [{\"column\": \"o\", \"in\": [\"x\"], "
                   "\"matches\": \"y\"}], \"columns\": {\"project\": \"p\", "
                   "\"organisation\": \"o\"}", RN_ERROR_DATA,
                   "%s/d.json: sources[0].where[0]: expected {\"column\": NAME} with one of "
                   "\"in\": [values], \"not_in\": [values] or \"matches\": REGEX");
    expect_failure("p,o,lon,lat\n1,A,200,10\n", "\"columns\": {\"project\": \"p\", "
                   "\"organisation\": \"o\", \"lon\": \"lon\", \"lat\": \"lat\"}",
                   RN_ERROR_DATA,
                   "%s/rows.csv:2:5: lon '200' is not in decimal degrees; expected a number from "
                   "-180 to 180");
}

/* A JSON source (records at "data.items", dotted members) and a project
 * table that holds the period of its projects' participations. */
static void test_json_and_project_periods(void)
{
    g_autofree char *dir = g_dir_make_tmp("regnet-mapped-XXXXXX", NULL);
    g_autofree char *records = g_build_filename(dir, "partners.json", NULL);
    g_autofree char *projects = g_build_filename(dir, "projects.csv", NULL);
    g_autofree char *path = g_build_filename(dir, "d.json", NULL);
    g_assert_true(g_file_set_contents(records,
        "{\"data\": {\"items\": ["
        "{\"project\": {\"id\": 7}, \"partner\": {\"name\": \"A\", \"nuts\": \"SE332\"}, \"lon\": 22.1, \"lat\": 65.6},"
        "{\"project\": {\"id\": 7}, \"partner\": {\"name\": \"B\", \"nuts\": null}},"
        "{\"project\": {\"id\": 8}, \"partner\": {\"name\": \"A\", \"nuts\": \"SE332\"}, \"tags\": [\"x\", \"y\"]},"
        "{\"project\": {\"id\": 8}, \"partner\": {\"name\": \"C\", \"nuts\": \"NO071\"}}"
        "]}}", -1, NULL));
    g_assert_true(g_file_set_contents(projects, "id,phase\n7,2014-2020\n8,2021-2027\n", -1, NULL));
    g_autofree char *json = g_strdup_printf(
        "{\"regnet_dataset\": 1, \"name\": \"j\", \"regions\": {\"file\": \"%s\", "
        "\"nuts_edition\": \"2021\"}, \"sources\": ["
        "{\"format\": \"json\", \"file\": \"partners.json\", \"records\": \"data.items\", "
        "\"nuts_edition\": \"2021\", \"constants\": {\"programme\": \"P\"}, "
        "\"columns\": {\"project\": \"project.id\", \"organisation\": \"partner.name\", "
        "\"region\": \"partner.nuts\", \"theme\": \"tags\", \"lon\": \"lon\", \"lat\": \"lat\"}},"
        "{\"format\": \"csv-projects\", \"file\": \"projects.csv\", \"programme\": \"P\", "
        "\"columns\": {\"project\": \"id\", \"period\": \"phase\"}}]}",
        REGNET_SOURCE_DIR "/data/nuts/nuts2021_all_levels_ropensci.csv");
    g_assert_true(g_file_set_contents(path, json, -1, NULL));
    g_autoptr(GError) error = NULL;
    g_autoptr(RnModel) model = load(path, &error);
    g_assert_no_error(error);
    const RnProvenance *p = g_ptr_array_index(model->provenance, 1);
    g_assert_cmpstr(p->format, ==, "json");
    g_assert_cmpuint(p->rows_read, ==, 4);
    g_assert_cmpuint(p->rows_loaded, ==, 4);
    g_assert_cmpuint(count(p->counters, "no region given"), ==, 1);
    guint seven, eight;
    g_assert_true(rn_model_find_project(model, "P", "7", &seven));
    g_assert_true(rn_model_find_project(model, "P", "8", &eight));
    g_assert_cmpstr(g_array_index(model->projects, RnProject, seven).period, ==, "2014-2020");
    g_assert_cmpstr(g_array_index(model->projects, RnProject, eight).period, ==, "2021-2027");
    g_assert_cmpstr(g_array_index(model->projects, RnProject, eight).themes, ==, "x; y");
    const RnOrg *a = &g_array_index(model->orgs, RnOrg, participation(model, 0)->org);
    g_assert_cmpfloat(a->lon, ==, 22.1);
    RnNetworkSpec spec = {.kind = RN_NETWORK_ORG, .period = "2021-2027"};
    g_autoptr(RnNetwork) net = rn_network_build(model, &spec, &error);
    g_assert_no_error(error);
    g_assert_cmpuint(net->nodes->len, ==, 2);
    /* Errors name the record and member. */
    g_assert_true(g_file_set_contents(records, "{\"data\": {\"items\": [{\"project\": {\"id\": 7}, \"tags\": [], "
                                      "\"lon\": 1, \"lat\": 2, "
                                      "\"partner\": {\"name\": \"A\", \"nuts\": \"Munich\"}}]}}", -1, NULL));
    g_autoptr(RnModel) bad = load(path, &error);
    g_assert_null(bad);
    g_autofree char *expected = g_strdup_printf(
        "%s: records[0].partner.nuts: region cell 'Munich' is not a NUTS code; expected a code "
        "such as 'DEG01', or an empty cell", records);
    g_assert_cmpstr(error->message, ==, expected);
    g_clear_error(&error);
    g_assert_true(g_file_set_contents(records, "{\"data\": [1]}", -1, NULL));
    g_autoptr(RnModel) worse = load(path, &error);
    g_assert_null(worse);
    g_free(expected);
    expected = g_strdup_printf("%s: member 'data.items' is not an array; expected an array of "
                               "records (objects)", records);
    g_assert_cmpstr(error->message, ==, expected);
    g_unlink(records);
    g_unlink(projects);
    g_unlink(path);
    g_rmdir(dir);
}

/* Issue 9: the period is the row's (project's), not the programme's first row's.
 * Four rows, one programme, two periods: before the fix every project took
 * 2014-2020 and the 2021-2027 network was empty. */
static void test_period_per_row(void)
{
    g_autoptr(GError) error = NULL;
    g_autoptr(RnModel) model = load(FIXTURES "periods.json", &error);
    g_assert_no_error(error);
    g_assert_cmpuint(model->programmes->len, ==, 1);
    g_assert_cmpuint(model->projects->len, ==, 2);
    guint p1, p2;
    g_assert_true(rn_model_find_project(model, "Interreg Sverige-Norge", "P1", &p1));
    g_assert_true(rn_model_find_project(model, "Interreg Sverige-Norge", "P2", &p2));
    g_assert_cmpstr(g_array_index(model->projects, RnProject, p1).period, ==, "2014-2020");
    g_assert_cmpstr(g_array_index(model->projects, RnProject, p2).period, ==, "2021-2027");
    g_autoptr(GPtrArray) periods = rn_model_periods(model);
    g_assert_cmpuint(periods->len, ==, 2);
    g_assert_cmpstr(g_ptr_array_index(periods, 1), ==, "2021-2027");
    const RnProvenance *prov = g_ptr_array_index(model->provenance, 1);
    g_assert_cmpuint(count(prov->counters, "rows in period 2014-2020"), ==, 2);
    g_assert_cmpuint(count(prov->counters, "rows in period 2021-2027"), ==, 2);
    const char *names[] = {"2014-2020", "2021-2027"};
    const char *first_org[] = {"Lulea tekniska universitet", "Umea universitet"};
    for (guint k = 0; k < 2; k++) {
        RnNetworkSpec spec = {.kind = RN_NETWORK_ORG, .period = names[k]};
        g_autoptr(RnNetwork) net = rn_network_build(model, &spec, &error);
        g_assert_no_error(error);
        g_assert_cmpuint(net->nodes->len, ==, 2);
        g_assert_cmpuint(net->edges->len, ==, 1);
        const char *a = g_array_index(net->nodes, RnNode, 0).label;
        const char *b = g_array_index(net->nodes, RnNode, 1).label;
        g_assert_true(strcmp(a, first_org[k]) == 0 || strcmp(b, first_org[k]) == 0);
    }
}

static void test_mapping_errors(void)
{
    expect_failure("p,o\n1,A\n", "\"columns\": {\"project\": \"p\", \"organisation\": \"org\"}",
                   RN_ERROR_DATA,
                   "%s/rows.csv:1:1: header has no column 'org' (columns.organisation in %s/d.json)");
    expect_failure("p,o\n1,A\n", "\"columns\": {\"project\": \"p\", \"partner\": \"o\"}",
                   RN_ERROR_DATA,
                   "%s/d.json: sources[0].columns.partner: unknown member; expected one of: "
                   "project, programme, period, organisation, organisation_id, country, role, "
                   "sector, theme, budget, postcode, lon, lat, region");
    expect_failure("p,o,r\n1,A,DE212\n",
                   "\"columns\": {\"project\": \"p\", \"organisation\": \"o\", \"region\": \"r\"}",
                   RN_ERROR_DATA,
                   "%s/d.json: sources[0]: 'nuts_edition' is missing; a source with region "
                   "columns names its NUTS edition");
    expect_failure("p,o,r\n1,A,DE212\n2,B,Munich\n",
                   "\"nuts_edition\": \"2021\", \"columns\": {\"project\": \"p\", "
                   "\"organisation\": \"o\", \"region\": \"r\"}",
                   RN_ERROR_DATA,
                   "%s/rows.csv:3:5: region cell 'Munich' is not a NUTS code; expected a code "
                   "such as 'DEG01', or an empty cell");
}

static void test_gzip(void)
{
    /* The bundled FP7 organisation table is read through gzip. */
    g_autoptr(GError) error = NULL;
    char *text = NULL;
    gsize length = 0;
    g_assert_true(rn_read_file(REGNET_SOURCE_DIR "/data/cordis/fp7_organisations.csv.gz", NULL,
                               &text, &length, &error));
    g_assert_true(g_str_has_prefix(text, "new_org_id;name;shortName;"));
    g_assert_cmpuint(text[length], ==, 0);
    g_free(text);
    g_autofree char *dir = g_dir_make_tmp("regnet-gz-XXXXXX", NULL);
    g_autofree char *bad = g_build_filename(dir, "bad.csv.gz", NULL);
    g_assert_true(g_file_set_contents(bad, "not gzip at all", -1, NULL));
    g_assert_false(rn_read_file(bad, "bad.csv.gz", &text, &length, &error));
    g_assert_error(error, RN_ERROR, RN_ERROR_DATA);
    g_assert_true(g_str_has_prefix(error->message, "bad.csv.gz: not a valid gzip file: "));
    g_clear_error(&error);
    g_unlink(bad);

    /* Two gzip members concatenated (what `cat a.gz b.gz` makes, and what
     * gzip(1) reads as one stream): the trailer's size hint is the last
     * member's, so the buffer must grow, and the second member must be read. */
    GString *rows = g_string_new("p,o\n");
    for (int k = 0; k < 20000; k++)
        g_string_append_printf(rows, "%d,Org %d\n", k, k);
    g_autofree char *two = g_build_filename(dir, "two.csv.gz", NULL);
    GByteArray *bytes = g_byte_array_new();
    const char *parts[] = {rows->str, "20000,Org last\n"};
    for (guint k = 0; k < 2; k++) {
        g_autoptr(GZlibCompressor) gz = g_zlib_compressor_new(G_ZLIB_COMPRESSOR_FORMAT_GZIP, 6);
        g_autoptr(GInputStream) in = g_memory_input_stream_new_from_data(parts[k], -1, NULL);
        g_autoptr(GInputStream) zin = g_converter_input_stream_new(in, G_CONVERTER(gz));
        guint8 chunk[4096];
        gssize n;
        while ((n = g_input_stream_read(zin, chunk, sizeof chunk, NULL, &error)) > 0)
            g_byte_array_append(bytes, chunk, (guint)n);
        g_assert_no_error(error);
    }
    g_assert_true(g_file_set_contents(two, (const char *)bytes->data, bytes->len, NULL));
    /* Cut short, the same data is an error, not a short read. */
    g_autofree char *cut = g_build_filename(dir, "cut.csv.gz", NULL);
    g_assert_true(g_file_set_contents(cut, (const char *)bytes->data, bytes->len / 3, NULL));
    g_assert_false(rn_read_file(cut, "cut.csv.gz", &text, &length, &error));
    g_assert_error(error, RN_ERROR, RN_ERROR_DATA);
    g_assert_true(g_str_has_prefix(error->message, "cut.csv.gz: not a valid gzip file: "));
    g_clear_error(&error);
    g_unlink(cut);
    g_byte_array_unref(bytes);
    g_assert_true(rn_read_file(two, NULL, &text, &length, &error));
    g_assert_no_error(error);
    g_assert_cmpuint(length, ==, rows->len + strlen(parts[1]));
    g_assert_true(g_str_has_suffix(text, "19999,Org 19999\n20000,Org last\n"));
    g_free(text);
    g_string_free(rows, TRUE);
    g_unlink(two);
    g_rmdir(dir);
}

static void test_identity_across_sources(void)
{
    /* Two spreadsheets name the same bodies differently: a postcode joins the
     * loose-key match across files, a different postcode does not, and ISO's
     * GR is written EL. */
    g_autofree char *dir = g_dir_make_tmp("regnet-identity-XXXXXX", NULL);
    g_autofree char *a = g_build_filename(dir, "a.csv", NULL);
    g_autofree char *b = g_build_filename(dir, "b.csv", NULL);
    g_autofree char *d = g_build_filename(dir, "d.json", NULL);
    g_assert_true(g_file_set_contents(a, "programme,project,org,country,postcode\n"
                                         "P1,x,Stadtwerke Musterstadt GmbH,DE,D-12345\n"
                                         "P1,x,Agence Alpha,FR,75001\n", -1, NULL));
    g_assert_true(g_file_set_contents(b, "programme,project,org,country,postcode\n"
                                         "P2,z,STADTWERKE MUSTERSTADT,de,12345\n"
                                         "P2,z,Agence Alpha SA,FR,13001\n"
                                         "P2,z,Dimos Athinaion,GR,10552\n", -1, NULL));
    const char *columns = "\"columns\": {\"programme\": \"programme\", \"project\": \"project\", "
                          "\"organisation\": \"org\", \"country\": \"country\", "
                          "\"postcode\": \"postcode\"}";
    g_autofree char *description = g_strdup_printf(
        "{\"regnet_dataset\": 1, \"name\": \"two sheets\", \"regions\": {\"file\": \"%s\", "
        "\"nuts_edition\": \"2021\"}, \"sources\": [{\"format\": \"csv\", \"file\": \"a.csv\", "
        "%s}, {\"format\": \"csv\", \"file\": \"b.csv\", %s}]}",
        REGNET_SOURCE_DIR "/data/nuts/nuts2021_all_levels_ropensci.csv", columns, columns);
    g_assert_true(g_file_set_contents(d, description, -1, NULL));
    g_autoptr(GError) error = NULL;
    g_autoptr(RnModel) model = load(d, &error);
    g_assert_no_error(error);
    g_assert_cmpuint(model->orgs->len, ==, 4);
    const RnOrg *kept = &g_array_index(model->orgs, RnOrg, 0);
    g_assert_cmpstr(kept->key, ==, "DE|stadtwerke musterstadt gmbh");
    g_assert_cmpuint(kept->n_rows, ==, 2);
    g_assert_true(g_hash_table_lookup(model->org_index, "DE|stadtwerke musterstadt") ==
                  GUINT_TO_POINTER(1));
    g_assert_cmpuint(model->postcode_merges->len, ==, 1);
    const RnOrgMerge *merge = g_ptr_array_index(model->postcode_merges, 0);
    g_assert_cmpstr(g_ptr_array_index(merge->merged, 0), ==, "DE|stadtwerke musterstadt");
    g_assert_cmpstr(g_ptr_array_index(merge->postcodes, 0), ==, "12345");
    g_autoptr(GPtrArray) near = rn_model_near_duplicates(model);
    g_assert_cmpuint(near->len, ==, 1); /* Agence Alpha: 75001 and 13001 */
    GPtrArray *group = g_ptr_array_index(near, 0);
    g_assert_cmpstr(g_ptr_array_index(group, 1), ==, "FR|agence alpha sa");
    const RnProvenance *second = g_ptr_array_index(model->provenance, 2);
    g_assert_cmpuint(count(second->counters, "country code GR written EL"), ==, 1);
    g_assert_true(g_hash_table_contains(model->org_index, "EL|dimos athinaion"));
    g_assert_cmpuint(second->rows_loaded + second->rows_merged, ==, 3);
    g_unlink(a);
    g_unlink(b);
    g_unlink(d);
    g_rmdir(dir);
}

static void test_harmonise(void)
{
    /* NUTS 2013 -> 2016 -> 2021 with the JRC matrices: DE915 and DE919 merge
     * into DE91C, FR212 becomes FRF22, TR310 (outside the matrices) and FR101
     * stay, FRA (2013 overseas France) has no 2021 counterpart. */
    g_autoptr(GError) error = NULL;
    RnModel *model = rn_model_new();
    g_autofree char *name = NULL;
    RnLoadOptions options = {.nuts_edition = "2021"};
    g_assert_true(rn_load_dataset(model, REGNET_SOURCE_DIR "/tests/fixtures/harmonise/dataset.json",
                                  &options, &name, &error));
    g_assert_no_error(error);
    g_assert_cmpstr(model->nuts_edition, ==, "2021");
    RnNetworkSpec spec = {.kind = RN_NETWORK_REGION, .level = 3};
    g_autoptr(RnNetwork) net = rn_network_build(model, &spec, &error);
    const char *expected[] = {"DE91C", "FR101", "FRF22", "TR310"};
    g_assert_cmpuint(net->nodes->len, ==, G_N_ELEMENTS(expected));
    for (guint i = 0; i < G_N_ELEMENTS(expected); i++)
        g_assert_cmpstr(g_array_index(net->nodes, RnNode, i).id, ==, expected[i]);
    g_assert_cmpuint(count(net->unlocated_by_reason, "no NUTS 2021 counterpart"), ==, 1);
    const RnProvenance *h = g_ptr_array_index(model->provenance, model->provenance->len - 1);
    g_assert_cmpstr(h->format, ==, "nuts-harmonisation");
    g_assert_cmpuint(h->rows_read, ==, 6);
    g_assert_cmpuint(h->rows_loaded, ==, 5);
    g_assert_cmpuint(count(h->rejected_by_reason, "code FRA: no NUTS 2021 counterpart"), ==, 1);
    g_assert_cmpuint(count(h->counters, "codes renamed or merged"), ==, 3);
    rn_model_free(model);

    /* An edition the description cannot map to. */
    model = rn_model_new();
    options.nuts_edition = "2024";
    g_clear_pointer(&name, g_free);
    g_assert_false(rn_load_dataset(model, REGNET_SOURCE_DIR "/tests/fixtures/harmonise/dataset.json",
                                   &options, &name, &error));
    g_assert_error(error, RN_ERROR, RN_ERROR_USAGE);
    g_assert_true(g_str_has_suffix(error->message, "regions.harmonisation has no NUTS 2024 "
                                                   "mapping; editions available: 2021"));
    rn_model_free(model);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/mapped/cordis-current-schema", test_cordis_current_schema);
    g_test_add_func("/mapped/partnership-list", test_partnership_list);
    g_test_add_func("/mapped/mapping-errors", test_mapping_errors);
    g_test_add_func("/mapped/period-per-row", test_period_per_row);
    g_test_add_func("/mapped/cleaning-members", test_cleaning_members);
    g_test_add_func("/mapped/cleaning-errors", test_cleaning_errors);
    g_test_add_func("/mapped/constants", test_constants);
    g_test_add_func("/mapped/json-and-project-periods", test_json_and_project_periods);
    g_test_add_func("/mapped/gzip", test_gzip);
    g_test_add_func("/mapped/harmonise", test_harmonise);
    g_test_add_func("/mapped/identity-across-sources", test_identity_across_sources);
    return g_test_run();
}
