/*
 * mapped.c — sources described by a column mapping (docs/formats.md):
 *
 *   csv                one row per participation of an organisation in a project
 *   csv-organisations  one row per organisation id: name, country, region, sector
 *   csv-projects       one row per project (or project and theme): themes, budget
 *
 * The dataset description names the columns, so CORDIS files, keep.eu's
 * dotted 2000-2020 export, cluster partnership lists and a user's own
 * spreadsheet load without code.  Every row is loaded, merged or rejected
 * with a reason; malformed cells fail with FILE:LINE:COL (or are rejected
 * with --skip-invalid-rows).
 */
#include <math.h>
#include <string.h>

#include "engine/error.h"
#include "loaders/cells.h"
#include "loaders/csv.h"
#include "loaders/mapped.h"
#include "loaders/prefetch.h"

/* Column roles a mapping may name. */
enum {
    M_PROJECT, M_PROGRAMME, M_PERIOD, M_ORG, M_ORG_ID, M_COUNTRY, M_ROLE, M_SECTOR,
    M_THEME, M_BUDGET, M_POSTCODE, M_N
};
static const char *const role_names[M_N] = {
    "project", "programme", "period", "organisation", "organisation_id", "country", "role",
    "sector", "theme", "budget", "postcode"};

#define MAX_REGION_COLUMNS 4

typedef struct {
    const char *file;        /* description path, for messages */
    const char *where;       /* "sources[k]" */
    int col[M_N];            /* column index or -1 */
    int region[MAX_REGION_COLUMNS]; /* region columns, most specific first */
    guint n_region;
    gboolean keep_cells;     /* "CODE  / Name" cells */
    const char *programme;   /* constant programme, or NULL */
    const char *period;      /* constant period, or NULL */
    const char *scheme;      /* organisation id scheme */
    const cJSON *lead_values;/* array of strings meaning "lead" */
    const cJSON *lead_only;  /* array of periods whose rows are lead partners only */
    gboolean registry;       /* csv-organisations: a cluster registry */
} Mapping;

static void mapping_error(GError **error, const Mapping *m, const char *format, ...)
    G_GNUC_PRINTF(3, 4);
static void mapping_error(GError **error, const Mapping *m, const char *format, ...)
{
    va_list args;
    va_start(args, format);
    g_autofree char *message = g_strdup_vprintf(format, args);
    va_end(args);
    g_set_error(error, RN_ERROR, RN_ERROR_DATA, "%s: %s: %s", m->file, m->where, message);
}

static const char *optional_string(const cJSON *object, const char *name)
{
    const cJSON *item = cJSON_GetObjectItemCaseSensitive(object, name);
    return cJSON_IsString(item) && *item->valuestring ? item->valuestring : NULL;
}

