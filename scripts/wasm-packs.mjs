// Bundles wasm-split's output into one file per page ("pack"), and teaches its loader to read
// modules from packs: wasm-split makes a module for every set of pages that shares code (about
// 200 here), and fetching eighty of them one by one would cost more than the bytes saved.
// A pack holds a page's module and every shared module it needs; a module already loaded by
// another page is not instantiated twice.
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/** Which pack a path opens: [pattern, page loader], first match wins (see src/app.rs). */
export const ROUTE_PACKS = [
  ["^/$", "home_page"],
  ["^/onboarding$", "onboarding_page"],
  ["^/training$", "training_page"],
  ["^/deals$", "deals_page"],
  ["^/deals/new$", "register_deal_page"],
  ["^/deals/[^/]+$", "deal_page"],
  ["^/leaderboards$", "leaderboards_page"],
  ["^/feedback$", "feedback_page"],
  ["^/feedback/surveys/[^/]+$", "survey_page"],
  ["^/gallery$", "gallery_page"],
  ["^/sign-in$", "sign_in_page"],
];

const LOADER = "__wasm_split.js";
/** The page most visits start at. */
export const HOME = "home_page";

/** Reads the loader's modules: name → { file, deps }, from wasm_split_cli_support 0.2.4's output. */
export function readModules(js) {
  const modules = {};
  const re = /(?:const (__chunk_\d+) = |export const __wasm_split_load_(\w+) = wrapAsyncCb\()makeLoad\(\(\) => \{\s*const src = fetch\(new URL\("\.\/([\w.]+)", import\.meta\.url\)\);[\s\S]*?\n, \[([^\]]*)\]/g;
  for (const m of js.matchAll(re)) {
    modules[m[1] ?? m[2]] = { file: m[3], page: !m[1], deps: m[4].split(",").map((s) => s.trim()).filter(Boolean) };
  }
  return modules;
}

/** Replaces `pattern` in `text`, failing unless it matched exactly `count` times. */
function replaceCounted(text, pattern, replacement, count, what) {
  let seen = 0;
  const out = text.replace(pattern, (...args) => {
    seen += 1;
    return typeof replacement === "function" ? replacement(...args) : replacement;
  });
  if (seen !== count) throw new Error(`wasm-packs: expected ${count} ${what} in ${LOADER}, found ${seen}`);
  return out;
}

/** Writes `pack_<page>.bin` for every page into `dir`, rewrites the loader, removes the loose modules. */
export function packModules(dir) {
  let js = readFileSync(join(dir, LOADER), "utf8");
  const modules = readModules(js);
  const names = Object.keys(modules);
  const pages = names.filter((n) => modules[n].page);
  const expected = ROUTE_PACKS.map(([, page]) => page).sort();
  if (pages.slice().sort().join() !== expected.join()) {
    throw new Error(`wasm-packs: the split pages (${pages.sort()}) are not the routes' (${expected})`);
  }
  // Each page has a full pack, for opening it directly, and (but Home) a smaller one without
  // what Home's pack holds, for the usual way in: Home first, then the other pages.
  const writePack = (file, names) => {
    const entries = [];
    const parts = [];
    let offset = 0;
    for (const name of names) {
      const bytes = readFileSync(join(dir, modules[name].file));
      entries.push([modules[name].file, offset, bytes.length]);
      parts.push(bytes);
      offset += bytes.length;
    }
    writeFileSync(join(dir, file), Buffer.concat(parts));
    return [file, entries];
  };
  const home = new Set([...modules[HOME].deps, HOME]);
  const packs = {};
  for (const page of pages) {
    const names = [...modules[page].deps, page];
    const full = writePack(`pack_${page}.bin`, names);
    const rest = names.filter((n) => !home.has(n));
    packs[page] = page === HOME ? [full] : [full, writePack(`pack_${page}_after_home.bin`, rest)];
  }
  for (const name of names) rmSync(join(dir, modules[name].file));

  js = replaceCounted(
    js,
    /const src = fetch\(new URL\("\.\/([\w.]+)", import\.meta\.url\)\);/g,
    (_, file) => `const src = __packed(${JSON.stringify(file)});`,
    names.length,
    "module fetches",
  );
  js = replaceCounted(
    js,
    /return async \(imports\) => \(WebAssembly\.instantiateStreaming\(src, imports\)\);/g,
    "return async (imports) => (WebAssembly.instantiate(await src, imports));",
    names.length,
    "instantiations",
  );
  js = replaceCounted(
    js,
    /export const __wasm_split_load_(\w+) = wrapAsyncCb\(makeLoad\(([\s\S]*?)\]\)\);/g,
    (_, page, body) => `export const __wasm_split_load_${page} = wrapAsyncCb(__withPack(${JSON.stringify(page)}, makeLoad(${body}])));`,
    pages.length,
    "page loaders",
  );
  const runtime = `
// Added by scripts/wasm-packs.mjs: modules come out of one file per page.
const __PACKS = ${JSON.stringify(packs)};
const __modules = new Map();
function __withPack(page, load) {
    return () => {
        // The smaller pack when everything it leaves out is already here.
        const [full, small] = __PACKS[page];
        const [file, entries] = small && full[1].every(([name]) => __modules.has(name) || small[1].some(([n]) => n === name)) ? small : full;
        const missing = entries.filter(([name]) => !__modules.has(name));
        if (missing.length > 0) {
            const pack = fetch(new URL("./" + file, import.meta.url)).then((response) => {
                if (!response.ok) throw new Error(file + ": HTTP " + response.status);
                return response.arrayBuffer();
            });
            for (const [name, offset, length] of missing) {
                const bytes = pack.then((all) => all.slice(offset, offset + length));
                // A failed fetch is forgotten, so Try again fetches afresh.
                bytes.catch(() => { if (__modules.get(name) === bytes) __modules.delete(name); });
                __modules.set(name, bytes);
            }
        }
        return load();
    };
}
function __packed(name) {
    return __modules.get(name) ?? Promise.reject(new Error(name + " is in no pack"));
}
`;
  js = replaceCounted(js, /^(import \{ initSync \} from "[^"]+";\n)/, (line) => line + runtime, 1, "main import");
  writeFileSync(join(dir, LOADER), js);
}
