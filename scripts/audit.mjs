// Dependency audit (README, "Dependencies"): every Rust crate and npm package the build and
// tests use must come from its public registry, carry a licence on the allowlist, and (crates)
// not be yanked; known advisories (RustSec, npm audit) are checked where their service can be
// reached, and said to be skipped otherwise. Exceptions live in audit-exceptions.json, each
// with a reason and a date after which it fails again.
// Usage: node scripts/audit.mjs   (exit 1 on any breach; prints "advisories: skipped" when the
// advisory services cannot be reached from this machine)
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";

const root = new URL("..", import.meta.url).pathname;
const policy = JSON.parse(readFileSync(join(root, "audit-exceptions.json"), "utf8"));
const today = new Date().toISOString().slice(0, 10);
const excepted = new Map(policy.exceptions.filter((e) => e.until >= today).map((e) => [e.package, e]));
const allowed = new Set(policy.licences);
const breaches = [];
const breach = (pkg, why) => (excepted.has(pkg) ? console.log(`  excepted ${pkg}: ${why} (${excepted.get(pkg).reason})`) : breaches.push(`${pkg}: ${why}`));

/** Whether an SPDX expression ("MIT OR (Apache-2.0 AND ISC)", "MIT/Apache-2.0") allows use under the allowlist. */
function licenceOk(expression) {
  const tokens = expression.replaceAll("/", " OR ").replaceAll("(", " ( ").replaceAll(")", " ) ").split(/\s+/).filter(Boolean);
  let at = 0;
  const any = () => { let ok = all(); while (tokens[at] === "OR") { at++; ok = all() || ok; } return ok; };
  const all = () => { let ok = one(); while (tokens[at] === "AND") { at++; ok = one() && ok; } return ok; };
  const one = () => {
    if (tokens[at] === "(") { at++; const ok = any(); at++; return ok; }
    let id = tokens[at++] ?? "";
    if (tokens[at] === "WITH") { id += ` WITH ${tokens[at + 1]}`; at += 2; }
    return allowed.has(id.replace(/\+$/, ""));
  };
  return any() && at === tokens.length;
}

// Rust: Cargo.lock, the registry's copy of each crate, and the sparse index for yanked versions.
const lock = readFileSync(join(root, "Cargo.lock"), "utf8");
const crates = [...lock.matchAll(/\[\[package\]\]\nname = "([^"]+)"\nversion = "([^"]+)"(?:\nsource = "([^"]+)")?/g)]
  .map(([, name, version, source]) => ({ name, version, source }));
const registrySrc = join(process.env.CARGO_HOME ?? join(homedir(), ".cargo"), "registry/src");
const sources = existsSync(registrySrc) ? readdirSync(registrySrc).map((d) => join(registrySrc, d)) : [];
let external = 0;
for (const { name, version, source } of crates) {
  if (!source) continue; // the workspace's own crates
  external++;
  const id = `${name}@${version}`;
  if (source !== "registry+https://github.com/rust-lang/crates.io-index") { breach(id, `comes from ${source}, not crates.io`); continue; }
  const manifest = sources.map((s) => join(s, `${name}-${version}`, "Cargo.toml")).find(existsSync);
  if (!manifest) { breach(id, "not in the local registry copy (run cargo fetch)"); continue; }
  const licence = readFileSync(manifest, "utf8").match(/^license\s*=\s*"([^"]+)"/m)?.[1];
  if (!licence || !licenceOk(licence)) breach(id, `licence ${licence ?? "(none stated)"} is not on the allowlist`);
}
const indexPath = (name) => {
  const n = name.toLowerCase();
  return n.length <= 2 ? `${n.length}/${n}` : n.length === 3 ? `3/${n[0]}/${n}` : `${n.slice(0, 2)}/${n.slice(2, 4)}/${n}`;
};
let yankChecked = 0;
let indexReachable = true;
const registryCrates = crates.filter((c) => c.source?.startsWith("registry+"));
for (let i = 0; i < registryCrates.length && indexReachable; i += 16) {
  await Promise.all(registryCrates.slice(i, i + 16).map(async ({ name, version }) => {
    try {
      const answer = await fetch(`https://index.crates.io/${indexPath(name)}`, { signal: AbortSignal.timeout(15_000) });
      if (!answer.ok) throw new Error(`HTTP ${answer.status}`);
      const entry = (await answer.text()).split("\n").filter(Boolean).map((line) => JSON.parse(line)).find((v) => v.vers === version);
      if (!entry) breach(`${name}@${version}`, "not in the crates.io index");
      else if (entry.yanked) breach(`${name}@${version}`, "yanked from crates.io");
      yankChecked++;
    } catch (error) {
      if (indexReachable) console.log(`  crates.io index unreachable (${error.message}): yanked versions not checked`);
      indexReachable = false;
    }
  }));
}
console.log(`crates: ${external} from crates.io, licences checked, ${yankChecked} checked against yanked versions`);

