/*
 * model.c — the in-memory model: interning of organisations, projects and
 * programmes, participations and row accounting.
 */
#include "engine/model.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

static void clear_org(gpointer p)
{
    RnOrg *o = p;
    g_free(o->key);
    g_free(o->name);
    g_free(o->country);
    g_free(o->sector);
    g_free(o->loose);
}

static void clear_project(gpointer p)
{
    RnProject *o = p;
    g_free(o->key);
    g_free(o->acronym);
    g_free(o->themes);
    g_free(o->start);
    g_free(o->end);
}

static void clear_programme(gpointer p)
{
    RnProgramme *o = p;
    g_free(o->name);
    g_free(o->period);
}

static void clear_region(gpointer p)
{
    RnRegion *o = p;
    g_free(o->code);
    g_free(o->name);
    g_free(o->country);
}

static void clear_participation(gpointer p)
{
    RnParticipation *o = p;
    g_free(o->nuts);
}

static void free_org_merge(gpointer p)
{
    RnOrgMerge *o = p;
    g_free(o->kept);
    g_ptr_array_unref(o->merged);
    g_ptr_array_unref(o->postcodes);
    g_free(o);
}

static void free_provenance(gpointer p)
{
    RnProvenance *o = p;
    g_free(o->file);
    g_free(o->format);
    g_hash_table_unref(o->rejected_by_reason);
    g_hash_table_unref(o->counters);
    g_ptr_array_unref(o->skipped);
    g_free(o);
}

static GArray *entity_array(gsize size, GDestroyNotify clear)
{
    GArray *a = g_array_new(FALSE, TRUE, size);
    g_array_set_clear_func(a, clear);
    return a;
}

static GHashTable *string_index(void)
{
    return g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
}

static void free_org_record(gpointer p)
{
    RnOrgRecord *r = p;
    g_free(r->name);
    g_free(r->country);
    g_free(r->nuts);
    g_free(r->sector);
    g_free(r);
}

/* Hash of a packed (org, project) key: g_direct_hash would keep only the
 * low 32 bits, the project. */
static guint pair_hash(gconstpointer key)
{
    guint64 x = (guint64)(guintptr)key;
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdULL;
    x ^= x >> 33;
    return (guint)x;
}

RnModel *rn_model_new(void)
{
    RnModel *m = g_new0(RnModel, 1);
    m->nuts_edition = g_strdup("");
    m->orgs = entity_array(sizeof(RnOrg), clear_org);
    m->projects = entity_array(sizeof(RnProject), clear_project);
    m->programmes = entity_array(sizeof(RnProgramme), clear_programme);
    m->regions = entity_array(sizeof(RnRegion), clear_region);
    m->participations = entity_array(sizeof(RnParticipation), clear_participation);
    m->provenance = g_ptr_array_new_with_free_func(free_provenance);
    m->org_index = string_index();
    m->project_index = string_index();
    m->programme_index = string_index();
    m->region_index = string_index();
    /* Keys pack (org, project) into a pointer: no allocation per participation. */
    G_STATIC_ASSERT(sizeof(gpointer) >= sizeof(guint64));
    m->participation_index = g_hash_table_new(pair_hash, g_direct_equal);
    m->strings = g_string_chunk_new(1024);
    m->org_records = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, free_org_record);
    m->registry = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, free_org_record);
    m->caveats = g_ptr_array_new_with_free_func(g_free);
    m->published_edition = g_strdup("");
    m->org_postcodes = g_array_new(FALSE, FALSE, sizeof(RnOrgPostcode));
    m->postcode_merges = g_ptr_array_new_with_free_func(free_org_merge);
    m->key_buffer = g_string_new(NULL);
    return m;
}

void rn_model_free(RnModel *m)
{
    if (!m)
        return;
    g_free(m->nuts_edition);
    g_array_unref(m->orgs);
    g_array_unref(m->projects);
    g_array_unref(m->programmes);
    g_array_unref(m->regions);
    g_array_unref(m->participations);
    g_ptr_array_unref(m->provenance);
    g_hash_table_unref(m->org_index);
    g_hash_table_unref(m->project_index);
    g_hash_table_unref(m->programme_index);
    g_hash_table_unref(m->region_index);
    g_hash_table_unref(m->participation_index);
    g_string_chunk_free(m->strings);
    g_hash_table_unref(m->org_records);
    g_hash_table_unref(m->registry);
    g_ptr_array_unref(m->caveats);
    g_free(m->published_edition);
    g_free(m->attribution);
    g_array_unref(m->org_postcodes);
    g_ptr_array_unref(m->postcode_merges);
    g_string_free(m->key_buffer, TRUE);
    g_free(m);
}

