/*
 * server.c — HTTP with libsoup 3: routing, the page's static files, the
 * cache, the bounded queue and the one worker thread (see server.h).
 *
 * Threads: libsoup, the cache, the queue's bookkeeping and every message
 * live on the main thread.  The worker only pops a job, runs it
 * (rn_api_run: igraph, one thread at a time) and hands the response back
 * to the main context; it never touches a message.
 */
#include "server/server.h"

#include <gio/gio.h>
#include <libsoup/soup.h>
#include <string.h>
#include <sys/stat.h>

#include "engine/error.h"
#include "server/api.h"

typedef struct Job Job;

struct RnServer {
    RnModel *model;
    char *dataset_name, *dataset_file;
    char *bind, *web_dir;
    guint port, queue_max;
    char *describe;              /* /api/describe, computed once */
    SoupServer *soup;
    GMainContext *context;
    GMainLoop *loop;
    GThread *worker;
    GAsyncQueue *jobs;           /* Job *, or &stop_marker */
    GHashTable *in_flight;       /* key -> Job * (queued or running) */
    guint pending;               /* jobs queued or running */
    GHashTable *cache;           /* key -> CacheEntry * */
    GQueue lru;                  /* char * keys, least recently used first */
    gsize cache_bytes;
};

typedef struct {
    RnApiResponse *response;
    GList *link;                 /* in lru */
} CacheEntry;

struct Job {
    RnServer *server;
    RnApiQuery *query;
    RnApiResponse *response;     /* set by the worker */
    GPtrArray *waiters;          /* Waiter * */
};

typedef struct {
    SoupServerMessage *msg;      /* a reference */
    Job *job;
    guint timeout;               /* RN_SERVER_ANSWER_SECONDS */
    gulong finished;             /* handler of msg's "finished" */
    gulong disconnected;         /* handler of msg's "disconnected" */
} Waiter;

static int stop_marker;

/* ---- answers -------------------------------------------------------------------- */

static void common_headers(SoupServerMessage *msg)
{
    SoupMessageHeaders *h = soup_server_message_get_response_headers(msg);
    soup_message_headers_replace(h, "X-Content-Type-Options", "nosniff");
    soup_message_headers_replace(h, "Referrer-Policy", "no-referrer");
}

static void respond(SoupServerMessage *msg, const RnApiResponse *r, const char *cache)
{
    soup_server_message_set_status(msg, r->status, NULL);
    common_headers(msg);
    SoupMessageHeaders *h = soup_server_message_get_response_headers(msg);
    soup_message_headers_replace(h, "Content-Type", r->content_type);
    soup_message_headers_replace(h, "Cache-Control", "no-store");
    if (cache)
        soup_message_headers_replace(h, "X-Regnet-Cache", cache);
    if (r->filename && r->status == 200 && !g_str_has_prefix(r->content_type, "application/json")) {
        g_autofree char *value = g_strdup_printf("attachment; filename=\"%s\"", r->filename);
        soup_message_headers_replace(h, "Content-Disposition", value);
    }
    if (r->status == 503)
        soup_message_headers_replace(h, "Retry-After", "2");
    soup_message_body_append_bytes(soup_server_message_get_response_body(msg), r->body);
}

static void respond_error(SoupServerMessage *msg, guint status, const char *message)
{
    g_autoptr(RnApiResponse) r = rn_api_error_response(status, message);
    respond(msg, r, NULL);
}

/* ---- the cache ---------------------------------------------------------------------- */

static void cache_entry_free(gpointer data)
{
    CacheEntry *entry = data;
    rn_api_response_free(entry->response);
    g_free(entry);
}

static const RnApiResponse *cache_get(RnServer *s, const char *key)
{
    CacheEntry *entry = g_hash_table_lookup(s->cache, key);
    if (!entry)
        return NULL;
    g_queue_unlink(&s->lru, entry->link);
    g_queue_push_tail_link(&s->lru, entry->link);
    return entry->response;
}

/* Stores response (taken) under key, dropping the least recently used answers
 * beyond RN_SERVER_CACHE_BYTES.  An answer larger than the cache is not kept. */
