"""Round trip of regnet's exports through the tools that read them.

Each export of one report was read by its real consumer: GEXF 1.2draft and
GraphML by NetworkX (read_gexf, read_graphml), GraphML and UCINET DL by
python-igraph (Graph.Read_GraphML, Graph.Read_DL), node-link JSON by
networkx.node_link_graph, CSV by the csv module; the Pajek file was read by R's
igraph (tests/read_pajek.R wrote what it holds) and the Cytoscape.js file by
the cytoscape npm package (tests/js/read_cytoscape.js).  This script compares
what each consumer holds with the JSON report: the same node set, edge set,
weights and every attribute, each value equal to the report's printed value
(the formats print numbers as the report does, so equality is exact).  GEXF
1.3 is checked to be the 1.2draft file with the 1.3 namespaces.

Usage: check_exports.py REPORT.json DIR   (DIR holds the exports, see
tests/exports_test.sh for the names)
"""
import csv
import json
import math
import os
import re
import sys

import igraph
import networkx as nx

REPORT, DIR = sys.argv[1], sys.argv[2]
report = json.load(open(REPORT, encoding="utf-8"))
FAILED = []
PASSED = []


def flatten(node):
    """The attributes regnet's neutral table gives a node (output/export_table.c)."""
    out = {}

    def walk(obj, prefix):
        for key, value in obj.items():
            if isinstance(value, list):
                continue
            if isinstance(value, dict):
                walk(value, "" if (prefix == "" and key == "metrics") else prefix + key + "_")
            else:
                out[prefix + key] = value
    walk({k: v for k, v in node.items() if k != "id"}, "")
    return out


kind = {"org": "organisation"}.get(report["parameters"]["network"], report["parameters"]["network"])
level = report["parameters"]["level"] if kind in ("region", "country") else None
NODES = {}
for n in report["nodes"]:
    attrs = flatten(n)
    attrs["kind"] = kind
    if kind in ("region", "country"):
        attrs["nuts_level"] = level if level is not None else 0
    NODES[n["id"]] = attrs
EDGES = {}
for e in report["edges"]:
    EDGES[frozenset((e["source"], e["target"]))] = {k: v for k, v in e.items() if k not in ("source", "target")}
INTEGER = {"nuts_level", "participations", "projects", "internal_projects", "organisations", "degree",
           "coreness", "community", "brokerage_coordinator", "brokerage_itinerant",
           "brokerage_gatekeeper_representative", "brokerage_liaison", "brokerage_total",
           "bridging_organisations"}


def check(name, condition, detail=""):
    (PASSED if condition else FAILED).append(name)
    if not condition:
        print("FAIL: %s %s" % (name, detail))


def same_value(want, got, missing=(None,)):
    """Is got (as a consumer holds it) the report's value want?"""
    if want is None:
        return got in missing or (isinstance(got, float) and math.isnan(got))
    if isinstance(want, bool):
        return got is want or got == want or str(got).lower() == str(want).lower()
    if isinstance(want, (int, float)):
        try:
            return float(got) == float(want)
        except (TypeError, ValueError):
            return False
    return got == want


def compare_nodes(fmt, held, missing=(None,), attributes=True, empty_is_none=False):
    """held: node id -> attribute dict as the consumer holds it."""
    check(fmt + ": node set", set(held) == set(NODES),
          "%d nodes, %d in the report; e.g. %s" % (len(held), len(NODES), sorted(set(held) ^ set(NODES))[:3]))
    if not attributes:
        return
    bad = []
    for node_id, want in NODES.items():
        got = held.get(node_id, {})
        for key, value in want.items():
            if empty_is_none and value == "" and got.get(key) is None:
                continue
            if not same_value(value, got.get(key), missing):
                bad.append((node_id, key, value, got.get(key)))
    check(fmt + ": every node attribute equals the report's (%d attributes)" % len(next(iter(NODES.values()))),
          not bad, "%d differ, e.g. %s" % (len(bad), bad[:3]))


def compare_edges(fmt, held, attributes=("weight", "projects", "id")):
    """held: frozenset(ends) -> attribute dict."""
    check(fmt + ": edge set", set(held) == set(EDGES), "%d edges, %d in the report" % (len(held), len(EDGES)))
    bad = [(ends, k, EDGES[ends][k], held.get(ends, {}).get(k)) for ends in EDGES for k in attributes
           if not same_value(EDGES[ends][k], held.get(ends, {}).get(k))]
    check(fmt + ": edge %s equal the report's" % "/".join(attributes), not bad,
          "%d differ, e.g. %s" % (len(bad), bad[:3]))


def networkx_graph(fmt, G):
    check(fmt + ": a simple undirected graph", type(G) is nx.Graph, str(type(G)))
    compare_nodes(fmt, {n: d for n, d in G.nodes(data=True)})
    compare_edges(fmt, {frozenset((u, v)): d for u, v, d in G.edges(data=True)})


def path(name):
    return os.path.join(DIR, name)


# GEXF: NetworkX reads 1.1draft and 1.2draft only; 1.3 is the same file in 1.3's namespaces.
networkx_graph("GEXF 1.2draft (networkx.read_gexf)", nx.read_gexf(path("report.gexf12")))
g13 = open(path("report.gexf"), encoding="utf-8").read()
g12 = open(path("report.gexf12"), encoding="utf-8").read()
as13 = (g12.replace("http://www.gexf.net/1.2draft", "http://gexf.net/1.3")
        .replace('version="1.2"', 'version="1.3"').replace(' mode="static"', ""))
