/*
 * options.c — the option table and its validator (see options.h).
 *
 * Every option is a GOption callback, so GLib only splits the command line
 * and writes --help; values are judged here, by the same code whatever the
 * front end.  Bounds (also in README.md):
 *   --level 0-3, --alpha 0-100, --threads 0-256 (0 = every core),
 *   --resolution above 0 up to 1e6, --seed 0 to 2^53 - 1 (exact in JSON),
 *   --runs 1-1000, --permutations 0-100000, --top 0-10000, --periods 2-32,
 *   --bootstrap 0-10000, --qap 0-100000, --null-models 0-10000 (compare; the
 *   resampling as a whole is also bounded by its shortest-path work,
 *   RN_RESAMPLING_WORK_MAX in analyses/compare.h).
 */
#include "cli/options.h"

#include <math.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "engine/error.h"
#include "output/export.h"

#define ANALYZE RN_COMMAND_ANALYZE
#define COMPARE RN_COMMAND_COMPARE
#define RECOMMEND RN_COMMAND_RECOMMEND
#define EXPORT RN_COMMAND_EXPORT
#define DESCRIBE RN_COMMAND_DESCRIBE
#define BOTH (RN_COMMAND_ANALYZE | RN_COMMAND_COMPARE)
/* The commands that load a dataset, and every command. */
#define DATA (RN_COMMAND_ANALYZE | RN_COMMAND_COMPARE | RN_COMMAND_RECOMMEND)
#define SERVE RN_COMMAND_SERVE
#define ALL (DATA | RN_COMMAND_EXPORT)
#define FIELD(name) offsetof(RnSettings, name)
/* The largest integer a JSON number (an IEEE double) holds exactly. */
#define SEED_MAX 9007199254740991.0
#define MAX_PERIODS 32

static const char *const network_kinds[] = {"region", "org", "country", "sector", NULL};
static const char *const weightings[] = {"projects", "newman", NULL};
static const char *const objectives[] = {"modularity", "cpm", NULL};
static const char *const groupings[] = {"country", "sector", "nuts0", "nuts1", "nuts2",
                                        "nuts3",   "community", NULL};
static const char *const centralities[] = {"degree", "strength", "betweenness", "harmonic",
                                           "closeness", "eigenvector", "pagerank", NULL};
/* Bits of RnSettings.reductions; rn_settings_analysis_request() maps them to RnReduction. */
static const char *const reductions[] = {"twins", "degree1", "none", NULL};
static const char *const editions[] = {"2003", "2006", "2010", "2013", "2016", "2021", "2024", NULL};

