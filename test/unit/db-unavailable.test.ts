import { describe, expect, it } from 'vitest';
import { ConfigError, DB_TIMEOUT_DEFAULTS, loadConfig } from '../../server/src/config.js';
import { startStationScheduler } from '../../server/src/domains/sessions/scheduler.js';
import { toAppError } from '../../server/src/errors.js';

describe('database time limits in the configuration', () => {
  it('default to limits that answer within 5 s', () => {
    expect(loadConfig({}).dbTimeouts).toEqual({ connectMs: 3_000, statementMs: 3_000, queryMs: 4_000, healthMs: 3_000 });
    expect(DB_TIMEOUT_DEFAULTS.queryMs).toBeGreaterThanOrEqual(DB_TIMEOUT_DEFAULTS.statementMs);
  });

  it('are read from DB_*_TIMEOUT_MS', () => {
    const c = loadConfig({ DB_CONNECT_TIMEOUT_MS: '1000', DB_STATEMENT_TIMEOUT_MS: '1500', DB_QUERY_TIMEOUT_MS: '2000', DB_HEALTH_TIMEOUT_MS: '500' });
    expect(c.dbTimeouts).toEqual({ connectMs: 1_000, statementMs: 1_500, queryMs: 2_000, healthMs: 500 });
  });

  it('refuses nonsense, naming the variable', () => {
    for (const [name, value] of [
      ['DB_CONNECT_TIMEOUT_MS', '0'],
      ['DB_STATEMENT_TIMEOUT_MS', 'soon'],
      ['DB_HEALTH_TIMEOUT_MS', '-5'],
    ] as const) {
      expect(() => loadConfig({ [name]: value })).toThrow(new RegExp(`${name}:`));
    }
    // The client side giving up before the server would cancel drops connections for nothing.
    expect(() => loadConfig({ DB_STATEMENT_TIMEOUT_MS: '5000', DB_QUERY_TIMEOUT_MS: '4000' })).toThrow(ConfigError);
    expect(() => loadConfig({ DB_STATEMENT_TIMEOUT_MS: '5000', DB_QUERY_TIMEOUT_MS: '4000' })).toThrow(/DB_QUERY_TIMEOUT_MS:/);
  });
});

describe('toAppError: a dead or frozen database is 503 unavailable', () => {
  const pgError = (code: string, message = 'x') => Object.assign(new Error(message), { code });
  const cases: [string, unknown][] = [
    ['socket closed', new Error('Connection terminated unexpectedly')],
    ['connect timed out', new Error('Connection terminated due to connection timeout')],
    ['no free connection in time', new Error('timeout exceeded when trying to connect')],
    ['query_timeout', new Error('Query read timeout')],
    ['client already broken', new Error('Client has encountered a connection error and is not queryable')],
    ['client closed', new Error('Client was closed and is not queryable')],
    ['pool closed', new Error('Cannot use a pool after calling end on the pool')],
    ['ECONNRESET', pgError('ECONNRESET', 'read ECONNRESET')],
    ['ECONNREFUSED', pgError('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5432')],
    ['EPIPE', pgError('EPIPE', 'write EPIPE')],
    ['ETIMEDOUT', pgError('ETIMEDOUT', 'connect ETIMEDOUT')],
    ['admin shutdown 57P01', pgError('57P01', 'terminating connection due to administrator command')],
    ['crash shutdown 57P02', pgError('57P02', 'terminating connection because of crash of another server process')],
    ['cannot connect now 57P03', pgError('57P03', 'the database system is starting up')],
    ['idle-session timeout 57P05', pgError('57P05', 'terminating connection due to idle-session timeout')],
    ['too many connections 53300', pgError('53300', 'sorry, too many clients already')],
    ['connection failure 08006', pgError('08006', 'connection failure')],
    ['our statement_timeout 57014', pgError('57014', 'canceling statement due to statement timeout')],
    ['PGlite closed', new Error('PGlite is closed')],
  ];
  it.each(cases)('%s', (_name, err) => {
    const app = toAppError(err);
    expect([app?.status, app?.code]).toEqual([503, 'unavailable']);
  });

  it('a statement cancelled for another reason stays an unknown error (500)', () => {
    expect(toAppError(pgError('57014', 'canceling statement due to user request'))).toBeNull();
  });

  it('ordinary SQL errors keep their own mapping', () => {
    expect(toAppError(pgError('23505', 'duplicate key'))?.status).toBe(409);
    expect(toAppError(pgError('42P01', 'relation does not exist'))).toBeNull();
  });
});

describe('the station scheduler through a database outage', () => {
  it('logs the first failed tick, retries every tick without throwing, and logs the recovery', async () => {
    const logged: { level: string; msg: string; failed_ticks?: number }[] = [];
    const logger = {
      error: (o: { failed_ticks: number }, msg: string) => logged.push({ level: 'error', msg, failed_ticks: o.failed_ticks }),
      info: (o: { failed_ticks: number }, msg: string) => logged.push({ level: 'info', msg, failed_ticks: o.failed_ticks }),
    };
    let down = true;
    let calls = 0;
    const advance = async () => {
      calls += 1;
      if (down) throw new Error('Connection terminated unexpectedly');
      return 0;
    };
    const scheduler = startStationScheduler(advance, logger as never, 60_000);
    for (let i = 0; i < 4; i++) await scheduler.tick();
    down = false;
    await scheduler.tick();
    await scheduler.stop();
    expect(calls).toBe(5);
    expect(logged).toEqual([
      { level: 'error', msg: 'station scheduler tick failed; retrying every tick', failed_ticks: 1 },
      { level: 'info', msg: 'station scheduler recovered', failed_ticks: 4 },
    ]);
  });
});