// npm: each lockfile's packages resolved from the registry with an integrity hash, and the
// licence its installed package.json states.
for (const folder of ["tools", "tests/e2e"]) {
  const lockfile = JSON.parse(readFileSync(join(root, folder, "package-lock.json"), "utf8"));
  let count = 0;
  for (const [path, entry] of Object.entries(lockfile.packages ?? {})) {
    if (!path || entry.link) continue;
    count++;
    const id = `${path.split("node_modules/").pop()}@${entry.version}`;
    // npm leaves `resolved` out when it is the configured registry; anything else is named.
    if ((entry.resolved && !entry.resolved.startsWith("https://registry.npmjs.org/")) || !entry.integrity) {
      breach(id, `resolved from ${entry.resolved ?? "the registry"} ${entry.integrity ? "" : "without an integrity hash"}`);
    }
    let licence = entry.license;
    const installed = join(root, folder, path, "package.json");
    if (!licence && existsSync(installed)) licence = JSON.parse(readFileSync(installed, "utf8")).license;
    if (typeof licence === "object" && licence) licence = licence.type;
    if (!licence || !licenceOk(String(licence))) breach(id, `licence ${licence ?? "(none stated)"} is not on the allowlist`);
  }
  console.log(`npm (${folder}): ${count} packages, sources and licences checked`);
}

// Known advisories, where the services answer from here.
let advisories = indexReachable ? "checked" : "skipped";
for (const folder of ["tools", "tests/e2e"]) {
  let report;
  try {
    report = JSON.parse(execFileSync("npm", ["audit", "--json"], { cwd: join(root, folder), encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }));
  } catch (error) {
    report = JSON.parse(error.stdout || "{}");
  }
  if (report.error || report.statusCode || !report.metadata) {
    advisories = "skipped";
    console.log(`  npm audit (${folder}): the advisory service cannot be reached from here`);
    continue;
  }
  for (const [name, v] of Object.entries(report.vulnerabilities ?? {})) {
    if (["high", "critical"].includes(v.severity)) breach(name, `${v.severity} advisory (npm audit)`);
    else console.log(`  ${name}: ${v.severity} advisory, listed only (policy: high and critical fail)`);
  }
}
// RustSec's database lives on GitHub: used when a copy is on this machine with cargo-audit.
const rustsec = join(process.env.CARGO_HOME ?? join(homedir(), ".cargo"), "advisory-db");
let cargoAudit = true;
try {
  execFileSync("cargo", ["audit", "--version"], { stdio: "ignore" });
} catch {
  cargoAudit = false;
}
if (cargoAudit && existsSync(rustsec)) {
  try {
    execFileSync("cargo", ["audit", "--no-fetch", "--deny", "warnings"], { cwd: root, stdio: "inherit" });
  } catch (error) {
    breaches.push(`cargo audit: RustSec advisories found (exit ${error.status})`);
  }
} else {
  advisories = "skipped";
  console.log("  RustSec: no cargo-audit with a local copy of the advisory database (it lives on GitHub)");
}

if (breaches.length) {
  console.error(`audit: ${breaches.length} breach(es) of the dependency policy\n  ${breaches.join("\n  ")}`);
  process.exit(1);
}
console.log(`audit: ok (advisories: ${advisories})`);