static void cache_put(RnServer *s, const char *key, RnApiResponse *response)
{
    gsize size = g_bytes_get_size(response->body) + strlen(key);
    if (size > RN_SERVER_CACHE_BYTES || g_hash_table_contains(s->cache, key)) {
        rn_api_response_free(response);
        return;
    }
    while (s->cache_bytes + size > RN_SERVER_CACHE_BYTES && s->lru.head) {
        char *old = g_queue_pop_head(&s->lru);
        CacheEntry *entry = g_hash_table_lookup(s->cache, old);
        s->cache_bytes -= g_bytes_get_size(entry->response->body) + strlen(old);
        g_hash_table_remove(s->cache, old); /* frees old */
    }
    CacheEntry *entry = g_new0(CacheEntry, 1);
    entry->response = response;
    char *stored = g_strdup(key);
    g_queue_push_tail(&s->lru, stored);
    entry->link = s->lru.tail;
    g_hash_table_insert(s->cache, stored, entry);
    s->cache_bytes += size;
}

/* ---- the worker ----------------------------------------------------------------------- */

static void waiter_free(Waiter *w)
{
    if (w->timeout)
        g_source_remove(w->timeout);
    g_signal_handler_disconnect(w->msg, w->finished);
    g_signal_handler_disconnect(w->msg, w->disconnected);
    g_object_unref(w->msg);
    g_free(w);
}

static void job_free(Job *job)
{
    for (guint k = 0; k < job->waiters->len; k++)
        waiter_free(g_ptr_array_index(job->waiters, k));
    g_ptr_array_unref(job->waiters);
    rn_api_query_free(job->query);
    rn_api_response_free(job->response);
    g_free(job);
}

/* Main thread: the worker finished job. */
static gboolean job_done(gpointer data)
{
    Job *job = data;
    RnServer *s = job->server;
    g_hash_table_remove(s->in_flight, job->query->key);
    s->pending--;
    for (guint k = 0; k < job->waiters->len; k++) {
        Waiter *w = g_ptr_array_index(job->waiters, k);
        respond(w->msg, job->response, "miss");
        soup_server_message_unpause(w->msg);
    }
    /* deterministic answers are kept: reports, and usage errors of the run */
    if (job->response->status == 200 || job->response->status == 400 ||
        job->response->status == 404)
        cache_put(s, job->query->key, g_steal_pointer(&job->response));
    job_free(job);
    return G_SOURCE_REMOVE;
}

static gpointer worker_main(gpointer data)
{
    RnServer *s = data;
    for (;;) {
        gpointer item = g_async_queue_pop(s->jobs);
        if (item == &stop_marker)
            break;
        Job *job = item;
        job->response = rn_api_run(s->model, s->dataset_name, s->dataset_file, job->query);
        g_main_context_invoke(s->context, job_done, job);
    }
    return NULL;
}

/* msg finished or its connection closed (its client went away) before its job did. */
static void waiter_gone(SoupServerMessage *msg, gpointer data)
{
    Waiter *w = data;
    (void)msg;
    g_ptr_array_remove(w->job->waiters, w);
    waiter_free(w);
}

static gboolean waiter_timeout(gpointer data)
{
    Waiter *w = data;
    w->timeout = 0;
    g_autofree char *message = g_strdup_printf(
        "the analysis did not finish within %d s; it goes on and its answer will be cached: "
        "ask again later", RN_SERVER_ANSWER_SECONDS);
    SoupServerMessage *msg = w->msg;
    respond_error(msg, 503, message);
    soup_server_message_unpause(msg);
    g_ptr_array_remove(w->job->waiters, w);
    waiter_free(w);
    return G_SOURCE_REMOVE;
}

static void add_waiter(Job *job, SoupServerMessage *msg)
{
    Waiter *w = g_new0(Waiter, 1);
    w->msg = g_object_ref(msg);
    w->job = job;
    w->finished = g_signal_connect(msg, "finished", G_CALLBACK(waiter_gone), w);
    w->disconnected = g_signal_connect(msg, "disconnected", G_CALLBACK(waiter_gone), w);
    w->timeout = g_timeout_add_seconds(RN_SERVER_ANSWER_SECONDS, waiter_timeout, w);
    g_ptr_array_add(job->waiters, w);
    soup_server_message_pause(msg);
}

/* ---- routes ----------------------------------------------------------------------------- */

