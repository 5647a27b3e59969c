/*
 * keep.c — loaders for keep.eu (Interact) exports.
 *
 * Partners export: ';'-separated, one row per partner of a project, mixed
 * CRLF/LF line ends.  Region cells read "DEG01  / Erfurt, Kreisfreie Stadt"
 * (code, two spaces, slash, name) or are empty; the country cell reads
 * "DE Germany / DEUTSCHLAND".  A project is Programme + Acronym: acronyms
 * repeat across programmes.
 *
 * Projects sheet: ',' separated, quoted multi-line descriptions, money as
 * "892,228.58", dates as "2015/10/27".  Cross-border programmes with two lead
 * partners (e.g. Sweden - Norway) list such a project twice; the second row
 * is merged into the first and the first row's values are kept.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine/error.h"
#include "loaders/cells.h"
#include "loaders/csv.h"
#include "loaders/loaders.h"
#include "loaders/prefetch.h"

enum {
    P_PROGRAMME, P_ACRONYM, P_PARTNER, P_LEAD, P_LEGAL, P_COUNTRY,
    P_NUTS1, P_NUTS2, P_NUTS3, P_N
};
static const char *const partner_columns[] = {
    "Programme", "Acronym", "Project Partner", "Lead Partner", "Legal Status",
    "Country code", "NUTS1 (or equivalent)", "NUTS2 (or equivalent)",
    "NUTS3 (or equivalent)", NULL};

gboolean rn_load_keep_partners(RnModel *model, const char *path, const char *display,
                               const RnLoadOptions *options, GError **error)
{
    g_return_val_if_fail(model != NULL && path != NULL && options != NULL, FALSE);
    g_return_val_if_fail(error == NULL || *error == NULL, FALSE);
    g_autoptr(RnCsv) csv = rn_prefetch_open(options->prefetch, path, display, ';', error);
    if (!csv)
        return FALSE;
    int col[P_N];
    if (!rn_csv_require_columns(csv, partner_columns, col, error))
        return FALSE;
    int postcode_col = rn_csv_column(csv, "Postal code"); /* optional: corroborates identity */
    RnProvenance *prov = rn_model_add_provenance(model, display, "keep.eu-partners");
    g_autoptr(GHashTable) spellings = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    g_autofree char *not_in_edition =
        g_strdup_printf("region code not in NUTS %s", model->nuts_edition);
    g_auto(RnTally) tally = {.prov = prov};
    RnCsvStatus status;
    while ((status = rn_csv_next(csv, error)) == RN_CSV_ROW) {
        prov->rows_read++;
        g_autoptr(GError) problem = NULL;
        g_autofree char *programme = g_strstrip(g_strdup(rn_csv_field(csv, col[P_PROGRAMME])));
        g_autofree char *acronym = g_strstrip(g_strdup(rn_csv_field(csv, col[P_ACRONYM])));
        g_autofree char *name = g_strstrip(g_strdup(rn_csv_field(csv, col[P_PARTNER])));
        if (!*programme || !*acronym) {
            rn_provenance_reject(prov, "missing project key (programme or acronym)");
            continue;
        }
        if (!*name) {
            rn_provenance_reject(prov, "missing organisation name");
            continue;
        }
        const char *lead = rn_csv_field(csv, col[P_LEAD]);
        if (strcmp(lead, "Yes") != 0 && strcmp(lead, "No") != 0) {
            g_autofree char *quoted = rn_quote_cell(lead);
            rn_csv_set_field_error(csv, col[P_LEAD], &problem,
                                   "lead partner cell %s is neither 'Yes' nor 'No'", quoted);
            if (!rn_row_problem(options, prov, "invalid lead partner cell", &problem, error))
                return FALSE;
            continue;
        }
        /* The most specific region cell whose code the edition knows. */
        const char *chosen = NULL;
        g_autofree char *code1 = NULL, *code2 = NULL, *code3 = NULL;
        char **codes[3] = {&code1, &code2, &code3};
        gboolean any_code = FALSE, bad_cell = FALSE;
        for (int k = 2; k >= 0 && !bad_cell; k--) {
            guint c = (guint)col[P_NUTS1 + k];
            if (!rn_parse_region_cell(rn_csv_field(csv, c), TRUE, codes[k])) {
                g_autofree char *quoted = rn_quote_cell(rn_csv_field(csv, c));
                rn_csv_set_field_error(csv, c, &problem,
                                       "region cell %s is not a NUTS code; expected "
                                       "'CODE  / Name' such as 'DEG01  / Erfurt, "
                                       "Kreisfreie Stadt', or an empty cell", quoted);
                bad_cell = TRUE;
            }
            any_code |= *codes[k] != NULL;
            if (!chosen && *codes[k] && rn_model_region(model, *codes[k]))
                chosen = *codes[k];
        }
        if (bad_cell) {
            if (!rn_row_problem(options, prov, "region cell is not a NUTS code", &problem, error))
                return FALSE;
            continue;
        }
        const char *unlocated = chosen ? NULL
                                : any_code ? not_in_edition
                                           : "no region given";
        if (!chosen)
            rn_tally_add(&tally, unlocated);

        g_autofree char *cell_country = rn_parse_country_cell(rn_csv_field(csv, col[P_COUNTRY]));
        g_autofree char *country = rn_country_code(cell_country, prov);
        if (!*country && chosen) {
            g_free(country);
            const RnRegion *nation = rn_model_region_ancestor(model, chosen, 0);
            country = g_strdup(nation ? nation->code : "");
        }
        g_autofree char *raw = g_strconcat(country, "|", name, NULL);
        if (!g_hash_table_contains(spellings, raw))
            g_hash_table_add(spellings, g_steal_pointer(&raw));
        gboolean merged_org;
        guint org = rn_model_intern_org(model, name, country, &merged_org);
        if (postcode_col >= 0)
            rn_model_note_postcode(model, org, rn_csv_field(csv, (guint)postcode_col));
        RnOrg *o = &g_array_index(model->orgs, RnOrg, org);
        g_autofree char *legal = g_ascii_strdown(rn_csv_field(csv, col[P_LEGAL]), -1);
        g_strstrip(legal);
        if (!*o->sector && (strcmp(legal, "public") == 0 || strcmp(legal, "private") == 0)) {
            g_free(o->sector);
            o->sector = g_strdup(legal);
        }
        if (merged_org)
            rn_tally_add(&tally, "rows naming an organisation seen before");
        gboolean existed;
        guint project = rn_model_intern_project(model, programme, acronym, &existed);
        RnRole role = lead[0] == 'Y' ? RN_ROLE_LEAD : RN_ROLE_PARTNER;
        if (rn_model_add_participation(model, org, project, role, chosen, unlocated, country))
            prov->rows_loaded++;
        else
            prov->rows_merged++; /* same organisation twice in one project */
    }
    if (status != RN_CSV_EOF)
        return FALSE;
    rn_provenance_count(prov, "distinct organisation spellings",
                        g_hash_table_size(spellings));
    return TRUE;
}

