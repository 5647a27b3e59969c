/*
 * regnet.c — the command-line interface: parses (cli/options.c), calls the
 * loaders and pipelines, renders, writes and prints.  main() alone owns
 * stderr, stdout, signals and the exit status; everything else reports
 * through GError.
 *
 * Messages go to stderr as "regnet: ..." (file problems as
 * "regnet: FILE:LINE:COL: ...").  Exit statuses: see README.md and
 * engine/error.h.
 */
#include <locale.h>
#include <math.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "analyses/centrality.h"
#include "analyses/layout.h"
#include "cli/options.h"
#include "cli/progress_line.h"
#include "engine/error.h"
#include "loaders/loaders.h"
#include "output/describe_report.h"
#include "output/export.h"
#include "output/figures.h"
#include "output/output.h"
#include "output/recommend_report.h"
#include "server/server.h"

#include <glib-unix.h>

static const char commands_text[] =
    "Commands:\n"
    "  analyze    load a dataset, build a network, write a JSON report\n"
    "  compare    compare the networks of two or more periods, write a JSON report\n"
    "  recommend  recommend partners with explanations, or validate on a later period\n"
    "  describe   show what a dataset holds: programmes, periods, coverage\n"
    "  export     convert a report into GEXF, GraphML, node-link, Cytoscape, CSV, Pajek, DL\n"
    "  serve      load a dataset once, answer the JSON API and the dashboard over HTTP\n"
    "  version    print the version and library versions\n"
    "\n"
    "Run 'regnet COMMAND --help' for a command's options and examples.\n"
    "Exit status: 0 success, 1 computation failed, 2 usage error, 3 input\n"
    "cannot be read, 4 input malformed, 5 output cannot be written.";

/* SIGINT, SIGTERM, SIGHUP: remove a half-written report's temporary file,
 * then die of the signal as if it had not been caught. */
static void on_fatal_signal(int signal_number)
{
    rn_output_cleanup_from_signal();
    signal(signal_number, SIG_DFL);
    raise(signal_number);
}

static void install_signal_handlers(void)
{
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = on_fatal_signal;
    sigemptyset(&action.sa_mask);
    int signals[] = {SIGINT, SIGTERM, SIGHUP};
    for (guint k = 0; k < G_N_ELEMENTS(signals); k++)
        sigaction(signals[k], &action, NULL);
}

static int fail(GError *error)
{
    fprintf(stderr, "regnet: %s\n", error->message);
    int code = error->domain == RN_ERROR ? error->code : RN_ERROR_USAGE;
    g_error_free(error);
    return code;
}

/* fail() once a progress line may be open on the terminal. */
static int fail_after(RnProgressLine *line, GError *error)
{
    rn_progress_line_interrupt(line);
    return fail(error);
}

/* Writes text to output ("-": stdout), whole or not at all. */
static gboolean write_report(const char *output, const char *text, GError **error)
{
    if (strcmp(output, "-") != 0)
        return rn_write_file_atomic(output, text, strlen(text), error);
    if (fputs(text, stdout) < 0 || fflush(stdout) != 0) {
        g_set_error(error, RN_ERROR, RN_ERROR_OUTPUT, "stdout: cannot write");
        return FALSE;
    }
    return TRUE;
}

/* The format settings name (json when none). */
static RnExportFormat chosen_format(const RnSettings *settings)
{
    RnExportFormat format = RN_EXPORT_JSON;
    if (settings->format)
        rn_export_format_parse(settings->format, &format); /* checked by the option table */
    return format;
}

/* Renders document (taken) in format and writes it to output ("-": stdout). */
static gboolean write_export(cJSON *document, const char *display, RnExportFormat format,
                             const char *output, GError **error)
{
    g_autoptr(RnExportTable) table = rn_export_table_new(document, display, error);
    if (!table)
        return FALSE;
    g_autoptr(GPtrArray) files = rn_export_files_new();
    if (!rn_export_render(table, format, files, error))
        return FALSE;
    if (strcmp(output, "-") == 0) {
        const RnExportFile *file = g_ptr_array_index(files, 0);
        if (fwrite(file->data, 1, file->length, stdout) != file->length || fflush(stdout) != 0) {
            g_set_error(error, RN_ERROR, RN_ERROR_OUTPUT, "stdout: cannot write");
            return FALSE;
        }
        return TRUE;
    }
    return rn_export_write(output, files, error);
}

