// End-to-end tests: the release build of the portal, served by the reference backend,
// driven in Debian's Chromium (Playwright never downloads a browser here).
import { defineConfig } from "@playwright/test";
import { fileURLToPath } from "node:url";
import { tmpdir } from "node:os";

const root = fileURLToPath(new URL("../..", import.meta.url));
const server = process.env.PORTAL_SERVER_BIN ?? `${root}/target/debug/portal-server`;
export const ports = { root: 4173, subPath: 4174, provider: 4180 };
/** The OpenID Connect provider the root server trusts (tests/e2e/oidc-provider.mjs). */
export const provider = { issuer: `http://127.0.0.1:${ports.provider}`, audience: "urn:partner-portal:api", clientId: "partner-portal" };
// A fresh demo database per run, so journeys that register deals or tick items start clean.
const database = (name) => `${tmpdir()}/portal-e2e-${process.pid}-${name}.sqlite3`;

export default defineConfig({
  testDir: "./specs",
  outputDir: `${root}/test-artifacts/e2e-output`,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: 2,
  reporter: [["list"], ["json", { outputFile: `${root}/test-artifacts/e2e-results.json` }]],
  use: {
    baseURL: `http://127.0.0.1:${ports.root}`,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        // For the memory test: exact heap sizes and a garbage collection on demand.
        "--enable-precise-memory-info",
        "--js-flags=--expose-gc",
      ],
    },
  },
  projects: [
    { name: "desktop", use: { viewport: { width: 1280, height: 800 } } },
    { name: "phone", use: { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true } },
  ],
  webServer: [
    {
      command: `node ${root}/tests/e2e/oidc-provider.mjs ${ports.provider} http://127.0.0.1:${ports.root}/sign-in`,
      url: `${provider.issuer}/.well-known/openid-configuration`,
      reuseExistingServer: false,
      timeout: 30_000,
    },
    {
      command: `${server} --demo --addr 127.0.0.1:${ports.root} --static-dir ${root}/dist --db ${database("root")} --oidc-issuer ${provider.issuer} --oidc-audience ${provider.audience}`,
      url: `http://127.0.0.1:${ports.root}/config.json`,
      reuseExistingServer: false,
      timeout: 30_000,
    },
    {
      command: `${server} --demo --addr 127.0.0.1:${ports.subPath} --static-dir ${root}/dist-portal --base-path /portal --db ${database("sub-path")}`,
      url: `http://127.0.0.1:${ports.subPath}/portal/config.json`,
      reuseExistingServer: false,
      timeout: 30_000,
    },
  ],
});
