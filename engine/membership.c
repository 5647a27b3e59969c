/*
 * membership.c — node-project membership of a network (see membership.h).
 */
#include "engine/membership.h"

#include <string.h>

guint rn_network_find_node(const RnNetwork *net, const char *id)
{
    g_return_val_if_fail(net != NULL, G_MAXUINT);
    g_return_val_if_fail(id != NULL, G_MAXUINT);
    guint lo = 0, hi = net->nodes->len;
    while (lo < hi) {
        guint mid = lo + (hi - lo) / 2;
        int c = strcmp(g_array_index(net->nodes, RnNode, mid).id, id);
        if (c == 0)
            return mid;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return G_MAXUINT;
}

/* The node id a participation contributes to (docs/networks.md), or NULL;
 * scratch holds a cut region code. */
static const char *participation_id(const RnModel *model, const RnParticipation *p,
                                    const RnNetworkSpec *spec, char *scratch)
{
    const RnOrg *org = &g_array_index(model->orgs, RnOrg, p->org);
    switch (spec->kind) {
    case RN_NETWORK_ORG:
        return org->key;
    case RN_NETWORK_SECTOR:
        return *org->sector ? org->sector : NULL;
    case RN_NETWORK_COUNTRY:
        return *p->country ? p->country : NULL;
    case RN_NETWORK_REGION:
        if (!p->nuts || rn_model_region(model, p->nuts)->level < spec->level)
            return NULL;
        memcpy(scratch, p->nuts, (gsize)(2 + spec->level));
        scratch[2 + spec->level] = '\0';
        return scratch;
    }
    return NULL;
}

static int compare_uint(const void *a, const void *b)
{
    guint x = *(const guint *)a, y = *(const guint *)b;
    return x < y ? -1 : x > y;
}

void rn_membership_build(const RnModel *model, const RnNetworkSpec *spec, const RnNetwork *net,
                         RnMembership *m)
{
    g_return_if_fail(model != NULL && spec != NULL && net != NULL && m != NULL);
    memset(m, 0, sizeof *m);
    guint n = net->nodes->len, n_parts = model->participations->len;
    guint n_model_projects = model->projects->len;
    m->n_nodes = n;
    m->participation_node = g_new(guint, n_parts + 1);
    /* Participations grouped by project (counting sort), so that each
     * project's nodes are found together. */
    g_autofree guint *start = g_new0(guint, n_model_projects + 2);
    for (guint i = 0; i < n_parts; i++)
        start[g_array_index(model->participations, RnParticipation, i).project + 1]++;
    for (guint p = 0; p < n_model_projects; p++)
        start[p + 1] += start[p];
    g_autofree guint *by_project = g_new(guint, n_parts + 1);
    g_autofree guint *fill = g_memdup2(start, sizeof(guint) * (n_model_projects + 1));
    for (guint i = 0; i < n_parts; i++)
        by_project[fill[g_array_index(model->participations, RnParticipation, i).project]++] = i;

    g_autoptr(GArray) projects = g_array_new(FALSE, FALSE, sizeof(guint));
    g_autoptr(GArray) offsets = g_array_new(FALSE, FALSE, sizeof(guint));
    g_autoptr(GArray) nodes = g_array_new(FALSE, FALSE, sizeof(guint));
    g_autofree guint *stamp = g_new0(guint, n + 1);
    char scratch[8];
    for (guint p = 0; p < n_model_projects; p++) {
        guint first = nodes->len;
        gboolean keep = start[p] < start[p + 1] &&
                        rn_network_spec_selects(model, &g_array_index(model->projects, RnProject, p),
                                                spec);
        for (guint k = start[p]; k < start[p + 1]; k++) {
            guint i = by_project[k];
            m->participation_node[i] = G_MAXUINT;
            if (!keep)
                continue;
            const char *id = participation_id(
                model, &g_array_index(model->participations, RnParticipation, i), spec, scratch);
            guint node = id ? rn_network_find_node(net, id) : G_MAXUINT;
            if (node == G_MAXUINT)
                continue;
            m->participation_node[i] = node;
            if (stamp[node] != p + 1) {
                stamp[node] = p + 1;
                g_array_append_val(nodes, node);
            }
        }
        if (nodes->len == first)
            continue;
        qsort(&g_array_index(nodes, guint, first), nodes->len - first, sizeof(guint), compare_uint);
        g_array_append_val(projects, p);
        g_array_append_val(offsets, first);
    }
    m->n_projects = projects->len;
    guint total = nodes->len;
    g_array_append_val(offsets, total);
    m->project = (guint *)g_array_free(g_steal_pointer(&projects), FALSE);
    m->project_offset = (guint *)g_array_free(g_steal_pointer(&offsets), FALSE);
    m->project_node = (guint *)g_array_free(g_steal_pointer(&nodes), FALSE);
    /* Transpose: each node's projects, in increasing project order. */
    m->node_offset = g_new0(guint, n + 1);
    for (guint k = 0; k < total; k++)
        m->node_offset[m->project_node[k] + 1]++;
    for (guint i = 0; i < n; i++)
        m->node_offset[i + 1] += m->node_offset[i];
    m->node_project = g_new(guint, total + 1);
    g_autofree guint *cursor = g_memdup2(m->node_offset, sizeof(guint) * (n + 1));
    for (guint q = 0; q < m->n_projects; q++)
        for (guint k = m->project_offset[q]; k < m->project_offset[q + 1]; k++)
            m->node_project[cursor[m->project_node[k]]++] = q;
}

void rn_membership_clear(RnMembership *m)
{
    g_return_if_fail(m != NULL);
    g_clear_pointer(&m->project, g_free);
    g_clear_pointer(&m->project_offset, g_free);
    g_clear_pointer(&m->project_node, g_free);
    g_clear_pointer(&m->node_offset, g_free);
    g_clear_pointer(&m->node_project, g_free);
    g_clear_pointer(&m->participation_node, g_free);
    m->n_nodes = m->n_projects = 0;
}
