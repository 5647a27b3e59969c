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

#include "engine/countries.h"
#include "engine/error.h"
#include "loaders/cells.h"
#include "loaders/csv.h"
#include "loaders/description.h"
#include "loaders/json_records.h"
#include "loaders/mapped.h"
#include "loaders/prefetch.h"
#include "loaders/region_names.h"

/* Column roles a mapping may name (region: columns.region, a list, or a
 * constant). */
enum {
    M_PROJECT, M_PROGRAMME, M_PERIOD, M_ORG, M_ORG_ID, M_COUNTRY, M_ROLE, M_SECTOR,
    M_THEME, M_BUDGET, M_POSTCODE, M_LON, M_LAT, M_REGION, M_N
};
static const char *const role_names[M_N + 1] = {
    "project", "programme", "period", "organisation", "organisation_id", "country", "role",
    "sector", "theme", "budget", "postcode", "lon", "lat", "region", NULL};

/* Members of a mapped source (docs/formats.md). */
static const char *const source_members[] = {
    "format", "file", "nuts_edition", "delimiter", "records", "columns", "constants",
    "programme", "period", "organisation_id_scheme", "lead_values",
    "lead_partner_only_periods", "region_cells", "sector_from_names", "cluster_registry",
    "null_values", "country_names", "region_names", "region_levels", "invalid_region",
    "periods", "where", NULL};
static const char *const filter_members[] = {"column", "in", "not_in", "matches", NULL};

#define MAX_REGION_COLUMNS 4

/* A named period: dates as YYYYMMDD, bounds included. */
typedef struct {
    const char *name;
    guint from, to;
} PeriodRange;

/* A row filter of "where". */
typedef struct {
    int col;
    GHashTable *values;      /* in / not_in: the values (borrowed strings) */
    gboolean keep_listed;    /* in: keep rows whose value is listed; not_in: drop them */
    GRegex *regex;           /* matches: the whole cell must match */
    char *reason;            /* rejected_by_reason key */
} Filter;

static void free_filter(gpointer p)
{
    Filter *f = p;
    if (f->values)
        g_hash_table_unref(f->values);
    if (f->regex)
        g_regex_unref(f->regex);
    g_free(f->reason);
    g_free(f);
}

typedef struct {
    const char *file;        /* description path, for messages */
    const char *where;       /* "sources[k]" */
    int col[M_N];            /* column index or -1 */
    const char *constant[M_N]; /* constant value of a role without a column, or NULL */
    int region[MAX_REGION_COLUMNS]; /* region columns, most specific first */
    int region_level[MAX_REGION_COLUMNS]; /* NUTS level of each, -1: any */
    guint n_region;
    gboolean keep_cells;     /* "CODE  / Name" cells */
    const char *programme;   /* constant programme, or NULL */
    const char *period;      /* constant period (the programme's default), or NULL */
    const char *scheme;      /* organisation id scheme */
    const cJSON *lead_values;/* array of strings meaning "lead" */
    const cJSON *lead_only;  /* array of periods whose rows are lead partners only */
    gboolean registry;       /* csv-organisations: a cluster registry */
    GHashTable *nulls;       /* null_values (borrowed strings), NULL if none */
    gboolean country_names;  /* country cells may hold names */
    RnRegionNames *names;    /* region cells may hold names: the index, else NULL */
    gboolean unlocate;       /* invalid_region "unlocated" */
    GArray *periods;         /* PeriodRange, NULL if no "periods" */
    GPtrArray *filters;      /* Filter * */
} Mapping;

