/*
 * prefetch.h — reading the later sources of one load ahead, on threads of
 * their own, while the first is loaded.
 *
 * A prefetch belongs to one load (rn_load_dataset owns it): nothing is
 * process-wide.  At most RN_PREFETCH_AHEAD files are read or held at a
 * time, each on its own thread; the next planned file starts when one is
 * taken.  Freeing the prefetch cancels what is outstanding: threads stop
 * within a few megabytes of reading, decompressing or parsing, so a failing
 * load returns at once instead of waiting for later files to be read.
 * Prefetch threads never call igraph.
 */
#ifndef REGNET_PREFETCH_H
#define REGNET_PREFETCH_H

#include "loaders/csv.h"

/* Files read ahead (or read and waiting to be taken) at a time. */
#define RN_PREFETCH_AHEAD 2

typedef struct RnPrefetch RnPrefetch;

/* A prefetch with nothing planned.  Free with rn_prefetch_free(). */
RnPrefetch *rn_prefetch_new(void);

/*
 * Plans to read path (named display in messages, NULL: path) with
 * delimiter as rn_csv_open() would; files are started in the order planned,
 * RN_PREFETCH_AHEAD at a time.  Time complexity: O(1) plus a thread start.
 */
void rn_prefetch_add(RnPrefetch *prefetch, const char *path, const char *display,
                     char delimiter);

/*
 * rn_csv_open(path, display, delimiter), taking over the planned read of
 * the same file (the same path, display name and delimiter) if there is
 * one: waits for it when it is running, reads the file here when it has not
 * started.  prefetch may be NULL (then it is rn_csv_open()).  Same result
 * and errors as rn_csv_open().  Time complexity: O(file size) at worst.
 */
RnCsv *rn_prefetch_open(RnPrefetch *prefetch, const char *path, const char *display,
                        char delimiter, GError **error);

/* Cancels the reads outstanding, waits for their threads (a few megabytes of
 * work at most) and frees everything.  NULL is ignored. */
void rn_prefetch_free(RnPrefetch *prefetch);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(RnPrefetch, rn_prefetch_free)

#endif