/* "1 component", "3 components" */
static const char *plural(guint n, const char *one, const char *many)
{
    return n == 1 ? one : many;
}

/* label cut or padded to width characters (UTF-8), caller frees. */
static char *fit(const char *label, glong width)
{
    glong length = g_utf8_strlen(label, -1);
    if (length > width) {
        g_autofree char *head = g_utf8_substring(label, 0, width - 1);
        return g_strconcat(head, "…", NULL);
    }
    g_autofree char *padding = g_strnfill((gsize)(width - length), ' ');
    return g_strconcat(label, padding, NULL);
}

static void print_caveats(const GPtrArray *caveats, const char *heading)
{
    if (caveats->len == 0)
        return;
    printf("  %s\n", heading);
    for (guint k = 0; k < caveats->len; k++)
        printf("    - %s\n", (const char *)g_ptr_array_index(caveats, k));
}

/* The network size and the five nodes with the highest betweenness. */
static void print_summary(const RnModel *model, const RnAnalysisResult *result,
                          const char *output)
{
    const RnNetwork *net = result->network;
    const RnSummary *s = &result->summary;
    const RnCentrality *c = &result->centrality;
    printf("%s network", rn_network_kind_name(net->kind));
    if (net->kind == RN_NETWORK_REGION)
        printf(" at NUTS level %d (NUTS %s regions)", net->level, model->nuts_edition);
    printf(": %u %s, %u %s, density %.4f\n", s->nodes, plural(s->nodes, "node", "nodes"),
           s->edges, plural(s->edges, "tie", "ties"), s->density);
    printf("  %u %s; the largest holds %.1f%% of the nodes\n", s->components,
           plural(s->components, "component", "components"), 100.0 * s->largest_component_share);
    printf("  from %u %s and %u %s (%u with no node in this network)\n", net->projects_selected,
           plural(net->projects_selected, "project", "projects"), net->participations_selected,
           plural(net->participations_selected, "participation", "participations"),
           net->participations_unlocated);
    guint top = MIN(5, s->nodes);
    const char *ranked = rn_metric_names[g_bit_nth_lsf(result->ranked_by, -1)];
    if (net->kind == RN_NETWORK_ORG)
        printf("  top %u by %s (organisation, country, sector):\n", top, ranked);
    else
        printf("  top %u by %s:\n", top, ranked);
    for (guint k = 0; k < top; k++) {
        guint i = result->by_betweenness[k];
        const RnNode *node = &g_array_index(net->nodes, RnNode, i);
        g_autofree char *name = NULL;
        if (net->kind == RN_NETWORK_ORG)
            name = g_strdup_printf("%s (%s%s%s)", node->label, *node->country ? node->country : "?",
                                   *node->sector ? ", " : "", node->sector);
        else
            name = g_strdup_printf("%-6s %s", node->id, node->label);
        g_autofree char *cell = fit(name, 52);
        /* the centralities --metrics kept, of the three shown */
        const double *shown[] = {c->betweenness, c->degree, c->strength};
        const char *names[] = {"betweenness %.4f", "degree %.0f", "strength %g"};
        printf("    %s", cell);
        gboolean first = TRUE;
        for (guint m = 0; m < G_N_ELEMENTS(shown); m++) {
            if (!shown[m])
                continue;
            g_autofree char *value = g_strdup_printf(names[m], shown[m][i]);
            printf("%s%s", first ? " " : ", ", value);
            first = FALSE;
        }
        if (!shown[0] && (c->metrics & ~(RN_METRIC_DEGREE | RN_METRIC_STRENGTH))) {
            g_autofree char *value = g_strdup_printf("%s %.4g", ranked,
                (result->ranked_by == RN_METRIC_HARMONIC ? c->harmonic
                 : result->ranked_by == RN_METRIC_CLOSENESS ? c->closeness
                 : result->ranked_by == RN_METRIC_EIGENVECTOR ? c->eigenvector
                 : result->ranked_by == RN_METRIC_PAGERANK ? c->pagerank
                 : result->ranked_by == RN_METRIC_DEGREE ? c->degree : c->strength)[i]);
            if (result->ranked_by != RN_METRIC_DEGREE && result->ranked_by != RN_METRIC_STRENGTH)
                printf("%s%s", first ? " " : ", ", value);
        }
        printf("\n");
    }
    print_caveats(model->caveats, "Note on the data:");
    printf("  report: %s\n", output);
}

