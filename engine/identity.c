/*
 * identity.c — organisation identity beyond the exact key: joining by
 * postcode, and near-duplicates for auditing.
 *
 * The loose key drops punctuation, accents (Unicode decomposition, marks
 * removed) and common legal-form words.  Two name-identified organisations
 * whose loose keys agree are one organisation when a postcode corroborates
 * it (both were given the same normalised postcode on some row); otherwise
 * they are near-duplicates, reported and never merged, so a user can decide
 * (docs/networks.md).  Postcodes never split an exact key: the same body
 * gives different postcodes on different rows.
 */
#include <math.h>
#include <string.h>

#include "engine/model.h"

static const char *const legal_forms[] = {
    "ab", "ag", "as", "asbl", "bv", "co", "doo", "ev", "gmbh", "inc", "kft", "limited", "ltd",
    "nv", "oy", "plc", "sa", "sarl", "sas", "spa", "sro", "srl", "the", "vzw", NULL};

/* Ends the word that starts at key->str[word]: keeps it, followed by ' ', or
 * truncates it away when it is empty or a legal form. */
static void end_word(GString *key, gsize word)
{
    const char *text = key->str + word;
    gsize length = key->len - word;
    gboolean drop = length == 0;
    for (guint k = 0; !drop && length <= 7 && legal_forms[k]; k++)
        drop = strcmp(text, legal_forms[k]) == 0;
    if (drop)
        g_string_truncate(key, word);
    else
        g_string_append_c(key, ' ');
}

char *rn_org_loose_key(const RnOrg *org)
{
    g_return_val_if_fail(org != NULL, NULL);
    /* ASCII names (most) need no case folding or decomposition beyond
     * tolower; others are case-folded and decomposed (NFKD) first. */
    const char *name = org->name;
    gboolean ascii = TRUE;
    for (const char *p = name; *p && ascii; p++)
        ascii = (unsigned char)*p < 0x80;
    g_autofree char *folded = ascii ? NULL : g_utf8_casefold(name, -1);
    g_autofree char *decomposed = ascii ? NULL : g_utf8_normalize(folded, -1, G_NORMALIZE_NFKD);
    if (!ascii)
        name = decomposed ? decomposed : folded;
    GString *key = g_string_sized_new(strlen(name) + 8);
    g_string_append(key, org->country);
    g_string_append_c(key, '|');
    gsize word = key->len;
    for (const char *p = name; *p;) {
        unsigned char byte = (unsigned char)*p;
        if (byte < 0x80) {
            if (g_ascii_isalnum(byte)) {
                g_string_append_c(key, g_ascii_tolower(byte));
            } else {
                end_word(key, word);
                word = key->len;
            }
            p++;
            continue;
        }
        gunichar c = g_utf8_get_char(p);
        const char *next = g_utf8_next_char(p);
        if (g_unichar_ismark(c)) {
            /* accents */
        } else if (g_unichar_isalnum(c)) {
            g_string_append_len(key, p, next - p);
        } else {
            end_word(key, word);
            word = key->len;
        }
        p = next;
    }
    end_word(key, word);
    return g_string_free(key, FALSE);
}

/* Union-find over organisation indices; the smaller index is the root, so
 * the organisation interned first is the one kept. */
static guint find_root(guint *parent, guint i)
{
    while (parent[i] != i) {
        parent[i] = parent[parent[i]];
        i = parent[i];
    }
    return i;
}

static int compare_strings(gconstpointer a, gconstpointer b);

static int compare_merges(gconstpointer a, gconstpointer b)
{
    const RnOrgMerge *x = *(RnOrgMerge *const *)a, *y = *(RnOrgMerge *const *)b;
    return strcmp(x->kept, y->kept);
}

/* Folds organisation `from` into `into` (rows, sector, cluster flag). */
static void fold_org(RnOrg *into, RnOrg *from)
{
    into->n_rows += from->n_rows;
    into->cluster |= from->cluster;
    if (isnan(into->lon) && !isnan(from->lon)) {
        into->lon = from->lon;
        into->lat = from->lat;
    }
    if (!*into->sector && *from->sector) {
        g_free(into->sector);
        into->sector = g_steal_pointer(&from->sector);
    }
}

/* Renumbers participations to the kept organisations and merges the repeats
 * this creates, moving their rows from loaded to merged. */
static void remap_participations(RnModel *m, const guint *new_index)
{
    g_hash_table_remove_all(m->participation_index);
    guint out = 0;
    for (guint i = 0; i < m->participations->len; i++) {
        RnParticipation p = g_array_index(m->participations, RnParticipation, i);
        p.org = new_index[p.org];
        gpointer pair = (gpointer)(guintptr)(((guint64)p.org << 32) | p.project);
        guint hit = GPOINTER_TO_UINT(g_hash_table_lookup(m->participation_index, pair));
        if (hit) {
            RnParticipation *first = &g_array_index(m->participations, RnParticipation, hit - 1);
            if (p.role == RN_ROLE_LEAD)
                first->role = RN_ROLE_LEAD;
            RnProvenance *prov = g_ptr_array_index(m->provenance, p.source);
            prov->rows_loaded--;
            prov->rows_merged++;
            rn_provenance_count(prov, "rows merged: organisation joined by postcode", 1);
            g_free(p.nuts);
            continue;
        }
        g_array_index(m->participations, RnParticipation, out) = p;
        g_hash_table_insert(m->participation_index, pair, GUINT_TO_POINTER(++out));
    }
    /* The tail's strings were moved or freed above: clear them to NULL so
     * the array's clear function frees nothing twice. */
    for (guint i = out; i < m->participations->len; i++)
        g_array_index(m->participations, RnParticipation, i).nuts = NULL;
    g_array_set_size(m->participations, out);
}

