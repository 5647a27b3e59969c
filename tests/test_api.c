/* test_api.c — the HTTP API's queries without HTTP (server/api.h): the
 * option table's validation and messages, the normalised cache key, the
 * parameters the server owns, flags and `file`. */
#include <string.h>

#include "engine/error.h"
#include "server/api.h"

static RnApiQuery *parse(RnApiKind kind, const char *query, GError **error)
{
    return rn_api_query_parse(kind, query, "data/keep-2014-2020.json", error);
}

static void expect_error(RnApiKind kind, const char *query, const char *message)
{
    g_autoptr(GError) error = NULL;
    g_autoptr(RnApiQuery) q = parse(kind, query, &error);
    g_assert_null(q);
    g_assert_error(error, RN_ERROR, RN_ERROR_USAGE);
    if (message)
        g_assert_cmpstr(error->message, ==, message);
}

static void test_key(void)
{
    g_autoptr(RnApiQuery) a = parse(RN_API_ANALYZE, "network=region&level=2&alpha=1.0", NULL);
    g_autoptr(RnApiQuery) b = parse(RN_API_ANALYZE, "alpha=1&level=02&network=region", NULL);
    g_autoptr(RnApiQuery) c = parse(RN_API_ANALYZE, "network=region&level=1", NULL);
    g_assert_nonnull(a);
    g_assert_nonnull(b);
    g_assert_cmpstr(a->key, ==, b->key);
    g_assert_cmpstr(a->key, !=, c->key);
    g_assert_cmpstr(a->key, ==, "analyze?network=region&level=2&alpha=1&");
    g_autoptr(RnApiQuery) empty = parse(RN_API_ANALYZE, NULL, NULL);
    g_assert_cmpstr(empty->key, ==, "analyze?");
    g_assert_cmpstr(empty->settings.dataset, ==, "data/keep-2014-2020.json");
    g_assert_cmpstr(empty->settings.output, ==, "-");
    g_autoptr(RnApiQuery) themes = parse(RN_API_ANALYZE, "themes=%5ETO1+", NULL);
    g_assert_cmpstr(g_regex_get_pattern(themes->settings.themes), ==, "^TO1 ");
    g_autoptr(RnApiQuery) compare = parse(RN_API_COMPARE, "periods=a,b&level=2", NULL);
    g_assert_cmpstr(compare->key, ==, "compare?level=2&periods=a%2Cb&");
    g_assert_cmpuint(g_strv_length(compare->settings.period_list), ==, 2);
}

static void test_flags_and_files(void)
{
    g_autoptr(RnApiQuery) a = parse(RN_API_ANALYZE, "group=country&bridges", NULL);
    g_autoptr(RnApiQuery) b = parse(RN_API_ANALYZE, "group=country&bridges=true", NULL);
    g_assert_true(a->settings.bridges);
    g_assert_cmpstr(a->key, ==, b->key);
    expect_error(RN_API_ANALYZE, "group=country&bridges=no",
                 "bridges 'no' is not a flag value; expected '1', 'true' or nothing");
    g_autoptr(RnApiQuery) csv = parse(RN_API_ANALYZE, "format=csv&file=edges.csv", NULL);
    g_assert_cmpstr(csv->file, ==, "edges.csv");
    g_assert_true(g_str_has_suffix(csv->key, "file=edges.csv"));
    expect_error(RN_API_ANALYZE, "format=csv&file=..%2Fx",
                 "file '../x' is not a file name; expected a file of the folder format (e.g. "
                 "nodes.csv)");
}

static void test_refusals(void)
{
    expect_error(RN_API_ANALYZE, "level=9", "level 9 is outside 0-3; expected a NUTS level");
    expect_error(RN_API_ANALYZE, "level=two",
                 "level 'two' is not an integer; expected a NUTS level, 0-3");
    expect_error(RN_API_ANALYZE, "level=2&level=2", "parameter 'level' is given twice; expected it once");
    expect_error(RN_API_ANALYZE, "level=%ZZ", "the query string is not valid URL encoding at "
                                              "parameter 1; expected name=value pairs separated by '&'");
    expect_error(RN_API_ANALYZE, "network=region&period=a%00b", "the query string is not valid URL "
                 "encoding at parameter 2; expected name=value pairs separated by '&'");
    expect_error(RN_API_ANALYZE, "=2", NULL);
    expect_error(RN_API_ANALYZE, "bridges=1",
                 "--bridges needs a region network and --group (e.g. --group country)");
    const char *owned[] = {"dataset=x", "output=x", "threads=2", "quiet=1", "timings=1",
                           "skip-invalid-rows=1", "nuts-edition=2016", "d=x", "l=2"};
    for (guint k = 0; k < G_N_ELEMENTS(owned); k++) {
        g_autoptr(GError) error = NULL;
        g_autoptr(RnApiQuery) q = parse(RN_API_ANALYZE, owned[k], &error);
        g_assert_null(q);
        g_assert_true(g_str_has_prefix(error->message, "unknown parameter '"));
    }
    expect_error(RN_API_COMPARE, "periods=a,b&weight=newman", NULL);
    expect_error(RN_API_COMPARE, "level=2", "compare: --dataset, --periods and --output are "
                                            "required (see regnet compare --help)");
    expect_error(RN_API_COMPARE, "periods=a&format=gexf", NULL);
    g_autofree char *huge = g_strnfill(RN_API_QUERY_MAX + 1, 'x');
    expect_error(RN_API_ANALYZE, huge, NULL);
}

static void test_error_json(void)
{
    g_autofree char *json = rn_api_error_json(400, "level \"9\" is outside");
    g_assert_cmpstr(json, ==, "{\"error\":\"level \\\"9\\\" is outside\",\"status\":400}\n");
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/api/key", test_key);
    g_test_add_func("/api/flags-and-files", test_flags_and_files);
    g_test_add_func("/api/refusals", test_refusals);
    g_test_add_func("/api/error-json", test_error_json);
    return g_test_run();
}
