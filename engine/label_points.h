/*
 * label_points.h — map points (longitude, latitude, WGS 84) of NUTS regions
 * and countries, from the table compiled into the program
 * (data/nuts/label_points.csv, built by scripts/make_label_points.py from
 * the Eurostat/GISCO 2016 label points and the JRC converter matrices;
 * docs/maps.md states how a point is chosen for a region that changed
 * between editions).
 *
 * Editions with points: 2013, 2016, 2021, 2024.  Lookups are exact on the
 * code; a region of another edition, an Extra-Regio code (..ZZ) or a code
 * outside the table has no point.
 */
#ifndef REGNET_LABEL_POINTS_H
#define REGNET_LABEL_POINTS_H

#include <glib.h>

/*
 * The point of NUTS region code in edition ("2016", "DE21") into *lon and
 * *lat; FALSE (and both untouched) when the table has none.  Thread-safe:
 * the table is read once, on first use.
 * Time complexity: O(|code|) (O(table) on the first call).
 */
gboolean rn_label_point(const char *edition, const char *code, double *lon, double *lat);

/*
 * The point of country code: the level-0 region's point in edition, else
 * the 2016 one (the United Kingdom has no NUTS 2021 regions); the ISO
 * spellings GR and GB stand for EL and UK.  FALSE when neither exists
 * (countries outside NUTS: Ukraine, Russia, ...).  edition may be NULL.
 * Time complexity: O(|code|).
 */
gboolean rn_country_point(const char *edition, const char *code, double *lon, double *lat);

/* The credit line of the point table.  Static string. */
const char *rn_label_points_attribution(void);

#endif
