// Signing in, from a browser with no session: the demo accounts, a deep link that comes back,
// typed credentials with a wrong password, the user menu and sign-out (drafts go with it), and
// a session that ends in the middle of registering a deal.
import { test, expect, expectNoAxeViolations, keepScreenshot, fillDeal, AMELIE, BRAND } from "../fixtures.js";

test.use({ storageState: { cookies: [], origins: [] } });

const signInHeading = (page) => page.getByRole("heading", { level: 1, name: "Sign in" });

/** Signs in by typing, as a partner would. */
async function signIn(page, { email, password }) {
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel(/^Password/).fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
}

test("a deep link leads to sign-in, a demo account signs in with one click, and the link opens", async ({ page }, testInfo) => {
  await page.goto("/deals/new");
  await expect(signInHeading(page)).toBeVisible();
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fdeals%2Fnew$/);
  await expect(page).toHaveTitle(`Sign in · ${BRAND}`);
  // Nothing of the portal shows before sign-in: no navigation, no user menu.
  await expect(page.getByRole("navigation", { name: "Primary" })).toHaveCount(0);
  const demo = page.getByRole("region", { name: "Demo accounts" });
  await expect(demo).toContainText("partner-demo");
  await expect(demo.getByRole("button", { name: /^Sign in as / })).toHaveCount(4);
  await expect(demo).toContainText("Member · Lumière Cloud Services SARL");
  await expectNoAxeViolations(page);
  await keepScreenshot(page, testInfo, "sign-in");
  await demo.getByRole("button", { name: `Sign in as ${AMELIE.name}` }).click();
  await expect(page).toHaveURL(/\/deals\/new$/);
  await expect(page.getByRole("heading", { level: 1, name: "Register a deal" })).toBeVisible();
});

test("typed credentials: empty fields and a wrong password are said at the field", async ({ page }, testInfo) => {
  await page.goto("/sign-in");
  await expect(page.getByLabel("E-mail")).toHaveAttribute("autocomplete", "username");
  await expect(page.getByLabel(/^Password/)).toHaveAttribute("autocomplete", "current-password");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByRole("alert")).toContainText("Enter the e-mail address you use for the program.");
  await signIn(page, { email: AMELIE.email, password: "not her password" });
  const password = page.getByLabel(/^Password/);
  await expect(password).toHaveAttribute("aria-invalid", "true");
  await expect(page.locator("#sign-in-password-error")).toHaveText("The e-mail and password do not match an account. Check both and try again.");
  await expect(password).toBeFocused();
  await expect(page.getByLabel("E-mail")).toHaveValue(AMELIE.email);
  await password.fill(AMELIE.password);
  await expect(password).toHaveAttribute("type", "password");
  await page.getByLabel("Show password").check();
  await expect(password).toHaveAttribute("type", "text");
  await expectNoAxeViolations(page);
  await keepScreenshot(page, testInfo, "sign-in-wrong-password");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Home" })).toBeVisible();
});

test("the user menu says who is signed in; signing out ends the session and removes the drafts", async ({ page }, testInfo) => {
  await page.goto("/sign-in?next=%2Fdeals%2Fnew");
  await signIn(page, AMELIE);
  await page.getByLabel("Customer company").fill("Brasserie Confidentielle");
  await expect.poll(() => page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("pp-draft:")))).toEqual(["pp-draft:u-amelie:deal"]);
  const menu = page.getByRole("button", { name: `Account: ${AMELIE.name}` });
  await menu.click();
  await expect(menu).toHaveAttribute("aria-expanded", "true");
  for (const text of ["Lumière Cloud Services SARL", "Partner admin", AMELIE.email]) {
    await expect(page.locator("#pp-user-menu-panel")).toContainText(text);
  }
  await expectNoAxeViolations(page);
  await keepScreenshot(page, testInfo, "user-menu");
  // Escape closes it and gives focus back to its button; moving focus elsewhere closes it too.
  await page.keyboard.press("Escape");
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  await expect(menu).toBeFocused();
  await menu.click();
  await page.getByLabel("Customer company").focus();
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  await menu.click();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(signInHeading(page)).toBeVisible();
  expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("pp-draft")))).toEqual([]);
  const me = await page.request.get("api/v1/me");
  expect(me.status()).toBe(401);
  // The next person on this browser finds nothing of hers.
  await page.goto("/deals/new");
  await expect(signInHeading(page)).toBeVisible();
  await signIn(page, { email: "theo.laurent@lumiere-cloud.fr", password: AMELIE.password });
  await expect(page.getByLabel("Customer company")).toHaveValue("");
  await expect(page.getByRole("button", { name: "Account: Théo Laurent" })).toBeVisible();
});

test("a session that ends mid-registration: sign in again over the form, submit, one deal", async ({ page }, testInfo) => {
  const customer = `Brasserie Reprise ${testInfo.project.name} ${Date.now()}`;
  await page.goto("/sign-in?next=%2Fdeals%2Fnew");
  await signIn(page, AMELIE);
  await fillDeal(page, customer);
  // The session ends elsewhere (expired, or signed out in another tab).
  const out = await page.request.delete("api/v1/session", { headers: { "X-Portal-Request": "1" } });
  expect(out.status()).toBe(204);
  await page.getByRole("button", { name: "Register deal" }).click();
  const dialog = page.getByRole("dialog", { name: "Sign in again" });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel("E-mail")).toHaveValue(AMELIE.email);
  await expectNoAxeViolations(page);
  await keepScreenshot(page, testInfo, "sign-in-again");
  await dialog.getByLabel(/^Password/).fill(AMELIE.password);
  await dialog.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByLabel("Customer company")).toHaveValue(customer);
  await expect(page.getByLabel("Estimated value")).toHaveValue("42,500");
  await page.getByRole("button", { name: "Register deal" }).click();
  await expect(page).toHaveURL(/\/deals\/DR-\d{4}-\d{5}\?registered=1&points=10$/);
  const list = await page.request.get(`api/v1/deals?q=${encodeURIComponent(customer)}`);
  expect((await list.json()).items).toHaveLength(1);
});