/* The headline bridging figures: E-I, communities, regions as bridges. */
static void print_bridging(const RnAnalysisResult *result)
{
    const RnNetwork *net = result->network;
    const RnBridging *b = &result->bridging;
    printf("  grouping by %s: E-I index %.3f (permutation p = %.3g), assortativity %.3f; "
           "%u %s, modularity %.3f\n",
           b->grouping.name, b->ei.network.ei, b->ei.p_two_sided, b->ei.assortativity,
           b->communities.count, plural(b->communities.count, "community", "communities"),
           b->communities.modularity);
    if (!b->regions)
        return;
    const char *names[] = {"region-network betweenness", "organisation betweenness (sum)",
                           "bridging paths"};
    RnBridgeDefinition defs[] = {RN_BRIDGE_AGGREGATE_BETWEENNESS, RN_BRIDGE_ORG_BETWEENNESS_SUM,
                                 RN_BRIDGE_PATHS};
    guint k = MIN(3, net->nodes->len);
    for (guint d = 0; d < G_N_ELEMENTS(defs); d++) {
        printf("  top bridges by %s:", names[d]);
        for (guint j = 0; j < k; j++) {
            guint i = b->region_order[defs[d]][j];
            const RnNode *node = &g_array_index(net->nodes, RnNode, i);
            printf(" %s %s (%.4g)%s", node->id, node->label,
                   rn_region_bridge_score(&result->centrality, b, i, defs[d]),
                   j + 1 < k ? "," : "\n");
        }
    }
}

/* Writes the figures of report into settings->figures (docs/figures.md):
 * the layout computed by analyses/, the drawing by output/. */
static gboolean write_figures(const RnReport *report, const RnSettings *settings, GError **error)
{
    g_autofree double *layout = rn_layout_network(report->result->network,
                                                  (guint64)settings->seed, error);
    if (!layout && report->result->network->nodes->len > 0)
        return FALSE;
    cJSON *document = rn_report_document(report);
    RnFigureOptions options = {
        .metric = settings->figure_metric ? settings->figure_metric : "strength",
        .top = (guint)settings->figure_top,
        .layout = layout,
        .seed = (guint64)settings->seed,
        .layout_name = "Fruchterman-Reingold (igraph_layout_fruchterman_reingold, unweighted, "
                       "500 iterations)",
    };
    g_autoptr(GPtrArray) files = rn_export_files_new();
    gboolean ok = rn_figures_render(document, "report", &options, files, error);
    cJSON_Delete(document);
    return ok && rn_export_write(settings->figures, files, error);
}

static gboolean produce_report(RnSink *sink, gpointer report)
{
    return rn_report_write(report, sink);
}

