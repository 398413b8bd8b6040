import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { dbTargets } from '../helpers/db.js';
import { createUser, signIn } from '../helpers/factories.js';
import { connectSocket, nextEvent, record, roundTrip, type ClientSocket } from '../helpers/sockets.js';

describe.each(dbTargets)('realtime on %s', (target) => {
  let app: TestApp;
  const open: ClientSocket[] = [];
  const connect = async (...args: Parameters<typeof connectSocket> extends [string, ...infer R] ? R : never) => {
    const c = await connectSocket(app.url, ...args);
    open.push(c.socket);
    return c;
  };
  beforeAll(async () => {
    app = await startTestApp(target);
  });
  afterEach(() => {
    for (const s of open.splice(0)) s.close();
  });
  afterAll(() => app?.close());

  it('an anonymous socket may only watch the board', async () => {
    const { socket, hello } = await connect();
    expect(hello).toEqual({ user_id: null, role: null });
    expect(await socket.emitWithAck('board:watch', {})).toEqual({ ok: true });
  });

  it('works over HTTP long-polling too (the app never answers /socket.io/ itself)', async () => {
    const user = await createUser(app);
    const { socket, hello } = await connect({ token: user.token, transports: ['polling'] });
    expect(hello.user_id).toBe(user.id);
    const got = nextEvent(socket, 'notify');
    app.server.realtime.gateway.toUser(user.id).emit('notify', { kind: 'test', message: 'over polling' });
    expect(await got).toEqual({ kind: 'test', message: 'over polling' });
    expect(await socket.emitWithAck('board:watch', {})).toEqual({ ok: true });
  });

  it('validates event payloads and answers in the ack', async () => {
    const { socket } = await connect();
    const res = await socket.emitWithAck('board:watch', { nope: 1 } as never);
    expect(res).toMatchObject({ ok: false, error: { code: 'validation_failed' } });
  });

  it('authenticates the handshake from the cookie or auth.token', async () => {
    const user = await createUser(app);
    expect((await connect({ cookie: user.cookie, origin: app.url })).hello).toEqual({ user_id: user.id, role: 'trainee' });
    expect((await connect({ token: user.token })).hello).toEqual({ user_id: user.id, role: 'trainee' });
  });

  it('refuses an invalid explicit token; a stale cookie is just anonymous', async () => {
    await expect(connect({ token: 'forged-token' })).rejects.toThrow(/unauthenticated/);
    const { hello } = await connect({ cookie: 'sid=stale-cookie' });
    expect(hello.user_id).toBeNull();
  });

  it('refuses a handshake from a foreign origin', async () => {
    const user = await createUser(app);
    await expect(connect({ cookie: user.cookie, origin: 'https://evil.example' })).rejects.toThrow();
  });

  it('notify reaches every socket of that user and nobody else', async () => {
    const a = await createUser(app);
    const b = await createUser(app);
    const a1 = (await connect({ token: a.token })).socket;
    const a2 = (await connect({ cookie: a.cookie })).socket;
    const b1 = (await connect({ token: b.token })).socket;
    const anon = (await connect()).socket;
    const seenByB = record(b1, 'notify');
    const seenByAnon = record(anon, 'notify');
    const got = [nextEvent(a1, 'notify'), nextEvent(a2, 'notify')];
    app.server.realtime.gateway.toUser(a.id).emit('notify', { kind: 'test', message: 'hello A' });
    expect(await Promise.all(got)).toEqual([
      { kind: 'test', message: 'hello A' },
      { kind: 'test', message: 'hello A' },
    ]);
    await Promise.all([roundTrip(b1), roundTrip(anon)]);
    expect(seenByB).toEqual([]);
    expect(seenByAnon).toEqual([]);
  });

  it('logout disconnects the sockets of that sign-in only', async () => {
    const user = await createUser(app);
    const other = await signIn(app, user.email, user.password);
    const mine = (await connect({ token: user.token })).socket;
    const theirs = (await connect({ token: other.token })).socket;
    const disconnected = nextEvent<string>(mine, 'disconnect');
    expect((await app.http.post('/api/auth/logout', undefined, { token: user.token })).status).toBe(204);
    expect(await disconnected).toBe('io server disconnect');
    await roundTrip(theirs);
    expect(theirs.connected).toBe(true);
  });

  it('erasing the account disconnects all its sockets', async () => {
    const user = await createUser(app);
    const s = (await connect({ token: user.token })).socket;
    const disconnected = nextEvent<string>(s, 'disconnect');
    expect((await app.http.delete('/api/auth/me', { password: user.password }, { token: user.token })).status).toBe(204);
    expect(await disconnected).toBe('io server disconnect');
  });
});

describe.runIf(process.env.REDIS_URL).each(dbTargets)('two server instances sharing Redis on %s', (target) => {
  let one: TestApp;
  let two: TestApp;
  beforeAll(async () => {
    one = await startTestApp(target);
    two = await startTestApp(target, { db: one.db, env: { REDIS_CHANNEL_PREFIX: one.config.redisChannelPrefix } });
  });
  afterAll(async () => {
    await two?.close();
    await one?.close();
  });

  it('reports redis in health on both', async () => {
    for (const app of [one, two]) expect((await app.http.get('/api/health')).body.realtime).toBe('redis');
  });

  it('an emit on one instance reaches a socket on the other', async () => {
    const user = await createUser(one);
    const { socket } = await connectSocket(one.url, { token: user.token });
    try {
      const got = nextEvent(socket, 'notify');
      two.server.realtime.gateway.toUser(user.id).emit('notify', { kind: 'test', message: 'across instances' });
      expect(await got).toEqual({ kind: 'test', message: 'across instances' });
    } finally {
      socket.close();
    }
  });

  it('logging out through one instance disconnects the socket held by the other', async () => {
    const user = await createUser(one);
    const { socket } = await connectSocket(one.url, { token: user.token });
    try {
      const disconnected = nextEvent<string>(socket, 'disconnect');
      expect((await two.http.post('/api/auth/logout', undefined, { token: user.token })).status).toBe(204);
      expect(await disconnected).toBe('io server disconnect');
    } finally {
      socket.close();
    }
  });

  it('stopping one instance leaves the sockets on the other connected (runs last: it stops `two`)', async () => {
    const user = await createUser(one);
    const { socket } = await connectSocket(one.url, { token: user.token });
    try {
      const seen = record<string>(socket, 'disconnect');
      await two.server.close(1_000);
      await roundTrip(socket);
      expect(seen).toEqual([]);
      expect(socket.connected).toBe(true);
    } finally {
      socket.close();
    }
  });
});
