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
  ["^/team$", "team_page"],
  ["^/join$", "join_page"],
  ["^/notifications$", "notifications_page"],
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

/**
 * Writes the packs into `dir`, rewrites the loader, removes the loose modules. Three kinds:
 * `pack_<page>.bin`, everything a page needs (for opening it directly); `pack_common.bin`, the
 * code two or more pages share beyond Home's; `pack_<page>_own.bin`, the rest of one page.
 * After Home, the first other page fetches common and its own part, every later page only its
 * own: a partner never downloads the same module twice on the usual way through the portal.
 * Each pack starts with its table of contents (a little-endian u32 length, then JSON
 * `[[module, offset, length], …]`), so the first screen carries no table for other pages.
 */
export function packModules(dir) {
  let js = readFileSync(join(dir, LOADER), "utf8");
  const modules = readModules(js);
  const names = Object.keys(modules);
  const pages = names.filter((n) => modules[n].page);
  const expected = ROUTE_PACKS.map(([, page]) => page).sort();
  if (pages.slice().sort().join() !== expected.join()) {
    throw new Error(`wasm-packs: the split pages (${pages.sort()}) are not the routes' (${expected})`);
  }
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
    const header = Buffer.from(JSON.stringify(entries));
    const length = Buffer.alloc(4);
    length.writeUInt32LE(header.length);
    writeFileSync(join(dir, file), Buffer.concat([length, header, ...parts]));
  };
  const needs = (page) => [...modules[page].deps, page];
  const home = new Set(needs(HOME));
  const users = new Map();
  for (const page of pages.filter((p) => p !== HOME)) {
    for (const name of needs(page).filter((n) => !home.has(n))) users.set(name, (users.get(name) ?? 0) + 1);
  }
  const common = new Set([...users].filter(([, count]) => count >= 2).map(([name]) => name));
  writePack("pack_common.bin", [...common]);
  for (const page of pages) {
    writePack(`pack_${page}.bin`, needs(page));
    if (page !== HOME) writePack(`pack_${page}_own.bin`, needs(page).filter((n) => !home.has(n) && !common.has(n)));
  }
  for (const name of names) rmSync(join(dir, modules[name].file));

  // Every module's loader is the same few lines but for its file: written once (`__load`),
  // each module keeps one short call (1/3 of the loader's bytes, fetched on every first screen).
  js = replaceCounted(
    js,
    /makeLoad\(\(\) => \{\n\s*const src = fetch\(new URL\("\.\/([\w.]+)", import\.meta\.url\)\);\n\s*src\.catch\(\(\) => \{\}\);\n\s*return async \(imports\) => \(WebAssembly\.instantiateStreaming\(src, imports\)\);\n\}\n, /g,
    (_, file) => `__load(${JSON.stringify(file)}, `,
    names.length,
    "module loaders",
  );
  js = replaceCounted(
    js,
    /export const __wasm_split_load_(\w+) = wrapAsyncCb\((__load\([^)]*\))\);/g,
    (_, page, load) => `export const __wasm_split_load_${page} = wrapAsyncCb(__withPack(${JSON.stringify(page)}, ${load}));`,
    pages.length,
    "page loaders",
  );
  const runtime = `
// Added by scripts/wasm-packs.mjs: modules come out of packs (see packModules there).
const __HOME = ${JSON.stringify(HOME)};
const __modules = new Map();
let __common = null;
function __fetchPack(file) {
    return fetch(new URL("./" + file, import.meta.url)).then((response) => {
        if (!response.ok) throw new Error(file + ": HTTP " + response.status);
        return response.arrayBuffer();
    }).then((buffer) => {
        const length = new DataView(buffer).getUint32(0, true);
        const entries = JSON.parse(new TextDecoder().decode(new Uint8Array(buffer, 4, length)));
        const start = 4 + length;
        for (const [name, offset, size] of entries) {
            if (!__modules.has(name)) __modules.set(name, Promise.resolve(buffer.slice(start + offset, start + offset + size)));
        }
    });
}
function __packsFor(page) {
    if (page !== __HOME && __modules.has("split_" + __HOME + ".wasm")) {
        // The shared code is fetched once: a second page asking meanwhile waits for it.
        if (__common === null) {
            const common = __fetchPack("pack_common.bin");
            common.catch(() => { if (__common === common) __common = null; });
            __common = common;
        }
        return Promise.all([__common, __fetchPack("pack_" + page + "_own.bin")]);
    }
    return __fetchPack("pack_" + page + ".bin");
}
const __pages = new Map();
/** Fetches and instantiates a page's modules without running its code (index.html's loader
 *  asks for the first page's while the session is checked); opening the page reuses them. */
export function __preloadPage(page) {
    return __pages.get(page)?.();
}
function __withPack(page, load) {
    let packing = null;
    const loadPage = async () => {
        if (!__modules.has("split_" + page + ".wasm")) {
            // One fetch at a time per page (the preload and the page may both ask); a failed
            // fetch rejects the load, and Try again fetches afresh.
            if (packing === null) {
                const pack = __packsFor(page);
                pack.catch(() => { if (packing === pack) packing = null; });
                packing = pack;
            }
            await packing;
        }
        return load();
    };
    __pages.set(page, loadPage);
    return loadPage;
}
function __packed(name) {
    return __modules.get(name) ?? Promise.reject(new Error(name + " is in no pack"));
}
/** Loads the module \`file\` from the packs once the modules it needs (\`deps\`) are loaded. */
function __load(file, deps) {
    return makeLoad(() => {
        const src = __packed(file);
        src.catch(() => {});
        return async (imports) => WebAssembly.instantiate(await src, imports);
    }, deps);
}
`;
  js = replaceCounted(js, /^(import \{ initSync \} from "[^"]+";\n)/, (line) => line + runtime, 1, "main import");
  writeFileSync(join(dir, LOADER), js);
}
