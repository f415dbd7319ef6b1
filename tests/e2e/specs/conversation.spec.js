// The vendor's half of the loop, seen by the partner: the channel team (through the operations
// API, as its tools would) asks about a registered deal, and the question reaches the partner
// without a reload; they answer on the deal page; approval, an extension request and its
// decision follow on the timeline. Feedback answered and a course completed by "the LMS" reach
// the partner the same way.
import { test, expect, expectNoAxeViolations, keepScreenshot, fillDeal } from "../fixtures.js";

const OPS = { Authorization: "Bearer ppk_demo-channel-team" };
const API = "/api/v1";
const inDays = (n) => new Date(Date.now() + n * 86400_000).toISOString().slice(0, 10);
/** "Feb 24, 2027", as the portal writes a day in English (the browser's Intl). */
const short = (iso) =>
  new Intl.DateTimeFormat("en-US", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" }).format(new Date(iso));

/** Polls the feed every 5 seconds (the vendor's setting), so news shows within the test. */
async function pollOften(page) {
  const config = await (await page.request.get("/config.json")).json();
  await page.route("**/config.json", (route) => route.fulfill({ json: { ...config, notifications_poll_seconds: 5 } }));
}

/** The channel team takes a step on a deal, as a CRM integration would. */
async function channelStep(request, reference, body) {
  const reply = await request.post(`${API}/ops/deals/${reference}/steps`, { headers: OPS, data: body });
  expect(reply.status(), JSON.stringify(await reply.json())).toBe(200);
}

/** The unread count on the header's bell (0 when it shows none). */
async function unread(page) {
  const badge = page.locator(".pp-bell__count");
  return (await badge.count()) === 0 ? 0 : Number((await badge.innerText()).replace(/\D.*$/s, ""));
}

/** The partner's own score on a board this month. */
async function boardScore(page, board) {
  return (await (await page.request.get(`${API}/leaderboards/${board}?period=month`)).json()).me.entry.score;
}

test("the channel team asks, the partner is told without a reload, answers, and the deal is approved", async ({ page, request, shell }, testInfo) => {
  await pollOften(page);
  await page.goto("/");
  const points = await boardScore(page, "engagement");
  const customer = `Brasserie ${testInfo.project.name} ${Date.now()}`;
  await page.goto("/deals/new");
  await fillDeal(page, customer);
  await page.getByRole("button", { name: "Register deal" }).click();
  await expect(page).toHaveURL(/\/deals\/DR-\d{4}-\d{5}\?registered/);
  const reference = page.url().match(/DR-\d{4}-\d{5}/)[0];
  // Registering moved the partner's engagement points at once (other journeys may add more).
  expect(await boardScore(page, "engagement")).toBeGreaterThanOrEqual(points + 10);
  await expect(page.getByRole("button", { name: "Withdraw this registration…" })).toBeVisible();
  await expect(page.locator(".pp-bell")).toBeVisible();
  const before = await unread(page);

  await channelStep(request, reference, { step: "start_review" });
  await channelStep(request, reference, { step: "request_information", note: "Which sites does the customer run, and how many seats each?" });
  // The bell counts the question within one poll, with no reload.
  await expect.poll(() => unread(page), { timeout: 15_000 }).toBeGreaterThan(before);
  await expect(page.locator(".pp-bell")).toHaveAccessibleName(/^Notifications, \d+ unread$/);

  await page.locator(".pp-bell").click();
  await expect(shell.heading).toHaveText("Notifications");
  const entry = page.locator(".pp-notification", { hasText: reference }).first();
  await expect(entry).toContainText(`The channel team has a question about ${customer} (${reference})`);
  await expect(entry).toContainText("Which sites does the customer run");
  await expect(entry).toContainText("New");
  await expectNoAxeViolations(page);
  await keepScreenshot(page, testInfo, "notifications");
  await entry.getByRole("link").click();

  await expect(shell.heading).toHaveText(`Deal ${reference}`);
  await expect(page.getByText("answer their question below")).toBeVisible();
  await expect(page.locator(".pp-step__question")).toHaveText("Which sites does the customer run, and how many seats each?");
  await page.getByRole("button", { name: "Send answer" }).click();
  await expect(page.locator("#answer-note-error")).toContainText("Write your answer");
  await page.getByLabel(/^Your answer/).fill("Two sites: Lyon (40 seats) and Grenoble (25 seats).");
  await expectNoAxeViolations(page);
  await keepScreenshot(page, testInfo, "deal-question");
  // What was typed survives a reload until it is sent.
  await page.reload();
  await expect(page.getByLabel(/^Your answer/)).toHaveValue("Two sites: Lyon (40 seats) and Grenoble (25 seats).");
  await page.getByRole("button", { name: "Send answer" }).click();
  await expect(page.getByText("Your answer was sent. The deal is back in review.")).toBeVisible();
  const timeline = page.getByRole("region", { name: "Timeline" });
  await expect(timeline.locator(".pp-timeline__event").last()).toContainText("You answered");
  await expect(timeline.locator(".pp-timeline__event").last()).toContainText("Two sites: Lyon (40 seats) and Grenoble (25 seats).");
  await expect(timeline).toContainText("By Channel team (demo)");

  // Approval with a protection date; the partner asks for longer, and the channel team agrees.
  const protectedUntil = inDays(90);
  await channelStep(request, reference, { step: "approve", protection_ends_on: protectedUntil });
  await page.reload();
  await expect(page.locator(".pp-deal .pp-badge")).toHaveText("Approved");
  await expect(timeline.locator(".pp-timeline__event").last()).toContainText(`Protected until ${short(protectedUntil)}`);
  await page.getByText("Ask for longer protection", { exact: true }).click();
  await page.getByLabel(/^Protect until/).fill(inDays(150));
  await page.getByLabel(/^Why you need longer/).fill("The customer's board decides in spring.");
  await page.getByRole("button", { name: "Ask for an extension" }).click();
  await expect(page.getByText("Longer protection asked for")).toBeVisible();
  await expect(timeline.locator(".pp-timeline__event").last()).toContainText(`Asked for protection until ${short(inDays(150))}`);
  await expectNoAxeViolations(page);
  await keepScreenshot(page, testInfo, "deal-extension-asked");
  await channelStep(request, reference, { step: "grant_extension", protection_ends_on: inDays(150) });
  await expect.poll(async () => (await (await page.request.get(`${API}/notifications`)).json()).items[0].kind).toBe("extension_granted");
  await page.reload();
  await expect(page.getByText(`protected for you until ${short(inDays(150))}`)).toBeVisible();
  await expect(timeline.locator(".pp-timeline__event").last()).toContainText("Protection extended");

  // The pipeline and the list say the same.
  await page.goto(`/deals?status=approved&q=${encodeURIComponent(customer)}`);
  await expect(page.getByRole("table").getByRole("row", { name: new RegExp(reference) })).toContainText("Approved");
});

test("a partner withdraws a registration after saying why", async ({ page }, testInfo) => {
  const customer = `Withdrawn ${testInfo.project.name} ${Date.now()}`;
  await page.goto("/deals/new");
  await fillDeal(page, customer, "Data Lake");
  await page.getByRole("button", { name: "Register deal" }).click();
  await page.getByRole("button", { name: "Withdraw this registration…" }).click();
  await page.getByLabel(/^Why \(for the channel team\)/).fill("The customer postponed the project by a year.");
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Keep it" }).click();
  await expect(page.getByRole("button", { name: "Withdraw this registration…" })).toBeVisible();
  await page.getByRole("button", { name: "Withdraw this registration…" }).click();
  await expect(page.getByLabel(/^Why \(for the channel team\)/)).toHaveValue("The customer postponed the project by a year.");
  await page.getByRole("button", { name: "Withdraw", exact: true }).click();
  await expect(page.getByText("The registration is withdrawn.")).toBeVisible();
  await expect(page.locator(".pp-deal .pp-badge")).toHaveText("Withdrawn");
  await expect(page.getByText("You withdrew this registration.")).toBeVisible();
  await expect(page.getByRole("region", { name: "Your next move" })).toHaveCount(0);
  await keepScreenshot(page, testInfo, "deal-withdrawn");
});

test("feedback answered and a course completed by the LMS reach the partner", async ({ page, request }, testInfo) => {
  await pollOften(page);
  const title = `Reminders ${testInfo.project.name} ${Date.now()}`;
  await page.goto("/feedback");
  await page.getByLabel("About").selectOption("portal");
  await page.getByLabel(/^Title/).fill(title);
  await page.getByLabel(/^Your feedback/).fill("Remind us a week before a deal's protection ends.");
  await page.getByRole("button", { name: "Send feedback" }).click();
  await expect(page.getByText(`Thank you: “${title}” was received.`)).toBeVisible();
  const mine = await (await page.request.get(`${API}/feedback`)).json();
  const id = mine.find((f) => f.title === title).id;
  const before = await unread(page);
  const decided = await request.put(`${API}/ops/feedback/${id}`, { headers: OPS, data: { status: "planned", reply: "Good idea: reminders come in the December release." } });
  expect(decided.status()).toBe(200);
  await expect.poll(() => unread(page), { timeout: 15_000 }).toBeGreaterThan(before);
  await page.reload();
  const card = page.locator(".pp-feedback", { hasText: title });
  await expect(card).toContainText("Planned");
  await expect(card).toContainText("Good idea: reminders come in the December release.");

  // A course not started yet, one per browser project so parallel runs never share it.
  const training = await (await page.request.get(`${API}/training`)).json();
  const open = training.courses.filter((c) => c.status === "not_started" && c.level !== "expert");
  const course = open[testInfo.project.name === "phone" ? 1 : 0];
  const me = await (await page.request.get(`${API}/me`)).json();
  const courses = me.next_tier.requirements.find((r) => r.id === "courses").current.value;
  const report = await request.put(`${API}/ops/users/u-amelie/courses/${course.id}`, { headers: OPS, data: { modules_done: course.modules_total } });
  expect(report.status()).toBe(204);
  // Tier progress on Home counts it.
  await page.goto("/");
  const requirement = page.locator(".pp-requirement", { hasText: "Courses completed by your team" });
  await expect(requirement).toContainText(/\d+ of 10/);
  expect(Number((await requirement.innerText()).match(/(\d+) of 10/)[1])).toBeGreaterThanOrEqual(courses + 1);
  await page.goto("/notifications");
  const completed = page.locator(".pp-notification", { hasText: `Course completed: ${course.title}` }).first();
  await expect(completed).toContainText("New");
  await page.getByRole("button", { name: "Mark all as read" }).click();
  // Other journeys may add entries meanwhile; this one, at least, is read now.
  await expect(completed.getByText("New", { exact: true })).toHaveCount(0);
  await page.goto("/training?status=completed");
  await expect(page.getByRole("region", { name: "Courses and learning paths" })).toContainText(course.title);
});

test("partner credentials cannot use the operations API, nor an API key the partner endpoints", async ({ page, request }) => {
  await page.goto("/");
  const partner = await page.request.get(`${API}/ops/deals/DR-2026-00001`);
  expect(partner.status()).toBe(403);
  const key = await request.get(`${API}/me`, { headers: OPS });
  expect(key.status()).toBe(403);
  expect((await key.json()).code).toBe("forbidden");
});
