// The board is served from a per-instance cache (issue #17). These tests hold it to what an uncached
// board did: a writer reads their write at once, a change made anywhere (straight in SQL, on another
// instance) reaches every instance, and a cut in the database's notifications never leaves it stale.
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgres } from '../../server/src/db/postgres.js';
import type { Db } from '../../server/src/db/types.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { dbTargets } from '../helpers/db.js';
import { createUser, type TestUser } from '../helpers/factories.js';

const inHours = (hours: number) => new Date(Date.now() + hours * 3_600_000).toISOString();

interface BoardItem {
  id: string;
  host: { user_id: string; first_name: string; completed: number; no_show: number };
}

async function boardOf(app: TestApp): Promise<BoardItem[]> {
  const res = await app.http.get('/api/sessions');
  expect(res.status).toBe(200);
  return res.body.items as BoardItem[];
}

async function publish(app: TestApp, user: TestUser, hours = 30): Promise<string> {
  const res = await app.http.post('/api/sessions', { datetime_utc: inHours(hours), host_role: 'candidate' }, { token: user.token });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id as string;
}

/**
 * A GET as a browser revalidating its copy sends it. (fetch cannot: a conditional request makes it
 * add `Cache-Control: no-cache`, which tells the server to answer in full.)
 */
function revalidate(url: string, etag: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers: { 'if-none-match': etag } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode!, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** The counts as the board computed them per row before they were stored. */
const RECOUNT = `
  select p.user_id,
         (select count(*)::int from public.practice_sessions h where h.host_id = p.user_id and h.status = 'completed') as completed,
         (select count(*)::int from public.practice_sessions h
           where h.status = 'no_show'
             and ((h.host_id = p.user_id and h.host_joined_at is null) or (h.guest_id = p.user_id and h.guest_joined_at is null))) as no_show
    from public.profiles p where p.user_id = any($1) order by p.user_id`;
const STORED = `
  select p.user_id, coalesce(n.completed, 0) as completed, coalesce(n.no_show, 0) as no_show
    from public.profiles p left join private.host_session_counts n on n.user_id = p.user_id
   where p.user_id = any($1) order by p.user_id`;

describe.each(dbTargets)('the cached board on %s', (target) => {
  let app: TestApp;
  let host: TestUser;
  let guest: TestUser;
  beforeAll(async () => {
    app = await startTestApp(target);
    [host, guest] = await Promise.all([createUser(app, { first_name: 'Cached' }), createUser(app, { first_name: 'Guest' })]);
  });
  afterAll(() => app?.close());

  it('shows a writer their own publish, sign-up and cancellation on the very next read', async () => {
    for (let round = 0; round < 5; round++) {
      const id = await publish(app, host, 20 + round);
      expect((await boardOf(app)).map((i) => i.id)).toContain(id);
      const seen = await app.http.get(`/api/sessions/${id}`, { token: guest.token });
      expect((await app.http.post(`/api/sessions/${id}/signup`, { version: seen.body.version }, { token: guest.token })).status).toBe(200);
      expect((await app.http.get('/api/sessions?open=true')).body.items.map((i: BoardItem) => i.id)).not.toContain(id);
      expect((await app.http.delete(`/api/sessions/${id}`, undefined, { token: host.token })).status).toBe(204);
      expect((await boardOf(app)).map((i) => i.id)).not.toContain(id);
    }
  });

  it('picks up a change made straight in the database, which notifies every instance', async () => {
    const id = await publish(app, host);
    expect((await boardOf(app)).find((i) => i.id === id)?.host.first_name).toBe('Cached');
    await app.db.query("update public.profiles set first_name = 'Renamed' where user_id = $1", [host.id]);
    await expect.poll(async () => (await boardOf(app)).find((i) => i.id === id)?.host.first_name).toBe('Renamed');
    await app.db.query("update public.profiles set first_name = 'Cached' where user_id = $1", [host.id]);
    await expect.poll(async () => (await boardOf(app)).find((i) => i.id === id)?.host.first_name).toBe('Cached');
  });

  it('answers a repeated read with 304 and compresses once for every caller that accepts it', async () => {
    // Enough sessions that the board is over the 1 KB under which nothing is compressed.
    for (let i = 0; i < 4; i++) await publish(app, host);
    const plain = await app.http.get('/api/sessions', { headers: { 'accept-encoding': 'identity' } });
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(plain.text.length).toBeGreaterThan(1024);
    const etag = plain.headers.get('etag');
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect(plain.headers.get('vary')).toMatch(/Accept-Encoding/i);
    const again = await revalidate(`${app.url}/api/sessions`, etag!);
    expect(again).toEqual({ status: 304, body: '' });
    for (const encoding of ['br', 'gzip']) {
      const packed = await app.http.get('/api/sessions', { headers: { 'accept-encoding': encoding } });
      expect(packed.headers.get('content-encoding')).toBe(encoding);
      expect(packed.headers.get('etag')).toBe(`${etag!.slice(0, -1)}-${encoding}"`);
      expect(packed.body).toEqual(plain.body);
    }
    // After a change the old tag no longer matches.
    await publish(app, host);
    expect((await revalidate(`${app.url}/api/sessions`, etag!)).status).toBe(200);
  });

  it("keeps every user's completed and no-show counts equal to a count of their sessions, whatever changes", async () => {
    const [a, b] = [host.id, guest.id];
    const ids = [a, b].sort();
    const expectCountsRight = async (step: string) => {
      const recount = (await app.db.query(RECOUNT, [ids])).rows;
      expect((await app.db.query(STORED, [ids])).rows, step).toEqual(recount);
    };
    const insert = async (hostId: string, guestId: string | null, status: string) =>
      (
        await app.db.query<{ id: string }>(
          `insert into public.practice_sessions (host_id, guest_id, datetime_utc, host_role, status, phase, reading_s, consultation_s, feedback_s)
           values ($1, $2, now() - interval '2 days', 'candidate', $3, 'completed', 60, 300, 60) returning id`,
          [hostId, guestId, status],
        )
      ).rows[0]!.id;
    await expectCountsRight('at the start');
    const done = await insert(a, b, 'completed');
    const missedByBoth = await insert(a, b, 'no_show');
    const missedByGuest = await insert(b, a, 'no_show');
    await expectCountsRight('after inserts');
    expect((await app.db.query(STORED, [[a]])).rows[0]).toMatchObject({ completed: 1, no_show: 2 });
    await app.db.query('update public.practice_sessions set host_joined_at = now() where id = $1', [missedByGuest]);
    await app.db.query('update public.practice_sessions set guest_joined_at = now() where id = $1', [missedByBoth]);
    await expectCountsRight('after joins were recorded');
    await app.db.query("update public.practice_sessions set status = 'cancelled' where id = $1", [done]);
    await app.db.query("update public.practice_sessions set guest_id = null where id = $1", [missedByBoth]);
    await expectCountsRight('after a cancellation and a guest leaving');
    await app.db.query("update public.practice_sessions set status = 'completed', host_id = $2, guest_id = $3 where id = $1", [missedByGuest, a, b]);
    await expectCountsRight('after a status and host change in one update');
    await app.db.query('delete from public.practice_sessions where id = any($1)', [[done, missedByBoth]]);
    await expectCountsRight('after deletes');
    // The board shows the stored figures.
    const id = await publish(app, host);
    const card = (await boardOf(app)).find((i) => i.id === id)!;
    const stored = (await app.db.query<{ completed: number; no_show: number }>(STORED, [[a]])).rows[0]!;
    expect(card.host).toMatchObject({ completed: stored.completed, no_show: stored.no_show });
    // Clients cannot read or write the counters.
    for (const role of ['anon', 'authenticated']) {
      const denied = await app.db
        .transaction(async (tx) => {
          await tx.query(`set local role ${role}`);
          await tx.query('select * from private.host_session_counts');
        })
        .then(
          () => null,
          (err: { code?: string }) => err.code,
        );
      expect(denied, role).toBe('42501');
    }
  });
});

describe.runIf(process.env.TEST_DATABASE_URL)('the cached board on two instances on postgres', () => {
  let one: TestApp;
  let two: TestApp;
  let secondPool: Db;
  let host: TestUser;
  beforeAll(async () => {
    one = await startTestApp('postgres');
    secondPool = await openPostgres(one.dbUrl!, { max: 5 });
    two = await startTestApp('postgres', { db: secondPool });
    host = await createUser(one, { first_name: 'Twice' });
  });
  afterAll(async () => {
    await two?.close();
    await secondPool?.close();
    await one?.close();
  });

  it('a session published on one instance reaches the board the other had cached', async () => {
    const before = await boardOf(two);
    const id = await publish(one, host);
    expect(before.map((i) => i.id)).not.toContain(id);
    await expect.poll(async () => (await boardOf(two)).map((i) => i.id)).toContain(id);
  });

  it('a cut in the notifications leaves no instance stale, and each listens again', async () => {
    const listeners = async () =>
      Number(
        (await one.db.query<{ n: number }>("select count(*)::int as n from pg_stat_activity where datname = current_database() and application_name like '% listening on board_changed'")).rows[0]!.n,
      );
    expect(await listeners()).toBe(2);
    const id = await publish(one, host);
    await expect.poll(async () => (await boardOf(two)).map((i) => i.id)).toContain(id);
    await one.db.query("select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and application_name like '% listening on board_changed'");
    // Changed while nobody may be listening: both boards still show it.
    await one.db.query("update public.profiles set first_name = 'Cut' where user_id = $1", [host.id]);
    for (const app of [one, two]) await expect.poll(async () => (await boardOf(app)).find((i) => i.id === id)?.host.first_name).toBe('Cut');
    await expect.poll(listeners).toBe(2);
    // Listening again, a later change is heard too.
    await one.db.query("update public.profiles set first_name = 'Heard' where user_id = $1", [host.id]);
    for (const app of [one, two]) await expect.poll(async () => (await boardOf(app)).find((i) => i.id === id)?.host.first_name).toBe('Heard');
  });
});
