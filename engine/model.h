/*
 * model.h — the one in-memory model every loader fills.
 *
 * Organisations, projects, programmes, regions (from a NUTS table),
 * sectors and participations, plus the provenance of every input file:
 * how many rows were read, loaded, merged and rejected, and why.
 *
 * Strings are owned by the model.  Entities refer to each other by index
 * into the model's arrays; indices are stable once assigned.
 */
#ifndef REGNET_MODEL_H
#define REGNET_MODEL_H

#include <glib.h>

typedef enum {
    RN_ROLE_PARTNER = 0,
    RN_ROLE_LEAD = 1,
} RnRole;

typedef struct {
    char *key;          /* identity: "scheme:id", or country + "|" + folded name */
    char *name;         /* first spelling seen (the id when no name is known) */
    char *country;      /* country code as the source spells it, "" if unknown */
    char *sector;       /* sector label (keep.eu: legal status), "" if unknown */
    gboolean sector_inferred; /* sector inferred from the name (engine/sector_rules.h) */
    guint n_rows;       /* input rows that named this organisation */
    gboolean cluster;   /* listed in a cluster registry */
    double lon, lat;    /* location in decimal degrees (WGS 84) from the sources' lon/lat
                         * columns: the first non-empty pair; NAN when none was given */
    char *loose;        /* loose key (rn_org_loose_key) of a name-identified organisation,
                         * set by rn_model_merge_by_postcode; NULL before or for ids */
} RnOrg;

typedef struct {
    char *key;          /* programme + "\x1f" + acronym */
    char *acronym;      /* project acronym */
    guint programme;    /* index into programmes */
    char *themes;       /* themes joined with "; ", "" if unknown */
    double budget;      /* total budget in EUR, NAN if unknown */
    char *start;        /* start date YYYY-MM-DD, "" if unknown */
    char *end;          /* end date YYYY-MM-DD, "" if unknown */
    const char *period; /* interned period of the project, "" if unknown: the period its
                         * rows or its project-table row give (mapped sources), else its
                         * programme's period.  Periods belong to projects, not programmes:
                         * one programme may hold projects of several periods. */
    gboolean period_given; /* period came from a row (not the programme's default) */
} RnProject;

typedef struct {
    char *name;         /* programme name as published */
    char *period;       /* default period of its projects: parsed from the name ("2014-2020")
                         * or a source's constant; "" if none */
} RnProgramme;

typedef struct {
    char *code;         /* NUTS code */
    int level;          /* 0..3 */
    char *name;         /* Latin-script name */
    char *country;      /* country code (first two letters) */
    guint parent;       /* index + 1 into regions of the region one level up, 0 at
                         * level 0; set when the NUTS table loads (rn_load_nuts) */
} RnRegion;

typedef struct {
    guint org;          /* index into orgs */
    guint project;      /* index into projects */
    RnRole role;        /* lead or partner */
    char *nuts;         /* most specific valid NUTS code of the row, or NULL */
    const char *unlocated; /* interned reason when nuts is NULL */
    const char *country;/* interned country code of the row, "" if unknown */
    guint source;       /* index into provenance: the file of the row */
} RnParticipation;

/* Row accounting for one input file: read = loaded + merged + rejected. */
typedef struct {
    char *file;         /* path as the dataset description gives it */
    char *format;       /* source format name */
    guint rows_read;
    guint rows_loaded;
    guint rows_merged;
    guint rows_rejected;
    GHashTable *rejected_by_reason; /* char * -> GUINT_TO_POINTER(count) */
    GHashTable *counters;           /* other named counts, same shape */
    GPtrArray *skipped;             /* char *: the first messages of rows skipped as malformed */
} RnProvenance;

/* How many skipped-row messages a provenance record keeps. */
#define RN_SKIPPED_LISTED 100

/* What an organisation table says of an organisation id (csv-organisations). */
typedef struct {
    char *name;
    char *country;
    char *nuts;             /* valid NUTS code or NULL */
    const char *unlocated;  /* reason when nuts is NULL (interned) */
    char *sector;
    double lon, lat;        /* NAN when not given */
} RnOrgRecord;

/* A normalised postcode a row gave for a name-identified organisation. */
typedef struct {
    guint org;              /* index into orgs */
    const char *postcode;   /* interned, normalised (rn_postcode_normalise) */
} RnOrgPostcode;

