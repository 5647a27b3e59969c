/*
 * recommend.c — partner recommendations (docs/recommend.md): node profiles
 * (themes, sectors, activity), the attribute scores, ids as users type them,
 * candidate filters, the best k candidates of each node and what explains
 * them.  The combined score is fitted in recommend_model.c; the validation
 * on a later period is recommend_eval.c.
 *
 * Limits: geography is the cross-border flag only (the model holds no
 * coordinates); the combined score ranks, it is not a probability of
 * collaborating (its training pairs are balanced).
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "analyses/recommend.h"
#include "engine/error.h"

const char *const rn_score_names[RN_SCORES] = {
    "common_neighbours", "adamic_adar", "resource_allocation", "jaccard",
    "preferential_attachment", "common_neighbours_weighted", "adamic_adar_weighted",
    "resource_allocation_weighted", "jaccard_weighted", "preferential_attachment_weighted",
    "theme_similarity", "sector_complementarity", "cross_border", "activity"};

/* ---- profiles ----------------------------------------------------------- */

static int compare_strings(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static int compare_u64(const void *a, const void *b)
{
    guint64 x = *(const guint64 *)a, y = *(const guint64 *)b;
    return x < y ? -1 : x > y;
}

/* The keys of table (char * -> anything) sorted, as a new array of copies;
 * table's values become the sorted index + 1.  *n receives the count. */
static char **sorted_names(GHashTable *table, guint *n)
{
    *n = g_hash_table_size(table);
    char **names = (char **)g_hash_table_get_keys_as_array(table, NULL);
    qsort(names, *n, sizeof(char *), compare_strings);
    char **copies = g_new0(char *, *n + 1);
    for (guint i = 0; i < *n; i++) {
        copies[i] = g_strdup(names[i]);
        g_hash_table_insert(table, names[i], GUINT_TO_POINTER(i + 1));
    }
    g_free(names);
    return copies;
}

void rn_node_profiles_build(const RnModel *model, const RnNetwork *net, const RnMembership *mb,
                            const gboolean *hidden, RnNodeProfiles *p)
{
    g_return_if_fail(model != NULL && net != NULL && mb != NULL && p != NULL);
    memset(p, 0, sizeof *p);
    guint n = mb->n_nodes;
    p->n = n;
    /* Countries as numbers: the pair scores compare them millions of times. */
    p->country_id = g_new0(guint, n + 1);
    g_autoptr(GHashTable) countries = g_hash_table_new(g_str_hash, g_str_equal);
    for (guint i = 0; i < n; i++) {
        const char *code = g_array_index(net->nodes, RnNode, i).country;
        if (!*code)
            continue;
        gpointer id = g_hash_table_lookup(countries, code);
        if (!id) {
            id = GUINT_TO_POINTER(g_hash_table_size(countries) + 1);
            g_hash_table_insert(countries, (gpointer)code, id);
        }
        p->country_id[i] = GPOINTER_TO_UINT(id);
    }

    /* Themes: (node, theme) pairs of visible projects, counted. */
    g_autoptr(GHashTable) theme_ids = g_hash_table_new(g_str_hash, g_str_equal);
    g_autoptr(GStringChunk) strings = g_string_chunk_new(4096);
    g_autoptr(GArray) pairs = g_array_new(FALSE, FALSE, sizeof(guint64));
    g_autoptr(GPtrArray) first_seen = g_ptr_array_new(); /* theme id -> name */
    for (guint q = 0; q < mb->n_projects; q++) {
        if (hidden && hidden[q])
            continue;
        const RnProject *project = &g_array_index(model->projects, RnProject, mb->project[q]);
        if (!*project->themes)
            continue;
        g_auto(GStrv) each = g_strsplit(project->themes, "; ", -1);
        for (guint t = 0; each[t]; t++) {
            if (!*each[t])
                continue;
            gpointer id = g_hash_table_lookup(theme_ids, each[t]);
            if (!id) {
                char *name = g_string_chunk_insert_const(strings, each[t]);
                g_ptr_array_add(first_seen, name);
                id = GUINT_TO_POINTER(first_seen->len);
                g_hash_table_insert(theme_ids, name, id);
            }
            for (guint k = mb->project_offset[q]; k < mb->project_offset[q + 1]; k++) {
                guint64 pair = (guint64)mb->project_node[k] << 32 | (GPOINTER_TO_UINT(id) - 1);
                g_array_append_val(pairs, pair);
            }
        }
    }
    /* Renumber themes in name order. */
    g_autofree guint *renumber = g_new(guint, first_seen->len + 1);
    p->theme_names = sorted_names(theme_ids, &p->n_themes);
    for (guint t = 0; t < first_seen->len; t++)
        renumber[t] = GPOINTER_TO_UINT(g_hash_table_lookup(theme_ids, first_seen->pdata[t])) - 1;
    for (guint k = 0; k < pairs->len; k++) {
        guint64 *pair = &g_array_index(pairs, guint64, k);
        *pair = (*pair & G_GUINT64_CONSTANT(0xFFFFFFFF00000000)) | renumber[*pair & 0xFFFFFFFFu];
    }
    if (pairs->len > 1) /* qsort(NULL, 0, ...) is undefined (UBSan, issue 14) */
        qsort(pairs->data, pairs->len, sizeof(guint64), compare_u64);
    p->theme_offset = g_new0(guint, n + 1);
    p->theme_id = g_new(guint, pairs->len + 1);
    p->theme_projects = g_new(guint, pairs->len + 1);
    g_autofree guint *holders = g_new0(guint, p->n_themes + 1);
    guint runs = 0;
    for (guint k = 0; k < pairs->len;) {
        guint64 pair = g_array_index(pairs, guint64, k);
        guint j = k;
        while (j < pairs->len && g_array_index(pairs, guint64, j) == pair)
            j++;
        guint node = (guint)(pair >> 32), theme = (guint)(pair & 0xFFFFFFFFu);
        p->theme_id[runs] = theme;
        p->theme_projects[runs++] = j - k;
        p->theme_offset[node + 1]++;
        holders[theme]++;
        k = j;
    }
    for (guint i = 0; i < n; i++)
        p->theme_offset[i + 1] += p->theme_offset[i];
    guint with_themes = 0;
    for (guint i = 0; i < n; i++)
        with_themes += p->theme_offset[i + 1] > p->theme_offset[i];
    p->theme_idf = g_new(double, p->n_themes + 1);
    for (guint t = 0; t < p->n_themes; t++)
        p->theme_idf[t] = log((1.0 + with_themes) / (1.0 + holders[t])) + 1;
    p->theme_weight = g_new0(double, n + 1);
    for (guint i = 0; i < n; i++)
        for (guint a = p->theme_offset[i]; a < p->theme_offset[i + 1]; a++)
            p->theme_weight[i] += p->theme_idf[p->theme_id[a]];

    /* Sectors: the organisations behind each node's visible participations. */
    g_autofree guint *slot = g_new(guint, model->projects->len + 1);
    for (guint i = 0; i < model->projects->len; i++)
        slot[i] = G_MAXUINT;
    for (guint q = 0; q < mb->n_projects; q++)
        slot[mb->project[q]] = q;
    g_autoptr(GHashTable) sector_ids = g_hash_table_new(g_str_hash, g_str_equal);
    for (guint i = 0; i < model->participations->len; i++) {
        const RnParticipation *part = &g_array_index(model->participations, RnParticipation, i);
        const char *sector = g_array_index(model->orgs, RnOrg, part->org).sector;
        guint q = slot[part->project];
        if (mb->participation_node[i] != G_MAXUINT && *sector && !(hidden && hidden[q]))
            g_hash_table_insert(sector_ids, (gpointer)sector, GUINT_TO_POINTER(1));
    }
    p->sector_names = sorted_names(sector_ids, &p->n_sectors);
    guint S = p->n_sectors;
    p->sector_share = g_new0(double, (gsize)n * S + 1);
    p->sector_known = g_new0(gboolean, n + 1);
    for (guint i = 0; i < model->participations->len; i++) {
        const RnParticipation *part = &g_array_index(model->participations, RnParticipation, i);
        const char *sector = g_array_index(model->orgs, RnOrg, part->org).sector;
        guint node = mb->participation_node[i], q = slot[part->project];
        if (node == G_MAXUINT || !*sector || (hidden && hidden[q]))
            continue;
        guint s = GPOINTER_TO_UINT(g_hash_table_lookup(sector_ids, sector)) - 1;
        p->sector_share[(gsize)node * S + s] += 1;
    }
    for (guint i = 0; i < n; i++) {
        double total = 0;
        for (guint s = 0; s < S; s++)
            total += p->sector_share[(gsize)i * S + s];
        p->sector_known[i] = total > 0;
        for (guint s = 0; s < S && total > 0; s++)
            p->sector_share[(gsize)i * S + s] /= total;
    }

    /* Activity: periods by name, the latest weighing 1, each earlier half. */
    g_autoptr(GHashTable) period_ids = g_hash_table_new(g_str_hash, g_str_equal);
    for (guint q = 0; q < mb->n_projects; q++) {
        if (hidden && hidden[q])
            continue;
        const RnProject *project = &g_array_index(model->projects, RnProject, mb->project[q]);
        const char *period = project->period;
        g_hash_table_insert(period_ids, (gpointer)period, GUINT_TO_POINTER(1));
    }
    p->periods = sorted_names(period_ids, &p->n_periods);
    p->activity = g_new0(double, n + 1);
    double largest = 0;
    for (guint i = 0; i < n; i++) {
        for (guint a = mb->node_offset[i]; a < mb->node_offset[i + 1]; a++) {
            guint q = mb->node_project[a];
            if (hidden && hidden[q])
                continue;
            const RnProject *project = &g_array_index(model->projects, RnProject, mb->project[q]);
            const char *period = project->period;
            guint rank = GPOINTER_TO_UINT(g_hash_table_lookup(period_ids, period)) - 1;
            p->activity[i] += ldexp(1.0, -(int)(p->n_periods - 1 - rank));
        }
        largest = MAX(largest, p->activity[i]);
    }
    for (guint i = 0; i < n && largest > 0; i++)
        p->activity[i] /= largest;
}

void rn_node_profiles_clear(RnNodeProfiles *p)
{
    g_return_if_fail(p != NULL);
    g_strfreev(p->theme_names);
    g_strfreev(p->sector_names);
    g_strfreev(p->periods);
    g_free(p->theme_idf);
    g_free(p->theme_offset);
    g_free(p->theme_id);
    g_free(p->theme_projects);
    g_free(p->theme_weight);
    g_free(p->sector_share);
    g_free(p->sector_known);
    g_free(p->activity);
    g_free(p->country_id);
    memset(p, 0, sizeof *p);
}

void rn_pair_attribute_scores(const RnNodeProfiles *p, guint u, guint v, double *s)
{
    g_return_if_fail(p != NULL);
    g_return_if_fail(s != NULL);
    double shared = 0;
    guint a = p->theme_offset[u], ae = p->theme_offset[u + 1];
    guint b = p->theme_offset[v], be = p->theme_offset[v + 1];
    while (a < ae && b < be) {
        if (p->theme_id[a] < p->theme_id[b])
            a++;
        else if (p->theme_id[a] > p->theme_id[b])
            b++;
        else {
            shared += p->theme_idf[p->theme_id[a]];
            a++;
            b++;
        }
    }
    double either = p->theme_weight[u] + p->theme_weight[v] - shared;
    s[RN_SCORE_THEMES] = either > 0 ? shared / either : 0;
    double distance = 0;
    if (p->sector_known[u] && p->sector_known[v]) {
        const double *x = p->sector_share + (gsize)u * p->n_sectors;
        const double *y = p->sector_share + (gsize)v * p->n_sectors;
        for (guint k = 0; k < p->n_sectors; k++)
            distance += fabs(x[k] - y[k]);
        distance /= 2;
    }
    s[RN_SCORE_SECTORS] = distance;
    s[RN_SCORE_CROSS_BORDER] =
        p->country_id[u] && p->country_id[v] && p->country_id[u] != p->country_id[v];
    s[RN_SCORE_ACTIVITY] = p->activity[u] * p->activity[v];
}

void rn_pair_scores(const RnLinkGraph *graph, const RnNodeProfiles *p, guint u, guint v,
                    double *s)
{
    g_return_if_fail(graph != NULL);
    g_return_if_fail(p != NULL);
    g_return_if_fail(s != NULL);
    rn_link_scores_pair(graph, u, v, s);
    rn_pair_attribute_scores(p, u, v, s);
}

/* ---- ids as users type them -------------------------------------------- */

/* Case-folded, NFKC, white space collapsed (the identity rule of names). */
static char *fold(const char *text)
{
    char *key = rn_org_key(text, "");
    char *folded = g_strdup(key + 1); /* after "|" */
    g_free(key);
    return folded;
}

/* Levenshtein distance of a and b in characters (each cut to 200). */
static guint edit_distance(const char *a, const char *b)
{
    glong la, lb;
    g_autofree gunichar *x = g_utf8_to_ucs4_fast(a, -1, &la);
    g_autofree gunichar *y = g_utf8_to_ucs4_fast(b, -1, &lb);
    la = MIN(la, 200);
    lb = MIN(lb, 200);
    g_autofree guint *row = g_new(guint, lb + 1);
    for (glong j = 0; j <= lb; j++)
        row[j] = (guint)j;
    for (glong i = 1; i <= la; i++) {
        guint diagonal = row[0];
        row[0] = (guint)i;
        for (glong j = 1; j <= lb; j++) {
            guint up = row[j];
            guint cost = diagonal + (x[i - 1] != y[j - 1]);
            row[j] = MIN(MIN(row[j] + 1, row[j - 1] + 1), cost);
            diagonal = up;
        }
    }
    return row[lb];
}

typedef struct {
    guint node;
    guint distance;
} Closeness;

static gint by_closeness(gconstpointer a, gconstpointer b)
{
    const Closeness *x = a, *y = b;
    if (x->distance != y->distance)
        return x->distance < y->distance ? -1 : 1;
    return x->node < y->node ? -1 : x->node > y->node;
}

static const char *kind_text(const RnNetwork *net)
{
    return net->kind == RN_NETWORK_ORG       ? "organisation network"
           : net->kind == RN_NETWORK_COUNTRY ? "country network"
           : net->kind == RN_NETWORK_SECTOR  ? "sector network"
                                             : "region network";
}

/* "SI04 Zahodna Slovenija, SI03 Vzhodna Slovenija": the nodes closest to
 * text by id or label (a label containing text first). */
static char *closest_nodes(const RnNetwork *net, const char *text)
{
    g_autofree char *wanted = fold(text);
    guint n = net->nodes->len;
    g_autofree Closeness *all = g_new(Closeness, n + 1);
    for (guint i = 0; i < n; i++) {
        const RnNode *node = &g_array_index(net->nodes, RnNode, i);
        g_autofree char *id = fold(node->id), *label = fold(node->label);
        guint d = MIN(edit_distance(wanted, id), edit_distance(wanted, label));
        if (*wanted && (strstr(label, wanted) || strstr(id, wanted)))
            d = 0; /* a part of the name: as close as it gets */
        all[i] = (Closeness){i, d};
    }
    qsort(all, n, sizeof(Closeness), (int (*)(const void *, const void *))by_closeness);
    GString *list = g_string_new(NULL);
    for (guint k = 0; k < MIN(5u, n); k++) {
        const RnNode *node = &g_array_index(net->nodes, RnNode, all[k].node);
        g_string_append_printf(list, "%s%s", k ? ", " : "", node->id);
        if (strcmp(node->label, node->id) != 0)
            g_string_append_printf(list, " (%s)", node->label);
    }
    return g_string_free(list, FALSE);
}

/* The node text names, G_MAXUINT if none; *ambiguous lists the nodes when
 * a label fits several (caller frees). */
static guint resolve_one(const RnNetwork *net, const char *text, char **ambiguous)
{
    *ambiguous = NULL;
    guint exact = rn_network_find_node(net, text);
    if (exact != G_MAXUINT)
        return exact;
    guint n = net->nodes->len;
    /* An organisation key with the name as spelt ("DE|Universität X"). */
    const char *bar = strchr(text, '|');
    if (net->kind == RN_NETWORK_ORG && bar) {
        g_autofree char *country = g_strndup(text, (gsize)(bar - text));
        g_autofree char *key = rn_org_key(bar + 1, g_strstrip(country));
        guint found = rn_network_find_node(net, key);
        if (found != G_MAXUINT)
            return found;
    }
    for (guint i = 0; i < n; i++) /* an id in another letter case */
        if (g_ascii_strcasecmp(g_array_index(net->nodes, RnNode, i).id, text) == 0)
            return i;
    g_autofree char *wanted = fold(text);
    g_autoptr(GArray) hits = g_array_new(FALSE, FALSE, sizeof(guint));
    for (guint i = 0; i < n; i++) {
        g_autofree char *label = fold(g_array_index(net->nodes, RnNode, i).label);
        if (strcmp(label, wanted) == 0)
            g_array_append_val(hits, i);
    }
    if (hits->len == 1)
        return g_array_index(hits, guint, 0);
    if (hits->len > 1) {
        GString *list = g_string_new(NULL);
        for (guint k = 0; k < hits->len && k < 10; k++) {
            const RnNode *node = &g_array_index(net->nodes, RnNode, g_array_index(hits, guint, k));
            g_string_append_printf(list, "%s%s", k ? ", " : "", node->id);
        }
        *ambiguous = g_strdup_printf("%u nodes: %s%s", hits->len, list->str,
                                     hits->len > 10 ? ", ..." : "");
        g_string_free(list, TRUE);
    }
    return G_MAXUINT;
}

gboolean rn_recommend_resolve(const RnNetwork *net, const char *ids, GArray *nodes,
                              GError **error)
{
    g_return_val_if_fail(net != NULL && ids != NULL && nodes != NULL, FALSE);
    g_return_val_if_fail(error == NULL || *error == NULL, FALSE);
    g_auto(GStrv) parts = g_strsplit(ids, ",", -1);
    guint n = g_strv_length(parts);
    for (guint i = 0; i < n;) {
        /* The longest run of comma-separated parts that names a node: names
         * may hold commas ("..., vienna"). */
        guint found = G_MAXUINT, used = 0;
        g_autofree char *ambiguous = NULL;
        for (guint j = n; j > i && found == G_MAXUINT; j--) {
            g_auto(GStrv) head = g_new0(char *, j - i + 1);
            for (guint k = i; k < j; k++)
                head[k - i] = g_strdup(parts[k]);
            g_autofree char *text = g_strjoinv(",", head);
            g_strstrip(text);
            if (!*text)
                continue;
            g_autofree char *why = NULL;
            found = resolve_one(net, text, &why);
            if (found != G_MAXUINT)
                used = j - i;
            else if (j == i + 1 && why)
                ambiguous = g_steal_pointer(&why);
        }
        g_autofree char *text = g_strstrip(g_strdup(parts[i]));
        if (found == G_MAXUINT && !*text) {
            g_set_error(error, RN_ERROR, RN_ERROR_USAGE,
                        "recommend: --for '%s' has an empty id at position %u; expected ids "
                        "separated by commas", ids, i + 1);
            return FALSE;
        }
        if (found == G_MAXUINT && ambiguous) {
            g_set_error(error, RN_ERROR, RN_ERROR_USAGE,
                        "recommend: --for '%s' is the name of %s; give one of these ids", text,
                        ambiguous);
            return FALSE;
        }
        if (found == G_MAXUINT) {
            g_autofree char *closest = closest_nodes(net, text);
            g_set_error(error, RN_ERROR, RN_ERROR_USAGE,
                        "recommend: --for '%s' is not a node of this %s%s; closest: %s", text,
                        kind_text(net),
                        net->kind == RN_NETWORK_REGION
                            ? (net->level == 0 ? " (NUTS level 0)"
                               : net->level == 1 ? " (NUTS level 1)"
                               : net->level == 2 ? " (NUTS level 2)"
                                                 : " (NUTS level 3)")
                            : "",
                        closest);
            return FALSE;
        }
        gboolean repeated = FALSE;
        for (guint k = 0; k < nodes->len; k++)
            repeated |= g_array_index(nodes, guint, k) == found;
        if (!repeated)
            g_array_append_val(nodes, found);
        i += used;
    }
    return TRUE;
}

/* ---- filters ------------------------------------------------------------- */

/* Countries in the EU's spelling (docs/networks.md). */
static char *eu_country(const char *code)
{
    char *upper = g_ascii_strup(code, -1);
    g_strstrip(upper);
    static const char *const renames[][2] = {{"GR", "EL"}, {"GB", "UK"}, {"KO", "XK"}};
    for (guint k = 0; k < G_N_ELEMENTS(renames); k++)
        if (strcmp(upper, renames[k][0]) == 0) {
            g_free(upper);
            return g_strdup(renames[k][1]);
        }
    return upper;
}

/* Sets allowed[v] FALSE for every node the request's filters drop. */
static gboolean apply_filters(const RnNetwork *net, const RnNodeProfiles *p,
                              const RnRecommendRequest *q, gboolean *allowed, GError **error)
{
    guint n = net->nodes->len;
    for (guint v = 0; v < n; v++)
        allowed[v] = TRUE;
    if (q->themes) {
        g_autofree gboolean *match = g_new0(gboolean, p->n_themes + 1);
        for (guint t = 0; t < p->n_themes; t++)
            match[t] = g_regex_match(q->themes, p->theme_names[t], 0, NULL);
        guint kept = 0;
        for (guint v = 0; v < n; v++) {
            gboolean any = FALSE;
            for (guint a = p->theme_offset[v]; a < p->theme_offset[v + 1] && !any; a++)
                any = match[p->theme_id[a]];
            allowed[v] &= any;
            kept += any;
        }
        if (kept == 0) {
            g_set_error(error, RN_ERROR, RN_ERROR_USAGE,
                        "recommend: --themes '%s' matches no theme of this network's projects "
                        "(%u themes; see a report's network.projects_by_theme)",
                        g_regex_get_pattern(q->themes), p->n_themes);
            return FALSE;
        }
    }
    if (q->sectors) {
        g_auto(GStrv) wanted = g_strsplit(q->sectors, ",", -1);
        g_autofree gboolean *chosen = g_new0(gboolean, p->n_sectors + 1);
        for (guint k = 0; wanted[k]; k++) {
            g_strstrip(wanted[k]);
            guint s = 0;
            while (s < p->n_sectors && g_ascii_strcasecmp(p->sector_names[s], wanted[k]) != 0)
                s++;
            if (s == p->n_sectors) {
                g_autofree char *present = p->n_sectors ? g_strjoinv(", ", p->sector_names)
                                                        : g_strdup("none");
                g_set_error(error, RN_ERROR, RN_ERROR_USAGE,
                            "recommend: --sectors '%s' is not a sector of this network's "
                            "organisations; sectors present: %s", wanted[k], present);
                return FALSE;
            }
            chosen[s] = TRUE;
        }
        for (guint v = 0; v < n; v++) {
            gboolean any = FALSE;
            for (guint s = 0; s < p->n_sectors; s++)
                any |= chosen[s] && p->sector_share[(gsize)v * p->n_sectors + s] > 0;
            allowed[v] &= any;
        }
    }
    if (q->countries) {
        g_auto(GStrv) wanted = g_strsplit(q->countries, ",", -1);
        g_autofree gboolean *in = g_new0(gboolean, n + 1);
        for (guint k = 0; wanted[k]; k++) {
            g_autofree char *code = eu_country(wanted[k]);
            gboolean any = FALSE;
            for (guint v = 0; v < n; v++)
                if (strcmp(g_array_index(net->nodes, RnNode, v).country, code) == 0)
                    in[v] = any = TRUE;
            if (!any) {
                g_set_error(error, RN_ERROR, RN_ERROR_USAGE,
                            "recommend: --countries '%s': no node of this network is in "
                            "country '%s'; expected country codes as the data write them "
                            "(EL for Greece, UK for the United Kingdom)",
                            q->countries, code);
                return FALSE;
            }
        }
        for (guint v = 0; v < n; v++)
            allowed[v] &= in[v];
    }
    return TRUE;
}

/* ---- the best k of one node --------------------------------------------- */

typedef struct {
    double logit;
    guint node;
} Ranked;

/* Is x better than y: higher logit, then lower node index. */
static gboolean better(const Ranked *x, const Ranked *y)
{
    return x->logit > y->logit || (x->logit == y->logit && x->node < y->node);
}

/* A bounded heap whose root is the worst of the best k kept so far. */
static void heap_offer(Ranked *heap, guint *size, guint k, Ranked item)
{
    if (k == 0)
        return;
    if (*size < k) {
        guint i = (*size)++;
        heap[i] = item;
        while (i > 0 && better(&heap[(i - 1) / 2], &heap[i])) {
            Ranked t = heap[i];
            heap[i] = heap[(i - 1) / 2];
            heap[(i - 1) / 2] = t;
            i = (i - 1) / 2;
        }
        return;
    }
    if (!better(&item, &heap[0]))
        return;
    heap[0] = item;
    for (guint i = 0;;) {
        guint l = 2 * i + 1, r = l + 1, worst = i;
        if (l < *size && better(&heap[worst], &heap[l]))
            worst = l;
        if (r < *size && better(&heap[worst], &heap[r]))
            worst = r;
        if (worst == i)
            break;
        Ranked t = heap[i];
        heap[i] = heap[worst];
        heap[worst] = t;
        i = worst;
    }
}

static gint best_first(gconstpointer a, gconstpointer b)
{
    return better(a, b) ? -1 : better(b, a) ? 1 : 0;
}

static gint partner_order(gconstpointer a, gconstpointer b)
{
    const RnSharedPartner *x = a, *y = b;
    double mx = MIN(x->weight_target, x->weight_candidate);
    double my = MIN(y->weight_target, y->weight_candidate);
    if (mx != my)
        return mx > my ? -1 : 1;
    double sx = x->weight_target + x->weight_candidate, sy = y->weight_target + y->weight_candidate;
    if (sx != sy)
        return sx > sy ? -1 : 1;
    return x->node < y->node ? -1 : x->node > y->node;
}

static gint theme_order(gconstpointer a, gconstpointer b)
{
    const RnSharedTheme *x = a, *y = b;
    if (x->idf != y->idf)
        return x->idf > y->idf ? -1 : 1;
    return x->theme < y->theme ? -1 : x->theme > y->theme;
}

static gint sector_order(gconstpointer a, gconstpointer b)
{
    const RnSectorGap *x = a, *y = b;
    double gx = x->share_candidate - x->share_target, gy = y->share_candidate - y->share_target;
    if (gx != gy)
        return gx > gy ? -1 : 1;
    return x->sector < y->sector ? -1 : x->sector > y->sector;
}

/* Shared partners, shared themes and the sectors v brings to u. */
static void explain(const RnLinkGraph *g, const RnNodeProfiles *p, guint u, guint v,
                    RnRecommendation *r)
{
    r->partners = g_array_new(FALSE, FALSE, sizeof(RnSharedPartner));
    guint a = g->offset[u], ae = g->offset[u + 1], b = g->offset[v], be = g->offset[v + 1];
    while (a < ae && b < be) {
        if (g->target[a] < g->target[b])
            a++;
        else if (g->target[a] > g->target[b])
            b++;
        else {
            RnSharedPartner s = {g->target[a], g->weight[a], g->weight[b]};
            g_array_append_val(r->partners, s);
            a++;
            b++;
        }
    }
    g_array_sort(r->partners, partner_order);
    g_array_set_size(r->partners, MIN(r->partners->len, RN_EXPLAIN_ITEMS));

    r->themes = g_array_new(FALSE, FALSE, sizeof(RnSharedTheme));
    a = p->theme_offset[u], ae = p->theme_offset[u + 1];
    b = p->theme_offset[v], be = p->theme_offset[v + 1];
    while (a < ae && b < be) {
        if (p->theme_id[a] < p->theme_id[b])
            a++;
        else if (p->theme_id[a] > p->theme_id[b])
            b++;
        else {
            RnSharedTheme t = {p->theme_id[a], p->theme_idf[p->theme_id[a]], p->theme_projects[a],
                               p->theme_projects[b]};
            g_array_append_val(r->themes, t);
            a++;
            b++;
        }
    }
    g_array_sort(r->themes, theme_order);
    g_array_set_size(r->themes, MIN(r->themes->len, RN_EXPLAIN_ITEMS));

    r->sectors = g_array_new(FALSE, FALSE, sizeof(RnSectorGap));
    if (p->sector_known[u] && p->sector_known[v])
        for (guint s = 0; s < p->n_sectors; s++) {
            double su = p->sector_share[(gsize)u * p->n_sectors + s];
            double sv = p->sector_share[(gsize)v * p->n_sectors + s];
            if (sv > su) {
                RnSectorGap gap = {s, su, sv};
                g_array_append_val(r->sectors, gap);
            }
        }
    g_array_sort(r->sectors, sector_order);
    g_array_set_size(r->sectors, MIN(r->sectors->len, RN_EXPLAIN_ITEMS));
}

static void clear_recommendation(gpointer data)
{
    RnRecommendation *r = data;
    g_clear_pointer(&r->partners, g_array_unref);
    g_clear_pointer(&r->themes, g_array_unref);
    g_clear_pointer(&r->sectors, g_array_unref);
}

static void clear_target(gpointer data)
{
    RnTargetResult *t = data;
    g_clear_pointer(&t->items, g_array_unref);
}

/* The best request->top candidates of node u. */
static void recommend_for(const RnRecommendResult *res, const RnRecommendRequest *q,
                          const gboolean *allowed, guint u, double *const *scores, Ranked *heap,
                          RnTargetResult *out)
{
    const RnLinkGraph *g = &res->graph;
    const RnNodeProfiles *p = &res->profiles;
    rn_link_scores_all(g, u, scores);
    guint size = 0, candidates = 0;
    double s[RN_SCORES];
    for (guint v = 0; v < g->n; v++) {
        if (v == u || !allowed[v])
            continue;
        if (q->exclude_existing && rn_link_graph_weight(g, u, v) > 0)
            continue;
        candidates++;
        for (guint k = 0; k < RN_NEIGHBOURHOOD_SCORES; k++)
            s[k] = scores[k][v];
        rn_pair_attribute_scores(p, u, v, s);
        Ranked item = {rn_score_model_logit(&res->model, s, NULL), v};
        heap_offer(heap, &size, q->top, item);
    }
    qsort(heap, size, sizeof(Ranked), (int (*)(const void *, const void *))best_first);
    out->node = u;
    out->candidates = candidates;
    out->items = g_array_sized_new(FALSE, TRUE, sizeof(RnRecommendation), size);
    g_array_set_clear_func(out->items, clear_recommendation);
    for (guint k = 0; k < size; k++) {
        RnRecommendation r = {.node = heap[k].node};
        guint v = r.node;
        for (guint j = 0; j < RN_NEIGHBOURHOOD_SCORES; j++)
            r.scores[j] = scores[j][v];
        rn_pair_attribute_scores(p, u, v, r.scores);
        r.logit = rn_score_model_logit(&res->model, r.scores, r.parts);
        r.score = rn_score_from_logit(r.logit);
        r.existing_weight = rn_link_graph_weight(g, u, v);
        explain(g, p, u, v, &r);
        g_array_append_val(out->items, r);
    }
}

/* ---- limits --------------------------------------------------------------- */

void rn_recommend_add_limits(const RnModel *model, const RnNetwork *net,
                             const RnNodeProfiles *p, GPtrArray *limits)
{
    g_return_if_fail(model != NULL);
    g_return_if_fail(net != NULL);
    g_return_if_fail(p != NULL);
    g_return_if_fail(limits != NULL);
    for (guint i = 0; i < model->caveats->len; i++)
        g_ptr_array_add(limits, g_strdup(g_ptr_array_index(model->caveats, i)));
    if (net->projects_selected > 0)
        g_ptr_array_add(limits, g_strdup_printf(
            "%u of %u selected projects (%.0f%%) have a single participant in the data and add "
            "no tie%s", net->projects_single, net->projects_selected,
            100.0 * net->projects_single / net->projects_selected,
            net->projects_single * 4 > net->projects_selected * 3
                ? ": most partnerships of these projects are missing" : ""));
    if (net->participations_unlocated > 0)
        g_ptr_array_add(limits, g_strdup_printf(
            "%u of %u participations have no node in this network (network.unlocated_by_reason)",
            net->participations_unlocated, net->participations_selected));
    if (p->n_themes == 0)
        g_ptr_array_add(limits, g_strdup(
            "no project of this selection has a theme: theme_similarity is 0 throughout"));
    guint known = 0;
    for (guint i = 0; i < p->n; i++)
        known += p->sector_known[i];
    if (known < p->n)
        g_ptr_array_add(limits, g_strdup_printf(
            "sectors are known for %u of %u nodes: sector_complementarity is 0 for the others",
            known, p->n));
    g_ptr_array_add(limits, g_strdup(
        "geography is the cross-border flag only: the data hold no coordinates"));
}

/* ---- the pipeline --------------------------------------------------------- */

gboolean rn_recommend_prepare(const RnModel *model, const RnNetworkSpec *spec,
                              RnNetwork *network, RnRecommendResult *r, GError **error)
{
    g_return_val_if_fail(model != NULL, FALSE);
    g_return_val_if_fail(spec != NULL, FALSE);
    g_return_val_if_fail(r != NULL, FALSE);
    g_return_val_if_fail(error == NULL || *error == NULL, FALSE);
    if (spec->kind == RN_NETWORK_SECTOR) {
        if (network)
            rn_network_free(network);
        g_set_error(error, RN_ERROR, RN_ERROR_USAGE,
                    "recommend: --network sector has too few nodes to recommend partners; "
                    "expected region, org or country");
        return FALSE;
    }
    RnNetworkSpec network_spec = *spec;
    network_spec.themes = NULL; /* --themes chooses candidates, not projects */
    network_spec.weighting = RN_WEIGHT_PROJECTS;
    r->network = network ? network : rn_network_build(model, &network_spec, error);
    if (!r->network)
        return FALSE;
    rn_membership_build(model, &network_spec, r->network, &r->membership);
    rn_link_graph_from_network(r->network, &r->graph);
    rn_node_profiles_build(model, r->network, &r->membership, NULL, &r->profiles);
    return TRUE;
}

gboolean rn_recommend_run(const RnModel *model, const RnRecommendRequest *q,
                          RnRecommendResult *r, GError **error)
{
    g_return_val_if_fail(model != NULL && q != NULL && r != NULL, FALSE);
    g_return_val_if_fail(error == NULL || *error == NULL, FALSE);
    memset(r, 0, sizeof *r);
    r->limits = g_ptr_array_new_with_free_func(g_free);
    r->targets = g_array_new(FALSE, TRUE, sizeof(RnTargetResult));
    g_array_set_clear_func(r->targets, clear_target);
    if (q->evaluate) {
        if (!rn_recommend_evaluate(model, q, r, error)) {
            rn_recommend_result_clear(r);
            return FALSE;
        }
        r->near_duplicates = rn_model_near_duplicates(model);
        return TRUE;
    }
    g_autoptr(GTimer) timer = g_timer_new();
    if (!rn_recommend_prepare(model, &q->spec, NULL, r, error)) {
        rn_recommend_result_clear(r);
        return FALSE;
    }
    guint n = r->network->nodes->len;
    g_autoptr(GArray) targets = g_array_new(FALSE, FALSE, sizeof(guint));
    if (q->all)
        for (guint i = 0; i < n; i++)
            g_array_append_val(targets, i);
    else if (!rn_recommend_resolve(r->network, q->for_ids, targets, error)) {
        rn_recommend_result_clear(r);
        return FALSE;
    }
    g_autofree gboolean *allowed = g_new(gboolean, n + 1);
    if (!apply_filters(r->network, &r->profiles, q, allowed, error)) {
        rn_recommend_result_clear(r);
        return FALSE;
    }
    r->seconds_build = g_timer_elapsed(timer, NULL);
    rn_score_model_fit(model, r->network, &r->membership, q->seed, &r->model);
    r->seconds_fit = g_timer_elapsed(timer, NULL) - r->seconds_build;
    double *scores[RN_NEIGHBOURHOOD_SCORES];
    g_autofree double *block = g_new(double, (gsize)RN_NEIGHBOURHOOD_SCORES * n + 1);
    for (guint k = 0; k < RN_NEIGHBOURHOOD_SCORES; k++)
        scores[k] = block + (gsize)k * n;
    g_autofree Ranked *heap = g_new(Ranked, q->top + 1);
    g_array_set_size(r->targets, targets->len);
    for (guint t = 0; t < targets->len; t++)
        recommend_for(r, q, allowed, g_array_index(targets, guint, t), scores, heap,
                      &g_array_index(r->targets, RnTargetResult, t));
    r->seconds_score = g_timer_elapsed(timer, NULL) - r->seconds_build - r->seconds_fit;
    rn_recommend_add_limits(model, r->network, &r->profiles, r->limits);
    if (r->model.fallback)
        g_ptr_array_add(r->limits, g_strdup(r->model.fallback));
    r->near_duplicates = rn_model_near_duplicates(model);
    return TRUE;
}

void rn_recommend_result_clear(RnRecommendResult *r)
{
    g_return_if_fail(r != NULL);
    g_clear_pointer(&r->targets, g_array_unref);
    g_clear_pointer(&r->limits, g_ptr_array_unref);
    g_clear_pointer(&r->near_duplicates, g_ptr_array_unref);
    rn_node_profiles_clear(&r->profiles);
    rn_link_graph_clear(&r->graph);
    rn_membership_clear(&r->membership);
    rn_score_model_clear(&r->model);
    if (r->evaluated)
        rn_evaluation_clear(&r->evaluation);
    g_clear_pointer(&r->network, rn_network_free);
    memset(r, 0, sizeof *r);
}
