// Training: progress, expiry warnings, recertification, badges, and the URL-held filters.
import { test, expect, expectNoAxeViolations, keepScreenshot } from "../fixtures.js";

test("certifications warn before and after expiry and say how to recertify", async ({ page }, testInfo) => {
  await page.goto("/training");
  const expiring = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: "Certified Cloud Associate" }) });
  await expect(expiring).toContainText("Expiring");
  await expect(expiring).toContainText(/Renew soon: expires in \d+ days/);
  const expired = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: "MSP Operations Specialist" }) });
  await expect(expired).toContainText("It no longer counts towards your tier.");
  await expect(expired).toContainText("To recertify: Take the 45-minute recertification exam");
  await expect(page.getByRole("progressbar", { name: "Cloud Foundations modules" })).toHaveAttribute("value", "5");
  await expect(page.getByText("Needed for a third certified engineer (Gold tier)")).toBeVisible();
  await expect(page.getByText("First deal", { exact: true })).toBeVisible();
  await expectNoAxeViolations(page);
  await keepScreenshot(page, testInfo, "training");
});

test("course filters combine in the URL and survive a reload", async ({ page }) => {
  await page.goto("/training?status=in_progress&level=professional");
  const courses = page.getByRole("region", { name: "Courses and learning paths" });
  await expect(courses.getByRole("heading", { level: 3 })).toHaveText(["Backup & Recovery for MSPs"]);
  await page.getByRole("navigation", { name: "Level" }).getByRole("link", { name: "All levels" }).click();
  await expect(page).toHaveURL(/\/training\?status=in_progress$/);
  await expect(courses.getByRole("heading", { level: 3 })).toHaveText(["Cloud Foundations", "Selling Northwind: Value Conversations", "Backup & Recovery for MSPs"]);
  await page.getByRole("navigation", { name: "Order" }).getByRole("link", { name: "Title" }).click();
  await page.reload();
  await expect(courses.getByRole("heading", { level: 3 })).toHaveText(["Backup & Recovery for MSPs", "Cloud Foundations", "Selling Northwind: Value Conversations"]);
  await page.goto("/training?status=completed&level=expert");
  await expect(page.getByText("No courses match these filters")).toBeVisible();
});