RnProvenance *rn_model_add_provenance(RnModel *m, const char *file, const char *format)
{
    g_return_val_if_fail(m != NULL, NULL);
    g_return_val_if_fail(file != NULL, NULL);
    g_return_val_if_fail(format != NULL, NULL);
    RnProvenance *p = g_new0(RnProvenance, 1);
    p->file = g_strdup(file);
    p->format = g_strdup(format);
    p->rejected_by_reason = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    p->counters = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    p->skipped = g_ptr_array_new_with_free_func(g_free);
    g_ptr_array_add(m->provenance, p);
    return p;
}

void rn_count_add(GHashTable *table, const char *key, guint n)
{
    g_return_if_fail(table != NULL);
    g_return_if_fail(key != NULL);
    /* Steal and re-insert the entry: no copy of the key per count (the
     * table's key_destroy_func would free a key passed twice). */
    gpointer stored, old;
    if (g_hash_table_steal_extended(table, key, &stored, &old))
        g_hash_table_insert(table, stored, GUINT_TO_POINTER(GPOINTER_TO_UINT(old) + n));
    else
        g_hash_table_insert(table, g_strdup(key), GUINT_TO_POINTER(n));
}

void rn_provenance_reject(RnProvenance *p, const char *reason)
{
    g_return_if_fail(p != NULL);
    g_return_if_fail(reason != NULL);
    p->rows_rejected++;
    rn_count_add(p->rejected_by_reason, reason, 1);
}

void rn_provenance_skip(RnProvenance *p, const char *reason, const char *message)
{
    g_return_if_fail(p != NULL);
    g_return_if_fail(reason != NULL);
    g_return_if_fail(message != NULL);
    rn_provenance_reject(p, reason);
    if (p->skipped->len < RN_SKIPPED_LISTED)
        g_ptr_array_add(p->skipped, g_strdup(message));
}

void rn_provenance_count(RnProvenance *p, const char *counter, guint n)
{
    g_return_if_fail(p != NULL);
    g_return_if_fail(counter != NULL);
    rn_count_add(p->counters, counter, n);
}

/* Is s plain ASCII?  Then case folding is tolower and NFKC changes nothing. */
static gboolean is_ascii(const char *s)
{
    for (; *s; s++)
        if ((unsigned char)*s >= 0x80)
            return FALSE;
    return TRUE;
}

char *rn_org_key(const char *name, const char *country)
{
    g_return_val_if_fail(name != NULL, NULL);
    g_return_val_if_fail(country != NULL, NULL);
    gboolean ascii = is_ascii(name);
    g_autofree char *folded = ascii ? g_ascii_strdown(name, -1) : g_utf8_casefold(name, -1);
    g_autofree char *normal = ascii ? NULL : g_utf8_normalize(folded, -1, G_NORMALIZE_NFKC);
    GString *key = g_string_new(NULL);
    g_autofree char *cc = g_ascii_strup(country, -1);
    g_string_append(key, cc);
    g_string_append_c(key, '|');
    gboolean pending_space = FALSE, started = FALSE;
    for (const char *p = normal ? normal : folded; *p; p = g_utf8_next_char(p)) {
        gunichar c = g_utf8_get_char(p);
        if (c < 0x80 ? g_ascii_isspace(c) : g_unichar_isspace(c)) {
            pending_space = started;
            continue;
        }
        if (pending_space)
            g_string_append_c(key, ' ');
        pending_space = FALSE;
        started = TRUE;
        if (c < 0x80)
            g_string_append_c(key, (char)c);
        else
            g_string_append_unichar(key, c);
    }
    return g_string_free(key, FALSE);
}

static guint lookup(GHashTable *index, const char *key)
{
    return GPOINTER_TO_UINT(g_hash_table_lookup(index, key));
}

