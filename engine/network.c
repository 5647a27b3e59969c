/*
 * network.c — builds region and organisation networks from the model.
 * See network.h for the definitions.
 */
#include "engine/network.h"

#include <string.h>

#include "engine/error.h"

const char *rn_network_kind_name(RnNetworkKind kind)
{
    return kind == RN_NETWORK_REGION ? "region" : kind == RN_NETWORK_ORG ? "org" : "country";
}

const char *rn_weighting_name(RnWeighting weighting)
{
    return weighting == RN_WEIGHT_NEWMAN ? "newman" : "projects";
}

static void clear_node(gpointer p)
{
    RnNode *n = p;
    g_free(n->id);
    g_free(n->label);
    g_free(n->country);
    g_free(n->sector);
    g_free(n->region);
}

RnNetwork *rn_network_new(RnNetworkKind kind)
{
    RnNetwork *net = g_new0(RnNetwork, 1);
    net->kind = kind;
    net->nodes = g_array_new(FALSE, TRUE, sizeof(RnNode));
    g_array_set_clear_func(net->nodes, clear_node);
    net->edges = g_array_new(FALSE, TRUE, sizeof(RnEdge));
    net->edge_projects = g_array_new(FALSE, FALSE, sizeof(guint));
    net->unlocated_by_reason = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    return net;
}

void rn_network_free(RnNetwork *net)
{
    if (!net)
        return;
    g_free(net->programme);
    g_free(net->period);
    g_array_unref(net->nodes);
    g_array_unref(net->edges);
    g_array_unref(net->edge_projects);
    g_hash_table_unref(net->unlocated_by_reason);
    g_free(net);
}

static gboolean project_selected(const RnModel *model, const RnProject *project,
                                 const RnNetworkSpec *spec)
{
    const RnProgramme *prog = &g_array_index(model->programmes, RnProgramme, project->programme);
    if (spec->programme && strcmp(prog->name, spec->programme) != 0)
        return FALSE;
    if (spec->period && strcmp(prog->period, spec->period) != 0)
        return FALSE;
    return TRUE;
}

/* Entity (model index + 1) a participation contributes to at the spec's
 * level, or 0 with *reason set when it is unlocated. */
static guint participation_entity(const RnModel *model, const RnParticipation *p,
                                  const RnNetworkSpec *spec, const char **reason,
                                  GHashTable *level_reasons, GPtrArray *countries)
{
    if (spec->kind == RN_NETWORK_ORG)
        return p->org + 1;
    if (spec->kind == RN_NETWORK_COUNTRY) {
        if (!*p->country) {
            *reason = "no country given";
            return 0;
        }
        /* Interned strings: equal codes are the same pointer. */
        for (guint i = 0; i < countries->len; i++)
            if (g_ptr_array_index(countries, i) == p->country)
                return i + 1;
        g_ptr_array_add(countries, (gpointer)p->country);
        return countries->len;
    }
    if (!p->nuts) {
        *reason = p->unlocated;
        return 0;
    }
    const RnRegion *region = rn_model_region(model, p->nuts);
    if (region->level < spec->level) {
        gpointer key = GINT_TO_POINTER(region->level + 1);
        char *r = g_hash_table_lookup(level_reasons, key);
        if (!r) {
            r = g_strdup_printf("region known only at NUTS level %d", region->level);
            g_hash_table_insert(level_reasons, key, r);
        }
        *reason = r;
        return 0;
    }
    g_autofree char *code = g_strndup(p->nuts, (gsize)(2 + spec->level));
    return GPOINTER_TO_UINT(g_hash_table_lookup(model->region_index, code));
}

typedef struct {
    guint entity;           /* model index + 1 */
    guint participations;
    guint projects;
    guint internal_projects;
    GHashTable *orgs;       /* region: distinct organisations */
    GHashTable *regions;    /* org: NUTS code -> count */
} Tally;

static void free_tally(gpointer p)
{
    Tally *t = p;
    if (t->orgs)
        g_hash_table_unref(t->orgs);
    if (t->regions)
        g_hash_table_unref(t->regions);
    g_free(t);
}

