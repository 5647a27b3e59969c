/*
 * api.h — the HTTP API's requests without HTTP: a query string turned into
 * the settings of the CLI's option table (cli/options.c, the same validator
 * and messages), a normalised cache key, and the run of one query into the
 * bytes the CLI would write (docs/serve.md).  server/server.c owns the
 * sockets, the worker thread and the cache; nothing here knows libsoup.
 */
#ifndef REGNET_API_H
#define REGNET_API_H

#include <glib.h>

#include "cli/options.h"
#include "engine/model.h"

typedef enum {
    RN_API_ANALYZE, /* /api/analyze: as regnet analyze */
    RN_API_COMPARE, /* /api/compare: as regnet compare */
} RnApiKind;

/* A validated query. */
typedef struct {
    RnApiKind kind;
    RnSettings settings; /* dataset and output ("-") set by the server */
    char *file;          /* file of a folder format (csv), NULL for the first */
    char *key;           /* normalised query: kind, given parameters in table order, file */
} RnApiQuery;

/* An answer: HTTP status, media type, body, and a file name to offer. */
typedef struct {
    guint status;
    char *content_type;
    GBytes *body;
    char *filename;      /* NULL for none (errors) */
} RnApiResponse;

/* The largest query string the API reads (bytes, encoded); longer is 414. */
#define RN_API_QUERY_MAX 4096

/*
 * Parses query (the raw query string, "a=1&b=2", percent- and
 * '+'-encoded; NULL or "" for none) for kind.  Parameters are the long
 * option names of the command (network, level, group, ...) less those the
 * server decides (dataset, output, threads, quiet, timings,
 * skip-invalid-rows, nuts-edition), and `file`; flags take "", "1" or
 * "true".  Every value goes through rn_settings_set() with the parameter
 * name as display, then rn_settings_check().  dataset is the server's
 * dataset path (what the CLI would be given).
 * Errors (RN_ERROR_USAGE): an unknown or repeated parameter, a value the
 * option table refuses (its message, e.g. "level 9 is outside 0-3;
 * expected a NUTS level"), a query that is not valid URL encoding or is
 * longer than RN_API_QUERY_MAX.
 * Time complexity: O(|query|) plus regular-expression compilation.
 */
RnApiQuery *rn_api_query_parse(RnApiKind kind, const char *query, const char *dataset,
                               GError **error);
void rn_api_query_free(RnApiQuery *query);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(RnApiQuery, rn_api_query_free)

/*
 * Runs query on model (on the caller's thread: igraph is not thread-safe,
 * so one thread only calls this) and renders what `regnet analyze` or
 * `regnet compare` would write with the same options and dataset path:
 * the same bytes.  Never fails: a failure is a response with a JSON error
 * body (rn_api_error_json), 400 for a usage error (no project passes the
 * filters, an unknown period), 404 for an unknown `file`, 500 otherwise.
 * Caller frees.  Time complexity: that of the analysis (analyses/run.h,
 * analyses/compare.h).
 */
RnApiResponse *rn_api_run(const RnModel *model, const char *dataset_name,
                          const char *dataset_file, const RnApiQuery *query);

/* A response holding text (copied). */
RnApiResponse *rn_api_response_new(guint status, const char *content_type, const char *text,
                                   const char *filename);
/* A JSON error response: {"error": message, "status": status}. */
RnApiResponse *rn_api_error_response(guint status, const char *message);
void rn_api_response_free(RnApiResponse *response);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(RnApiResponse, rn_api_response_free)

/* {"error": message, "status": status} followed by a newline; caller frees. */
char *rn_api_error_json(guint status, const char *message);

/*
 * What the dataset holds: the bytes `regnet describe --output` writes for the
 * same dataset (docs/describe.md, docs/describe.schema.json).  Caller frees.
 * Time complexity: O(participations + projects * themes + regions).
 */
char *rn_api_describe(const RnModel *model, const char *dataset_name, const char *dataset_file);

#endif