static int command_analyze(int argc, char **argv)
{
    g_auto(RnSettings) settings;
    rn_settings_init(&settings);
    GError *error = NULL;
    if (!rn_settings_parse_args(&settings, RN_COMMAND_ANALYZE, argc, argv, &error) ||
        !rn_settings_check(&settings, RN_COMMAND_ANALYZE, &error))
        return fail(error);
    RnLoadOptions load_options;
    rn_settings_load_options(&settings, &load_options);
    RnAnalysisRequest request;
    rn_settings_analysis_request(&settings, &request);

    g_autoptr(GTimer) timer = g_timer_new();
    g_autoptr(RnModel) model = rn_model_new();
    g_autofree char *dataset_name = NULL;
    RnExportFormat format = chosen_format(&settings);
    /* Progress on stderr: on a terminal or with --progress, never with --quiet. */
    gboolean terminal = isatty(STDERR_FILENO);
    g_autoptr(RnProgressLine) line = rn_progress_line_new(
        stderr, !settings.quiet && (terminal || settings.progress), terminal, !settings.quiet);
    RnProgress progress = rn_progress_line_receiver(line);
    request.options.progress = &progress;
    /* a folder format's output is a folder; its files are checked as written */
    gboolean to_file = strcmp(settings.output, "-") != 0 && !rn_export_format_is_folder(format);
    if (to_file && !rn_output_check(settings.output, settings.dataset, NULL, &error))
        return fail(error);
    rn_progress_line_begin(line, RN_PHASE_LOAD);
    if (!rn_load_dataset(model, settings.dataset, &load_options, &dataset_name, &error) ||
        (to_file && !rn_output_check(settings.output, settings.dataset, model, &error)))
        return fail_after(line, error);
    rn_progress_line_end(line, RN_PHASE_LOAD);
    double t_load = g_timer_elapsed(timer, NULL);
    RnAnalysisResult result;
    if (!rn_analysis_run(model, &request, &result, &error))
        return fail_after(line, error);
    double t_analysis = g_timer_elapsed(timer, NULL);
    rn_progress_line_begin(line, RN_PHASE_WRITE);
    RnReport report = {.dataset_name = dataset_name, .dataset_file = settings.dataset,
                       .model = model, .request = &request, .result = &result};
    gboolean ok;
    if (format == RN_EXPORT_JSON) {
        /* Written as it is produced: the whole report is never in memory. */
        ok = rn_write_file_streamed(settings.output, produce_report, &report, &error);
    } else {
        ok = write_export(rn_report_document(&report), "report", format, settings.output,
                          &error);
    }
    rn_progress_line_end(line, RN_PHASE_WRITE);
    double t_figures = 0;
    if (ok && settings.figures) {
        GTimer *figure_timer = g_timer_new();
        ok = write_figures(&report, &settings, &error);
        t_figures = g_timer_elapsed(figure_timer, NULL);
        g_timer_destroy(figure_timer);
    }
    if (settings.timings && settings.figures)
        fprintf(stderr, "regnet: timings: figures %.3f s\n", t_figures);
    if (settings.timings) {
        g_autofree char *paths =
            result.summary.path_sources > 0
                ? g_strdup_printf("paths %.3f s: %u sources, %u degree-1 removed, %u open and "
                                  "%u closed twins merged, largest biconnected component %u "
                                  "nodes",
                                  rn_progress_line_seconds(line, RN_PHASE_PATHS),
                                  result.summary.path_sources, result.summary.degree1_removed,
                                  result.summary.open_twins_merged,
                                  result.summary.closed_twins_merged,
                                  result.summary.largest_biconnected_nodes)
                : g_strdup("no exact path pass");
        fprintf(stderr, "regnet: timings: load %.3f s, build %.3f s, analyze %.3f s (%s; "
                "betweenness sample %.3f s), bridging %.3f s, write %.3f s, total %.3f s\n",
                t_load, result.seconds_build, result.seconds_centrality, paths,
                rn_progress_line_seconds(line, RN_PHASE_SAMPLE), result.seconds_bridging,
                g_timer_elapsed(timer, NULL) - t_analysis, g_timer_elapsed(timer, NULL));
    }
    if (ok && !settings.quiet && strcmp(settings.output, "-") != 0) {
        print_summary(model, &result, settings.output);
        if (result.has_bridging)
            print_bridging(&result);
    }
    rn_analysis_result_clear(&result);
    return ok ? 0 : fail(error);
}

/* "0.0123", or "-" for a missing value. */
static char *number_text(double x, const char *format)
{
    return isnan(x) ? g_strdup("-") : g_strdup_printf(format, x);
}

/* Each period's statistics with their bootstrap intervals and null-model z-scores. */
static void print_period_statistics(const RnPeriodResult *pr)
{
    if (pr->bootstrap_replicates == 0 && pr->null_networks == 0)
        return;
    printf("  %s:", pr->period);
    if (pr->bootstrap_replicates)
        printf(" %.0f%% bootstrap intervals (%u replicates)", 100 * RN_BOOTSTRAP_LEVEL,
               pr->bootstrap_replicates);
    if (pr->null_networks)
        printf("%s z against %u degree-preserving networks", pr->bootstrap_replicates ? ";" : "",
               pr->null_networks);
    printf("\n");
    for (guint s = 0; s < RN_STATS; s++) {
        g_autofree char *value = number_text(pr->statistics[s], "%.4f");
        printf("    %-28s %9s", rn_statistic_names[s], value);
        if (pr->bootstrap_replicates) {
            g_autofree char *lo = number_text(pr->bootstrap[s].ci_low, "%.4f");
            g_autofree char *hi = number_text(pr->bootstrap[s].ci_high, "%.4f");
            g_autofree char *interval = g_strdup_printf("[%s, %s]", lo, hi);
            printf("  %-20s", interval);
        }
        if (pr->null_networks && !isnan(pr->null_model[s].z))
            printf("  z %.2f", pr->null_model[s].z);
        printf("\n");
    }
}

