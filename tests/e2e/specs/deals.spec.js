// Deals: the list (filters, search, sort, pages, back button, export), one deal, and
// registration with every server answer, drafts and idempotent retries.
import { test, expect, expectNoAxeViolations, keepScreenshot, fillDeal } from "../fixtures.js";

const table = (page) => page.getByRole("table");
const references = (page) => table(page).getByRole("rowheader");

test("filter, search, sort and page through deals, and come back with the back button", async ({ page }, testInfo) => {
  await page.goto("/deals");
  await expect(page.getByText(/^Showing 1–25 of \d+ deals$/)).toBeVisible();
  await expectNoAxeViolations(page);
  await keepScreenshot(page, testInfo, "deals");

  const status = page.getByRole("navigation", { name: "Status" });
  // Closed statuses, which no other journey adds to while this one runs.
  await status.getByRole("link", { name: "Rejected" }).click();
  await status.getByRole("link", { name: "Lost" }).click();
  await expect(page).toHaveURL(/\/deals\?status=rejected&status=lost$/);
  await expect(page.getByText("Showing 1–6 of 6 deals")).toBeVisible();
  const badges = table(page).locator(".pp-deal-status");
  for (const text of await badges.allTextContents()) expect(["Rejected", "Lost"]).toContain(text);

  await table(page).getByRole("link", { name: "Value" }).click();
  await expect(page).toHaveURL(/sort=-value/);
  await expect(table(page).getByRole("columnheader", { name: "Value" })).toHaveAttribute("aria-sort", "descending");
  await table(page).getByRole("link", { name: "Value" }).click();
  await expect(table(page).getByRole("columnheader", { name: "Value" })).toHaveAttribute("aria-sort", "ascending");

  await page.goto("/deals?status=rejected&status=lost&sort=reference");
  const firstPageRefs = await references(page).allTextContents();
  expect(firstPageRefs).toEqual([...firstPageRefs].sort());
  await page.goto("/deals");
  await page.getByRole("link", { name: "Next page" }).click();
  await expect(page.getByText(/^Showing 26–\d+ of \d+ deals$/)).toBeVisible();
  await expect(page.getByText(/^Page 2 of \d+$/)).toBeVisible();
  await page.goBack();
  await expect(page.getByText(/^Showing 1–25 of \d+ deals$/)).toBeVisible();

  await page.getByLabel("Search deals").fill("MÜLLER LOGISTIK");
  await expect(page).toHaveURL(/q=M%C3%9CLLER%20LOGISTIK/);
  await expect(page.getByText(/^Showing 1–\d+ of \d+ deals$/)).toBeVisible();
  // Polled: the rows of the page before the search may still show for a moment.
  await expect.poll(async () => (await table(page).locator(".pp-table__customer").allTextContents()).every((name) => name.includes("Müller Logistik"))).toBe(true);
  await page.getByLabel("Search deals").fill("no such customer anywhere");
  await expect(page.getByText("No deals match this search or filter")).toBeVisible();
  await page.goBack();
  await expect(page.getByLabel("Search deals")).toHaveValue("");
});

test("a slow, older search never overwrites a newer one", async ({ page }) => {
  await page.route("**/api/v1/deals?*q=caf*", async (route) => {
    const url = route.request().url();
    if (!/q=caf&/.test(url)) return route.continue();
    await new Promise((resolve) => setTimeout(resolve, 1500)); // the first search answers late
    await route.continue();
  });
  await page.goto("/deals");
  const box = page.getByLabel("Search deals");
  await box.pressSequentially("caf", { delay: 20 });
  await page.waitForTimeout(400); // the pause sends "caf"
  await box.pressSequentially("é olé", { delay: 20 });
  await expect(page).toHaveURL(/q=caf%C3%A9%20ol%C3%A9/);
  await page.waitForTimeout(1800); // the late "caf" answer has arrived by now
  for (const name of await table(page).locator(".pp-table__customer").allTextContents()) expect(name).toContain("Café Olé");
  await expect(box).toHaveValue("café olé");
});

test("one deal shows its timeline, protection and the next step", async ({ page }, testInfo) => {
  await page.goto("/deals?status=more_info_requested");
  await references(page).first().getByRole("link").click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/^Deal DR-\d{4}-\d{5}$/);
  await expect(page.getByText("The channel team needs more information")).toBeVisible();
  const timeline = page.getByRole("region", { name: "Timeline" }).getByRole("listitem");
  await expect(timeline).toHaveCount(3);
  await expect(timeline.nth(2)).toContainText("Question from the channel team");
  await expect(page.getByRole("region", { name: "Your next move" })).toContainText("The channel team asks");
  await expectNoAxeViolations(page);
  await keepScreenshot(page, testInfo, "deal");
});

const unique = (testInfo, label) => `${label} ${testInfo.project.name} ${Date.now()}`;

test("register a deal, land on it with a confirmation, and find it in the list", async ({ page }, testInfo) => {
  const customer = unique(testInfo, "Fromagerie Lyonnaise");
  await page.goto("/deals/new");
  await expectNoAxeViolations(page);
  await fillDeal(page, customer);
  await keepScreenshot(page, testInfo, "deal-register-filled");
  await page.getByRole("button", { name: "Register deal" }).click();
  await expect(page).toHaveURL(/\/deals\/DR-\d{4}-\d{5}\?registered=1&points=10$/);
  // The confirmation names what the registration earned, as the backend answered it.
  await expect(page.getByRole("status").filter({ hasText: "is registered" })).toContainText("10 program points added to your score.");
  await expect(page.getByRole("heading", { name: customer })).toBeVisible();
  await page.goto(`/deals?q=${encodeURIComponent(customer)}`);
  await expect(references(page)).toHaveCount(1);
  // The draft was cleared: the form is empty again.
  await page.goto("/deals/new");
  await expect(page.getByLabel("Customer company")).toHaveValue("");
});