static void mapping_clear(Mapping *m)
{
    g_clear_pointer(&m->nulls, g_hash_table_unref);
    g_clear_pointer(&m->names, rn_region_names_free);
    g_clear_pointer(&m->periods, g_array_unref);
    g_clear_pointer(&m->filters, g_ptr_array_unref);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC(Mapping, mapping_clear)

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

/* A column of the mapping the file lacks: "FILE:1:1: header has no column
 * 'x' (MEMBER in DESCRIPTION)", or for JSON records "FILE: no record has a
 * member 'x' (...)". */
static void missing_column(GError **error, const RnCsv *csv, const Mapping *m,
                           const char *name, const char *member)
{
    g_autofree char *quoted = name ? rn_quote_cell(name) : NULL;
    if (rn_csv_is_records(csv))
        g_set_error(error, RN_ERROR, RN_ERROR_DATA, "%s: no record has a member %s (%s in %s)",
                    rn_csv_name(csv), quoted ? quoted : "(not a string)", member, m->file);
    else
        g_set_error(error, RN_ERROR, RN_ERROR_DATA, "%s:1:1: header has no column %s (%s in %s)",
                    rn_csv_name(csv), quoted ? quoted : "(not a string)", member, m->file);
}

/* Is item a boolean (or absent)?  Its value into *value. */
static gboolean read_flag(const cJSON *source, const char *name, const Mapping *m,
                          gboolean *value, GError **error)
{
    const cJSON *item = cJSON_GetObjectItemCaseSensitive(source, name);
    *value = cJSON_IsTrue(item);
    if (item && !cJSON_IsBool(item)) {
        mapping_error(error, m, "'%s' must be true or false", name);
        return FALSE;
    }
    return TRUE;
}

/* A bound of a "periods" range: a year, "YYYY", "YYYY-MM" or "YYYY-MM-DD",
 * as YYYYMMDD (the first day it covers, or the last for an upper bound).
 * FALSE when it is none of those. */
static gboolean parse_date(const char *text, gboolean upper, guint *date)
{
    guint y = 0, mo = 0, d = 0;
    int n = 0;
    const char *p = text;
    for (; g_ascii_isdigit(*p) && n < 4; p++, n++)
        y = y * 10 + (guint)(*p - '0');
    if (n != 4 || y < 1000)
        return FALSE;
    if (*p == '-' && g_ascii_isdigit(p[1]) && g_ascii_isdigit(p[2])) {
        mo = (guint)(p[1] - '0') * 10 + (guint)(p[2] - '0');
        p += 3;
        if (*p == '-' && g_ascii_isdigit(p[1]) && g_ascii_isdigit(p[2])) {
            d = (guint)(p[1] - '0') * 10 + (guint)(p[2] - '0');
            p += 3;
        }
    }
    /* A time may follow a date ("2017-05-03T00:00:00", "2017-05-03 00:00"). */
    if (*p && !(d && (*p == 'T' || *p == ' ')))
        return FALSE;
    if ((mo && (mo < 1 || mo > 12)) || (d && d > 31))
        return FALSE;
    if (!mo)
        mo = upper ? 12 : 1;
    if (!d)
        d = upper ? 31 : 1;
    *date = y * 10000 + mo * 100 + d;
    return TRUE;
}

static gboolean read_periods(const cJSON *source, Mapping *m, GError **error)
{
    const cJSON *periods = cJSON_GetObjectItemCaseSensitive(source, "periods");
    if (!periods)
        return TRUE;
    if (!cJSON_IsObject(periods) || !periods->child) {
        mapping_error(error, m, "'periods' must be an object of named ranges, e.g. "
                                "{\"2014-2020\": [2014, 2020]}");
        return FALSE;
    }
    m->periods = g_array_new(FALSE, FALSE, sizeof(PeriodRange));
    const cJSON *range;
    cJSON_ArrayForEach(range, periods) {
        g_autofree char *name = rn_excerpt(range->string);
        PeriodRange r = {.name = range->string};
        gboolean ok = cJSON_IsArray(range) && cJSON_GetArraySize(range) == 2 && *range->string;
        for (int k = 0; ok && k < 2; k++) {
            const cJSON *bound = cJSON_GetArrayItem(range, k);
            g_autofree char *text = cJSON_IsNumber(bound) ? g_strdup_printf("%d", bound->valueint)
                                    : cJSON_IsString(bound) ? g_strdup(bound->valuestring)
                                                            : NULL;
            ok = text && (!cJSON_IsNumber(bound) || bound->valuedouble == bound->valueint) &&
                 parse_date(text, k == 1, k == 0 ? &r.from : &r.to);
        }
        if (!ok || r.from > r.to) {
            mapping_error(error, m, "periods.%s must be [FROM, TO], years or ISO dates, FROM "
                                    "not after TO, e.g. [2014, 2020] or [\"2014-01-01\", "
                                    "\"2020-12-31\"]", name);
            return FALSE;
        }
        for (guint k = 0; k < m->periods->len; k++) {
            const PeriodRange *o = &g_array_index(m->periods, PeriodRange, k);
            if (r.from <= o->to && o->from <= r.to) {
                g_autofree char *other = rn_excerpt(o->name);
                mapping_error(error, m, "periods.%s overlaps periods.%s; expected ranges "
                                        "that share no day", name, other);
                return FALSE;
            }
        }
        g_array_append_val(m->periods, r);
    }
    return TRUE;
}

static gboolean read_filters(const cJSON *source, const RnCsv *csv, Mapping *m, GError **error)
{
    m->filters = g_ptr_array_new_with_free_func(free_filter);
    const cJSON *where = cJSON_GetObjectItemCaseSensitive(source, "where");
    if (!where)
        return TRUE;
    if (!cJSON_IsArray(where)) {
        mapping_error(error, m, "'where' must be an array of filters such as {\"column\": "
                                "\"partner_type\", \"not_in\": [\"THIRD_PARTY\"]}");
        return FALSE;
    }
    int index = 0;
    const cJSON *item;
    cJSON_ArrayForEach(item, where) {
        g_autofree char *at = g_strdup_printf("%s.where[%d]", m->where, index);
        if (!rn_description_check_members(item, filter_members, m->file, at, error))
            return FALSE;
        const char *column = optional_string(item, "column");
        const cJSON *in = cJSON_GetObjectItemCaseSensitive(item, "in");
        const cJSON *not_in = cJSON_GetObjectItemCaseSensitive(item, "not_in");
        const cJSON *matches = cJSON_GetObjectItemCaseSensitive(item, "matches");
        if (!cJSON_IsObject(item) || !column || (in != NULL) + (not_in != NULL) + (matches != NULL) != 1) {
            g_set_error(error, RN_ERROR, RN_ERROR_DATA,
                        "%s: %s: expected {\"column\": NAME} with one of \"in\": [values], "
                        "\"not_in\": [values] or \"matches\": REGEX", m->file, at);
            return FALSE;
        }
        g_autofree char *member = g_strdup_printf("where[%d].column", index);
        Filter *f = g_new0(Filter, 1);
        g_ptr_array_add(m->filters, f);
        if ((f->col = rn_csv_column(csv, column)) < 0) {
            missing_column(error, csv, m, column, member);
            return FALSE;
        }
        g_autofree char *shown = rn_excerpt(column);
        if (matches) {
            g_autoptr(GError) bad = NULL;
            g_autofree char *anchored = cJSON_IsString(matches)
                                            ? g_strdup_printf("^(?:%s)$", matches->valuestring)
                                            : NULL;
            f->regex = anchored ? g_regex_new(anchored, G_REGEX_OPTIMIZE, 0, &bad) : NULL;
            if (!f->regex) {
                g_set_error(error, RN_ERROR, RN_ERROR_DATA,
                            "%s: %s.matches: %s; expected a regular expression (PCRE)",
                            m->file, at, bad ? bad->message : "not a string");
                return FALSE;
            }
            f->reason = g_strdup_printf("excluded by where[%d] (%s does not match)", index,
                                        shown);
        } else {
            const cJSON *list = in ? in : not_in;
            f->keep_listed = in != NULL;
            f->values = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
            gboolean strings = cJSON_IsArray(list);
            const cJSON *v;
            cJSON_ArrayForEach(v, list) {
                strings &= cJSON_IsString(v);
                if (cJSON_IsString(v))
                    g_hash_table_add(f->values, g_strstrip(g_strdup(v->valuestring)));
            }
            if (!strings) {
                g_set_error(error, RN_ERROR, RN_ERROR_DATA,
                            "%s: %s.%s: expected an array of strings", m->file, at,
                            in ? "in" : "not_in");
                return FALSE;
            }
            f->reason = g_strdup_printf("excluded by where[%d] (%s %s)", index, shown,
                                        in ? "not in the values of 'in'" : "in 'not_in'");
        }
        index++;
    }
    return TRUE;
}

/* Resolves the mapping's column names against the header and reads the
 * source's members. */
static gboolean read_mapping(const cJSON *source, const RnCsv *csv, RnModel *model, Mapping *m,
                             GError **error)
{
    /* A role written as a member of the source ("country": "SE") belongs in
     * columns or constants: say so rather than list every member. */
    const cJSON *member;
    cJSON_ArrayForEach(member, source) {
        if (!g_strv_contains(source_members, member->string) &&
            g_strv_contains(role_names, member->string)) {
            g_set_error(error, RN_ERROR, RN_ERROR_DATA,
                        "%s: %s.%s: unknown member; a role goes in \"columns\" (naming a "
                        "column) or \"constants\" (a value for every row), e.g. "
                        "\"constants\": {\"%s\": ...}", m->file, m->where, member->string,
                        member->string);
            return FALSE;
        }
    }
    if (!rn_description_check_members(source, source_members, m->file, m->where, error))
        return FALSE;
    const cJSON *columns = cJSON_GetObjectItemCaseSensitive(source, "columns");
    if (!cJSON_IsObject(columns)) {
        mapping_error(error, m, "'columns' is missing; expected an object mapping roles "
                                "(project, organisation, ...) to column names");
        return FALSE;
    }
    for (int r = 0; r < M_N; r++)
        m->col[r] = -1;
    for (int k = 0; k < MAX_REGION_COLUMNS; k++)
        m->region_level[k] = -1;
    g_autofree char *columns_at = g_strdup_printf("%s.columns", m->where);
    if (!rn_description_check_members(columns, role_names, m->file, columns_at, error))
        return FALSE;
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
                    missing_column(error, csv, m, cJSON_IsString(name) ? name->valuestring : NULL,
                                   "columns.region");
                    return FALSE;
                }
                m->region[m->n_region++] = index;
            }
            continue;
        }
        int r = 0;
        while (r < M_N && strcmp(role_names[r], role) != 0)
            r++;
        if (!cJSON_IsString(item) || (m->col[r] = rn_csv_column(csv, item->valuestring)) < 0) {
            g_autofree char *member = g_strdup_printf("columns.%s", role);
            missing_column(error, csv, m, cJSON_IsString(item) ? item->valuestring : NULL, member);
            return FALSE;
        }
    }
    /* Constants: the old members programme and period, and "constants". */
    m->programme = optional_string(source, "programme");
    m->period = optional_string(source, "period");
    const cJSON *constants = cJSON_GetObjectItemCaseSensitive(source, "constants");
    g_autofree char *constants_at = g_strdup_printf("%s.constants", m->where);
    if (constants && !cJSON_IsObject(constants)) {
        mapping_error(error, m, "'constants' must be an object of role -> value, e.g. "
                                "{\"country\": \"SE\"}");
        return FALSE;
    }
    if (!rn_description_check_members(constants, role_names, m->file, constants_at, error))
        return FALSE;
    cJSON_ArrayForEach(item, constants) {
        int r = 0;
        while (r < M_N && strcmp(role_names[r], item->string) != 0)
            r++;
        gboolean clash = (r == M_PROGRAMME && m->programme) || (r == M_PERIOD && m->period);
        if (!cJSON_IsString(item) || !*item->valuestring || clash || m->col[r] >= 0 ||
            (r == M_REGION && m->n_region > 0)) {
            mapping_error(error, m, "constants.%s must be a non-empty string, for a role "
                                    "without a column (columns.%s) and, for programme and "
                                    "period, without the member '%s'", item->string,
                          item->string, item->string);
            return FALSE;
        }
        m->constant[r] = item->valuestring;
    }
    if (m->constant[M_PROGRAMME])
        m->programme = m->constant[M_PROGRAMME];
    if (m->constant[M_PERIOD])
        m->period = m->constant[M_PERIOD];
    if (m->col[M_PROGRAMME] < 0)
        m->constant[M_PROGRAMME] = m->programme;
    if (m->col[M_PERIOD] < 0)
        m->constant[M_PERIOD] = m->period;

    const char *syntax = optional_string(source, "region_cells");
    m->keep_cells = syntax && strcmp(syntax, "keep.eu") == 0;
    m->scheme = optional_string(source, "organisation_id_scheme");
    if (!m->scheme)
        m->scheme = "id";
    m->lead_values = cJSON_GetObjectItemCaseSensitive(source, "lead_values");
    m->lead_only = cJSON_GetObjectItemCaseSensitive(source, "lead_partner_only_periods");
    m->registry = cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(source, "cluster_registry"));

    const cJSON *nulls = cJSON_GetObjectItemCaseSensitive(source, "null_values");
    if (nulls) {
        gboolean strings = cJSON_IsArray(nulls);
        m->nulls = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
        cJSON_ArrayForEach(item, nulls) {
            strings &= cJSON_IsString(item);
            if (cJSON_IsString(item))
                g_hash_table_add(m->nulls, g_strstrip(g_strdup(item->valuestring)));
        }
        if (!strings) {
            mapping_error(error, m, "'null_values' must be an array of strings, e.g. "
                                    "[\"-\", \"NA\", \"n/a\"]");
            return FALSE;
        }
    }
    gboolean region_names = FALSE;
    if (!read_flag(source, "country_names", m, &m->country_names, error) ||
        !read_flag(source, "region_names", m, &region_names, error))
        return FALSE;
    if (region_names)
        m->names = rn_region_names_new(model);
    const cJSON *levels = cJSON_GetObjectItemCaseSensitive(source, "region_levels");
    if (levels) {
        gboolean ok = cJSON_IsArray(levels) && (guint)cJSON_GetArraySize(levels) == m->n_region;
        int k = 0;
        cJSON_ArrayForEach(item, levels) {
            ok &= cJSON_IsNumber(item) && item->valueint >= 0 && item->valueint <= 3 &&
                  item->valuedouble == item->valueint;
            if (ok)
                m->region_level[k++] = item->valueint;
        }
        if (!ok) {
            mapping_error(error, m, "'region_levels' must give a NUTS level 0-3 for each of "
                                    "the %u region columns, e.g. [3, 2]", m->n_region);
            return FALSE;
        }
    }
    const cJSON *invalid = cJSON_GetObjectItemCaseSensitive(source, "invalid_region");
    if (invalid) {
        if (!cJSON_IsString(invalid) || (strcmp(invalid->valuestring, "error") != 0 &&
                                         strcmp(invalid->valuestring, "unlocated") != 0)) {
            mapping_error(error, m, "'invalid_region' must be \"error\" (the default) or "
                                    "\"unlocated\"");
            return FALSE;
        }
        m->unlocate = strcmp(invalid->valuestring, "unlocated") == 0;
    }
    if (!read_periods(source, m, error) || !read_filters(source, csv, m, error))
        return FALSE;
    /* A constant period given as a year or date is named by "periods" too: it is
     * also the default period of the source's programmes. */
    guint date;
    for (guint k = 0; m->period && m->periods && k < m->periods->len; k++) {
        const PeriodRange *r = &g_array_index(m->periods, PeriodRange, k);
        if (strcmp(r->name, m->period) != 0 && parse_date(m->period, FALSE, &date) &&
            date >= r->from && date <= r->to) {
            m->period = r->name;
            if (m->col[M_PERIOD] < 0)
                m->constant[M_PERIOD] = r->name;
            break;
        }
    }
    return TRUE;
}

