/* test_exports.c — the neutral export table and the text formats on small,
 * hand-written reports: number text identical to the JSON report's (cJSON),
 * flattening and column types, missing values, CSV quoting, Pajek and DL
 * label rules, and the errors of a malformed report. */
#include <locale.h>
#include <math.h>
#include <string.h>

#include "engine/countries.h"
#include "engine/error.h"
#include "output/export.h"

/* A small report: three nodes (one isolated with a null constraint), two edges. */
static const char report_text[] =
    "{\"schema\": \"regnet-report\", \"schema_version\": \"2.0.0\","
    " \"dataset\": {\"name\": \"d\", \"attribution\": \"Source: test\"},"
    " \"parameters\": {\"network\": \"org\", \"level\": null, \"weight\": \"projects\"},"
    " \"nodes\": ["
    "  {\"id\": \"A|x, \\\"y\\\"\", \"label\": \"Île \\\"A\\\"\", \"country\": \"FR\", \"region\": null,"
    "   \"cluster\": true, \"metrics\": {\"degree\": 2, \"betweenness\": 0.1,"
    "   \"constraint\": 0.5, \"brokerage\": {\"liaison\": 3}}},"
    "  {\"id\": \"B\", \"label\": \"B\", \"country\": \"DE\", \"region\": \"DE1\", \"cluster\": false,"
    "   \"metrics\": {\"degree\": 1, \"betweenness\": 0.30000000000000004,"
    "   \"constraint\": 1, \"brokerage\": {\"liaison\": 0}}},"
    "  {\"id\": \"12\", \"label\": \"C\", \"country\": \"\", \"region\": null, \"cluster\": false,"
    "   \"metrics\": {\"degree\": 0, \"betweenness\": 0, \"constraint\": null,"
    "   \"brokerage\": {\"liaison\": 0}}}],"
    " \"edges\": [{\"id\": \"e0\", \"source\": \"A|x, \\\"y\\\"\", \"target\": \"B\", \"weight\": 0.5,"
    "   \"projects\": 1}]}";

static RnExportTable *small_table(void)
{
    g_autoptr(GError) error = NULL;
    RnExportTable *t = rn_export_table_new(cJSON_Parse(report_text), "small", &error);
    g_assert_no_error(error);
    return t;
}

static const RnExportColumn *column(const RnExportTable *t, const char *name, guint *index)
{
    for (guint k = 0; k < t->node_columns->len; k++)
        if (strcmp(g_array_index(t->node_columns, RnExportColumn, k).name, name) == 0) {
            *index = k;
            return &g_array_index(t->node_columns, RnExportColumn, k);
        }
    return NULL;
}

static void test_number_text_is_cjson(void)
{
    /* every value prints as cJSON prints it in the report */
    GRand *rand = g_rand_new_with_seed(7);
    g_autoptr(GString) text = g_string_new(NULL);
    const double fixed[] = {0, -0.0, 1, -1, 0.1, 1.0 / 3, 2147483647.0, -2147483648.0,
                            2147483648.0, 1e300, 5e-324, 9007199254740993.0, 596.57750173499062};
    for (guint k = 0; k < 20000 + G_N_ELEMENTS(fixed); k++) {
        double x = k < G_N_ELEMENTS(fixed)
                       ? fixed[k]
                       : (g_rand_double(rand) - 0.5) * pow(10, g_rand_int_range(rand, -12, 12));
        cJSON *item = cJSON_CreateNumber(x);
        char *want = cJSON_PrintUnformatted(item);
        g_string_truncate(text, 0);
        rn_export_number_text(x, text);
        g_assert_cmpstr(text->str, ==, want);
        cJSON_free(want);
        cJSON_Delete(item);
    }
    g_rand_free(rand);
}