/* Resolves the mapping's column names against the header. */
static gboolean read_mapping(const cJSON *source, const RnCsv *csv, Mapping *m, GError **error)
{
    const cJSON *columns = cJSON_GetObjectItemCaseSensitive(source, "columns");
    if (!cJSON_IsObject(columns)) {
        mapping_error(error, m, "'columns' is missing; expected an object mapping roles "
                                "(project, organisation, ...) to column names");
        return FALSE;
    }
    for (int r = 0; r < M_N; r++)
        m->col[r] = -1;
    const cJSON *item;
    cJSON_ArrayForEach(item, columns) {
        const char *role = item->string;
        if (strcmp(role, "region") == 0) {
            const cJSON *list = cJSON_IsArray(item) ? item : NULL;
            guint count = list ? (guint)cJSON_GetArraySize(list) : 1;
            /* In total, not per member: the array has MAX_REGION_COLUMNS slots
             * whatever a description holds (rn_description_parse refuses a
             * repeated member; a caller building the tree may not). */
            if (count == 0 || count > MAX_REGION_COLUMNS - m->n_region) {
                mapping_error(error, m, "'columns.region' must name 1 to %d columns, most "
                                        "specific first", MAX_REGION_COLUMNS);
                return FALSE;
            }
            for (guint k = 0; k < count; k++) {
                const cJSON *name = list ? cJSON_GetArrayItem(list, (int)k) : item;
                int index = cJSON_IsString(name) ? rn_csv_column(csv, name->valuestring) : -1;
                if (index < 0) {
                    g_autofree char *quoted =
                        cJSON_IsString(name) ? rn_quote_cell(name->valuestring) : NULL;
                    g_set_error(error, RN_ERROR, RN_ERROR_DATA,
                                "%s:1:1: header has no column %s (columns.region in %s)",
                                rn_csv_name(csv), quoted ? quoted : "(not a string)", m->file);
                    return FALSE;
                }
                m->region[m->n_region++] = index;
            }
            continue;
        }
        int r = 0;
        while (r < M_N && strcmp(role_names[r], role) != 0)
            r++;
        if (r == M_N) {
            g_autofree char *quoted = rn_quote_cell(role);
            mapping_error(error, m, "unknown column role %s; expected project, programme, "
                                    "period, organisation, organisation_id, country, region, "
                                    "role, sector, theme, budget or postcode", quoted);
            return FALSE;
        }
        if (!cJSON_IsString(item) || (m->col[r] = rn_csv_column(csv, item->valuestring)) < 0) {
            g_autofree char *quoted = cJSON_IsString(item) ? rn_quote_cell(item->valuestring)
                                                           : NULL;
            g_set_error(error, RN_ERROR, RN_ERROR_DATA,
                        "%s:1:1: header has no column %s (columns.%s in %s)",
                        rn_csv_name(csv), quoted ? quoted : "(not a string)", role, m->file);
            return FALSE;
        }
    }
    const char *syntax = optional_string(source, "region_cells");
    m->keep_cells = syntax && strcmp(syntax, "keep.eu") == 0;
    m->programme = optional_string(source, "programme");
    m->period = optional_string(source, "period");
    m->scheme = optional_string(source, "organisation_id_scheme");
    if (!m->scheme)
        m->scheme = "id";
    m->lead_values = cJSON_GetObjectItemCaseSensitive(source, "lead_values");
    m->lead_only = cJSON_GetObjectItemCaseSensitive(source, "lead_partner_only_periods");
    m->registry = cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(source, "cluster_registry"));
    return TRUE;
}

/* A trimmed copy of a cell ("" for an absent column). */
static char *cell(RnCsv *csv, int col)
{
    return g_strdup(rn_csv_field_trimmed(csv, col));
}

/* The most specific region code the edition knows.  *code (caller frees)
 * is NULL with *reason set when there is none; FALSE on a malformed cell
 * (problem set). */
static gboolean row_region(const RnModel *model, const RnCsv *csv, const Mapping *m,
                           const char *not_in_edition, char **code, const char **reason,
                           GError **problem)
{
    *code = NULL;
    *reason = "no region given";
    for (guint k = 0; k < m->n_region; k++) {
        g_autofree char *candidate = NULL;
        guint c = (guint)m->region[k];
        if (!rn_parse_region_cell(rn_csv_field(csv, c), m->keep_cells, &candidate)) {
            g_autofree char *quoted = rn_quote_cell(rn_csv_field(csv, c));
            rn_csv_set_field_error(csv, c, problem,
                                   "region cell %s is not a NUTS code; expected %s, or an "
                                   "empty cell", quoted,
                                   m->keep_cells ? "'CODE  / Name' such as 'DEG01  / Erfurt, "
                                                   "Kreisfreie Stadt'"
                                                 : "a code such as 'DEG01'");
            return FALSE;
        }
        if (!candidate)
            continue;
        if (rn_model_region(model, candidate)) {
            *code = g_steal_pointer(&candidate);
            return TRUE;
        }
        *reason = not_in_edition;
    }
    return TRUE;
}

static gboolean is_lead(const Mapping *m, const char *role)
{
    const cJSON *value;
    cJSON_ArrayForEach(value, m->lead_values) {
        if (cJSON_IsString(value) && g_ascii_strcasecmp(value->valuestring, role) == 0)
            return TRUE;
    }
    return FALSE;
}

