import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { logInThroughUi } from './browser.js';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** The serious and critical WCAG 2 A/AA violations on the page as it stands. */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: axeSource });
  const found = (await page.evaluate(
    `axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }).then((r) => r.violations)`,
  )) as AxeViolation[];
  return found
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** By how many pixels the page scrolls sideways (0 when it fits): wide content must scroll inside its own box. */
export async function sidewaysOverflow(page: Page): Promise<number> {
  return Number(await page.evaluate('document.documentElement.scrollWidth - window.innerWidth'));
}

export interface PageAudit {
  browser: Browser;
  baseUrl: string;
  /** Signed in as this user first; a visitor when absent. */
  user?: { email: string; password: string };
  paths: readonly string[];
  widths?: readonly number[];
}

/**
 * Opens every path at every width and lists what is wrong: axe's serious and critical violations,
 * and, at phone width (under 600 px), a page that scrolls sideways. An empty list is a pass.
 */
export async function auditPages({ browser, baseUrl, user, paths, widths = [1280, 390] }: PageAudit): Promise<string[]> {
  const report: string[] = [];
  for (const width of widths) {
    // bypassCSP: the app's CSP (rightly) refuses the inline script that loads axe.
    const context = await browser.newContext({ viewport: { width, height: 900 }, bypassCSP: true });
    const page = await context.newPage();
    try {
      if (user) await logInThroughUi(page, baseUrl, user.email, user.password);
      for (const path of paths) {
        await page.goto(`${baseUrl}${path}`);
        await page.waitForLoadState('networkidle');
        await page.getByRole('heading', { level: 1 }).first().waitFor({ timeout: 15_000 });
        for (const v of await axeViolations(page)) report.push(`${width}px ${path}: ${v}`);
        if (width < 600) {
          const overflow = await sidewaysOverflow(page);
          if (overflow > 0) report.push(`${width}px ${path}: the page scrolls sideways by ${overflow}px`);
        }
      }
    } finally {
      await context.close();
    }
  }
  return report;
}
