// Every partner in their own language: the header's switch, the browser's preference on a first
// visit, the browser's own date, number and relative-time formats, right to left for Arabic,
// and a pseudo-locale over every route that shows any sentence not from the catalogue.
import { test, expect, expectNoAxeViolations, keepScreenshot, fillDeal } from "../fixtures.js";

const ROUTES = ["/", "/onboarding", "/training", "/deals", "/deals/new", "/deals/DR-2026-00003", "/leaderboards", "/feedback", "/feedback/surveys/srv-onboarding", "/team", "/notifications", "/no/such/page"];

/** Chooses a language in the header's account menu, as a signed-in partner would. */
async function switchTo(page, tag) {
  await page.locator(".pp-user-menu__button").click();
  await page.getByRole("combobox", { name: /Language|Sprache|Langue|言語|اللغة/ }).selectOption(tag);
  await expect(page.locator("html")).toHaveAttribute("lang", tag);
}

test("signed out, the language is chosen in the header and the sign-in page follows", async ({ browser }, testInfo) => {
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  await page.goto("/sign-in");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sign in");
  await page.getByRole("combobox", { name: "Language" }).selectOption("fr-FR");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Se connecter");
  await expect(page.locator("html")).toHaveAttribute("lang", "fr-FR");
  await expectNoAxeViolations(page);
  await keepScreenshot(page, testInfo, "language-fr-sign-in");
  await context.close();
});

test("a language whose file cannot be loaded: the switch says so, the page stays as it was", async ({ page, shell }) => {
  await page.route("**/locales/de-DE.json", (route) => route.abort("internetdisconnected"));
  await page.goto("/deals");
  await expect(shell.heading).toHaveText("Deals");
  await page.locator(".pp-user-menu__button").click();
  await page.getByRole("combobox", { name: "Language" }).selectOption("de-DE");
  await expect(page.getByRole("alert").filter({ hasText: "That language could not be loaded" })).toBeVisible();
  await expect(shell.heading).toHaveText("Deals");
  await expect(page.locator("html")).toHaveAttribute("lang", "en-US");
  // A language the vendor offers without its file (the server has none) speaks the shipped
  // English in its own formats instead.
  await page.route("**/locales/ja-JP.json", (route) => route.fulfill({ status: 404, body: "" }));
  await page.getByRole("combobox", { name: "Language" }).selectOption("ja-JP");
  await expect(page.locator("html")).toHaveAttribute("lang", "ja-JP");
  await expect(shell.heading).toHaveText("Deals");
});

test("switching to Deutsch keeps the page, its address and the form in progress, and is remembered", async ({ page, shell }, testInfo) => {
  await page.goto("/deals/new");
  await expect(shell.heading).toHaveText("Register a deal");
  await page.getByLabel("Customer company").fill("Sprachwechsel GmbH");
  await switchTo(page, "de-DE");
  await expect(page).toHaveURL(/\/deals\/new$/);
  await expect(shell.heading).toHaveText("Deal registrieren");
  await expect(page.getByLabel("Kundenunternehmen")).toHaveValue("Sprachwechsel GmbH");
  await expect(page.locator("html")).toHaveAttribute("dir", "ltr");
  await keepScreenshot(page, testInfo, "language-de-register");
  // Remembered on this computer: a reload stays in German.
  await page.reload();
  await expect(shell.heading).toHaveText("Deal registrieren");
  await page.getByLabel("Kundenunternehmen").fill("");
});

test("German: a deal's dates, amounts and relative times in German formats", async ({ page, shell }, testInfo) => {
  await page.goto("/deals/DR-2026-00003");
  await switchTo(page, "de-DE");
  const fields = page.locator(".pp-deal__fields");
  // "24. Feb. 2027": the browser's German date; "42.500 €": its German money.
  await expect(fields).toContainText(/\d{1,2}\. [A-Za-zäöüÄÖÜ]{3,4}\.? \d{4}/);
  await expect(fields).toContainText(/\d[\d.]*(,\d\d)?\s€/);
  await expect(page.getByRole("link", { name: "Zurück zu Ihren Deals" })).toBeVisible();
  await page.goto("/onboarding");
  await expect(shell.heading).toHaveText("Onboarding");
  await expect(page.getByRole("main")).toContainText(/fällig (in \d+ Tagen|morgen|heute|übermorgen)|\d+ Tage? überfällig/);
  await page.goto("/deals");
  await expect(shell.heading).toHaveText("Deals");
  await expect(page.getByRole("main")).toContainText(/noch \d+ Tage?|letzter Tag/);
  await expectNoAxeViolations(page);
  await keepScreenshot(page, testInfo, "language-de-deals");
});

