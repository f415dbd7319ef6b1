// A broken or missing config.json gets a full-page explanation, never a blank page.
import { test, expect, expectNoAxeViolations, keepScreenshot, BRAND } from "../fixtures.js";

const BROKEN = [
  {
    name: "missing field",
    body: JSON.stringify({ brand_name: "X", logo_url: "logo.svg", default_locale: "en" }),
    message: "config.json: field `api_base_url` is missing",
  },
  { name: "malformed JSON", body: '{ "api_base_url": "/api/v1", ', message: "config.json is not valid JSON" },
  {
    name: "wrong type",
    body: JSON.stringify({ api_base_url: "/api", brand_name: 7, logo_url: "l.svg", default_locale: "en" }),
    message: "config.json: field `brand_name` must be a text in quotes, found a number",
  },
];

for (const broken of BROKEN) {
  test(`a config with a ${broken.name} names the problem`, async ({ page }, testInfo) => {
    await page.route("**/config.json", (route) =>
      route.fulfill({ status: 200, contentType: "application/json", body: broken.body }),
    );
    await page.goto("/deals");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("The portal cannot start");
    await expect(page.getByRole("alert")).toContainText(broken.message);
    await expectNoAxeViolations(page);
    if (broken.name === "missing field") await keepScreenshot(page, testInfo, "config-error");
  });
}

test("a missing config.json says so, and Try again recovers once it is back", async ({ page }) => {
  let serveIt = false;
  await page.route("**/config.json", (route) =>
    serveIt ? route.continue() : route.fulfill({ status: 404, body: "not found" }),
  );
  await page.goto("/training");
  await expect(page.getByRole("alert")).toContainText("config.json could not be loaded: the server answered 404");
  serveIt = true;
  await page.getByRole("button", { name: "Try again" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Training");
  await expect(page).toHaveTitle(`Training · ${BRAND}`);
});
