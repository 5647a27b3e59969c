/*
 * describe_report.c — see describe_report.h.
 */
#include "output/describe_report.h"

#include <string.h>

#include "engine/countries.h"
#include "output/sections.h"

static double share(guint part, guint whole)
{
    return whole ? (double)part / whole : 0;
}

static cJSON *strv_array(char **list)
{
    cJSON *a = cJSON_CreateArray();
    for (guint k = 0; list && list[k]; k++)
        cJSON_AddItemToArray(a, cJSON_CreateString(list[k]));
    return a;
}

char *rn_describe_render(const RnDescribeReport *r)
{
    g_return_val_if_fail(r != NULL && r->model != NULL && r->description != NULL, NULL);
    const RnModel *m = r->model;
    const RnDescription *d = r->description;
    cJSON *dataset;
    g_autoptr(cJSON) root = rn_json_document("regnet-description", RN_DESCRIPTION_SCHEMA_VERSION,
                                             r->dataset_name, r->dataset_file, m->attribution,
                                             &dataset);
    cJSON *totals = cJSON_AddObjectToObject(root, "totals");
    cJSON_AddNumberToObject(totals, "organisations", d->organisations);
    cJSON_AddNumberToObject(totals, "organisations_with_position", d->orgs_with_position);
    cJSON_AddNumberToObject(totals, "programmes", d->programmes_count);
    cJSON_AddNumberToObject(totals, "projects", d->projects);
    cJSON_AddNumberToObject(totals, "projects_with_participants", d->projects_with_participants);
    cJSON_AddNumberToObject(totals, "projects_without_period", d->projects_without_period);
    cJSON_AddNumberToObject(totals, "participations", d->participations);
    cJSON_AddNumberToObject(totals, "participations_without_country",
                            d->participations_without_country);
    cJSON_AddNumberToObject(totals, "single_participant_projects", d->single_participant_projects);
    cJSON_AddNumberToObject(totals, "single_participant_share",
                            share(d->single_participant_projects, d->projects_with_participants));
    cJSON *programmes = cJSON_AddArrayToObject(root, "programmes");
    for (guint k = 0; k < d->programmes->len; k++) {
        const RnDescribeEntry *e = &g_array_index(d->programmes, RnDescribeEntry, k);
        cJSON *o = cJSON_CreateObject();
        cJSON_AddStringToObject(o, "name", e->name);
        cJSON_AddItemToObject(o, "periods", strv_array(e->periods));
        cJSON_AddNumberToObject(o, "projects", e->projects);
        cJSON_AddNumberToObject(o, "participations", e->participations);
        cJSON_AddNumberToObject(o, "organisations", e->organisations);
        cJSON_AddNumberToObject(o, "single_participant_projects", e->single);
        cJSON_AddItemToArray(programmes, o);
    }
    cJSON *periods = cJSON_AddArrayToObject(root, "periods");
    for (guint k = 0; k < d->periods->len; k++) {
        const RnDescribeEntry *e = &g_array_index(d->periods, RnDescribeEntry, k);
        cJSON *o = cJSON_CreateObject();
        cJSON_AddStringToObject(o, "name", e->name);
        cJSON_AddNumberToObject(o, "projects", e->projects);
        cJSON_AddNumberToObject(o, "participations", e->participations);
        cJSON_AddNumberToObject(o, "organisations", e->organisations);
        cJSON_AddNumberToObject(o, "single_participant_projects", e->single);
        cJSON_AddBoolToObject(o, "lead_partner_only", e->projects && e->lead_only == e->projects);
        cJSON_AddItemToArray(periods, o);
    }
    cJSON_AddItemToObject(root, "lead_partner_only_periods",
                          rn_json_string_array(d->lead_only_periods));
    cJSON *themes = cJSON_AddArrayToObject(root, "themes");
    for (guint k = 0; k < d->themes->len; k++) {
        const RnDescribeEntry *e = &g_array_index(d->themes, RnDescribeEntry, k);
        cJSON *o = cJSON_CreateObject();
        cJSON_AddStringToObject(o, "name", e->name);
        cJSON_AddNumberToObject(o, "projects", e->projects);
        cJSON_AddItemToArray(themes, o);
    }
    cJSON *countries = cJSON_AddArrayToObject(root, "countries");
    for (guint k = 0; k < d->countries->len; k++) {
        const RnDescribeEntry *e = &g_array_index(d->countries, RnDescribeEntry, k);
        cJSON *o = cJSON_CreateObject();
        cJSON_AddStringToObject(o, "code", e->name);
        rn_json_add_optional_string(o, "label_en", rn_country_name_en(e->name));
        cJSON_AddNumberToObject(o, "participations", e->participations);
        cJSON_AddNumberToObject(o, "organisations", e->organisations);
        cJSON_AddItemToArray(countries, o);
    }
    cJSON *nuts = cJSON_AddObjectToObject(root, "nuts");
    cJSON_AddStringToObject(nuts, "edition", m->nuts_edition);
    rn_json_add_optional_string(nuts, "published_edition", m->published_edition);
    cJSON *levels = cJSON_AddArrayToObject(nuts, "levels");
    for (int level = 0; level < 4; level++) {
        cJSON *o = cJSON_CreateObject();
        cJSON_AddNumberToObject(o, "level", level);
        cJSON_AddNumberToObject(o, "participations_located", d->located[level]);
        cJSON_AddNumberToObject(o, "share", share(d->located[level], d->participations));
        cJSON_AddItemToArray(levels, o);
    }
    cJSON_AddNumberToObject(nuts, "participations_unlocated", d->unlocated);
    cJSON_AddItemToObject(nuts, "unlocated_by_reason", rn_json_count_map(d->unlocated_by_reason));
    cJSON *schemes = cJSON_AddArrayToObject(root, "organisation_id_schemes");
    for (guint k = 0; k < d->schemes->len; k++) {
        const RnDescribeEntry *e = &g_array_index(d->schemes, RnDescribeEntry, k);
        cJSON *o = cJSON_CreateObject();
        cJSON_AddStringToObject(o, "scheme", e->name);
        cJSON_AddNumberToObject(o, "organisations", e->organisations);
        cJSON_AddItemToArray(schemes, o);
    }
    cJSON_AddItemToObject(root, "caveats", rn_json_string_array(m->caveats));
    g_autoptr(GPtrArray) none = g_ptr_array_new();
    cJSON_AddItemToObject(root, "provenance", rn_json_provenance(m, none));
    return rn_json_finish(root);
}