static void print_comparison(const RnCompareRequest *request, const RnCompareResult *r,
                             const char *output)
{
    printf("Comparing %u periods: %s network", r->n_periods, rn_network_kind_name(request->spec.kind));
    if (request->spec.kind == RN_NETWORK_REGION)
        printf(" at NUTS level %d", request->spec.level);
    printf("\n  %-12s %7s %7s %8s %9s %11s %10s\n", "period", "nodes", "ties", "density",
           "projects", "with ties", "modularity");
    for (guint p = 0; p < r->n_periods; p++) {
        const RnPeriodResult *pr = &r->periods[p];
        printf("  %-12s %7u %7u %8.4f %9u %11u %10.4f\n", pr->period, pr->summary.nodes,
               pr->summary.edges, pr->summary.density, pr->network->projects_selected,
               pr->network->projects_with_ties, pr->modularity);
    }
    for (guint p = 0; p < r->n_periods; p++)
        print_period_statistics(&r->periods[p]);
    for (guint k = 0; k + 1 < r->n_periods; k++) {
        const RnComparison *c = &r->comparisons[k];
        printf("  %s -> %s: %u nodes in both, %u entered, %u left\n", r->periods[c->a].period,
               r->periods[c->b].period, c->kept, c->entered->len, c->left->len);
        printf("    ties kept (Jaccard) %.3f, weighted %.3f; QAP correlation of tie weights %.3f",
               c->edge_jaccard, c->weighted_jaccard, c->qap.correlation);
        if (c->qap.permutations)
            printf(" (p = %.3g, %u permutations)", c->qap.p_greater, c->qap.permutations);
        printf("\n    rank correlation (Spearman) of strength %.3f (p = %.3g), of betweenness "
               "%.3f (p = %.3g)\n",
               c->spearman[1], c->spearman_p[1], c->spearman[2], c->spearman_p[2]);
        printf("    communities of the nodes in both: adjusted Rand index %.3f, normalised "
               "mutual information %.3f\n",
               c->adjusted_rand, c->normalized_mutual_information);
        if (c->permutations == 0)
            continue;
        printf("    changes (later - earlier), permutation test (%s%u %s; * significant at 5%%):\n",
               c->permutation_exact ? "every split, " : "", c->permutation_exact
                   ? (guint)c->permutation[0].valid : c->permutations,
               c->permutation_exact ? "splits" : "permutations of projects");
        for (guint s = 0; s < RN_STATS; s++) {
            const RnPermutationValue *v = &c->permutation[s];
            g_autofree char *difference = number_text(v->difference, "%+.4f");
            g_autofree char *pv = number_text(v->p_value, "%.3g");
            printf("      %-28s %9s  p = %s%s\n", rn_statistic_names[s], difference, pv,
                   v->p_value < 0.05 ? " *" : "");
        }
    }
    print_caveats(r->caveats, "Read with care:");
    printf("  report: %s\n", output);
}

