// The dashboard in a real browser (issue 11): Debian's chromium, headless,
// driven by playwright-core (web/node_modules).  Starts `regnet serve` on a
// free port of 127.0.0.1, opens the page, and checks the map, the network
// (node count drawn = the report's), a click's detail (betweenness), the level
// filter (its API call and the redraw), a comparison, a dropped report (with
// and without the server); saves screenshots; fails on any console error.
// Usage: node tests/browser_test.mjs REGNET OUTPUT_DIR   (from the project root)
import { spawn, execFileSync } from "node:child_process";
import { mkdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join, resolve } from "node:path";

const require = createRequire(resolve("web/package.json"));
const { chromium } = require("playwright-core");
const [REGNET, OUT] = process.argv.slice(2);
mkdirSync(OUT, { recursive: true });
const DATASET = "data/keep-2000-2020.json";
let passed = 0, failed = 0;
function check(name, ok, detail = "") {
  if (ok) passed++; else { failed++; console.log(`FAIL: ${name} ${detail}`); }
}

const server = spawn(REGNET, ["serve", "--dataset", DATASET, "--bind", "127.0.0.1", "--port", "0"],
  { stdio: ["ignore", "pipe", "inherit"] });
let serverOut = "";
const url = await new Promise((ok, fail) => {
  const timer = setTimeout(() => fail(new Error("regnet serve printed no URL in 60 s")), 60000);
  server.stdout.on("data", (d) => {
    serverOut += d;
    const m = serverOut.match(/at (http:\/\/127\.0\.0\.1:\d+\/)/);
    if (m) { clearTimeout(timer); ok(m[1]); }
  });
  server.on("exit", (code) => fail(new Error(`regnet serve exited ${code}`)));
});
const api = async (path) => (await fetch(url + path.replace(/^\//, ""))).json();

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox", "--use-angle=swiftshader", "--enable-unsafe-swiftshader", "--ignore-gpu-blocklist"],
});
const errors = [];
try {
  const page = await browser.newPage({ viewport: { width: 1500, height: 1100 } });
  page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
  page.on("pageerror", (e) => errors.push(String(e)));
  const requests = [];
  page.on("request", (r) => requests.push(r.url()));

  const t0 = Date.now();
  await page.goto(url);
  await page.waitForSelector("body[data-ready]", { timeout: 30000 });
  const loadMs = Date.now() - t0;
  const report = await api("/api/analyze?network=region&level=2");
  const drawn = await page.evaluate(() => ({
    graph: window.regnet.graph.order, sigma: window.regnet.sigma.getGraph().order,
    map: window.regnet.mapPoints, rows: document.querySelectorAll("#nodes tbody tr").length,
    outlines: window.regnet.outlines.length,
  }));
  check("network draws every node of the report", drawn.sigma === report.nodes.length,
    `${drawn.sigma} vs ${report.nodes.length}`);
  check("table lists every node", drawn.rows === report.nodes.length, `${drawn.rows}`);
  check("map places the nodes", drawn.map > 0.9 * report.nodes.length, `${drawn.map}`);
  check("map draws country outlines", drawn.outlines > 50, `${drawn.outlines}`);
  console.log(`page ready in ${loadMs} ms: ${drawn.sigma} nodes drawn, ${drawn.map} on the map`);
  await page.locator("#map-panel").screenshot({ path: join(OUT, "map.png") });
  await page.locator("#network-panel").screenshot({ path: join(OUT, "network.png") });

  // click the node of highest betweenness on the network
  const top = [...report.nodes].sort((a, b) => b.metrics.betweenness - a.metrics.betweenness)[0];
  const pos = await page.evaluate((id) => {
    const s = window.regnet.sigma;
    const p = s.graphToViewport(s.getGraph().getNodeAttributes(id));
    const r = document.getElementById("network").getBoundingClientRect();
    return { x: r.left + p.x, y: r.top + p.y };
  }, top.id);
  await page.mouse.click(pos.x, pos.y);
  await page.waitForSelector("#detail-table tr[data-key=betweenness]", { timeout: 5000 }).catch(() => {});
  const shown = await page.evaluate(() => ({
    title: document.querySelector("#detail h2")?.textContent,
    betweenness: document.querySelector("#detail-table tr[data-key=betweenness] td")?.textContent,
  }));
  const value = parseFloat(shown.betweenness);
  check("a click shows the node's betweenness", Math.abs(value - top.metrics.betweenness) <= 1e-3 * Math.abs(top.metrics.betweenness),
    `${JSON.stringify(shown)} vs ${top.id} ${top.metrics.betweenness}`);
  await page.screenshot({ path: join(OUT, "dashboard.png") });

  // the table: sorted by a clicked column, filtered, downloaded as CSV
  await page.click("#nodes th[data-key=degree]");
  const firstDegree = await page.evaluate(() => {
    const cols = [...document.querySelectorAll("#nodes th")].map((th) => th.dataset.key);
    return Number(document.querySelector("#nodes tbody tr").children[cols.indexOf("degree")].textContent);
  });
  check("a click on a column sorts by it (highest first)", firstDegree === Math.max(...report.nodes.map((n) => n.metrics.degree)), `${firstDegree}`);
  await page.fill("#table-filter", "SI0");
  const filtered = await page.evaluate(() => [...document.querySelectorAll("#nodes tbody tr")].map((tr) => tr.dataset.id));
  const want = report.nodes.filter((n) => [n.id, n.label, n.country].some((v) => String(v ?? "").toLowerCase().includes("si0"))).length;
  check("the filter keeps the matching rows", filtered.length === want && filtered.length > 0, `${filtered.length} vs ${want}`);
  const [download] = await Promise.all([page.waitForEvent("download", { timeout: 10000 }), page.click("#csv")]);
  const csv = readFileSync(await download.path(), "utf8").trim().split("\n");
  check("the CSV download holds the rows shown", csv.length === filtered.length + 1 && csv[0].startsWith("id,label,country"), `${csv.length}`);
  await page.fill("#table-filter", "");

  // the level filter: an API call with level=1 and a redraw
  const before = await page.evaluate(() => document.body.dataset.ready);
  const [request] = await Promise.all([
    page.waitForRequest((r) => r.url().includes("/api/analyze?") && r.url().includes("level=1"), { timeout: 10000 }),
    page.selectOption("#f-level", "1"),
  ]);
  await page.waitForFunction((b) => document.body.dataset.ready !== b, before, { timeout: 30000 });
  const level1 = await api("/api/analyze?network=region&level=1");
  const order1 = await page.evaluate(() => window.regnet.sigma.getGraph().order);
  check("the level filter calls the API", request.url().includes("level=1"));
  check("the level filter redraws", order1 === level1.nodes.length && order1 !== report.nodes.length,
    `${order1} vs ${level1.nodes.length}`);

  // a comparison of the two last periods
  await page.selectOption("#f-level", "2");
  await page.waitForFunction(() => window.regnet.report.parameters.level === 2, null, { timeout: 30000 });
  await page.click("#compare");
  await page.waitForSelector("body[data-compared]", { timeout: 60000 });
  const cmp = await page.evaluate(() => ({
    periods: document.querySelectorAll("#compare-summary tr").length - 1,
    risers: document.querySelectorAll("#compare-result table")[1]?.querySelectorAll("tr").length - 1,
    entered: document.querySelector("#entered h3")?.textContent,
    left: document.querySelector("#left h3")?.textContent,
    maps: document.querySelectorAll("#compare-result canvas").length,
  }));
  const direct = await api("/api/compare?periods=2007-2013,2014-2020&network=region&level=2&top=15");
  check("the comparison shows both periods", cmp.periods === 2, JSON.stringify(cmp));
  check("the comparison lists risers", cmp.risers > 0, JSON.stringify(cmp));
  check("the comparison counts those that left", cmp.left === `Left (${direct.comparisons[0].left.length})`, JSON.stringify(cmp));
  check("side-by-side maps", cmp.maps === 2);
  await page.locator("#compare-panel").screenshot({ path: join(OUT, "comparison.png") });

  // a report file dropped on the page
  const reportFile = join(OUT, "dropped-country.json");
  execFileSync(REGNET, ["analyze", "-q", "--dataset", DATASET, "--network", "country", "--output", reportFile]);
  const text = readFileSync(reportFile, "utf8");
  const countries = JSON.parse(text).nodes.length;
  const drop = async (p) => {
    await p.evaluate((t) => {
      const dt = new DataTransfer();
      dt.items.add(new File([t], "dropped-country.json", { type: "application/json" }));
      window.dispatchEvent(new DragEvent("drop", { dataTransfer: dt, bubbles: true, cancelable: true }));
    }, text);
    await p.waitForFunction((n) => window.regnet.report && window.regnet.report.nodes.length === n && window.regnet.sigma.getGraph().order === n, countries, { timeout: 10000 });
    return p.evaluate(() => window.regnet.sigma.getGraph().order);
  };
  check("a dropped report is drawn", (await drop(page)) === countries);
  await page.screenshot({ path: join(OUT, "dropped.png") });

  // ... and with no server at all (the page opened from its file)
  const offline = await browser.newPage({ viewport: { width: 1300, height: 900 } });
  const offlineErrors = [];
  offline.on("console", (m) => { if (m.type() === "error" && !/Failed to load resource|Fetch API cannot load|net::ERR_/.test(m.text())) offlineErrors.push(m.text()); });
  offline.on("pageerror", (e) => offlineErrors.push(String(e)));
  await offline.goto("file://" + resolve("web/index.html"));
  await offline.waitForFunction(() => /no server/.test(document.getElementById("status").textContent), null, { timeout: 10000 });
  check("without a server a dropped report is drawn", (await drop(offline)) === countries);
  check("no error without a server", offlineErrors.length === 0, offlineErrors.join(" | "));
  check("the page asked the API", requests.some((u) => u.includes("/api/describe")));

  // the keep.eu NUTS 2 page again, its answer cached: time until drawn and clickable
  const again = await browser.newPage({ viewport: { width: 1500, height: 1100 } });
  again.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
  const t1 = Date.now();
  await again.goto(url);
  await again.waitForSelector("body[data-ready]", { timeout: 30000 });
  const readyMs = Date.now() - t1;
  console.log(`page interactive in ${readyMs} ms with the NUTS 2 answer cached; phases (ms since navigation): ${JSON.stringify(await again.evaluate(() => window.regnet.timings))}`);
  // the target is 1 s (docs/serve.md); on a shared 2-core machine under load this only
  // catches a page that hangs
  check("the NUTS 2 page is interactive within 10 s", readyMs < 10000, `${readyMs} ms`);
} catch (e) {
  failed++;
  console.log(`FAIL: ${e.stack || e}`);
} finally {
  await browser.close();
}
check("no console error", errors.length === 0, errors.join(" | "));
server.kill("SIGTERM");
const code = await new Promise((ok) => server.on("exit", (c, s) => ok(c ?? s)));
check("regnet serve stops cleanly on SIGTERM", code === 0 && /stopped/.test(serverOut), `${code}`);
console.log(`browser: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
