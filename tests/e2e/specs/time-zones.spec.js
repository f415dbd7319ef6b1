// A partner's day is their own: late in the evening in Los Angeles it is already tomorrow by
// UTC, and "today" must still be a close date the form and the server accept.
import { test, expect, fillDeal } from "../fixtures.js";

const ZONE = "America/Los_Angeles";
test.use({ timezoneId: ZONE });

test("at 23:30 in Los Angeles, a deal closing today is registered", async ({ page }, testInfo) => {
  const now = new Date();
  const day = new Intl.DateTimeFormat("en-CA", { timeZone: ZONE }).format(now); // YYYY-MM-DD
  const offset = new Intl.DateTimeFormat("en-US", { timeZone: ZONE, timeZoneName: "longOffset" })
    .formatToParts(now).find((part) => part.type === "timeZoneName").value.replace("GMT", "");
  const lateEvening = new Date(`${day}T23:30:00${offset}`);
  expect(lateEvening.toISOString().slice(0, 10), "by UTC it is already the next day").not.toBe(day);
  await page.clock.setFixedTime(lateEvening);
  await page.goto("/deals/new");
  await fillDeal(page, `Café du Soir ${testInfo.project.name} ${Date.now()}`);
  await page.getByLabel("Expected close date").fill(day);
  await page.getByRole("button", { name: "Register deal" }).click();
  await expect(page).toHaveURL(/\/deals\/DR-\d{4}-\d{5}\?registered=1&points=10$/);
  await expect(page.getByRole("main")).toContainText(/Deal DR-\d{4}-\d{5} is registered\./);
  // The day as the portal writes it in English: the browser's Intl, read in UTC (a day has no zone).
  const shown = new Intl.DateTimeFormat("en-US", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" }).format(new Date(day));
  await expect(page.getByRole("main")).toContainText(`Expected close${shown}`);
});
