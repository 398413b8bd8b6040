import { createServer } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, launchBrowser, logInThroughUi } from '../helpers/browser.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { createUser, type TestUser } from '../helpers/factories.js';
import { matchedStation } from '../helpers/station.js';

/** A port nobody listens on (taken from the system, then let go): the "LiveKit server" that is down. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      if (typeof address !== 'object' || address === null) return reject(new Error('no port'));
      server.close(() => resolve(address.port));
    });
  });
}

/** A session starting in 5 minutes between an actor (the host) and a candidate who signed up. */
async function matchedSession(app: TestApp): Promise<{ id: string; roomUrl: string; actor: TestUser; candidate: TestUser }> {
  const actor = await createUser(app, { first_name: 'Ada', last_name: 'Actor' });
  const candidate = await createUser(app, { first_name: 'Cal', last_name: 'Candidate' });
  const { rows } = await app.db.query<{ id: string }>('select id from public.cases where owner_id is null order by case_name limit 1');
  const { id, roomPath } = await matchedStation(app, { actor, candidate, caseId: rows[0]!.id, timing: { reading_s: 60, consultation_s: 60, feedback_s: 60, warning_s: null } });
  return { id, roomUrl: `${app.url}${roomPath}`, actor, candidate };
}

/** Every script the page fetched from the app's /assets (the entry chunk and any chunk loaded later). */
function recordScripts(page: Page): Set<string> {
  const scripts = new Set<string>();
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.pathname.startsWith('/assets/') && url.pathname.endsWith('.js')) scripts.add(url.pathname);
  });
  return scripts;
}

/** The entry chunk named by the built index.html. */
async function entryScript(app: TestApp): Promise<string> {
  const html = await (await fetch(`${app.url}/`)).text();
  const match = /<script[^>]+src="(\/assets\/[^"]+\.js)"/.exec(html);
  expect(match, html).not.toBeNull();
  return match![1]!;
}

async function scriptText(app: TestApp, pathname: string): Promise<string> {
  const res = await fetch(`${app.url}${pathname}`);
  expect(res.status).toBe(200);
  return res.text();
}

/** None of these scripts is (or contains) the LiveKit SDK. */
async function expectNoLivekit(app: TestApp, scripts: Iterable<string>): Promise<void> {
  for (const script of scripts) {
    expect(script).not.toMatch(/livekit/i);
    expect(await scriptText(app, script), script).not.toContain('LivekitError');
  }
}

/** The claims of a JWT (no signature check: the server's own tests do that). */
function jwtPayload(token: string): Record<string, unknown> {
  const payload = token.split('.')[1];
  if (!payload) throw new Error(`not a JWT: ${token}`);
  return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
}

const phase = (page: Page) => page.getByTestId('room-phase').textContent();

