import { defineConfig, devices } from "@playwright/test";
import { e2eServer } from "./tests/e2e/support/server";

const chromium = {
  // Debian's Chromium: Playwright cannot download its own browser on these machines.
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
};

export default defineConfig({
  testDir: "tests/e2e",
  // Lets end-to-end support import the app's server-only modules (see the file's comment).
  tsconfig: "./tests/e2e/tsconfig.json",
  fullyParallel: true,
  workers: 2,
  retries: 0,
  forbidOnly: true,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  // In CI every test's duration also goes to a file, the suite's budget's measure (docs/decisions/0008-test-budget.md).
  reporter: process.env.CI
    ? [["list"], ["json", { outputFile: "test-results-json/playwright.json" }]]
    : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL: e2eServer.origin,
    trace: "retain-on-failure",
    locale: "fr-FR",
    timezoneId: "Europe/Paris",
    launchOptions: chromium,
  },
  projects: [
    { name: "desktop", use: { ...devices["Desktop Chrome"], launchOptions: chromium } },
    {
      name: "phone",
      use: { ...devices["Pixel 5"], viewport: { width: 360, height: 740 }, launchOptions: chromium },
      // Keyboard-only journeys are about Tab order and keys, which a phone's width does not change.
      // The demo client's script is no page, and its listener has one fixed port: desktop runs it.
      testIgnore: /(keyboard-[^/]*|demo-service-client)\.spec\.ts$/,
    },
    // The attack suite (docs/decisions/0006-security-suite.md): after the end-to-end specs in the
    // same run, so that its load does not slow them, or alone (npm run test:security sets
    // SECURITY_ONLY); its counts are summed up once it is done.
    {
      name: "security",
      testDir: "tests/security",
      use: { ...devices["Desktop Chrome"], launchOptions: chromium },
      dependencies: process.env.SECURITY_ONLY ? [] : ["desktop", "phone"],
      teardown: "security-summary",
    },
    { name: "security-summary", testDir: "tests/security", testMatch: /summary\.teardown\.ts$/ },
  ],
  webServer: {
    command: "node --import tsx tests/e2e/support/start-server.ts",
    url: `${e2eServer.origin}/api/health`,
    timeout: 240_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
  },
});