/* Most frequent key of counts; ties go to the smallest code. */
static char *most_frequent(GHashTable *counts)
{
    const char *best = "";
    guint best_count = 0;
    GHashTableIter it;
    gpointer key, value;
    g_hash_table_iter_init(&it, counts);
    while (g_hash_table_iter_next(&it, &key, &value)) {
        guint c = GPOINTER_TO_UINT(value);
        if (c > best_count || (c == best_count && strcmp(key, best) < 0)) {
            best = key;
            best_count = c;
        }
    }
    return g_strdup(best);
}

static int compare_nodes(gconstpointer a, gconstpointer b)
{
    return strcmp(((const RnNode *)a)->id, ((const RnNode *)b)->id);
}

/* An edge while it is being counted, with the projects behind it. */
typedef struct {
    RnEdge edge;
    GArray *projects;       /* guint project indices */
} PairTally;

static void free_pair(gpointer p)
{
    PairTally *t = p;
    g_array_unref(t->projects);
    g_free(t);
}

static int compare_pairs(gconstpointer a, gconstpointer b)
{
    const RnEdge *x = &(*(PairTally *const *)a)->edge, *y = &(*(PairTally *const *)b)->edge;
    if (x->source != y->source)
        return x->source < y->source ? -1 : 1;
    return x->target < y->target ? -1 : x->target > y->target;
}

static void fill_node(const RnModel *model, const RnNetworkSpec *spec, const Tally *t,
                      GPtrArray *countries, RnNode *node)
{
    node->participations = t->participations;
    node->projects = t->projects;
    if (spec->kind == RN_NETWORK_COUNTRY) {
        const char *code = g_ptr_array_index(countries, t->entity - 1);
        const RnRegion *r = rn_model_region(model, code);
        node->id = g_strdup(code);
        node->label = g_strdup(r ? r->name : code);
        node->country = g_strdup(code);
        node->sector = g_strdup("");
        node->region = g_strdup(r ? code : "");
        node->internal_projects = t->internal_projects;
        node->organisations = g_hash_table_size(t->orgs);
    } else if (spec->kind == RN_NETWORK_REGION) {
        const RnRegion *r = &g_array_index(model->regions, RnRegion, t->entity - 1);
        node->id = g_strdup(r->code);
        node->label = g_strdup(r->name);
        node->country = g_strdup(r->country);
        node->sector = g_strdup("");
        node->region = g_strdup(r->code);
        node->internal_projects = t->internal_projects;
        node->organisations = g_hash_table_size(t->orgs);
    } else {
        const RnOrg *o = &g_array_index(model->orgs, RnOrg, t->entity - 1);
        node->id = g_strdup(o->key);
        node->label = g_strdup(o->name);
        node->country = g_strdup(o->country);
        node->sector = g_strdup(o->sector);
        node->region = most_frequent(t->regions);
    }
}