static void add_theme(RnProject *p, const char *theme)
{
    if (!*theme)
        return;
    g_auto(GStrv) existing = g_strsplit(p->themes, "; ", -1);
    if (*p->themes && g_strv_contains((const char *const *)existing, theme))
        return;
    char *joined = *p->themes ? g_strconcat(p->themes, "; ", theme, NULL) : g_strdup(theme);
    g_free(p->themes);
    p->themes = joined;
}

/* Programme of a row (constant or column), interned with its default period
 * (the constant 'period', else parsed from its name); *period receives the
 * row's own period cell ("" when it has none; borrowed from csv).  FALSE if
 * the row names no programme. */
static gboolean row_programme(RnModel *model, RnCsv *csv, const Mapping *m, guint *programme,
                              const char **period)
{
    const char *name = m->col[M_PROGRAMME] >= 0 ? rn_csv_field_trimmed(csv, m->col[M_PROGRAMME])
                                                : m->programme ? m->programme : "";
    *period = rn_csv_field_trimmed(csv, m->col[M_PERIOD]);
    if (!*name)
        return FALSE;
    guint hit = GPOINTER_TO_UINT(g_hash_table_lookup(model->programme_index, name));
    if (hit) {
        *programme = hit - 1;
        return TRUE;
    }
    g_autofree char *derived = m->period ? NULL : rn_period_from_programme(name);
    *programme = rn_model_intern_programme_period(model, name, m->period ? m->period : derived);
    return TRUE;
}

/* Did an organisation table (csv-organisations) describe ids of this scheme?
 * Only then is an id missing from it worth counting.  O(records), once. */
static gboolean has_records_of_scheme(const RnModel *model, const char *scheme)
{
    g_autofree char *prefix = g_strconcat(scheme, ":", NULL);
    GHashTableIter it;
    gpointer key;
    g_hash_table_iter_init(&it, model->org_records);
    while (g_hash_table_iter_next(&it, &key, NULL))
        if (g_str_has_prefix(key, prefix))
            return TRUE;
    return FALSE;
}