/* Appends at most limit rows of entries (name, then counts). */
static void table_rows(GString *out, const GArray *a, guint limit, gboolean projects_only)
{
    for (guint k = 0; k < a->len && k < limit; k++) {
        const RnDescribeEntry *e = &g_array_index(a, RnDescribeEntry, k);
        if (projects_only)
            g_string_append_printf(out, "  %8u  %s\n", e->projects, e->name);
        else
            g_string_append_printf(out, "  %8u %8u  %s\n", e->participations, e->organisations,
                                   e->name);
    }
    if (a->len > limit)
        g_string_append_printf(out, "  ... %u more (all in the JSON: --output FILE)\n",
                               a->len - limit);
}

char *rn_describe_table(const RnDescribeReport *r)
{
    g_return_val_if_fail(r != NULL && r->model != NULL && r->description != NULL, NULL);
    const RnModel *m = r->model;
    const RnDescription *d = r->description;
    GString *out = g_string_new(NULL);
    g_string_append_printf(out, "%s\n", r->dataset_name);
    g_string_append_printf(out, "  %u participations of %u organisations in %u projects "
                           "(%u with participants) of %u programmes\n",
                           d->participations, d->organisations, d->projects,
                           d->projects_with_participants, d->programmes_count);
    g_string_append_printf(out, "  single-participant projects: %u (%.1f%%)\n",
                           d->single_participant_projects,
                           100 * share(d->single_participant_projects,
                                       d->projects_with_participants));
    g_string_append(out, "\nProgrammes (use the exact name with --programme or --programmes)\n");
    g_string_append(out, "  projects  particip.  periods          programme\n");
    for (guint k = 0; k < d->programmes->len; k++) {
        const RnDescribeEntry *e = &g_array_index(d->programmes, RnDescribeEntry, k);
        g_autofree char *periods = e->periods && e->periods[0] ? g_strjoinv(",", e->periods)
                                                               : g_strdup("(none)");
        g_string_append_printf(out, "  %8u  %9u  %-16s %s\n", e->projects, e->participations,
                               periods, e->name);
    }
    g_string_append(out, "\nPeriods (use with --period or --periods)\n");
    g_string_append(out, "  projects  particip.   orgs  single  period\n");
    for (guint k = 0; k < d->periods->len; k++) {
        const RnDescribeEntry *e = &g_array_index(d->periods, RnDescribeEntry, k);
        g_string_append_printf(out, "  %8u  %9u  %5u  %6u  %s%s\n", e->projects,
                               e->participations, e->organisations, e->single, e->name,
                               e->projects && e->lead_only == e->projects
                                   ? "  (lead partners only)" : "");
    }
    if (d->projects_without_period)
        g_string_append_printf(out, "  %8u projects without a period\n",
                               d->projects_without_period);
    g_string_append_printf(out, "\nNUTS %s coverage (published edition %s): participations "
                           "located at level\n", m->nuts_edition,
                           m->published_edition ? m->published_edition : m->nuts_edition);
    for (int level = 0; level < 4; level++)
        g_string_append_printf(out, "  NUTS%d  %8u  %5.1f%%\n", level, d->located[level],
                               100 * share(d->located[level], d->participations));
    g_string_append_printf(out, "  unlocated %u\n", d->unlocated);
    g_string_append(out, "\nCountries (participations, organisations)\n");
    table_rows(out, d->countries, 15, FALSE);
    g_string_append(out, "\nThemes (projects)\n");
    table_rows(out, d->themes, 15, TRUE);
    if (!d->themes->len)
        g_string_append(out, "  (none)\n");
    g_string_append(out, "\nOrganisation identifiers\n");
    for (guint k = 0; k < d->schemes->len; k++) {
        const RnDescribeEntry *e = &g_array_index(d->schemes, RnDescribeEntry, k);
        g_string_append_printf(out, "  %8u  %s\n", e->organisations,
                               strcmp(e->name, "name") == 0 ? "by name and country" : e->name);
    }
    if (m->caveats->len) {
        g_string_append(out, "\nCaveats\n");
        for (guint k = 0; k < m->caveats->len; k++)
            g_string_append_printf(out, "  - %s\n", (const char *)g_ptr_array_index(m->caveats, k));
    }
    return g_string_free(out, FALSE);
}