/* Organisations joined because their loose keys and a postcode agree. */
typedef struct {
    char *kept;             /* identity key of the organisation kept */
    GPtrArray *merged;      /* char *: identity keys joined into it, sorted */
    GPtrArray *postcodes;   /* char *: the shared postcodes, sorted */
} RnOrgMerge;

typedef struct {
    char *nuts_edition;     /* edition of the region table, e.g. "2013" */
    GArray *orgs;           /* RnOrg */
    GArray *projects;       /* RnProject */
    GArray *programmes;     /* RnProgramme */
    GArray *regions;        /* RnRegion, in table order */
    GArray *participations; /* RnParticipation */
    GPtrArray *provenance;  /* RnProvenance * */
    GHashTable *org_index;       /* key -> index + 1 */
    GHashTable *project_index;   /* key -> index + 1 */
    GHashTable *programme_index; /* name -> index + 1 */
    GHashTable *region_index;    /* code -> index + 1 */
    GHashTable *participation_index; /* (org << 32 | project) -> index + 1 */
    GStringChunk *strings;       /* interned reasons */
    GHashTable *org_records;     /* "scheme:id" -> RnOrgRecord * */
    GHashTable *registry;        /* organisation key -> RnOrgRecord *: cluster registry */
    GPtrArray *caveats;          /* char *: coverage notes from dataset descriptions */
    char *attribution;           /* the description's credit line, NULL when it gives none */
    char *published_edition;     /* NUTS edition the sources use, before any harmonisation */
    GArray *org_postcodes;       /* RnOrgPostcode: postcodes seen with name-identified orgs */
    GPtrArray *postcode_merges;  /* RnOrgMerge *: groups rn_model_merge_by_postcode joined */
    guint last_project;          /* index + 1 of the project interned last, 0 if none */
    GString *key_buffer;         /* scratch for identity keys */
} RnModel;

RnModel *rn_model_new(void);
void rn_model_free(RnModel *model);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(RnModel, rn_model_free)

/* Adds a provenance record for file; the model owns it. */
RnProvenance *rn_model_add_provenance(RnModel *model, const char *file,
                                      const char *format);
/* Counts one rejected row under reason. */
void rn_provenance_reject(RnProvenance *prov, const char *reason);
/* Counts a malformed row skipped under reason, keeping its message
 * (FILE:LINE:COL: ...) among the first RN_SKIPPED_LISTED. */
void rn_provenance_skip(RnProvenance *prov, const char *reason, const char *message);
/* Adds n to the named counter. */
void rn_provenance_count(RnProvenance *prov, const char *counter, guint n);
/* Adds n to key's count in table (char * owned by the table -> GUINT_TO_POINTER
 * count), copying key the first time.  Time complexity: O(|key|). */
void rn_count_add(GHashTable *table, const char *key, guint n);

/*
 * Organisation identity key: the name case-folded (Unicode), NFKC-normalised,
 * with runs of white space collapsed to one space and ends trimmed, prefixed
 * by the upper-cased country code.  Caller frees.
 */
char *rn_org_key(const char *name, const char *country);

/*
 * Finds or adds the organisation (name, country).  Returns its index;
 * *merged is TRUE when it already existed.  Time complexity: O(|name|).
 */
guint rn_model_intern_org(RnModel *model, const char *name,
                          const char *country, gboolean *merged);
/*
 * Finds or adds the organisation identified by (scheme, id), e.g. ("pic",
 * "998616262"); name may be NULL or "" (the id then stands for it).
 */
guint rn_model_intern_org_id(RnModel *model, const char *scheme, const char *id,
                             const char *name, const char *country, gboolean *merged);
/* Finds or adds a programme; its period is parsed from the name. */
guint rn_model_intern_programme(RnModel *model, const char *name);
/* Finds or adds a programme with an explicit period. */
guint rn_model_intern_programme_period(RnModel *model, const char *name, const char *period);
/* Finds or adds the project (programme, acronym); *existed reports a hit. */
guint rn_model_intern_project(RnModel *model, const char *programme,
                              const char *acronym, gboolean *existed);
/*
 * Gives project the period a row or a project table states.  A project
 * whose period is only its programme's default takes it; one whose period
 * was given before keeps it and FALSE is returned (a conflict, for the
 * caller to count).  "" is ignored (TRUE).  Time complexity: O(|period|).
 */
