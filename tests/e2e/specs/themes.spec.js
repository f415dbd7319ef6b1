// Themes: light, dark and an example vendor brand, on every route and the gallery, with zero
// axe violations; the theme switch; and a theme.css that takes effect without rebuilding.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { test, expect, expectNoAxeViolations, keepScreenshot, LOADING } from "../fixtures.js";

const ROUTES = ["/", "/onboarding", "/training", "/deals", "/deals/new", "/deals/DR-2026-00003", "/leaderboards", "/feedback", "/feedback/surveys/srv-onboarding", "/gallery", "/no/such/page"];
const slug = (path) => (path === "/" ? "home" : path.slice(1).replace(/[^a-z0-9]+/gi, "-"));
const aurora = (name) => readFileSync(fileURLToPath(new URL(`../../../public/themes/aurora/${name}`, import.meta.url)), "utf8");

/** Serves the example brand as a vendor would: theme.css and config.json next to index.html. */
async function useAurora(page) {
  await page.route("**/theme.css", (route) => route.fulfill({ contentType: "text/css", body: aurora("theme.css") }));
  await page.route("**/config.json", (route) => route.fulfill({ contentType: "application/json", body: aurora("config.json") }));
}

const THEMES = [
  { name: "light", setup: async (page) => page.emulateMedia({ colorScheme: "light" }) },
  { name: "dark", setup: async (page) => page.emulateMedia({ colorScheme: "dark" }) },
  { name: "aurora", setup: useAurora },
];

for (const theme of THEMES) {
  test(`${theme.name} theme: every route and the gallery pass axe`, async ({ page }, testInfo) => {
    test.skip(testInfo.project.name !== "desktop", "themes are checked at desktop size; the phone runs the light theme elsewhere");
    test.setTimeout(120_000);
    await theme.setup(page);
    for (const path of ROUTES) {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      if (path !== "/gallery") await expect(page.locator(LOADING)).toHaveCount(0); // the gallery shows one on purpose
      await expectNoAxeViolations(page);
      await keepScreenshot(page, testInfo, `theme-${theme.name}-${slug(path)}`);
    }
  });
}

test("the theme switch cycles System, Light, Dark and is remembered", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "light" });
  await page.goto("/gallery");
  const html = page.locator("html");
  const surface = () => page.locator("body").evaluate((b) => getComputedStyle(b).backgroundColor);
  const lightSurface = await surface();
  const switcher = page.getByRole("button", { name: /^Theme: / });
  await expect(switcher).toHaveText(/Theme: System/);
  await switcher.click();
  await expect(html).toHaveAttribute("data-theme", "light");
  await switcher.click();
  await expect(html).toHaveAttribute("data-theme", "dark");
  expect(await surface()).not.toBe(lightSurface);
  await page.reload();
  await expect(html).toHaveAttribute("data-theme", "dark");
  await expect(page.getByRole("button", { name: "Theme: Dark" })).toBeVisible();
  await page.getByRole("button", { name: "Theme: Dark" }).click();
  await expect(html).not.toHaveAttribute("data-theme", /.+/);
});

test("a theme.css dropped next to index.html restyles the portal without a rebuild", async ({ page }) => {
  await useAurora(page);
  await page.goto("/deals");
  await expect(page.getByText("Aurora Cloud Alliance")).toBeVisible();
  await expect(page).toHaveTitle("Deals · Aurora Cloud Alliance");
  const header = await page.locator(".pp-site-header").evaluate((h) => getComputedStyle(h).backgroundColor);
  expect(header).toBe("rgb(7, 59, 58)");
  const heading = await page.getByRole("heading", { level: 1 }).evaluate((h) => getComputedStyle(h).fontFamily);
  expect(heading).toContain("Georgia");
});

test("a pale brand accent still gets readable text on buttons and links", async ({ page }) => {
  await useAurora(page); // orange accent, and theme.css even asks for white text on it
  await page.goto("/deals");
  const button = page.getByRole("link", { name: "Register a deal" });
  const [text, background] = await button.evaluate((b) => [getComputedStyle(b).color, getComputedStyle(b).backgroundColor]);
  expect(background).toBe("rgb(255, 138, 31)");
  const ratio = await page.evaluate(([a, b]) => {
    const lum = (c) => c.match(/\d+/g).slice(0, 3).map(Number).map((v) => v / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4)).reduce((s, v, i) => s + v * [0.2126, 0.7152, 0.0722][i], 0);
    const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
    return (x + 0.05) / (y + 0.05);
  }, [text, background]);
  expect(ratio).toBeGreaterThanOrEqual(4.5);
  await expectNoAxeViolations(page);
});