static int command_compare(int argc, char **argv)
{
    g_auto(RnSettings) settings;
    rn_settings_init(&settings);
    GError *error = NULL;
    if (!rn_settings_parse_args(&settings, RN_COMMAND_COMPARE, argc, argv, &error) ||
        !rn_settings_check(&settings, RN_COMMAND_COMPARE, &error))
        return fail(error);
    RnLoadOptions load_options;
    rn_settings_load_options(&settings, &load_options);
    RnCompareRequest request;
    rn_settings_compare_request(&settings, &request);

    g_autoptr(RnModel) model = rn_model_new();
    g_autofree char *dataset_name = NULL;
    RnExportFormat format = chosen_format(&settings);
    gboolean to_file = strcmp(settings.output, "-") != 0 && !rn_export_format_is_folder(format);
    if (to_file && !rn_output_check(settings.output, settings.dataset, NULL, &error))
        return fail(error);
    if (!rn_load_dataset(model, settings.dataset, &load_options, &dataset_name, &error) ||
        (to_file && !rn_output_check(settings.output, settings.dataset, model, &error)))
        return fail(error);
    RnCompareResult result;
    if (!rn_compare_run(model, &request, &result, &error)) {
        g_prefix_error(&error, "%s: ", settings.dataset);
        return fail(error);
    }
    RnComparisonReport report = {.dataset_name = dataset_name, .dataset_file = settings.dataset,
                                 .model = model, .request = &request, .result = &result};
    gboolean ok;
    if (format == RN_EXPORT_CSV) {
        g_autoptr(GPtrArray) files = rn_export_files_new();
        ok = rn_comparison_export_csv(&report, files, &error) &&
             rn_export_write(settings.output, files, &error);
    } else {
        g_autofree char *json = rn_comparison_render(&report);
        ok = write_report(settings.output, json, &error);
    }
    if (ok && !settings.quiet && strcmp(settings.output, "-") != 0)
        print_comparison(&request, &result, settings.output);
    rn_compare_result_clear(&result);
    return ok ? 0 : fail(error);
}

/* Each target's best recommendations, one line each. */
static void print_recommendations(const RnRecommendResult *r, const char *output)
{
    const RnNetwork *net = r->network;
    guint shown = MIN(r->targets->len, 20u);
    for (guint t = 0; t < shown; t++) {
        const RnTargetResult *target = &g_array_index(r->targets, RnTargetResult, t);
        const RnNode *node = &g_array_index(net->nodes, RnNode, target->node);
        printf("partners for %s %s (%u candidates):\n", node->id, node->label, target->candidates);
        for (guint k = 0; k < target->items->len && k < 10; k++) {
            const RnRecommendation *item = &g_array_index(target->items, RnRecommendation, k);
            const RnNode *c = &g_array_index(net->nodes, RnNode, item->node);
            g_autofree char *name = g_strdup_printf("%s %s", c->id, c->label);
            g_autofree char *cell = fit(name, 52);
            printf("  %2u. %s score %.3f, %.0f shared partners%s\n", k + 1, cell, item->score,
                   item->scores[RN_SCORE_COMMON_NEIGHBOURS],
                   item->existing_weight > 0 ? ", already partners" : "");
        }
    }
    if (shown < r->targets->len)
        printf("(%u more nodes in the report)\n", r->targets->len - shown);
    printf("  report: %s\n", output);
}

/* The evaluation's headline: the combined score against the baselines. */
static void print_evaluation(const RnRecommendResult *r, const char *output)
{
    const RnEvaluation *e = &r->evaluation;
    printf("recommending %s ties from %s: %u nodes in both periods, %u new ties, k = %u\n",
           e->test, e->train, e->nodes_both, e->positives, e->k);
    printf("  %-34s %7s %10s %10s\n", "score", "AUC", "prec@k", "recall@k");
    const struct {
        const char *name;
        const RnEvalMetrics *m;
    } rows[] = {{"combined (recommender)", &e->combined},
                {"random (baseline)", &e->random},
                {"preferential attachment (baseline)", &e->scores[RN_SCORE_PREFERENTIAL_ATTACHMENT]},
                {"adamic_adar", &e->scores[RN_SCORE_ADAMIC_ADAR]},
                {"resource_allocation", &e->scores[RN_SCORE_RESOURCE_ALLOCATION]}};
    for (guint k = 0; k < G_N_ELEMENTS(rows); k++)
        printf("  %-34s %7.4f %10.4f %10.4f\n", rows[k].name, rows[k].m->auc,
               rows[k].m->precision_at_k, rows[k].m->recall_at_k);
    print_caveats(r->limits, "Limits of the data:");
    printf("  report: %s\n", output);
}

