// Signing in through the vendor's OpenID Connect provider (a real one, npm's oidc-provider,
// started on loopback by the test command): a deep link, the provider's own login and consent
// pages, back to the page asked for; the access token lives in memory only.
import { test, expect, expectNoAxeViolations, keepScreenshot, AMELIE } from "../fixtures.js";
import { provider } from "../playwright.config.js";

test.use({ storageState: { cookies: [], origins: [] } });

/** The portal's config.json with the provider added, as a vendor would write it. */
async function withProvider(page) {
  await page.route("**/config.json", async (route) => {
    const config = await (await route.fetch()).json();
    await route.fulfill({
      json: { ...config, oidc_issuer: provider.issuer, oidc_client_id: provider.clientId, oidc_scopes: "openid email api", oidc_name: "Northwind ID" },
    });
  });
}

test("a deep link, the provider's login page, and back to the page asked for", async ({ page }, testInfo) => {
  await withProvider(page);
  await page.goto("/deals/new");
  const button = page.getByRole("button", { name: "Sign in with Northwind ID" });
  await expect(button).toBeVisible();
  await expect(page.getByLabel("E-mail")).toBeVisible(); // passwords still work beside it
  await expectNoAxeViolations(page);
  await keepScreenshot(page, testInfo, "sign-in-provider");
  const authorize = page.waitForRequest((r) => r.url().startsWith(`${provider.issuer}/auth?`));
  await button.click();
  const sent = new URL((await authorize).url());
  expect(sent.searchParams.get("code_challenge_method")).toBe("S256");
  expect(sent.searchParams.get("code_challenge")).toMatch(/^[A-Za-z0-9_-]{43}$/);
  expect(sent.searchParams.get("code_verifier")).toBeNull();
  expect(sent.searchParams.get("nonce")).toBeTruthy();

  // The provider's pages: its login form, then consent.
  await expect(page).toHaveURL(new RegExp(`^${provider.issuer}/interaction/`));
  await page.locator("input[name=login]").fill(AMELIE.email);
  await page.locator("input[name=password]").fill("any password");
  await page.getByRole("button", { name: "Sign-in" }).click();
  await page.getByRole("button", { name: "Continue" }).click();

  await expect(page.getByRole("heading", { level: 1, name: "Register a deal" })).toBeVisible();
  await expect(page).toHaveURL(/\/deals\/new$/);
  await expect(page.getByRole("button", { name: `Account: ${AMELIE.name}` })).toBeVisible();
  // Tokens never reach storage, and no session cookie was needed.
  const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }));
  expect(stored).not.toMatch(/eyJ/);
  expect(stored).not.toContain("pp-oidc-attempt");
  expect((await page.context().cookies()).filter((c) => c.name === "pp_session")).toEqual([]);

  // A reload forgets the token: sign in again, and the provider remembers the partner.
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();
  await page.getByRole("button", { name: "Sign in with Northwind ID" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Register a deal" })).toBeVisible();
});

test("a return that did not start here is refused and says so", async ({ page }) => {
  await withProvider(page);
  await page.goto("/sign-in?code=stolen-code&state=forged");
  await expect(page.getByText("This sign-in did not start here or was already used.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Sign in with Northwind ID" })).toBeEnabled();
  await expect(page.getByRole("navigation", { name: "Primary" })).toHaveCount(0);
  await page.goto("/sign-in?error=access_denied&state=x");
  await expect(page.getByText("Signing in was cancelled at the sign-in provider.")).toBeVisible();
});