static void test_flattening_and_types(void)
{
    g_autoptr(RnExportTable) t = small_table();
    g_assert_cmpuint(t->n_nodes, ==, 3);
    g_assert_cmpuint(t->n_edges, ==, 1);
    guint k;
    /* metrics without prefix, nested objects with theirs; the kind is added */
    g_assert_cmpint(column(t, "kind", &k)->type, ==, RN_VALUE_STRING);
    g_assert_cmpstr(t->node_cells[k]->valuestring, ==, "organisation");
    g_assert_cmpint(column(t, "degree", &k)->type, ==, RN_VALUE_INTEGER);
    g_assert_cmpint(column(t, "betweenness", &k)->type, ==, RN_VALUE_DOUBLE);
    g_assert_cmpint(column(t, "brokerage_liaison", &k)->type, ==, RN_VALUE_INTEGER);
    g_assert_cmpint(column(t, "cluster", &k)->type, ==, RN_VALUE_BOOLEAN);
    g_assert_cmpint(column(t, "constraint", &k)->type, ==, RN_VALUE_DOUBLE);
    g_assert_null(t->node_cells[2 * t->node_columns->len + k]); /* null: missing */
    g_assert_null(column(t, "nuts_level", &k)); /* organisations have no NUTS level */
    g_assert_null(column(t, "metrics", &k));
    g_assert_cmpstr(t->attribution, ==, "Source: test");
    g_assert_cmpfloat(t->edge_weight[0], ==, 0.5);
}

static char *render(const RnExportTable *t, RnExportFormat format, guint file)
{
    g_autoptr(GPtrArray) files = rn_export_files_new();
    g_autoptr(GError) error = NULL;
    g_assert_true(rn_export_render(t, format, files, &error));
    g_assert_no_error(error);
    const RnExportFile *f = g_ptr_array_index(files, file);
    return g_strndup(f->data, f->length);
}

static void test_csv(void)
{
    g_autoptr(RnExportTable) t = small_table();
    g_autofree char *nodes = render(t, RN_EXPORT_CSV, 0);
    g_autofree char *edges = render(t, RN_EXPORT_CSV, 1);
    /* byte order mark, RFC 4180 quoting, CRLF, empty cells for missing values;
     * 0.30000000000000004 prints as the report prints it: 0.3 (cJSON keeps 15
     * digits when they read back within one unit in the last place) */
    g_assert_true(g_str_has_prefix(nodes, "\xEF\xBB\xBFid,label,kind,country,region,cluster,"
                                          "degree,betweenness,constraint,brokerage_liaison\r\n"));
    g_assert_nonnull(strstr(nodes, "\r\n\"A|x, \"\"y\"\"\",\"Île \"\"A\"\"\",organisation,FR,,true,"
                                   "2,0.1,0.5,3\r\n"));
    g_assert_nonnull(strstr(nodes, "\r\nB,B,organisation,DE,DE1,false,1,0.3,1,0\r\n"));
    g_assert_true(g_str_has_suffix(nodes, "\r\n12,C,organisation,,,false,0,0,,0\r\n"));
    g_assert_cmpstr(edges, ==, "\xEF\xBB\xBFid,source,target,weight,projects\r\n"
                               "e0,\"A|x, \"\"y\"\"\",B,0.5,1\r\n");
}

static void test_pajek_and_dl_labels(void)
{
    g_autoptr(RnExportTable) t = small_table();
    g_autofree char *net = render(t, RN_EXPORT_PAJEK, 0);
    /* quotes inside a Pajek label become apostrophes; the attribution is a comment */
    g_assert_nonnull(strstr(net, "% Source: test\r\n*Vertices 3\r\n1 \"A|x, 'y'\"\r\n2 \"B\"\r\n"
                                 "3 \"12\"\r\n*Edges\r\n1 2 0.5\r\n"));
    g_autofree char *dl = render(t, RN_EXPORT_DL, 0);
    /* a DL label is one token; one that reads as a number gets a leading '_' */
    g_assert_cmpstr(dl, ==, "DL N=3\r\nFORMAT = EDGELIST1\r\nLABELS:\r\nA|x;_y\r\nB\r\n_12\r\n"
                            "LABELS EMBEDDED:\r\nDATA:\r\nA|x;_y B 0.5\r\n");
}