static const RnOptionSpec table[] = {
    {"dataset", 'd', RN_OPTION_TEXT, DATA | SERVE | DESCRIBE, FIELD(dataset), "FILE",
     "Dataset description (JSON; docs/dataset.md; bundled: data/*.json) (required)",
     0, 0, FALSE, NULL, "a file name"},
    {"output", 'o', RN_OPTION_TEXT, ALL | DESCRIBE, FIELD(output), "FILE",
     "Report file (a folder for --format csv), written whole or not at all; '-' for stdout "
     "(required; describe: optional, the JSON description)", 0, 0, FALSE, NULL, "a file name, or '-' for stdout"},
    {"format", 'f', RN_OPTION_CHOICE, ANALYZE | COMPARE | EXPORT, FIELD(format), "F",
     "Output format: json (the report; default), gexf (1.3), gexf-1.2, graphml, node-link, "
     "cytoscape, csv, pajek or dl (docs/exports.md); compare: json or csv",
     0, 0, FALSE, rn_export_format_names, "an output format"},
    {"report", 'r', RN_OPTION_TEXT, EXPORT, FIELD(report), "FILE",
     "Report of regnet analyze to convert (required)", 0, 0, FALSE, NULL, "a file name"},
    {"network", 'n', RN_OPTION_CHOICE, DATA, FIELD(network), "KIND",
     "Network: region, org, country or sector (default region)",
     0, 0, FALSE, network_kinds, "a network kind"},
    {"level", 'l', RN_OPTION_INT, DATA, FIELD(level), "L",
     "NUTS level 0-3 of a region network (default 2)", 0, 3, FALSE, NULL, "a NUTS level"},
    {"nuts-edition", 0, RN_OPTION_CHOICE, DATA | SERVE | DESCRIBE, FIELD(nuts_edition), "E",
     "Map region codes to NUTS edition E (default 2021 where the dataset declares the mapping)",
     0, 0, FALSE, editions, "a NUTS edition"},
    {"weight", 'w', RN_OPTION_CHOICE, ANALYZE, FIELD(weight), "W",
     "Edge weight: projects (shared projects) or newman (sum of 1/(n-1)) (default projects)",
     0, 0, FALSE, weightings, "an edge weight"},
    {"alpha", 'a', RN_OPTION_NUMBER, BOTH, FIELD(alpha), "A",
     "Path length of an edge = 1/weight^A, 0-100 (default 1; 0 = unweighted)",
     0, 100, FALSE, NULL, "the exponent A of 1/weight^A"},
    {"programme", 0, RN_OPTION_TEXT, ANALYZE, FIELD(programme), "NAME",
     "Keep only the programme of this exact name", 0, 0, FALSE, NULL, "a programme name"},
    {"programmes", 0, RN_OPTION_REGEX, DATA, FIELD(programmes), "REGEX",
     "Keep programmes whose name matches REGEX (case-insensitive)", 0, 0, FALSE, NULL, NULL},
    {"themes", 0, RN_OPTION_REGEX, DATA, FIELD(themes), "REGEX",
     "Keep projects one of whose themes matches REGEX (case-insensitive; recommend: "
     "candidates with such a project)", 0, 0, FALSE, NULL, NULL},
    {"period", 0, RN_OPTION_TEXT, ANALYZE | RECOMMEND, FIELD(period), "P",
     "Keep only this period, as the data name it (e.g. 2014-2020)", 0, 0, FALSE, NULL,
     "a period name"},
    {"periods", 'p', RN_OPTION_TEXT, COMPARE, FIELD(periods), "LIST",
     "Periods to compare, 2-32, comma-separated (e.g. 2007-2013,2014-2020) (required)",
     0, 0, FALSE, NULL, "periods separated by commas"},
    {"group", 'g', RN_OPTION_CHOICE, ANALYZE, FIELD(group), "NAME",
     "Add the bridging analyses for a grouping: country, sector, nuts0-nuts3 or community",
     0, 0, FALSE, groupings, "a grouping"},
    {"bridges", 0, RN_OPTION_FLAG, ANALYZE, FIELD(bridges), NULL,
     "Regions as bridges: organisation measures rolled up to regions (region network, --group)",
     0, 0, FALSE, NULL, NULL},
    {"objective", 0, RN_OPTION_CHOICE, ANALYZE, FIELD(objective), "OBJ",
     "Leiden objective of --group community and the communities: modularity or cpm "
     "(default modularity)", 0, 0, FALSE, objectives, "a Leiden objective"},
    {"resolution", 0, RN_OPTION_NUMBER, ANALYZE, FIELD(resolution), "G",
     "Leiden resolution gamma, above 0 up to 1e6 (default 1)", 0, 1e6, TRUE, NULL,
     "a resolution above 0"},
    {"seed", 0, RN_OPTION_INT, DATA, FIELD(seed), "S",
     "Seed of Leiden and of every random draw (permutations, bootstrap, QAP, null models, "
     "the recommender's samples), "
     "0 to 2^53-1 (default 1)", 0, SEED_MAX, FALSE, NULL, "a seed"},
    {"runs", 0, RN_OPTION_INT, ANALYZE, FIELD(runs), "N",
     "Leiden runs (seeds S, S+1, ...) for community stability, 1-1000 (default 10)", 1, 1000,
     FALSE, NULL, "a number of runs"},
    {"permutations", 0, RN_OPTION_INT, BOTH, FIELD(permutations), "N",
     "Permutation test size, 0-100000: analyze, the E-I test (default 1000); compare, each "
     "change between periods, projects shuffled between them (default 0: none)",
     0, 100000, FALSE, NULL, "a number of permutations"},
    {"bootstrap", 0, RN_OPTION_INT, COMPARE, FIELD(bootstrap), "N",
     "Bootstrap replicates per period, projects drawn with replacement: 95% percentile "
     "intervals, 0-10000 (default 0: none)", 0, 10000, FALSE, NULL,
     "a number of bootstrap replicates"},
    {"bootstrap-ranks", 0, RN_OPTION_CHOICE, COMPARE, FIELD(bootstrap_ranks), "C",
     "With --bootstrap, an interval for each node's rank by centrality C (degree, strength, "
     "betweenness, harmonic, closeness, eigenvector or pagerank)", 0, 0, FALSE, centralities,
     "a centrality"},
    {"qap", 0, RN_OPTION_INT, COMPARE, FIELD(qap), "N",
     "QAP permutations of the correlation of two periods' ties, 0-100000 (default 0: the "
     "correlation without p-value)", 0, 100000, FALSE, NULL, "a number of QAP permutations"},
    {"resample-paths", 0, RN_OPTION_FLAG, COMPARE, FIELD(resample_paths), NULL,
     "Bootstrap, permutations and null models also recompute betweenness and closeness "
     "centralization (a shortest-path pass per network: about 3 times slower)",
     0, 0, FALSE, NULL, NULL},
    {"null-models", 0, RN_OPTION_INT, COMPARE, FIELD(null_models), "N",
     "Degree-preserving random networks per period for z-scores, 0-10000 (default 0: none)",
     0, 10000, FALSE, NULL, "a number of null networks"},
    {"top", 0, RN_OPTION_INT, DATA, FIELD(top), "K",
     "Items listed: strongest cross-sector links, risers and fallers, recommendations per "
     "node (k of the evaluation), 0-10000 (default 10)",
     0, 10000, FALSE, NULL, "a number of items"},
    {"threads", 't', RN_OPTION_INT, BOTH, FIELD(threads), "N",
     "Threads of the shortest-path pass, 0-256 (default 0: every core; same results)",
     0, 256, FALSE, NULL, "a number of threads"},
    {"skip-invalid-rows", 0, RN_OPTION_FLAG, DATA | SERVE | DESCRIBE, FIELD(skip_invalid_rows), NULL,
     "Reject malformed rows (counted in the report) instead of failing", 0, 0, FALSE, NULL, NULL},
    {"quiet", 'q', RN_OPTION_FLAG, ALL | SERVE | DESCRIBE, FIELD(quiet), NULL, "Do not print the summary",
     0, 0, FALSE, NULL, NULL},
    {"for", 0, RN_OPTION_TEXT, RECOMMEND, FIELD(for_ids), "ID[,ID...]",
     "Nodes to recommend partners for: NUTS codes, organisation keys or names, country codes",
     0, 0, FALSE, NULL, "node ids separated by commas"},
    {"all", 0, RN_OPTION_FLAG, RECOMMEND, FIELD(all), NULL,
     "Recommend partners for every node (--top each)", 0, 0, FALSE, NULL, NULL},
    {"sectors", 0, RN_OPTION_TEXT, RECOMMEND, FIELD(sectors), "LIST",
     "Keep candidates with participations of one of these sectors (e.g. private or HES,REC)",
     0, 0, FALSE, NULL, "sectors separated by commas"},
    {"countries", 0, RN_OPTION_TEXT, RECOMMEND, FIELD(countries), "LIST",
     "Keep candidates in one of these countries (e.g. AT,SI,HR)", 0, 0, FALSE, NULL,
     "country codes separated by commas"},
    {"exclude-existing", 0, RN_OPTION_FLAG, RECOMMEND, FIELD(exclude_existing), NULL,
     "Leave out candidates the node has already worked with", 0, 0, FALSE, NULL, NULL},
    {"evaluate", 0, RN_OPTION_FLAG, RECOMMEND, FIELD(evaluate), NULL,
     "Validate instead: recommend from --train, measure against the new ties of --test",
     0, 0, FALSE, NULL, NULL},
    {"train", 0, RN_OPTION_TEXT, RECOMMEND, FIELD(train), "P",
     "Training period of --evaluate, as the data name it (e.g. 2007-2013, FP7)", 0, 0, FALSE,
     NULL, "a period name"},
    {"test", 0, RN_OPTION_TEXT, RECOMMEND, FIELD(test), "P",
     "Test period of --evaluate (e.g. 2014-2020, H2020)", 0, 0, FALSE, NULL, "a period name"},
    {"pairs", 0, RN_OPTION_TEXT, RECOMMEND, FIELD(pairs), "FILE",
     "With --evaluate, also write the evaluated pairs, labels and scores as CSV", 0, 0, FALSE,
     NULL, "a file name"},
    {"figures", 0, RN_OPTION_TEXT, ANALYZE, FIELD(figures), "DIR",
     "Also write figures (SVG and PNG) into folder DIR: top-N bars per centrality, the mixing "
     "heat map (--group), a network drawing (layout seeded by --seed), a map (region and "
     "country networks) (docs/figures.md)", 0, 0, FALSE, NULL, "a folder name"},
    {"figure-metric", 0, RN_OPTION_CHOICE, ANALYZE, FIELD(figure_metric), "C",
     "Centrality sizing the nodes of the network drawing and the map: degree, strength, "
     "betweenness, harmonic, closeness, eigenvector or pagerank (default strength)",
     0, 0, FALSE, centralities, "a centrality"},
    {"figure-top", 0, RN_OPTION_INT, ANALYZE, FIELD(figure_top), "N",
     "Bars in each top-N chart of --figures, 1-100 (default 20)", 1, 100, FALSE, NULL,
     "a number of bars"},
    {"timings", 0, RN_OPTION_FLAG, ANALYZE | RECOMMEND, FIELD(timings), NULL,
     "Print the time of each phase to stderr", 0, 0, FALSE, NULL, NULL},
    {"bind", 0, RN_OPTION_TEXT, SERVE, FIELD(bind), "ADDRESS",
     "Address to listen on, an IPv4 or IPv6 literal (default 127.0.0.1: this machine only)",
     0, 0, FALSE, NULL, "an IP address"},
    {"port", 0, RN_OPTION_INT, SERVE, FIELD(port), "PORT",
     "TCP port, 0-65535 (default 8080; 0: any free port, printed)", 0, 65535, FALSE, NULL,
     "a TCP port"},
    {"queue", 0, RN_OPTION_INT, SERVE, FIELD(queue), "N",
     "Analyses waiting for the worker at most, 1-1000 (default 16; more: 503 with Retry-After)",
     1, 1000, FALSE, NULL, "a queue length"},
    {"metrics", 'm', RN_OPTION_SET, ANALYZE, FIELD(metrics), "LIST",
     "Centralities to compute, comma-separated: degree, strength, betweenness, harmonic, "
     "closeness, eigenvector, pagerank (default all; without betweenness, harmonic and "
     "closeness no shortest-path pass runs)", 0, 0, FALSE, centralities, "centralities"},
    {"betweenness-sample", 0, RN_OPTION_PAIR, ANALYZE, FIELD(betweenness_sample), "EPS,DELTA",
     "Estimate betweenness from sampled shortest paths (KADABRA, Borassi-Natale): every value "
     "within EPS (0.001 up to 1) with probability 1-DELTA (DELTA 1e-9 up to 1); seeded by --seed",
     0.001, 1, FALSE, NULL, "an error bound EPS and a failure probability DELTA, e.g. 0.01,0.1"},
    {"reductions", 0, RN_OPTION_SET, ANALYZE, FIELD(reductions), "LIST",
     "Exact reductions of the shortest-path pass, comma-separated: twins (structurally "
     "equivalent nodes solved once), degree1 (degree-1 nodes removed repeatedly, added in "
     "closed form); default both; none for neither (same results to 1e-12, slower; "
     "docs/paths.md)", 0, 0, FALSE, reductions, "reductions"},
    {"progress", 0, RN_OPTION_FLAG, ANALYZE, FIELD(progress), NULL,
     "Print progress of phases longer than 2 s to stderr even when it is not a terminal "
     "(never with --quiet)", 0, 0, FALSE, NULL, NULL},
};

