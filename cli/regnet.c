/*
 * regnet.c — the command-line interface.  main() alone owns stderr, stdout
 * and the exit status; everything else reports through GError.
 *
 * Messages go to stderr as "regnet: ..." (file problems as
 * "regnet: FILE:LINE:COL: ...").  Exit statuses: see README.md and
 * engine/error.h.
 */
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analyses/analysis.h"
#include "analyses/bridging.h"
#include "analyses/centrality.h"
#include "analyses/compare.h"
#include "engine/error.h"
#include "loaders/loaders.h"
#include "output/output.h"

static const char commands_text[] =
    "Commands:\n"
    "  analyze    load a dataset, build a network, write a JSON report\n"
    "  compare    compare the networks of two or more periods, write a JSON report\n"
    "  version    print the version and library versions\n"
    "\n"
    "Run 'regnet COMMAND --help' for a command's options.\n"
    "Exit status: 0 success, 1 computation failed, 2 usage error, 3 input\n"
    "cannot be read, 4 input malformed, 5 output cannot be written.";

static int fail(GError *error)
{
    fprintf(stderr, "regnet: %s\n", error->message);
    int code = error->domain == RN_ERROR ? error->code : RN_ERROR_USAGE;
    g_error_free(error);
    return code;
}

static gboolean parse_network_kind(const char *text, RnNetworkKind *kind, GError **error)
{
    if (g_strcmp0(text, "region") == 0)
        *kind = RN_NETWORK_REGION;
    else if (g_strcmp0(text, "org") == 0)
        *kind = RN_NETWORK_ORG;
    else if (g_strcmp0(text, "country") == 0)
        *kind = RN_NETWORK_COUNTRY;
    else if (g_strcmp0(text, "sector") == 0)
        *kind = RN_NETWORK_SECTOR;
    else {
        g_set_error(error, RN_ERROR, RN_ERROR_USAGE,
                    "unknown network kind '%s'; expected 'region', 'org', 'country' or 'sector'",
                    text);
        return FALSE;
    }
    return TRUE;
}

/* Compiles the regular expression of --option (case-insensitive); NULL text
 * gives NULL. */
static gboolean compile_filter(const char *option, const char *text, GRegex **regex,
                               GError **error)
{
    *regex = NULL;
    if (!text)
        return TRUE;
    g_autoptr(GError) local = NULL;
    *regex = g_regex_new(text, G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, &local);
    if (!*regex) {
        g_set_error(error, RN_ERROR, RN_ERROR_USAGE, "--%s '%s' is not a regular "
                    "expression: %s", option, text, local->message);
        return FALSE;
    }
    return TRUE;
}

static gboolean parse_weighting(const char *text, RnWeighting *weighting, GError **error)
{
    if (g_strcmp0(text, "projects") == 0)
        *weighting = RN_WEIGHT_PROJECTS;
    else if (g_strcmp0(text, "newman") == 0)
        *weighting = RN_WEIGHT_NEWMAN;
    else {
        g_set_error(error, RN_ERROR, RN_ERROR_USAGE,
                    "unknown weight '%s'; expected 'projects' or 'newman'", text);
        return FALSE;
    }
    return TRUE;
}

/* Prints the network size and the five nodes with the highest betweenness. */
static void print_summary(const RnNetwork *net, const RnSummary *s, const RnCentrality *c,
                          const char *output)
{
    printf("%s network", rn_network_kind_name(net->kind));
    if (net->kind == RN_NETWORK_REGION)
        printf(" (NUTS level %d)", net->level);
    printf(": %u nodes, %u edges, density %.4f, %u components, largest holds %.1f%%\n",
           s->nodes, s->edges, s->density, s->components, 100.0 * s->largest_component_share);
    printf("  %u projects, %u participations (%u unlocated)\n", net->projects_selected,
           net->participations_selected, net->participations_unlocated);
    g_autofree guint *order = g_new(guint, s->nodes);
    guint top = MIN(5, s->nodes);
    rn_top_indices(c->betweenness, s->nodes, top, order);
    printf("  top by betweenness:\n");
    for (guint k = 0; k < top; k++) {
        const RnNode *node = &g_array_index(net->nodes, RnNode, order[k]);
        /* Pad by characters, not bytes: labels are UTF-8. */
        glong length = g_utf8_strlen(node->label, -1);
        g_autofree char *label = g_utf8_substring(node->label, 0, MIN(length, 40));
        g_autofree char *padding = g_strnfill((gsize)(40 - MIN(length, 40)), ' ');
        printf("    %-8s %s%s betweenness %.4f  degree %.0f  strength %g\n",
               net->kind != RN_NETWORK_ORG ? node->id : node->country, label, padding,
               c->betweenness[order[k]], c->degree[order[k]], c->strength[order[k]]);
    }
    printf("  report: %s\n", output);
}

