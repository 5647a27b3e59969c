/*
 * network.c — builds region and organisation networks from the model.
 * See network.h for the definitions.
 */
#include "engine/network.h"
#include "engine/label_points.h"

#include <math.h>
#include <string.h>

#include "engine/error.h"

const char *rn_network_kind_name(RnNetworkKind kind)
{
    return kind == RN_NETWORK_REGION    ? "region"
           : kind == RN_NETWORK_ORG     ? "org"
           : kind == RN_NETWORK_COUNTRY ? "country"
                                        : "sector";
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
    net->projects_by_theme = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
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
    g_hash_table_unref(net->projects_by_theme);
    g_free(net);
}

/* Adds one to each of a project's themes ("; "-joined) in counts. */
static void count_themes(GHashTable *counts, const char *themes)
{
    if (!*themes)
        return;
    g_auto(GStrv) each = g_strsplit(themes, "; ", -1);
    for (guint k = 0; each[k]; k++)
        rn_count_add(counts, each[k], 1);
}

/* Does one of a project's themes ("; "-joined) match regex? */
static gboolean any_theme_matches(const GRegex *regex, const char *themes)
{
    if (!*themes)
        return FALSE;
    g_auto(GStrv) each = g_strsplit(themes, "; ", -1);
    for (guint k = 0; each[k]; k++)
        if (g_regex_match(regex, each[k], 0, NULL))
            return TRUE;
    return FALSE;
}

gboolean rn_network_spec_selects(const RnModel *model, const RnProject *project,
                                 const RnNetworkSpec *spec)
{
    g_return_val_if_fail(model != NULL, FALSE);
    g_return_val_if_fail(project != NULL, FALSE);
    g_return_val_if_fail(spec != NULL, FALSE);
    const RnProgramme *prog = &g_array_index(model->programmes, RnProgramme, project->programme);
    if (spec->programme && strcmp(prog->name, spec->programme) != 0)
        return FALSE;
    if (spec->period && strcmp(project->period, spec->period) != 0)
        return FALSE;
    if (spec->programmes && !g_regex_match(spec->programmes, prog->name, 0, NULL))
        return FALSE;
    return !spec->themes || any_theme_matches(spec->themes, project->themes);
}

/* Entity (model index + 1) a participation contributes to at the spec's
 * level, or 0 with *reason set (never NULL) when it is unlocated. */
static guint participation_entity(const RnModel *model, const RnParticipation *p,
                                  const RnNetworkSpec *spec, const char **reason,
                                  GHashTable *level_reasons, GPtrArray *countries)
{
    if (spec->kind == RN_NETWORK_ORG)
        return p->org + 1;
    if (spec->kind == RN_NETWORK_SECTOR) {
        const char *sector = g_array_index(model->orgs, RnOrg, p->org).sector;
        if (!*sector) {
            *reason = "no sector known";
            return 0;
        }
        for (guint i = 0; i < countries->len; i++)
            if (strcmp(g_ptr_array_index(countries, i), sector) == 0)
                return i + 1;
        g_ptr_array_add(countries, (gpointer)sector);
        return countries->len;
    }
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
        *reason = p->unlocated ? p->unlocated : "no region given";
        return 0;
    }
    const RnRegion *region = rn_model_region(model, p->nuts);
    if (!region) {
        /* Loaders keep only codes of the table; a model filled otherwise may not. */
        *reason = "region code not in the NUTS table";
        return 0;
    }
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
    const RnRegion *ancestor = rn_model_region_ancestor(model, p->nuts, spec->level);
    if (!ancestor) {
        /* rn_load_nuts links every region to its parent: not reached from a table. */
        *reason = "region without a parent at this NUTS level";
        return 0;
    }
    return rn_model_region_index(model, ancestor) + 1;
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

/* Sorts a[0..n) ascending; scratch holds n.  Insertion sort for short runs,
 * else least-significant-digit radix sort on bytes, skipping the bytes every
 * key shares (node indices rarely use the top ones).  No callbacks: this sorts
 * every node's neighbours, 2.9 million values for the FP7 + H2020 network.
 * Time complexity: O(n^2) for n <= 64, else O(n + 256) per byte that varies. */