enum {
    J_PROGRAMME, J_ACRONYM, J_BUDGET, J_THEME1, J_THEME2, J_THEME3, J_START, J_END, J_N
};
static const char *const project_columns[] = {
    "Programme", "Acronym", "Budget", "Thematic1", "Thematic2", "Thematic3",
    "Project start", "Project end", NULL};

/* Parses "892,228.58" (',' groups thousands) into *value; "" gives NAN. */
static gboolean parse_money(const char *text, double *value)
{
    g_autoptr(GString) digits = g_string_new(NULL);
    for (const char *p = text; *p; p++)
        if (*p != ',' && *p != ' ')
            g_string_append_c(digits, *p);
    if (digits->len == 0) {
        *value = NAN;
        return TRUE;
    }
    char *end = NULL;
    *value = g_ascii_strtod(digits->str, &end);
    return *end == '\0' && isfinite(*value);
}

/* keep.eu's thematic objective "(6) preserving and protecting the environment
 * ... by:" -> "TO6 preserving and protecting the environment ..." (the
 * regulation's TO numbering, trailing " by:" dropped); other text is kept
 * trimmed, "" stays "".  Caller frees. */
static char *thematic_objective(const char *cell)
{
    g_autofree char *text = g_strstrip(g_strdup(cell));
    if (g_str_has_suffix(text, " by:"))
        text[strlen(text) - 4] = '\0';
    int number = 0, consumed = 0;
    if (sscanf(text, "(%d)%n", &number, &consumed) == 1 && consumed > 0 && number >= 1 &&
        number <= 11)
        return g_strdup_printf("TO%d %s", number, g_strchug(text + consumed));
    return g_steal_pointer(&text);
}