/* Prints the headline bridging figures: E-I, communities, regions as bridges. */
static void print_bridging(const RnNetwork *net, const RnCentrality *c, const RnBridging *b)
{
    printf("  grouping %s: E-I index %.3f (p = %.3g), assortativity %.3f; %u communities, "
           "modularity %.3f\n",
           b->grouping.name, b->ei.network.ei, b->ei.p_two_sided, b->ei.assortativity,
           b->communities.count, b->communities.modularity);
    if (!b->regions)
        return;
    guint n = net->nodes->len, k = MIN(3, n);
    g_autofree double *score = g_new(double, n + 1);
    g_autofree guint *order = g_new(guint, n + 1);
    const char *names[] = {"region-network betweenness", "organisation betweenness (sum)",
                           "bridging paths"};
    for (int d = 0; d < 3; d++) {
        for (guint i = 0; i < n; i++)
            score[i] = d == 0 ? c->betweenness[i]
                     : d == 1 ? b->regions[i].betweenness_sum
                              : b->regions[i].bridging_paths;
        rn_top_indices(score, n, k, order);
        printf("  top bridges by %s:", names[d]);
        for (guint j = 0; j < k; j++)
            printf(" %s %s (%.4g)%s", g_array_index(net->nodes, RnNode, order[j]).id,
                   g_array_index(net->nodes, RnNode, order[j]).label, score[order[j]],
                   j + 1 < k ? "," : "\n");
    }
}

