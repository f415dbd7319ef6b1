// Drops the JavaScript classes wasm-bindgen exports for a dependency the portal never calls.
// Leptos always brings server_fn, and server_fn's browser half brings wasm-streams, whose three
// stream adapters are exported classes: their exports keep their code alive in the main module
// and their classes sit in its loader, on every first screen (about 1.2 KiB brotli together),
// although the portal has no server functions. Run after wasm-bindgen, before wasm-opt (which
// then removes the code only those exports reached).
import { readFileSync, writeFileSync } from "node:fs";
import { leb, rewriteSection, uleb } from "./wasm-binary.mjs";

/** wasm-streams' adapters, as wasm-bindgen names them in the loader and the module's exports. */
const UNUSED = ["IntoUnderlyingByteSource", "IntoUnderlyingSink", "IntoUnderlyingSource"];

/** The module without the exports `drop(name)` picks; answers their names. */
function withoutExports(buf, drop) {
  const dropped = [];
  const module = rewriteSection(buf, 7, (bytes, body) => {
    let [count, at] = leb(bytes, body);
    const kept = [];
    for (let i = 0; i < count; i++) {
      const start = at;
      let length;
      [length, at] = leb(bytes, at);
      const name = bytes.toString("utf8", at, at + length);
      [, at] = leb(bytes, at + length + 1);
      if (drop(name)) dropped.push(name);
      else kept.push(bytes.subarray(start, at));
    }
    return Buffer.concat([uleb(kept.length), ...kept]);
  });
  return [module, dropped];
}

/** Removes the unused classes from `loader` (wasm-bindgen's JS, not yet minified) and `wasm`. */
export function dropUnusedClasses(loader, wasm) {
  let js = readFileSync(loader, "utf8");
  for (const name of UNUSED) {
    const patterns = [
      new RegExp(`\\nexport class ${name} \\{\\n[\\s\\S]*?\\n\\}\\n`),
      new RegExp(`\\nif \\(Symbol\\.dispose\\) ${name}\\.prototype\\[Symbol\\.dispose\\][^\\n]*\\n`),
      new RegExp(`\\nconst ${name}Finalization = [^;]*;\\n`),
    ];
    for (const pattern of patterns) {
      if (!pattern.test(js)) throw new Error(`wasm-unused-classes: ${pattern} not in ${loader}; has wasm-bindgen's output changed?`);
      js = js.replace(pattern, "\n");
    }
  }
  const lower = UNUSED.map((n) => n.toLowerCase());
  const [module, dropped] = withoutExports(readFileSync(wasm), (name) => lower.some((n) => name.startsWith(n) || name.startsWith(`__wbg_${n}_`)));
  if (new RegExp(lower.join("|"), "i").test(js) || dropped.length === 0) {
    throw new Error(`wasm-unused-classes: ${loader} still uses the classes, or ${wasm} no longer exports them`);
  }
  writeFileSync(loader, js);
  writeFileSync(wasm, module);
}