static void handle_api(RnServer *s, SoupServerMessage *msg, RnApiKind kind)
{
    const char *query = g_uri_get_query(soup_server_message_get_uri(msg));
    if (query && strlen(query) > RN_API_QUERY_MAX) {
        g_autofree char *message = g_strdup_printf(
            "the query string holds %zu bytes; expected at most %d", strlen(query),
            RN_API_QUERY_MAX);
        respond_error(msg, 414, message);
        return;
    }
    GError *error = NULL;
    RnApiQuery *q = rn_api_query_parse(kind, query, s->dataset_file, &error);
    if (!q) {
        respond_error(msg, 400, error->message);
        g_error_free(error);
        return;
    }
    const RnApiResponse *cached = cache_get(s, q->key);
    if (cached) {
        respond(msg, cached, "hit");
        rn_api_query_free(q);
        return;
    }
    Job *job = g_hash_table_lookup(s->in_flight, q->key);
    if (job) { /* the same query is queued or running: wait for it */
        add_waiter(job, msg);
        rn_api_query_free(q);
        return;
    }
    if (s->pending >= s->queue_max + 1) {
        g_autofree char *message = g_strdup_printf(
            "%u analyses are waiting, the most this server queues; ask again later",
            s->queue_max);
        respond_error(msg, 503, message);
        rn_api_query_free(q);
        return;
    }
    job = g_new0(Job, 1);
    job->server = s;
    job->query = q;
    job->waiters = g_ptr_array_new();
    g_hash_table_insert(s->in_flight, q->key, job);
    s->pending++;
    add_waiter(job, msg);
    g_async_queue_push(s->jobs, job);
}

static const char *media_type(const char *name)
{
    static const struct {
        const char *extension, *type;
    } types[] = {{".html", "text/html; charset=utf-8"},
                 {".js", "text/javascript; charset=utf-8"},
                 {".css", "text/css; charset=utf-8"},
                 {".json", "application/json"},
                 {".svg", "image/svg+xml"},
                 {".png", "image/png"},
                 {".ico", "image/x-icon"},
                 {".txt", "text/plain; charset=utf-8"}};
    for (guint k = 0; k < G_N_ELEMENTS(types); k++)
        if (g_str_has_suffix(name, types[k].extension))
            return types[k].type;
    return NULL;
}

/* The page's files: the files of web/ and of web/dist and web/data; nothing else, no listing. */
static void handle_static(RnServer *s, SoupServerMessage *msg)
{
    const char *raw = g_uri_get_path(soup_server_message_get_uri(msg));
    /* "/" in a segment (%2F) and NUL (%00) are refused by the unescaping */
    g_autofree char *path = raw ? g_uri_unescape_string(raw, "/") : NULL;
    if (!path || path[0] != '/') {
        respond_error(msg, 404, "no such file");
        return;
    }
    const char *relative = path[1] ? path + 1 : "index.html";
    g_auto(GStrv) segments = g_strsplit(relative, "/", -1);
    guint n = g_strv_length(segments);
    gboolean ok = n >= 1 && n <= 2 && (n == 1 || strcmp(segments[0], "dist") == 0 ||
                                       strcmp(segments[0], "data") == 0);
    for (guint k = 0; ok && k < n; k++) {
        const char *seg = segments[k];
        ok = *seg && *seg != '.' && strlen(seg) <= 128;
        for (const char *c = seg; ok && *c; c++)
            ok = g_ascii_isalnum(*c) || *c == '.' || *c == '-' || *c == '_';
    }
    const char *type = ok ? media_type(segments[n - 1]) : NULL;
    /* scripts and data only from dist/ and data/: not the build script or package.json */
    if (type && n == 1 && (g_str_has_suffix(relative, ".js") || g_str_has_suffix(relative, ".json")))
        type = NULL;
    g_autofree char *file = type ? g_build_filename(s->web_dir, relative, NULL) : NULL;
    struct stat st;
    char *data = NULL;
    gsize length = 0;
    if (!file || lstat(file, &st) != 0 || !S_ISREG(st.st_mode) ||
        !g_file_get_contents(file, &data, &length, NULL)) {
        respond_error(msg, 404, "no such file");
        return;
    }
    soup_server_message_set_status(msg, 200, NULL);
    common_headers(msg);
    SoupMessageHeaders *h = soup_server_message_get_response_headers(msg);
    soup_message_headers_replace(h, "Cache-Control", "no-cache");
    if (g_str_has_suffix(relative, ".html"))
        soup_message_headers_replace(h, "Content-Security-Policy",
                                     "default-src 'self'; img-src 'self' data: blob:; "
                                     "style-src 'self' 'unsafe-inline'; object-src 'none'; "
                                     "base-uri 'none'; frame-ancestors 'none'");
    soup_server_message_set_response(msg, type, SOUP_MEMORY_TAKE, data, length);
}

static gboolean method_allowed(SoupServerMessage *msg)
{
    const char *method = soup_server_message_get_method(msg);
    return method == SOUP_METHOD_GET || method == SOUP_METHOD_HEAD;
}