static int command_analyze(int argc, char **argv)
{
    g_autofree char *dataset = NULL, *network_text = NULL, *weight_text = NULL;
    g_autofree char *output = NULL, *programme = NULL, *period = NULL;
    int level = 2, threads = 0;
    double alpha = 1.0;
    gboolean skip_invalid = FALSE, quiet = FALSE, timings = FALSE, bridges = FALSE;
    g_autofree char *group = NULL, *objective_text = NULL, *nuts_edition = NULL;
    g_autofree char *programmes_text = NULL, *themes_text = NULL;
    g_autoptr(GRegex) programmes = NULL, themes = NULL;
    double resolution = 1.0;
    gint64 seed = 1;
    int runs = 10, permutations = 1000, top = 10;
    GOptionEntry entries[] = {
        {"dataset", 'd', 0, G_OPTION_ARG_FILENAME, &dataset, "Dataset description (JSON)", "FILE"},
        {"network", 'n', 0, G_OPTION_ARG_STRING, &network_text, "Network kind: region, org, country or sector (default region)", "KIND"},
        {"level", 'l', 0, G_OPTION_ARG_INT, &level, "NUTS level 0-3 of a region network (default 2)", "L"},
        {"weight", 'w', 0, G_OPTION_ARG_STRING, &weight_text, "Edge weight: projects or newman (default projects)", "W"},
        {"alpha", 'a', 0, G_OPTION_ARG_DOUBLE, &alpha, "Distance = 1/weight^A for path measures (default 1; 0 = unweighted)", "A"},
        {"programme", 0, 0, G_OPTION_ARG_STRING, &programme, "Keep only this programme", "NAME"},
        {"programmes", 0, 0, G_OPTION_ARG_STRING, &programmes_text, "Keep programmes whose name matches this regular expression (case-insensitive)", "REGEX"},
        {"themes", 0, 0, G_OPTION_ARG_STRING, &themes_text, "Keep projects whose themes match this regular expression (case-insensitive)", "REGEX"},
        {"period", 0, 0, G_OPTION_ARG_STRING, &period, "Keep only this period, e.g. 2014-2020", "P"},
        {"threads", 't', 0, G_OPTION_ARG_INT, &threads, "Threads for path measures (default: all cores)", "N"},
        {"nuts-edition", 0, 0, G_OPTION_ARG_STRING, &nuts_edition, "Map region codes to this NUTS edition (JRC converters; default 2021 where the dataset declares the mapping)", "E"},
        {"group", 'g', 0, G_OPTION_ARG_STRING, &group, "Grouping for brokerage, E-I, mixing: country, sector, nuts0-3 or community (adds the bridging analyses)", "NAME"},
        {"objective", 0, 0, G_OPTION_ARG_STRING, &objective_text, "Leiden objective: modularity or cpm (default modularity)", "OBJ"},
        {"resolution", 0, 0, G_OPTION_ARG_DOUBLE, &resolution, "Leiden resolution gamma (default 1)", "G"},
        {"seed", 0, 0, G_OPTION_ARG_INT64, &seed, "Seed of Leiden and of the E-I permutation test (default 1)", "S"},
        {"runs", 0, 0, G_OPTION_ARG_INT, &runs, "Leiden runs (seeds S, S+1, ...) for community stability (default 10)", "N"},
        {"permutations", 0, 0, G_OPTION_ARG_INT, &permutations, "E-I permutation test size (default 1000)", "N"},
        {"top", 0, 0, G_OPTION_ARG_INT, &top, "Strongest cross-sector links to list (default 10)", "K"},
        {"bridges", 0, 0, G_OPTION_ARG_NONE, &bridges, "Regions as bridges: roll organisation betweenness and brokerage up to regions, count bridging paths (region networks, with --group)", NULL},
        {"skip-invalid-rows", 0, 0, G_OPTION_ARG_NONE, &skip_invalid, "Reject malformed rows (counted in the report) instead of failing", NULL},
        {"output", 'o', 0, G_OPTION_ARG_FILENAME, &output, "Report file to write ('-' for stdout)", "FILE"},
        {"quiet", 'q', 0, G_OPTION_ARG_NONE, &quiet, "Do not print the summary", NULL},
        {"timings", 0, 0, G_OPTION_ARG_NONE, &timings, "Print the time of each phase to stderr", NULL},
        {NULL, 0, 0, 0, NULL, NULL, NULL},
    };
    g_autoptr(GOptionContext) context = g_option_context_new("- build a network and write its report");
    g_option_context_set_summary(context, "Loads the dataset a description names, builds the "
                                          "region or organisation network and writes a JSON "
                                          "report (docs/schema.md).");
    g_option_context_add_main_entries(context, entries, NULL);
    GError *error = NULL;
    if (!g_option_context_parse(context, &argc, &argv, &error)) {
        GError *usage = g_error_new(RN_ERROR, RN_ERROR_USAGE, "analyze: %s", error->message);
        g_error_free(error);
        return fail(usage);
    }
    if (argc > 1) {
        g_set_error(&error, RN_ERROR, RN_ERROR_USAGE, "analyze: unexpected argument '%s'", argv[1]);
        return fail(error);
    }
    if (!dataset || !output) {
        g_set_error(&error, RN_ERROR, RN_ERROR_USAGE,
                    "analyze: --dataset and --output are required (see regnet analyze --help)");
        return fail(error);
    }
    if (!compile_filter("programmes", programmes_text, &programmes, &error) ||
        !compile_filter("themes", themes_text, &themes, &error))
        return fail(error);
    RnNetworkSpec spec = {.level = level, .programme = programme, .period = period,
                          .programmes = programmes, .themes = themes};
    if (!parse_network_kind(network_text ? network_text : "region", &spec.kind, &error) ||
        !parse_weighting(weight_text ? weight_text : "projects", &spec.weighting, &error))
        return fail(error);
    if (spec.kind == RN_NETWORK_REGION && (level < 0 || level > 3)) {
        g_set_error(&error, RN_ERROR, RN_ERROR_USAGE,
                    "level %d is outside 0-3; expected a NUTS level", level);
        return fail(error);
    }
    if (!(alpha >= 0.0) || alpha > 100.0) {
        g_set_error(&error, RN_ERROR, RN_ERROR_USAGE, "alpha %g is outside 0-100", alpha);
        return fail(error);
    }
    RnCommunityObjective objective = RN_COMMUNITY_MODULARITY;
    if (objective_text && strcmp(objective_text, "cpm") == 0)
        objective = RN_COMMUNITY_CPM;
    else if (objective_text && strcmp(objective_text, "modularity") != 0) {
        g_set_error(&error, RN_ERROR, RN_ERROR_USAGE,
                    "unknown objective '%s'; expected 'modularity' or 'cpm'", objective_text);
        return fail(error);
    }
    if (!(resolution > 0) || runs < 1 || permutations < 0 || top < 0 || seed < 0) {
        g_set_error(&error, RN_ERROR, RN_ERROR_USAGE,
                    "--resolution must be positive, --runs at least 1, --seed, --permutations "
                    "and --top not negative");
        return fail(error);
    }
    if (bridges && (!group || spec.kind == RN_NETWORK_ORG)) {
        g_set_error(&error, RN_ERROR, RN_ERROR_USAGE,
                    "--bridges needs a region network and --group (e.g. --group country)");
        return fail(error);
    }
    if (bridges && strcmp(group, "community") == 0) {
        g_set_error(&error, RN_ERROR, RN_ERROR_USAGE,
                    "--bridges needs a grouping organisations share with regions (country, nuts0-3)");
        return fail(error);
    }
    if (spec.kind != RN_NETWORK_REGION && (level < 0 || level > 3)) {
        g_set_error(&error, RN_ERROR, RN_ERROR_USAGE,
                    "level %d is outside 0-3; expected a NUTS level", level);
        return fail(error);
    }
    if (threads < 0) {
        g_set_error(&error, RN_ERROR, RN_ERROR_USAGE, "threads %d is negative", threads);
        return fail(error);
    }

    g_autoptr(GTimer) timer = g_timer_new();
    RnLoadOptions load_options = {.skip_invalid_rows = skip_invalid, .nuts_edition = nuts_edition};
    g_autoptr(RnModel) model = rn_model_new();
    g_autofree char *dataset_name = NULL;
    if (!rn_load_dataset(model, dataset, &load_options, &dataset_name, &error))
        return fail(error);
    double t_load = g_timer_elapsed(timer, NULL);
    g_autoptr(RnNetwork) network = rn_network_build(model, &spec, &error);
    if (!network)
        return fail(error);
    double t_build = g_timer_elapsed(timer, NULL);
    RnAnalysisOptions options = {
        .alpha = alpha,
        .threads = threads ? (guint)threads : (guint)g_get_num_processors(),
    };
    RnCentrality centrality;
    RnSummary summary;
    if (!rn_analyze_network(network, &options, &centrality, &summary, &error))
        return fail(error);
    double t_centrality = g_timer_elapsed(timer, NULL);
    RnBridgingOptions bridging_options = {
        .group = group,
        .communities = {.objective = objective, .resolution = resolution, .seed = (guint64)seed,
                        .runs = (guint)runs},
        .permutations = (guint)permutations,
        .seed = (guint64)seed,
        .level = level,
        .top = (guint)top,
    };
    RnBridging bridging;
    if (group && !rn_analyze_bridging(model, network, &bridging_options, &bridging, &error)) {
        rn_centrality_clear(&centrality);
        return fail(error);
    }
    if (bridges) {
        RnNetworkSpec org_spec = spec;
        org_spec.kind = RN_NETWORK_ORG;
        g_autoptr(RnNetwork) orgs = rn_network_build(model, &org_spec, &error);
        if (!orgs || !rn_analyze_regions_as_bridges(network, orgs, group, alpha, options.threads,
                                                    &bridging, &error)) {
            rn_bridging_clear(&bridging);
            rn_centrality_clear(&centrality);
            return fail(error);
        }
    }
    double t_analyze = g_timer_elapsed(timer, NULL);
    RnReport report = {
        .programmes = programmes_text,
        .themes = themes_text,
        .bridging_options = group ? &bridging_options : NULL,
        .bridging = group ? &bridging : NULL,
        .dataset_name = dataset_name,
        .dataset_file = dataset,
        .model = model,
        .network = network,
        .options = &options,
        .centrality = &centrality,
        .summary = &summary,
    };
    g_autofree char *json = rn_report_render(&report);
    gboolean ok = TRUE;
    if (strcmp(output, "-") == 0) {
        ok = fputs(json, stdout) >= 0 && fflush(stdout) == 0;
        if (!ok)
            g_set_error(&error, RN_ERROR, RN_ERROR_OUTPUT, "stdout: cannot write");
    } else {
        ok = rn_write_file_atomic(output, json, strlen(json), &error);
    }
    if (timings)
        fprintf(stderr, "regnet: timings: load %.3f s, build %.3f s, analyze %.3f s, "
                "bridging %.3f s, write %.3f s, total %.3f s\n", t_load, t_build - t_load,
                t_centrality - t_build, t_analyze - t_centrality,
                g_timer_elapsed(timer, NULL) - t_analyze, g_timer_elapsed(timer, NULL));
    if (ok && !quiet && strcmp(output, "-") != 0) {
        print_summary(network, &summary, &centrality, output);
        if (group)
            print_bridging(network, &centrality, &bridging);
    }
    rn_centrality_clear(&centrality);
    if (group)
        rn_bridging_clear(&bridging);
    return ok ? 0 : fail(error);
}

