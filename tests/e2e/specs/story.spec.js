// One true story: the demo adds up across screens, each screen leads with what needs the
// partner, and what the portal can see her do is not asked of her again.
import { test, expect, expectNoAxeViolations, keepScreenshot, fillDeal } from "../fixtures.js";

const API = "/api/v1";

test("the demo adds up: wins, tier revenue, steps done by what happened, and carried-over certifications", async ({ page }, testInfo) => {
  // The tier's won revenue is the sum of the won deals (all in euros but one in francs).
  const me = await (await page.request.get(`${API}/me`)).json();
  const revenue = me.next_tier.requirements.find((r) => r.id === "revenue").current.value;
  const won = await (await page.request.get(`${API}/deals?status=won&limit=100`)).json();
  const euros = won.items.reduce((sum, d) => sum + (d.value.currency === "EUR" ? d.value.amount_minor : Math.round(d.value.amount_minor * 112 / 108)), 0);
  expect(Math.abs(revenue.amount_minor - euros)).toBeLessThanOrEqual(100);
  // Nothing happened before she joined, except certifications her people brought with them.
  const joined = me.company.joined_on;
  const all = await (await page.request.get(`${API}/deals?limit=100&sort=reference`)).json();
  for (const deal of all.items) expect(deal.updated_at.slice(0, 10) >= joined, deal.reference).toBe(true);

  await page.goto("/onboarding");
  const firstDeal = page.getByRole("listitem").filter({ has: page.getByText("Register your first deal", { exact: true }) });
  await expect(firstDeal).toContainText("Done by itself when you register a deal.");
  await expect(firstDeal).toContainText("Done");
  await expect(firstDeal.getByRole("checkbox")).toHaveCount(0);
  const pulse = page.getByRole("listitem").filter({ has: page.getByText("Answer the quarterly partner pulse", { exact: true }) });
  await expect(pulse).toContainText("Done by itself when you answer the quarterly partner pulse.");
  await expect(pulse.getByRole("checkbox")).toHaveCount(0);
  await keepScreenshot(page, testInfo, "story-onboarding");

  await page.goto("/training");
  const carried = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: "Certified Cloud Associate" }) });
  await expect(carried).toContainText("before you joined the program");

  // "You said, we did" is true of this very portal: the export it promised is there.
  await page.goto("/feedback");
  await expect(page.getByText("Export deals to CSV").first()).toBeVisible();
  await page.goto("/deals");
  await expect(page.getByRole("button", { name: "Export this view as CSV" })).toBeVisible();
});

test("the deals page leads with what waits for her, in her currency, closed deals below", async ({ page }, testInfo) => {
  await page.goto("/deals");
  const waiting = page.getByRole("link", { name: /^Waiting for you \d+/ });
  await expect(waiting).toBeVisible();
  await expect(waiting).toContainText(/\d+ to answer/);
  // The tiles shown (the placeholder's shapes stay behind them, hidden).
  const tiles = page.locator('ul.pp-pipeline:not([aria-hidden="true"]) > .pp-pipeline__stage');
  expect(await tiles.first().textContent()).toContain("Waiting for you");
  // Open work first in her currency, closed deals after it and smaller.
  await expect(tiles.nth(1).locator(".pp-pipeline__value")).toContainText("€");
  const won = tiles.filter({ has: page.getByRole("link", { name: /^Won \d+/ }) });
  await expect(won).toHaveClass(/pp-pipeline__stage--closed/);
  const labels = await tiles.locator(".pp-pipeline__label").allTextContents();
  expect(labels.indexOf("Approved")).toBeLessThan(labels.indexOf("Rejected"));
  await expectNoAxeViolations(page);
  await keepScreenshot(page, testInfo, "story-deals");

  await waiting.click();
  await expect(page).toHaveURL(/\/deals\?needs_you=true$/);
  await expect(page.getByRole("navigation", { name: "Status" }).getByRole("link", { name: "Waiting for you" })).toHaveAttribute("aria-current", "true");
  // Polled: the unfiltered rows may still show for a moment after the address changes.
  const statuses = () => page.getByRole("table").locator(".pp-deal-status").allTextContents();
  await expect.poll(async () => {
    const shown = await statuses();
    return shown.length > 0 && shown.every((s) => ["More info requested", "Approved"].includes(s));
  }).toBe(true);

  // An approved deal whose protection ends before the customer expects to close says so.
  await page.goto("/deals?q=Universit%C3%A9%20de%20Grenoble");
  await page.getByRole("table").getByRole("rowheader").first().getByRole("link").click();
  await expect(page.getByText(/days before the customer expects to close/)).toBeVisible();
  // Times on the timeline are the partner's own, not UTC.
  await expect(page.getByRole("main")).not.toContainText("UTC");
});

