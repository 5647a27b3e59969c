/*
 * resample.c — projects as the unit of resampling (period_stats.h): a
 * period's projects recovered from its network as node sets, and the
 * network of any multiset of them, so a bootstrap replicate or a
 * permuted period is built without going back to the model.
 *
 * A project is recovered exactly: the nodes it touches are the ends of the
 * ties that list it (a project of k >= 2 nodes ties every pair), a node's
 * projects of its own are its projects less those it shares, and the
 * remaining selected projects touch no node.  Projects are ordered: those
 * touching two or more nodes by model index (file order), then one-node
 * projects node by node (node order), then projects touching no node.
 */
#include <string.h>

#include "analyses/bridging.h"
#include "analyses/period_stats.h"

guint64 rn_stream_seed(guint64 seed, RnStreamPurpose purpose, guint unit, guint replicate)
{
    guint64 tag = ((guint64)purpose << 48) + ((guint64)unit << 32) + replicate;
    guint64 state = seed + 0x9E3779B97F4A7C15ULL * tag;
    return rn_splitmix64(&state);
}

static gint compare_pairs(gconstpointer a, gconstpointer b)
{
    const guint *x = a, *y = b;
    if (x[0] != y[0])
        return x[0] < y[0] ? -1 : 1;
    return x[1] < y[1] ? -1 : x[1] > y[1];
}

static gint compare_uints(gconstpointer a, gconstpointer b, gpointer data)
{
    (void)data;
    guint x = *(const guint *)a, y = *(const guint *)b;
    return x < y ? -1 : x > y;
}

/* Fills node_offset and node_project from offset and member. */
static void index_by_node(RnProjectSet *set)
{
    set->node_offset = g_new0(guint, set->n_space + 2);
    guint total = set->offset[set->n_projects];
    for (guint k = 0; k < total; k++)
        set->node_offset[set->member[k] + 1]++;
    for (guint s = 0; s < set->n_space; s++)
        set->node_offset[s + 1] += set->node_offset[s];
    set->node_project = g_new(guint, total + 1);
    g_autofree guint *cursor = g_memdup2(set->node_offset, sizeof(guint) * (set->n_space + 1));
    for (guint q = 0; q < set->n_projects; q++)
        for (guint k = set->offset[q]; k < set->offset[q + 1]; k++)
            set->node_project[cursor[set->member[k]]++] = q;
}

void rn_project_set_from_network(const RnNetwork *net, const guint *space_of, guint n_space,
                                 RnProjectSet *set)
{
    g_return_if_fail(net != NULL && space_of != NULL && set != NULL);
    memset(set, 0, sizeof *set);
    set->n_space = n_space;
    /* (model project, node) for both ends of every tie, sorted and unique. */
    g_autoptr(GArray) pairs = g_array_new(FALSE, FALSE, sizeof(guint) * 2);
    for (guint e = 0; e < net->edges->len; e++) {
        const RnEdge *edge = &g_array_index(net->edges, RnEdge, e);
        for (guint k = 0; k < edge->projects; k++) {
            guint p = g_array_index(net->edge_projects, guint, edge->project_offset + k);
            guint one[2] = {p, edge->source}, other[2] = {p, edge->target};
            g_array_append_val(pairs, one);
            g_array_append_val(pairs, other);
        }
    }
    g_array_sort(pairs, compare_pairs);
    guint n = net->nodes->len;
    g_autofree guint *shared = g_new0(guint, n + 1); /* multi-node projects of each node */
    g_autoptr(GArray) offset = g_array_new(FALSE, FALSE, sizeof(guint));
    g_autoptr(GArray) member = g_array_new(FALSE, FALSE, sizeof(guint));
    const guint(*pair)[2] = (const guint(*)[2])(void *)pairs->data;
    for (guint k = 0; k < pairs->len; k++) {
        if (k > 0 && pair[k][0] == pair[k - 1][0] && pair[k][1] == pair[k - 1][1])
            continue;
        if (k == 0 || pair[k][0] != pair[k - 1][0])
            g_array_append_val(offset, member->len);
        guint s = space_of[pair[k][1]];
        g_array_append_val(member, s);
        shared[pair[k][1]]++;
    }
    /* Members of a project come in node order; node order is space order. */
    for (guint i = 0; i < n; i++) {
        const RnNode *node = &g_array_index(net->nodes, RnNode, i);
        guint own = node->projects > shared[i] ? node->projects - shared[i] : 0;
        for (guint c = 0; c < own; c++) {
            g_array_append_val(offset, member->len);
            g_array_append_val(member, space_of[i]);
        }
    }
    while (offset->len < net->projects_selected)
        g_array_append_val(offset, member->len);
    set->n_projects = offset->len;
    g_array_append_val(offset, member->len);
    set->offset = (guint *)g_array_free(g_steal_pointer(&offset), FALSE);
    set->member = (guint *)g_array_free(g_steal_pointer(&member), FALSE);
    index_by_node(set);
}

void rn_project_set_concat(const RnProjectSet *a, const RnProjectSet *b, RnProjectSet *out)
{
    g_return_if_fail(a != NULL && b != NULL && out != NULL);
    g_return_if_fail(a->n_space == b->n_space);
    memset(out, 0, sizeof *out);
    out->n_space = a->n_space;
    out->n_projects = a->n_projects + b->n_projects;
    guint ma = a->offset[a->n_projects], mb = b->offset[b->n_projects];
    out->offset = g_new(guint, out->n_projects + 1);
    out->member = g_new(guint, ma + mb + 1);
    memcpy(out->offset, a->offset, sizeof(guint) * a->n_projects);
    for (guint q = 0; q <= b->n_projects; q++)
        out->offset[a->n_projects + q] = b->offset[q] + ma;
    memcpy(out->member, a->member, sizeof(guint) * ma);
    memcpy(out->member + ma, b->member, sizeof(guint) * mb);
    index_by_node(out);
}

