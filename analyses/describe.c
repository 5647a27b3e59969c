/*
 * describe.c — see describe.h.
 */
#include "analyses/describe.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static void clear_entry(gpointer p)
{
    RnDescribeEntry *e = p;
    g_free(e->name);
    g_strfreev(e->periods);
}

static GArray *entries(void)
{
    GArray *a = g_array_new(FALSE, TRUE, sizeof(RnDescribeEntry));
    g_array_set_clear_func(a, clear_entry);
    return a;
}

/* The entry named name in a (index in *index table name -> index + 1). */
static RnDescribeEntry *entry(GArray *a, GHashTable *index, const char *name)
{
    guint hit = GPOINTER_TO_UINT(g_hash_table_lookup(index, name));
    if (!hit) {
        RnDescribeEntry e = {.name = g_strdup(name)};
        g_array_append_val(a, e);
        hit = a->len;
        g_hash_table_insert(index, g_strdup(name), GUINT_TO_POINTER(hit));
    }
    return &g_array_index(a, RnDescribeEntry, hit - 1);
}

static gint by_name(gconstpointer a, gconstpointer b)
{
    return strcmp(((const RnDescribeEntry *)a)->name, ((const RnDescribeEntry *)b)->name);
}

static gint by_projects(gconstpointer a, gconstpointer b)
{
    const RnDescribeEntry *x = a, *y = b;
    if (x->projects != y->projects)
        return x->projects > y->projects ? -1 : 1;
    return strcmp(x->name, y->name);
}

static gint by_participations(gconstpointer a, gconstpointer b)
{
    const RnDescribeEntry *x = a, *y = b;
    if (x->participations != y->participations)
        return x->participations > y->participations ? -1 : 1;
    return strcmp(x->name, y->name);
}

