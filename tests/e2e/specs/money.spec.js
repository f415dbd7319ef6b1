// Money a partner can see: the demo partner's earnings on the page match the API line by line,
// and the totals are exactly the sums of the lines shown; a distributor paid in yen sees totals
// without decimals (euros with two); the channel team declines a line with a reason and the
// partner is told, follows the notification and reads the reason; filters and sort live in the
// address, and the view exports as CSV.
import { test, expect, expectNoAxeViolations, keepScreenshot } from "../fixtures.js";

const OPS = { Authorization: "Bearer ppk_demo-channel-team" };
const SAKURA = { Authorization: "Bearer sakura-token" };
const AIKO = { email: "aiko.tanaka@sakura-systems.jp", password: "partner-demo" };
const API = "/api/v1";
const STATUSES = ["pending", "approved", "available", "paid", "declined"];
const inDays = (n) => new Date(Date.now() + n * 86400_000).toISOString().slice(0, 10);
/** Text with its whitespace (the non-breaking space after "CHF" too) made plain. */
const plain = (text) => text.replace(/\s+/g, " ").trim();
/** An amount as the portal writes it in English (the browser's Intl), whitespace made plain. */
const money = ({ amount_minor, currency }) => {
  const digits = currency === "JPY" ? 0 : 2;
  return plain(new Intl.NumberFormat("en-US", { style: "currency", currency }).format(amount_minor / 10 ** digits));
};

/** Every line of the caller's earnings from the API (one page holds them all here). */
async function earnings(request, headers = {}) {
  const reply = await request.get(`${API}/earnings?limit=500`, { headers });
  expect(reply.status()).toBe(200);
  return reply.json();
}

test("the partner's earnings on the page are the API's, line by line, and the totals their sums", async ({ page, shell }, testInfo) => {
  await page.goto("/");
  await shell.navigateTo("Earnings");
  await expect(shell.heading).toHaveText("Earnings");
  await shell.expectCurrentSection("Earnings");
  const table = page.locator(".pp-earnings-table");
  await expect(table).toBeVisible();
  // Other journeys may win deals while this one reads: compare again until both agree.
  await expect.poll(async () => {
    await page.reload();
    await expect(table).toBeVisible();
    const report = await earnings(page.request);
    const rows = await table.locator("tbody tr").all();
    const problems = [];
    if (rows.length !== report.lines.length) problems.push(`${rows.length} rows, ${report.lines.length} lines`);
    for (const [i, line] of report.lines.entries()) {
      const row = plain((await rows[i]?.innerText()) ?? "");
      if (!row.includes(money(line.amount)) || !row.includes(line.description)) problems.push(`row ${i + 1} is "${row}", not ${line.description} ${money(line.amount)}`);
      if (line.declined_reason && !row.includes(line.declined_reason)) problems.push(`row ${i + 1} hides its reason`);
    }
    // Each total is the sum of the lines with its currency and status, exactly.
    for (const total of report.totals) {
      const cells = await page.locator(".pp-earnings-totals tbody tr", { has: page.getByRole("rowheader", { name: total.currency, exact: true }) }).getByRole("cell").allInnerTexts();
      STATUSES.forEach((status, i) => {
        const sum = report.lines.filter((l) => l.amount.currency === total.currency && l.status === status).reduce((s, l) => s + l.amount.amount_minor, 0);
        if (sum !== total[`${status}_minor`]) problems.push(`${total.currency} ${status}: lines ${sum}, total ${total[`${status}_minor`]}`);
        const shown = money({ amount_minor: sum, currency: total.currency });
        if (plain(cells[i] ?? "") !== shown) problems.push(`${total.currency} ${status} shows "${cells[i]}", not ${shown}`);
      });
    }
    return problems;
  }, { timeout: 20_000 }).toEqual([]);
  // Euros have two decimals; the demo partner's CHF rebate from Zürich too.
  await expect(page.locator(".pp-earnings-totals")).toContainText(/€\d[\d,]*\.\d\d/);
  const payouts = page.getByRole("region", { name: "Payouts" });
  await expect(payouts.locator(".pp-payouts__item").first()).toContainText("On its way");
  await expect(payouts).toContainText("Arrived");
  await expectNoAxeViolations(page);
  await keepScreenshot(page, testInfo, "earnings");

  // Filters and sort are in the address, and a view exports as CSV.
  await page.getByRole("navigation", { name: "Status" }).getByRole("link", { name: "Declined" }).click();
  await expect(page).toHaveURL(/\/earnings\?status=declined$/);
  await expect(table.locator("tbody tr")).toHaveCount((await earnings(page.request)).lines.filter((l) => l.status === "declined").length);
  await expect(table).toContainText("maritime distributor");
  await page.getByRole("link", { name: /^Amount/ }).click();
  await expect(page).toHaveURL(/\/earnings\?status=declined&sort=-amount$/);
  await expect(page.getByRole("columnheader", { name: /^Amount/ })).toHaveAttribute("aria-sort", "descending");
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Export these lines as CSV" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe("earnings.csv");
  const csv = await (await file.createReadStream()).toArray();
  const text = Buffer.concat(csv).toString("utf8");
  expect(text.split("\r\n")[0]).toBe("Id,Kind,Status,Amount,Currency,For,Deal,Program,Earned,Expected payout,Payout or reason");
  expect(text).toContain(",declined,436.00,EUR,Thalès Maritime,");
  await expect(page.getByRole("status").filter({ hasText: "Exported" })).toHaveText(/Exported \d+ lines to earnings\.csv\./);
});

