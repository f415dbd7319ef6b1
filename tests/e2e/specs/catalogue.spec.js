// The catalogue is the backend's: a product the channel team adds (through the operations API,
// as its tools would) is offered on the registration form at once, and leaves it when retired;
// the protection the form promises is the program's, as the backend states it.
import { test, expect, expectNoAxeViolations, keepScreenshot, fillDeal } from "../fixtures.js";

const OPS = { Authorization: "Bearer ppk_demo-channel-team" };
const API = "/api/v1";

test("a product the channel team adds is offered for registration, and retired it is not", async ({ page, request }, testInfo) => {
  const project = testInfo.project.name.toUpperCase().replace(/[^A-Z0-9]/g, "");
  const code = `NW-IOT-${project}`;
  const name = `IoT Hub (${testInfo.project.name})`;
  const put = (active) => request.put(`${API}/ops/products/${code}`, { headers: OPS, data: { name, active } });
  expect((await put(true)).status()).toBe(200);
  const { protection_days: days } = await (await page.request.get(`${API}/program`)).json();

  await page.goto("/deals/new");
  await expect(page.getByText(`Once approved, it is protected for you for ${days} days`)).toBeVisible();
  await expect(page.getByLabel(name)).toBeVisible();
  await fillDeal(page, `Catalogue ${testInfo.project.name} ${Date.now()}`, name);
  await expectNoAxeViolations(page);
  await keepScreenshot(page, testInfo, "register-new-product");
  await page.getByRole("button", { name: "Register deal" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/^Deal DR-/);
  await expect(page.getByText(name)).toBeVisible();

  expect((await put(false)).status()).toBe(200);
  await page.goto("/deals/new");
  await expect(page.getByLabel("Edge Gateway")).toBeVisible();
  await expect(page.getByLabel(name)).toHaveCount(0);
});