static gboolean load_participations(RnModel *model, RnCsv *csv, const Mapping *m,
                                    RnProvenance *prov, const RnLoadOptions *options,
                                    GError **error)
{
    if (m->col[M_PROJECT] < 0 || (m->col[M_ORG] < 0 && m->col[M_ORG_ID] < 0) ||
        (m->col[M_PROGRAMME] < 0 && !m->programme)) {
        mapping_error(error, m, "a participation source needs columns.project, "
                                "columns.organisation or columns.organisation_id, and "
                                "columns.programme or a constant 'programme'");
        return FALSE;
    }
    g_autofree char *not_in_edition =
        g_strdup_printf("region code not in NUTS %s", model->nuts_edition);
    g_autofree char *period_count = NULL; /* counter name of counted_period */
    const char *counted_period = NULL;    /* interned: rows come grouped by period */
    gboolean lead_only = FALSE;           /* counted_period has leads only */
    gboolean has_table = has_records_of_scheme(model, m->scheme);
    g_autoptr(GString) record_key = g_string_new(NULL);
    g_auto(RnTally) tally = {.prov = prov};
    RnCsvStatus status;
    while ((status = rn_csv_next(csv, error)) == RN_CSV_ROW) {
        prov->rows_read++;
        g_autoptr(GError) problem = NULL;
        /* Fields are trimmed in place: no copy per cell. */
        const char *project_id = rn_csv_field_trimmed(csv, m->col[M_PROJECT]);
        const char *name = rn_csv_field_trimmed(csv, m->col[M_ORG]);
        const char *org_id = rn_csv_field_trimmed(csv, m->col[M_ORG_ID]);
        guint programme;
        const char *period;
        if (!*project_id || !row_programme(model, csv, m, &programme, &period)) {
            rn_provenance_reject(prov, "missing project key (programme or project)");
            continue;
        }
        if (m->col[M_ORG_ID] >= 0 ? !*org_id : !*name) {
            rn_provenance_reject(prov, m->col[M_ORG_ID] >= 0 ? "missing organisation id"
                                                             : "missing organisation name");
            continue;
        }
        g_autofree char *nuts = NULL;
        const char *unlocated = NULL;
        if (!row_region(model, csv, m, not_in_edition, &nuts, &unlocated, &problem)) {
            if (!rn_row_problem(options, prov, "region cell is not a NUTS code", &problem, error))
                return FALSE;
            continue;
        }
        const RnOrgRecord *record = NULL;
        if (*org_id && has_table) {
            g_string_printf(record_key, "%s:%s", m->scheme, org_id);
            record = g_hash_table_lookup(model->org_records, record_key->str);
            if (!record)
                rn_tally_add(&tally, "organisation id not in the organisation table");
        }
        if (!nuts && record && record->nuts)
            nuts = g_strdup(record->nuts);
        else if (!nuts && record && m->n_region == 0)
            unlocated = record->unlocated;
        const char *raw_country = rn_csv_field_trimmed(csv, m->col[M_COUNTRY]);
        g_autofree char *cell_country = m->keep_cells ? rn_parse_country_cell(raw_country) : NULL;
        g_autofree char *country = rn_country_code(cell_country ? cell_country : raw_country, prov);
        if (!*country && record && *record->country) {
            g_free(country);
            country = g_strdup(record->country);
        }
        if (!*country && nuts) {
            g_free(country);
            const RnRegion *nation = rn_model_region_ancestor(model, nuts, 0);
            country = g_strdup(nation ? nation->code : "");
        }
        if (!nuts)
            rn_tally_add(&tally, unlocated);
        gboolean merged_org, existed;
        guint org = *org_id ? rn_model_intern_org_id(model, m->scheme, org_id,
                                                     *name ? name : record ? record->name : NULL,
                                                     country, &merged_org)
                            : rn_model_intern_org(model, name, country, &merged_org);
        if (merged_org)
            rn_tally_add(&tally, "rows naming an organisation seen before");
        if (m->col[M_POSTCODE] >= 0)
            rn_model_note_postcode(model, org, rn_csv_field(csv, (guint)m->col[M_POSTCODE]));
        RnOrg *o = &g_array_index(model->orgs, RnOrg, org);
        const char *sector = rn_csv_field_trimmed(csv, m->col[M_SECTOR]);
        if (!*sector && record)
            sector = record->sector;
        if (!*o->sector && *sector && g_ascii_strcasecmp(sector, "n/a") != 0) {
            g_free(o->sector);
            o->sector = m->keep_cells ? g_ascii_strdown(sector, -1) : g_strdup(sector);
        }
        const RnProgramme *prog = &g_array_index(model->programmes, RnProgramme, programme);
        guint project = rn_model_intern_project(model, prog->name, project_id, &existed);
        if (!rn_model_set_project_period(model, project, period))
            rn_tally_add(&tally, "rows whose period differs from their project's (the "
                                 "project's first period is kept)");
        RnProject *pj = &g_array_index(model->projects, RnProject, project);
        add_theme(pj, rn_csv_field_trimmed(csv, m->col[M_THEME]));
        const char *role = rn_csv_field_trimmed(csv, m->col[M_ROLE]);
        if (pj->period != counted_period) { /* interned: compared by address */
            g_free(period_count);
            period_count = g_strdup_printf("rows in period %s",
                                           *pj->period ? pj->period : "(none)");
            counted_period = pj->period;
            lead_only = FALSE;
            const cJSON *p;
            cJSON_ArrayForEach(p, m->lead_only) lead_only |=
                cJSON_IsString(p) && strcmp(p->valuestring, pj->period) == 0;
        }
        rn_tally_add(&tally, period_count);
        if (lead_only)
            rn_tally_add(&tally, is_lead(m, role) ? "rows from a lead-partner-only period"
                                                  : "rows from a lead-partner-only period "
                                                    "not marked lead");
        if (rn_model_add_participation(model, org, project,
                                       is_lead(m, role) ? RN_ROLE_LEAD : RN_ROLE_PARTNER, nuts,
                                       unlocated, country))
            prov->rows_loaded++;
        else
            prov->rows_merged++; /* the same organisation twice in one project */
    }
    return status == RN_CSV_EOF;
}

