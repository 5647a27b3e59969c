/*
 * sector_rules.h — CORDIS activity types (HES, REC, PRC, PUB, OTH) inferred
 * from organisation names and legal forms, for sources that give none
 * (keep.eu knows only public/private).  The rule table is
 * data/sector_rules.tsv, compiled into the program; docs/sectors.md states
 * the rules' sources and their measured precision and recall.
 */
#ifndef REGNET_SECTOR_RULES_H
#define REGNET_SECTOR_RULES_H

#include "engine/model.h"

typedef struct RnSectorRules RnSectorRules;

/*
 * Parses a rule table (the format of data/sector_rules.tsv: class, pattern,
 * languages, note; '#' comments).  name is used in messages.  Errors:
 * RN_ERROR_DATA "NAME:LINE:COL: ..." for an unknown class or an empty
 * pattern.  Caller frees.  Time complexity: O(|text|).
 */
RnSectorRules *rn_sector_rules_parse(const char *text, const char *name, GError **error);

/* The built-in table (data/sector_rules.tsv), parsed once; owned by the
 * library.  Never NULL: the build checks the table. */
const RnSectorRules *rn_sector_rules_default(void);

void rn_sector_rules_free(RnSectorRules *rules);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(RnSectorRules, rn_sector_rules_free)

/* Number of rules in the table. */
guint rn_sector_rules_count(const RnSectorRules *rules);

/*
 * The activity type of an organisation named name: the class of the first
 * rule whose pattern matches the normalised name (see data/sector_rules.tsv),
 * else "PUB" when legal_status is "public" (keep.eu's legal status; NULL or
 * "" when unknown), else NULL.  *rule (may be NULL) receives the matching
 * pattern, "legal status public", or NULL.  Strings are static or owned by
 * rules.  Time complexity: O(rules x |name|).
 */
const char *rn_sector_rules_classify(const RnSectorRules *rules, const char *name,
                                     const char *legal_status, const char **rule);

/* Is sector one of the CORDIS activity types HES, REC, PRC, PUB, OTH? */
gboolean rn_sector_is_activity_type(const char *sector);

/*
 * The text rules match against: case-folded, accents removed, '.', '/' and
 * apostrophes deleted, other non-alphanumerics as single spaces, with one
 * space before and after.  Caller frees.  Time complexity: O(|name|).
 */
char *rn_sector_rules_normalise(const char *name);

/*
 * Gives every organisation that takes part through a row of a flagged source
 * (source_flagged[provenance index]) and has no activity type the class
 * rn_sector_rules_classify finds for its name (its current sector, keep.eu's
 * "public" or "private", serving as the legal status), marking it
 * RnOrg.sector_inferred; an organisation no rule classifies keeps no sector
 * ("" — a legal status is not an activity type).  Counts, in the provenance
 * of the organisation's first flagged file, "sector inferred from name: HES"
 * (and so on), "sector inferred from legal status: PUB" and "sector not
 * inferred (no rule matched)".  Returns how many organisations were
 * classified.  Time complexity: O(P + O x rules x |name|).
 */
guint rn_model_infer_sectors(RnModel *model, const RnSectorRules *rules,
                             const gboolean *source_flagged);

#endif