G_STATIC_ASSERT(G_N_ELEMENTS(table) <= 64); /* RnSettings.given is a 64-bit set */

const RnOptionSpec *rn_option_table(guint *n)
{
    *n = G_N_ELEMENTS(table);
    return table;
}

const RnOptionSpec *rn_option_find(const char *name)
{
    g_return_val_if_fail(name != NULL, NULL);
    for (guint k = 0; k < G_N_ELEMENTS(table); k++)
        if (strcmp(table[k].name, name) == 0 ||
            (name[0] && !name[1] && table[k].short_name == name[0]))
            return &table[k];
    return NULL;
}

void rn_settings_init(RnSettings *s)
{
    *s = (RnSettings){.level = 2, .alpha = 1.0, .resolution = 1.0, .seed = 1, .runs = 10,
                      .permutations = 1000, .top = 10, .figure_top = 20, .port = 8080,
                      .queue = 16};
}

void rn_settings_clear(RnSettings *s)
{
    char **texts[] = {&s->dataset,   &s->output,    &s->network,   &s->weight,  &s->nuts_edition,
                      &s->group,     &s->objective, &s->programme, &s->period,  &s->periods,
                      &s->bootstrap_ranks, &s->for_ids, &s->sectors, &s->countries, &s->train,
                      &s->test,      &s->pairs,     &s->format,    &s->report, &s->figures,
                      &s->figure_metric, &s->bind};
    for (guint k = 0; k < G_N_ELEMENTS(texts); k++)
        g_free(*texts[k]);
    if (s->programmes)
        g_regex_unref(s->programmes);
    if (s->themes)
        g_regex_unref(s->themes);
    g_strfreev(s->period_list);
    rn_settings_init(s);
}

/* "a, b or c" of a NULL-terminated list, quoted (caller frees). */
static char *choice_list(const char *const *choices)
{
    GString *text = g_string_new(NULL);
    for (guint k = 0; choices[k]; k++)
        g_string_append_printf(text, "%s'%s'", k == 0 ? "" : choices[k + 1] ? ", " : " or ",
                               choices[k]);
    return g_string_free(text, FALSE);
}

/* A value quoted for a message: at most 60 characters (UTF-8 safe). */
static char *quoted(const char *value)
{
    if (!g_utf8_validate(value, -1, NULL))
        return g_strdup("(not UTF-8)");
    glong length = g_utf8_strlen(value, -1);
    if (length <= 60)
        return g_strdup_printf("'%s'", value);
    g_autofree char *head = g_utf8_substring(value, 0, 60);
    return g_strdup_printf("'%s…' (%ld characters)", head, length);
}

