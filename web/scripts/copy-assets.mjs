// Copies the pinned npm files the pages need into web/assets/vendor/, where
// go:embed picks them up. Run by `make assets` after `npm ci`.
import { copyFileSync, mkdirSync, existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const vendor = join(root, "web", "assets", "vendor");
const files = [
  ["node_modules/cytoscape/dist/cytoscape.min.js", "cytoscape.min.js"],
  ["node_modules/cytoscape/LICENSE", "cytoscape.LICENSE.txt"],
  ["node_modules/topojson-client/dist/topojson-client.min.js", "topojson-client.min.js"],
  ["node_modules/topojson-client/LICENSE", "topojson-client.LICENSE.txt"],
  ["node_modules/world-atlas/countries-110m.json", "countries-110m.json"],
  ["node_modules/world-atlas/LICENSE", "world-atlas.LICENSE.txt"],
];
mkdirSync(vendor, { recursive: true });
for (const [from, to] of files) {
  const src = join(root, from);
  if (!existsSync(src)) {
    console.error(`missing ${from}: run npm ci first`);
    process.exit(1);
  }
  copyFileSync(src, join(vendor, to));
  console.log(`web/assets/vendor/${to}`);
}
