/*
 * quote.c — see quote.h.
 */
#include "loaders/quote.h"

/* Valid UTF-8 text cut to RN_QUOTE_MAX_CHARS characters; *length is its
 * length in characters before the cut. */
static char *excerpt(const char *text, glong *length)
{
    g_autofree char *valid = g_utf8_validate(text, -1, NULL) ? NULL : g_utf8_make_valid(text, -1);
    const char *s = valid ? valid : text;
    *length = g_utf8_strlen(s, -1);
    if (*length <= RN_QUOTE_MAX_CHARS)
        return g_strdup(s);
    const char *cut = g_utf8_offset_to_pointer(s, RN_QUOTE_MAX_CHARS);
    return g_strdup_printf("%.*s\xE2\x80\xA6", (int)(cut - s), s);
}

char *rn_excerpt(const char *text)
{
    g_return_val_if_fail(text != NULL, NULL);
    glong length;
    return excerpt(text, &length);
}

char *rn_quote_cell(const char *text)
{
    g_return_val_if_fail(text != NULL, NULL);
    glong length;
    g_autofree char *shown = excerpt(text, &length);
    if (length <= RN_QUOTE_MAX_CHARS)
        return g_strdup_printf("'%s'", shown);
    return g_strdup_printf("'%s' (%ld characters)", shown, length);
}