/* The shortest decimal text that reads back as x ("0.0009", "1e-09"), not
 * the 17 digits that show the binary value ("0.00089999999999999998"). */
static char *number_text(double x)
{
    char buffer[G_ASCII_DTOSTR_BUF_SIZE];
    if (x == floor(x) && fabs(x) < 1e16) /* integers in full: 100, 9007199254740991 */
        return g_strdup(g_ascii_formatd(buffer, sizeof buffer, "%.0f", x));
    for (int digits = 1; digits < 17; digits++) {
        char format[8];
        g_snprintf(format, sizeof format, "%%.%dg", digits);
        g_ascii_formatd(buffer, sizeof buffer, format, x);
        if (g_ascii_strtod(buffer, NULL) == x)
            return g_strdup(buffer);
    }
    return g_strdup(g_ascii_formatd(buffer, sizeof buffer, "%.17g", x));
}

/* "0-3", "0 (not included) up to 1000000": the bounds of a number option. */
static char *bounds_text(const RnOptionSpec *spec)
{
    g_autofree char *min = number_text(spec->min);
    g_autofree char *max = number_text(spec->max);
    if (spec->min_exclusive)
        return g_strdup_printf("%s (not included) up to %s", min, max);
    return g_strdup_printf("%s-%s", min, max);
}

static gboolean set_number(RnSettings *s, const RnOptionSpec *spec, const char *value,
                           const char *display, GError **error)
{
    char *end = NULL;
    double x = value && *value ? g_ascii_strtod(value, &end) : NAN;
    gboolean integer = spec->type == RN_OPTION_INT;
    if (!value || !*value || *end || !isfinite(x) || (integer && x != floor(x))) {
        g_autofree char *text = quoted(value ? value : "");
        g_autofree char *bounds = bounds_text(spec);
        g_set_error(error, RN_ERROR, RN_ERROR_USAGE, "%s %s is not %s; expected %s, %s",
                    display, text, integer ? "an integer" : "a finite number", spec->expected,
                    bounds);
        return FALSE;
    }
    if (x > spec->max || (spec->min_exclusive ? x <= spec->min : x < spec->min)) {
        g_autofree char *bounds = bounds_text(spec);
        g_set_error(error, RN_ERROR, RN_ERROR_USAGE, "%s %s is outside %s; expected %s", display,
                    value, bounds, spec->expected);
        return FALSE;
    }
    gpointer field = (char *)s + spec->offset;
    if (integer)
        *(gint64 *)field = (gint64)x;
    else
        *(double *)field = x;
    return TRUE;
}

/* A comma-separated list of distinct choices, as a bit set. */
static gboolean set_choices(RnSettings *s, const RnOptionSpec *spec, const char *value,
                            const char *display, GError **error)
{
    /* "" would split into no part: split " " instead, an empty part rejected below */
    g_auto(GStrv) parts = g_strsplit(value && *value ? value : " ", ",", -1);
    guint64 set = 0;
    for (guint k = 0; parts[k]; k++) {
        char *part = g_strstrip(parts[k]);
        gint found = -1;
        for (gint j = 0; spec->choices[j]; j++)
            if (strcmp(spec->choices[j], part) == 0)
                found = j;
        if (found < 0) {
            g_autofree char *text = quoted(part);
            g_autofree char *list = choice_list(spec->choices);
            g_set_error(error, RN_ERROR, RN_ERROR_USAGE, "%s %s is not one of the %s; expected "
                        "a comma-separated list of %s", display, text, spec->expected, list);
            return FALSE;
        }
        if (set >> found & 1) {
            g_set_error(error, RN_ERROR, RN_ERROR_USAGE, "%s names '%s' twice; expected "
                        "distinct %s", display, part, spec->expected);
            return FALSE;
        }
        set |= G_GUINT64_CONSTANT(1) << found;
    }
    *(guint64 *)((char *)s + spec->offset) = set;
    return TRUE;
}

/* "X,Y": two numbers, X in [min, max), Y in [RN_PROBABILITY_MIN, 1). */
static gboolean set_pair(RnSettings *s, const RnOptionSpec *spec, const char *value,
                         const char *display, GError **error)
{
    g_auto(GStrv) parts = g_strsplit(value ? value : "", ",", -1);
    double x[2] = {NAN, NAN};
    gboolean ok = g_strv_length(parts) == 2;
    for (guint k = 0; ok && k < 2; k++) {
        char *end = NULL;
        x[k] = *parts[k] ? g_ascii_strtod(parts[k], &end) : NAN;
        ok = *parts[k] && !*end && isfinite(x[k]);
    }
    if (!ok) {
        g_autofree char *text = quoted(value ? value : "");
        g_set_error(error, RN_ERROR, RN_ERROR_USAGE, "%s %s is not two numbers; expected %s",
                    display, text, spec->expected);
        return FALSE;
    }
    double lo[2] = {spec->min, RN_PROBABILITY_MIN}, hi[2] = {spec->max, 1.0};
    for (guint k = 0; k < 2; k++)
        if (x[k] < lo[k] || x[k] >= hi[k]) {
            g_autofree char *xs = number_text(x[k]), *los = number_text(lo[k]),
                            *his = number_text(hi[k]);
            g_set_error(error, RN_ERROR, RN_ERROR_USAGE, "%s %s: %s %s is outside %s up "
                        "to (not including) %s; expected %s", display, value,
                        k == 0 ? "the first number" : "the second number", xs, los, his,
                        spec->expected);
            return FALSE;
        }
    memcpy((char *)s + spec->offset, x, sizeof x);
    return TRUE;
}

