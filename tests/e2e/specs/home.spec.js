// Home renders data from the reference backend, and says so plainly when the backend is down.
import { test, expect, expectNoAxeViolations, keepScreenshot } from "../fixtures.js";

test("home greets the demo partner with data from the backend", async ({ page, shell }, testInfo) => {
  await page.goto("/");
  await expect(shell.heading).toHaveText("Home");
  await expect(page.getByRole("heading", { name: "Welcome back, Amélie Dubois" })).toBeVisible();
  await expect(page.getByText("Lumière Cloud Services SARL")).toBeVisible();
  await expect(page.getByText("Managed service provider")).toBeVisible();
  await expect(page.locator(".pp-facts")).toContainText("Silver");
  await expect(page.locator(".pp-facts")).toContainText("62 of 100");
  await expectNoAxeViolations(page);
  await keepScreenshot(page, testInfo, "home-data");
});

test("when the backend is down, home says so in plain words", async ({ page, shell }, testInfo) => {
  // Point the portal at a port where nothing listens: a real connection failure.
  const config = await (await page.request.get("/config.json")).json();
  await page.route("**/config.json", (route) =>
    route.fulfill({ json: { ...config, api_base_url: "http://127.0.0.1:9/api/v1" } }),
  );
  await page.goto("/");
  await expect(shell.heading).toHaveText("Home");
  const alert = page.getByRole("alert");
  await expect(alert).toContainText("We could not load your profile.");
  await expect(alert).toContainText("We could not reach the server.");
  await expect(alert.getByRole("button", { name: "Try again" })).toBeVisible();
  await expectNoAxeViolations(page);
  await keepScreenshot(page, testInfo, "home-backend-down");
});

test("Try again recovers once the backend answers again", async ({ page }) => {
  await page.route("**/api/v1/me", (route) => route.abort("connectionrefused"));
  await page.goto("/");
  const alert = page.getByRole("alert");
  await expect(alert).toContainText("We could not reach the server.");
  await page.unroute("**/api/v1/me");
  await alert.getByRole("button", { name: "Try again" }).click();
  await expect(page.getByRole("heading", { name: "Welcome back, Amélie Dubois" })).toBeVisible();
  await expect(alert).toBeHidden();
});

test("a server error shows the problem in plain words", async ({ page }) => {
  await page.route("**/api/v1/me", (route) =>
    route.fulfill({ status: 503, contentType: "application/problem+json", body: JSON.stringify({ type: "about:blank", title: "Down", status: 503 }) }),
  );
  await page.goto("/");
  await expect(page.getByRole("alert")).toContainText("Something went wrong on our side");
});
