/*
 * options.h — one table of every option of every command, and one
 * validator.  The command line (GOptionContext) and any other front end
 * (the HTTP API's query parameters) set options through
 * rn_settings_set(), so a value is accepted or rejected, with the same
 * message, wherever it comes from.  Each option documents its bounds;
 * numbers are finite and within them, counts have upper limits so that no
 * option value can make a run last for days.
 */
#ifndef REGNET_OPTIONS_H
#define REGNET_OPTIONS_H

#include <glib.h>

#include "analyses/compare.h"
#include "analyses/recommend.h"
#include "analyses/run.h"
#include "loaders/loaders.h"

/* The commands; an option lists the commands it applies to. */
typedef enum {
    RN_COMMAND_ANALYZE = 1u << 0,
    RN_COMMAND_COMPARE = 1u << 1,
    RN_COMMAND_RECOMMEND = 1u << 2,
    RN_COMMAND_EXPORT = 1u << 3,
    RN_COMMAND_DESCRIBE = 1u << 4,
    RN_COMMAND_SERVE = 1u << 5,
} RnCommand;

typedef enum {
    RN_OPTION_FLAG,   /* no value */
    RN_OPTION_INT,    /* an integer in [min, max] */
    RN_OPTION_NUMBER, /* a finite number in [min, max] ((min, max] with min_exclusive) */
    RN_OPTION_CHOICE, /* one of choices */
    RN_OPTION_TEXT,   /* a non-empty text */
    RN_OPTION_REGEX,  /* a regular expression, compiled case-insensitively */
    RN_OPTION_SET,    /* comma-separated distinct choices, stored as a bit set (guint64) */
    RN_OPTION_PAIR,   /* "X,Y": an error bound X in [min, max) and a probability Y in
                       * [RN_PROBABILITY_MIN, 1), stored as double[2] */
} RnOptionType;

#define RN_PROBABILITY_MIN 1e-9

/* Every value any command may be given; fields hold the defaults until set. */
typedef struct {
    char *dataset, *output, *network, *weight, *nuts_edition, *group, *objective;
    char *programme, *period, *periods, *bootstrap_ranks;
    char *for_ids, *sectors, *countries, *train, *test, *pairs; /* recommend */
    char *format, *report;  /* export format name (NULL: json); report to convert */
    char *figures, *figure_metric; /* analyze: figures folder (NULL: none); sizing metric */
    char *bind;             /* serve: address to listen on */
    gint64 port, queue;     /* serve: TCP port (0: any free one), analyses waiting at most */
    guint64 reductions;     /* --reductions: bit k = k-th of twins, degree1, none; 0 = all */
    GRegex *programmes, *themes;
    gint64 level, threads, runs, permutations, top, seed, figure_top;
    gint64 bootstrap, qap, null_models; /* compare's resampling */
    double alpha, resolution;
    gboolean bridges, skip_invalid_rows, quiet, timings, resample_paths, progress;
    guint64 metrics;        /* --metrics: bit k = rn_metric_names[k]; 0 = every centrality */
    double betweenness_sample[2]; /* --betweenness-sample epsilon, delta; epsilon 0 = exact */
    gboolean all, exclude_existing, evaluate;                   /* recommend */
    guint64 given;          /* bit k: option k of the table was given */
    char **period_list;     /* --periods split and trimmed (after rn_settings_check) */
} RnSettings;

typedef struct {
    const char *name;           /* long name, without "--" */
    char short_name;            /* 0 for none */
    RnOptionType type;
    guint commands;             /* RnCommand bits */
    gsize offset;               /* the field of RnSettings */
    const char *arg;            /* value placeholder in --help, NULL for flags */
    const char *help;           /* one line for --help, with default and bounds */
    double min, max;            /* numbers; PAIR: bounds of the first number */
    gboolean min_exclusive;
    const char *const *choices; /* NULL-terminated, for RN_OPTION_CHOICE */
    const char *expected;       /* what a valid value is, ending messages */
} RnOptionSpec;

/* The option table, n entries (*n receives the count). */
const RnOptionSpec *rn_option_table(guint *n);

/* The option named name (long name without dashes, or its short letter as a
 * one-character string), or NULL.  Time complexity: O(options). */
const RnOptionSpec *rn_option_find(const char *name);

/* Sets every field to its default.  Time complexity: O(1). */
void rn_settings_init(RnSettings *settings);
/* Frees what settings holds and resets it to the defaults. */
void rn_settings_clear(RnSettings *settings);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC(RnSettings, rn_settings_clear)

/*
 * Validates value for spec and stores it.  display names the option in
 * messages ("--level" on the command line, "level" in the HTTP API).
 * Errors (RN_ERROR_USAGE): "DISPLAY 'VALUE' is not ...; expected ..." for a
 * value of the wrong kind, "DISPLAY V is outside MIN-MAX; expected ..." for
 * one out of bounds.  value is ignored for flags (NULL allowed).
 * Time complexity: O(|value|), a regular expression's compilation.
 */
gboolean rn_settings_set(RnSettings *settings, const RnOptionSpec *spec, const char *value,
                         const char *display, GError **error);

/*
 * Parses the command line of command (argv[0] is the program name as
 * "regnet COMMAND") through GOptionContext, with --help generated from the
 * table.  Errors: RN_ERROR_USAGE for unknown options, bad values and
 * stray arguments, each message starting "COMMAND: " when GLib wrote it.
 */
gboolean rn_settings_parse_args(RnSettings *settings, RnCommand command, int argc, char **argv,
                                GError **error);

/*
 * Checks what no single option can: required options, options that need
 * each other, lists.  Also splits --periods into period_list.
 * Errors: RN_ERROR_USAGE.  Time complexity: O(options + |periods|).
 */
gboolean rn_settings_check(RnSettings *settings, RnCommand command, GError **error);

/* Requests for the pipelines; they borrow from settings. */
void rn_settings_load_options(const RnSettings *settings, RnLoadOptions *options);
void rn_settings_analysis_request(const RnSettings *settings, RnAnalysisRequest *request);
void rn_settings_compare_request(const RnSettings *settings, RnCompareRequest *request);
void rn_settings_recommend_request(const RnSettings *settings, RnRecommendRequest *request);

#endif
