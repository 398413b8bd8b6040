import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Logger } from 'pino';
import { livekitOrigins, livekitRoomAccess, livekitRoomName, mintLivekitToken } from '../../../server/src/video/livekit.js';
import { startLivekitApi } from '../../helpers/livekit-api.js';

const cfg = { url: 'wss://livekit.example.test', apiKey: 'APIkey123', apiSecret: 'a-secret-that-is-long-enough-for-hs256-signing' };

function decode(jwt: string) {
  const [header, payload, signature] = jwt.split('.') as [string, string, string];
  const expected = createHmac('sha256', cfg.apiSecret).update(`${header}.${payload}`).digest('base64url');
  return {
    header: JSON.parse(Buffer.from(header, 'base64url').toString()) as { alg: string },
    payload: JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown> & { video: Record<string, unknown> },
    signedWithOurSecret: signature === expected,
  };
}

describe('LiveKit participant tokens', () => {
  it('grant this session’s room only, to this user, with media and data, until the given expiry', async () => {
    const now = new Date('2026-12-01T18:00:00Z');
    const expiresAt = new Date('2026-12-01T19:15:00Z');
    const jwt = await mintLivekitToken(cfg, { sessionId: 's-1', userId: 'user-42', name: 'Ada Lovelace', expiresAt, now });
    const { header, payload, signedWithOurSecret } = decode(jwt);
    expect(header.alg).toBe('HS256');
    expect(signedWithOurSecret).toBe(true);
    expect(payload).toMatchObject({ iss: cfg.apiKey, sub: 'user-42', name: 'Ada Lovelace' });
    expect(payload.video).toEqual({
      room: livekitRoomName('s-1'),
      roomJoin: true,
      canPublish: true,
      canSubscribe: true,
      canPublishData: true,
      roomCreate: false,
      roomAdmin: false,
      roomList: false,
    });
    const exp = payload.exp as number;
    const nbf = payload.nbf as number;
    // The lifetime is the time left until expiry (75 minutes here), counted from when it was minted.
    expect(exp - nbf).toBe(75 * 60);
  });

  it('derives one room name per session', () => {
    expect(livekitRoomName('abc')).toBe('session-abc');
    expect(livekitRoomName('abc')).not.toBe(livekitRoomName('abd'));
  });
});

describe('the content security policy for a LiveKit server', () => {
  it('allows the signalling WebSocket and the HTTP calls to the same host, whatever scheme LIVEKIT_URL uses', () => {
    expect(livekitOrigins('wss://video.example.org')).toEqual(['wss://video.example.org', 'https://video.example.org']);
    expect(livekitOrigins('https://video.example.org:7443/')).toEqual(['wss://video.example.org:7443', 'https://video.example.org:7443']);
    expect(livekitOrigins('ws://127.0.0.1:7880')).toEqual(['ws://127.0.0.1:7880', 'http://127.0.0.1:7880']);
  });
});

describe('LiveKit room access', () => {
  function recordingLogger() {
    const warnings: { obj: Record<string, unknown>; msg: string }[] = [];
    const logger = { warn: (obj: Record<string, unknown>, msg: string) => warnings.push({ obj, msg }) } as unknown as Logger;
    return { logger, warnings };
  }

  it('puts former participants out of the session’s room and voids their tokens from this second', async () => {
    const api = await startLivekitApi(cfg.apiKey, cfg.apiSecret);
    try {
      const { logger, warnings } = recordingLogger();
      const access = livekitRoomAccess({ ...cfg, url: api.url }, logger, () => new Date('2026-12-01T18:00:00.900Z'));
      const room = livekitRoomName('s-1');
      api.connect(room, 'u-1');
      api.connect(room, 'u-2');
      await access.revoke('s-1', ['u-1', 'u-2']);
      expect(api.removed).toEqual([
        expect.objectContaining({ room, identity: 'u-1', revokeTokenTs: Date.parse('2026-12-01T18:00:00Z') / 1000, grant: expect.objectContaining({ room, roomAdmin: true }) }),
        expect.objectContaining({ room, identity: 'u-2' }),
      ]);
      expect(warnings).toEqual([]);
    } finally {
      await api.close();
    }
  });

  it('someone not in the room is no error; a refusal or an unreachable server is logged, never thrown', async () => {
    const api = await startLivekitApi(cfg.apiKey, cfg.apiSecret);
    try {
      const { logger, warnings } = recordingLogger();
      await livekitRoomAccess({ ...cfg, url: api.url }, logger).revoke('s-2', ['never-came']);
      expect(warnings).toEqual([]);
      api.connect(livekitRoomName('s-2'), 'u-3');
      await livekitRoomAccess({ ...cfg, url: api.url, apiSecret: 'another-secret-that-is-long-enough-for-hs256' }, logger).revoke('s-2', ['u-3']);
      expect(api.isConnected(livekitRoomName('s-2'), 'u-3')).toBe(true);
      expect(warnings).toEqual([expect.objectContaining({ obj: expect.objectContaining({ session_id: 's-2', user_id: 'u-3' }) })]);
    } finally {
      await api.close();
    }
    const { logger, warnings } = recordingLogger();
    await livekitRoomAccess({ ...cfg, url: api.url }, logger).revoke('s-3', ['u-4']);
    expect(warnings).toHaveLength(1);
  });
});
