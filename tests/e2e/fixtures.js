// Shared helpers for the journeys: a page object for the portal's shell, the axe audit and
// screenshots kept as artifacts.
import { test as base, expect } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { mkdirSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { ports } from "./playwright.config.js";

const artifacts = fileURLToPath(new URL("../../test-artifacts", import.meta.url));
export const BRAND = "Northwind Partner Network";
/** What shows while something loads; the invisible shapes that reserve space do not count. */
export const LOADING = "[aria-busy=true], .pp-skeleton-group, .pp-skeleton:not(.pp-reserve__shape *)";
const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"];

/** The portal's frame as a partner sees it: header, navigation, main content. */
export class PortalShell {
  constructor(page) {
    this.page = page;
    this.nav = page.getByRole("navigation", { name: "Primary" });
    this.menuButton = page.getByRole("button", { name: "Menu" });
    this.main = page.getByRole("main");
    this.heading = page.getByRole("heading", { level: 1 });
  }

  /** The navigation link for a section. */
  link(label) {
    return this.nav.getByRole("link", { name: label, exact: true });
  }

  /** Goes to a section through the navigation, opening the menu first on narrow screens. */
  async navigateTo(label) {
    await expect(this.heading).toBeVisible(); // the app has started, so the layout is final
    if (await this.menuButton.isVisible()) {
      await this.menuButton.click();
    }
    await this.link(label).click();
  }

  /** Waits until exactly the given section (or none, for null) is marked current. */
  async expectCurrentSection(label) {
    // A CSS locator, because the collapsed phone menu hides the navigation from role queries.
    const current = this.page.locator('nav[aria-label="Primary"] [aria-current="page"]');
    if (label === null) await expect(current).toHaveCount(0);
    else await expect(current).toHaveText([label]);
  }
}

/** Fails with the rule ids, help and offending elements when axe finds any WCAG A/AA problem. */
export async function expectNoAxeViolations(page) {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  const found = results.violations.map((v) => ({
    rule: v.id,
    help: v.help,
    nodes: v.nodes.map((n) => n.target.join(" ")),
  }));
  expect(found, "axe WCAG 2.2 A/AA violations").toEqual([]);
}

/** Fills the registration form; `customer` makes each journey's deal its own. */
export async function fillDeal(page, customer, product = "Edge Gateway") {
  await page.getByLabel("Customer company").fill(customer);
  await page.getByLabel("Customer's country").selectOption("FR");
  await page.getByLabel("Contact's name").fill("Élodie Martin");
  await page.getByLabel("Contact's e-mail").fill("elodie@example.fr");
  await page.getByLabel("Estimated value").fill("42,500");
  await page.getByLabel("Currency").selectOption("EUR");
  const inAMonth = new Date(Date.now() + 30 * 86400_000).toISOString().slice(0, 10);
  await page.getByLabel("Expected close date").fill(inAMonth);
  await page.getByRole("checkbox", { name: product }).check();
}

/** Saves a full-page screenshot under test-artifacts/screenshots/<project>/<name>.png. */
export async function keepScreenshot(page, testInfo, name) {
  await page.screenshot({ path: `${artifacts}/screenshots/${testInfo.project.name}/${name}.png`, fullPage: true });
}

/** The demo partner's account (the servers run with --demo). */
export const AMELIE = { email: "amelie.dubois@lumiere-cloud.fr", password: "partner-demo", name: "Amélie Dubois" };
/** The API of both servers the journeys run against. */
export const APIS = [`http://127.0.0.1:${ports.root}/api/v1`, `http://127.0.0.1:${ports.subPath}/portal/api/v1`];

export const test = base.extend({
  // Every journey fails on anything the Content-Security-Policy the server sends refuses, on an
  // uncaught exception, and on an error in the console, except the browser's own line about a
  // request that failed (fault journeys refuse requests on purpose). A journey that provokes
  // errors says so with the annotation `expected-errors`.
  page: async ({ page }, use, testInfo) => {
    const refused = [];
    const errors = [];
    page.on("console", (message) => {
      if (message.type() !== "error") return;
      const text = message.text();
      if (/Content Security Policy/i.test(text)) refused.push(text);
      else if (!/^Failed to load resource/.test(text)) errors.push(text);
    });
    page.on("pageerror", (error) => errors.push(`uncaught: ${error.message}`));
    await use(page);
    expect(refused, "Content-Security-Policy violations").toEqual([]);
    if (!testInfo.annotations.some((a) => a.type === "expected-errors")) {
      expect(errors, "console errors and uncaught exceptions").toEqual([]);
    }
  },
  shell: async ({ page }, use) => use(new PortalShell(page)),
  // Every journey starts signed in as the demo partner, on both servers, with one session per
  // worker (signing in is tested on its own, in sign-in.spec.js, from a browser with no session).
  signedInState: [
    async ({ playwright }, use, workerInfo) => {
      const cookies = [];
      for (const api of APIS) {
        const request = await playwright.request.newContext();
        const reply = await request.post(`${api}/session`, {
          headers: { "X-Portal-Request": "1" },
          data: { email: AMELIE.email, password: AMELIE.password },
        });
        expect(reply.status(), `signing in at ${api}`).toBe(200);
        cookies.push(...(await request.storageState()).cookies);
        await request.dispose();
      }
      const dir = `${artifacts}/e2e-output/.auth`;
      mkdirSync(dir, { recursive: true });
      const file = `${dir}/worker-${workerInfo.workerIndex}.json`;
      writeFileSync(file, JSON.stringify({ cookies, origins: [] }));
      await use(file);
    },
    { scope: "worker" },
  ],
  storageState: async ({ signedInState }, use) => use(signedInState),
});
export { expect };
