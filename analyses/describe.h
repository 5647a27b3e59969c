/*
 * describe.h — what a loaded dataset holds, before any network is built
 * (regnet describe, docs/describe.md): programmes with their periods,
 * periods, themes, countries, NUTS coverage per level, single-participant
 * projects, organisation id schemes, lead-partner-only periods.
 */
#ifndef REGNET_DESCRIBE_H
#define REGNET_DESCRIBE_H

#include "engine/model.h"

/* Counts of one named thing (a programme, period, theme, country, scheme). */
typedef struct {
    char *name;
    guint projects;          /* projects with participants */
    guint participations;
    guint organisations;     /* distinct organisations taking part */
    guint single;            /* projects with one participant */
    guint lead_only;         /* projects whose participants are all leads */
    char **periods;          /* programmes: their periods, sorted (NULL-terminated) */
} RnDescribeEntry;

typedef struct {
    guint organisations, projects, projects_with_participants, participations;
    guint programmes_count;           /* programmes in the model */
    guint projects_without_period;    /* with participants */
    guint participations_without_country;
    guint single_participant_projects; /* of the projects with participants */
    GArray *programmes;   /* RnDescribeEntry, sorted by name */
    GArray *periods;      /* RnDescribeEntry, sorted by name; "" for projects without one */
    GArray *themes;       /* RnDescribeEntry (projects only), by projects descending, then name */
    GArray *countries;    /* RnDescribeEntry, by participations descending, then code */
    GArray *schemes;      /* RnDescribeEntry (organisations only): "scheme" of "scheme:id"
                           * keys, "name" for organisations identified by name and country */
    guint located[4];     /* participations located at NUTS level L or finer */
    guint unlocated;      /* participations without a region */
    GHashTable *unlocated_by_reason; /* char * -> count (owned) */
    GPtrArray *lead_only_periods;    /* char *: periods whose projects all have lead
                                      * participants only */
    guint orgs_with_position;        /* organisations with lon/lat */
} RnDescription;

/*
 * Describes model into d (cleared with rn_description_clear).  A period is
 * lead-partner-only when every participation of its projects is a lead.
 * Time complexity: O(P + J log J + O) for P participations, J projects and
 * O organisations, plus the themes' splitting.
 */
void rn_describe(const RnModel *model, RnDescription *d);
void rn_description_clear(RnDescription *d);

#endif
