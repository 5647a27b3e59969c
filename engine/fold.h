/*
 * fold.h — the form in which names people write are compared: country
 * names in any language, NUTS region names (docs/formats.md).
 */
#ifndef REGNET_FOLD_H
#define REGNET_FOLD_H

#include <glib.h>

/*
 * name case-folded (Unicode), decomposed (NFKD) with accents and other marks
 * dropped, ß as ss, ł as l, đ/ð as d, ø as o, æ as ae, œ as oe, ı as i,
 * and everything but letters and digits removed: "Provence-Alpes-Côte
 * d'Azur" and "PROVENCE ALPES COTE D AZUR" both fold to
 * "provencealpescotedazur".  Caller frees; "" when nothing is left.
 * Time complexity: O(|name|).
 */
char *rn_fold_name(const char *name);

#endif