static void sort_uints(guint *a, guint n, guint *scratch)
{
    if (n <= 64) {
        for (guint i = 1; i < n; i++) {
            guint v = a[i], j = i;
            for (; j > 0 && a[j - 1] > v; j--)
                a[j] = a[j - 1];
            a[j] = v;
        }
        return;
    }
    guint all_or = 0, all_and = G_MAXUINT;
    for (guint i = 0; i < n; i++) {
        all_or |= a[i];
        all_and &= a[i];
    }
    guint *from = a, *to = scratch;
    for (guint shift = 0; shift < 32; shift += 8) {
        if ((((all_or ^ all_and) >> shift) & 0xFF) == 0)
            continue; /* every key has the same byte here */
        guint count[257] = {0};
        for (guint i = 0; i < n; i++)
            count[((from[i] >> shift) & 0xFF) + 1]++;
        for (guint b = 0; b < 256; b++)
            count[b + 1] += count[b];
        for (guint i = 0; i < n; i++)
            to[count[(from[i] >> shift) & 0xFF]++] = from[i];
        guint *swap = from;
        from = to;
        to = swap;
    }
    if (from != a)
        memcpy(a, from, n * sizeof(guint));
}

/* Sets node's point from the label-point table: the point of region code
 * (country: the country's point) in the model's edition. */
static void locate_node(const RnModel *model, RnNode *node, const char *code, gboolean country)
{
    if (!code || !*code)
        return;
    gboolean found = country ? rn_country_point(model->nuts_edition, code, &node->lon, &node->lat)
                             : rn_label_point(model->nuts_edition, code, &node->lon, &node->lat);
    if (found)
        node->coordinates_from = "region";
}

static void fill_node(const RnModel *model, const RnNetworkSpec *spec, const Tally *t,
                      GPtrArray *countries, RnNode *node)
{
    node->participations = t->participations;
    node->projects = t->projects;
    if (spec->kind == RN_NETWORK_SECTOR) {
        const char *sector = g_ptr_array_index(countries, t->entity - 1);
        node->id = g_strdup(sector);
        node->label = g_strdup(sector);
        node->country = g_strdup("");
        node->sector = g_strdup(sector);
        node->region = g_strdup("");
        node->internal_projects = t->internal_projects;
        node->organisations = g_hash_table_size(t->orgs);
    } else if (spec->kind == RN_NETWORK_COUNTRY) {
        const char *code = g_ptr_array_index(countries, t->entity - 1);
        const RnRegion *r = rn_model_region(model, code);
        node->id = g_strdup(code);
        node->label = g_strdup(r ? r->name : code);
        node->country = g_strdup(code);
        node->sector = g_strdup("");
        node->region = g_strdup(r ? code : "");
        node->internal_projects = t->internal_projects;
        node->organisations = g_hash_table_size(t->orgs);
        locate_node(model, node, code, TRUE);
    } else if (spec->kind == RN_NETWORK_REGION) {
        const RnRegion *r = &g_array_index(model->regions, RnRegion, t->entity - 1);
        node->id = g_strdup(r->code);
        node->label = g_strdup(r->name);
        node->country = g_strdup(r->country);
        node->sector = g_strdup("");
        node->region = g_strdup(r->code);
        node->internal_projects = t->internal_projects;
        node->organisations = g_hash_table_size(t->orgs);
        locate_node(model, node, r->code, r->level == 0);
    } else {
        const RnOrg *o = &g_array_index(model->orgs, RnOrg, t->entity - 1);
        node->id = g_strdup(o->key);
        node->label = g_strdup(o->name);
        node->country = g_strdup(o->country);
        node->sector = g_strdup(o->sector);
        node->sector_inferred = o->sector_inferred;
        node->region = most_frequent(t->regions);
        node->cluster = o->cluster;
        /* The sources' own lon/lat first; otherwise the region's point. */
        if (isfinite(o->lon) && isfinite(o->lat)) {
            node->lon = o->lon;
            node->lat = o->lat;
            node->coordinates_from = "source";
        } else {
            locate_node(model, node, node->region, FALSE);
        }
    }
}

/*
 * Building runs in three passes, without hashing pairs (a Horizon 2020
 * organisation network has over a million ties):
 *   1. each selected project's distinct member entities, with tallies;
 *   2. nodes sorted by id, and each node's projects;
 *   3. for each node i in order, the ties to nodes j > i, accumulated in
 *      arrays indexed by j; the targets of i are sorted, so edges come out in
 *      (source, target) order, and a second scan writes each edge's projects.
 */