check("GEXF 1.3: the 1.2draft content in the 1.3 namespaces", g13 == as13)
check("GEXF: attribution in meta/description",
      report["dataset"].get("attribution") is None or report["dataset"]["attribution"] in g13)

# GraphML: NetworkX and python-igraph.
# NetworkX reads an empty string (<data></data>) as None.
G = nx.read_graphml(path("report.graphml"))
check("GraphML (networkx.read_graphml): a simple undirected graph", type(G) is nx.Graph)
compare_nodes("GraphML (networkx.read_graphml)", {n: d for n, d in G.nodes(data=True)}, empty_is_none=True)
compare_edges("GraphML (networkx.read_graphml)", {frozenset((u, v)): d for u, v, d in G.edges(data=True)})
check("GraphML: attribution as graph data", G.graph.get("attribution") == report["dataset"].get("attribution"))
g = igraph.Graph.Read_GraphML(path("report.graphml"))
check("GraphML (igraph): undirected", not g.is_directed())
# vertex names ("name"): igraph reads "&amp;" in the XML attribute "id" as "&#38;".
compare_nodes("GraphML (igraph.Graph.Read_GraphML)", {v["name"]: v.attributes() for v in g.vs}, missing=(None, ""))
ids = g.vs["name"]
compare_edges("GraphML (igraph.Graph.Read_GraphML)",
              {frozenset((ids[e.source], ids[e.target])): e.attributes() for e in g.es})

# node-link: NetworkX 2.8-3.3 name the edge list with link=, 3.4+ with edges=.
data = json.load(open(path("report.nodelink.json"), encoding="utf-8"))
try:
    G = nx.node_link_graph(data, edges="edges")
except TypeError:
    G = nx.node_link_graph(data, link="edges")
networkx_graph("node-link (networkx.node_link_graph)", G)
check("node-link: attribution in graph", G.graph.get("attribution") == report["dataset"].get("attribution"))

# Cytoscape.js: what the cytoscape package held after cytoscape({elements}).
cy = json.load(open(path("report.cytoscape.dump.json"), encoding="utf-8"))
compare_nodes("Cytoscape.js (cytoscape npm package)", {n["id"]: n for n in cy["nodes"]})
compare_edges("Cytoscape.js (cytoscape npm package)",
              {frozenset((e["source_node"], e["target_node"])): e for e in cy["edges"]})
check("Cytoscape.js: attribution in data", cy["data"].get("attribution") == report["dataset"].get("attribution"))

# CSV: the csv module, UTF-8 with a byte order mark.
for name in ("nodes.csv", "edges.csv"):
    raw = open(path("csv/" + name), "rb").read()
    check("CSV %s: UTF-8 byte order mark, CRLF line ends" % name,
          raw.startswith(b"\xef\xbb\xbf") and raw.count(b"\r\n") == raw.count(b"\n"))
rows = list(csv.DictReader(open(path("csv/nodes.csv"), encoding="utf-8-sig", newline="")))
compare_nodes("CSV nodes.csv (csv module)", {r["id"]: r for r in rows}, missing=("",))
rows = list(csv.DictReader(open(path("csv/edges.csv"), encoding="utf-8-sig", newline="")))
compare_edges("CSV edges.csv (csv module)", {frozenset((r["source"], r["target"])): r for r in rows})

# Pajek: what R's igraph read; labels are the node ids with '"' as "'" (export_pajek.c).
pajek_labels, pajek_edges = [], []
for line in open(path("report.pajek.tsv"), encoding="utf-8"):
    parts = line.rstrip("\n").split("\t")
    if parts[0] == "v":
        pajek_labels.append(parts[1])
    else:
        pajek_edges.append((parts[1], parts[2], float(parts[3])))
order = [n["id"] for n in report["nodes"]]


def pajek_label(node_id):
    return re.sub(r"[\x00-\x1f]", " ", node_id.replace('"', "'"))[:200]


check("Pajek (R igraph read_graph): vertices in the report's order, labelled as documented",
      len(pajek_labels) == len(order) and
      all(pajek_labels[k] in (pajek_label(order[k]), "%s #%d" % (pajek_label(order[k]), k + 1))
          for k in range(len(order))))
back = dict(zip(pajek_labels, order))
compare_edges("Pajek (R igraph read_graph)",
              {frozenset((back.get(a), back.get(b))): {"weight": w} for a, b, w in pajek_edges},
              attributes=("weight",))

# UCINET DL: python-igraph; labels are node ids made one token (export_dl.c).
g = igraph.Graph.Read_DL(path("report.dl"), directed=False)
NUMBER = re.compile(r"^-?[0-9]+(\.[0-9]+)?([eE][+-]?[0-9]+)?$")


def dl_label(node_id):
    text = re.sub(r"[ \t\v\f\r\n]", "_", node_id).replace(",", ";").replace('"', "")
    return "_" + text if not text or NUMBER.match(text) else text


names = g.vs["name"]
order = [n["id"] for n in report["nodes"]]
check("DL: vertices in the report's order, labelled as documented",
      len(names) == len(order) and all(names[k] == dl_label(order[k]) or names[k].startswith(dl_label(order[k]) + "#")
                                       for k in range(len(order))))
compare_nodes("UCINET DL (igraph.Graph.Read_DL)", {order[k]: {} for k in range(min(len(names), len(order)))},
              attributes=False)
compare_edges("UCINET DL (igraph.Graph.Read_DL)",
              {frozenset((order[e.source], order[e.target])): e.attributes() for e in g.es},
              attributes=("weight",))

print("exports of %s: %d passed, %d failed" % (os.path.basename(REPORT), len(PASSED), len(FAILED)))
sys.exit(1 if FAILED else 0)
