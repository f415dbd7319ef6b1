// Prints what the built portal weighs (brotli, quality 11): the first screen of every route
// opened directly (index.html, styles, loader, main module and the route's pack), what each
// further route fetches after Home (its own pack, plus the common pack for the first of them),
// and a tour of every page; fails over size-budget.json.
// Usage: node scripts/size-report.mjs [dist-folder] [--json]
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { brotliCompressSync, constants } from "node:zlib";
import { HOME, ROUTE_PACKS } from "./wasm-packs.mjs";

const root = new URL("..", import.meta.url).pathname;
const args = process.argv.slice(2);
const dist = args.find((a) => !a.startsWith("--")) ?? join(root, "dist");
const budget = JSON.parse(readFileSync(join(root, "size-budget.json"), "utf8"));

/** Brotli bytes of a shipped file: its precompressed copy when the build made one. */
function brotli(path) {
  if (existsSync(`${path}.br`)) return statSync(`${path}.br`).size;
  const bytes = readFileSync(path);
  return brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
}

const wasmDir = readdirSync(dist).find((n) => /^wasm-[0-9a-f]{16}$/.test(n));
if (!wasmDir) {
  console.error(`size: no wasm-<hash> folder in ${dist}; build the portal first`);
  process.exit(1);
}
const css = readdirSync(dist).filter((n) => /^portal-[0-9a-f]{16}\.css$/.test(n));
const shell = ["index.html", "theme.css", ...css, ...["partner-portal.js", "partner-portal_bg.wasm", "__wasm_split.js"].map((n) => join(wasmDir, n))];
const shellBytes = shell.reduce((sum, name) => sum + brotli(join(dist, name)), 0);

const kib = (n) => `${(n / 1024).toFixed(1)} KiB`.padStart(11);
const common = brotli(join(dist, wasmDir, "pack_common.bin"));
const routes = ROUTE_PACKS.map(([pattern, page]) => {
  const pack = brotli(join(dist, wasmDir, `pack_${page}.bin`));
  const own = page === HOME ? 0 : brotli(join(dist, wasmDir, `pack_${page}_own.bin`));
  return { route: pattern.replace(/^\^|\$$/g, "").replace("[^/]+", ":id"), page, pack, own, afterHome: own && own + common, first: shellBytes + pack };
});
// What a partner fetches who opens Home, then every other page: the common pack once.
const chunks = [...new Map(routes.map((r) => [r.page, r])).values()];
const everyPage = shellBytes + common + chunks.reduce((sum, r) => sum + (r.page === HOME ? r.pack : r.own), 0);
const firstScreen = Math.max(...routes.map((r) => r.first));

if (args.includes("--json")) {
  console.log(JSON.stringify({ shell: shellBytes, common, routes, first_screen_max: firstScreen, every_page: everyPage }));
} else {
  console.log(`shell (index.html, styles, loader, main module): ${kib(shellBytes).trim()} brotli`);
  console.log(`code two or more pages share beyond Home's (fetched once, with the first of them): ${kib(common).trim()}`);
  console.log(`${"route".padEnd(24)}${"pack".padStart(11)}${"first screen".padStart(14)}${"own part".padStart(12)}${"first after Home".padStart(18)}`);
  for (const r of routes) console.log(`${r.route.padEnd(24)}${kib(r.pack)}${kib(r.first).padStart(14)}${(r.own ? kib(r.own) : "—").padStart(12)}${(r.own ? kib(r.afterHome) : "—").padStart(18)}`);
  console.log(`Home, then every other page: ${kib(everyPage).trim()} brotli (${relative(root, dist) || dist})`);
  // The text, fetched beside config.json (data a vendor edits, not code): one language's.
  const locales = existsSync(join(dist, "locales")) ? readdirSync(join(dist, "locales")).filter((n) => n.endsWith(".json")) : [];
  if (locales.length) console.log(`message catalogue, one per language, fetched with the first screen: ${locales.map((n) => `${n.replace(".json", "")} ${kib(brotli(join(dist, "locales", n))).trim()}`).join(", ")}`);
}
const over = [];
if (firstScreen > budget.first_screen_brotli_max_bytes) over.push(`first screen ${firstScreen} B > ${budget.first_screen_brotli_max_bytes} B`);
if (everyPage > budget.every_page_brotli_max_bytes) over.push(`every page ${everyPage} B > ${budget.every_page_brotli_max_bytes} B`);
if (over.length) {
  console.error(`size: over budget (size-budget.json): ${over.join("; ")}`);
  process.exit(1);
}
if (!args.includes("--json")) {
  console.log(`size: within budget (largest first screen ${firstScreen} B of ${budget.first_screen_brotli_max_bytes} B, every page ${everyPage} B of ${budget.every_page_brotli_max_bytes} B)`);
}
