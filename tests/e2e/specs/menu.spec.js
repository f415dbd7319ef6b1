// The phone menu, operated with the keyboard alone.
import { test, expect } from "../fixtures.js";

test("on a phone the menu opens, navigates and closes by keyboard", async ({ page, shell }, testInfo) => {
  test.skip(testInfo.project.name !== "phone", "the menu button exists only on narrow screens");
  await page.goto("/");
  await expect(shell.heading).toHaveText("Home");
  await expect(shell.link("Deals")).toBeHidden();

  await shell.menuButton.focus();
  await page.keyboard.press("Enter");
  await expect(shell.menuButton).toHaveAttribute("aria-expanded", "true");
  await expect(shell.link("Deals")).toBeVisible();

  await page.keyboard.press("Escape");
  await expect(shell.menuButton).toHaveAttribute("aria-expanded", "false");
  await expect(shell.menuButton).toBeFocused();
  await expect(shell.link("Deals")).toBeHidden();

  await page.keyboard.press("Enter");
  await page.keyboard.press("Tab"); // Home
  await page.keyboard.press("Tab"); // Onboarding
  await page.keyboard.press("Tab"); // Training
  await page.keyboard.press("Tab"); // Deals
  await expect(shell.link("Deals")).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(shell.heading).toHaveText("Deals");
  await expect(shell.heading).toBeFocused();
  await expect(shell.menuButton).toHaveAttribute("aria-expanded", "false");
});

test("on a desktop the navigation is always visible and the menu button is not", async ({ page, shell }, testInfo) => {
  test.skip(testInfo.project.name !== "desktop", "desktop layout only");
  await page.goto("/");
  await expect(shell.menuButton).toBeHidden();
  await expect(shell.link("Leaderboards")).toBeVisible();
});