static int compare_strings(gconstpointer a, gconstpointer b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Periods present in the model, "a, b, c" (caller frees). */
static char *periods_present(const RnModel *model)
{
    g_autoptr(GPtrArray) seen = g_ptr_array_new();
    for (guint i = 0; i < model->programmes->len; i++) {
        const char *p = g_array_index(model->programmes, RnProgramme, i).period;
        if (*p && !g_ptr_array_find_with_equal_func(seen, p, g_str_equal, NULL))
            g_ptr_array_add(seen, (gpointer)p);
    }
    g_ptr_array_sort(seen, compare_strings);
    GString *text = g_string_new(NULL);
    for (guint i = 0; i < seen->len; i++)
        g_string_append_printf(text, "%s%s", i ? ", " : "", (char *)g_ptr_array_index(seen, i));
    return g_string_free(text, FALSE);
}

/* Share of ties between organisations of two different (known) sectors. */
static double cross_sector_share(const RnNetwork *net)
{
    if (net->kind != RN_NETWORK_ORG)
        return NAN;
    double known = 0, cross = 0;
    for (guint i = 0; i < net->edges->len; i++) {
        const RnEdge *e = &g_array_index(net->edges, RnEdge, i);
        const char *a = g_array_index(net->nodes, RnNode, e->source).sector;
        const char *b = g_array_index(net->nodes, RnNode, e->target).sector;
        if (*a && *b) {
            known += 1;
            cross += strcmp(a, b) != 0;
        }
    }
    return known > 0 ? cross / known : NAN;
}

static int command_compare(int argc, char **argv)
{
    g_autofree char *dataset = NULL, *network_text = NULL, *periods_text = NULL, *output = NULL;
    g_autofree char *nuts_edition = NULL, *programmes_text = NULL, *themes_text = NULL;
    g_autoptr(GRegex) programmes = NULL, themes = NULL;
    int level = 2, threads = 0, top = 10;
    double alpha = 1.0;
    gint64 seed = 1;
    gboolean skip_invalid = FALSE, quiet = FALSE;
    GOptionEntry entries[] = {
        {"dataset", 'd', 0, G_OPTION_ARG_FILENAME, &dataset, "Dataset description (JSON)", "FILE"},
        {"network", 'n', 0, G_OPTION_ARG_STRING, &network_text, "Network kind: region, org, country or sector (default region)", "KIND"},
        {"level", 'l', 0, G_OPTION_ARG_INT, &level, "NUTS level 0-3 of a region network (default 2)", "L"},
        {"nuts-edition", 0, 0, G_OPTION_ARG_STRING, &nuts_edition, "Map region codes to this NUTS edition (default 2021 where the dataset declares the mapping)", "E"},
        {"programmes", 0, 0, G_OPTION_ARG_STRING, &programmes_text, "Keep programmes whose name matches this regular expression (case-insensitive), in every period", "REGEX"},
        {"themes", 0, 0, G_OPTION_ARG_STRING, &themes_text, "Keep projects whose themes match this regular expression (case-insensitive), in every period", "REGEX"},
        {"periods", 'p', 0, G_OPTION_ARG_STRING, &periods_text, "Periods to compare, comma-separated, e.g. 2007-2013,2014-2020", "LIST"},
        {"alpha", 'a', 0, G_OPTION_ARG_DOUBLE, &alpha, "Distance = 1/weight^A for path measures (default 1)", "A"},
        {"seed", 0, 0, G_OPTION_ARG_INT64, &seed, "Seed of the Leiden communities (default 1)", "S"},
        {"top", 0, 0, G_OPTION_ARG_INT, &top, "Risers and fallers listed (default 10)", "K"},
        {"threads", 't', 0, G_OPTION_ARG_INT, &threads, "Threads for path measures (default: all cores)", "N"},
        {"skip-invalid-rows", 0, 0, G_OPTION_ARG_NONE, &skip_invalid, "Reject malformed rows instead of failing", NULL},
        {"output", 'o', 0, G_OPTION_ARG_FILENAME, &output, "Report file to write ('-' for stdout)", "FILE"},
        {"quiet", 'q', 0, G_OPTION_ARG_NONE, &quiet, "Do not print the summary", NULL},
        {NULL, 0, 0, 0, NULL, NULL, NULL},
    };
    g_autoptr(GOptionContext) context = g_option_context_new("- compare programme periods");
    g_option_context_set_summary(context, "Builds the same network for each period, in one node "
                                          "space, and writes how it changed (docs/compare.md).");
    g_option_context_add_main_entries(context, entries, NULL);
    GError *error = NULL;
    if (!g_option_context_parse(context, &argc, &argv, &error)) {
        GError *usage = g_error_new(RN_ERROR, RN_ERROR_USAGE, "compare: %s", error->message);
        g_error_free(error);
        return fail(usage);
    }
    if (!dataset || !output || !periods_text) {
        g_set_error(&error, RN_ERROR, RN_ERROR_USAGE,
                    "compare: --dataset, --periods and --output are required (see regnet "
                    "compare --help)");
        return fail(error);
    }
    if (!compile_filter("programmes", programmes_text, &programmes, &error) ||
        !compile_filter("themes", themes_text, &themes, &error))
        return fail(error);
    RnNetworkSpec spec = {.level = level, .programmes = programmes, .themes = themes};
    if (!parse_network_kind(network_text ? network_text : "region", &spec.kind, &error))
        return fail(error);
    if (level < 0 || level > 3) {
        g_set_error(&error, RN_ERROR, RN_ERROR_USAGE,
                    "level %d is outside 0-3; expected a NUTS level", level);
        return fail(error);
    }
    g_auto(GStrv) periods = g_strsplit(periods_text, ",", -1);
    guint n = g_strv_length(periods);
    if (n < 2) {
        g_set_error(&error, RN_ERROR, RN_ERROR_USAGE,
                    "compare: --periods needs two or more periods, found '%s'", periods_text);
        return fail(error);
    }
    RnLoadOptions load_options = {.skip_invalid_rows = skip_invalid, .nuts_edition = nuts_edition};
    g_autoptr(RnModel) model = rn_model_new();
    g_autofree char *dataset_name = NULL;
    if (!rn_load_dataset(model, dataset, &load_options, &dataset_name, &error))
        return fail(error);
    RnAnalysisOptions options = {
        .alpha = alpha,
        .threads = threads > 0 ? (guint)threads : (guint)g_get_num_processors(),
    };
    g_autofree RnPeriodResult *results = g_new0(RnPeriodResult, n);
    g_autofree RnComparison *comparisons = g_new0(RnComparison, n);
    int status = 0;
    guint done = 0;
    for (; done < n && !status; done++) {
        RnPeriodResult *r = &results[done];
        r->period = g_strstrip(periods[done]);
        spec.period = r->period;
        r->network = rn_network_build(model, &spec, &error);
        if (!r->network) {
            g_autofree char *present = periods_present(model);
            g_clear_error(&error);
            g_set_error(&error, RN_ERROR, RN_ERROR_USAGE,
                        "period '%s' has no projects with participants in %s; periods present: %s",
                        r->period, dataset, present);
            status = fail(error);
            break;
        }
        if (!rn_analyze_network(r->network, &options, &r->centrality, &r->summary, &error)) {
            g_prefix_error(&error, "period '%s': ", r->period);
            status = fail(error);
            rn_network_free(r->network);
            r->network = NULL;
            break;
        }
        RnCommunityOptions co = {.resolution = 1, .seed = (guint64)seed, .runs = 1};
        RnCommunities communities;
        if (!rn_communities_compute(r->network, &co, &communities, &error)) {
            status = fail(error);
            done++;
            break;
        }
        r->modularity = communities.modularity;
        r->communities = communities.count;
        rn_communities_clear(&communities);
        r->cross_sector_share = cross_sector_share(r->network);
    }
    if (!status) {
        for (guint k = 0; k + 1 < n; k++)
            rn_compare_periods(&results[k], &results[k + 1], k, k + 1, &comparisons[k]);
        RnComparisonReport report = {
            .dataset_name = dataset_name, .dataset_file = dataset, .model = model,
            .kind = spec.kind, .level = spec.kind == RN_NETWORK_REGION ? level : 0,
            .programmes = programmes_text,
            .themes = themes_text,
            .alpha = alpha, .seed = (guint64)seed, .periods = results, .n_periods = n,
            .comparisons = comparisons, .top = (guint)MAX(top, 0),
        };
        g_autofree char *json = rn_comparison_render(&report);
        gboolean ok = strcmp(output, "-") == 0 ? fputs(json, stdout) >= 0
                                               : rn_write_file_atomic(output, json, strlen(json), &error);
        if (!ok)
            status = fail(error ? error : g_error_new(RN_ERROR, RN_ERROR_OUTPUT, "stdout: cannot write"));
        else if (!quiet && strcmp(output, "-") != 0) {
            for (guint p = 0; p < n; p++)
                printf("%s: %u nodes, %u edges, density %.4f, %u projects (%u with ties)\n",
                       results[p].period, results[p].summary.nodes, results[p].summary.edges,
                       results[p].summary.density, results[p].network->projects_selected,
                       results[p].network->projects_with_ties);
            for (guint k = 0; k + 1 < n; k++) {
                const RnComparison *c = &comparisons[k];
                printf("%s -> %s: %u nodes kept, %u entered, %u left; edge Jaccard %.3f, "
                       "weighted Jaccard %.3f; Spearman strength %.3f, betweenness %.3f\n",
                       results[c->a].period, results[c->b].period, c->kept, c->entered->len,
                       c->left->len, c->edge_jaccard, c->weighted_jaccard, c->spearman[1],
                       c->spearman[2]);
            }
            printf("  report: %s\n", output);
        }
        for (guint k = 0; k + 1 < n; k++)
            rn_comparison_clear(&comparisons[k]);
    }
    for (guint p = 0; p < n; p++) {
        rn_centrality_clear(&results[p].centrality);
        if (results[p].network)
            rn_network_free(results[p].network);
    }
    return status;
}

int main(int argc, char **argv)
{
    /* Numbers are formatted in the C locale whatever the environment says. */
    setlocale(LC_ALL, "C");
    if (argc < 2) {
        fprintf(stderr, "regnet: missing command\n\nUsage: regnet COMMAND [OPTION...]\n\n%s\n",
                commands_text);
        return RN_ERROR_USAGE;
    }
    const char *command = argv[1];
    if (strcmp(command, "--help") == 0 || strcmp(command, "-h") == 0 ||
        strcmp(command, "help") == 0) {
        printf("Usage: regnet COMMAND [OPTION...]\n\n"
               "regnet — network analysis of interregional collaboration in Europe.\n\n%s\n",
               commands_text);
        return 0;
    }
    if (strcmp(command, "version") == 0 || strcmp(command, "--version") == 0) {
        printf("regnet %s (igraph %s, GLib %u.%u.%u)\n", REGNET_VERSION, rn_igraph_version(),
               glib_major_version, glib_minor_version, glib_micro_version);
        return 0;
    }
    if (strcmp(command, "compare") == 0) {
        g_autofree char *name = g_strdup("regnet compare");
        argv[1] = name;
        return command_compare(argc - 1, argv + 1);
    }
    if (strcmp(command, "analyze") == 0) {
        g_autofree char *name = g_strdup("regnet analyze");
        argv[1] = name;
        return command_analyze(argc - 1, argv + 1);
    }
    fprintf(stderr, "regnet: unknown command '%s'; expected one of: analyze, compare, version\n",
            command);
    return RN_ERROR_USAGE;
}
