// The portal survives itself: when its code cannot load it says so, from index.html alone,
// with one way forward; the server's strict Content-Security-Policy lets the app run (every
// journey also fails on a CSP violation, see fixtures.js); a bug that stops the app is told, with
// what was typed kept.
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

test("a bug that stops the app says so with a reload, and what was typed is still there after it", async ({ page }, testInfo) => {
  testInfo.annotations.push({ type: "expected-errors", description: "the panic is logged to the console" });
  const customer = `Panne Partielle ${testInfo.project.name} ${Date.now()}`;
  await page.goto("/deals/new");
  await page.getByLabel("Customer company").fill(customer);
  await page.getByLabel("Notes for the channel team").fill("Typed just before the bug.");
  // The test-only export stops the app exactly as a panic in the portal's code would.
  const stopped = await page.evaluate(async () => {
    const main = document.querySelector('link[rel="modulepreload"]').href;
    const portal = await import(main);
    try {
      portal.portalPanicForTests();
      return "did not stop";
    } catch (error) {
      return String(error);
    }
  });
  expect(stopped).not.toBe("did not stop");
  const alert = page.getByRole("alert");
  await expect(alert).toContainText("Something went wrong in the portal. What you typed is kept; reload the page to carry on.");
  await expect(alert.getByRole("button", { name: "Reload" })).toBeFocused();
  await expectNoAxeViolations(page);
  await keepScreenshot(page, testInfo, "stopped-by-a-bug");
  await alert.getByRole("button", { name: "Reload" }).click();
  await expect(page.getByText("We kept what you typed last time.")).toBeVisible();
  await expect(page.getByLabel("Customer company")).toHaveValue(customer);
  await expect(page.getByLabel("Notes for the channel team")).toHaveValue("Typed just before the bug.");
});
