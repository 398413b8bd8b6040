import { describe, expect, it } from 'vitest';
import { formatTime } from '../../../client/src/lib/dates.js';
import { lobbyClock, partnerLine, partnerPresence, roomOpensAt, startBlocker } from '../../../client/src/pages/room/lobby.js';

const START = '2026-12-01T14:20:00.000Z';
const at = (iso: string) => Date.parse(iso);

describe('the waiting room’s clock', () => {
  it('counts down to the room opening, 15 minutes before the start', () => {
    expect(lobbyClock(START, at('2026-12-01T13:52:30Z'))).toEqual({ label: 'Room opens in', value: '12:30', open: false });
    expect(lobbyClock(START, at('2026-12-01T12:00:00Z'))).toEqual({ label: 'Room opens in', value: '2:05:00', open: false });
  });

  it('then to the planned start, then shows the planned time once it has passed', () => {
    expect(lobbyClock(START, at('2026-12-01T14:05:00Z'))).toEqual({ label: 'Planned start in', value: '15:00', open: true });
    expect(lobbyClock(START, at('2026-12-01T14:19:59.500Z'))).toEqual({ label: 'Planned start in', value: '0:01', open: true });
    expect(lobbyClock(START, at('2026-12-01T14:25:00Z'))).toEqual({ label: 'Planned start', value: formatTime(START), open: true });
  });

  it('says "in 2 days" rather than a countdown of 48 hours', () => {
    expect(lobbyClock(START, at('2026-11-29T14:05:00Z'))).toEqual({ label: 'Room opens in', value: 'in 2 days', open: false });
  });

  it('opens the room 15 minutes before the planned time', () => {
    expect(roomOpensAt(START)).toBe(at('2026-12-01T14:05:00Z'));
  });
});

describe('the other participant', () => {
  it('is nobody, signed up but away, or here, from who has the room open', () => {
    expect(partnerPresence(null, ['me'])).toBe('none');
    expect(partnerPresence('them', ['me'])).toBe('away');
    expect(partnerPresence('them', ['me', 'them'])).toBe('here');
  });

  it('is described by name and role', () => {
    expect(partnerLine('none', null, 'actor')).toBe('Nobody has signed up as the actor yet.');
    expect(partnerLine('away', 'Ada Actor', 'actor')).toBe('Ada Actor (the actor) has signed up but is not in the room yet.');
    expect(partnerLine('here', 'Cal Candidate', 'candidate')).toBe('Cal Candidate (the candidate) is here.');
    expect(partnerLine('here', null, 'candidate')).toBe('The candidate is here.');
  });
});

describe('what keeps the actor from starting', () => {
  const ready = { guest_id: 'them', has_case: true, datetime_utc: START };
  it('a missing partner, then a missing case, then a room not yet open', () => {
    const now = at('2026-12-01T14:10:00Z');
    expect(startBlocker({ ...ready, guest_id: null, has_case: false }, now)).toMatch(/Nobody has signed up as your partner/);
    expect(startBlocker({ ...ready, has_case: false }, now)).toBe('Choose the case on the session page first.');
    expect(startBlocker(ready, at('2026-12-01T13:00:00Z'))).toBe(
      `The station can start from ${formatTime('2026-12-01T14:05:00Z')}, 15 minutes before the planned time.`,
    );
    expect(startBlocker(ready, now)).toBeNull();
  });
});