static int command_recommend(int argc, char **argv)
{
    g_auto(RnSettings) settings;
    rn_settings_init(&settings);
    GError *error = NULL;
    if (!rn_settings_parse_args(&settings, RN_COMMAND_RECOMMEND, argc, argv, &error) ||
        !rn_settings_check(&settings, RN_COMMAND_RECOMMEND, &error))
        return fail(error);
    RnLoadOptions load_options;
    rn_settings_load_options(&settings, &load_options);
    RnRecommendRequest request;
    rn_settings_recommend_request(&settings, &request);

    g_autoptr(GTimer) timer = g_timer_new();
    g_autoptr(RnModel) model = rn_model_new();
    g_autofree char *dataset_name = NULL;
    gboolean to_file = strcmp(settings.output, "-") != 0;
    if ((to_file && !rn_output_check(settings.output, settings.dataset, NULL, &error)) ||
        (settings.pairs && !rn_output_check(settings.pairs, settings.dataset, NULL, &error)))
        return fail(error);
    if (!rn_load_dataset(model, settings.dataset, &load_options, &dataset_name, &error) ||
        (to_file && !rn_output_check(settings.output, settings.dataset, model, &error)) ||
        (settings.pairs && !rn_output_check(settings.pairs, settings.dataset, model, &error)))
        return fail(error);
    double t_load = g_timer_elapsed(timer, NULL);
    RnRecommendResult result;
    if (!rn_recommend_run(model, &request, &result, &error))
        return fail(error);
    double t_run = g_timer_elapsed(timer, NULL);
    RnRecommendReport report = {.dataset_name = dataset_name, .dataset_file = settings.dataset,
                                .model = model, .request = &request, .result = &result};
    g_autofree char *json = rn_recommend_render(&report);
    gboolean ok = write_report(settings.output, json, &error);
    if (ok && settings.pairs) {
        g_autofree char *csv = rn_recommend_pairs_csv(&result);
        ok = rn_write_file_atomic(settings.pairs, csv, strlen(csv), &error);
    }
    if (settings.timings)
        fprintf(stderr, "regnet: timings: load %.3f s, build %.3f s, fit %.3f s, score %.3f s, "
                "write %.3f s, total %.3f s\n", t_load, result.seconds_build, result.seconds_fit,
                result.seconds_score, g_timer_elapsed(timer, NULL) - t_run,
                g_timer_elapsed(timer, NULL));
    if (ok && !settings.quiet && to_file) {
        if (result.evaluated)
            print_evaluation(&result, settings.output);
        else
            print_recommendations(&result, settings.output);
    }
    rn_recommend_result_clear(&result);
    return ok ? 0 : fail(error);
}

static int command_describe(int argc, char **argv)
{
    g_auto(RnSettings) settings;
    rn_settings_init(&settings);
    GError *error = NULL;
    if (!rn_settings_parse_args(&settings, RN_COMMAND_DESCRIBE, argc, argv, &error) ||
        !rn_settings_check(&settings, RN_COMMAND_DESCRIBE, &error))
        return fail(error);
    RnLoadOptions load_options;
    rn_settings_load_options(&settings, &load_options);
    gboolean to_file = settings.output && strcmp(settings.output, "-") != 0;
    if (to_file && !rn_output_check(settings.output, settings.dataset, NULL, &error))
        return fail(error);
    g_autoptr(RnModel) model = rn_model_new();
    g_autofree char *dataset_name = NULL;
    if (!rn_load_dataset(model, settings.dataset, &load_options, &dataset_name, &error) ||
        (to_file && !rn_output_check(settings.output, settings.dataset, model, &error)))
        return fail(error);
    RnDescription description;
    rn_describe(model, &description);
    RnDescribeReport report = {.dataset_name = dataset_name, .dataset_file = settings.dataset,
                               .model = model, .description = &description};
    gboolean ok = TRUE;
    if (settings.output) {
        g_autofree char *json = rn_describe_render(&report);
        ok = write_report(settings.output, json, &error);
    }
    if (ok && !settings.quiet && !(settings.output && strcmp(settings.output, "-") == 0)) {
        g_autofree char *table = rn_describe_table(&report);
        fputs(table, stdout);
        if (to_file)
            printf("\n  description: %s\n", settings.output);
    }
    rn_description_clear(&description);
    return ok ? 0 : fail(error);
}