/*
 * A request that announces a body: libsoup would read (and keep) the body
 * before answering, so the answer is written here on the stolen connection,
 * which is then closed: nothing of the body is read.
 */
static void refuse_and_close(SoupServerMessage *msg, guint status, const char *message)
{
    g_autofree char *json = rn_api_error_json(status, message);
    g_autofree char *reply = g_strdup_printf(
        "HTTP/1.1 %u %s\r\nContent-Type: application/json\r\nContent-Length: %zu\r\n"
        "X-Content-Type-Options: nosniff\r\n%sConnection: close\r\n\r\n%s",
        status, soup_status_get_phrase(status), strlen(json),
        status == 405 ? "Allow: GET, HEAD\r\n" : "", json);
    GIOStream *stream = soup_server_message_steal_connection(msg);
    if (!stream)
        return;
    /* a few hundred bytes into an empty socket buffer: does not block */
    g_output_stream_write_all(g_io_stream_get_output_stream(stream), reply, strlen(reply), NULL,
                              NULL, NULL);
    g_io_stream_close(stream, NULL, NULL);
    g_object_unref(stream);
}

/* Before the body is read: only GET and HEAD, and no body. */
static void early_handler(SoupServer *soup, SoupServerMessage *msg, const char *path,
                          GHashTable *query, gpointer data)
{
    (void)soup, (void)path, (void)query, (void)data;
    SoupMessageHeaders *h = soup_server_message_get_request_headers(msg);
    gboolean body = soup_message_headers_get_content_length(h) > 0 ||
                    soup_message_headers_get_encoding(h) == SOUP_ENCODING_CHUNKED;
    if (!method_allowed(msg)) {
        g_autofree char *message = g_strdup_printf(
            "method %s is not allowed; expected GET or HEAD", soup_server_message_get_method(msg));
        if (body) {
            refuse_and_close(msg, 405, message);
            return;
        }
        respond_error(msg, 405, message);
        soup_message_headers_replace(soup_server_message_get_response_headers(msg), "Allow",
                                     "GET, HEAD");
        return;
    }
    if (body)
        refuse_and_close(msg, 413, "a request body is not accepted; expected none");
}

static void handler(SoupServer *soup, SoupServerMessage *msg, const char *path,
                    GHashTable *query, gpointer data)
{
    (void)soup, (void)query;
    RnServer *s = data;
    if (soup_server_message_get_status(msg) != 0)
        return; /* answered by the early handler */
    if (!method_allowed(msg)) {
        respond_error(msg, 405, "expected GET or HEAD");
        return;
    }
    if (strcmp(path, "/api/describe") == 0) {
        g_autoptr(RnApiResponse) r = rn_api_response_new(200, "application/json", s->describe,
                                                         "describe.json");
        respond(msg, r, NULL);
    } else if (strcmp(path, "/api/analyze") == 0) {
        handle_api(s, msg, RN_API_ANALYZE);
    } else if (strcmp(path, "/api/compare") == 0) {
        handle_api(s, msg, RN_API_COMPARE);
    } else if (g_str_has_prefix(path, "/api/") || strcmp(path, "/api") == 0) {
        respond_error(msg, 404, "no such API; expected /api/describe, /api/analyze or "
                                "/api/compare");
    } else {
        handle_static(s, msg);
    }
}

/* ---- slow clients ------------------------------------------------------------------------ */

typedef struct {
    guint source;
    SoupServerMessage *msg; /* not a reference: the timer dies with msg */
} HeaderTimer;

static void header_timer_free(gpointer data)
{
    HeaderTimer *t = data;
    if (t->source)
        g_source_remove(t->source);
    g_free(t);
}

/* The request's headers did not arrive in time: close the connection. */
static gboolean header_timeout(gpointer data)
{
    HeaderTimer *t = data;
    t->source = 0;
    GSocket *socket = soup_server_message_get_socket(t->msg);
    if (socket)
        g_socket_shutdown(socket, TRUE, TRUE, NULL);
    return G_SOURCE_REMOVE;
}

static void got_headers(SoupServerMessage *msg, gpointer data)
{
    (void)data;
    g_object_set_data(G_OBJECT(msg), "rn-header-timer", NULL);
}