/* The value of role on the current row: its cell trimmed ("" when it is one
 * of null_values), or the role's constant, or "".  Borrowed. */
static inline const char *get(RnCsv *csv, const Mapping *m, int role)
{
    if (m->col[role] < 0)
        return m->constant[role] ? m->constant[role] : "";
    const char *v = rn_csv_field_trimmed(csv, m->col[role]);
    if (m->nulls && *v && g_hash_table_contains(m->nulls, v))
        return "";
    return v;
}

/* A trimmed copy of a role's value ("" for an absent column). */
static char *cell(RnCsv *csv, const Mapping *m, int role)
{
    return g_strdup(get(csv, m, role));
}

/* Does the row pass every "where" filter?  Else *reason names the first it fails. */
static gboolean row_passes(RnCsv *csv, const Mapping *m, const char **reason)
{
    for (guint k = 0; k < m->filters->len; k++) {
        const Filter *f = g_ptr_array_index(m->filters, k);
        const char *v = rn_csv_field_trimmed(csv, f->col);
        gboolean pass = f->regex ? g_regex_match(f->regex, v, 0, NULL)
                                 : g_hash_table_contains(f->values, v) == f->keep_listed;
        if (!pass) {
            *reason = f->reason;
            return FALSE;
        }
    }
    return TRUE;
}