describe.runIf(browserAvailable)('the LiveKit browser client in the room', () => {
  let browser: Browser;
  let livekitApp: TestApp;
  let p2pApp: TestApp;
  let livekitPort: number;

  beforeAll(async () => {
    livekitPort = await freePort();
    [browser, livekitApp, p2pApp] = await Promise.all([
      launchBrowser(),
      startTestApp('pglite', {
        env: {
          LIVEKIT_URL: `ws://127.0.0.1:${livekitPort}`,
          LIVEKIT_API_KEY: 'devkey',
          LIVEKIT_API_SECRET: 'a-development-secret-of-more-than-32-characters',
        },
      }),
      startTestApp('pglite'),
    ]);
  });
  afterAll(async () => {
    await browser?.close();
    await Promise.all([livekitApp?.close(), p2pApp?.close()]);
  });

  it('with LiveKit configured, the room loads the LiveKit chunk, connects with the server-minted token, says clearly that the video server is unreachable, and the station still runs', async () => {
    const app = livekitApp;
    const { id, roomUrl, actor, candidate } = await matchedSession(app);
    const entry = await entryScript(app);

    const contexts = await Promise.all([browser.newContext(), browser.newContext()]);
    const [actorPage, candidatePage] = await Promise.all(contexts.map((c) => c.newPage()));
    const pages = [
      { page: actorPage!, user: actor },
      { page: candidatePage!, user: candidate },
    ];
    try {
      const seen = pages.map(({ page }) => {
        const scripts = recordScripts(page);
        const sockets: string[] = [];
        page.on('websocket', (ws) => sockets.push(ws.url()));
        const refused: string[] = [];
        page.on('console', (message) => {
          if (/Content Security Policy/i.test(message.text())) refused.push(message.text());
        });
        return { scripts, sockets, refused };
      });
      await Promise.all(pages.map(({ page, user }) => logInThroughUi(page, app.url, user.email, user.password)));
      // Nothing LiveKit before the room.
      for (const { scripts } of seen) {
        expect([...scripts]).toContain(entry);
        await expectNoLivekit(app, scripts);
      }

      await Promise.all(pages.map(({ page }) => page.goto(roomUrl)));
      for (const { page } of pages) await expect.poll(() => phase(page), { timeout: 15_000 }).toBe('Waiting room');

      // Each page tries the (unreachable) LiveKit server, then says so in the video panel.
      for (const [i, { page, user }] of pages.entries()) {
        const video = page.getByTestId('room-video');
        await expect.poll(() => video.getAttribute('data-access'), { timeout: 15_000 }).toBe('livekit');
        await expect.poll(() => page.getByTestId('room-video-error').textContent(), { timeout: 30_000 }).toContain('The video server could not be reached');
        expect(await video.getAttribute('data-state')).toBe('failed');
        expect(await page.getByTestId('room-video-status').textContent()).toContain('the connection to the video server failed');
        // The same remote tile as peer-to-peer, not connected.
        expect(await page.getByTestId('remote-video').getAttribute('data-connected')).toBe('false');

        // A WebSocket to the LIVEKIT_URL host and port, carrying this user's token for this session's room.
        const livekitSockets = seen[i]!.sockets.map((u) => new URL(u)).filter((u) => u.host === `127.0.0.1:${livekitPort}`);
        expect(livekitSockets.length, seen[i]!.sockets.join('\n')).toBeGreaterThan(0);
        const token = livekitSockets[0]!.searchParams.get('access_token');
        expect(token).toBeTruthy();
        const claims = jwtPayload(token!);
        expect(claims.sub).toBe(user.id);
        expect((claims.video as { room?: string; roomJoin?: boolean }).room).toBe(`session-${id}`);
        expect((claims.video as { roomJoin?: boolean }).roomJoin).toBe(true);
        expect(livekitSockets[0]!.protocol).toBe('ws:');

        // The SDK came in a chunk of its own, loaded only now; the entry chunk has none of it.
        const later = [...seen[i]!.scripts].filter((s) => s !== entry);
        expect(later.length).toBeGreaterThan(0);
        const texts = await Promise.all(later.map((s) => scriptText(app, s)));
        expect(texts.some((t) => t.includes('LivekitError'))).toBe(true);
        // The CSP lets the page reach the LiveKit host both ways: its WebSocket and its HTTP calls to
        // the same host (e.g. `/rtc/v1/validate` after a failed connection).
        expect(seen[i]!.refused.filter((m) => /Refused to connect to/.test(m))).toEqual([]);
      }
      const entryText = await scriptText(app, entry);
      expect(entryText).not.toContain('LivekitError');
      expect(entryText).not.toContain('RoomEvent');

      // "Try the video again" asks the server for a fresh token and tries once more.
      const before = seen[1]!.sockets.filter((u) => u.includes(`127.0.0.1:${livekitPort}`)).length;
      await candidatePage!.getByTestId('room-video-error').getByRole('button', { name: 'Try the video again' }).click();
      await expect
        .poll(() => seen[1]!.sockets.filter((u) => u.includes(`127.0.0.1:${livekitPort}`)).length, { timeout: 30_000 })
        .toBeGreaterThan(before);
      await expect.poll(() => candidatePage!.getByTestId('room-video-error').textContent(), { timeout: 30_000 }).toContain('could not be reached');

      // The rest of the room does not need the video: the station starts and the clock runs.
      await actorPage!.getByRole('button', { name: 'Start the station' }).click();
      for (const { page } of pages) await expect.poll(() => phase(page), { timeout: 15_000 }).toBe('Reading time');
      const first = await candidatePage!.getByTestId('room-countdown').textContent();
      await expect.poll(() => candidatePage!.getByTestId('room-countdown').textContent(), { timeout: 10_000 }).not.toBe(first);
      await candidatePage!.getByTestId('room-brief-candidate').waitFor({ timeout: 15_000 });
    } finally {
      await Promise.all(contexts.map((c) => c.close()));
    }
  });

  it('without LiveKit, the room connects peer-to-peer and never loads the LiveKit chunk', async () => {
    const app = p2pApp;
    const { roomUrl, actor, candidate } = await matchedSession(app);
    const entry = await entryScript(app);
    const contexts = await Promise.all([browser.newContext(), browser.newContext()]);
    const [actorPage, candidatePage] = await Promise.all(contexts.map((c) => c.newPage()));
    const pages = [
      { page: actorPage!, user: actor },
      { page: candidatePage!, user: candidate },
    ];
    try {
      const scripts = pages.map(({ page }) => recordScripts(page));
      await Promise.all(pages.map(({ page, user }) => logInThroughUi(page, app.url, user.email, user.password)));
      await Promise.all(pages.map(({ page }) => page.goto(roomUrl)));
      for (const { page } of pages) {
        await expect.poll(() => page.getByTestId('room-video').getAttribute('data-access'), { timeout: 15_000 }).toBe('p2p');
        await expect.poll(() => page.getByTestId('remote-video').getAttribute('data-connected'), { timeout: 20_000 }).toBe('true');
        expect(await page.getByTestId('room-video-error').count()).toBe(0);
      }
      for (const loaded of scripts) {
        expect([...loaded]).toContain(entry);
        await expectNoLivekit(app, loaded);
      }
    } finally {
      await Promise.all(contexts.map((c) => c.close()));
    }
  });
});
