/*
 * countries.h — English names of country codes, from the table compiled
 * into the program (data/countries/country_names_en.json, with its
 * attribution).
 *
 * The table also lists other names of each country (rn_country_code_for_name).
 * Codes are as EU sources write them (Eurostat: EL for Greece, UK for the
 * United Kingdom); the ISO 3166 spellings GR and GB are aliases.  Lookups
 * are exact: "el" or "Greece" find nothing.
 */
#ifndef REGNET_COUNTRIES_H
#define REGNET_COUNTRIES_H

#include <glib.h>

/*
 * The English short name of country code ("EL" -> "Greece"), or NULL when
 * the table has none.  The string is owned by the table and lives as long
 * as the process.  Thread-safe: the table is read once, on first use.
 * Time complexity: O(|code|) (O(table) on the first call).
 */
const char *rn_country_name_en(const char *code);

/*
 * The country code (EU spelling: EL, UK) whose English name or other name
 * (the country's own language(s) as the NUTS tables write it, other English
 * spellings; member "other_names" of the table) is name, compared folded
 * (rn_fold_name: case, accents and punctuation ignored): "Sverige",
 * "DEUTSCHLAND", "Espana", "Czech Republic"; a name followed by another in
 * parentheses ("ΕΛΛΑΔΑ (Ellada)") is found by either.  NULL when none.  Owned by the
 * table.  Time complexity: O(|name|).
 */
const char *rn_country_code_for_name(const char *name);

/* The credit line of the country table.  Owned by the table. */
const char *rn_country_names_attribution(void);

#endif
