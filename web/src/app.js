// The regnet dashboard: a map, the network (sigma.js, WebGL), node detail,
// a sortable table with CSV download and a period comparison, fed by
// `regnet serve` (/api/describe, /api/analyze, /api/compare) or by a report
// file dropped on the page (no server needed).  docs/serve.md.
import Graph from "graphology";
import Sigma from "sigma";

const $ = (id) => document.getElementById(id);
const PALETTE = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2",
  "#7f7f7f", "#bcbd22", "#17becf", "#393b79", "#637939", "#8c6d31", "#843c39", "#7b4173",
  "#3182bd", "#e6550d", "#31a354", "#756bb1", "#636363"];
const METRICS = ["degree", "strength", "betweenness", "harmonic", "closeness", "eigenvector", "pagerank"];

const state = {
  server: false, describe: null, report: null, comparison: null, points: {}, outlines: [],
  sigma: null, graph: null, selected: null, sort: { key: "betweenness", dir: -1 },
  requests: [], mapPoints: 0, ready: false, timings: {},
};
const mark = (name) => { state.timings[name] = Math.round(performance.now()); };
window.regnet = state; // read by the browser test and by curious users

function setStatus(text, error = false) {
  const s = $("status");
  s.textContent = text;
  s.className = error ? "error" : "";
}

async function getJSON(url) {
  state.requests.push(url);
  const response = await fetch(url);
  const body = await response.json().catch(() => null);
  if (!response.ok) throw new Error(body && body.error ? body.error : `${url}: HTTP ${response.status}`);
  return body;
}

// ---- coordinates -------------------------------------------------------------
function coordinates(node) {
  if (Number.isFinite(node.lon) && Number.isFinite(node.lat)) return [node.lon, node.lat];
  const code = node.region || node.nuts || node.id;
  for (let k = String(code).length; k >= 2; k--) {
    const p = state.points[String(code).slice(0, k)];
    if (p) return p;
  }
  if (node.country && state.points[node.country]) return state.points[node.country];
  return null;
}
const LAT0 = 52 * Math.PI / 180;
const BOUNDS = { lon0: -25, lon1: 45, lat0: 34, lat1: 71 };
function project([lon, lat], w, h) {
  const sx = w / ((BOUNDS.lon1 - BOUNDS.lon0) * Math.cos(LAT0));
  const sy = h / (BOUNDS.lat1 - BOUNDS.lat0);
  const s = Math.min(sx, sy);
  return [(lon - BOUNDS.lon0) * Math.cos(LAT0) * s, (BOUNDS.lat1 - lat) * s];
}

// ---- values -------------------------------------------------------------------
const metricOf = (node, m) => (node.metrics && Number.isFinite(node.metrics[m]) ? node.metrics[m] : null);
const groupOf = (node) => node.group ?? node.country ?? node.sector ?? "";
function colours(nodes) {
  const groups = [...new Set(nodes.map(groupOf))].sort();
  const map = new Map(groups.map((g, k) => [g, PALETTE[k % PALETTE.length]]));
  return { groups, colour: (n) => map.get(groupOf(n)) || "#999" };
}
const fmt = (x) => (x === null || x === undefined ? "–" : typeof x === "number"
  ? (Number.isInteger(x) ? String(x) : x.toPrecision(4)) : String(x));
function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === "class") e.className = v; else if (k.startsWith("on")) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v);
  }
  for (const c of children) e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return e;
}

// ---- map ---------------------------------------------------------------------------
const layers = new Map(); // "w x h" -> the country outlines drawn once
function outlineLayer(w, h) {
  const key = `${w}x${h}x${state.outlines.length}`;
  if (layers.has(key)) return layers.get(key);
  const layer = document.createElement("canvas");
  layer.width = w;
  layer.height = h;
  const ctx = layer.getContext("2d");
  ctx.fillStyle = "#dfe9f3";
  ctx.fillRect(0, 0, w, h);
  ctx.fillStyle = "#f4f1ea";
  ctx.strokeStyle = "#9aa5b1";
  ctx.lineWidth = 0.6;
  for (const polygon of state.outlines) {
    ctx.beginPath();
    for (const ring of polygon) {
      ring.forEach((p, k) => { const [x, y] = project(p, w, h); k ? ctx.lineTo(x, y) : ctx.moveTo(x, y); });
      ctx.closePath();
    }
    ctx.fill("evenodd");
    ctx.stroke();
  }
  layers.set(key, layer);
  return layer;
}

