// The team, for partner admins: members with certifications and courses, an invitation whose
// link a new teammate opens in another browser to join, a role change and a removal that signs
// them out; a member only gets a clear page.
import { test, expect, expectNoAxeViolations, keepScreenshot, AMELIE } from "../fixtures.js";

const THEO = { email: "theo.laurent@lumiere-cloud.fr", password: "partner-demo", name: "Théo Laurent" };

test("a member has no Team link and a clear page if they follow one", async ({ browser }, testInfo) => {
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  await page.goto("/sign-in?next=%2Fteam");
  await page.getByLabel("E-mail").fill(THEO.email);
  await page.getByLabel(/^Password/).fill(THEO.password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Team" })).toBeVisible();
  await expect(page.getByText("The team page is for partner admins.")).toBeVisible();
  await expect(page.locator('nav[aria-label="Primary"] a', { hasText: "Team" })).toHaveCount(0);
  await expect(page.locator('nav[aria-label="Primary"] a', { hasText: "Deals" })).toHaveCount(1);
  await expectNoAxeViolations(page);
  await keepScreenshot(page, testInfo, "team-member");
  await context.close();
});

test("an admin invites a teammate, who joins from the link; then a role change and a removal", async ({ page, browser, shell }, testInfo) => {
  const email = `noor.${testInfo.project.name}.${Date.now()}@lumiere-cloud.fr`;
  await page.goto("/");
  await shell.navigateTo("Team");
  await shell.expectCurrentSection("Team");
  await expect(page.getByRole("heading", { level: 1, name: "Team" })).toBeVisible();
  const theo = page.locator(".pp-team-member", { hasText: THEO.name });
  await expect(theo).toContainText("Certified Cloud Associate");
  await expect(theo.getByRole("progressbar", { name: "Secure Access Deployment" })).toBeVisible();
  await expect(page.locator(".pp-team-member", { hasText: `${AMELIE.name} (you)` })).toContainText("2 certifications to renew");
  await expect(page.locator(".pp-team-member", { hasText: `${AMELIE.name} (you)` }).getByRole("button")).toHaveCount(0);
  await expectNoAxeViolations(page);
  await keepScreenshot(page, testInfo, "team");

  // A typo is said at the field; then the invitation and its link.
  await page.getByLabel(/^Work e-mail/).fill("noor");
  await page.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.locator("#invite-email-error")).toContainText("Enter your teammate's work e-mail");
  await page.getByLabel(/^Work e-mail/).fill(email);
  await page.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByText(`Invitation ready for ${email}.`)).toBeVisible();
  const link = await page.getByLabel("Invitation link").inputValue();
  expect(link).toMatch(/\/join#[0-9a-f]{64}$/);
  await expect(page.locator(".pp-team-invitation", { hasText: email })).toContainText("Invited by Amélie Dubois");
  await expectNoAxeViolations(page);
  await keepScreenshot(page, testInfo, "team-invited");

  // The teammate, in a browser of their own.
  const theirs = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const joiner = await theirs.newPage();
  await joiner.goto(link);
  await expect(joiner.getByRole("heading", { level: 1, name: "Join your team" })).toBeVisible();
  await expect(joiner.getByText("Amélie Dubois invited you to join Lumière Cloud Services SARL as member.")).toBeVisible();
  await expect(joiner.getByLabel(/^E-mail/)).toHaveValue(email);
  await expect(joiner.getByLabel(/^Choose a password/)).toHaveAttribute("autocomplete", "new-password");
  await joiner.getByLabel(/^Your name/).fill("Noor Haddad");
  await joiner.getByLabel(/^Choose a password/).fill("too short");
  await joiner.getByRole("button", { name: "Join and sign in" }).click();
  await expect(joiner.locator("#join-password-error")).toContainText("12 to 128 characters");
  await expect(joiner.getByLabel(/^Your name/)).toHaveValue("Noor Haddad");
  await expectNoAxeViolations(joiner);
  await keepScreenshot(joiner, testInfo, "join");
  await joiner.getByLabel(/^Choose a password/).fill("a long passphrase");
  await joiner.getByRole("button", { name: "Join and sign in" }).click();
  await expect(joiner.getByRole("heading", { level: 1, name: "Home" })).toBeVisible();
  await expect(joiner.getByRole("button", { name: "Account: Noor Haddad" })).toBeVisible();
  // The link worked once.
  await joiner.goto("about:blank");
  await joiner.goto(link);
  await expect(joiner.getByText("This invitation has been used, withdrawn or has expired.")).toBeVisible();

  // Back with the admin: Noor is on the team; make her an admin, then remove her.
  await page.reload();
  const noor = page.locator(".pp-team-member", { hasText: email });
  await expect(noor).toContainText("Member");
  await expect(page.locator(".pp-team-invitation", { hasText: email })).toHaveCount(0);
  await noor.getByRole("button", { name: "Make partner admin" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Noor Haddad is now a partner admin." })).toBeVisible();
  await expect(noor.getByRole("button", { name: "Make member" })).toBeVisible();
  await noor.getByRole("button", { name: "Remove…" }).click();
  await expect(noor).toContainText("Remove Noor Haddad? They are signed out at once");
  await noor.getByRole("button", { name: "Remove Noor Haddad" }).click();
  await expect(page.getByText("Noor Haddad was removed and can no longer sign in.")).toBeVisible();
  await expect(page.locator(".pp-team-member", { hasText: email })).toHaveCount(0);
  // Her session ended with it.
  await joiner.goto(link.replace(/\/join#.*$/, "/deals"));
  await expect(joiner.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();
  await theirs.close();
});

test("an invitation can be withdrawn, and its link then says so", async ({ page, browser }, testInfo) => {
  const email = `lea.${testInfo.project.name}.${Date.now()}@lumiere-cloud.fr`;
  await page.goto("/team");
  await page.getByLabel(/^Work e-mail/).fill(email);
  await page.getByLabel(/^Role/).selectOption({ label: "Partner admin" });
  await page.getByRole("button", { name: "Send invitation" }).click();
  const link = await page.getByLabel("Invitation link").inputValue();
  const invitation = page.locator(".pp-team-invitation", { hasText: email });
  await expect(invitation).toContainText("Partner admin");
  // Long addresses and the link wrap: the page never gets wider than a phone's screen.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(page.viewportSize().width);
  await expect(invitation.getByRole("button", { name: "Withdraw" })).toHaveText("Withdraw");
  await invitation.getByRole("button", { name: `Withdraw the invitation to ${email}` }).click();
  await expect(page.getByText(`The invitation to ${email} was withdrawn`)).toBeVisible();
  await expect(invitation).toHaveCount(0);
  const theirs = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const joiner = await theirs.newPage();
  await joiner.goto(link);
  await expect(joiner.getByText("This invitation has been used, withdrawn or has expired.")).toBeVisible();
  // A new page load, as a link opened from an e-mail would be (a changed fragment alone is not).
  await joiner.goto("about:blank");
  await joiner.goto(link.replace(/#.*$/, "#not-a-token"));
  await expect(joiner.getByText("This invitation link is incomplete.")).toBeVisible();
  await expectNoAxeViolations(joiner);
  await theirs.close();
});
