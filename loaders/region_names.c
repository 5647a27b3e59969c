/*
 * region_names.c — see region_names.h.
 */
#include "loaders/region_names.h"

#include <string.h>

#include "engine/fold.h"
#include "loaders/description.h"

struct RnRegionNames {
    const RnModel *model;
    GHashTable *by_name;   /* folded name (owned) -> GArray of guint region indices */
    GPtrArray *folded;     /* char *: folded name of each region, by index */
};

static void free_array(gpointer p)
{
    g_array_unref(p);
}

RnRegionNames *rn_region_names_new(const RnModel *model)
{
    g_return_val_if_fail(model != NULL, NULL);
    RnRegionNames *names = g_new0(RnRegionNames, 1);
    names->model = model;
    names->by_name = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, free_array);
    names->folded = g_ptr_array_new_with_free_func(g_free);
    for (guint i = 0; i < model->regions->len; i++) {
        const RnRegion *r = &g_array_index(model->regions, RnRegion, i);
        char *key = rn_fold_name(r->name);
        g_ptr_array_add(names->folded, key);
        GArray *list = g_hash_table_lookup(names->by_name, key);
        if (!list) {
            list = g_array_new(FALSE, FALSE, sizeof(guint));
            g_hash_table_insert(names->by_name, g_strdup(key), list);
        }
        g_array_append_val(list, i);
    }
    return names;
}

void rn_region_names_free(RnRegionNames *names)
{
    if (!names)
        return;
    g_hash_table_unref(names->by_name);
    g_ptr_array_unref(names->folded);
    g_free(names);
}

/* Is a an ancestor of (or equal to) b? */
static gboolean contains(const RnModel *model, const RnRegion *a, const RnRegion *b)
{
    for (const RnRegion *r = b; r; r = r->parent ? &g_array_index(model->regions, RnRegion,
                                                                   r->parent - 1)
                                                 : NULL)
        if (r == a)
            return TRUE;
    return FALSE;
}

static void append_region(GString *list, const RnRegion *r)
{
    g_string_append_printf(list, "%s'%s' (%s)", list->len ? ", " : "", r->code, r->name);
}

guint rn_region_names_find(const RnRegionNames *names, const char *name, int level,
                           const RnRegion **found, char **candidates)
{
    g_return_val_if_fail(names != NULL && name != NULL && found, 0);
    if (candidates)
        *candidates = NULL;
    *found = NULL;
    const RnModel *model = names->model;
    g_autofree char *key = rn_fold_name(name);
    GArray *list = *key ? g_hash_table_lookup(names->by_name, key) : NULL;
    const RnRegion *best = NULL;
    gboolean ambiguous = FALSE;
    for (guint k = 0; list && k < list->len; k++) {
        const RnRegion *r = &g_array_index(model->regions, RnRegion, g_array_index(list, guint, k));
        if (level >= 0 && r->level != level)
            continue;
        if (!best || contains(model, best, r))
            best = r;
        else if (!contains(model, r, best))
            ambiguous = TRUE;
    }
    if (best && !ambiguous) {
        *found = best;
        return 1;
    }
    if (!candidates)
        return best ? 2 : 0;
    GString *text = g_string_new(NULL);
    if (best) { /* several: list them */
        for (guint k = 0; k < list->len; k++) {
            const RnRegion *r = &g_array_index(model->regions, RnRegion, g_array_index(list, guint, k));
            if ((level < 0 || r->level == level) && text->len < 400)
                append_region(text, r);
        }
    } else { /* none: the closest names at the level */
        guint shown = 0;
        for (guint pass = 0; pass < 2 && shown < 5; pass++) {
            for (guint i = 0; i < model->regions->len && shown < 5; i++) {
                const RnRegion *r = &g_array_index(model->regions, RnRegion, i);
                if (level >= 0 && r->level != level)
                    continue;
                const char *other = g_ptr_array_index(names->folded, i);
                /* First names holding the name (or held by it), then names whose
                 * start is a few edits away from it. */
                gsize n = strlen(key);
                gboolean close;
                if (pass == 0) {
                    close = n > 2 && (strstr(other, key) || (*other && strstr(key, other)));
                } else {
                    g_autofree char *start = g_strndup(other, n);
                    const char *known[] = {start, NULL};
                    close = n > 3 && rn_did_you_mean(key, known) != NULL;
                }
                g_autofree char *quoted = g_strdup_printf("'%s'", r->code);
                if (close && !strstr(text->str, quoted)) {
                    append_region(text, r);
                    shown++;
                }
            }
        }
    }
    if (!text->len)
        g_string_append(text, "none");
    *candidates = g_string_free(text, FALSE);
    return best ? 2 : 0;
}
