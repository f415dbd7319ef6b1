// The portal survives itself: when its code cannot load it says so, from index.html alone,
// with one way forward; the server's strict Content-Security-Policy lets the app run (every
// journey also fails on a CSP violation, see fixtures.js).
import { test, expect, expectNoAxeViolations, keepScreenshot } from "../fixtures.js";

test("code that cannot load is said in words, with a reload", async ({ page }, testInfo) => {
  await page.route("**/partner-portal_bg.wasm", (route) => route.abort());
  await page.goto("/deals");
  const alert = page.getByRole("alert");
  await expect(alert).toContainText("The portal could not load. Check your connection, then reload the page.");
  await expect(alert.getByRole("button", { name: "Reload" })).toBeFocused();
  await expectNoAxeViolations(page);
  await keepScreenshot(page, testInfo, "load-failed");
  await page.unroute("**/partner-portal_bg.wasm");
  await alert.getByRole("button", { name: "Reload" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Deals");
  await expect(page.getByRole("alert")).toHaveCount(0);
});

test("the app runs under the server's Content-Security-Policy", async ({ page }) => {
  const response = await page.goto("/");
  const policy = response.headers()["content-security-policy"];
  expect(policy).toMatch(/script-src 'self' 'wasm-unsafe-eval'( 'sha256-[A-Za-z0-9+/=]+'){3};/);
  expect(response.headers()["x-content-type-options"]).toBe("nosniff");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Home");
});
