// Leaderboards, surveys and feedback: URL-held choices, the pinned own row, answering a survey
// by keyboard alone, drafts, server errors, and "you said, we did".
import { test, expect, expectNoAxeViolations, keepScreenshot } from "../fixtures.js";

test("the own row is pinned when off the page, with the points to the next rank", async ({ page }, testInfo) => {
  await page.goto("/leaderboards");
  const ranking = page.getByRole("table");
  const me = ranking.getByRole("row").filter({ hasText: "(you)" });
  await expect(me).toHaveCount(1);
  await expect(me).toContainText("Lumière Cloud Services SARL");
  await expect(me).toHaveClass(/pp-ranking__pinned-row/);
  // Her own league by default: the MSPs, with the board's unit and the ways to climb.
  await expect(page.getByText(/^Rank \d+ of \d+ in MSPs$/)).toBeVisible();
  await expect(page.getByLabel("League")).toHaveValue("type:msp");
  await expect(page.getByText(/^\d+ points? to reach rank \d+\.$/)).toBeVisible();
  await expect(page.getByRole("link", { name: "Climb: register a deal" })).toHaveAttribute("href", "/deals/new");
  // A point a month since she joined, months in words.
  await expect(page.getByRole("img", { name: /Your score over the last \d periods/ })).toBeVisible();
  await page.getByText("Show the numbers").click();
  const months = page.getByRole("table", { name: "Your score by period" }).getByRole("rowheader");
  await expect(months.first()).toHaveText(/^[A-Z][a-z]{2} \d{4}$/);
  await expectNoAxeViolations(page);
  await keepScreenshot(page, testInfo, "leaderboards");
  // One step to the partners around her: her row in its place, no longer pinned.
  await page.getByRole("link", { name: "Places around yours" }).click();
  await expect(page).toHaveURL(/offset=\d+/);
  await expect(me).toHaveCount(1);
  await expect(me).not.toHaveClass(/pp-ranking__pinned-row/);
  await expect(page.getByRole("link", { name: "Places around yours" })).toHaveCount(0);
});

test("board, period and league are chosen with controls and held in the URL", async ({ page }) => {
  await page.goto("/leaderboards");
  await page.getByRole("navigation", { name: "Board" }).getByRole("link", { name: "Certified teams" }).click();
  await expect(page).toHaveURL(/board=certifications/);
  await page.getByRole("navigation", { name: "Period" }).getByRole("link", { name: "This quarter" }).click();
  await expect(page).toHaveURL(/board=certifications&period=quarter/);
  await page.getByLabel("League").selectOption({ label: "MSPs" });
  await page.getByLabel("League").focus();
  await page.keyboard.press("Tab");
  await page.keyboard.press("Enter"); // "Show league", by keyboard
  await expect(page).toHaveURL(/segment=type%3Amsp/);
  await expect(page.getByText(/^Rank \d+ of \d+ in MSPs$/)).toBeVisible();
  const total = Number((await page.getByText(/^Rank \d+ of \d+ in MSPs$/).textContent()).match(/of (\d+)/)[1]);
  expect(total).toBeLessThan(336);

  await page.goto("/leaderboards?board=revenue&period=all_time&segment=region%3AEMEA&offset=25");
  await expect(page.getByRole("navigation", { name: "Board" }).getByRole("link", { name: "Registered revenue" })).toHaveAttribute("aria-current", "true");
  await expect(page.getByRole("navigation", { name: "Period" }).getByRole("link", { name: "All time" })).toHaveAttribute("aria-current", "true");
  await expect(page.getByLabel("League")).toHaveValue("region:EMEA");
  await expect(page.getByText(/^Places 26–50 of \d+$/)).toBeVisible();
  // Revenue reads as money, not points.
  await expect(page.getByText(/^\$[\d,]+ more in registered deals to reach rank \d+\.$|^You lead this league/)).toBeVisible();
  await expect(page.getByRole("table").getByRole("cell", { name: /^\$[\d,]+$/ }).first()).toBeVisible();
  await page.getByRole("link", { name: "Previous places" }).click();
  await expect(page.getByText(/^Places 1–25 of \d+$/)).toBeVisible();
});