function drawMap(canvas, nodes, metric, selected, palette = null) {
  const ctx = canvas.getContext("2d");
  const w = canvas.width, h = canvas.height;
  ctx.drawImage(outlineLayer(w, h), 0, 0);
  const { colour } = palette || colours(nodes);
  const max = nodes.reduce((m, n) => Math.max(m, metricOf(n, metric) ?? 0), 1e-12);
  const drawn = [];
  const order = [...nodes].sort((a, b) => (metricOf(b, metric) ?? 0) - (metricOf(a, metric) ?? 0));
  for (const n of order) {
    const c = coordinates(n);
    if (!c) continue;
    const [x, y] = project(c, w, h);
    const r = 2 + 12 * Math.sqrt((metricOf(n, metric) ?? 0) / max);
    ctx.beginPath();
    ctx.arc(x, y, r, 0, 2 * Math.PI);
    ctx.fillStyle = colour(n) + "cc";
    ctx.fill();
    ctx.lineWidth = n.id === selected ? 3 : 0.5;
    ctx.strokeStyle = n.id === selected ? "#000" : "#fff";
    ctx.stroke();
    drawn.push({ id: n.id, x, y, r });
  }
  canvas._points = drawn;
  return drawn.length;
}

function mapClick(event) {
  const canvas = event.currentTarget;
  const rect = canvas.getBoundingClientRect();
  const x = (event.clientX - rect.left) * canvas.width / rect.width;
  const y = (event.clientY - rect.top) * canvas.height / rect.height;
  let best = null, bestD = Infinity;
  for (const p of canvas._points || []) {
    const d = Math.hypot(p.x - x, p.y - y);
    if (d <= Math.max(p.r, 4) && d < bestD) { best = p; bestD = d; }
  }
  if (best) select(best.id);
}

function drawLegend(nodes) {
  const { groups, colour } = colours(nodes);
  const legend = $("legend");
  legend.replaceChildren();
  for (const g of groups.slice(0, 40)) {
    const span = el("span", {}, g || "(none)");
    span.style.setProperty("--c", colour({ group: g }));
    legend.append(span);
  }
  if (groups.length > 40) legend.append(el("span", {}, `… ${groups.length - 40} more groups`));
}

// ---- network ----------------------------------------------------------------------------
function hash(text) {
  let h = 2166136261;
  for (const c of String(text)) h = Math.imul(h ^ c.charCodeAt(0), 16777619);
  return (h >>> 0) / 4294967296;
}
function drawNetwork(report, metric) {
  const graph = new Graph({ multi: false, type: "undirected" });
  const { colour } = colours(report.nodes);
  const max = report.nodes.reduce((m, n) => Math.max(m, metricOf(n, metric) ?? 0), 1e-12);
  report.nodes.forEach((n, k) => {
    const c = coordinates(n);
    let x, y;
    if (c) { // far-away places (Macaronesia, overseas) kept at the edge of Europe's box
      const lon = Math.min(BOUNDS.lon1, Math.max(BOUNDS.lon0, c[0]));
      const lat = Math.min(BOUNDS.lat1, Math.max(BOUNDS.lat0, c[1]));
      [x, y] = project([lon, lat], 1000, 1000);
      x += (hash(n.id) - 0.5) * 6; // organisations of one region spread a little
      y += (hash(n.id + "y") - 0.5) * 6;
    } else { // no place: a circle, in report order
      const a = 2 * Math.PI * k / report.nodes.length;
      x = 500 + 450 * Math.cos(a); y = 500 + 450 * Math.sin(a);
    }
    graph.addNode(n.id, { x, y: -y, size: 2 + 10 * Math.sqrt((metricOf(n, metric) ?? 0) / max),
      color: colour(n), label: n.label || n.id });
  });
  for (const e of report.edges || []) {
    if (e.source === e.target || graph.hasEdge(e.source, e.target)) continue;
    const w = e.weight ?? 1;
    // light for one shared project, darker for many
    const shade = Math.round(225 - Math.min(90, 25 * Math.log1p(w - 1)));
    graph.addEdge(e.source, e.target, { size: Math.min(3, 0.2 + Math.log1p(w) / 4),
      color: `rgb(${shade},${shade + 5},${Math.min(255, shade + 15)})` });
  }
  if (state.sigma) state.sigma.kill();
  state.graph = graph;
  state.sigma = new Sigma(graph, $("network"), { renderEdgeLabels: false, labelRenderedSizeThreshold: 8 });
  state.sigma.on("clickNode", ({ node }) => select(node));
  $("network-count").textContent = `${graph.order} nodes, ${graph.size} ties drawn`;
}