test("yen without decimals; the channel team declines a line and the partner is told why", async ({ browser, request }, testInfo) => {
  // A distributor paid in yen wins a deal: its rebate and the push's extra are pending.
  const customer = `Kyoto Ryokan ${testInfo.project.name} ${Date.now()}`;
  const registered = await request.post(`${API}/deals`, {
    headers: SAKURA,
    data: {
      customer_company: customer,
      contact: { name: "Kenji Mori", email: "kenji.mori@example.jp" },
      country: "JP",
      value: { amount_minor: 1_234_567, currency: "JPY" },
      expected_close_on: inDays(30),
      products: ["NW-SEC"],
    },
  });
  expect(registered.status()).toBe(201);
  const { reference } = await registered.json();
  for (const step of [{ step: "start_review" }, { step: "approve", protection_ends_on: inDays(90) }, { step: "record_won" }]) {
    expect((await request.post(`${API}/ops/deals/${reference}/steps`, { headers: OPS, data: step })).status()).toBe(200);
  }
  const lines = (await earnings(request, SAKURA)).lines.filter((l) => l.deal_id === reference);
  expect(lines.map((l) => [l.kind, l.amount.amount_minor])).toEqual(expect.arrayContaining([["rebate", 98_765], ["spiff", 24_691]]));

  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  await page.goto("/sign-in?next=%2Fearnings");
  await page.getByLabel("E-mail").fill(AIKO.email);
  await page.getByLabel(/^Password/).fill(AIKO.password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Earnings" })).toBeVisible();
  const yen = page.locator(".pp-earnings-totals tbody tr", { has: page.getByRole("rowheader", { name: "JPY", exact: true }) });
  const pending = (await earnings(request, SAKURA)).totals.find((t) => t.currency === "JPY").pending_minor;
  await expect(yen.getByRole("cell").first()).toHaveText(money({ amount_minor: pending, currency: "JPY" }));
  for (const cell of await yen.getByRole("cell").allInnerTexts()) expect(cell).toMatch(/^¥[\d,]+$/);

  // The channel team declines the push's extra, saying why; the bell says so.
  const spiff = lines.find((l) => l.kind === "spiff");
  const reason = `Kyoto is outside the Secure Access push's regions (${testInfo.project.name}).`;
  const declined = await request.put(`${API}/ops/earnings/${spiff.id}`, { headers: OPS, data: { status: "declined", reason } });
  expect(declined.status()).toBe(200);
  await page.goto("/notifications");
  const told = page.getByRole("link", { name: new RegExp(`Earnings declined: ${customer}`) });
  await expect(told.first()).toBeVisible();
  await expect(page.getByText(reason).first()).toBeVisible();
  await told.first().click();
  await expect(page).toHaveURL(/\/earnings\?status=declined$/);
  const row = page.locator(".pp-earnings-table tbody tr", { hasText: customer });
  await expect(row).toContainText("Declined");
  await expect(row).toContainText(reason);
  await expect(row).toContainText("¥24,691");
  await expectNoAxeViolations(page);
  await keepScreenshot(page, testInfo, "earnings-declined-yen");
  await context.close();
});

test("with nothing earned the page says how money is earned", async ({ page }) => {
  await page.route(/\/api\/v1\/earnings(\?|$)/, (r) => r.fulfill({ json: { lines: [], totals: [], total: 0, payouts: [] } }));
  await page.goto("/earnings");
  await expect(page.getByText("Nothing earned yet")).toBeVisible();
  await expect(page.getByRole("link", { name: "Register your first deal" })).toBeVisible();
  await expect(page.getByText("No payouts yet")).toBeVisible();
  await expectNoAxeViolations(page);
});

test("when the earnings cannot be read the page says what failed and offers a retry", async ({ page }) => {
  let fail = true;
  await page.route(/\/api\/v1\/earnings(\?|$)/, (r) => fail
    ? r.fulfill({ status: 500, contentType: "application/problem+json", body: '{"title":"Internal error","status":500,"detail":"The database is away."}' })
    : r.continue());
  await page.goto("/earnings");
  const retry = page.getByRole("button", { name: /Try again/ }).first();
  await expect(retry).toBeVisible();
  fail = false;
  await retry.click();
  await expect(page.locator(".pp-earnings-table")).toBeVisible();
});