/* "2015/10/27" -> "2015-10-27"; "" stays ""; FALSE if not a date. */
static gboolean parse_date(const char *text, char **iso)
{
    int y, m, d;
    char extra;
    if (!*text) {
        *iso = g_strdup("");
        return TRUE;
    }
    if (sscanf(text, "%4d/%2d/%2d%c", &y, &m, &d, &extra) != 3 ||
        !g_date_valid_dmy((GDateDay)d, (GDateMonth)m, (GDateYear)y))
        return FALSE;
    *iso = g_strdup_printf("%04d-%02d-%02d", y, m, d);
    return TRUE;
}

gboolean rn_load_keep_projects(RnModel *model, const char *path, const char *display,
                               const RnLoadOptions *options, GError **error)
{
    g_return_val_if_fail(model != NULL && path != NULL && options != NULL, FALSE);
    g_return_val_if_fail(error == NULL || *error == NULL, FALSE);
    g_autoptr(RnCsv) csv = rn_prefetch_open(options->prefetch, path, display, ',', error);
    if (!csv)
        return FALSE;
    int col[J_N];
    if (!rn_csv_require_columns(csv, project_columns, col, error))
        return FALSE;
    int objective_col = rn_csv_column(csv, "Thematic Obj"); /* optional */
    RnProvenance *prov = rn_model_add_provenance(model, display, "keep.eu-projects");
    g_autoptr(GHashTable) seen = g_hash_table_new(g_direct_hash, g_direct_equal);
    RnCsvStatus status;
    while ((status = rn_csv_next(csv, error)) == RN_CSV_ROW) {
        prov->rows_read++;
        g_autoptr(GError) problem = NULL;
        g_autofree char *programme = g_strstrip(g_strdup(rn_csv_field(csv, col[J_PROGRAMME])));
        g_autofree char *acronym = g_strstrip(g_strdup(rn_csv_field(csv, col[J_ACRONYM])));
        if (!*programme || !*acronym) {
            rn_provenance_reject(prov, "missing project key (programme or acronym)");
            continue;
        }
        double budget;
        if (!parse_money(rn_csv_field(csv, col[J_BUDGET]), &budget)) {
            g_autofree char *quoted = rn_quote_cell(rn_csv_field(csv, col[J_BUDGET]));
            rn_csv_set_field_error(csv, col[J_BUDGET], &problem,
                                   "budget %s is not an amount; expected a number "
                                   "such as 892,228.58", quoted);
            if (!rn_row_problem(options, prov, "invalid budget", &problem, error))
                return FALSE;
            continue;
        }
        g_autofree char *start = NULL, *end = NULL;
        for (int k = J_START; k <= J_END; k++) {
            char **slot = k == J_START ? &start : &end;
            if (!parse_date(rn_csv_field(csv, col[k]), slot)) {
                g_autofree char *quoted = rn_quote_cell(rn_csv_field(csv, col[k]));
                rn_csv_set_field_error(csv, col[k], &problem,
                                       "date %s is not a date; expected YYYY/MM/DD", quoted);
                break;
            }
        }
        if (problem) {
            if (!rn_row_problem(options, prov, "invalid date", &problem, error))
                return FALSE;
            continue;
        }
        gboolean existed;
        guint index = rn_model_intern_project(model, programme, acronym, &existed);
        if (g_hash_table_contains(seen, GUINT_TO_POINTER(index + 1))) {
            prov->rows_merged++;
            continue;
        }
        g_hash_table_add(seen, GUINT_TO_POINTER(index + 1));
        if (!existed)
            rn_provenance_count(prov, "projects without partners", 1);
        RnProject *p = &g_array_index(model->projects, RnProject, index);
        GString *themes = g_string_new(NULL);
        for (int k = J_THEME1; k <= J_THEME3; k++) {
            g_autofree char *t = g_strstrip(g_strdup(rn_csv_field(csv, col[k])));
            if (*t)
                g_string_append_printf(themes, "%s%s", themes->len ? "; " : "", t);
        }
        g_autofree char *objective =
            objective_col >= 0 ? thematic_objective(rn_csv_field(csv, (guint)objective_col)) : NULL;
        if (objective && *objective)
            g_string_append_printf(themes, "%s%s", themes->len ? "; " : "", objective);
        g_free(p->themes);
        p->themes = g_string_free(themes, FALSE);
        p->budget = budget;
        g_free(p->start);
        p->start = g_steal_pointer(&start);
        g_free(p->end);
        p->end = g_steal_pointer(&end);
        prov->rows_loaded++;
    }
    return status == RN_CSV_EOF;
}