static int g_strcmp0_indirect(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static GHashTable *name_index(void)
{
    return g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
}

/* The id scheme of an organisation key: "pic" of "pic:123", "name" of
 * "DE|name" (organisations identified by name and country). */
static char *key_scheme(const char *key)
{
    const char *colon = strchr(key, ':'), *bar = strchr(key, '|');
    if (colon && (!bar || colon < bar))
        return g_strndup(key, (gsize)(colon - key));
    return g_strdup("name");
}

/* Counts org once per group (a set of group << 32 | org). */
static gboolean first_time(GHashTable *seen, guint group, guint org)
{
    guint64 *pair = g_new(guint64, 1);
    *pair = (guint64)group << 32 | org;
    return g_hash_table_add(seen, pair);
}

void rn_describe(const RnModel *m, RnDescription *d)
{
    g_return_if_fail(m != NULL && d != NULL);
    memset(d, 0, sizeof *d);
    d->programmes = entries();
    d->periods = entries();
    d->themes = entries();
    d->countries = entries();
    d->schemes = entries();
    d->unlocated_by_reason = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    d->lead_only_periods = g_ptr_array_new_with_free_func(g_free);
    d->organisations = m->orgs->len;
    d->projects = m->projects->len;
    d->participations = m->participations->len;
    d->programmes_count = m->programmes->len;

    guint nj = m->projects->len;
    g_autofree guint *members = g_new0(guint, nj);
    g_autofree guint *leads = g_new0(guint, nj);
    for (guint i = 0; i < m->participations->len; i++) {
        const RnParticipation *p = &g_array_index(m->participations, RnParticipation, i);
        members[p->project]++;
        leads[p->project] += p->role == RN_ROLE_LEAD;
    }
    g_autoptr(GHashTable) programme_index = name_index();
    g_autoptr(GHashTable) period_index = name_index();
    g_autoptr(GHashTable) theme_index = name_index();
    g_autoptr(GHashTable) country_index = name_index();
    g_autoptr(GHashTable) scheme_index = name_index();
    /* per programme (by entry index): its periods */
    g_autoptr(GPtrArray) programme_periods =
        g_ptr_array_new_with_free_func((GDestroyNotify)g_hash_table_unref);
    for (guint j = 0; j < nj; j++) {
        if (!members[j])
            continue;
        const RnProject *pj = &g_array_index(m->projects, RnProject, j);
        const RnProgramme *prog = &g_array_index(m->programmes, RnProgramme, pj->programme);
        d->projects_with_participants++;
        gboolean single = members[j] == 1, lead_only = leads[j] == members[j];
        d->single_participant_projects += single;
        RnDescribeEntry *e = entry(d->programmes, programme_index, prog->name);
        guint k = GPOINTER_TO_UINT(g_hash_table_lookup(programme_index, prog->name)) - 1;
        while (programme_periods->len <= k)
            g_ptr_array_add(programme_periods, g_hash_table_new(g_str_hash, g_str_equal));
        if (*pj->period)
            g_hash_table_add(g_ptr_array_index(programme_periods, k), (gpointer)pj->period);
        e->projects++;
        e->single += single;
        e->lead_only += lead_only;
        if (*pj->period) {
            e = entry(d->periods, period_index, pj->period);
            e->projects++;
            e->single += single;
            e->lead_only += lead_only;
        } else {
            d->projects_without_period++;
        }
        if (*pj->themes) {
            g_auto(GStrv) themes = g_strsplit(pj->themes, "; ", -1);
            for (guint t = 0; themes[t]; t++)
                if (*themes[t])
                    entry(d->themes, theme_index, themes[t])->projects++;
        }
    }
    g_autoptr(GHashTable) seen_programme = g_hash_table_new_full(g_int64_hash, g_int64_equal, g_free, NULL);
    g_autoptr(GHashTable) seen_period = g_hash_table_new_full(g_int64_hash, g_int64_equal, g_free, NULL);
    g_autoptr(GHashTable) seen_country = g_hash_table_new_full(g_int64_hash, g_int64_equal, g_free, NULL);
    for (guint i = 0; i < m->participations->len; i++) {
        const RnParticipation *p = &g_array_index(m->participations, RnParticipation, i);
        const RnProject *pj = &g_array_index(m->projects, RnProject, p->project);
        const char *name = g_array_index(m->programmes, RnProgramme, pj->programme).name;
        guint k = GPOINTER_TO_UINT(g_hash_table_lookup(programme_index, name));
        RnDescribeEntry *e = &g_array_index(d->programmes, RnDescribeEntry, k - 1);
        e->participations++;
        e->organisations += first_time(seen_programme, k, p->org);
        if (*pj->period) {
            k = GPOINTER_TO_UINT(g_hash_table_lookup(period_index, pj->period));
            e = &g_array_index(d->periods, RnDescribeEntry, k - 1);
            e->participations++;
            e->organisations += first_time(seen_period, k, p->org);
        }
        if (p->country && *p->country) {
            e = entry(d->countries, country_index, p->country);
            k = GPOINTER_TO_UINT(g_hash_table_lookup(country_index, p->country));
            e->participations++;
            e->organisations += first_time(seen_country, k, p->org);
        } else {
            d->participations_without_country++;
        }
        const RnRegion *r = p->nuts ? rn_model_region(m, p->nuts) : NULL;
        if (r) {
            for (int level = 0; level <= r->level && level < 4; level++)
                d->located[level]++;
        } else {
            d->unlocated++;
            rn_count_add(d->unlocated_by_reason, p->unlocated ? p->unlocated : "unknown", 1);
        }
    }
    for (guint o = 0; o < m->orgs->len; o++) {
        const RnOrg *org = &g_array_index(m->orgs, RnOrg, o);
        g_autofree char *scheme = key_scheme(org->key);
        entry(d->schemes, scheme_index, scheme)->organisations++;
        d->orgs_with_position += !isnan(org->lon);
    }
    for (guint k = 0; k < d->programmes->len; k++) {
        GHashTable *set = g_ptr_array_index(programme_periods, k);
        guint n = 0;
        g_autofree gpointer *keys = g_hash_table_get_keys_as_array(set, &n);
        char **list = g_new0(char *, n + 1);
        for (guint i = 0; i < n; i++)
            list[i] = g_strdup(keys[i]);
        qsort(list, n, sizeof(char *), g_strcmp0_indirect);
        g_array_index(d->programmes, RnDescribeEntry, k).periods = list;
    }
    g_array_sort(d->programmes, by_name);
    g_array_sort(d->periods, by_name);
    g_array_sort(d->themes, by_projects);
    g_array_sort(d->countries, by_participations);
    g_array_sort(d->schemes, by_name);
    for (guint k = 0; k < d->periods->len; k++) {
        const RnDescribeEntry *e = &g_array_index(d->periods, RnDescribeEntry, k);
        if (e->projects && e->lead_only == e->projects)
            g_ptr_array_add(d->lead_only_periods, g_strdup(e->name));
    }
}

void rn_description_clear(RnDescription *d)
{
    g_return_if_fail(d != NULL);
    g_clear_pointer(&d->programmes, g_array_unref);
    g_clear_pointer(&d->periods, g_array_unref);
    g_clear_pointer(&d->themes, g_array_unref);
    g_clear_pointer(&d->countries, g_array_unref);
    g_clear_pointer(&d->schemes, g_array_unref);
    g_clear_pointer(&d->unlocated_by_reason, g_hash_table_unref);
    g_clear_pointer(&d->lead_only_periods, g_ptr_array_unref);
}