guint rn_model_merge_by_postcode(RnModel *m)
{
    g_return_val_if_fail(m != NULL, 0);
    guint n = m->orgs->len;
    /* Loose keys once, for this pass, near-duplicates and cluster registries. */
    for (guint i = 0; i < n; i++) {
        RnOrg *o = &g_array_index(m->orgs, RnOrg, i);
        if (!o->loose && strchr(o->key, '|') != NULL)
            o->loose = rn_org_loose_key(o);
    }
    if (m->org_postcodes->len == 0)
        return 0;
    g_autofree guint *parent = g_new(guint, n);
    for (guint i = 0; i < n; i++)
        parent[i] = i;
    /* (loose key, postcode) -> first organisation seen with it. */
    g_autoptr(GHashTable) first = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    /* (first organisation, postcode) for each postcode a second organisation shares */
    g_autoptr(GArray) shared = g_array_new(FALSE, FALSE, sizeof(RnOrgPostcode));
    guint joined = 0;
    for (guint k = 0; k < m->org_postcodes->len; k++) {
        const RnOrgPostcode *mark = &g_array_index(m->org_postcodes, RnOrgPostcode, k);
        const char *lk = g_array_index(m->orgs, RnOrg, mark->org).loose;
        char *key = g_strconcat(lk, "\x1f", mark->postcode, NULL);
        gpointer other;
        if (!g_hash_table_lookup_extended(first, key, NULL, &other)) {
            g_hash_table_insert(first, key, GUINT_TO_POINTER(mark->org));
            continue;
        }
        g_free(key);
        if (GPOINTER_TO_UINT(other) == mark->org)
            continue; /* the same organisation again */
        RnOrgPostcode pair = {GPOINTER_TO_UINT(other), mark->postcode};
        g_array_append_val(shared, pair);
        guint a = find_root(parent, pair.org), b = find_root(parent, mark->org);
        if (a != b) {
            parent[MAX(a, b)] = MIN(a, b);
            joined++;
        }
    }
    if (joined == 0)
        return 0;

    /* Kept organisations keep their order; the others fold into them. */
    g_autofree guint *new_index = g_new(guint, n);
    g_autofree RnOrgMerge **group = g_new0(RnOrgMerge *, n);
    guint kept = 0;
    for (guint i = 0; i < n; i++) {
        guint root = find_root(parent, i);
        RnOrg *o = &g_array_index(m->orgs, RnOrg, i);
        if (root == i) {
            new_index[i] = kept;
            g_array_index(m->orgs, RnOrg, kept++) = *o;
            continue;
        }
        new_index[i] = new_index[root];
        RnOrg *into = &g_array_index(m->orgs, RnOrg, new_index[root]);
        fold_org(into, o);
        if (!group[root]) {
            group[root] = g_new0(RnOrgMerge, 1);
            group[root]->kept = g_strdup(into->key);
            group[root]->merged = g_ptr_array_new_with_free_func(g_free);
            group[root]->postcodes = g_ptr_array_new_with_free_func(g_free);
            g_ptr_array_add(m->postcode_merges, group[root]);
        }
        g_ptr_array_add(group[root]->merged, g_strdup(o->key));
        g_free(o->key);
        g_free(o->name);
        g_free(o->country);
        g_free(o->sector);
        g_free(o->loose);
    }
    for (guint k = 0; k < shared->len; k++) {
        const RnOrgPostcode *pair = &g_array_index(shared, RnOrgPostcode, k);
        GPtrArray *codes = group[find_root(parent, pair->org)]->postcodes;
        if (!g_ptr_array_find_with_equal_func(codes, pair->postcode, g_str_equal, NULL))
            g_ptr_array_add(codes, g_strdup(pair->postcode));
    }
    for (guint g = 0; g < m->postcode_merges->len; g++) {
        RnOrgMerge *merge = g_ptr_array_index(m->postcode_merges, g);
        g_ptr_array_sort(merge->merged, compare_strings);
        g_ptr_array_sort(merge->postcodes, compare_strings);
    }
    g_ptr_array_sort(m->postcode_merges, compare_merges);
    /* The tail's strings were moved or freed above: clear them to NULL. */
    for (guint i = kept; i < n; i++)
        memset(&g_array_index(m->orgs, RnOrg, i), 0, sizeof(RnOrg));
    g_array_set_size(m->orgs, kept);

    GHashTableIter it;
    gpointer key, value;
    g_hash_table_iter_init(&it, m->org_index);
    while (g_hash_table_iter_next(&it, &key, &value))
        g_hash_table_iter_replace(&it, GUINT_TO_POINTER(new_index[GPOINTER_TO_UINT(value) - 1] + 1));
    for (guint k = 0; k < m->org_postcodes->len; k++) {
        RnOrgPostcode *mark = &g_array_index(m->org_postcodes, RnOrgPostcode, k);
        mark->org = new_index[mark->org];
    }
    remap_participations(m, new_index);
    return joined;
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
    g_return_val_if_fail(model != NULL, NULL);
    g_autoptr(GHashTable) by_loose = g_hash_table_new_full(g_str_hash, g_str_equal, g_free,
                                                           (GDestroyNotify)g_ptr_array_unref);
    for (guint i = 0; i < model->orgs->len; i++) {
        const RnOrg *o = &g_array_index(model->orgs, RnOrg, i);
        if (strchr(o->key, '|') == NULL)
            continue; /* organisations identified by an id */
        char *loose = o->loose ? g_strdup(o->loose) : rn_org_loose_key(o);
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
