/*
 * server.h — `regnet serve`: one loaded dataset answered over HTTP with
 * libsoup 3 (docs/serve.md).  The main thread runs the GLib main loop and
 * libsoup; analyses run on ONE worker thread (igraph is not thread-safe)
 * fed by a bounded queue; answers are cached per normalised query.
 *
 * Limits: query strings up to RN_API_QUERY_MAX bytes (414 beyond), no
 * request body (413), GET and HEAD only (405), a request's headers within
 * RN_SERVER_HEADER_SECONDS of the connection's start (then it is closed),
 * an answer within RN_SERVER_ANSWER_SECONDS (then 503 with Retry-After;
 * the analysis goes on and its result is cached), at most `queue` distinct
 * analyses waiting (then 503 with Retry-After), cached answers up to
 * RN_SERVER_CACHE_BYTES (least recently used dropped first).
 */
#ifndef REGNET_SERVER_H
#define REGNET_SERVER_H

#include <glib.h>

#include "engine/model.h"

#define RN_SERVER_HEADER_SECONDS 10
#define RN_SERVER_ANSWER_SECONDS 120
#define RN_SERVER_CACHE_BYTES (256u * 1024u * 1024u)

typedef struct RnServer RnServer;

typedef struct {
    const char *bind;     /* IP literal to listen on ("127.0.0.1") */
    guint port;           /* 0: any free port */
    guint queue;          /* analyses waiting at most (1-1000) */
    const char *web_dir;  /* the page's folder (web/) */
} RnServerOptions;

/*
 * A server for model (taken: the server frees it), loaded from dataset_file
 * (the path as given, for the reports) named dataset_name (copied).
 * Starts the worker thread.  Never fails.
 */
RnServer *rn_server_new(RnModel *model, const char *dataset_name, const char *dataset_file,
                        const RnServerOptions *options);

/*
 * Listens on options->bind and options->port.  Returns the URL
 * ("http://127.0.0.1:8080/"), caller frees.  Errors (RN_ERROR_USAGE): bind
 * is not an IP literal; (RN_ERROR_OUTPUT): the port cannot be bound.
 */
char *rn_server_listen(RnServer *server, GError **error);

/* Runs the main loop until rn_server_stop(). */
void rn_server_run(RnServer *server);

/* Stops accepting and makes rn_server_run() return; safe from a GLib
 * signal source (g_unix_signal_add). */
void rn_server_stop(RnServer *server);

/* Stops the worker (after the analysis it runs, if any) and frees
 * everything.  NULL is allowed. */
void rn_server_free(RnServer *server);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(RnServer, rn_server_free)

#endif
