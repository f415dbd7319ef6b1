// Onboarding: optimistic ticks that persist, roll back with a message when saving fails,
// a filter held in the URL, and the phase-complete announcement.
import { test, expect, expectNoAxeViolations, keepScreenshot } from "../fixtures.js";

// Each journey gets its own item so parallel runs against one backend do not collide.
const tickBox = (page, title) => page.getByRole("checkbox", { name: title });

test("ticking a step shows at once and is still ticked after a reload", async ({ page }, testInfo) => {
  const title = testInfo.project.name === "phone" ? "Plan your first co-marketing campaign" : "Set up payout details for rebates";
  await page.goto("/onboarding");
  const box = tickBox(page, title);
  await expect(box).not.toBeChecked();
  await box.focus();
  await page.keyboard.press("Space");
  await expect(box).toBeChecked();
  await expect(box).toBeFocused(); // the row updates in place; focus stays on the box
  await expect(page.getByText("Saving…")).toBeHidden();
  await page.reload();
  await expect(tickBox(page, title)).toBeChecked();

  // Undo it again, so the demo stays as it was.
  await tickBox(page, title).click();
  await expect(tickBox(page, title)).not.toBeChecked();
  await page.reload();
  await expect(tickBox(page, title)).not.toBeChecked();
});

test("a failed save rolls the tick back and says why next to the step", async ({ page }) => {
  await page.goto("/onboarding");
  const box = tickBox(page, "Book your joint business plan call");
  await expect(box).not.toBeChecked();
  await page.route("**/api/v1/onboarding/items/**", (route) => route.abort("connectionrefused"));
  await box.click();
  const row = page.getByRole("listitem").filter({ has: box });
  await expect(row.getByRole("alert")).toContainText("We could not tick off this step, so it is back as it was.");
  await expect(row.getByRole("alert")).toContainText("We could not reach the server.");
  await expect(box).not.toBeChecked();
});

test("the filter lives in the URL: deep link, reload and back button", async ({ page }, testInfo) => {
  await page.goto("/onboarding?show=done");
  const show = page.getByRole("navigation", { name: "Show" });
  await expect(show.getByRole("link", { name: "Done" })).toHaveAttribute("aria-current", "true");
  await expect(page.getByText("Sign the partner agreement")).toBeVisible();
  await expect(page.getByText("Book your joint business plan call")).toBeHidden();
  await expectNoAxeViolations(page);
  await keepScreenshot(page, testInfo, "onboarding-done");

  await show.getByRole("link", { name: "To do" }).click();
  await expect(page).toHaveURL(/\/onboarding\?show=todo$/);
  await expect(page.getByText("Book your joint business plan call")).toBeVisible();
  await expect(page.getByText("Sign the partner agreement")).toBeHidden();
  await page.goBack();
  await expect(page).toHaveURL(/\/onboarding\?show=done$/);
  await expect(page.getByText("Sign the partner agreement")).toBeVisible();
});

test("the checklist explains who completes what, and passes axe", async ({ page }, testInfo) => {
  await page.goto("/onboarding");
  await expect(page.getByRole("heading", { name: "First 30 days" })).toBeVisible();
  await expect(page.getByText("Blocked: Waiting for your sandbox licence from the channel team.")).toBeVisible();
  const vendorStep = page.getByRole("listitem").filter({ hasText: "Get listed in the partner directory" });
  await expect(vendorStep).toContainText("The channel team confirms this");
  await expect(vendorStep.getByRole("checkbox")).toHaveCount(0);
  await expect(page.getByRole("progressbar", { name: "Overall onboarding progress" })).toBeVisible();
  await expectNoAxeViolations(page);
  await keepScreenshot(page, testInfo, "onboarding");
});

test("finishing the last step of a phase is announced", async ({ page }) => {
  // A stubbed checklist with one step left, so the journey does not change the shared demo.
  await page.route("**/api/v1/onboarding", async (route) => {
    const real = await (await route.fetch()).json();
    const phase = real.phases[0];
    phase.items = phase.items.map((item, i) => (i === 0 ? { ...item, status: "todo", completed_by: "partner" } : { ...item, status: "done" }));
    await route.fulfill({ json: { ...real, phases: [phase] } });
  });
  await page.route("**/api/v1/onboarding/items/*/completion", async (route) => {
    const body = route.request().postDataJSON();
    await route.fulfill({ json: { id: "ob-agreement", title: "Sign the partner agreement", description: "", kind: "document", due_on: "2026-01-01", status: body.done ? "done" : "todo", completed_by: "partner", links: [] } });
  });
  await page.goto("/onboarding");
  await tickBox(page, "Sign the partner agreement").click();
  await expect(page.getByRole("status").filter({ hasText: "Well done: you finished First 30 days." })).toBeAttached();
  await expect(page.getByText("On to the next phase!")).toBeVisible();
});