static int command_export(int argc, char **argv)
{
    g_auto(RnSettings) settings;
    rn_settings_init(&settings);
    GError *error = NULL;
    if (!rn_settings_parse_args(&settings, RN_COMMAND_EXPORT, argc, argv, &error) ||
        !rn_settings_check(&settings, RN_COMMAND_EXPORT, &error))
        return fail(error);
    RnExportFormat format = chosen_format(&settings);
    if (strcmp(settings.output, "-") != 0 && !rn_export_format_is_folder(format) &&
        !rn_output_check(settings.output, settings.report, NULL, &error))
        return fail(error);
    cJSON *document = rn_report_read(settings.report, &error);
    if (!document || !write_export(document, settings.report, format, settings.output, &error))
        return fail(error);
    if (!settings.quiet && strcmp(settings.output, "-") != 0)
        printf("%s: %s written from %s\n", settings.output, settings.format, settings.report);
    return 0;
}

static gboolean on_stop_signal(gpointer data)
{
    rn_server_stop(data);
    return G_SOURCE_CONTINUE;
}

static int command_serve(int argc, char **argv)
{
    g_auto(RnSettings) settings;
    rn_settings_init(&settings);
    GError *error = NULL;
    if (!rn_settings_parse_args(&settings, RN_COMMAND_SERVE, argc, argv, &error) ||
        !rn_settings_check(&settings, RN_COMMAND_SERVE, &error))
        return fail(error);
    RnLoadOptions load_options;
    rn_settings_load_options(&settings, &load_options);
    g_autoptr(RnModel) model = rn_model_new();
    g_autofree char *dataset_name = NULL;
    if (!rn_load_dataset(model, settings.dataset, &load_options, &dataset_name, &error))
        return fail(error);
    RnServerOptions options = {.bind = settings.bind ? settings.bind : "127.0.0.1",
                               .port = (guint)settings.port, .queue = (guint)settings.queue,
                               .web_dir = REGNET_WEB_DIR};
    g_autoptr(RnServer) server = rn_server_new(g_steal_pointer(&model), dataset_name,
                                               settings.dataset, &options);
    g_autofree char *url = rn_server_listen(server, &error);
    if (!url)
        return fail(error);
    guint sources[] = {g_unix_signal_add(SIGINT, on_stop_signal, server),
                       g_unix_signal_add(SIGTERM, on_stop_signal, server)};
    printf("regnet: serving %s at %s\n", dataset_name ? dataset_name : settings.dataset, url);
    fflush(stdout);
    rn_server_run(server);
    for (guint k = 0; k < G_N_ELEMENTS(sources); k++)
        g_source_remove(sources[k]);
    if (!settings.quiet)
        printf("regnet: stopped\n");
    return 0;
}

int main(int argc, char **argv)
{
    /* Numbers are formatted in the C locale whatever the environment says;
     * text is UTF-8, so that GLib's --help and our labels print as written. */
    setlocale(LC_ALL, "C");
    setlocale(LC_CTYPE, "C.UTF-8");
    install_signal_handlers();
    if (argc < 2) {
        fprintf(stderr, "regnet: missing command\n\nUsage: regnet COMMAND [OPTION…]\n\n%s\n",
                commands_text);
        return RN_ERROR_USAGE;
    }
    const char *command = argv[1];
    if (strcmp(command, "--help") == 0 || strcmp(command, "-h") == 0 ||
        strcmp(command, "help") == 0) {
        printf("Usage: regnet COMMAND [OPTION…]\n\n"
               "regnet — network analysis of interregional collaboration in Europe.\n\n%s\n",
               commands_text);
        return 0;
    }
    if (strcmp(command, "version") == 0 || strcmp(command, "--version") == 0) {
        printf("regnet %s (igraph %s, GLib %u.%u.%u)\n", REGNET_VERSION, rn_igraph_version(),
               glib_major_version, glib_minor_version, glib_micro_version);
        return 0;
    }
    static const struct {
        const char *name;
        int (*run)(int, char **);
    } table[] = {{"analyze", command_analyze},
                 {"compare", command_compare},
                 {"recommend", command_recommend},
                 {"describe", command_describe},
                 {"export", command_export},
                 {"serve", command_serve}};
    for (guint k = 0; k < G_N_ELEMENTS(table); k++)
        if (strcmp(command, table[k].name) == 0) {
            g_autofree char *name = g_strconcat("regnet ", command, NULL);
            argv[1] = name;
            return table[k].run(argc - 1, argv + 1);
        }
    fprintf(stderr, "regnet: unknown command '%s'; expected one of: analyze, compare, recommend, "
            "describe, export, serve, version\n",
            command);
    return RN_ERROR_USAGE;
}