void rn_project_set_clear(RnProjectSet *set)
{
    g_return_if_fail(set != NULL);
    g_clear_pointer(&set->offset, g_free);
    g_clear_pointer(&set->member, g_free);
    g_clear_pointer(&set->node_offset, g_free);
    g_clear_pointer(&set->node_project, g_free);
    set->n_projects = 0;
}

/* Node spaces up to this size accumulate ties in a dense matrix. */
#define DENSE_SPACE_MAX 512

/* Ties of the drawn projects in a dense upper-triangular matrix, scanned in
 * (source, target) order. */
static void ties_dense(const RnProjectSet *set, const guint *count, RnWeighting weighting,
                       const guint *node_of, RnNetwork *net)
{
    guint n_space = set->n_space;
    g_autofree double *weight = g_new0(double, (gsize)n_space * n_space + 1);
    g_autofree guint *shared = g_new0(guint, (gsize)n_space * n_space + 1);
    for (guint q = 0; q < set->n_projects; q++) {
        guint size = set->offset[q + 1] - set->offset[q];
        if (!count[q] || size < 2)
            continue;
        double w = weighting == RN_WEIGHT_NEWMAN ? count[q] / (size - 1.0) : count[q];
        const guint *members = set->member + set->offset[q];
        for (guint x = 0; x + 1 < size; x++) {
            gsize row = (gsize)members[x] * n_space;
            for (guint y = x + 1; y < size; y++) {
                weight[row + members[y]] += w;
                shared[row + members[y]] += count[q];
            }
        }
    }
    for (guint s = 0; s < n_space; s++) {
        if (node_of[s] == G_MAXUINT)
            continue;
        gsize row = (gsize)s * n_space;
        for (guint t = s + 1; t < n_space; t++)
            if (shared[row + t]) {
                RnEdge edge = {.source = node_of[s], .target = node_of[t],
                               .weight = weight[row + t], .projects = shared[row + t]};
                g_array_append_val(net->edges, edge);
            }
    }
}

/* The same for large node spaces: each node's ties to later nodes,
 * accumulated over its projects. */
static void ties_sparse(const RnProjectSet *set, const guint *count, RnWeighting weighting,
                        const guint *node_of, const guint *space_of, guint n, RnNetwork *net)
{
    guint n_space = set->n_space;
    g_autofree double *weight = g_new0(double, n_space + 1);
    g_autofree guint *shared = g_new0(guint, n_space + 1);
    g_autofree guint *targets = g_new(guint, n_space + 1);
    for (guint i = 0; i < n; i++) {
        guint s = space_of[i], n_targets = 0;
        for (guint k = set->node_offset[s]; k < set->node_offset[s + 1]; k++) {
            guint q = set->node_project[k];
            guint size = set->offset[q + 1] - set->offset[q];
            if (!count[q] || size < 2)
                continue;
            double w = weighting == RN_WEIGHT_NEWMAN ? count[q] / (size - 1.0) : count[q];
            for (guint x = set->offset[q]; x < set->offset[q + 1]; x++) {
                guint t = set->member[x];
                if (t <= s)
                    continue;
                if (!shared[t])
                    targets[n_targets++] = t;
                shared[t] += count[q];
                weight[t] += w;
            }
        }
        g_qsort_with_data(targets, (gint)n_targets, sizeof(guint), compare_uints, NULL);
        for (guint k = 0; k < n_targets; k++) {
            guint t = targets[k];
            RnEdge edge = {.source = i, .target = node_of[t], .weight = weight[t],
                           .projects = shared[t]};
            g_array_append_val(net->edges, edge);
            weight[t] = 0;
            shared[t] = 0;
        }
    }
}

RnNetwork *rn_network_from_projects(const RnProjectSet *set, const guint *count,
                                    RnWeighting weighting, guint **space_of_out)
{
    g_return_val_if_fail(set != NULL && count != NULL && space_of_out != NULL, NULL);
    guint n_space = set->n_space;
    RnNetwork *net = rn_network_new(RN_NETWORK_REGION);
    net->weighting = weighting;
    g_autofree guint *node_of = g_new(guint, n_space + 1);
    guint *space_of = g_new(guint, n_space + 1);
    guint n = 0;
    for (guint q = 0; q < set->n_projects; q++) {
        net->projects_selected += count[q];
        if (count[q] && set->offset[q + 1] - set->offset[q] >= 2)
            net->projects_with_ties += count[q];
    }
    for (guint s = 0; s < n_space; s++) {
        node_of[s] = G_MAXUINT;
        for (guint k = set->node_offset[s]; k < set->node_offset[s + 1]; k++)
            if (count[set->node_project[k]]) {
                node_of[s] = n;
                space_of[n++] = s;
                break;
            }
    }
    g_array_set_size(net->nodes, n); /* zeroed: statistics need no ids */
    if (n_space <= DENSE_SPACE_MAX)
        ties_dense(set, count, weighting, node_of, net);
    else
        ties_sparse(set, count, weighting, node_of, space_of, n, net);
    *space_of_out = space_of;
    return net;
}