test.describe("a browser that prefers Japanese", () => {
  test.use({ locale: "ja-JP" });

  test("starts in Japanese, with yen without decimals and Japanese dates", async ({ page, shell }, testInfo) => {
    await page.goto("/deals/new");
    await expect(page.locator("html")).toHaveAttribute("lang", "ja-JP");
    await expect(shell.heading).toHaveText("案件を登録");
    await page.getByLabel("顧客企業名").fill(`Sakura Systems 株式会社 (${testInfo.project.name})`);
    await page.getByLabel("顧客の国").selectOption("JP");
    await page.getByLabel("担当者名").fill("Yui Tanaka");
    await page.getByLabel("担当者のメールアドレス").fill("yui@sakura.example");
    await page.getByLabel("通貨").selectOption("JPY");
    await page.getByLabel("見込み金額").fill("1250000");
    const inAMonth = new Date(Date.now() + 30 * 86400_000).toISOString().slice(0, 10);
    await page.getByLabel("受注予定日").fill(inAMonth);
    await page.getByRole("checkbox", { name: "Edge Gateway" }).check();
    await page.getByRole("button", { name: "案件を登録" }).click();
    await expect(page).toHaveURL(/\/deals\/DR-/);
    const fields = page.locator(".pp-deal__fields");
    await expect(fields).toContainText(/[¥￥]1,250,000(?![.,]\d)/);
    await expect(fields).toContainText(/\d{4}年\d{1,2}月\d{1,2}日/);
    await expectNoAxeViolations(page);
    await keepScreenshot(page, testInfo, "language-ja-deal");
  });
});

test("العربية: every route reads right to left, axe clean, screenshots kept", async ({ page, shell }, testInfo) => {
  test.setTimeout(120_000);
  await page.goto("/");
  await switchTo(page, "ar");
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  for (const route of ROUTES) {
    await page.goto(route);
    await expect(shell.heading).toBeVisible();
    await expect(page.locator(".pp-skeleton-group")).toHaveCount(0);
    await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
    // Mirrored: the brand's logo leads the header from the right.
    const logo = await page.locator(".pp-brand__logo").boundingBox();
    const width = page.viewportSize().width;
    expect(logo.x, `${route}: the brand starts on the right`).toBeGreaterThan(width / 2);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1), `${route} fits the screen`).toBe(true);
    await expectNoAxeViolations(page);
    await keepScreenshot(page, testInfo, `language-ar${route.replaceAll("/", "-") || "-home"}`);
  }
});

/** English made longer (40 %), accented and bracketed; placeholders kept as they are. */
function pseudo(messages) {
  const accents = { a: "á", e: "é", i: "ï", o: "ö", u: "ü", c: "ç", n: "ñ", A: "Å", E: "É", I: "Î", O: "Ø", U: "Ü", C: "Ç", N: "Ñ" };
  const out = {};
  for (const [key, text] of Object.entries(messages)) {
    if (key === "direction") { out[key] = text; continue; }
    const parts = text.split(/(\{\w+\})/);
    const accented = parts.map((p) => (/^\{\w+\}$/.test(p) ? p : p.replace(/[aeiouncAEIOUNC]/g, (c) => accents[c]))).join("");
    // Longer by 40 % in words that can wrap, as real translations do.
    const padding = " ~~~~".repeat(Math.ceil((text.length * 0.4) / 5));
    out[key] = `⟦${accented}${padding}⟧`;
  }
  return out;
}

test("a pseudo-locale over every route: no sentence outside the catalogue, no clipping, nothing wider than the screen", async ({ page, shell }, testInfo) => {
  test.setTimeout(120_000);
  const english = await (await page.request.get("/locales/en-US.json")).json();
  const fake = pseudo(english);
  await page.route("**/locales/en-US.json", (route) => route.fulfill({ json: fake }));
  for (const route of ROUTES) {
    await page.goto(route);
    await expect(shell.heading).toContainText("⟦");
    await expect(page.locator(".pp-skeleton-group")).toHaveCount(0);
    // The portal's own words (page headings, buttons, field labels, navigation, table heads,
    // hints) all come from the catalogue; choices and titles the backend names are left out.
    const untranslated = await page.evaluate(() => {
      const own = document.querySelectorAll("h1, .pp-field__label, legend, th[scope=col], button, .pp-nav__link, .pp-lead, .pp-empty__title, summary, .pp-field__hint, .pp-filter__label");
      return [...own]
        .map((element) => element.innerText.trim())
        .filter((text) => text && /[A-Za-z]{3}/.test(text) && !text.includes("⟦"));
    });
    expect(untranslated, `${route}: words not from the catalogue`).toEqual([]);
    // Nothing reaches past the screen, except inside a region made to scroll (a wide table).
    const wider = await page.evaluate(() => [...document.querySelectorAll("body *")]
      .filter((e) => !e.closest(".pp-table-scroll") && e.getBoundingClientRect().right > window.innerWidth + 1)
      .map((e) => `${e.tagName}.${e.className} ${Math.round(e.getBoundingClientRect().right)}`).slice(0, 5));
    expect(wider, `${route}: wider than the screen`).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1), `${route} fits the screen`).toBe(true);
    await keepScreenshot(page, testInfo, `language-pseudo${route.replaceAll("/", "-") || "-home"}`);
  }
});
