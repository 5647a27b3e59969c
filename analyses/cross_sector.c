/*
 * cross_sector.c — how far collaboration crosses sectors, on an
 * organisation network.  See bridging.h and docs/bridging.md.
 */
#include <stdlib.h>
#include <string.h>

#include "analyses/bridging.h"

char rn_sector_class(const char *sector)
{
    g_return_val_if_fail(sector != NULL, 0);
    /* CORDIS activity types; keep.eu's "public" is a public body, while its
     * "private" mixes firms, associations and private universities. */
    if (strcmp(sector, "PRC") == 0)
        return 'i';
    if (strcmp(sector, "HES") == 0 || strcmp(sector, "REC") == 0)
        return 'a';
    if (strcmp(sector, "PUB") == 0 || strcmp(sector, "public") == 0)
        return 'p';
    return 0;
}

/* Strongest first; net (the network whose edges are indexed) is the context. */
static gint compare_strength(gconstpointer a, gconstpointer b, gpointer net)
{
    const RnNetwork *network = net;
    const RnEdge *x = &g_array_index(network->edges, RnEdge, *(const guint *)a);
    const RnEdge *y = &g_array_index(network->edges, RnEdge, *(const guint *)b);
    if (x->weight != y->weight)
        return x->weight > y->weight ? -1 : 1;
    guint i = *(const guint *)a, j = *(const guint *)b;
    return i < j ? -1 : i > j; /* edge order: (source, target) */
}

static int compare_shares(const void *a, const void *b)
{
    return strcmp(((const RnRegionSectorShare *)a)->region, ((const RnRegionSectorShare *)b)->region);
}

static void clear_share(gpointer p)
{
    g_free(((RnRegionSectorShare *)p)->region);
}

void rn_cross_sector_compute(const RnModel *model, const RnNetwork *net, int level, guint top,
                             RnCrossSector *r)
{
    g_return_if_fail(model != NULL);
    g_return_if_fail(net != NULL);
    g_return_if_fail(r != NULL);
    guint n = net->nodes->len;
    *r = (RnCrossSector){.level = level};
    r->regions = g_array_new(FALSE, TRUE, sizeof(RnRegionSectorShare));
    g_array_set_clear_func(r->regions, clear_share);
    r->projects_by_span = g_array_new(FALSE, TRUE, sizeof(guint));
    r->strongest = g_array_new(FALSE, FALSE, sizeof(guint));

    /* Region (at level) of each node, or -1. */
    g_autoptr(GHashTable) slot = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    g_autofree gint *region_of = g_new(gint, n + 1);
    for (guint v = 0; v < n; v++) {
        const RnNode *node = &g_array_index(net->nodes, RnNode, v);
        region_of[v] = -1;
        const RnRegion *at_level = *node->sector
                                       ? rn_model_region_ancestor(model, node->region, level)
                                       : NULL;
        if (!at_level)
            continue; /* no sector, no region, or a region coarser than level */
        g_autofree char *code = g_strdup(at_level->code);
        gpointer hit = g_hash_table_lookup(slot, code);
        if (!hit) {
            RnRegionSectorShare share = {.region = g_strdup(code)};
            g_array_append_val(r->regions, share);
            hit = GUINT_TO_POINTER(r->regions->len);
            g_hash_table_insert(slot, g_steal_pointer(&code), hit);
        }
        region_of[v] = (gint)GPOINTER_TO_UINT(hit) - 1;
        g_array_index(r->regions, RnRegionSectorShare, region_of[v]).organisations++;
    }
    for (guint i = 0; i < net->edges->len; i++) {
        const RnEdge *e = &g_array_index(net->edges, RnEdge, i);
        const char *a = g_array_index(net->nodes, RnNode, e->source).sector;
        const char *b = g_array_index(net->nodes, RnNode, e->target).sector;
        if (!*a || !*b)
            continue;
        gboolean cross = strcmp(a, b) != 0;
        if (cross)
            g_array_append_val(r->strongest, i);
        guint ends[2] = {e->source, e->target};
        for (int k = 0; k < 2; k++) {
            if (region_of[ends[k]] < 0)
                continue;
            RnRegionSectorShare *s = &g_array_index(r->regions, RnRegionSectorShare, region_of[ends[k]]);
            s->ties++;
            s->cross_sector_ties += cross;
        }
    }
    /* Region order by code; slots were only needed while counting. */
    g_array_sort(r->regions, compare_shares);
    /* With a context argument, not a sort global (issue 14). */
    g_array_sort_with_data(r->strongest, compare_strength, (gpointer)net);
    if (r->strongest->len > top)
        g_array_set_size(r->strongest, top);

    /* Sectors spanned by each project's partners (nodes of this network). */
    g_autoptr(GHashTable) node_of = g_hash_table_new(g_str_hash, g_str_equal);
    for (guint v = 0; v < n; v++)
        g_hash_table_insert(node_of, g_array_index(net->nodes, RnNode, v).id, GUINT_TO_POINTER(v + 1));
    g_autofree guint *span = g_new0(guint, model->projects->len + 1);
    g_autofree guchar *classes = g_new0(guchar, model->projects->len + 1);
    g_autofree gboolean *in_network = g_new0(gboolean, model->projects->len + 1);
    g_autoptr(GPtrArray) seen = g_ptr_array_new_with_free_func((GDestroyNotify)g_hash_table_unref);
    for (guint p = 0; p < model->projects->len; p++)
        g_ptr_array_add(seen, g_hash_table_new(g_str_hash, g_str_equal));
    for (guint i = 0; i < model->participations->len; i++) {
        const RnParticipation *part = &g_array_index(model->participations, RnParticipation, i);
        const RnOrg *org = &g_array_index(model->orgs, RnOrg, part->org);
        guint v = GPOINTER_TO_UINT(g_hash_table_lookup(node_of, org->key));
        if (!v)
            continue; /* not in this (filtered) network */
        in_network[part->project] = TRUE;
        const char *sector = g_array_index(net->nodes, RnNode, v - 1).sector;
        if (!*sector)
            continue;
        GHashTable *set = g_ptr_array_index(seen, part->project);
        if (!g_hash_table_contains(set, sector)) {
            g_hash_table_add(set, (gpointer)sector);
            span[part->project]++;
        }
        char c = rn_sector_class(sector);
        classes[part->project] |= c == 'i' ? 1 : c == 'a' ? 2 : c == 'p' ? 4 : 0;
        if (c == 'a')
            r->triple_helix_known = TRUE;
    }
    for (guint p = 0; p < model->projects->len; p++) {
        if (!in_network[p])
            continue;
        if (span[p] == 0) {
            r->projects_unknown++;
            continue;
        }
        if (r->projects_by_span->len <= span[p])
            g_array_set_size(r->projects_by_span, span[p] + 1);
        g_array_index(r->projects_by_span, guint, span[p])++;
        r->triple_helix += classes[p] == 7;
    }
}

void rn_cross_sector_clear(RnCrossSector *r)
{
    g_return_if_fail(r != NULL);
    if (r->regions)
        g_array_unref(r->regions);
    if (r->projects_by_span)
        g_array_unref(r->projects_by_span);
    if (r->strongest)
        g_array_unref(r->strongest);
    r->regions = r->projects_by_span = r->strongest = NULL;
}