static void test_xml_formats(void)
{
    g_autoptr(RnExportTable) t = small_table();
    g_autofree char *gexf = render(t, RN_EXPORT_GEXF, 0);
    g_assert_nonnull(strstr(gexf, "<gexf version=\"1.3\" xmlns=\"http://gexf.net/1.3\">"));
    g_assert_nonnull(strstr(gexf, "<attribute id=\"degree\" title=\"degree\" type=\"integer\"/>"));
    g_assert_nonnull(strstr(gexf, "<node id=\"A|x, &quot;y&quot;\" label=\"Île &quot;A&quot;\">"));
    g_assert_null(strstr(gexf, "for=\"constraint\" value=\"\"")); /* missing: no attvalue */
    g_assert_nonnull(strstr(gexf, "<description>d. Source: test</description>"));
    g_autofree char *graphml = render(t, RN_EXPORT_GRAPHML, 0);
    g_assert_nonnull(strstr(graphml, "<key id=\"v_degree\" for=\"node\" attr.name=\"degree\" "
                                     "attr.type=\"long\"/>"));
    g_assert_nonnull(strstr(graphml, "<data key=\"g_attribution\">Source: test</data>"));
}

static void test_malformed_reports(void)
{
    const struct {
        const char *json, *message;
    } cases[] = {
        {"{\"parameters\": {\"network\": \"org\"}, \"nodes\": {}}",
         "r: 'nodes' is not an array; expected an array of node objects"},
        {"{\"parameters\": {}, \"nodes\": []}", "r: parameters: 'network' is missing; expected a string"},
        {"{\"parameters\": {\"network\": \"org\"}, \"nodes\": [{\"id\": \"a\"}, {\"id\": \"a\"}]}",
         "r: nodes[1]: node id 'a' is given twice; expected each node once"},
        {"{\"parameters\": {\"network\": \"org\"}, \"nodes\": [{\"id\": \"a\"}],"
         " \"edges\": [{\"source\": \"a\"}]}",
         "r: edges[0]: 'target' is missing; expected a string"},
        {"{\"parameters\": {\"network\": \"org\"}, \"nodes\": [{\"id\": \"a\", \"x\": 1,"
         " \"metrics\": {\"x\": 2}}]}",
         "r: nodes[0]: two members give the attribute 'x'; expected distinct names"},
    };
    for (guint k = 0; k < G_N_ELEMENTS(cases); k++) {
        g_autoptr(GError) error = NULL;
        RnExportTable *t = rn_export_table_new(cJSON_Parse(cases[k].json), "r", &error);
        g_assert_null(t);
        g_assert_error(error, RN_ERROR, RN_ERROR_DATA);
        g_assert_cmpstr(error->message, ==, cases[k].message);
    }
}

static void test_country_names(void)
{
    g_assert_cmpstr(rn_country_name_en("EL"), ==, "Greece");
    g_assert_cmpstr(rn_country_name_en("GR"), ==, "Greece");
    g_assert_cmpstr(rn_country_name_en("UK"), ==, "United Kingdom");
    g_assert_cmpstr(rn_country_name_en("CZ"), ==, "Czechia");
    g_assert_cmpstr(rn_country_name_en("TR"), ==, "Türkiye");
    g_assert_cmpstr(rn_country_name_en("XK"), ==, "Kosovo");
    g_assert_null(rn_country_name_en("el"));
    g_assert_null(rn_country_name_en("ZZ"));
    g_assert_nonnull(strstr(rn_country_names_attribution(), "Eurostat"));
}

int main(int argc, char **argv)
{
    setlocale(LC_ALL, "C");
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/exports/number-text-is-cjson", test_number_text_is_cjson);
    g_test_add_func("/exports/flattening-and-types", test_flattening_and_types);
    g_test_add_func("/exports/csv", test_csv);
    g_test_add_func("/exports/pajek-and-dl-labels", test_pajek_and_dl_labels);
    g_test_add_func("/exports/xml-formats", test_xml_formats);
    g_test_add_func("/exports/malformed-reports", test_malformed_reports);
    g_test_add_func("/exports/country-names", test_country_names);
    return g_test_run();
}