gboolean rn_settings_set(RnSettings *s, const RnOptionSpec *spec, const char *value,
                         const char *display, GError **error)
{
    g_return_val_if_fail(s != NULL && spec != NULL && display != NULL, FALSE);
    g_return_val_if_fail(error == NULL || *error == NULL, FALSE);
    gpointer field = (char *)s + spec->offset;
    switch (spec->type) {
    case RN_OPTION_FLAG:
        *(gboolean *)field = TRUE;
        break;
    case RN_OPTION_INT:
    case RN_OPTION_NUMBER:
        if (!set_number(s, spec, value, display, error))
            return FALSE;
        break;
    case RN_OPTION_CHOICE:
        if (!value || !g_strv_contains((const char *const *)spec->choices, value)) {
            g_autofree char *text = quoted(value ? value : "");
            g_autofree char *list = choice_list(spec->choices);
            g_set_error(error, RN_ERROR, RN_ERROR_USAGE, "%s %s is not %s; expected %s",
                        display, text, spec->expected, list);
            return FALSE;
        }
        g_free(*(char **)field);
        *(char **)field = g_strdup(value);
        break;
    case RN_OPTION_TEXT:
        if (!value || !*value) {
            g_set_error(error, RN_ERROR, RN_ERROR_USAGE, "%s is empty; expected %s", display,
                        spec->expected);
            return FALSE;
        }
        if (!g_utf8_validate(value, -1, NULL)) { /* it reaches the JSON report */
            g_set_error(error, RN_ERROR, RN_ERROR_USAGE, "%s is not UTF-8 text; expected %s",
                        display, spec->expected);
            return FALSE;
        }
        g_free(*(char **)field);
        *(char **)field = g_strdup(value);
        break;
    case RN_OPTION_SET:
        if (!set_choices(s, spec, value, display, error))
            return FALSE;
        break;
    case RN_OPTION_PAIR:
        if (!set_pair(s, spec, value, display, error))
            return FALSE;
        break;
    case RN_OPTION_REGEX: {
        g_autoptr(GError) local = NULL;
        GRegex *regex = value && *value ? g_regex_new(value, G_REGEX_CASELESS | G_REGEX_OPTIMIZE,
                                                      0, &local)
                                        : NULL;
        if (!regex) {
            g_autofree char *text = quoted(value ? value : "");
            g_set_error(error, RN_ERROR, RN_ERROR_USAGE,
                        "%s %s is not a regular expression: %s", display, text,
                        local ? local->message : "it is empty");
            return FALSE;
        }
        if (*(GRegex **)field)
            g_regex_unref(*(GRegex **)field);
        *(GRegex **)field = regex;
        break;
    }
    }
    s->given |= G_GUINT64_CONSTANT(1) << (guint)(spec - table);
    return TRUE;
}

/* GOption callback: every option of the table goes through rn_settings_set(). */
static gboolean option_callback(const gchar *option_name, const gchar *value, gpointer data,
                                GError **error)
{
    const char *name = option_name;
    while (*name == '-')
        name++;
    const RnOptionSpec *spec = rn_option_find(name);
    g_return_val_if_fail(spec != NULL, FALSE);
    g_autofree char *display = g_strconcat("--", spec->name, NULL);
    return rn_settings_set(data, spec, value, display, error);
}

typedef struct {
    RnCommand command;
    const char *name;
    const char *parameters; /* the required options, after "[OPTION…]" in the usage line */
    const char *summary;
    const char *description; /* examples and where to read more */
} CommandHelp;

static const CommandHelp commands[] = {
    {RN_COMMAND_ANALYZE, "analyze", "--dataset FILE --output FILE",
     "Loads the partnerships a dataset description names, builds a region (NUTS 0-3),\n"
     "organisation, country or sector network and writes a JSON report: centralities,\n"
     "summary and, with --group, brokerage, structural holes, E-I index, mixing and\n"
     "communities (docs/schema.md, docs/metrics.md, docs/bridging.md).",
     "Examples:\n"
     "  regnet analyze --dataset data/keep-2014-2020.json --network region --level 2 --output r.json\n"
     "  regnet analyze --dataset data/keep-2014-2020.json --network org --group sector --output o.json\n"
     "\n"
     "--format writes the network in another tool's format instead of the JSON report\n"
     "(docs/exports.md), e.g. --format gexf --output r.gexf, or --format csv --output DIR.\n"
     "\n"
     "Exit status: 0 success, 1 computation failed, 2 usage error, 3 input cannot be read,\n"
     "4 input malformed, 5 output cannot be written.  More: README.md and docs/."},
    {RN_COMMAND_COMPARE, "compare", "--dataset FILE --periods LIST --output FILE",
     "Builds the same network for each period, in one node space, and writes how it\n"
     "changed: turnover, tie persistence, rank correlations, risers and fallers, with\n"
     "each period's summary and communities (docs/compare.md).",
     "Examples:\n"
     "  regnet compare --dataset data/keep-2000-2020.json --periods 2007-2013,2014-2020 --output c.json\n"
     "  regnet compare --dataset data/fp7-h2020.json --network country --periods FP7,H2020 --output f.json\n"
     "\n"
     "Periods are named as the data name them: keep.eu '2007-2013' (from the programme\n"
     "name), CORDIS 'FP7' and 'H2020' (from the dataset description).  --format csv writes\n"
     "a folder: nodes_PERIOD.csv per period, periods.csv and comparison.csv.\n"
     "Exit status: 0 success, 1 computation failed, 2 usage error, 3 input cannot be read,\n"
     "4 input malformed, 5 output cannot be written.  More: README.md and docs/compare.md."},
    {RN_COMMAND_RECOMMEND, "recommend", "--dataset FILE (--for ID[,ID...] | --all | --evaluate) --output FILE",
     "Recommends partners from collaboration history: neighbourhood scores (common\n"
     "neighbours, Adamic-Adar, resource allocation, Jaccard, preferential attachment),\n"
     "shared themes, complementary sectors, cross-border ties and activity, each reported\n"
     "and combined by a weighting learned on held-out projects; every recommendation\n"
     "explains itself.  --evaluate validates it on a later period (docs/recommend.md).",
     "Examples:\n"
     "  regnet recommend --dataset data/keep-2014-2020.json --network region --level 2 --for SI04 --top 10 --output r.json\n"
     "  regnet recommend --dataset data/keep-2000-2020.json --network region --level 2 --evaluate --train 2007-2013 --test 2014-2020 --output e.json\n"
     "\n"
     "Ids: NUTS codes, organisation keys ('DE|name' or 'pic:123'), an organisation's or\n"
     "region's name as the data spell it, country codes (EL, UK).  An unknown id is a usage\n"
     "error that lists the closest ones.\n"
     "Exit status: 0 success, 1 computation failed, 2 usage error, 3 input cannot be read,\n"
     "4 input malformed, 5 output cannot be written.  More: README.md and docs/recommend.md."},
    {RN_COMMAND_DESCRIBE, "describe", "--dataset FILE",
     "Loads a dataset and prints what it holds before any analysis: programmes with\n"
     "their periods (the exact names --programme and --programmes take), periods,\n"
     "project and participation counts, themes, countries, NUTS coverage per level,\n"
     "single-participant projects, organisation id schemes, lead-partner-only\n"
     "periods and caveats; --output writes it as JSON (docs/describe.md).",
     "Examples:\n"
     "  regnet describe --dataset data/keep-2000-2020.json\n"
     "  regnet describe --dataset data/fp7-h2020.json --output d.json\n"
     "\n"
     "Exit status: 0 success, 2 usage error, 3 input cannot be read, 4 input malformed,\n"
     "5 output cannot be written.  More: docs/describe.md."},
    {RN_COMMAND_EXPORT, "export", "--report FILE --format F --output FILE",
     "Converts a report of regnet analyze into another tool's format without computing\n"
     "anything again: GEXF for Gephi, GraphML, NetworkX node-link JSON, Cytoscape.js JSON,\n"
     "CSV node and edge tables (a folder), Pajek .net or UCINET DL (docs/exports.md).\n"
     "The result is the same as regnet analyze --format F would have written.",
     "Examples:\n"
     "  regnet export --report r.json --format gexf --output r.gexf\n"
     "  regnet export --report o.json --format csv --output o-tables\n"
     "\n"
     "Exit status: 0 success, 2 usage error, 3 report cannot be read, 4 not a regnet\n"
     "report, 5 output cannot be written.  More: docs/exports.md."},
    {RN_COMMAND_SERVE, "serve", "--dataset FILE",
     "Loads a dataset once and answers HTTP on 127.0.0.1 (unless --bind says otherwise):\n"
     "the dashboard at /, and a JSON API: /api/describe, /api/analyze and /api/compare, whose\n"
     "parameters are the options of analyze and compare (docs/serve.md).  Stops on SIGINT or\n"
     "SIGTERM.",
     "Examples:\n"
     "  regnet serve --dataset data/keep-2014-2020.json\n"
     "  regnet serve --dataset data/keep-2000-2020.json --port 0\n"
     "\n"
     "Exit status: 0 stopped by a signal, 2 usage error, 3 input cannot be read, 4 input\n"
     "malformed, 5 cannot listen.  More: docs/serve.md."},
};

