// The shell: every route by deep link and by navigation, titles, 404, axe and screenshots.
import { test, expect, expectNoAxeViolations, keepScreenshot, BRAND } from "../fixtures.js";

const ROUTES = [
  { path: "/", slug: "home", heading: "Home", section: "Home" },
  { path: "/onboarding", slug: "onboarding", heading: "Onboarding", section: "Onboarding" },
  { path: "/training", slug: "training", heading: "Training", section: "Training" },
  { path: "/deals", slug: "deals", heading: "Deals", section: "Deals" },
  { path: "/deals/new", slug: "deal-register", heading: "Register a deal", section: "Deals" },
  { path: "/deals/DR-1042", slug: "deal", heading: "Deal DR-1042", section: "Deals" },
  { path: "/leaderboards", slug: "leaderboards", heading: "Leaderboards", section: "Leaderboards" },
  { path: "/feedback", slug: "feedback", heading: "Feedback", section: "Feedback" },
  { path: "/team", slug: "team-page", heading: "Team", section: "Team" },
  { path: "/no/such/page", slug: "not-found", heading: "Page not found", section: null },
];

for (const route of ROUTES) {
  test(`deep link ${route.path} shows "${route.heading}" and passes axe`, async ({ page, shell }, testInfo) => {
    const response = await page.goto(route.path);
    expect(response?.status()).toBe(200);
    await expect(shell.heading).toHaveText(route.heading);
    await expect(page).toHaveTitle(`${route.heading} · ${BRAND}`);
    await shell.expectCurrentSection(route.section);
    await expect(page.locator("html")).toHaveAttribute("lang", "en-US");
    await expectNoAxeViolations(page);
    await keepScreenshot(page, testInfo, route.slug);
  });
}

test("every section is reachable through the navigation", async ({ page, shell }) => {
  await page.goto("/");
  await expect(shell.heading).toHaveText("Home");
  // The sections' own pages: those whose heading is the section's name.
  for (const route of ROUTES.filter((r) => r.section === r.heading)) {
    await shell.navigateTo(route.section);
    await expect(page).toHaveURL(route.path);
    await expect(shell.heading).toHaveText(route.heading);
    await expect(page).toHaveTitle(`${route.heading} · ${BRAND}`);
    await shell.expectCurrentSection(route.section);
  }
});

test("the back button returns to the previous section", async ({ page, shell }) => {
  await page.goto("/training");
  await shell.navigateTo("Feedback");
  await expect(shell.heading).toHaveText("Feedback");
  await page.goBack();
  await expect(shell.heading).toHaveText("Training");
  await shell.expectCurrentSection("Training");
});

test("the 404 page offers the way home", async ({ page, shell }) => {
  await page.goto("/deals/DR-1042/nonsense/extra");
  await expect(shell.heading).toHaveText("Page not found");
  await page.getByRole("link", { name: "Go to your home page" }).click();
  await expect(shell.heading).toHaveText("Home");
  await expect(page).toHaveURL("/");
});

test("the skip link is first and moves focus to the content", async ({ page }) => {
  await page.goto("/deals");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Deals");
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to content" });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("main")).toBeFocused();
  await expect(page).toHaveURL("/deals");
});
