/*
 * prefetch.c — see prefetch.h.
 *
 * Each planned file goes PLANNED -> RUNNING (its thread reads and parses
 * it) -> DONE -> TAKEN, or PLANNED -> TAKEN when the loader asks for it
 * before a thread started on it (the loader reads it itself, rather than
 * wait for a thread).  One lock guards the states; the cancellation flag is
 * an atomic int the readers poll.
 */
#include "loaders/prefetch.h"

#include <string.h>

typedef enum { PLANNED, RUNNING, DONE, TAKEN } ItemState;

typedef struct {
    char *path;
    char *display;
    char delimiter;
    ItemState state;
    GThread *thread;     /* while RUNNING or DONE and not yet joined */
    RnCsv *csv;          /* result when DONE, or NULL with error */
    GError *error;
    RnPrefetch *owner;
} Item;

struct RnPrefetch {
    GMutex lock;
    GCond finished;      /* an item became DONE */
    gint cancel;         /* atomic: set by rn_prefetch_free */
    GPtrArray *items;    /* Item *, in the order planned */
};

static gpointer run_item(gpointer data)
{
    Item *item = data;
    RnPrefetch *p = item->owner;
    GError *error = NULL;
    RnCsv *csv = rn_csv_open_parsed(item->path, item->display, item->delimiter, &p->cancel,
                                    &error);
    g_mutex_lock(&p->lock);
    item->csv = csv;
    item->error = error;
    item->state = DONE;
    g_cond_broadcast(&p->finished);
    g_mutex_unlock(&p->lock);
    return NULL;
}

/* Starts planned items while fewer than RN_PREFETCH_AHEAD are running or
 * waiting to be taken.  Called with the lock held. */
static void start_more(RnPrefetch *p)
{
    guint busy = 0;
    for (guint i = 0; i < p->items->len; i++) {
        const Item *item = g_ptr_array_index(p->items, i);
        busy += item->state == RUNNING || item->state == DONE;
    }
    for (guint i = 0; i < p->items->len && busy < RN_PREFETCH_AHEAD; i++) {
        Item *item = g_ptr_array_index(p->items, i);
        if (item->state != PLANNED || g_atomic_int_get(&p->cancel))
            continue;
        item->state = RUNNING;
        item->thread = g_thread_new("regnet-prefetch", run_item, item);
        busy++;
    }
}

static void free_item(gpointer data)
{
    Item *item = data;
    if (item->thread)
        g_thread_join(item->thread);
    rn_csv_free(item->csv);
    g_clear_error(&item->error);
    g_free(item->path);
    g_free(item->display);
    g_free(item);
}

RnPrefetch *rn_prefetch_new(void)
{
    RnPrefetch *p = g_new0(RnPrefetch, 1);
    g_mutex_init(&p->lock);
    g_cond_init(&p->finished);
    p->items = g_ptr_array_new();
    return p;
}

void rn_prefetch_add(RnPrefetch *p, const char *path, const char *display, char delimiter)
{
    g_return_if_fail(p != NULL && path != NULL);
    Item *item = g_new0(Item, 1);
    item->path = g_strdup(path);
    item->display = g_strdup(display ? display : path);
    item->delimiter = delimiter;
    item->state = PLANNED;
    item->owner = p;
    g_mutex_lock(&p->lock);
    g_ptr_array_add(p->items, item);
    start_more(p);
    g_mutex_unlock(&p->lock);
}

RnCsv *rn_prefetch_open(RnPrefetch *p, const char *path, const char *display, char delimiter,
                        GError **error)
{
    g_return_val_if_fail(path != NULL, NULL);
    g_return_val_if_fail(error == NULL || *error == NULL, NULL);
    if (!p)
        return rn_csv_open(path, display, delimiter, error);
    const char *name = display ? display : path;
    g_mutex_lock(&p->lock);
    Item *found = NULL;
    for (guint i = 0; i < p->items->len && !found; i++) {
        Item *item = g_ptr_array_index(p->items, i);
        if (item->state != TAKEN && item->delimiter == delimiter &&
            strcmp(item->path, path) == 0 && strcmp(item->display, name) == 0)
            found = item;
    }
    if (!found) {
        g_mutex_unlock(&p->lock);
        return rn_csv_open(path, display, delimiter, error);
    }
    if (found->state == PLANNED) {
        found->state = TAKEN; /* reading it here beats waiting for a thread */
        start_more(p);
        g_mutex_unlock(&p->lock);
        return rn_csv_open(path, display, delimiter, error);
    }
    while (found->state == RUNNING)
        g_cond_wait(&p->finished, &p->lock);
    found->state = TAKEN;
    RnCsv *csv = g_steal_pointer(&found->csv);
    GError *failure = g_steal_pointer(&found->error);
    GThread *thread = g_steal_pointer(&found->thread);
    start_more(p);
    g_mutex_unlock(&p->lock);
    g_thread_join(thread); /* it has set DONE: it is returning */
    if (!csv)
        g_propagate_error(error, failure);
    return csv;
}

void rn_prefetch_free(RnPrefetch *p)
{
    if (!p)
        return;
    g_atomic_int_set(&p->cancel, 1);
    g_mutex_lock(&p->lock);
    for (guint i = 0; i < p->items->len; i++) {
        Item *item = g_ptr_array_index(p->items, i);
        if (item->state == PLANNED)
            item->state = TAKEN; /* never started */
    }
    g_mutex_unlock(&p->lock);
    /* Joins outside the lock: a running item takes it once more to finish. */
    g_ptr_array_set_free_func(p->items, free_item);
    g_ptr_array_unref(p->items);
    g_cond_clear(&p->finished);
    g_mutex_clear(&p->lock);
    g_free(p);
}