static const CommandHelp *command_help(RnCommand command)
{
    for (guint k = 0; k < G_N_ELEMENTS(commands); k++)
        if (commands[k].command == command)
            return &commands[k];
    g_return_val_if_reached(NULL);
}

gboolean rn_settings_parse_args(RnSettings *s, RnCommand command, int argc, char **argv,
                                GError **error)
{
    const CommandHelp *help = command_help(command);
    g_autoptr(GArray) entries = g_array_new(TRUE, TRUE, sizeof(GOptionEntry));
    /* GOptionEntry stores a callback as a data pointer (POSIX allows it). */
    GOptionArgFunc callback = option_callback;
    gpointer callback_data;
    memcpy(&callback_data, &callback, sizeof callback_data);
    for (guint k = 0; k < G_N_ELEMENTS(table); k++) {
        const RnOptionSpec *spec = &table[k];
        if (!(spec->commands & command))
            continue;
        GOptionEntry entry = {spec->name, spec->short_name,
                              spec->type == RN_OPTION_FLAG ? G_OPTION_FLAG_NO_ARG : 0,
                              G_OPTION_ARG_CALLBACK, callback_data, spec->help,
                              spec->arg};
        g_array_append_val(entries, entry);
    }
    g_autoptr(GOptionContext) context = g_option_context_new(help->parameters);
    g_option_context_set_summary(context, help->summary);
    g_option_context_set_description(context, help->description);
    GOptionGroup *group = g_option_group_new(help->name, "", "", s, NULL);
    g_option_group_add_entries(group, (const GOptionEntry *)entries->data);
    g_option_context_set_main_group(context, group);
    g_autoptr(GError) local = NULL;
    if (!g_option_context_parse(context, &argc, &argv, &local)) {
        if (local->domain == RN_ERROR)
            g_propagate_error(error, g_steal_pointer(&local));
        else
            g_set_error(error, RN_ERROR, RN_ERROR_USAGE, "%s: %s", help->name, local->message);
        return FALSE;
    }
    if (argc > 1) {
        g_set_error(error, RN_ERROR, RN_ERROR_USAGE,
                    "%s: unexpected argument '%s'; options take the form --name VALUE (see "
                    "regnet %s --help)",
                    help->name, argv[1], help->name);
        return FALSE;
    }
    return TRUE;
}

/* Splits --periods: trimmed, non-empty, distinct, 2 to MAX_PERIODS. */
static gboolean split_periods(RnSettings *s, GError **error)
{
    g_auto(GStrv) parts = g_strsplit(s->periods, ",", -1);
    guint n = g_strv_length(parts);
    if (n < 2 || n > MAX_PERIODS) {
        g_set_error(error, RN_ERROR, RN_ERROR_USAGE,
                    "compare: --periods needs 2 to %d periods, found '%s'", MAX_PERIODS,
                    s->periods);
        return FALSE;
    }
    for (guint k = 0; k < n; k++) {
        g_strstrip(parts[k]);
        if (!*parts[k]) {
            g_set_error(error, RN_ERROR, RN_ERROR_USAGE,
                        "compare: --periods '%s' has an empty period at position %u; expected "
                        "period names separated by commas", s->periods, k + 1);
            return FALSE;
        }
        for (guint j = 0; j < k; j++)
            if (strcmp(parts[j], parts[k]) == 0) {
                g_set_error(error, RN_ERROR, RN_ERROR_USAGE,
                            "compare: --periods names '%s' twice; expected distinct periods",
                            parts[k]);
                return FALSE;
            }
    }
    g_strfreev(s->period_list);
    s->period_list = g_steal_pointer(&parts);
    return TRUE;
}