RnNetwork *rn_network_build(const RnModel *model, const RnNetworkSpec *spec, GError **error)
{
    g_return_val_if_fail(model != NULL && spec != NULL, NULL);
    g_return_val_if_fail(spec->kind != RN_NETWORK_REGION || (spec->level >= 0 && spec->level <= 3),
                         NULL);
    g_return_val_if_fail(error == NULL || *error == NULL, NULL);
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
    net->model = model;
    net->level = spec->kind == RN_NETWORK_REGION ? spec->level : 0;
    net->weighting = spec->weighting;
    net->programme = g_strdup(spec->programme);
    net->period = g_strdup(spec->period);

    g_autoptr(GHashTable) level_reasons = g_hash_table_new_full(g_direct_hash, g_direct_equal,
                                                                NULL, g_free);
    /* Country codes (interned strings) or sectors seen, entity = index + 1.
     * Few of them, so a linear scan beats hashing. */
    g_autoptr(GPtrArray) countries = g_ptr_array_new();
    guint entity_bound = (spec->kind == RN_NETWORK_ORG      ? model->orgs->len
                          : spec->kind == RN_NETWORK_REGION ? model->regions->len
                                                            : model->participations->len) + 2;
    g_autofree Tally **tally = g_new0(Tally *, entity_bound);
    g_autofree guint *stamp = g_new0(guint, entity_bound);
    /* Pass 1: members (entity ids) of each selected project, CSR by project. */
    /* Plain arrays at their bounds (a project's members are at most its
     * participations): no growth, no call per element. */
    g_autofree guint *members = g_new(guint, model->participations->len + 1);
    g_autofree guint *member_start = g_new(guint, n_projects + 1);
    g_autofree guint *member_project = g_new(guint, n_projects + 1);
    guint n_members = 0, n_tied = 0;
    for (guint p = 0; p < n_projects; p++) {
        const RnProject *project = &g_array_index(model->projects, RnProject, p);
        if (start[p] == start[p + 1] || !rn_network_spec_selects(model, project, spec))
            continue;
        net->projects_selected++;
        net->projects_single += start[p + 1] - start[p] == 1;
        count_themes(net->projects_by_theme, project->themes);
        guint first = n_members;
        for (guint k = start[p]; k < start[p + 1]; k++) {
            const RnParticipation *part =
                &g_array_index(model->participations, RnParticipation, by_project[k]);
            net->participations_selected++;
            const char *reason = NULL;
            guint entity = participation_entity(model, part, spec, &reason, level_reasons,
                                                countries);
            if (!entity) {
                net->participations_unlocated++;
                rn_count_add(net->unlocated_by_reason, reason, 1);
                continue;
            }
            Tally *t = tally[entity];
            if (!t) {
                t = tally[entity] = g_new0(Tally, 1);
                t->entity = entity;
                if (spec->kind != RN_NETWORK_ORG)
                    t->orgs = g_hash_table_new(g_direct_hash, g_direct_equal);
                else
                    t->regions = g_hash_table_new(g_str_hash, g_str_equal);
            }
            t->participations++;
            if (t->orgs)
                g_hash_table_add(t->orgs, GUINT_TO_POINTER(part->org + 1));
            if (t->regions && part->nuts)
                g_hash_table_replace(t->regions, part->nuts,
                                     GUINT_TO_POINTER(GPOINTER_TO_UINT(g_hash_table_lookup(
                                                          t->regions, part->nuts)) + 1));
            if (stamp[entity] != p + 1) { /* first time in this project */
                stamp[entity] = p + 1;
                members[n_members++] = entity;
                t->projects++;
            }
        }
        guint n = n_members - first;
        if (n == 1)
            tally[members[first]]->internal_projects++;
        if (n < 2) {
            n_members = first;
            continue;
        }
        net->projects_with_ties++;
        member_start[n_tied] = first;
        member_project[n_tied++] = p;
    }
    member_start[n_tied] = n_members;
    if (net->projects_selected == 0) {
        for (guint e = 0; e < entity_bound; e++)
            if (tally[e])
                free_tally(tally[e]);
        gboolean filtered = spec->programme || spec->period || spec->programmes || spec->themes;
        if (!filtered) {
            /* rn_load_dataset refuses such a dataset first, naming its sources. */
            g_set_error(error, RN_ERROR, RN_ERROR_DATA,
                        "the data hold no participation (no project with participants); "
                        "expected sources with at least one row naming a project and an "
                        "organisation");
            return NULL;
        }
        g_set_error(error, RN_ERROR, RN_ERROR_USAGE,
                    "no project with participants matches the filters%s%s%s%s%s%s%s%s",
                    spec->programme ? " --programme=" : "", spec->programme ? spec->programme : "",
                    spec->period ? " --period=" : "", spec->period ? spec->period : "",
                    spec->programmes ? " --programmes=" : "",
                    spec->programmes ? g_regex_get_pattern(spec->programmes) : "",
                    spec->themes ? " --themes=" : "",
                    spec->themes ? g_regex_get_pattern(spec->themes) : "");
        return NULL;
    }

    /* Pass 2: nodes in id order; entity -> node index. */
    for (guint e = 0; e < entity_bound; e++) {
        if (!tally[e])
            continue;
        RnNode node = {0};
        fill_node(model, spec, tally[e], countries, &node);
        node.participations = e; /* entity, until sorted */
        g_array_append_val(net->nodes, node);
    }
    g_array_sort(net->nodes, compare_nodes);
    guint n_nodes = net->nodes->len;
    g_autofree guint *node_of = g_new0(guint, entity_bound);
    for (guint i = 0; i < n_nodes; i++) {
        RnNode *node = &g_array_index(net->nodes, RnNode, i);
        guint entity = node->participations;
        node->participations = tally[entity]->participations;
        node_of[entity] = i;
        free_tally(tally[entity]);
        tally[entity] = NULL;
    }
    guint *m = members;
    for (guint k = 0; k < n_members; k++)
        m[k] = node_of[m[k]];
    /* Each node's tied projects (as indices into member_start), CSR. */
    g_autofree guint *node_start = g_new0(guint, n_nodes + 1);
    const guint *ms = member_start;
    for (guint q = 0; q < n_tied; q++)
        for (guint k = ms[q]; k < ms[q + 1]; k++)
            node_start[m[k] + 1]++;
    for (guint i = 0; i < n_nodes; i++)
        node_start[i + 1] += node_start[i];
    g_autofree guint *node_projects = g_new(guint, node_start[n_nodes] + 1);
    g_autofree guint *cursor = g_memdup2(node_start, sizeof(guint) * (n_nodes + 1));
    for (guint q = 0; q < n_tied; q++)
        for (guint k = ms[q]; k < ms[q + 1]; k++)
            node_projects[cursor[m[k]]++] = q;

    /* Pass 3: ties of each node i to nodes j > i. */
    g_autofree guint *slot = g_new(guint, n_nodes + 1); /* j -> edge index, valid if seen[j] == i + 1 */
    g_autofree guint *seen = g_new0(guint, n_nodes + 1);
    g_autofree guint *targets = g_new(guint, n_nodes + 1);
    g_autofree guint *sort_scratch = g_new(guint, n_nodes + 1);
    for (guint i = 0; i < n_nodes; i++) {
        guint n_targets = 0;
        for (guint a = node_start[i]; a < node_start[i + 1]; a++) {
            guint q = node_projects[a];
            for (guint k = ms[q]; k < ms[q + 1]; k++)
                if (m[k] > i && seen[m[k]] != i + 1) {
                    seen[m[k]] = i + 1;
                    targets[n_targets++] = m[k];
                }
        }
        if (n_targets == 0)
            continue;
        sort_uints(targets, n_targets, sort_scratch);
        guint base = net->edges->len;
        g_array_set_size(net->edges, base + n_targets);
        for (guint t = 0; t < n_targets; t++) {
            guint j = targets[t];
            g_array_index(net->edges, RnEdge, base + t) = (RnEdge){.source = i, .target = j};
            slot[j] = base + t;
        }
        /* Weights and project counts, then each edge's projects in project order. */
        for (guint a = node_start[i]; a < node_start[i + 1]; a++) {
            guint q = node_projects[a], size = ms[q + 1] - ms[q];
            double w = spec->weighting == RN_WEIGHT_NEWMAN ? 1.0 / (size - 1) : 1.0;
            for (guint k = ms[q]; k < ms[q + 1]; k++)
                if (m[k] > i) {
                    RnEdge *e = &g_array_index(net->edges, RnEdge, slot[m[k]]);
                    e->weight += w;
                    e->projects++;
                }
        }
        guint offset = net->edge_projects->len;
        for (guint t = base; t < net->edges->len; t++) {
            RnEdge *e = &g_array_index(net->edges, RnEdge, t);
            e->project_offset = offset;
            offset += e->projects;
            e->projects = 0; /* refilled below as a cursor */
        }
        g_array_set_size(net->edge_projects, offset);
        guint *ep = (guint *)net->edge_projects->data;
        for (guint a = node_start[i]; a < node_start[i + 1]; a++) {
            guint q = node_projects[a];
            for (guint k = ms[q]; k < ms[q + 1]; k++)
                if (m[k] > i) {
                    RnEdge *e = &g_array_index(net->edges, RnEdge, slot[m[k]]);
                    ep[e->project_offset + e->projects++] = member_project[q];
                }
        }
    }
    return g_steal_pointer(&net);
}
