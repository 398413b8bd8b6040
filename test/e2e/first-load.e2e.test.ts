/// <reference lib="dom" />
import type { BrowserContext, Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { FIRST_LOAD_BUDGET_BYTES, readManifest } from '../../client/build/first-load.js';
import { browserAndApp, browserAvailable } from '../helpers/browser.js';
import { createUser } from '../helpers/factories.js';

interface Script {
  path: string;
  /** The body's bytes as they crossed the network (after Content-Encoding). */
  bytes: number;
  encoding: string | undefined;
}

/** Every script the page fetches, with what it cost on the wire, and every CSP violation it reports. */
async function watch(context: BrowserContext): Promise<{ page: Page; scripts: Script[]; requests: string[]; cspViolations: () => Promise<string[]> }> {
  await context.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const page = await context.newPage();
  const scripts: Script[] = [];
  const requests: string[] = [];
  page.on('request', (req) => requests.push(new URL(req.url()).pathname));
  page.on('requestfinished', async (req) => {
    if (req.resourceType() !== 'script') return;
    const response = await req.response();
    const { responseBodySize } = await req.sizes();
    scripts.push({ path: new URL(req.url()).pathname, bytes: responseBodySize, encoding: response?.headers()['content-encoding'] });
  });
  const cspViolations = () => page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);
  return { page, scripts, requests, cspViolations };
}

const total = (scripts: Script[]) => scripts.reduce((sum, s) => sum + s.bytes, 0);
const describeScripts = (scripts: Script[]) => scripts.map((s) => `${s.path} ${s.bytes} B ${s.encoding ?? 'identity'}`).join(', ');

/** The built file of a module the client imports on demand (`socket.io-client`), from the build manifest. */
function chunkOf(moduleId: string): string {
  const entry = Object.entries(readManifest()).find(([key]) => key.includes(moduleId));
  if (!entry) throw new Error(`${moduleId} is not a chunk of the build`);
  return `/${entry[1].file}`;
}

describe.runIf(browserAvailable)('the first load in Chromium', () => {
  const ctx = browserAndApp();
  const contexts: BrowserContext[] = [];
  const newContext = async () => {
    const context = await ctx.browser.newContext();
    contexts.push(context);
    return context;
  };
  afterEach(async () => {
    for (const context of contexts.splice(0)) await context.close();
  });

  it('loads the login page with under 50 KB of compressed script, then the form check on first focus, with no CSP violation', async () => {
    const { page, scripts, requests, cspViolations } = await watch(await newContext());
    await page.goto(`${ctx.app.url}/login`);
    await page.getByRole('heading', { level: 1, name: 'Log in' }).waitFor();
    await page.waitForLoadState('networkidle');

    const first = [...scripts];
    expect(total(first), describeScripts(first)).toBeLessThanOrEqual(FIRST_LOAD_BUDGET_BYTES);
    for (const script of first) expect(['br', 'gzip'], script.path).toContain(script.encoding);
    // Signed out on the login page: no socket, and no socket library.
    expect(requests.filter((p) => p.startsWith('/socket.io/'))).toEqual([]);
    expect(first.map((s) => s.path)).not.toContain(chunkOf('socket.io-client'));

    // The check (zod and the login schema) arrives once the visitor starts on the form.
    await page.getByLabel('Email').focus();
    await expect.poll(() => scripts.length).toBeGreaterThan(first.length);

    // Zod runs in the page without eval (the CSP forbids it): the check works and nothing is reported.
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByText('Enter a valid email address').waitFor();
    expect(await cspViolations()).toEqual([]);

    // And signing in still works end to end.
    const user = await createUser(ctx.app);
    await page.getByLabel('Email').fill(user.email);
    await page.getByLabel('Password').fill(user.password);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByRole('heading', { level: 1, name: /^Welcome, / }).waitFor({ timeout: 15_000 });
    expect(await cspViolations()).toEqual([]);
  });

  it('shows the board signed out with under 50 KB of compressed script before it goes live', async () => {
    const { page, scripts, requests } = await watch(await newContext());
    await page.goto(`${ctx.app.url}/sessions`);
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    // The board goes live: socket.io-client is fetched after the page shows, and the socket connects.
    await expect.poll(() => requests.some((p) => p.startsWith('/socket.io/'))).toBe(true);
    await page.waitForLoadState('networkidle');

    const socketLibrary = chunkOf('socket.io-client');
    const live = scripts.filter((s) => s.path === socketLibrary);
    const page1 = scripts.filter((s) => s.path !== socketLibrary);
    expect(live).toHaveLength(1);
    expect(total(page1), describeScripts(page1)).toBeLessThanOrEqual(FIRST_LOAD_BUDGET_BYTES);
    for (const script of scripts) expect(['br', 'gzip'], script.path).toContain(script.encoding);
  });
});