test("each state has its own words, and a missing deal leads back rather than retrying", async ({ page }) => {
  await page.goto("/deals?status=rejected");
  await page.getByRole("table").getByRole("rowheader").first().getByRole("link").click();
  await expect(page.locator("dt", { hasText: "Protected until" }).locator("+ dd")).toHaveText("Not protected");

  await page.goto("/deals/DR-2026-99999");
  const alert = page.getByRole("alert");
  await expect(alert).toContainText("We could not load this deal.");
  await expect(alert.getByRole("button", { name: "Try again" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Back to your deals" })).toBeVisible();
});

test("a new registration starts in her company's country and currency, and a repeat of her own open deal is caught before it is sent", async ({ page }) => {
  await page.goto("/deals/new");
  // Lumière Cloud Services is French and reports in euros; countries read by name.
  await expect(page.getByLabel("Customer's country")).toHaveValue("FR");
  await expect(page.getByLabel("Currency")).toHaveValue("EUR");
  await expect(page.getByLabel("Customer's country").locator('option[value="FR"]')).toHaveText("France (FR)");
  // Leaving the customer field asks whether one of her open registrations covers it:
  // Café Olé's backup deal is approved and hers (typed in other case, without accents' capitals).
  const notice = page.getByRole("alert").filter({ hasText: "You already registered this customer" });
  const customer = page.getByLabel("Customer company");
  await customer.fill("café olé sarl");
  await customer.press("Tab");
  await expect(notice).toBeVisible();
  await expect(notice.getByRole("link")).toHaveText(/^Open DR-\d{4}-\d{5}$/);
  await expectNoAxeViolations(page);
  // Another customer: the warning goes; back again, with a product she has not registered
  // for them, it stays away (other products are another opportunity).
  await customer.fill("Nouveau Client SAS");
  await customer.press("Tab");
  await expect(notice).toHaveCount(0);
  const edgeOnly = page.waitForResponse((r) => r.url().includes("/deals/repeats") && r.url().includes("product=NW-EDGE") && !r.url().includes("NW-BACKUP"));
  await fillDeal(page, "café olé sarl", "Edge Gateway");
  await edgeOnly;
  await expect(notice).toHaveCount(0);
  await page.getByRole("checkbox", { name: "Backup & Recovery" }).check();
  await expect(notice).toBeVisible();
  // Sent anyway: the backend refuses it too, naming the same deal, and the form is kept.
  const named = await notice.getByRole("link").textContent();
  await page.getByRole("button", { name: "Register deal" }).click();
  await expect(notice).toContainText("Your registration");
  await expect(notice.getByRole("link")).toHaveText(named);
  await expect(customer).toHaveValue("café olé sarl");
  await notice.getByRole("link").click();
  await expect(page.getByRole("heading", { level: 2, name: "Café Olé SARL" })).toBeVisible();
});

test("the 0–10 scale fits a narrow phone on two even rows", async ({ page }, testInfo) => {
  test.skip(testInfo.project.name !== "phone", "a phone layout");
  await page.setViewportSize({ width: 320, height: 740 });
  // A survey of its own: the pulse may have been answered by another journey already.
  const survey = { id: "srv-scale", title: "One score", description: "One question.", due_on: "2099-12-31",
    questions: [{ id: "q-nps", prompt: "How likely are you to recommend us?", required: true, type: "nps" }] };
  await page.route("**/api/v1/surveys/srv-scale", (route) => route.fulfill({ json: survey }));
  await page.goto("/feedback/surveys/srv-scale");
  const top = async (n) => (await page.getByRole("radio", { name: String(n), exact: true }).first().boundingBox()).y;
  expect(await top(5)).toBe(await top(0));
  expect(await top(10)).toBe(await top(6));
  expect(await top(6)).toBeGreaterThan(await top(0));
  await keepScreenshot(page, testInfo, "story-scale-320");
});
