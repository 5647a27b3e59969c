// Bundles the page for offline use (run by scripts/install-deps.sh after npm ci):
// src/app.js with sigma, graphology and topojson-client into dist/app.js, and
// the Natural Earth country outlines (world-atlas, public domain) around Europe
// into dist/countries.json.  No file of dist/ is committed.
import { build } from "esbuild";
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { feature } from "topojson-client";

const here = dirname(fileURLToPath(import.meta.url));
mkdirSync(join(here, "dist"), { recursive: true });
await build({
  entryPoints: [join(here, "src", "app.js")],
  bundle: true,
  format: "iife",
  minify: true,
  target: ["es2020"],
  outfile: join(here, "dist", "app.js"),
  logLevel: "warning",
  legalComments: "eof",
});
const topology = JSON.parse(readFileSync(join(here, "node_modules", "world-atlas", "countries-50m.json"), "utf8"));
const countries = feature(topology, topology.objects.countries);
const inEurope = ([lon, lat]) => lon > -32 && lon < 50 && lat > 30 && lat < 75;
const round = (ring) => ring.map(([lon, lat]) => [Math.round(lon * 100) / 100, Math.round(lat * 100) / 100]);
const polygons = [];
for (const f of countries.features) {
  if (!f.geometry) continue;
  const parts = f.geometry.type === "Polygon" ? [f.geometry.coordinates] : f.geometry.coordinates;
  for (const polygon of parts) {
    if (!polygon[0].some(inEurope)) continue;
    polygons.push(polygon.map(round));
  }
}
writeFileSync(join(here, "dist", "countries.json"),
  JSON.stringify({ source: "Natural Earth 1:50m via world-atlas (public domain)", polygons }));
console.error(`regnet: web/dist built (${polygons.length} outline polygons)`);
