import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../../server/src/db/migrator.js';
import { openPglite } from '../../server/src/db/pglite.js';
import { createLogger } from '../../server/src/logger.js';
import { startServer } from '../../server/src/server.js';
import { testConfig } from '../helpers/app.js';
import { browserAvailable, launchBrowser } from '../helpers/browser.js';
import { uniqueEmail } from '../helpers/factories.js';

async function startOn(dataDir: string, port = 0) {
  const db = await openPglite(dataDir);
  await migrate(db);
  const server = await startServer({ config: testConfig({ PORT: String(port) }), db, logger: createLogger('silent') });
  return {
    url: server.url,
    port: server.port,
    async stop() {
      await server.close(1_000);
      await db.close();
    },
  };
}

async function logIn(page: Page, url: string, email: string, password: string) {
  await page.goto(`${url}/login`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Log in' }).click();
}

describe.runIf(browserAvailable)('accounts in the browser', () => {
  let browser: Browser;
  let dataDir: string;
  beforeAll(async () => {
    browser = await launchBrowser();
    dataDir = await mkdtemp(path.join(tmpdir(), 'platform-e2e-'));
  });
  afterAll(async () => {
    await browser?.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('register, log out, log in, see your name; after a restart log in and find the profile', async () => {
    const email = uniqueEmail('e2e');
    const password = 'e2e password 123';
    let app = await startOn(dataDir);
    const context = await browser.newContext();
    const page = await context.newPage();
    // Console errors, except the socket's reconnect attempts while the server is deliberately down.
    const consoleErrors: string[] = [];
    let restarting = false;
    page.on('console', (m) => {
      if (m.type() !== 'error') return;
      if (restarting && /socket\.io|ERR_CONNECTION_(REFUSED|RESET)/.test(m.text())) return;
      consoleErrors.push(`${m.text()} (${m.location().url})`);
    });
    try {
      await page.goto(`${app.url}/register`);
      await page.getByLabel('Email').fill(email);
      await page.getByLabel('Password').fill(password);
      await page.getByLabel('First name').fill('Zoë');
      await page.getByLabel('Last name').fill("O'Brien");
      await page.getByLabel('Training level').selectOption({ label: 'Foundation year 2' });
      await page.getByRole('button', { name: 'Create account' }).click();

      const heading = page.getByRole('heading', { level: 1 });
      await expect.poll(() => heading.textContent(), { timeout: 15_000 }).toBe("Welcome, Zoë O'Brien");
      await mkdir('test-results', { recursive: true });
      await page.screenshot({ path: 'test-results/e2e-dashboard.png', fullPage: true });

      await page.getByRole('button', { name: 'Log out' }).click();
      await page.waitForURL(/\/login/);
      // Signed out for real: / is the visitors' landing page again, and a signed-in page sends us to log in.
      await page.goto(`${app.url}/`);
      await expect.poll(() => heading.textContent(), { timeout: 15_000 }).toMatch(/^Practise clinical stations in pairs/);
      await page.goto(`${app.url}/profile`);
      await page.waitForURL(/\/login/);

      await logIn(page, app.url, email, password);
      await expect.poll(() => heading.textContent(), { timeout: 15_000 }).toBe("Welcome, Zoë O'Brien");

      // A restart as in production: same data directory, same port. While it is down the page's
      // socket keeps trying to reconnect, which the browser logs as refused connections.
      const port = app.port;
      restarting = true;
      await app.stop();
      app = await startOn(dataDir, port);
      await context.clearCookies();
      await logIn(page, app.url, email, password);
      await expect.poll(() => heading.textContent(), { timeout: 15_000 }).toBe("Welcome, Zoë O'Brien");
      restarting = false;
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Profile' }).click();
      await expect.poll(() => page.getByLabel('First name').inputValue(), { timeout: 15_000 }).toBe('Zoë');
      expect(await page.getByLabel('Last name').inputValue()).toBe("O'Brien");
      // Only the expected refusal: asking "who am I" while signed out is a 401, which the browser logs.
      const expected = /^Failed to load resource: the server responded with a status of 401 \(Unauthorized\) \(http:\/\/[^/]+\/api\/auth\/me\)$/;
      expect(consoleErrors.filter((e) => !expected.test(e))).toEqual([]);
    } finally {
      await context.close();
      await app.stop();
    }
  });

  it('shows a wrong password next to the form, and refuses a short password at registration', async () => {
    const app = await startOn(await mkdtemp(path.join(tmpdir(), 'platform-e2e-')));
    const page = await browser.newPage();
    try {
      await logIn(page, app.url, uniqueEmail(), 'not the password');
      await expect.poll(() => page.getByRole('alert').textContent(), { timeout: 15_000 }).toMatch(/wrong email or password/i);

      await page.goto(`${app.url}/register`);
      await page.getByLabel('Email').fill(uniqueEmail());
      await page.getByLabel('Password').fill('short');
      await page.getByLabel('First name').fill('A');
      await page.getByLabel('Last name').fill('B');
      await page.getByLabel('Training level').selectOption({ label: 'Medical student' });
      await page.getByRole('button', { name: 'Create account' }).click();
      const password = page.getByLabel('Password');
      await expect.poll(() => password.getAttribute('aria-invalid'), { timeout: 15_000 }).toBe('true');
      expect(page.url()).toMatch(/\/register$/);
    } finally {
      await page.close();
      await app.stop();
    }
  });
});
