// Prints the built portal's size (raw, gzip, brotli) per file and fails over the budget.
// Usage: node scripts/size-report.mjs [dist-folder]
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, extname } from "node:path";
import { gzipSync, brotliCompressSync, constants } from "node:zlib";

const root = new URL("..", import.meta.url).pathname;
const dist = process.argv[2] ?? join(root, "dist");
const budget = JSON.parse(readFileSync(join(root, "size-budget.json"), "utf8"));

const shipped = [".wasm", ".js", ".css", ".html"];
const files = readdirSync(dist)
  .filter((name) => shipped.includes(extname(name)) && statSync(join(dist, name)).isFile())
  .sort();
if (!files.some((name) => name.endsWith(".wasm"))) {
  console.error(`size: no .wasm file in ${dist}; build the portal first`);
  process.exit(1);
}

const kib = (n) => `${(n / 1024).toFixed(1)} KiB`.padStart(11);
const rows = files.map((name) => {
  const bytes = readFileSync(join(dist, name));
  const brotli = brotliCompressSync(bytes, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
  }).length;
  return { name, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length, brotli };
});
console.log(`${"file".padEnd(48)}${"raw".padStart(11)}${"gzip".padStart(11)}${"brotli".padStart(11)}`);
for (const r of rows) console.log(`${r.name.padEnd(48)}${kib(r.raw)}${kib(r.gzip)}${kib(r.brotli)}`);
const sum = (key, pick = () => true) => rows.filter(pick).reduce((n, r) => n + r[key], 0);
const total = { raw: sum("raw"), gzip: sum("gzip"), brotli: sum("brotli") };
console.log(`${"total".padEnd(48)}${kib(total.raw)}${kib(total.gzip)}${kib(total.brotli)}`);

const wasmBrotli = sum("brotli", (r) => r.name.endsWith(".wasm"));
const over = [];
if (wasmBrotli > budget.wasm_brotli_max_bytes) over.push(`wasm ${wasmBrotli} B brotli > budget ${budget.wasm_brotli_max_bytes} B`);
if (total.brotli > budget.total_brotli_max_bytes) over.push(`total ${total.brotli} B brotli > budget ${budget.total_brotli_max_bytes} B`);
if (over.length) {
  console.error(`size: over budget (size-budget.json): ${over.join("; ")}`);
  process.exit(1);
}
console.log(`size: within budget (wasm ${wasmBrotli} B of ${budget.wasm_brotli_max_bytes} B brotli, total ${total.brotli} B of ${budget.total_brotli_max_bytes} B)`);
