// Fails when a layer imports what ARCHITECTURE.md says it may not, or when the top-level
// modules of a crate import each other in a circle. Usage: node scripts/check-boundaries.mjs
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";

const root = new URL("..", import.meta.url).pathname;

function rustFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return rustFiles(path);
    return name.endsWith(".rs") ? [path] : [];
  });
}

// Code only: comments and string literals cannot break a rule.
function code(path) {
  return readFileSync(path, "utf8")
    .replace(/\/\/.*$/gm, "")
    .replace(/"(?:[^"\\]|\\.)*"/g, '""');
}

const problems = [];
function forbid(dir, what, pattern, except = () => false) {
  for (const file of rustFiles(join(root, dir))) {
    const rel = relative(root, file);
    if (except(rel)) continue;
    code(file).split("\n").forEach((line, i) => {
      const hit = line.match(pattern);
      if (hit) problems.push(`${rel}:${i + 1}: ${what} (found \`${hit[0]}\`)`);
    });
  }
}

// The rules of ARCHITECTURE.md.
forbid("src/domain", "domain/ is pure logic: no UI crate, no browser API, no layer above it",
  /\b(leptos\w*|web_sys|wasm_bindgen\w*|js_sys|gloo_net)::|crate::(api|app|components|context|pages|platform)\b/);
forbid("src/text", "text/ imports no UI crate and no layer above it (js_sys and JsValue only, for Intl)",
  /\b(leptos\w*|web_sys|gloo_net)::|crate::(api|app|components|context|domain|pages|platform)\b/);
forbid("src/components", "components/ never call the API",
  /\buse_api\b|\buse_read\b|\bApi::new\b|crate::api::Api\b/);
forbid("src/platform", "platform/ imports no layer above it",
  /crate::(app|components|context|pages)\b/);
forbid("crates/api-types/src", "api-types is the contract only: serde types and rules",
  /\b(leptos\w*|axum|rusqlite|tokio|web_sys)::/);
forbid("crates/server/src", "server SQL lives only in the storage layer (crates/server/src/store)",
  /\b(SELECT|INSERT INTO|UPDATE \w+ SET|DELETE FROM|CREATE TABLE)\b|\brusqlite::(?!Error\b)/,
  (rel) => rel.startsWith("crates/server/src/store"));

// No circles between the top-level modules of a crate.
function cycles(crateSrc, roots) {
  const edges = new Map();
  for (const file of rustFiles(join(root, crateSrc))) {
    const rel = relative(join(root, crateSrc), file).replace(/\.rs$/, "");
    const from = rel.split("/")[0];
    if (roots.includes(from)) continue;
    for (const [, to] of code(file).matchAll(/crate::(\w+)/g)) {
      if (to !== from && !roots.includes(to)) {
        if (!edges.has(from)) edges.set(from, new Set());
        edges.get(from).add(to);
      }
    }
  }
  const state = new Map();
  const stack = [];
  const visit = (node) => {
    state.set(node, "open");
    stack.push(node);
    for (const next of edges.get(node) ?? []) {
      if (state.get(next) === "open") {
        problems.push(`${crateSrc}: modules import each other in a circle: ${[...stack.slice(stack.indexOf(next)), next].join(" → ")}`);
      } else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(node, "done");
  };
  for (const node of edges.keys()) if (!state.has(node)) visit(node);
}
// lib.rs and main.rs are the roots that wire the modules together; `AppState` lives in lib.rs.
cycles("src", ["lib", "main", "AppState"]);
cycles("crates/server/src", ["lib", "main", "AppState", "open_seeded", "demo_store"]);
cycles("crates/api-types/src", ["lib"]);

if (problems.length) {
  console.error(problems.join("\n"));
  console.error(`boundaries: ${problems.length} broken rule(s); see ARCHITECTURE.md`);
  process.exit(1);
}
console.log("boundaries: every layer imports only what ARCHITECTURE.md allows, and no module circle");