RnNetwork *rn_network_build(const RnModel *model, const RnNetworkSpec *spec, GError **error)
{
    guint n_projects = model->projects->len;
    /* Participations grouped by project (counting sort). */
    g_autofree guint *start = g_new0(guint, n_projects + 1);
    for (guint i = 0; i < model->participations->len; i++)
        start[g_array_index(model->participations, RnParticipation, i).project + 1]++;
    for (guint p = 0; p < n_projects; p++)
        start[p + 1] += start[p];
    g_autofree guint *by_project = g_new(guint, model->participations->len + 1);
    g_autofree guint *fill = g_memdup2(start, sizeof(guint) * (n_projects + 1));
    for (guint i = 0; i < model->participations->len; i++)
        by_project[fill[g_array_index(model->participations, RnParticipation, i).project]++] = i;

    g_autoptr(RnNetwork) net = rn_network_new(spec->kind);
    net->level = spec->kind == RN_NETWORK_COUNTRY ? 0 : spec->level;
    net->weighting = spec->weighting;
    net->programme = g_strdup(spec->programme);
    net->period = g_strdup(spec->period);

    g_autoptr(GHashTable) tallies = g_hash_table_new_full(g_direct_hash, g_direct_equal,
                                                          NULL, free_tally);
    g_autoptr(GHashTable) level_reasons = g_hash_table_new_full(g_direct_hash, g_direct_equal,
                                                                NULL, g_free);
    /* Pair weights keyed by (entity_a, entity_b), a < b, as model indices + 1. */
    g_autoptr(GHashTable) pairs = g_hash_table_new_full(g_int64_hash, g_int64_equal,
                                                        g_free, free_pair);
    g_autoptr(GArray) members = g_array_new(FALSE, FALSE, sizeof(guint));
    /* Country codes seen (interned strings), entity = index + 1.  Few
     * countries, so a linear scan beats hashing. */
    g_autoptr(GPtrArray) countries = g_ptr_array_new();
    for (guint p = 0; p < n_projects; p++) {
        const RnProject *project = &g_array_index(model->projects, RnProject, p);
        if (start[p] == start[p + 1] || !project_selected(model, project, spec))
            continue;
        net->projects_selected++;
        g_array_set_size(members, 0);
        for (guint k = start[p]; k < start[p + 1]; k++) {
            const RnParticipation *part =
                &g_array_index(model->participations, RnParticipation, by_project[k]);
            net->participations_selected++;
            const char *reason = NULL;
            guint entity = participation_entity(model, part, spec, &reason, level_reasons,
                                                countries);
            if (!entity) {
                net->participations_unlocated++;
                gpointer old = g_hash_table_lookup(net->unlocated_by_reason, reason);
                g_hash_table_replace(net->unlocated_by_reason, g_strdup(reason),
                                     GUINT_TO_POINTER(GPOINTER_TO_UINT(old) + 1));
                continue;
            }
            Tally *t = g_hash_table_lookup(tallies, GUINT_TO_POINTER(entity));
            if (!t) {
                t = g_new0(Tally, 1);
                t->entity = entity;
                if (spec->kind != RN_NETWORK_ORG)
                    t->orgs = g_hash_table_new(g_direct_hash, g_direct_equal);
                else
                    t->regions = g_hash_table_new(g_str_hash, g_str_equal);
                g_hash_table_insert(tallies, GUINT_TO_POINTER(entity), t);
            }
            t->participations++;
            if (t->orgs)
                g_hash_table_add(t->orgs, GUINT_TO_POINTER(part->org + 1));
            if (t->regions && part->nuts)
                g_hash_table_replace(t->regions, part->nuts,
                                     GUINT_TO_POINTER(GPOINTER_TO_UINT(g_hash_table_lookup(
                                                          t->regions, part->nuts)) + 1));
            gboolean seen = FALSE;
            for (guint j = 0; j < members->len && !seen; j++)
                seen = g_array_index(members, guint, j) == entity;
            if (!seen) {
                g_array_append_val(members, entity);
                t->projects++;
            }
        }
        guint n = members->len;
        if (n == 1)
            ((Tally *)g_hash_table_lookup(tallies, GUINT_TO_POINTER(
                 g_array_index(members, guint, 0))))->internal_projects++;
        if (n < 2)
            continue;
        net->projects_with_ties++;
        double w = spec->weighting == RN_WEIGHT_NEWMAN ? 1.0 / (n - 1) : 1.0;
        for (guint a = 0; a < n; a++)
            for (guint b = a + 1; b < n; b++) {
                guint x = g_array_index(members, guint, a), y = g_array_index(members, guint, b);
                gint64 key = x < y ? ((gint64)x << 32) | y : ((gint64)y << 32) | x;
                PairTally *t = g_hash_table_lookup(pairs, &key);
                if (!t) {
                    t = g_new0(PairTally, 1);
                    t->projects = g_array_new(FALSE, FALSE, sizeof(guint));
                    g_hash_table_insert(pairs, g_memdup2(&key, sizeof key), t);
                }
                t->edge.weight += w;
                t->edge.projects++;
                g_array_append_val(t->projects, p);
            }
    }
    if (net->projects_selected == 0) {
        g_set_error(error, RN_ERROR, RN_ERROR_USAGE,
                    "no project with participants matches the filters%s%s%s%s",
                    spec->programme ? " --programme=" : "", spec->programme ? spec->programme : "",
                    spec->period ? " --period=" : "", spec->period ? spec->period : "");
        return NULL;
    }

    /* Nodes in id order; entity -> node index. */
    GHashTableIter it;
    gpointer key, value;
    g_hash_table_iter_init(&it, tallies);
    while (g_hash_table_iter_next(&it, &key, &value)) {
        RnNode node = {0};
        fill_node(model, spec, value, countries, &node);
        node.participations = GPOINTER_TO_UINT(key); /* entity, until sorted */
        g_array_append_val(net->nodes, node);
    }
    g_array_sort(net->nodes, compare_nodes);
    g_autoptr(GHashTable) node_of = g_hash_table_new(g_direct_hash, g_direct_equal);
    for (guint i = 0; i < net->nodes->len; i++) {
        RnNode *node = &g_array_index(net->nodes, RnNode, i);
        guint entity = node->participations;
        node->participations = ((Tally *)g_hash_table_lookup(tallies,
                                    GUINT_TO_POINTER(entity)))->participations;
        g_hash_table_insert(node_of, GUINT_TO_POINTER(entity), GUINT_TO_POINTER(i));
    }
    g_autoptr(GPtrArray) sorted = g_ptr_array_sized_new(g_hash_table_size(pairs));
    g_hash_table_iter_init(&it, pairs);
    while (g_hash_table_iter_next(&it, &key, &value)) {
        gint64 pair = *(gint64 *)key;
        PairTally *t = value;
        guint u = GPOINTER_TO_UINT(g_hash_table_lookup(node_of, GUINT_TO_POINTER((guint)(pair >> 32))));
        guint v = GPOINTER_TO_UINT(g_hash_table_lookup(node_of, GUINT_TO_POINTER((guint)(pair & 0xffffffffu))));
        t->edge.source = MIN(u, v);
        t->edge.target = MAX(u, v);
        g_ptr_array_add(sorted, t);
    }
    g_ptr_array_sort(sorted, compare_pairs);
    for (guint i = 0; i < sorted->len; i++) {
        PairTally *t = g_ptr_array_index(sorted, i);
        t->edge.project_offset = net->edge_projects->len;
        g_array_append_vals(net->edge_projects, t->projects->data, t->projects->len);
        g_array_append_val(net->edges, t->edge);
    }
    return g_steal_pointer(&net);
}