static void request_started(SoupServer *soup, SoupServerMessage *msg, gpointer data)
{
    (void)soup, (void)data;
    HeaderTimer *t = g_new0(HeaderTimer, 1);
    t->msg = msg;
    t->source = g_timeout_add_seconds(RN_SERVER_HEADER_SECONDS, header_timeout, t);
    g_object_set_data_full(G_OBJECT(msg), "rn-header-timer", t, header_timer_free);
    g_signal_connect(msg, "got-headers", G_CALLBACK(got_headers), NULL);
    g_signal_connect(msg, "finished", G_CALLBACK(got_headers), NULL);
}

/* ---- life cycle --------------------------------------------------------------------------- */

RnServer *rn_server_new(RnModel *model, const char *dataset_name, const char *dataset_file,
                        const RnServerOptions *options)
{
    g_return_val_if_fail(model != NULL && dataset_file != NULL && options != NULL, NULL);
    RnServer *s = g_new0(RnServer, 1);
    s->model = model;
    s->dataset_name = g_strdup(dataset_name);
    s->dataset_file = g_strdup(dataset_file);
    s->bind = g_strdup(options->bind ? options->bind : "127.0.0.1");
    s->port = options->port;
    s->queue_max = MAX(options->queue, 1u);
    s->web_dir = g_strdup(options->web_dir);
    s->describe = rn_api_describe(model, dataset_name, dataset_file);
    s->context = g_main_context_ref_thread_default();
    s->loop = g_main_loop_new(s->context, FALSE);
    s->jobs = g_async_queue_new();
    s->in_flight = g_hash_table_new(g_str_hash, g_str_equal);
    s->cache = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, cache_entry_free);
    g_queue_init(&s->lru);
    s->soup = soup_server_new("server-header", "regnet/" REGNET_VERSION " ", NULL);
    soup_server_add_early_handler(s->soup, NULL, early_handler, s, NULL);
    soup_server_add_handler(s->soup, NULL, handler, s, NULL);
    g_signal_connect(s->soup, "request-started", G_CALLBACK(request_started), s);
    s->worker = g_thread_new("regnet-worker", worker_main, s);
    return s;
}

char *rn_server_listen(RnServer *s, GError **error)
{
    g_return_val_if_fail(s != NULL, NULL);
    g_autoptr(GInetAddress) address = g_inet_address_new_from_string(s->bind);
    if (!address) {
        g_set_error(error, RN_ERROR, RN_ERROR_USAGE,
                    "--bind '%s' is not an IP address; expected e.g. 127.0.0.1 or ::1", s->bind);
        return NULL;
    }
    g_autoptr(GSocketAddress) socket_address = g_inet_socket_address_new(address, s->port);
    g_autoptr(GError) local = NULL;
    if (!soup_server_listen(s->soup, socket_address, 0, &local)) {
        g_set_error(error, RN_ERROR, RN_ERROR_OUTPUT, "cannot listen on %s port %u: %s", s->bind,
                    s->port, local->message);
        return NULL;
    }
    GSList *uris = soup_server_get_uris(s->soup);
    char *url = uris ? g_uri_to_string(uris->data) : g_strdup("");
    g_slist_free_full(uris, (GDestroyNotify)g_uri_unref);
    return url;
}

void rn_server_run(RnServer *s)
{
    g_return_if_fail(s != NULL);
    g_main_loop_run(s->loop);
}

void rn_server_stop(RnServer *s)
{
    g_return_if_fail(s != NULL);
    g_main_loop_quit(s->loop);
}

void rn_server_free(RnServer *s)
{
    if (!s)
        return;
    soup_server_disconnect(s->soup);
    /* jobs not started are dropped; the running one ends first */
    gpointer item;
    while ((item = g_async_queue_try_pop(s->jobs)))
        if (item != &stop_marker) {
            Job *job = item;
            g_hash_table_remove(s->in_flight, job->query->key);
            job_free(job);
        }
    g_async_queue_push(s->jobs, &stop_marker);
    g_thread_join(s->worker);
    /* the finished job's hand-back, if any, runs here */
    while (g_main_context_iteration(s->context, FALSE))
        ;
    g_object_unref(s->soup);
    g_hash_table_unref(s->in_flight);
    g_hash_table_unref(s->cache);
    g_queue_clear_full(&s->lru, NULL);
    g_async_queue_unref(s->jobs);
    g_main_loop_unref(s->loop);
    g_main_context_unref(s->context);
    rn_model_free(s->model);
    g_free(s->dataset_name);
    g_free(s->dataset_file);
    g_free(s->bind);
    g_free(s->web_dir);
    g_free(s->describe);
    g_free(s);
}