/* Finds or adds the organisation with identity key (copied when added). */
static guint intern_org_key(RnModel *m, const char *key, const char *name, const char *country,
                            gboolean *merged)
{
    guint hit = lookup(m->org_index, key);
    *merged = hit != 0;
    if (hit) {
        g_array_index(m->orgs, RnOrg, hit - 1).n_rows++;
        return hit - 1;
    }
    RnOrg o = {
        .key = g_strdup(key),
        .name = g_strstrip(g_strdup(name)),
        .country = g_ascii_strup(country, -1),
        .sector = g_strdup(""),
        .n_rows = 1,
        .lon = NAN,
        .lat = NAN,
    };
    g_array_append_val(m->orgs, o);
    g_hash_table_insert(m->org_index, g_strdup(key), GUINT_TO_POINTER(m->orgs->len));
    return m->orgs->len - 1;
}

guint rn_model_intern_org(RnModel *m, const char *name, const char *country,
                          gboolean *merged)
{
    g_return_val_if_fail(m != NULL, G_MAXUINT);
    g_return_val_if_fail(name != NULL, G_MAXUINT);
    g_return_val_if_fail(country != NULL, G_MAXUINT);
    g_return_val_if_fail(merged != NULL, G_MAXUINT);
    g_autofree char *key = rn_org_key(name, country);
    return intern_org_key(m, key, name, country, merged);
}

guint rn_model_intern_org_id(RnModel *m, const char *scheme, const char *id, const char *name,
                             const char *country, gboolean *merged)
{
    g_return_val_if_fail(m != NULL, G_MAXUINT);
    g_return_val_if_fail(scheme != NULL, G_MAXUINT);
    g_return_val_if_fail(id != NULL, G_MAXUINT);
    g_return_val_if_fail(country != NULL, G_MAXUINT);
    g_return_val_if_fail(merged != NULL, G_MAXUINT);
    /* One key buffer for every call: ids come by the hundred thousand. */
    g_string_assign(m->key_buffer, scheme);
    g_string_append_c(m->key_buffer, ':');
    g_string_append(m->key_buffer, id);
    return intern_org_key(m, m->key_buffer->str, name && *name ? name : id, country, merged);
}

char *rn_postcode_normalise(const char *raw)
{
    g_return_val_if_fail(raw != NULL, NULL);
    GString *code = g_string_new(NULL);
    for (const char *p = raw; *p; p++)
        if (g_ascii_isalnum(*p))
            g_string_append_c(code, g_ascii_toupper(*p));
    /* Country prefixes ("A-1030", "FI-20520", "FIN20100", "LT92294"): keep.eu
     * partners write them on some rows and not on others. */
    gsize letters = 0;
    while (letters < code->len && g_ascii_isalpha(code->str[letters]))
        letters++;
    gboolean digits_follow = letters >= 1 && letters <= 3 && code->len - letters >= 3;
    for (gsize k = letters; digits_follow && k < code->len; k++)
        digits_follow = g_ascii_isdigit(code->str[k]);
    if (digits_follow)
        g_string_erase(code, 0, (gssize)letters);
    return g_string_free(code, FALSE);
}

void rn_model_note_postcode(RnModel *m, guint org, const char *raw)
{
    g_return_if_fail(m != NULL);
    const RnOrg *o = &g_array_index(m->orgs, RnOrg, org);
    if (!raw || !*raw || strchr(o->key, '|') == NULL)
        return; /* no code, or identified by an id */
    g_autofree char *code = rn_postcode_normalise(raw);
    if (!*code)
        return;
    RnOrgPostcode mark = {.org = org, .postcode = rn_model_intern_string(m, code)};
    g_array_append_val(m->org_postcodes, mark);
}

/* Reads exactly four ASCII digits at *p into *year, advancing *p. */
static gboolean read_year(const char **p, int *year)
{
    int value = 0;
    for (int k = 0; k < 4; k++) {
        if (!g_ascii_isdigit((*p)[k]))
            return FALSE;
        value = value * 10 + ((*p)[k] - '0');
    }
    *p += 4;
    *year = value;
    return TRUE;
}

