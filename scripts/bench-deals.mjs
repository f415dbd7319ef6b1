// Benchmark (not a test): the deal list against the large seed (50,000 deals).
// Reports seeding time, time to the first page on screen, and to a filtered and a searched
// result. Usage: node scripts/bench-deals.mjs   (after scripts/run.sh has built everything)
import { spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "../tests/e2e/node_modules/playwright-core/index.mjs";

const root = new URL("..", import.meta.url).pathname;
const port = 4480;
const db = join(mkdtempSync(join(tmpdir(), "portal-bench-")), "large.sqlite3");
const started = Date.now();
const server = spawn(`${root}/target/release/portal-server`, ["--demo", "--addr", `127.0.0.1:${port}`, "--static-dir", `${root}/dist`, "--db", db, "--seed", "large"], { stdio: ["ignore", "pipe", "inherit"] });
await new Promise((resolve) => server.stdout.on("data", (d) => String(d).includes("serving") && resolve()));
const seeded = Date.now() - started;

const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"] });
const origin = `http://127.0.0.1:${port}`;
// Signed in as the demo partner, as a partner would be.
const context = await browser.newContext();
const signIn = await context.request.post(`${origin}/api/v1/session`, {
  headers: { "X-Portal-Request": "1" },
  data: { email: "amelie.dubois@lumiere-cloud.fr", password: "partner-demo" },
});
if (!signIn.ok()) throw new Error(`bench: cannot sign in (${signIn.status()})`);
const page = await context.newPage();
page.setDefaultTimeout(20_000);
const timed = async (label, action, ready) => {
  const t0 = performance.now();
  await action();
  await ready();
  const ms = Math.round(performance.now() - t0);
  console.log(`${label.padEnd(44)} ${String(ms).padStart(6)} ms`);
  return ms;
};
console.log(`seeded 50,000 deals and 20,000 partners in ${seeded} ms`);
const rows = page.getByRole("table").getByRole("rowheader");
await timed("first page on screen (cold load of /deals)", () => page.goto(`${origin}/deals`), () => rows.first().waitFor());
await page.getByText(/^Showing 1–25 of 50\d\d\d deals$/).waitFor();
await timed("filter by status (Approved)", () => page.getByRole("navigation", { name: "Status" }).getByRole("link", { name: "Approved" }).click(), () => page.getByText(/^Showing 1–25 of \d+ deals$/).filter({ hasNotText: /of 50\d\d\d deals/ }).waitFor());
await timed("search 'café' (after the 300 ms pause)", () => page.getByLabel("Search deals").fill("café"), () => page.waitForURL(/q=caf/).then(() => rows.first().waitFor()));
await timed("sort by value", () => page.getByRole("table").getByRole("link", { name: "Value" }).click(), () => page.waitForURL(/sort=-value/).then(() => rows.first().waitFor()));
await timed("next page", () => page.getByRole("link", { name: "Next page" }).click(), () => page.getByText(/^Showing 26–50/).waitFor());
const api = async (path) => { const t0 = performance.now(); await (await fetch(`${origin}/api/v1${path}`, { headers: { Authorization: "Bearer demo-token" } })).json(); return Math.round(performance.now() - t0); };
console.log(`API GET /deals?limit=25                       ${String(await api("/deals?limit=25")).padStart(6)} ms`);
console.log(`API GET /deals?q=caf&status=approved           ${String(await api("/deals?q=caf&status=approved&limit=25")).padStart(6)} ms`);
console.log(`API GET /leaderboards/engagement (20k entries) ${String(await api("/leaderboards/engagement?limit=25")).padStart(6)} ms`);
await browser.close();
server.kill();