gboolean rn_model_set_project_period(RnModel *model, guint project, const char *period);
/*
 * The distinct non-empty periods of the model's projects, sorted by name
 * (strings borrowed from the model; caller unrefs the array).
 * Time complexity: O(projects).
 */
GPtrArray *rn_model_periods(const RnModel *model);
/* Looks up a project; returns FALSE if absent. */
gboolean rn_model_find_project(const RnModel *model, const char *programme,
                               const char *acronym, guint *index);
/*
 * Adds a participation unless (org, project) already participates; returns
 * TRUE when added.  The row is attributed to the most recently added
 * provenance record (the file being loaded).  A repeat keeps the first row's region and upgrades the
 * role to lead if the repeat is a lead.  unlocated, the reason, is required
 * when nuts is NULL.
 */
gboolean rn_model_add_participation(RnModel *model, guint org, guint project,
                                    RnRole role, const char *nuts,
                                    const char *unlocated, const char *country);
/* Region by code, or NULL. */
const RnRegion *rn_model_region(const RnModel *model, const char *code);
/*
 * The region at NUTS level that contains the region code: the region itself
 * at its own level, else its parent, grandparent, ... as the NUTS table
 * links them (RnRegion.parent; not always the code cut to 2 + level
 * characters: NUTS 2016 puts UKN10 in UKN0).  This is the one roll-up of a
 * code to a coarser level; nothing else cuts codes.  Returns NULL when code
 * is not in the table or is coarser than level (a level-1 code has no
 * level-2 region).  The result is owned by the model.
 * Time complexity: O(|code|) (one lookup, at most three steps up).
 */
const RnRegion *rn_model_region_ancestor(const RnModel *model, const char *code, int level);
/* Index into model->regions of region (a pointer into that array). */
guint rn_model_region_index(const RnModel *model, const RnRegion *region);
/* Interns a reason string for the lifetime of the model. */
const char *rn_model_intern_string(RnModel *model, const char *s);

/*
 * Loose identity key of an organisation: country, then the name case-folded
 * without accents, punctuation or legal-form words (gmbh, ltd, sa, ...).
 * Caller frees.  Time complexity: O(|name|).
 */
char *rn_org_loose_key(const RnOrg *org);

/*
 * Groups of name-identified organisations whose loose keys agree although
 * their identity keys differ: candidates for a manual merge.  Each group is
 * a sorted GPtrArray of identity keys (borrowed from the model); groups are
 * sorted by first key.  Caller unrefs.  Time complexity: O(organisations).
 */
GPtrArray *rn_model_near_duplicates(const RnModel *model);

/*
 * Postcode for identity: upper-cased, letters and digits only, and a leading
 * country prefix of 1-3 letters dropped when 3 or more digits follow
 * ("A-1030" and "1030", "FI-20520" and "20520" agree; "4612 PX" stays
 * "4612PX").  Caller frees; "" when nothing is left.
 */
char *rn_postcode_normalise(const char *raw);

/* Records that a row gave postcode raw for the name-identified organisation
 * org; ignored for organisations identified by an id and for empty codes. */
void rn_model_note_postcode(RnModel *model, guint org, const char *raw);

/*
 * Joins name-identified organisations whose loose keys agree and which share
 * a postcode (transitively); the organisation interned first is kept, with
 * its spelling, and takes over the others' rows, sector and cluster flag.
 * Participations that become repeats of one (organisation, project) pair
 * are merged as rn_model_add_participation does, and their rows move from
 * rows_loaded to rows_merged of their file.  Identity keys of the joined
 * organisations keep resolving (org_index) to the kept one.  Records the
 * groups in model->postcode_merges; returns how many organisations were
 * joined into others.  First sets RnOrg.loose of every name-identified
 * organisation.  Call once, after every source is loaded.
 * Time complexity: O(P + O + N) for P participations, O organisations and
 * N noted postcodes, plus the loose keys' O(|name|) each.
 */
guint rn_model_merge_by_postcode(RnModel *model);

/* "2014 - 2020 INTERREG ..." (hyphen or en dash) -> "2014-2020"; "" when the
 * name starts with no period. */
char *rn_period_from_programme(const char *name);

#endif
