import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { startTestApp, type TestApp } from './app.js';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Browser tests run wherever Debian's Chromium is installed. In CI a missing browser is a failure,
 * not a skip: the suite below then runs and fails at launch with a message saying why.
 */
export const browserAvailable = existsSync(CHROMIUM_PATH) || process.env.CI === 'true';

/** Headless Chromium kept off the closed network, with fake camera and microphone for WebRTC. */
export function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) throw new Error(`Chromium not found at ${CHROMIUM_PATH}: apt-get install -y chromium`);
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
      '--use-fake-ui-for-media-stream',
      '--use-fake-device-for-media-stream',
    ],
  });
}

/** Signs in through the login form, as a person would, and waits for the dashboard. */
export async function logInThroughUi(page: Page, baseUrl: string, email: string, password: string) {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.getByRole('heading', { level: 1, name: /^Welcome, / }).waitFor({ timeout: 15_000 });
}

/** Chromium and a fresh app (PGlite) for one browser suite; read them inside the tests. */
export function browserAndApp(): { browser: Browser; app: TestApp } {
  const ctx = {} as { browser: Browser; app: TestApp };
  beforeAll(async () => {
    [ctx.browser, ctx.app] = await Promise.all([launchBrowser(), startTestApp('pglite')]);
  });
  afterAll(async () => {
    await ctx.browser?.close();
    await ctx.app?.close();
  });
  return ctx;
}
