import { defineConfig } from "@playwright/test";
import { E2E_BASE_URL, E2E_DATABASE_URL, E2E_PORT, E2E_SECRET, E2E_SMTP_PORT } from "./e2e/support/env";

// Debian's Chromium (Playwright cannot download its own builds here).
const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];

export default defineConfig({
  testDir: "e2e",
  // A local SMTP server for the app's mail (password links), read by e2e/support/mailbox.ts.
  globalSetup: "./e2e/support/mail-setup.ts",
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  retries: 0,
  timeout: 60_000,
  // Assertions retry until their condition holds; CI machines are shared and loaded, so
  // they get more patience there (a limit, never a sleep).
  expect: { timeout: process.env.CI ? 20_000 : 10_000 },
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL: E2E_BASE_URL,
    launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS },
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  webServer: {
    // The production build against a fresh database, exactly as `npm start` runs it.
    command: "node --import tsx scripts/reset-database.ts && npm start",
    url: `${E2E_BASE_URL}/signin`,
    timeout: 300_000,
    reuseExistingServer: false,
    stdout: "pipe",
    env: {
      PORT: String(E2E_PORT),
      DATABASE_URL: E2E_DATABASE_URL,
      NEXTAUTH_SECRET: E2E_SECRET,
      NEXTAUTH_URL: E2E_BASE_URL,
      CASEBOOK_DEMO: "0",
      // Each test sends its own X-Forwarded-For, so per-address throttling is per test.
      CASEBOOK_TRUST_PROXY: "1",
      SMTP_URL: `smtp://127.0.0.1:${E2E_SMTP_PORT}`,
    },
  },
});
