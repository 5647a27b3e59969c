/*
 * label_points.c — the NUTS label-point table (see label_points.h).
 *
 * data/nuts/label_points.csv (edition,code,lon,lat,method) is compiled into
 * the program as a GResource and parsed once, on first use.  It is part of
 * the build, not an input: a line that does not parse is a build defect,
 * reported with g_critical and skipped.
 */
#include "engine/label_points.h"

#include <stdlib.h>
#include <string.h>

#include <gio/gio.h>

#include "regnet_resources.h"

#define TABLE_PATH "/regnet/nuts/label_points.csv"

typedef struct {
    double lon, lat;
} Point;

/* "edition|code" -> Point * (both owned). */
static gpointer load_table(gpointer unused)
{
    (void)unused;
    GHashTable *table = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
    g_autoptr(GError) error = NULL;
    g_autoptr(GBytes) bytes = g_resource_lookup_data(rn_get_resource(), TABLE_PATH,
                                                     G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
    if (!bytes) {
        g_critical("%s: %s", TABLE_PATH, error->message);
        return table;
    }
    gsize length = 0;
    const char *data = g_bytes_get_data(bytes, &length);
    g_autofree char *text = g_strndup(data, length);
    g_auto(GStrv) lines = g_strsplit(text, "\n", -1);
    for (guint k = 1; lines[k]; k++) {
        if (!*lines[k])
            continue;
        g_auto(GStrv) f = g_strsplit(lines[k], ",", 6);
        char *end_lon = NULL, *end_lat = NULL;
        if (g_strv_length(f) != 5) {
            g_critical("%s:%u: expected edition,code,lon,lat,method", TABLE_PATH, k + 1);
            continue;
        }
        double lon = g_ascii_strtod(f[2], &end_lon);
        double lat = g_ascii_strtod(f[3], &end_lat);
        if (*end_lon || *end_lat || end_lon == f[2] || end_lat == f[3]) {
            g_critical("%s:%u: lon/lat are not numbers", TABLE_PATH, k + 1);
            continue;
        }
        Point *p = g_new(Point, 1);
        p->lon = lon;
        p->lat = lat;
        g_hash_table_insert(table, g_strconcat(f[0], "|", f[1], NULL), p);
    }
    return table;
}

static GHashTable *point_table(void)
{
    static GOnce once = G_ONCE_INIT;
    return g_once(&once, load_table, NULL);
}

gboolean rn_label_point(const char *edition, const char *code, double *lon, double *lat)
{
    g_return_val_if_fail(code != NULL && lon != NULL && lat != NULL, FALSE);
    if (!edition || !*code)
        return FALSE;
    char key[64];
    if (g_snprintf(key, sizeof key, "%s|%s", edition, code) >= (int)sizeof key)
        return FALSE;
    const Point *p = g_hash_table_lookup(point_table(), key);
    if (!p)
        return FALSE;
    *lon = p->lon;
    *lat = p->lat;
    return TRUE;
}

gboolean rn_country_point(const char *edition, const char *code, double *lon, double *lat)
{
    g_return_val_if_fail(code != NULL && lon != NULL && lat != NULL, FALSE);
    if (strlen(code) != 2)
        return FALSE;
    const char *nuts = strcmp(code, "GR") == 0 ? "EL" : strcmp(code, "GB") == 0 ? "UK" : code;
    return rn_label_point(edition, nuts, lon, lat) || rn_label_point("2016", nuts, lon, lat);
}

const char *rn_label_points_attribution(void)
{
    return "NUTS label points: (c) European Union, Eurostat/GISCO (2016 edition); points of "
           "the 2013, 2021 and 2024 editions derived with the NUTS converter matrices "
           "(c) JRC, European Commission";
}