char *rn_period_from_programme(const char *name)
{
    g_return_val_if_fail(name != NULL, NULL);
    /* keep.eu spells the period "2014 - 2020" at the start of the name, a few
     * rows with an en dash ("2007 – 2013") or without spaces.  Parsed byte by
     * byte: sscanf would read the en dash differently in a UTF-8 locale. */
    const char *p = name;
    int a, b;
    if (!read_year(&p, &a))
        return g_strdup("");
    while (*p == ' ')
        p++;
    if (*p == '-')
        p++;
    else if (g_str_has_prefix(p, "\xE2\x80\x93"))
        p += 3;
    else
        return g_strdup("");
    while (*p == ' ')
        p++;
    if (!read_year(&p, &b) || a < 1900 || b <= a)
        return g_strdup("");
    return g_strdup_printf("%d-%d", a, b);
}

guint rn_model_intern_programme(RnModel *m, const char *name)
{
    g_return_val_if_fail(m != NULL, G_MAXUINT);
    g_return_val_if_fail(name != NULL, G_MAXUINT);
    guint hit = lookup(m->programme_index, name);
    if (hit)
        return hit - 1; /* known: no need to parse its period again */
    g_autofree char *period = rn_period_from_programme(name);
    return rn_model_intern_programme_period(m, name, period);
}

guint rn_model_intern_programme_period(RnModel *m, const char *name, const char *period)
{
    g_return_val_if_fail(m != NULL, G_MAXUINT);
    g_return_val_if_fail(name != NULL, G_MAXUINT);
    g_return_val_if_fail(period != NULL, G_MAXUINT);
    guint hit = lookup(m->programme_index, name);
    if (hit)
        return hit - 1;
    RnProgramme p = {.name = g_strdup(name), .period = g_strdup(period)};
    g_array_append_val(m->programmes, p);
    g_hash_table_insert(m->programme_index, g_strdup(name), GUINT_TO_POINTER(m->programmes->len));
    return m->programmes->len - 1;
}

static char *project_key(const char *programme, const char *acronym)
{
    return g_strconcat(programme, "\x1f", acronym, NULL);
}

gboolean rn_model_find_project(const RnModel *m, const char *programme,
                               const char *acronym, guint *index)
{
    g_return_val_if_fail(m != NULL, FALSE);
    g_return_val_if_fail(programme != NULL, FALSE);
    g_return_val_if_fail(acronym != NULL, FALSE);
    g_return_val_if_fail(index != NULL, FALSE);
    g_autofree char *key = project_key(programme, acronym);
    guint hit = lookup(m->project_index, key);
    if (hit)
        *index = hit - 1;
    return hit != 0;
}

guint rn_model_intern_project(RnModel *m, const char *programme, const char *acronym,
                              gboolean *existed)
{
    g_return_val_if_fail(m != NULL, G_MAXUINT);
    g_return_val_if_fail(programme != NULL, G_MAXUINT);
    g_return_val_if_fail(acronym != NULL, G_MAXUINT);
    g_return_val_if_fail(existed != NULL, G_MAXUINT);
    /* Rows usually come grouped by project: try the last one first. */
    if (m->last_project > 0) {
        const RnProject *last = &g_array_index(m->projects, RnProject, m->last_project - 1);
        if (strcmp(last->acronym, acronym) == 0 &&
            strcmp(g_array_index(m->programmes, RnProgramme, last->programme).name,
                   programme) == 0) {
            *existed = TRUE;
            return m->last_project - 1;
        }
    }
    g_string_assign(m->key_buffer, programme);
    g_string_append_c(m->key_buffer, '\x1f');
    g_string_append(m->key_buffer, acronym);
    guint hit = lookup(m->project_index, m->key_buffer->str);
    if (hit) {
        *existed = TRUE;
        m->last_project = hit;
        return hit - 1;
    }
    RnProject p = {
        .key = g_strdup(m->key_buffer->str), /* project_key() */
        .acronym = g_strdup(acronym),
        .programme = rn_model_intern_programme(m, programme),
        .themes = g_strdup(""),
        .budget = NAN,
        .start = g_strdup(""),
        .end = g_strdup(""),
    };
    p.period = rn_model_intern_string(
        m, g_array_index(m->programmes, RnProgramme, p.programme).period);
    g_array_append_val(m->projects, p);
    g_hash_table_insert(m->project_index, g_strdup(p.key), GUINT_TO_POINTER(m->projects->len));
    m->last_project = m->projects->len;
    *existed = FALSE;
    return m->projects->len - 1;
}