static gboolean load_organisations(RnModel *model, RnCsv *csv, const Mapping *m,
                                   RnProvenance *prov, const RnLoadOptions *options,
                                   GError **error)
{
    /* A registry without ids (cluster registries) is keyed by the loose key
     * (country, name without case, accents, punctuation, legal form), as
     * registries spell names their own way. */
    gboolean by_name = m->col[M_ORG_ID] < 0;
    if (by_name && (m->col[M_ORG] < 0 || m->col[M_COUNTRY] < 0)) {
        mapping_error(error, m, "an organisation source needs columns.organisation_id, or "
                                "columns.organisation and columns.country");
        return FALSE;
    }
    GHashTable *records = m->registry ? model->registry : model->org_records;
    g_autofree char *not_in_edition =
        g_strdup_printf("region code not in NUTS %s", model->nuts_edition);
    RnCsvStatus status;
    while ((status = rn_csv_next(csv, error)) == RN_CSV_ROW) {
        prov->rows_read++;
        g_autoptr(GError) problem = NULL;
        g_autofree char *id = cell(csv, by_name ? m->col[M_ORG] : m->col[M_ORG_ID]);
        if (!*id) {
            rn_provenance_reject(prov, by_name ? "missing organisation name"
                                               : "missing organisation id");
            continue;
        }
        g_autofree char *country_cell = cell(csv, m->col[M_COUNTRY]);
        g_autofree char *country = rn_country_code(country_cell, prov);
        RnOrg named = {.name = id, .country = country};
        g_autofree char *key = by_name ? rn_org_loose_key(&named)
                                       : g_strconcat(m->scheme, ":", id, NULL);
        if (g_hash_table_contains(records, key)) {
            prov->rows_merged++;
            continue;
        }
        g_autofree char *nuts = NULL;
        const char *unlocated = NULL;
        if (!row_region(model, csv, m, not_in_edition, &nuts, &unlocated, &problem)) {
            if (!rn_row_problem(options, prov, "region cell is not a NUTS code", &problem, error))
                return FALSE;
            continue;
        }
        RnOrgRecord *r = g_new0(RnOrgRecord, 1);
        r->name = cell(csv, m->col[M_ORG]);
        r->country = g_strdup(country);
        r->nuts = g_steal_pointer(&nuts);
        r->unlocated = r->nuts ? NULL : rn_model_intern_string(model, unlocated);
        r->sector = cell(csv, m->col[M_SECTOR]);
        if (!r->nuts)
            rn_provenance_count(prov, unlocated, 1);
        g_hash_table_insert(records, g_steal_pointer(&key), r);
        prov->rows_loaded++;
    }
    return status == RN_CSV_EOF;
}

