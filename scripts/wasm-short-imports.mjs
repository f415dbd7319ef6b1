// Gives the main module's imports from its loader short names (`a`, `b` … `aa`), in the module
// and in the loader alike. wasm-bindgen names each `__wbg_<function>_<16 hex digits>`: those
// digits are random to a compressor, and with 240 imports named twice (in the module and in the
// loader) they were about 3 KiB brotli of every first screen. Run after wasm-opt, which may drop
// imports (those keep their names in the loader and are never called), before the loader is
// minified.
import { readFileSync, writeFileSync } from "node:fs";
import { leb, rewriteSection, uleb } from "./wasm-binary.mjs";

/** The module name wasm-bindgen gives the loader's own functions (`--target web`). */
const LOADER_MODULE = "./partner-portal_bg.js";

const name = (text) => Buffer.concat([uleb(Buffer.byteLength(text)), Buffer.from(text)]);

/** `a` … `z`, then `aa` …: never a JavaScript keyword at these lengths that matters (keys). */
function shortName(i) {
  let out = "";
  do {
    out = String.fromCharCode(97 + (i % 26)) + out;
    i = Math.floor(i / 26) - 1;
  } while (i >= 0);
  return out;
}

/** Where an import's description ends, from its kind byte at `pos`. */
function skipDescription(buf, pos) {
  const kind = buf[pos++];
  const limits = (at) => {
    const flags = buf[at++];
    [, at] = leb(buf, at);
    if (flags & 1) [, at] = leb(buf, at);
    return at;
  };
  if (kind === 0) return leb(buf, pos)[1]; // function: its type
  if (kind === 1) return limits(pos + 1); // table: element type, limits
  if (kind === 2) return limits(pos); // memory: limits
  if (kind === 3) return pos + 2; // global: value type, mutability
  if (kind === 4) return leb(buf, pos + 1)[1]; // tag: attribute, type
  throw new Error(`wasm-short-imports: unknown import kind ${kind}`);
}

/** Renames the loader's functions in `wasm`'s imports and in `loader`'s import object. */
export function shortenImports(loader, wasm) {
  const buf = readFileSync(wasm);
  const renamed = new Map();
  const module = rewriteSection(buf, 2, (bytes, body) => {
    let [count, at] = leb(bytes, body);
    const entries = [];
    for (let i = 0; i < count; i++) {
      let length;
      [length, at] = leb(bytes, at);
      const module = bytes.toString("utf8", at, at + length);
      at += length;
      [length, at] = leb(bytes, at);
      const field = bytes.toString("utf8", at, at + length);
      at += length;
      const description = bytes.subarray(at, (at = skipDescription(bytes, at)));
      let short = field;
      if (module === LOADER_MODULE) {
        if (!renamed.has(field)) renamed.set(field, shortName(renamed.size));
        short = renamed.get(field);
      }
      entries.push(name(module), name(short), description);
    }
    return Buffer.concat([uleb(count), ...entries]);
  });
  let js = readFileSync(loader, "utf8");
  for (const [field, short] of renamed) {
    // The import object's keys, one per line at the same depth, as wasm-bindgen writes them.
    const key = new RegExp(`^(\\s+)${field.replace(/\$/g, "\\$")}(: function\\()`, "m");
    if (!key.test(js)) throw new Error(`wasm-short-imports: ${field} is not a key of ${loader}'s imports`);
    js = js.replace(key, `$1${short}$2`);
  }
  writeFileSync(loader, js);
  writeFileSync(wasm, module);
  return renamed.size;
}