gboolean rn_network_to_igraph(const RnNetwork *net, igraph_t *graph, igraph_vector_t *weights,
                              GError **error)
{
    igraph_vector_int_t edges;
    if (!rn_igraph_check(igraph_vector_int_init(&edges, 2 * (igraph_integer_t)net->edges->len),
                         "allocating the edge list", error))
        return FALSE;
    for (guint i = 0; i < net->edges->len; i++) {
        const RnEdge *e = &g_array_index(net->edges, RnEdge, i);
        VECTOR(edges)[2 * i] = e->source;
        VECTOR(edges)[2 * i + 1] = e->target;
    }
    int rc = igraph_create(graph, &edges, (igraph_integer_t)net->nodes->len, IGRAPH_UNDIRECTED);
    igraph_vector_int_destroy(&edges);
    if (!rn_igraph_check(rc, "building the igraph graph", error))
        return FALSE;
    if (weights) {
        if (!rn_igraph_check(igraph_vector_init(weights, (igraph_integer_t)net->edges->len),
                             "allocating weights", error)) {
            igraph_destroy(graph);
            return FALSE;
        }
        for (guint i = 0; i < net->edges->len; i++)
            VECTOR(*weights)[i] = g_array_index(net->edges, RnEdge, i).weight;
    }
    return TRUE;
}