/* What recommend needs: one mode, its periods, options that fit it. */
static gboolean check_recommend(const RnSettings *s, GError **error)
{
    guint modes = (s->for_ids != NULL) + s->all + s->evaluate;
    if (modes != 1) {
        g_set_error(error, RN_ERROR, RN_ERROR_USAGE,
                    modes == 0 ? "recommend: give --for ID[,ID...], --all or --evaluate (see "
                                 "regnet recommend --help)"
                               : "recommend: --for, --all and --evaluate exclude each other");
        return FALSE;
    }
    if (s->top == 0) {
        g_set_error(error, RN_ERROR, RN_ERROR_USAGE,
                    "recommend: --top 0 lists nothing; expected 1-10000");
        return FALSE;
    }
    if (!s->evaluate && (s->train || s->test || s->pairs)) {
        g_set_error(error, RN_ERROR, RN_ERROR_USAGE,
                    "recommend: --train, --test and --pairs need --evaluate");
        return FALSE;
    }
    if (!s->evaluate)
        return TRUE;
    if (!s->train || !s->test) {
        g_set_error(error, RN_ERROR, RN_ERROR_USAGE,
                    "recommend: --evaluate needs --train and --test (periods as the data name "
                    "them, e.g. --train 2007-2013 --test 2014-2020)");
        return FALSE;
    }
    if (strcmp(s->train, s->test) == 0) {
        g_set_error(error, RN_ERROR, RN_ERROR_USAGE,
                    "recommend: --train and --test both name '%s'; expected two periods",
                    s->train);
        return FALSE;
    }
    if (s->themes || s->sectors || s->countries || s->exclude_existing || s->period) {
        g_set_error(error, RN_ERROR, RN_ERROR_USAGE,
                    "recommend: --evaluate ranks every candidate of the periods it compares; "
                    "--themes, --sectors, --countries, --exclude-existing and --period do not "
                    "apply to it");
        return FALSE;
    }
    if (s->pairs && strcmp(s->pairs, s->output) == 0) {
        g_set_error(error, RN_ERROR, RN_ERROR_USAGE,
                    "recommend: --pairs and --output name the same file '%s'", s->pairs);
        return FALSE;
    }
    return TRUE;
}

/* A folder format cannot go to stdout. */
static gboolean check_format_output(const RnSettings *s, GError **error)
{
    RnExportFormat format = RN_EXPORT_JSON;
    if (s->format && !rn_export_format_parse(s->format, &format))
        g_return_val_if_reached(FALSE);
    if (rn_export_format_is_folder(format) && strcmp(s->output, "-") == 0) {
        g_set_error(error, RN_ERROR, RN_ERROR_USAGE, "--format %s writes a folder of files; "
                    "expected a folder name for --output, not '-'", s->format);
        return FALSE;
    }
    return TRUE;
}

static gboolean given(const RnSettings *s, const char *name);

gboolean rn_settings_check(RnSettings *s, RnCommand command, GError **error)
{
    g_return_val_if_fail(s != NULL, FALSE);
    const CommandHelp *help = command_help(command);
    for (guint k = 0; k < G_N_ELEMENTS(table); k++)
        if ((s->given >> k & 1) && !(table[k].commands & command)) {
            g_set_error(error, RN_ERROR, RN_ERROR_USAGE, "%s: --%s does not apply to this "
                        "command", help->name, table[k].name);
            return FALSE;
        }
    if (command == RN_COMMAND_EXPORT) {
        if (!s->report || !s->format || !s->output) {
            g_set_error(error, RN_ERROR, RN_ERROR_USAGE, "export: --report, --format and "
                        "--output are required (see regnet export --help)");
            return FALSE;
        }
        if (strcmp(s->format, "json") == 0) {
            g_set_error(error, RN_ERROR, RN_ERROR_USAGE, "export: --format json would copy the "
                        "report; expected another format (gexf, graphml, node-link, cytoscape, "
                        "csv, pajek, dl, ...)");
            return FALSE;
        }
        return check_format_output(s, error);
    }
    if (command == RN_COMMAND_DESCRIBE) {
        if (!s->dataset) {
            g_set_error(error, RN_ERROR, RN_ERROR_USAGE, "describe: --dataset is required (see "
                        "regnet describe --help)");
            return FALSE;
        }
        return TRUE;
    }
    if (command == RN_COMMAND_SERVE) {
        if (!s->dataset) {
            g_set_error(error, RN_ERROR, RN_ERROR_USAGE,
                        "serve: --dataset is required (see regnet serve --help)");
            return FALSE;
        }
        return TRUE;
    }
    if (!s->dataset || !s->output || (command == RN_COMMAND_COMPARE && !s->periods)) {
        g_set_error(error, RN_ERROR, RN_ERROR_USAGE, "%s: %s are required (see regnet %s --help)",
                    help->name,
                    command == RN_COMMAND_COMPARE ? "--dataset, --periods and --output"
                                                  : "--dataset and --output",
                    help->name);
        return FALSE;
    }
    if (command == RN_COMMAND_COMPARE && !split_periods(s, error))
        return FALSE;
    if (command == RN_COMMAND_RECOMMEND && !check_recommend(s, error))
        return FALSE;
    if (command == RN_COMMAND_COMPARE && s->format && strcmp(s->format, "json") != 0 &&
        strcmp(s->format, "csv") != 0) {
        g_set_error(error, RN_ERROR, RN_ERROR_USAGE, "compare: --format %s does not apply to a "
                    "comparison; expected 'json' or 'csv'", s->format);
        return FALSE;
    }
    if (!check_format_output(s, error))
        return FALSE;
    gboolean region = !s->network || strcmp(s->network, "region") == 0;
    if (s->bootstrap_ranks && s->bootstrap == 0) {
        g_set_error(error, RN_ERROR, RN_ERROR_USAGE,
                    "--bootstrap-ranks needs --bootstrap N (e.g. --bootstrap 1000)");
        return FALSE;
    }
    if (s->bridges && (!s->group || !region)) {
        g_set_error(error, RN_ERROR, RN_ERROR_USAGE,
                    "--bridges needs a region network and --group (e.g. --group country)");
        return FALSE;
    }
    if ((given(s, "figure-metric") || given(s, "figure-top")) && !s->figures) {
        g_set_error(error, RN_ERROR, RN_ERROR_USAGE,
                    "--figure-metric and --figure-top need --figures DIR (e.g. --figures figs)");
        return FALSE;
    }
    if (s->bridges && s->metrics && !(s->metrics & RN_METRIC_BETWEENNESS)) {
        g_set_error(error, RN_ERROR, RN_ERROR_USAGE,
                    "--bridges ranks regions by betweenness; add betweenness to --metrics");
        return FALSE;
    }
    if (s->figures && s->metrics) {
        const char *sizing = s->figure_metric ? s->figure_metric : "strength";
        for (guint k = 0; rn_metric_names[k]; k++)
            if (strcmp(rn_metric_names[k], sizing) == 0 && !(s->metrics >> k & 1)) {
                g_set_error(error, RN_ERROR, RN_ERROR_USAGE,
                            "--figures sizes nodes by %s, which --metrics leaves out; add it to "
                            "--metrics or choose another --figure-metric", sizing);
                return FALSE;
            }
    }
    if (s->betweenness_sample[0] > 0 && s->metrics && !(s->metrics & RN_METRIC_BETWEENNESS)) {
        g_set_error(error, RN_ERROR, RN_ERROR_USAGE,
                    "--betweenness-sample estimates betweenness, which --metrics leaves out");
        return FALSE;
    }
    if ((s->reductions & 4) && s->reductions != 4) {
        g_set_error(error, RN_ERROR, RN_ERROR_USAGE,
                    "--reductions none stands alone; expected 'none' or a list of reductions");
        return FALSE;
    }
    if (s->bridges && strcmp(s->group, "community") == 0) {
        g_set_error(error, RN_ERROR, RN_ERROR_USAGE,
                    "--bridges needs a grouping organisations share with regions (country, "
                    "nuts0-3)");
        return FALSE;
    }
    return TRUE;
}

