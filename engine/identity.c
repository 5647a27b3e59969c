/*
 * identity.c — near-duplicate organisations for auditing identity.
 *
 * Two organisations are near-duplicates when their loose keys are equal but
 * their identity keys differ: the loose key also drops punctuation, accents
 * (Unicode decomposition, marks removed) and common legal-form words.  They
 * are reported, never merged, so a user can decide (docs/networks.md).
 */
#include <string.h>

#include "engine/model.h"

static const char *const legal_forms[] = {
    "ab", "ag", "as", "asbl", "bv", "co", "doo", "ev", "gmbh", "inc", "kft", "limited", "ltd",
    "nv", "oy", "plc", "sa", "sarl", "sas", "spa", "sro", "srl", "the", "vzw", NULL};

char *rn_org_loose_key(const RnOrg *org)
{
    g_autofree char *folded = g_utf8_casefold(org->name, -1);
    g_autofree char *decomposed = g_utf8_normalize(folded, -1, G_NORMALIZE_NFKD);
    GString *text = g_string_new(NULL);
    for (const char *p = decomposed ? decomposed : folded; *p; p = g_utf8_next_char(p)) {
        gunichar c = g_utf8_get_char(p);
        if (g_unichar_ismark(c))
            continue; /* accents */
        if (g_unichar_isalnum(c))
            g_string_append_unichar(text, c);
        else
            g_string_append_c(text, ' ');
    }
    g_auto(GStrv) words = g_strsplit(text->str, " ", -1);
    g_string_free(text, TRUE);
    GString *key = g_string_new(org->country);
    g_string_append_c(key, '|');
    for (guint i = 0; words[i]; i++) {
        if (!*words[i] || g_strv_contains(legal_forms, words[i]))
            continue;
        g_string_append(key, words[i]);
        g_string_append_c(key, ' ');
    }
    return g_string_free(key, FALSE);
}

static int compare_groups(gconstpointer a, gconstpointer b)
{
    const GPtrArray *x = *(GPtrArray *const *)a, *y = *(GPtrArray *const *)b;
    return strcmp(g_ptr_array_index(x, 0), g_ptr_array_index(y, 0));
}

static int compare_strings(gconstpointer a, gconstpointer b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

GPtrArray *rn_model_near_duplicates(const RnModel *model)
{
    g_autoptr(GHashTable) by_loose = g_hash_table_new_full(g_str_hash, g_str_equal, g_free,
                                                           (GDestroyNotify)g_ptr_array_unref);
    for (guint i = 0; i < model->orgs->len; i++) {
        const RnOrg *o = &g_array_index(model->orgs, RnOrg, i);
        if (strchr(o->key, '|') == NULL)
            continue; /* organisations identified by an id */
        char *loose = rn_org_loose_key(o);
        GPtrArray *group = g_hash_table_lookup(by_loose, loose);
        if (!group) {
            group = g_ptr_array_new();
            g_hash_table_insert(by_loose, loose, group);
        } else {
            g_free(loose);
        }
        g_ptr_array_add(group, o->key);
    }
    GPtrArray *groups = g_ptr_array_new_with_free_func((GDestroyNotify)g_ptr_array_unref);
    GHashTableIter it;
    gpointer key, value;
    g_hash_table_iter_init(&it, by_loose);
    while (g_hash_table_iter_next(&it, &key, &value)) {
        GPtrArray *group = value;
        if (group->len < 2)
            continue;
        g_ptr_array_sort(group, compare_strings);
        g_ptr_array_add(groups, g_ptr_array_ref(group));
    }
    g_ptr_array_sort(groups, compare_groups);
    return groups;
}
