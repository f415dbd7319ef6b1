// Performance in the browser: no memory creep over many route changes, the session asked while
// the code downloads, and page code that is
// fetched on first use and fails in plain words with a retry.
import { test, expect, LOADING } from "../fixtures.js";

const SECTIONS = ["Onboarding", "Training", "Deals", "Leaderboards", "Feedback", "Home"];

/** JS heap and WebAssembly memory, in bytes, after a garbage collection. */
async function memory(page) {
  return page.evaluate(async () => {
    window.gc?.();
    await new Promise((resolve) => setTimeout(resolve, 100));
    window.gc?.();
    const glue = document.querySelector('link[rel="modulepreload"]').href;
    const { initSync } = await import(glue);
    return { heap: performance.memory.usedJSHeapSize, wasm: initSync(undefined, undefined).memory.buffer.byteLength };
  });
}

test("100 route changes grow memory by less than 5 MB", async ({ page, shell, isMobile }, testInfo) => {
  test.skip(isMobile, "one measurement is enough");
  test.setTimeout(120_000);
  await page.goto("/");
  await expect(shell.heading).toHaveText("Home");
  // One round first, so every page's code is loaded and caches are warm.
  for (const section of SECTIONS) {
    await shell.navigateTo(section);
    await expect(shell.heading).toHaveText(section);
    await expect(page.locator(LOADING)).toHaveCount(0);
  }
  const before = await memory(page);
  for (let i = 0; i < 100; i++) {
    const section = SECTIONS[i % SECTIONS.length];
    await shell.navigateTo(section);
    await expect(shell.heading).toHaveText(section);
    await expect(page.locator(LOADING)).toHaveCount(0);
  }
  const after = await memory(page);
  const grew = { heap: after.heap - before.heap, wasm: after.wasm - before.wasm };
  await testInfo.attach("memory.json", { body: JSON.stringify({ before, after, grew }, null, 2), contentType: "application/json" });
  console.log(`memory over 100 route changes: JS heap ${(grew.heap / 1e6).toFixed(2)} MB, wasm ${(grew.wasm / 1e6).toFixed(2)} MB`);
  expect(grew.heap + grew.wasm).toBeLessThan(5 * 1024 * 1024);
});

test("each page's code is fetched on first use, and a failed fetch offers a retry", async ({ page, shell }, testInfo) => {
  testInfo.annotations.push({ type: "expected-errors", description: "the split loader logs the fetch it could not make" });
  const packs = [];
  page.on("request", (r) => r.url().includes("/pack_") && packs.push(new URL(r.url()).pathname.split("/").pop()));
  await page.goto("/");
  await expect(shell.heading).toHaveText("Home");
  expect(packs).toEqual(["pack_home_page.bin"]);

  // The network drops the deals code once: the page says so, and Try again fetches it.
  let refused = false;
  await page.route("**/pack_deals_page*.bin", (route) => {
    if (refused) return route.continue();
    refused = true;
    return route.abort("failed");
  });
  await shell.navigateTo("Deals");
  const notice = page.getByRole("alert").filter({ hasText: "We could not load this page." });
  await expect(notice).toBeVisible();
  await notice.getByRole("button", { name: "Try again" }).click();
  await expect(shell.heading).toHaveText("Deals");
  expect(packs.filter((p) => p.startsWith("pack_deals_page"))).toEqual(["pack_deals_page_own.bin", "pack_deals_page_own.bin"]);
  // After Home, the code pages share came once; each further page brings only its own part.
  await shell.navigateTo("Training");
  await expect(shell.heading).toHaveText("Training");
  expect(packs.filter((p) => p === "pack_common.bin")).toHaveLength(1);
  expect(packs.at(-1)).toBe("pack_training_page_own.bin");
  expect(packs).not.toContain("pack_training_page.bin");
});

test("who is signed in is asked while the code downloads, once", async ({ page, shell }) => {
  const sessions = [];
  let asked;
  const sessionAsked = new Promise((resolve) => (asked = resolve));
  page.on("request", (r) => {
    if (r.method() === "GET" && new URL(r.url()).pathname.endsWith("/api/v1/session")) {
      sessions.push(r.url());
      asked();
    }
  });
  // The code is held back until the session has been asked: only index.html can have asked,
  // and the portal takes that answer over instead of asking again.
  await page.route("**/partner-portal_bg.wasm", async (route) => {
    await sessionAsked;
    await route.continue();
  });
  await page.goto("/deals");
  await expect(shell.heading).toHaveText("Deals");
  await expect(page.getByRole("button", { name: /^Account: / })).toBeVisible();
  expect(sessions).toHaveLength(1);
});
