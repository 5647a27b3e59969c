/*
 * error.c — the RN_ERROR domain and igraph's error handler.
 *
 * igraph's default error handler aborts the process, which a library must
 * never do.  We install igraph_error_handler_ignore-like behaviour that only
 * records the message, so the failing igraph call returns its error code and
 * the caller reports it through GError.  It also pins OpenMP, which
 * igraph's PageRank uses, to one thread so results are reproducible.
 */
#include "engine/error.h"

#include <igraph.h>
#include <omp.h>

G_DEFINE_QUARK(regnet-error-quark, rn_error)

/* Last igraph message; igraph is used from one thread only. */
static char last_igraph_message[512];

static void record_igraph_error(const char *reason, const char *file, int line,
                                igraph_error_t igraph_errno)
{
    (void)file;
    (void)line;
    g_snprintf(last_igraph_message, sizeof last_igraph_message, "%s (%s)",
               reason ? reason : "unknown", igraph_strerror(igraph_errno));
    /* igraph's contract: the handler must free what IGRAPH_FINALLY holds. */
    IGRAPH_FINALLY_FREE();
}

static void ignore_igraph_warning(const char *reason, const char *file, int line)
{
    (void)reason;
    (void)file;
    (void)line;
}

void rn_igraph_init(void)
{
    igraph_set_error_handler(record_igraph_error);
    igraph_set_warning_handler(ignore_igraph_warning);
    /* PRPACK sums in an OpenMP-thread-dependent order: one thread keeps
     * PageRank bit-identical between runs. */
    omp_set_num_threads(1);
}

gboolean rn_igraph_check(int code, const char *what, GError **error)
{
    if (code == IGRAPH_SUCCESS)
        return TRUE;
    g_set_error(error, RN_ERROR, RN_ERROR_INTERNAL, "%s failed: %s", what,
                last_igraph_message[0] ? last_igraph_message
                                       : igraph_strerror(code));
    return FALSE;
}