// ---- detail and table ---------------------------------------------------------------------
function select(id) {
  state.selected = id;
  const node = state.report.nodes.find((n) => n.id === id);
  const detail = $("detail");
  detail.replaceChildren();
  if (!node) return;
  detail.append(el("h2", {}, `${node.label || node.id}`), el("p", {}, `id ${node.id}`));
  const rows = el("table", { id: "detail-table" });
  const add = (k, v) => rows.append(el("tr", { "data-key": k }, el("th", {}, k), el("td", { class: "num" }, fmt(v))));
  for (const [k, v] of Object.entries(node.metrics || {})) add(k, v);
  const c = coordinates(node);
  if (c) add("coordinates", `${c[0]}, ${c[1]}${Number.isFinite(node.lon) ? "" : " (NUTS 2016 label point)"}`);
  for (const [k, v] of Object.entries(node)) {
    if (k === "metrics" || k === "id" || k === "label") continue;
    if (v !== null && typeof v === "object") {
      if (Array.isArray(v)) add(k, `${v.length} entries`);
      else for (const [k2, v2] of Object.entries(v)) if (typeof v2 !== "object" || v2 === null) add(`${k}.${k2}`, v2);
    } else add(k, v);
  }
  detail.append(rows);
  for (const tr of document.querySelectorAll("#nodes tbody tr"))
    tr.classList.toggle("selected", tr.dataset.id === id);
  drawMap($("map"), state.report.nodes, currentMetric(), id);
  if (state.sigma) {
    state.graph.forEachNode((n) => state.graph.setNodeAttribute(n, "highlighted", n === id));
    state.sigma.refresh();
  }
}

function tableColumns(report) {
  const cols = [["id", (n) => n.id], ["label", (n) => n.label ?? ""], ["country", (n) => n.country ?? ""]];
  if (report.nodes.some((n) => n.group !== undefined)) cols.push(["group", (n) => n.group ?? ""]);
  if (report.nodes.some((n) => n.projects !== undefined)) cols.push(["projects", (n) => n.projects ?? null]);
  const metrics = Object.keys((report.nodes[0] || {}).metrics || {});
  for (const m of metrics) cols.push([m, (n) => metricOf(n, m)]);
  return cols;
}

function visibleRows() {
  const cols = tableColumns(state.report);
  const q = $("table-filter").value.trim().toLowerCase();
  let rows = state.report.nodes.filter((n) => !q || [n.id, n.label, n.country, n.group]
    .some((v) => v !== undefined && v !== null && String(v).toLowerCase().includes(q)));
  const col = cols.find(([k]) => k === state.sort.key) || cols[0];
  rows = rows.slice().sort((a, b) => {
    const x = col[1](a), y = col[1](b);
    if (x === y) return 0;
    if (x === null || x === "") return 1;
    if (y === null || y === "") return -1;
    return (x < y ? -1 : 1) * state.sort.dir;
  });
  return { cols, rows };
}

