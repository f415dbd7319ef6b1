// Builds the portal's WebAssembly split by route (called by scripts/post-build.mjs).
//
// Trunk 0.21 cannot split a module, so this does it: cargo builds the app with
// `--cfg portal_split` and relocations kept; `wasm-split-cli` cuts it at the page loaders of
// src/pages/lazy.rs into a main module and one module per page (plus the code pages share);
// wasm-bindgen and wasm-opt finish each; then `scripts/wasm-packs.mjs` bundles each page's
// modules into one file, so opening a page is one request, not eighty.
// Everything lands in `wasm-<hash>/` of Trunk's staging folder, and index.html gets the
// loader, the preloads, and the route-to-pack table.
//
// Output is cached by the linked module's hash, so the root and sub-path builds share it.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { availableParallelism, homedir } from "node:os";
import { packModules, ROUTE_PACKS } from "./wasm-packs.mjs";
import { shortenImports } from "./wasm-short-imports.mjs";
import { dropUnusedClasses } from "./wasm-unused-classes.mjs";

const root = new URL("..", import.meta.url).pathname;
const run = (cmd, args, env = {}) =>
  execFileSync(cmd, args, { stdio: ["ignore", "inherit", "inherit"], env: { ...process.env, ...env } });

/** How each release module is optimised: for size, without the sections no browser reads. */
const WASM_OPT = "-Os -iit --low-memory-unused --converge --strip-producers --strip-target-features --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals";

/** Builds, splits and packs the app into `staging/wasm-<hash>/` and adds its loader to index.html. */
export function buildWasm(staging, release) {
// 1. Cargo, in its own target folder: other flags than the tests' builds, so neither
//    invalidates the other.
const targetDir = join(root, "target/split");
const profile = release ? "release" : "dev";
// Panic messages carry source paths; shorter ones are bytes every partner downloads less.
const registry = join(process.env.CARGO_HOME ?? join(homedir(), ".cargo"), "registry/src");
const remaps = [`${root.replace(/\/$/, "")}=.`, ...(existsSync(registry) ? readdirSync(registry).map((d) => `${join(registry, d)}=~`) : [])];
run("cargo", ["build", "--target", "wasm32-unknown-unknown", "--profile", profile, "--bin", "partner-portal"], {
  CARGO_TARGET_DIR: targetDir,
  RUSTFLAGS: ["--cfg erase_components --cfg portal_split -Clink-args=--emit-relocs", ...remaps.map((r) => `--remap-path-prefix=${r}`)].join(" "),
});
const linked = join(targetDir, "wasm32-unknown-unknown", release ? "release" : "debug", "partner-portal.wasm");
const input = readFileSync(linked);
// The scripts' source is part of the key: a new packing must not reuse old packs.
const scripts = ["wasm-packs.mjs", "build-wasm.mjs", "wasm-unused-classes.mjs", "wasm-short-imports.mjs", "wasm-binary.mjs"].map((n) => readFileSync(join(root, "scripts", n)));
const key = scripts.reduce((hash, text) => hash.update(text), createHash("sha256").update(input).update(release ? WASM_OPT : "dev")).digest("hex").slice(0, 16);
const cache = join(root, "target/portal-wasm", key);

if (!existsSync(join(cache, "done"))) {
  rmSync(cache, { recursive: true, force: true });
  const split = join(cache, "split");
  const out = join(cache, "out");
  mkdirSync(out, { recursive: true });
  // 2. Split at the page loaders.
  run("wasm-split-cli", ["--out-name", "partner-portal", linked, split]);
  // 3. Bindings for the main module; the page modules import only from it.
  run("wasm-bindgen", [join(split, "partner-portal.wasm"), "--out-dir", out, "--target", "web", "--keep-lld-exports", "--out-name", "partner-portal", "--no-typescript"]);
  //    Without the stream classes Leptos's server functions would bring (none here).
  dropUnusedClasses(join(out, "partner-portal.js"), join(out, "partner-portal_bg.wasm"));
  for (const name of readdirSync(split)) {
    if (name !== "partner-portal.wasm") cpSync(join(split, name), join(out, name));
  }
  // 4. wasm-opt every module, two at a time.
  const modules = readdirSync(out).filter((n) => n.endsWith(".wasm"));
  if (release) {
    const args = modules.map((n) => join(out, n)).join("\n");
    execFileSync("sh", ["-c", `xargs -P ${availableParallelism()} -I{} wasm-opt ${WASM_OPT} {} -o {}`], {
      input: args,
      stdio: ["pipe", "inherit", "inherit"],
    });
  }
  //    Short names for the main module's imports from its loader (random hex digits otherwise).
  shortenImports(join(out, "partner-portal.js"), join(out, "partner-portal_bg.wasm"));
  // 5. One file per page with every module it needs.
  packModules(out);
  // 6. The loaders minified (terser, from npm: Trunk's own minifier fails on them): 3.7 KiB
  //    less brotli on every first screen. Exported names and import keys stay as they are.
  if (release) {
    const terser = join(root, "tools/node_modules/terser/bin/terser");
    for (const name of readdirSync(out).filter((n) => n.endsWith(".js"))) {
      run("node", [terser, join(out, name), "--module", "--compress", "--mangle", "--output", join(out, name)]);
    }
  }
  writeFileSync(join(cache, "done"), "");
}

// 7. Into the staging folder, under a content-hashed name (cached for a year by the server).
const shipped = join(cache, "out");
const hash = createHash("sha256");
for (const name of readdirSync(shipped).sort()) hash.update(name).update(readFileSync(join(shipped, name)));
const folder = `wasm-${hash.digest("hex").slice(0, 16)}`;
cpSync(shipped, join(staging, folder), { recursive: true });

const indexPath = join(staging, "index.html");
const html = readFileSync(indexPath, "utf8");
const marker = "<!-- wasm: build-wasm.mjs puts the loader here -->";
if (!html.includes(marker)) throw new Error(`build-wasm: index.html lacks the marker ${marker}`);
// The page's pack is fetched beside the main module, not after it starts.
const loader = `<link rel="modulepreload" href="${folder}/partner-portal.js">
    <link rel="preload" href="${folder}/partner-portal_bg.wasm" as="fetch" type="application/wasm" crossorigin>
    <script>
      (function () {
        var packs = ${JSON.stringify(ROUTE_PACKS)};
        var base = new URL(document.baseURI).pathname;
        var path = location.pathname.slice(base.length - 1).replace(/\\/+$/, "") || "/";
        for (var i = 0; i < packs.length; i++) {
          if (new RegExp(packs[i][0]).test(path)) {
            var link = document.createElement("link");
            link.rel = "preload"; link.as = "fetch"; link.crossOrigin = "anonymous";
            link.href = "${folder}/pack_" + packs[i][1] + ".bin";
            document.head.appendChild(link);
            window.portalFirstPage = packs[i][1];
            break;
          }
        }
      })();
    </script>
    <script type="module">
      import("./${folder}/partner-portal.js")
        .then(function (portal) { return portal.default({ module_or_path: "./${folder}/partner-portal_bg.wasm" }); })
        .then(function () {
          // The page's code gets ready while the session is checked; if this fails, the
          // page's own loader tries again and says so.
          if (window.portalFirstPage) {
            import("./${folder}/__wasm_split.js")
              .then(function (split) { return split.__preloadPage(window.portalFirstPage); })
              .catch(function () {});
          }
        }, function () { window.portalFailed("load"); });
    </script>`;
writeFileSync(indexPath, html.replace(marker, loader));
console.log(`build-wasm: ${folder} (${readdirSync(shipped).length} files)`);
}