test("mistakes are listed in a focused summary that links to each field", async ({ page }, testInfo) => {
  await page.goto("/deals/new");
  await page.getByLabel("Contact's e-mail").fill("not an email");
  await page.getByRole("button", { name: "Register deal" }).click();
  const summary = page.getByRole("alert").filter({ hasText: "Please check these fields" });
  await expect(summary).toBeFocused();
  // Country and currency start as the company's own, so six fields are left to fix.
  await expect(summary.getByRole("link")).toHaveCount(6);
  await summary.getByRole("link", { name: "Enter an e-mail address like name@company.com." }).click();
  await expect(page.getByLabel("Contact's e-mail")).toBeFocused();
  await expect(page.getByLabel("Contact's e-mail")).toHaveAttribute("aria-invalid", "true");
  await expectNoAxeViolations(page);
  await keepScreenshot(page, testInfo, "deal-register-errors");
});

test("a 422 from the server shows at the field it names", async ({ page }, testInfo) => {
  await page.route("**/api/v1/deals", (route) =>
    route.request().method() === "POST"
      ? route.fulfill({ status: 422, contentType: "application/problem+json", body: JSON.stringify({ type: "about:blank", title: "Some fields need attention", status: 422, errors: [{ field: "customer_company", message: "This customer is on the vendor's direct list." }] }) })
      : route.continue(),
  );
  await page.goto("/deals/new");
  await fillDeal(page, unique(testInfo, "Direct Account"));
  await page.getByRole("button", { name: "Register deal" }).click();
  await expect(page.getByText("This customer is on the vendor's direct list.").first()).toBeVisible();
  await expect(page.getByLabel("Customer company")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Estimated value")).toHaveValue("42,500");
});

test("a conflicting registration is explained with the other deal's reference", async ({ page }) => {
  await page.goto("/deals/new");
  await fillDeal(page, "Nordwind Energie AG", "Northwind Cloud Platform");
  await page.getByRole("button", { name: "Register deal" }).click();
  const alert = page.getByRole("alert").filter({ hasText: "already registered by another partner" });
  await expect(alert).toContainText(/Their registration: DR-\d{4}-\d{5}\./);
  await expect(page.getByLabel("Customer company")).toHaveValue("Nordwind Energie AG");
});

test("a lost answer and a retry, plus a double click, still create exactly one deal", async ({ page }, testInfo) => {
  const customer = unique(testInfo, "Retry Résidences");
  let posts = 0;
  await page.route("**/api/v1/deals", async (route) => {
    if (route.request().method() !== "POST") return route.continue();
    posts += 1;
    if (posts === 1) {
      await route.fetch(); // the server registers the deal…
      return route.abort("connectionreset"); // …but the answer never reaches the browser
    }
    return route.continue();
  });
  await page.goto("/deals/new");
  await fillDeal(page, customer);
  await page.getByRole("button", { name: "Register deal" }).dblclick();
  const alert = page.getByRole("alert").filter({ hasText: "Your deal was not registered yet" });
  await expect(alert).toContainText("Everything you typed is kept.");
  await expect(page.getByLabel("Customer company")).toHaveValue(customer);
  await alert.getByRole("button", { name: "Try again" }).click();
  await expect(page).toHaveURL(/\/deals\/DR-\d{4}-\d{5}\?registered=1&points=10$/);
  await page.goto(`/deals?q=${encodeURIComponent(customer)}`);
  await expect(references(page)).toHaveCount(1);
  expect(posts).toBeGreaterThanOrEqual(2);
});

test("a draft survives a reload", async ({ page }, testInfo) => {
  const customer = unique(testInfo, "Brasserie Draft");
  await page.goto("/deals/new");
  await page.getByLabel("Customer company").fill(customer);
  await page.getByLabel("Estimated value").fill("12 000");
  await page.getByRole("checkbox", { name: "Data Lake" }).check();
  await page.getByLabel("Notes for the channel team").fill("Board decides in March.");
  await page.reload();
  await expect(page.getByText("We kept what you typed last time.")).toBeVisible();
  await expect(page.getByLabel("Customer company")).toHaveValue(customer);
  await expect(page.getByLabel("Estimated value")).toHaveValue("12 000");
  await expect(page.getByRole("checkbox", { name: "Data Lake" })).toBeChecked();
  await expect(page.getByLabel("Notes for the channel team")).toHaveValue("Board decides in March.");
  await page.getByRole("button", { name: "Start over with an empty form" }).click();
  await expect(page.getByLabel("Customer company")).toHaveValue("");
});

test("the filtered view exports as CSV, every page of it", async ({ page }) => {
  // Lost deals: a status no other journey adds to while this one runs.
  await page.goto("/deals?status=lost");
  await expect(page.getByText(/^Showing 1–3 of 3 deals$/)).toBeVisible();
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Export this view as CSV" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe("deals.csv");
  const text = await (await file.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString("utf8"));
  const lines = text.trim().split("\r\n");
  expect(lines[0]).toBe("Reference,Customer,Country,Value,Currency,Expected close,Status,Protection expires,Last update");
  expect(lines).toHaveLength(4);
  expect(lines.slice(1).every((l) => l.includes(",lost,"))).toBe(true);
  await expect(page.getByText("Exported 3 deals to deals.csv.")).toBeVisible();
});