function drawTable() {
  const { cols, rows } = visibleRows();
  const head = el("tr");
  for (const [k] of cols) {
    const th = el("th", { scope: "col", "data-key": k, onclick: () => {
      state.sort = { key: k, dir: state.sort.key === k ? -state.sort.dir : (k === "id" || k === "label" ? 1 : -1) };
      drawTable();
    } }, k);
    if (state.sort.key === k) th.setAttribute("aria-sort", state.sort.dir > 0 ? "ascending" : "descending");
    head.append(th);
  }
  $("nodes").tHead.replaceChildren(head);
  const body = document.createDocumentFragment();
  for (const n of rows) {
    const tr = el("tr", { "data-id": n.id, onclick: () => select(n.id) });
    if (n.id === state.selected) tr.classList.add("selected");
    for (const [, get] of cols) {
      const v = get(n);
      tr.append(el("td", typeof v === "number" ? { class: "num" } : {}, fmt(v)));
    }
    body.append(tr);
  }
  $("nodes").tBodies[0].replaceChildren(body);
  $("table-count").textContent = `${rows.length} of ${state.report.nodes.length} nodes`;
}

function csvCell(v) {
  if (v === null || v === undefined) return "";
  const s = String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
function downloadCSV() {
  const { cols, rows } = visibleRows();
  const lines = [cols.map(([k]) => k).join(",")];
  for (const n of rows) lines.push(cols.map(([, get]) => csvCell(get(n))).join(","));
  const blob = new Blob([lines.join("\n") + "\n"], { type: "text/csv" });
  const a = el("a", { href: URL.createObjectURL(blob), download: "regnet-nodes.csv" });
  document.body.append(a);
  a.click();
  a.remove();
}

// ---- the report ---------------------------------------------------------------------------
function currentMetric() { return $("f-metric").value || "betweenness"; }

function showReport(report) {
  state.report = report;
  state.selected = null;
  const metrics = Object.keys((report.nodes[0] || {}).metrics || {});
  const m = $("f-metric");
  const previous = m.value;
  m.replaceChildren(...metrics.map((k) => el("option", {}, k)));
  m.value = metrics.includes(previous) ? previous : metrics.includes("betweenness") ? "betweenness" : metrics[0] || "";
  redraw();
  const net = report.parameters || {};
  $("attribution").textContent = (report.dataset && report.dataset.attribution) || "";
  if (!state.server) $("dataset").textContent = (report.dataset && report.dataset.name) || "report";
  $("detail").replaceChildren(el("p", { class: "hint" }, "Click a node on the network, the map or the table."));
  setStatus(`${report.nodes.length} nodes, ${(report.edges || []).length} ties (${net.network || "?"}${net.network === "region" ? ` NUTS ${net.level}` : ""})`);
}

function redraw() {
  const report = state.report;
  const metric = currentMetric();
  mark("draw");
  state.mapPoints = drawMap($("map"), report.nodes, metric, state.selected);
  mark("map");
  $("map-count").textContent = `${state.mapPoints} of ${report.nodes.length} nodes placed, sized by ${metric}`;
  drawLegend(report.nodes);
  drawNetwork(report, metric);
  mark("network");
  drawTable();
  mark("table");
  state.ready = true;
  document.body.dataset.ready = String(Date.now());
}

const escapeRegex = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
function query() {
  const p = new URLSearchParams();
  const network = $("f-network").value;
  p.set("network", network);
  if (network === "region") p.set("level", $("f-level").value);
  if ($("f-group").value) p.set("group", $("f-group").value);
  if ($("f-programme").value) p.set("programme", $("f-programme").value);
  if ($("f-period").value) p.set("period", $("f-period").value);
  if ($("f-theme").value) p.set("themes", `^${escapeRegex($("f-theme").value)}$`);
  return p;
}

async function analyze() {
  if (!state.server) return;
  const url = `/api/analyze?${query()}`;
  setStatus("computing…");
  try {
    const started = performance.now();
    const report = await getJSON(url);
    mark("analyze");
    showReport(report);
    $("status").textContent += ` — ${Math.round(performance.now() - started)} ms`;
  } catch (e) {
    setStatus(e.message, true);
  }
}

// ---- comparison --------------------------------------------------------------------------------
function moverTable(title, items) {
  const t = el("table", {}, el("tr", {}, el("th", {}, "id"), el("th", {}, "label"), el("th", {}, "rank from"),
    el("th", {}, "rank to"), el("th", {}, "value from"), el("th", {}, "value to")));
  for (const i of items || [])
    t.append(el("tr", {}, el("td", {}, i.id), el("td", {}, i.label ?? ""), el("td", { class: "num" }, fmt(i.rank_from)),
      el("td", { class: "num" }, fmt(i.rank_to)), el("td", { class: "num" }, fmt(i.value_from)), el("td", { class: "num" }, fmt(i.value_to))));
  return el("div", {}, el("h3", {}, title), t);
}

function showComparison(c) {
  state.comparison = c;
  const out = $("compare-result");
  out.replaceChildren();
  const metric = $("c-metric").value;
  const summary = el("table", { id: "compare-summary" }, el("tr", {}, el("th", {}, "period"), el("th", {}, "nodes"),
    el("th", {}, "ties"), el("th", {}, "density"), el("th", {}, "modularity")));
  for (const p of c.periods)
    summary.append(el("tr", {}, el("td", {}, p.period), el("td", { class: "num" }, fmt(p.summary.nodes)),
      el("td", { class: "num" }, fmt(p.summary.edges)), el("td", { class: "num" }, fmt(p.summary.density)),
      el("td", { class: "num" }, fmt(p.modularity))));
  out.append(summary);
  const maps = el("div", { class: "cols maps" });
  const palette = colours(c.periods.flatMap((p) => p.nodes)); // one colour per group in both maps
  for (const p of c.periods.slice(0, 2)) {
    const canvas = el("canvas", { width: 480, height: 390, "aria-label": `map of ${p.period}` });
    drawMap(canvas, p.nodes, metric, null, palette);
    maps.append(el("div", {}, el("h3", {}, p.period), canvas));
  }
  out.append(maps);
  for (const k of c.comparisons || []) {
    out.append(el("h3", {}, `${k.from} → ${k.to}: ${k.nodes_kept} kept, ${k.nodes_entered} entered, ${k.nodes_left} left; ties kept (Jaccard) ${fmt(k.edge_jaccard)}`));
    const metricKey = (k.risers && k.risers[metric]) ? metric : Object.keys(k.risers || {})[0];
    out.append(el("div", { class: "cols" }, moverTable(`Risers by ${metricKey}`, (k.risers || {})[metricKey]),
      moverTable(`Fallers by ${metricKey}`, (k.fallers || {})[metricKey])));
    out.append(el("div", { class: "cols" },
      el("div", { id: "entered" }, el("h3", {}, `Entered (${k.entered.length})`), el("p", {}, k.entered.join(", ") || "none")),
      el("div", { id: "left" }, el("h3", {}, `Left (${k.left.length})`), el("p", {}, k.left.join(", ") || "none"))));
  }
  document.body.dataset.compared = String(Date.now());
}

async function compare(event) {
  event.preventDefault();
  if (!state.server) return;
  const p = new URLSearchParams();
  p.set("periods", `${$("c-from").value},${$("c-to").value}`);
  const network = $("f-network").value;
  p.set("network", network);
  if (network === "region") p.set("level", $("f-level").value);
  if ($("f-programme").value) p.set("programmes", `^${escapeRegex($("f-programme").value)}$`);
  if ($("f-theme").value) p.set("themes", `^${escapeRegex($("f-theme").value)}$`);
  p.set("top", "15");
  setStatus("comparing…");
  try {
    showComparison(await getJSON(`/api/compare?${p}`));
    setStatus(`compared ${$("c-from").value} and ${$("c-to").value}`);
  } catch (e) {
    $("compare-result").replaceChildren(el("p", { class: "error" }, e.message));
    setStatus(e.message, true);
  }
}

// ---- a dropped or opened report -----------------------------------------------------------------
async function openFile(file) {
  try {
    const doc = JSON.parse(await file.text());
    if (doc.schema === "regnet-report") showReport(doc);
    else if (doc.schema === "regnet-comparison") { showComparison(doc); setStatus(`opened ${file.name}`); }
    else throw new Error(`${file.name}: not a regnet report (schema ${JSON.stringify(doc.schema)})`);
    if (doc.schema === "regnet-report") $("status").textContent += ` — opened ${file.name}`;
  } catch (e) {
    setStatus(e.message, true);
  }
}

function setupDrop() {
  let depth = 0;
  window.addEventListener("dragenter", (e) => { e.preventDefault(); depth++; $("drop").hidden = false; });
  window.addEventListener("dragleave", () => { if (--depth <= 0) { depth = 0; $("drop").hidden = true; } });
  window.addEventListener("dragover", (e) => e.preventDefault());
  window.addEventListener("drop", (e) => {
    e.preventDefault();
    depth = 0;
    $("drop").hidden = true;
    const file = e.dataTransfer && e.dataTransfer.files[0];
    if (file) openFile(file);
  });
  $("open-file").addEventListener("change", (e) => e.target.files[0] && openFile(e.target.files[0]));
}

// ---- start ---------------------------------------------------------------------------------------
function fill(select, values, first) {
  select.replaceChildren(...(first ? [el("option", { value: "" }, first)] : []),
    ...values.map((v) => el("option", { value: v }, v)));
}

async function loadStatic() {
  const [points, outlines] = await Promise.all([
    fetch("data/nuts-points.json").then((r) => r.json()),
    fetch("dist/countries.json").then((r) => r.json()),
  ]);
  state.points = points.points;
  state.outlines = outlines.polygons;
}

async function start() {
  setupDrop();
  $("map").addEventListener("click", mapClick);
  $("table-filter").addEventListener("input", drawTable);
  $("csv").addEventListener("click", downloadCSV);
  $("f-metric").addEventListener("change", () => state.report && redraw());
  for (const id of ["f-network", "f-level", "f-group", "f-programme", "f-period", "f-theme"])
    $(id).addEventListener("change", analyze);
  $("compare-form").addEventListener("submit", compare);
  if (location.protocol === "file:") { // no server: what a dropped report brings
    setStatus("no server: drop a report written by regnet analyze on the page");
    return;
  }
  mark("start");
  // the map's static data and the dataset's description are fetched side by side
  const staticData = loadStatic()
    .catch((e) => setStatus(`map data missing: ${e.message}`, true))
    .then(() => mark("static"));
  try {
    state.describe = await getJSON("/api/describe");
    mark("describe");
    state.server = true;
  } catch (e) {
    await staticData;
    setStatus("no server: drop a report written by regnet analyze on the page");
    return;
  }
  await staticData;
  const d = state.describe;
  $("dataset").textContent = `${d.dataset.name} (${d.totals.projects} projects)`;
  fill($("f-programme"), d.programmes.map((p) => p.name), "all");
  fill($("f-period"), d.periods.map((p) => p.name), "all");
  fill($("f-theme"), d.themes.map((t) => t.name), "all");
  const periods = d.periods.map((p) => p.name);
  fill($("c-from"), periods);
  fill($("c-to"), periods);
  if (periods.length >= 2) { $("c-from").value = periods[periods.length - 2]; $("c-to").value = periods[periods.length - 1]; }
  $("compare").disabled = periods.length < 2;
  if (periods.length < 2) $("compare-result").replaceChildren(el("p", { class: "hint" }, "This dataset holds one period: nothing to compare."));
  await analyze();
}

start();