gboolean rn_model_set_project_period(RnModel *m, guint project, const char *period)
{
    g_return_val_if_fail(m != NULL && project < m->projects->len && period != NULL, FALSE);
    if (!*period)
        return TRUE;
    RnProject *p = &g_array_index(m->projects, RnProject, project);
    if (p->period_given)
        return strcmp(p->period, period) == 0;
    p->period = rn_model_intern_string(m, period);
    p->period_given = TRUE;
    return TRUE;
}

static gint compare_borrowed(gconstpointer a, gconstpointer b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

GPtrArray *rn_model_periods(const RnModel *m)
{
    g_return_val_if_fail(m != NULL, NULL);
    g_autoptr(GHashTable) seen = g_hash_table_new(g_str_hash, g_str_equal);
    GPtrArray *periods = g_ptr_array_new();
    for (guint i = 0; i < m->projects->len; i++) {
        const char *p = g_array_index(m->projects, RnProject, i).period;
        if (*p && g_hash_table_add(seen, (gpointer)p))
            g_ptr_array_add(periods, (gpointer)p);
    }
    g_ptr_array_sort(periods, compare_borrowed);
    return periods;
}

gboolean rn_model_add_participation(RnModel *m, guint org, guint project, RnRole role,
                                    const char *nuts, const char *unlocated, const char *country)
{
    /* An unlocated participation carries its reason: networks count it. */
    g_return_val_if_fail(m != NULL && (nuts != NULL || unlocated != NULL), FALSE);
    gpointer pair = (gpointer)(guintptr)(((guint64)org << 32) | project);
    guint hit = GPOINTER_TO_UINT(g_hash_table_lookup(m->participation_index, pair));
    if (hit) {
        RnParticipation *p = &g_array_index(m->participations, RnParticipation, hit - 1);
        if (role == RN_ROLE_LEAD)
            p->role = RN_ROLE_LEAD;
        return FALSE;
    }
    RnParticipation p = {
        .org = org,
        .project = project,
        .role = role,
        .nuts = nuts ? g_strdup(nuts) : NULL,
        .unlocated = nuts ? NULL : rn_model_intern_string(m, unlocated),
        .country = rn_model_intern_string(m, country ? country : ""),
        .source = m->provenance->len > 0 ? m->provenance->len - 1 : 0,
    };
    g_array_append_val(m->participations, p);
    g_hash_table_insert(m->participation_index, pair, GUINT_TO_POINTER(m->participations->len));
    return TRUE;
}

const RnRegion *rn_model_region(const RnModel *m, const char *code)
{
    g_return_val_if_fail(m != NULL, NULL);
    g_return_val_if_fail(code != NULL, NULL);
    guint hit = lookup(m->region_index, code);
    return hit ? &g_array_index(m->regions, RnRegion, hit - 1) : NULL;
}

const RnRegion *rn_model_region_ancestor(const RnModel *m, const char *code, int level)
{
    g_return_val_if_fail(m != NULL && code != NULL, NULL);
    const RnRegion *r = rn_model_region(m, code);
    /* Parents are one level up, so this takes at most three steps. */
    while (r && r->level > level)
        r = r->parent ? &g_array_index(m->regions, RnRegion, r->parent - 1) : NULL;
    return r && r->level == level ? r : NULL;
}

guint rn_model_region_index(const RnModel *m, const RnRegion *region)
{
    g_return_val_if_fail(m != NULL && region != NULL, 0);
    const RnRegion *first = (const RnRegion *)(gpointer)m->regions->data;
    g_return_val_if_fail(region >= first && region < first + m->regions->len, 0);
    return (guint)(region - first);
}

const char *rn_model_intern_string(RnModel *m, const char *s)
{
    g_return_val_if_fail(m != NULL, NULL);
    g_return_val_if_fail(s != NULL, NULL);
    return g_string_chunk_insert_const(m->strings, s);
}
