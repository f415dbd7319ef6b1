// No layout shift while pages load, in every state: with data, with the backend failing, and
// with nothing to show. Layout shifts are summed the way CLS counts them (not after input).
import { test, expect, LOADING } from "../fixtures.js";

const ROUTES = ["/", "/onboarding", "/training", "/deals", "/deals/new", "/leaderboards", "/feedback", "/team"];

test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => {
    window.__shift = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__shift += entry.value;
    }).observe({ type: "layout-shift", buffered: true });
  });
});

/** Opens `route`, waits until nothing is loading, and returns the summed layout shift. */
async function shiftWhileLoading(page, route) {
  await page.goto(route);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.locator(LOADING)).toHaveCount(0);
  await page.waitForTimeout(300);
  return page.evaluate(() => window.__shift);
}

for (const route of ROUTES) {
  test(`${route} does not shift with data`, async ({ page }) => {
    expect(await shiftWhileLoading(page, route)).toBe(0);
  });

  test(`${route} does not shift when the backend fails`, async ({ page }) => {
    // Every read fails; the session itself still answers, so the pages show.
    await page.route("**/api/v1/**", (r) => r.request().url().endsWith("/api/v1/session") ? r.continue() :
      r.fulfill({ status: 503, contentType: "application/problem+json", body: '{"title":"Unavailable","status":503}' }));
    expect(await shiftWhileLoading(page, route)).toBe(0);
  });
}

test("the deal list and feedback do not shift when empty", async ({ page }) => {
  await page.route(/\/api\/v1\/deals(\?|$)/, (r) => r.fulfill({ json: { items: [], next_cursor: null, total: 0 } }));
  await page.route("**/api/v1/deals/pipeline", (r) => r.fulfill({ json: [] }));
  await page.route("**/api/v1/feedback", (r) => r.request().method() === "GET" ? r.fulfill({ json: [] }) : r.continue());
  await page.route("**/api/v1/surveys", (r) => r.fulfill({ json: [] }));
  expect(await shiftWhileLoading(page, "/deals")).toBe(0);
  expect(await shiftWhileLoading(page, "/feedback")).toBe(0);
});
