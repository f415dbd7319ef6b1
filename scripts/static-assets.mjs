// The portal's styles as one file, and precompressed copies of every shipped file.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { extname, join } from "node:path";
import { createRequire } from "node:module";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

const root = new URL("..", import.meta.url).pathname;

/**
 * Joins the hashed stylesheets Trunk linked, in their order, into `portal-<hash>.css`; in a
 * release, minified by csso (from npm) without reordering rules: 2 KiB less brotli on every
 * first screen. The commented sources stay in style/ for designers.
 */
export function bundleStyles(staging, release) {
  const indexPath = join(staging, "index.html");
  let html = readFileSync(indexPath, "utf8");
  const link = /\n\s*<link rel="stylesheet" href="([^"]*?)([\w]+-[0-9a-f]{8,16}\.css)" integrity="[^"]*"\/>/g;
  const found = [...html.matchAll(link)];
  if (found.length === 0) throw new Error("static-assets: index.html links no built stylesheet");
  let css = found.map(([, , file]) => `/* ${file.replace(/-[0-9a-f]{8,16}/, "")} */\n${readFileSync(join(staging, file), "utf8")}`).join("\n");
  if (release) {
    const csso = createRequire(join(root, "tools/package.json"))("csso");
    css = csso.minify(css, { restructure: false }).css;
  }
  const name = `portal-${createHash("sha256").update(css).digest("hex").slice(0, 16)}.css`;
  writeFileSync(join(staging, name), css);
  for (const [, , file] of found) rmSync(join(staging, file));
  let first = true;
  html = html.replace(link, (_, prefix) => {
    if (!first) return "";
    first = false;
    return `\n    <link rel="stylesheet" href="${prefix}${name}">`;
  });
  writeFileSync(indexPath, html);
}

/**
 * index.html without its comments and indentation, its inline scripts minified by terser (a
 * release): every first screen downloads it. The commented source stays in index.html.
 */
export function minifyPage(staging) {
  const path = join(staging, "index.html");
  const terser = join(root, "tools/node_modules/terser/bin/terser");
  const html = readFileSync(path, "utf8")
    .replace(/<!--[\s\S]*?-->/g, "")
    .replace(/<link data-trunk [^>]*>/g, "")
    .replace(/(<script(?: type="module")?>)([\s\S]*?)(<\/script>)/g, (_, open, code, close) => {
      const args = [terser, "--compress", "--mangle", ...(open.includes("module") ? ["--module"] : [])];
      return open + execFileSync("node", args, { input: code, encoding: "utf8" }).trim() + close;
    })
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean)
    .join("\n");
  writeFileSync(path, `${html}\n`);
}

const COMPRESSIBLE = new Set([".css", ".js", ".wasm", ".bin"]);
const HASHED = /-[0-9a-f]{8,16}(\.|$)/;

/**
 * Writes `<file>.br` (quality 11) and `<file>.gz` (level 9) beside every content-hashed file.
 * Only those: a vendor edits config.json or theme.css in place, and a stale copy would win.
 */
export function precompress(dir, hashed = false) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      precompress(path, hashed || HASHED.test(name));
    } else if (COMPRESSIBLE.has(extname(name)) && (hashed || HASHED.test(name))) {
      const bytes = readFileSync(path);
      const brotli = brotliCompressSync(bytes, {
        params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
      });
      writeFileSync(`${path}.br`, brotli);
      writeFileSync(`${path}.gz`, gzipSync(bytes, { level: 9 }));
    }
  }
}
