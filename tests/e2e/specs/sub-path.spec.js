// Hosted under /portal/: assets, links and deep links all resolve below the sub-path.
import { test, expect, BRAND } from "../fixtures.js";
import { ports } from "../playwright.config.js";

const origin = `http://127.0.0.1:${ports.subPath}`;

test("deep links, navigation and the skip link work under /portal/", async ({ page, shell }) => {
  await page.goto(`${origin}/portal/deals/DR-7`);
  await expect(shell.heading).toHaveText("Deal DR-7");
  await expect(page).toHaveTitle(`Deal DR-7 · ${BRAND}`);
  await expect(page.locator(".pp-brand__logo")).toHaveJSProperty("naturalWidth", 32);

  await shell.navigateTo("Training");
  await expect(page).toHaveURL(`${origin}/portal/training`);
  await expect(shell.heading).toHaveText("Training");
  await shell.expectCurrentSection("Training");

  await page.reload();
  await expect(shell.heading).toHaveText("Training");
  await page.getByRole("link", { name: "Skip to content" }).focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(`${origin}/portal/training`);
});