test("answer a survey with every kind of question by keyboard alone", async ({ page }, testInfo) => {
  test.skip(testInfo.project.name !== "desktop", "a survey is answered once per partner; one project answers it");
  await page.goto("/feedback/surveys/srv-q4-pulse");
  await expect(page.getByRole("heading", { name: "Quarterly partner pulse" })).toBeVisible();
  // NPS: focus the group, move with arrows to 9.
  await page.getByRole("radio", { name: "0", exact: true }).first().focus();
  for (let i = 0; i < 9; i++) await page.keyboard.press("ArrowRight");
  await expect(page.getByRole("group", { name: /recommend/ }).getByRole("radio", { name: "9" })).toBeChecked();
  // Rating: Tab into the next group, arrows to 4.
  await page.keyboard.press("Tab");
  await page.keyboard.press("Space");
  for (let i = 0; i < 3; i++) await page.keyboard.press("ArrowRight");
  await expect(page.getByRole("group", { name: /deal registration/ }).getByRole("radio", { name: "4" })).toBeChecked();
  // Single choice.
  await page.keyboard.press("Tab");
  await page.keyboard.press("Space");
  await page.keyboard.press("ArrowDown");
  await expect(page.getByRole("radio", { name: "Edge Gateway" })).toBeChecked();
  // Multiple choice: Space ticks, Tab moves.
  await page.keyboard.press("Tab");
  await page.keyboard.press("Space");
  await page.keyboard.press("Tab");
  await page.keyboard.press("Tab");
  await page.keyboard.press("Tab");
  await page.keyboard.press("Space");
  await expect(page.getByRole("checkbox", { name: "More market development funds" })).toBeChecked();
  await expect(page.getByRole("checkbox", { name: "Faster deal approvals" })).toBeChecked();
  // Free text with its count.
  await page.keyboard.press("Tab");
  await page.keyboard.press("Tab");
  await page.keyboard.type("Faster approvals, please.");
  await expect(page.getByText("25 of 1000 characters")).toBeVisible();
  await expectNoAxeViolations(page);
  await keepScreenshot(page, testInfo, "survey-filled");
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "Send answers" })).toBeFocused();
  await page.keyboard.press("Enter");
  const thanks = page.getByRole("status").filter({ hasText: "Thank you! Your answers were sent." });
  await expect(thanks).toContainText("10 program points added to your score.");
  await page.goto("/feedback");
  await expect(page.getByRole("link", { name: "How is your onboarding going?" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Quarterly partner pulse" })).toHaveCount(0);
});

test("missing answers are caught at their questions, and a 422 shows where the server says", async ({ page }) => {
  await page.goto("/feedback/surveys/srv-onboarding");
  await page.getByRole("button", { name: "Send answers" }).click();
  const summary = page.getByRole("alert").filter({ hasText: "Please check these fields" });
  await expect(summary).toBeFocused();
  await expect(summary.getByRole("link", { name: "Please answer “How clear were your first 30 days?”" })).toHaveCount(1);

  await page.route("**/api/v1/surveys/srv-onboarding/responses", (route) =>
    route.fulfill({ status: 422, contentType: "application/problem+json", body: JSON.stringify({ type: "about:blank", title: "Some fields need attention", status: 422, errors: [{ field: "q-missing", message: "Please keep it polite." }] }) }),
  );
  await page.getByRole("radio", { name: "3" }).check();
  await page.getByRole("button", { name: "Send answers" }).click();
  await expect(page.getByRole("group", { name: /What was missing/ })).toContainText("Please keep it polite.");
  await expect(page.getByRole("radio", { name: "3" })).toBeChecked();
});

test("survey answers survive a reload until sent", async ({ page }) => {
  await page.goto("/feedback/surveys/srv-onboarding");
  await page.getByRole("radio", { name: "4" }).check();
  await page.getByRole("textbox", { name: /What was missing/ }).fill("A checklist like this one, sooner.");
  await page.reload();
  await expect(page.getByRole("radio", { name: "4" })).toBeChecked();
  await expect(page.getByRole("textbox", { name: /What was missing/ })).toHaveValue("A checklist like this one, sooner.");
});

test("send feedback and see it listed first as received", async ({ page }, testInfo) => {
  const title = `Dark mode please (${testInfo.project.name} ${Date.now()})`;
  await page.goto("/feedback");
  await expect(page.getByRole("heading", { name: "Deal approvals are slow" })).toBeVisible();
  await expect(page.getByText("You said approvals took too long")).toBeVisible();
  await page.getByRole("button", { name: "Send feedback" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Please check these fields" }).getByRole("link")).toHaveCount(3);
  await page.getByLabel("About").selectOption({ label: "This portal" });
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Your feedback").fill("Late evenings would be easier on the eyes.");
  await page.getByRole("button", { name: "Send feedback" }).click();
  await expect(page.getByText(`Thank you: “${title}” was received.`)).toBeVisible();
  const items = page.getByRole("region", { name: "You said, we did" }).getByRole("listitem");
  await expect(items.filter({ hasText: title })).toContainText("Received");
  // Newest first: above everything sent before it. Not simply the first item: the next
  // journey sends feedback as the same partner at the same time.
  const texts = await items.allTextContents();
  const ours = texts.findIndex((text) => text.includes(title));
  const older = texts.findIndex((text) => text.includes("Deal approvals are slow"));
  expect(ours).toBeGreaterThanOrEqual(0);
  expect(ours).toBeLessThan(older);
  expect(texts.slice(0, ours).every((text) => /\((desktop|phone) \d+\)/.test(text))).toBe(true);
  await expect(page.getByLabel("Title")).toHaveValue("");
});

test("feedback being written survives a reload, and a send whose answer was lost counts once", async ({ page }, testInfo) => {
  const title = `Shorter forms (${testInfo.project.name} ${Date.now()})`;
  await page.goto("/feedback");
  await page.getByLabel("About").selectOption({ label: "This portal" });
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Your feedback").fill("The registration form could ask for less at first.");
  await page.reload();
  await expect(page.getByLabel("Title")).toHaveValue(title);
  await expect(page.getByLabel("Your feedback")).toHaveValue("The registration form could ask for less at first.");
  // The server stores it, but the answer never reaches the browser.
  await page.route("**/api/v1/feedback", async (route) => {
    if (route.request().method() !== "POST") return route.continue();
    await route.fetch();
    await route.abort("connectionreset");
  });
  await page.getByRole("button", { name: "Send feedback" }).click();
  await expect(page.getByText("What you wrote is kept; press Send feedback to try again.")).toBeVisible();
  await page.unroute("**/api/v1/feedback");
  await page.getByRole("button", { name: "Send feedback" }).click();
  await expect(page.getByText(`Thank you: “${title}” was received.`)).toBeVisible();
  const listed = page.getByRole("region", { name: "You said, we did" }).getByRole("listitem").filter({ hasText: title });
  await expect(listed).toHaveCount(1);
});

test("feedback and surveys pass axe", async ({ page }, testInfo) => {
  await page.goto("/feedback");
  await expect(page.getByRole("heading", { name: "Open surveys" })).toBeVisible();
  await expect(page.getByText("Our answer, Channel team (Dana Whitfield)").first()).toBeVisible();
  await expectNoAxeViolations(page);
  await keepScreenshot(page, testInfo, "feedback");
  await page.goto("/feedback/surveys/srv-onboarding");
  await expect(page.getByRole("heading", { name: "How is your onboarding going?" })).toBeVisible();
  await expectNoAxeViolations(page);
  await keepScreenshot(page, testInfo, "survey");
});
