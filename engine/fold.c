/*
 * fold.c — see fold.h.
 */
#include "engine/fold.h"

#include <string.h>

/* Letters NFKD does not decompose into a base letter and marks. */
static const char *fold_letter(gunichar c)
{
    switch (c) {
    case 0x00DF: return "ss"; /* ß */
    case 0x0142: return "l";  /* ł */
    case 0x0111: return "d";  /* đ */
    case 0x00F0: return "d";  /* ð */
    case 0x00F8: return "o";  /* ø */
    case 0x00E6: return "ae"; /* æ */
    case 0x0153: return "oe"; /* œ */
    case 0x00FE: return "th"; /* þ */
    case 0x0131: return "i";  /* dotless i */
    default: return NULL;
    }
}

char *rn_fold_name(const char *name)
{
    g_return_val_if_fail(name != NULL, NULL);
    gboolean ascii = TRUE;
    for (const char *p = name; *p && ascii; p++)
        ascii = (unsigned char)*p < 0x80;
    GString *out = g_string_sized_new(strlen(name));
    if (ascii) {
        for (const char *p = name; *p; p++)
            if (g_ascii_isalnum(*p))
                g_string_append_c(out, g_ascii_tolower(*p));
        return g_string_free(out, FALSE);
    }
    g_autofree char *valid = g_utf8_make_valid(name, -1);
    g_autofree char *folded = g_utf8_casefold(valid, -1);
    g_autofree char *decomposed = g_utf8_normalize(folded, -1, G_NORMALIZE_NFKD);
    for (const char *p = decomposed; p && *p; p = g_utf8_next_char(p)) {
        gunichar c = g_utf8_get_char(p);
        const char *letter = fold_letter(c);
        if (letter)
            g_string_append(out, letter);
        else if (!g_unichar_ismark(c) && g_unichar_isalnum(c))
            g_string_append_unichar(out, c);
    }
    return g_string_free(out, FALSE);
}
