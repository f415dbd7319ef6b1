// Phone layouts: at 320 and 360 px no page is wider than the screen, each deal shows its
// customer, status, value and dates without sideways scrolling, and the ranking shows rank,
// partner, score and change.
import { test, expect, expectNoAxeViolations, keepScreenshot, LOADING } from "../fixtures.js";

const ROUTES = ["/", "/onboarding", "/training", "/deals", "/deals/new", "/leaderboards", "/feedback", "/team"];

/** Fails when the page scrolls sideways or `locator`'s box leaves the screen. */
async function expectWithinScreen(page, locator) {
  const width = page.viewportSize().width;
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
  if (locator) {
    const box = await locator.boundingBox();
    expect(box, "shown").not.toBeNull();
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(width + 0.5);
  }
}

for (const width of [320, 360]) {
  test.describe(`at ${width} px`, () => {
    test.skip(({ isMobile }) => !isMobile, "phone widths run in the phone project");
    test.use({ viewport: { width, height: 740 } });

    test("no page is wider than the screen", async ({ page }) => {
      for (const route of ROUTES) {
        await page.goto(route);
        await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
        await expect(page.locator(LOADING)).toHaveCount(0);
        await expectWithinScreen(page);
      }
    });

    test("each deal shows customer, status, value and dates in view", async ({ page }, testInfo) => {
      await page.goto("/deals");
      const row = page.getByRole("table").getByRole("row").nth(1);
      for (const cell of await row.getByRole("cell").all()) await expectWithinScreen(page, cell);
      await expectWithinScreen(page, row.getByRole("rowheader"));
      await expect(row.getByRole("cell").nth(1)).toHaveAttribute("data-label", "Value");
      await expect(row.locator(".pp-deal-status")).toBeVisible();
      await expect(page.getByRole("table").getByRole("link", { name: "Value" })).toBeVisible();
      await expectNoAxeViolations(page);
      await keepScreenshot(page, testInfo, `deals-${width}`);
    });

    test("the ranking shows rank, partner, score and change in view", async ({ page }, testInfo) => {
      await page.goto("/leaderboards");
      const ranking = page.getByRole("table").first();
      for (const name of ["Rank", "Partner", "Points", "Change"]) {
        await expectWithinScreen(page, ranking.getByRole("columnheader", { name }));
      }
      const mine = ranking.locator(".pp-ranking__me").first();
      await expectWithinScreen(page, mine);
      await keepScreenshot(page, testInfo, `leaderboards-${width}`);
    });
  });
}