/* Why a region cell is left unlocated with invalid_region "unlocated". */
#define UNLOCATED_NOT_CODE "region cell is not a NUTS code"
#define UNLOCATED_NO_NAME "region name matches no region"
#define UNLOCATED_NAMES "region name matches several regions"

/* The most specific region the edition knows.  *code (caller frees) is NULL
 * with *reason set when there is none; *by_name tells that a name gave it.
 * FALSE on a malformed cell (problem set; never with invalid_region
 * "unlocated", which leaves the row unlocated instead). */
static gboolean row_region(const RnModel *model, RnCsv *csv, const Mapping *m,
                           const char *not_in_edition, char **code, const char **reason,
                           gboolean *by_name, GError **problem)
{
    *code = NULL;
    *by_name = FALSE;
    *reason = "no region given";
    guint n = m->n_region ? m->n_region : m->constant[M_REGION] ? 1 : 0;
    for (guint k = 0; k < n; k++) {
        g_autofree char *candidate = NULL;
        gboolean column = m->n_region > 0;
        guint c = column ? (guint)m->region[k] : 0;
        const char *text = column ? rn_csv_field_trimmed(csv, (int)c) : m->constant[M_REGION];
        if (!*text || (m->nulls && g_hash_table_contains(m->nulls, text)))
            continue;
        gboolean shaped = rn_parse_region_cell(text, m->keep_cells, &candidate);
        if (shaped && candidate && rn_model_region(model, candidate)) {
            *code = g_steal_pointer(&candidate);
            return TRUE;
        }
        if (!m->names) {
            if (shaped) {
                if (candidate)
                    *reason = not_in_edition;
                continue;
            }
            if (m->unlocate) {
                *reason = UNLOCATED_NOT_CODE;
                continue;
            }
            g_autofree char *quoted = rn_quote_cell(text);
            if (column)
                rn_csv_set_field_error(csv, c, problem,
                                       "region cell %s is not a NUTS code; expected %s, or an "
                                       "empty cell", quoted,
                                       m->keep_cells ? "'CODE  / Name' such as 'DEG01  / "
                                                       "Erfurt, Kreisfreie Stadt'"
                                                     : "a code such as 'DEG01'");
            else
                mapping_error(problem, m, "constants.region %s is not a NUTS code", quoted);
            return FALSE;
        }
        /* A name (or a code the edition does not know, which may be a name such as WIEN). */
        g_autofree char *candidates = NULL;
        const RnRegion *found = NULL;
        guint matches = rn_region_names_find(m->names, text, m->region_level[k], &found,
                                             m->unlocate ? NULL : &candidates);
        if (found) {
            *code = g_strdup(found->code);
            *by_name = TRUE;
            return TRUE;
        }
        if (shaped && candidate && matches == 0) {
            *reason = not_in_edition;
            continue;
        }
        if (m->unlocate) {
            *reason = matches > 1 ? UNLOCATED_NAMES : UNLOCATED_NO_NAME;
            continue;
        }
        g_autofree char *quoted = rn_quote_cell(text);
        g_autofree char *level = m->region_level[k] >= 0
                                     ? g_strdup_printf(" at level %d", m->region_level[k])
                                     : g_strdup("");
        if (column)
            rn_csv_set_field_error(csv, c, problem,
                                   "region cell %s is neither a NUTS %s code nor the name of "
                                   "one region%s (%s); candidates: %s", quoted,
                                   model->nuts_edition, level,
                                   matches > 1 ? "several regions have it" : "no region has it",
                                   candidates);
        else
            mapping_error(problem, m, "constants.region %s is neither a NUTS %s code nor the "
                                      "name of one region%s; candidates: %s", quoted,
                          model->nuts_edition, level, candidates);
        return FALSE;
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
 * (the constant 'period', else parsed from its name).  FALSE if the row
 * names no programme. */
static gboolean row_programme(RnModel *model, RnCsv *csv, const Mapping *m, guint *programme)
{
    const char *name = get(csv, m, M_PROGRAMME);
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

typedef enum { PERIOD_OK, PERIOD_REJECTED, PERIOD_MALFORMED } PeriodStatus;

/* The row's own period into *period ("" when it has none): the cell or
 * constant, mapped into a named range with "periods" (a value equal to a
 * range's name is kept).  PERIOD_REJECTED: in no range; PERIOD_MALFORMED:
 * neither a year nor a date (problem set). */
static PeriodStatus row_period(RnCsv *csv, const Mapping *m, const char **period,
                               GError **problem)
{
    *period = get(csv, m, M_PERIOD);
    if (!m->periods || !**period)
        return PERIOD_OK;
    guint date;
    for (guint k = 0; k < m->periods->len; k++) {
        const PeriodRange *r = &g_array_index(m->periods, PeriodRange, k);
        if (strcmp(r->name, *period) == 0)
            return PERIOD_OK;
    }
    if (!parse_date(*period, FALSE, &date)) {
        g_autofree char *quoted = rn_quote_cell(*period);
        if (m->col[M_PERIOD] >= 0)
            rn_csv_set_field_error(csv, (guint)m->col[M_PERIOD], problem,
                                   "period %s is not a year or a date; expected e.g. 2017 or "
                                   "2017-05-31, or the name of one of 'periods'", quoted);
        else
            mapping_error(problem, m, "constants.period %s is not a year or a date", quoted);
        return PERIOD_MALFORMED;
    }
    for (guint k = 0; k < m->periods->len; k++) {
        const PeriodRange *r = &g_array_index(m->periods, PeriodRange, k);
        if (date >= r->from && date <= r->to) {
            *period = r->name;
            return PERIOD_OK;
        }
    }
    return PERIOD_REJECTED;
}

/* The row's country code into *country (caller frees; "" if none).  With
 * country_names a name becomes its code (*by_name set); an unknown name is
 * malformed (problem set, FALSE). */
static gboolean row_country(RnCsv *csv, const Mapping *m, RnProvenance *prov, char **country,
                            gboolean *by_name, GError **problem)
{
    const char *raw = get(csv, m, M_COUNTRY);
    *by_name = FALSE;
    g_autofree char *cell_country = m->keep_cells ? rn_parse_country_cell(raw) : NULL;
    if (cell_country && (*cell_country || !m->country_names))
        raw = cell_country; /* keep.eu: "DE Germany / DEUTSCHLAND" */
    gboolean code_shaped = (strlen(raw) == 2 && g_ascii_isalpha(raw[0]) && g_ascii_isalpha(raw[1]));
    if (!m->country_names || !*raw || code_shaped) {
        *country = rn_country_code(raw, prov);
        return TRUE;
    }
    const char *code = rn_country_code_for_name(raw);
    if (!code) {
        g_autofree char *quoted = rn_quote_cell(raw);
        if (m->col[M_COUNTRY] >= 0)
            rn_csv_set_field_error(csv, (guint)m->col[M_COUNTRY], problem,
                                   "country %s is neither a country code nor a country name "
                                   "regnet knows; expected a code such as 'SE' or a name in "
                                   "English or the country's language such as 'Sweden' or "
                                   "'Sverige'", quoted);
        else
            mapping_error(problem, m, "constants.country %s is neither a country code nor a "
                                      "country name regnet knows", quoted);
        return FALSE;
    }
    *by_name = TRUE;
    *country = g_strdup(code);
    return TRUE;
}

/* lon and lat of the row into *lon, *lat (NAN when the row gives none).
 * FALSE on a cell that is not a number in range (problem set). */
static gboolean row_position(RnCsv *csv, const Mapping *m, double *lon, double *lat,
                             GError **problem)
{
    *lon = *lat = NAN;
    const int roles[2] = {M_LON, M_LAT};
    double *out[2] = {lon, lat};
    const double limit[2] = {180, 90};
    for (int k = 0; k < 2; k++) {
        const char *text = get(csv, m, roles[k]);
        if (!*text)
            continue;
        char *end = NULL;
        double v = g_ascii_strtod(text, &end);
        if (*end || !isfinite(v) || fabs(v) > limit[k]) {
            g_autofree char *quoted = rn_quote_cell(text);
            if (m->col[roles[k]] >= 0)
                rn_csv_set_field_error(csv, (guint)m->col[roles[k]], problem,
                                       "%s %s is not in decimal degrees; expected a number "
                                       "from -%g to %g", role_names[roles[k]], quoted,
                                       limit[k], limit[k]);
            else
                mapping_error(problem, m, "constants.%s %s is not in decimal degrees",
                              role_names[roles[k]], quoted);
            return FALSE;
        }
        *out[k] = v;
    }
    if (isnan(*lon) != isnan(*lat))
        *lon = *lat = NAN; /* half a position is none; counted by the caller */
    return TRUE;
}

/* Gives org the position (first non-empty wins); counts a conflicting one. */
static void note_position(RnOrg *o, double lon, double lat, RnTally *tally)
{
    if (isnan(lon))
        return;
    if (isnan(o->lon)) {
        o->lon = lon;
        o->lat = lat;
    } else if (fabs(o->lon - lon) > 1e-9 || fabs(o->lat - lat) > 1e-9) {
        rn_tally_add(tally, "rows whose lon/lat differ from their organisation's (the first "
                            "is kept)");
    }
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

/* The start of every row: counts it, applies "where".  FALSE when a filter
 * rejected it. */
static gboolean row_start(RnCsv *csv, const Mapping *m, RnProvenance *prov)
{
    prov->rows_read++;
    const char *reason;
    if (m->filters->len && !row_passes(csv, m, &reason)) {
        rn_provenance_reject(prov, reason);
        return FALSE;
    }
    return TRUE;
}

#define PERIOD_IN_NO_RANGE "period in no range of 'periods'"
#define PERIOD_DIFFERS "rows whose period differs from their project's (the project's first " \
                       "period is kept)"

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
        if (!row_start(csv, m, prov))
            continue;
        g_autoptr(GError) problem = NULL;
        /* Fields are trimmed in place: no copy per cell. */
        const char *project_id = get(csv, m, M_PROJECT);
        const char *name = get(csv, m, M_ORG);
        const char *org_id = get(csv, m, M_ORG_ID);
        guint programme;
        if (!*project_id || !row_programme(model, csv, m, &programme)) {
            rn_provenance_reject(prov, "missing project key (programme or project)");
            continue;
        }
        if (m->col[M_ORG_ID] >= 0 ? !*org_id : !*name) {
            rn_provenance_reject(prov, m->col[M_ORG_ID] >= 0 ? "missing organisation id"
                                                             : "missing organisation name");
            continue;
        }
        const char *period;
        PeriodStatus ps = row_period(csv, m, &period, &problem);
        if (ps == PERIOD_REJECTED) {
            rn_provenance_reject(prov, PERIOD_IN_NO_RANGE);
            continue;
        }
        if (ps == PERIOD_MALFORMED) {
            if (!rn_row_problem(options, prov, "period cell is not a year or a date", &problem,
                                error))
                return FALSE;
            continue;
        }
        g_autofree char *nuts = NULL;
        const char *unlocated = NULL;
        gboolean region_by_name;
        if (!row_region(model, csv, m, not_in_edition, &nuts, &unlocated, &region_by_name,
                        &problem)) {
            if (!rn_row_problem(options, prov, "region cell is not a NUTS code", &problem, error))
                return FALSE;
            continue;
        }
        g_autofree char *country = NULL;
        gboolean country_by_name;
        if (!row_country(csv, m, prov, &country, &country_by_name, &problem)) {
            if (!rn_row_problem(options, prov, "unknown country", &problem, error))
                return FALSE;
            continue;
        }
        double lon, lat;
        if (!row_position(csv, m, &lon, &lat, &problem)) {
            if (!rn_row_problem(options, prov, "lon or lat not in decimal degrees", &problem,
                                error))
                return FALSE;
            continue;
        }
        if (region_by_name)
            rn_tally_add(&tally, "region cells given by name");
        if (country_by_name)
            rn_tally_add(&tally, "country cells given by name");
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
            rn_model_note_postcode(model, org, get(csv, m, M_POSTCODE));
        RnOrg *o = &g_array_index(model->orgs, RnOrg, org);
        if (isnan(lon) && record) {
            lon = record->lon;
            lat = record->lat;
        }
        note_position(o, lon, lat, &tally);
        const char *sector = get(csv, m, M_SECTOR);
        if (!*sector && record)
            sector = record->sector;
        if (!*o->sector && *sector && g_ascii_strcasecmp(sector, "n/a") != 0) {
            g_free(o->sector);
            o->sector = m->keep_cells ? g_ascii_strdown(sector, -1) : g_strdup(sector);
        }
        const RnProgramme *prog = &g_array_index(model->programmes, RnProgramme, programme);
        guint project = rn_model_intern_project(model, prog->name, project_id, &existed);
        if (!rn_model_set_project_period(model, project, period))
            rn_tally_add(&tally, PERIOD_DIFFERS);
        RnProject *pj = &g_array_index(model->projects, RnProject, project);
        add_theme(pj, get(csv, m, M_THEME));
        const char *role = get(csv, m, M_ROLE);
        if (pj->period != counted_period) { /* interned: compared by address */
            g_free(period_count);
            period_count = *pj->period ? g_strdup_printf("rows in period %s", pj->period)
                                       : g_strdup("rows without a period (a project table "
                                                  "loaded later may give their project one)");
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
    if (by_name && (m->col[M_ORG] < 0 || (m->col[M_COUNTRY] < 0 && !m->constant[M_COUNTRY]))) {
        mapping_error(error, m, "an organisation source needs columns.organisation_id, or "
                                "columns.organisation and columns.country");
        return FALSE;
    }
    GHashTable *records = m->registry ? model->registry : model->org_records;
    g_autofree char *not_in_edition =
        g_strdup_printf("region code not in NUTS %s", model->nuts_edition);
    g_auto(RnTally) tally = {.prov = prov};
    RnCsvStatus status;
    while ((status = rn_csv_next(csv, error)) == RN_CSV_ROW) {
        if (!row_start(csv, m, prov))
            continue;
        g_autoptr(GError) problem = NULL;
        g_autofree char *id = cell(csv, m, by_name ? M_ORG : M_ORG_ID);
        if (!*id) {
            rn_provenance_reject(prov, by_name ? "missing organisation name"
                                               : "missing organisation id");
            continue;
        }
        g_autofree char *country = NULL;
        gboolean country_by_name;
        if (!row_country(csv, m, prov, &country, &country_by_name, &problem)) {
            if (!rn_row_problem(options, prov, "unknown country", &problem, error))
                return FALSE;
            continue;
        }
        RnOrg named = {.name = id, .country = country};
        g_autofree char *key = by_name ? rn_org_loose_key(&named)
                                       : g_strconcat(m->scheme, ":", id, NULL);
        if (g_hash_table_contains(records, key)) {
            prov->rows_merged++;
            continue;
        }
        g_autofree char *nuts = NULL;
        const char *unlocated = NULL;
        gboolean region_by_name;
        if (!row_region(model, csv, m, not_in_edition, &nuts, &unlocated, &region_by_name,
                        &problem)) {
            if (!rn_row_problem(options, prov, "region cell is not a NUTS code", &problem, error))
                return FALSE;
            continue;
        }
        double lon, lat;
        if (!row_position(csv, m, &lon, &lat, &problem)) {
            if (!rn_row_problem(options, prov, "lon or lat not in decimal degrees", &problem,
                                error))
                return FALSE;
            continue;
        }
        if (region_by_name)
            rn_tally_add(&tally, "region cells given by name");
        if (country_by_name)
            rn_tally_add(&tally, "country cells given by name");
        RnOrgRecord *r = g_new0(RnOrgRecord, 1);
        r->name = cell(csv, m, M_ORG);
        r->country = g_strdup(country);
        r->nuts = g_steal_pointer(&nuts);
        r->unlocated = r->nuts ? NULL : rn_model_intern_string(model, unlocated);
        r->sector = cell(csv, m, M_SECTOR);
        r->lon = lon;
        r->lat = lat;
        if (!r->nuts)
            rn_tally_add(&tally, unlocated);
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
        if (!row_start(csv, m, prov))
            continue;
        g_autoptr(GError) problem = NULL;
        g_autofree char *project_id = cell(csv, m, M_PROJECT);
        guint programme;
        if (!*project_id || !row_programme(model, csv, m, &programme)) {
            rn_provenance_reject(prov, "missing project key (programme or project)");
            continue;
        }
        const char *period;
        PeriodStatus ps = row_period(csv, m, &period, &problem);
        if (ps == PERIOD_REJECTED) {
            rn_provenance_reject(prov, PERIOD_IN_NO_RANGE);
            continue;
        }
        if (ps == PERIOD_MALFORMED) {
            if (!rn_row_problem(options, prov, "period cell is not a year or a date", &problem,
                                error))
                return FALSE;
            continue;
        }
        double budget = NAN;
        if (m->col[M_BUDGET] >= 0) {
            g_autofree char *text = cell(csv, m, M_BUDGET);
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
            rn_provenance_count(prov, PERIOD_DIFFERS, 1);
        RnProject *p = &g_array_index(model->projects, RnProject, index);
        add_theme(p, get(csv, m, M_THEME));
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
    g_return_if_fail(model != NULL);
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
    g_return_val_if_fail(model != NULL && format != NULL && path != NULL && source != NULL &&
                             description != NULL && where != NULL && options != NULL, FALSE);
    g_return_val_if_fail(error == NULL || *error == NULL, FALSE);
    g_auto(Mapping) m = {.file = description, .where = where};
    gboolean json = g_str_has_prefix(format, "json");
    const char *delimiter = optional_string(source, "delimiter");
    const char *records = optional_string(source, "records");
    if (delimiter && (strlen(delimiter) != 1 || json)) {
        g_autofree char *quoted = rn_quote_cell(delimiter);
        mapping_error(error, &m, "'delimiter' must be one character, on a CSV source; found %s",
                      quoted);
        return FALSE;
    }
    if (cJSON_GetObjectItemCaseSensitive(source, "records") && (!json || !records)) {
        mapping_error(error, &m, "'records' names the member holding the records of a JSON "
                                 "source (format json, json-organisations, json-projects), "
                                 "e.g. \"data.items\"");
        return FALSE;
    }
    g_autoptr(RnCsv) csv =
        json ? rn_json_records_open(path, path, records, error)
             : rn_prefetch_open(options->prefetch, path, path, delimiter ? delimiter[0] : 0, error);
    if (!csv || !read_mapping(source, csv, model, &m, error))
        return FALSE;
    if (m.n_region > 0 && !optional_string(source, "nuts_edition")) {
        mapping_error(error, &m, "'nuts_edition' is missing; a source with region columns "
                                 "names its NUTS edition");
        return FALSE;
    }
    RnProvenance *prov = rn_model_add_provenance(model, path, format);
    if (g_str_has_suffix(format, "-organisations"))
        return load_organisations(model, csv, &m, prov, options, error);
    if (g_str_has_suffix(format, "-projects"))
        return load_projects(model, csv, &m, prov, options, error);
    return load_participations(model, csv, &m, prov, options, error);
}