/* Was the option named name given? */
static gboolean given(const RnSettings *s, const char *name)
{
    const RnOptionSpec *spec = rn_option_find(name);
    return spec && (s->given >> (guint)(spec - table) & 1);
}

static RnNetworkKind network_kind(const char *name)
{
    if (g_strcmp0(name, "org") == 0)
        return RN_NETWORK_ORG;
    if (g_strcmp0(name, "country") == 0)
        return RN_NETWORK_COUNTRY;
    if (g_strcmp0(name, "sector") == 0)
        return RN_NETWORK_SECTOR;
    return RN_NETWORK_REGION;
}

static guint thread_count(const RnSettings *s)
{
    return s->threads > 0 ? (guint)s->threads : (guint)g_get_num_processors();
}

void rn_settings_load_options(const RnSettings *s, RnLoadOptions *options)
{
    *options = (RnLoadOptions){.skip_invalid_rows = s->skip_invalid_rows,
                               .nuts_edition = s->nuts_edition};
}

/* The RnReduction bits --reductions leaves out (bits of the reductions table). */
static guint reduction_skips(guint64 set)
{
    if (set == 0)
        return 0; /* not given: every reduction */
    if (set & 4)
        return RN_REDUCTIONS_ALL; /* none */
    guint skip = RN_REDUCTIONS_ALL;
    if (set & 1)
        skip &= ~(guint)RN_REDUCTION_TWINS;
    if (set & 2)
        skip &= ~(guint)RN_REDUCTION_DEGREE1;
    return skip;
}

void rn_settings_analysis_request(const RnSettings *s, RnAnalysisRequest *r)
{
    *r = (RnAnalysisRequest){
        .spec = {.kind = network_kind(s->network), .level = (int)s->level,
                 .weighting = g_strcmp0(s->weight, "newman") == 0 ? RN_WEIGHT_NEWMAN
                                                                  : RN_WEIGHT_PROJECTS,
                 .programme = s->programme, .period = s->period, .programmes = s->programmes,
                 .themes = s->themes},
        .options = {.alpha = s->alpha, .threads = thread_count(s), .metrics = (guint)s->metrics,
                    .sample_epsilon = s->betweenness_sample[0],
                    .sample_delta = s->betweenness_sample[1], .sample_seed = (guint64)s->seed,
                    .skip_reductions = reduction_skips(s->reductions)},
        .group = s->group,
        .bridging = {.group = s->group,
                     .communities = {.objective = g_strcmp0(s->objective, "cpm") == 0
                                                      ? RN_COMMUNITY_CPM
                                                      : RN_COMMUNITY_MODULARITY,
                                     .resolution = s->resolution, .seed = (guint64)s->seed,
                                     .runs = (guint)s->runs},
                     .permutations = (guint)s->permutations, .seed = (guint64)s->seed,
                     .level = (int)s->level, .top = (guint)s->top},
        .bridges = s->bridges,
    };
}

void rn_settings_compare_request(const RnSettings *s, RnCompareRequest *r)
{
    *r = (RnCompareRequest){
        .spec = {.kind = network_kind(s->network), .level = (int)s->level,
                 .weighting = RN_WEIGHT_PROJECTS, .programmes = s->programmes,
                 .themes = s->themes},
        .options = {.alpha = s->alpha, .threads = thread_count(s)},
        .periods = (const char *const *)s->period_list,
        .n_periods = s->period_list ? g_strv_length(s->period_list) : 0,
        .seed = (guint64)s->seed,
        .top = (guint)s->top,
        .bootstrap = (guint)s->bootstrap,
        /* --permutations defaults to 1000 for analyze's E-I test; compare's
         * permutation test runs only when asked for. */
        .permutations = given(s, "permutations") ? (guint)s->permutations : 0,
        .qap = (guint)s->qap,
        .null_models = (guint)s->null_models,
        .rank_centrality = -1,
        .resample_paths = s->resample_paths,
    };
    for (int k = 0; s->bootstrap_ranks && k < 7; k++)
        if (strcmp(centralities[k], s->bootstrap_ranks) == 0)
            r->rank_centrality = k;
}

void rn_settings_recommend_request(const RnSettings *s, RnRecommendRequest *r)
{
    *r = (RnRecommendRequest){
        .spec = {.kind = network_kind(s->network), .level = (int)s->level,
                 .weighting = RN_WEIGHT_PROJECTS, .period = s->period,
                 .programmes = s->programmes},
        .for_ids = s->for_ids,
        .all = s->all,
        .top = (guint)s->top,
        .themes = s->themes,
        .sectors = s->sectors,
        .countries = s->countries,
        .exclude_existing = s->exclude_existing,
        .seed = (guint64)s->seed,
        .evaluate = s->evaluate,
        .train = s->train,
        .test = s->test,
        .keep_pairs = s->pairs != NULL,
    };
}
