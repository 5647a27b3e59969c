// Loads a regnet Cytoscape.js export with the cytoscape package, headless,
// exactly as a page would (cytoscape({elements})), and prints what the
// library holds: the graph data, every node's and edge's data, as JSON.
// Usage: node tests/js/read_cytoscape.js FILE.cyjs > dump.json
'use strict';
const fs = require('fs');
const path = require('path');
const cytoscape = require(path.join(__dirname, 'node_modules', 'cytoscape'));

const json = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const cy = cytoscape({ headless: true, styleEnabled: false, elements: json.elements, data: json.data });
const out = {
  data: cy.data(),
  nodes: cy.nodes().map((n) => n.data()),
  edges: cy.edges().map((e) => Object.assign({}, e.data(), {
    source_node: e.source().id(), target_node: e.target().id() })),
};
process.stdout.write(JSON.stringify(out));
