// Money reaches the partner: the channel team declines a line of earnings or a fund claim with
// a reason, and the partner reads it in their notifications; payouts sent and arrived, and fund
// decisions, are there too. (The money pages are held back: they do not fit the size budget yet.)
import { test, expect, expectNoAxeViolations, keepScreenshot } from "../fixtures.js";

const OPS = { Authorization: "Bearer ppk_demo-channel-team" };
const SAKURA = { Authorization: "Bearer sakura-token" };
const AIKO = { email: "aiko.tanaka@sakura-systems.jp", password: "partner-demo" };
const API = "/api/v1";
const inDays = (n) => new Date(Date.now() + n * 86400_000).toISOString().slice(0, 10);

/** Aiko signs in, in a browser of her own, and lands on her notifications. */
async function aikosNotifications(browser) {
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  await page.goto("/sign-in?next=%2Fnotifications");
  await page.getByLabel("E-mail").fill(AIKO.email);
  await page.getByLabel(/^Password/).fill(AIKO.password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Notifications" })).toBeVisible();
  return { context, page };
}

test("the channel team declines a line with a reason and the partner is told why", async ({ browser, request }, testInfo) => {
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
  const report = await (await request.get(`${API}/earnings?status=pending`, { headers: SAKURA })).json();
  const lines = report.lines.filter((l) => l.deal_id === reference);
  // Gold: 8 % of ¥1,234,567 and the push's 2 %, in whole yen.
  expect(lines.map((l) => [l.kind, l.amount.amount_minor])).toEqual(expect.arrayContaining([["rebate", 98_765], ["spiff", 24_691]]));
  const spiff = lines.find((l) => l.kind === "spiff");
  const reason = `Kyoto is outside the Secure Access push's regions (${testInfo.project.name}).`;
  const declined = await request.put(`${API}/ops/earnings/${spiff.id}`, { headers: OPS, data: { status: "declined", reason } });
  expect(declined.status()).toBe(200);

  const { context, page } = await aikosNotifications(browser);
  await expect(page.getByRole("link", { name: `Earnings declined: ${customer}` }).first()).toBeVisible();
  await expect(page.getByText(reason).first()).toBeVisible();
  await expectNoAxeViolations(page);
  await keepScreenshot(page, testInfo, "notification-earning-declined");
  await context.close();
});

test("the demo partner's payouts, sent and arrived, are in its notifications", async ({ page }) => {
  const report = await (await page.request.get(`${API}/earnings`)).json();
  const sent = report.payouts.find((p) => p.status === "in_progress");
  const arrived = report.payouts.find((p) => p.status === "paid");
  const plain = (p) => `${p.amount.currency} ${(p.amount.amount_minor / 100).toFixed(2)}`;
  await page.goto("/notifications");
  await expect(page.getByRole("link", { name: `Payout of ${plain(sent)} sent` })).toBeVisible();
  await expect(page.getByRole("link", { name: `Payout of ${plain(arrived)} arrived` })).toBeVisible();
});

test("the channel team declines a fund claim with a reason and the partner is told why", async ({ browser, request }, testInfo) => {
  // Aiko's company asks its co-op fund for an event, is pre-approved, and claims with a link.
  const { funds } = await (await request.get(`${API}/funds`, { headers: SAKURA })).json();
  expect(funds.map((f) => f.name)).toEqual([`Co-op ${new Date().getFullYear()}`]);
  const activity = `Kyoto partner evening ${testInfo.project.name} ${Date.now()}`;
  const draft = {
    fund_id: funds[0].id, activity, amount_minor: 5_000, expected_outcome: "30 guests, 4 meetings",
    starts_on: inDays(1), ends_on: inDays(1),
  };
  const saved = await request.post(`${API}/funds/requests`, { headers: SAKURA, data: draft });
  expect(saved.status()).toBe(201);
  const { id } = await saved.json();
  expect((await request.put(`${API}/funds/requests/${id}`, { headers: SAKURA, data: { ...draft, submit: true } })).status()).toBe(200);
  expect((await request.put(`${API}/ops/fund-requests/${id}`, { headers: OPS, data: { status: "pre_approved" } })).status()).toBe(200);
  const claim = { amount_minor: 5_000, proof_link: "https://photos.sakura-systems.example/evening" };
  expect((await request.post(`${API}/funds/requests/${id}/claim`, { headers: SAKURA, data: claim })).status()).toBe(201);
  const reason = `The guest list is missing (${testInfo.project.name}).`;
  const declined = await request.put(`${API}/ops/fund-requests/${id}/claim`, { headers: OPS, data: { status: "declined", reason } });
  expect(declined.status()).toBe(200);

  const { context, page } = await aikosNotifications(browser);
  await expect(page.getByRole("link", { name: `Funds declined: ${activity}` })).toBeVisible();
  await expect(page.getByText(reason)).toBeVisible();
  await expect(page.getByRole("link", { name: `Funds approved: ${activity}` })).toBeVisible();
  await expectNoAxeViolations(page);
  await context.close();
});

test("the demo partner's fund story is in its notifications: a claim paid, another declined with why", async ({ page }) => {
  await page.goto("/notifications");
  await expect(page.getByRole("link", { name: "Funds paid: Launch webinar: zero trust for clinics" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Funds declined: Roundtable for hospital CIOs in Lyon" })).toBeVisible();
  await expect(page.getByText(/The attendee list is missing/)).toBeVisible();
});