static gboolean load_projects(RnModel *model, RnCsv *csv, const Mapping *m, RnProvenance *prov,
                              const RnLoadOptions *options, GError **error)
{
    if (m->col[M_PROJECT] < 0 || (m->col[M_PROGRAMME] < 0 && !m->programme)) {
        mapping_error(error, m, "a project source needs columns.project and "
                                "columns.programme or a constant 'programme'");
        return FALSE;
    }
    g_autoptr(GHashTable) seen = g_hash_table_new(g_direct_hash, g_direct_equal);
    RnCsvStatus status;
    while ((status = rn_csv_next(csv, error)) == RN_CSV_ROW) {
        prov->rows_read++;
        g_autoptr(GError) problem = NULL;
        g_autofree char *project_id = cell(csv, m->col[M_PROJECT]);
        guint programme;
        const char *period;
        if (!*project_id || !row_programme(model, csv, m, &programme, &period)) {
            rn_provenance_reject(prov, "missing project key (programme or project)");
            continue;
        }
        double budget = NAN;
        if (m->col[M_BUDGET] >= 0) {
            g_autofree char *text = cell(csv, m->col[M_BUDGET]);
            char *end = NULL;
            if (*text && ((budget = g_ascii_strtod(text, &end)), *end || !isfinite(budget))) {
                g_autofree char *quoted = rn_quote_cell(text);
                rn_csv_set_field_error(csv, (guint)m->col[M_BUDGET], &problem,
                                       "budget %s is not a number; expected e.g. 1250000.50",
                                       quoted);
                if (!rn_row_problem(options, prov, "invalid budget", &problem, error))
                    return FALSE;
                continue;
            }
        }
        gboolean existed;
        const RnProgramme *prog = &g_array_index(model->programmes, RnProgramme, programme);
        guint index = rn_model_intern_project(model, prog->name, project_id, &existed);
        if (!rn_model_set_project_period(model, index, period))
            rn_provenance_count(prov, "rows whose period differs from their project's (the "
                                      "project's first period is kept)", 1);
        RnProject *p = &g_array_index(model->projects, RnProject, index);
        g_autofree char *theme = cell(csv, m->col[M_THEME]);
        add_theme(p, theme);
        if (!isnan(budget))
            p->budget = budget;
        if (!existed)
            rn_provenance_count(prov, "projects without participants", 1);
        if (g_hash_table_contains(seen, GUINT_TO_POINTER(index + 1))) {
            prov->rows_merged++; /* another theme of a project already listed */
            continue;
        }
        g_hash_table_add(seen, GUINT_TO_POINTER(index + 1));
        prov->rows_loaded++;
    }
    return status == RN_CSV_EOF;
}

void rn_apply_cluster_registry(RnModel *model)
{
    if (g_hash_table_size(model->registry) == 0)
        return;
    RnProvenance *prov = rn_model_add_provenance(model, "cluster registry", "cluster-registry");
    for (guint i = 0; i < model->orgs->len; i++) {
        RnOrg *o = &g_array_index(model->orgs, RnOrg, i);
        g_autofree char *made = o->loose ? NULL : rn_org_loose_key(o);
        const RnOrgRecord *r = g_hash_table_lookup(model->registry, o->loose ? o->loose : made);
        prov->rows_read++;
        if (!r) {
            rn_provenance_reject(prov, "organisation not in the registry");
            continue;
        }
        o->cluster = TRUE;
        if (*r->sector) {
            g_free(o->sector);
            o->sector = g_strdup(r->sector);
        }
        prov->rows_loaded++;
    }
    rn_provenance_count(prov, "registry entries", g_hash_table_size(model->registry));
}

gboolean rn_load_mapped(RnModel *model, const char *format, const char *path,
                        const cJSON *source, const char *description, const char *where,
                        const RnLoadOptions *options, GError **error)
{
    Mapping m = {.file = description, .where = where};
    const char *delimiter = optional_string(source, "delimiter");
    if (delimiter && strlen(delimiter) != 1) {
        g_autofree char *quoted = rn_quote_cell(delimiter);
        mapping_error(error, &m, "'delimiter' must be one character, found %s", quoted);
        return FALSE;
    }
    g_autoptr(RnCsv) csv =
        rn_prefetch_open(options->prefetch, path, path, delimiter ? delimiter[0] : 0, error);
    if (!csv || !read_mapping(source, csv, &m, error))
        return FALSE;
    if (m.n_region > 0 && !optional_string(source, "nuts_edition")) {
        mapping_error(error, &m, "'nuts_edition' is missing; a source with region columns "
                                 "names its NUTS edition");
        return FALSE;
    }
    RnProvenance *prov = rn_model_add_provenance(model, path, format);
    if (strcmp(format, "csv-organisations") == 0)
        return load_organisations(model, csv, &m, prov, options, error);
    if (strcmp(format, "csv-projects") == 0)
        return load_projects(model, csv, &m, prov, options, error);
    return load_participations(model, csv, &m, prov, options, error);
}
