import { afterEach, describe, expect, it } from 'vitest';
import {
  addDays,
  formatCountdown,
  formatDate,
  formatDateTime,
  formatDay,
  formatMonth,
  formatRelative,
  formatTime,
  formatWeekday,
  formatWhen,
  mondayOf,
  todayInEngland,
} from '../../../client/src/lib/dates.js';

// The viewer's zone is the process's: each case sets the one it is about, and the formatters are
// cached per process, so the zone is chosen before the first call and restored after.
const originalZone = process.env.TZ;
afterEach(() => {
  process.env.TZ = originalZone;
});

describe('one way to show a date', () => {
  it('shows a calendar date as written, day month year, whatever the viewer’s zone', () => {
    expect(formatDate('2026-12-03')).toBe('3 Dec 2026');
    expect(formatDate('2025-05-13')).toBe('13 May 2025');
    expect(formatDate('2026-01-01')).toBe('1 Jan 2026');
  });

  it('says "—" for nothing and leaves what it cannot read as it is', () => {
    expect(formatDate(null)).toBe('—');
    expect(formatDate('')).toBe('—');
    expect(formatDate(undefined)).toBe('—');
    expect(formatDate('not a date')).toBe('not a date');
    expect(formatDateTime(null)).toBe('—');
    expect(formatDateTime('soon')).toBe('soon');
    expect(formatTime(null)).toBe('—');
    expect(formatWhen(undefined)).toBe('—');
  });

  it('names the weekday of a calendar date and counts days across month and year ends', () => {
    expect(formatWeekday('2026-12-01')).toBe('Tue');
    expect(formatWeekday('2026-12-01', true)).toBe('Tuesday');
    expect(formatDay('2026-12-03')).toBe('Thu 3 Dec 2026');
    expect(formatDay('2026-12-03', 'long')).toBe('Thursday 3 Dec 2026');
    expect(formatDay('2026-12-03', 'brief')).toBe('Thu 3 Dec');
    expect(formatDay('someday')).toBe('someday');
    expect(addDays('2026-12-30', 3)).toBe('2027-01-02');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(mondayOf('2026-12-06')).toBe('2026-11-30'); // a Sunday
    expect(mondayOf('2026-11-30')).toBe('2026-11-30');
    expect(formatMonth('2026-12')).toBe('December 2026');
    expect(formatMonth('2026')).toBe('2026');
  });

  it('takes "today" from England’s clock, where the NHS day turns', () => {
    // 23:30 UTC on 30 June is already 1 July in London (BST); in winter UTC and London agree.
    expect(todayInEngland(new Date('2026-06-30T23:30:00Z'))).toBe('2026-07-01');
    expect(todayInEngland(new Date('2026-12-31T23:30:00Z'))).toBe('2026-12-31');
  });
});

describe('one way to show a time', () => {
  it('uses the 24-hour clock, en-GB order, and never AM/PM', () => {
    const text = formatDateTime('2026-12-03T16:11:00Z');
    expect(text).toMatch(/^3 Dec 2026, \d{2}:11$/);
    expect(text).not.toMatch(/AM|PM/i);
    expect(formatTime('2026-12-03T09:05:07Z', true)).toMatch(/^\d{2}:05:07$/);
    expect(formatWhen('2026-12-01T18:30:00Z')).toMatch(/^Tue, 1 Dec 2026, \d{2}:30 \S+$/);
  });

  it('shows an instant in the viewer’s own zone: the same moment reads 16:11 in London and 11:11 in New York', async () => {
    // A fresh module per zone: the formatters remember the zone they were built in.
    const { vi } = await import('vitest');
    const load = async (zone: string) => {
      process.env.TZ = zone;
      vi.resetModules();
      return import('../../../client/src/lib/dates.js');
    };
    const london = await load('Europe/London');
    expect(london.formatDateTime('2026-12-03T16:11:00Z')).toBe('3 Dec 2026, 16:11');
    expect(london.formatTime('2026-07-01T12:00:00Z')).toBe('13:00'); // BST
    const newYork = await load('America/New_York');
    expect(newYork.formatDateTime('2026-12-03T16:11:00Z')).toBe('3 Dec 2026, 11:11');
    expect(newYork.formatWhen('2026-12-03T16:11:00Z')).toBe('Thu, 3 Dec 2026, 11:11 GMT-5'); // en-GB names only its own zones
    // Midnight is 00:00, not 24:00.
    expect(newYork.formatTime('2026-12-03T05:00:00Z')).toBe('00:00');
    // A calendar date is the same day in every zone.
    expect(newYork.formatDate('2026-12-03')).toBe('3 Dec 2026');
  });
});

describe('relative times and countdowns', () => {
  const now = new Date('2026-12-03T12:00:00Z');
  const at = (seconds: number) => new Date(now.getTime() + seconds * 1000).toISOString();

  it('says how far away a moment is in words, switching to the date beyond a week', () => {
    expect(formatRelative(at(30), now)).toBe('now');
    expect(formatRelative(at(-59), now)).toBe('now');
    expect(formatRelative(at(180), now)).toBe('in 3 min');
    expect(formatRelative(at(-300), now)).toBe('5 min ago');
    expect(formatRelative(at(2 * 3600), now)).toBe('in 2 h');
    expect(formatRelative(at(86_400), now)).toBe('tomorrow');
    expect(formatRelative(at(-86_400), now)).toBe('yesterday');
    expect(formatRelative(at(4 * 86_400), now)).toBe('in 4 days');
    expect(formatRelative(at(10 * 86_400), now)).toBe('13 Dec 2026');
    expect(formatRelative('garbage', now)).toBe('—');
  });

  it('counts down as m:ss, then h:mm:ss from an hour, never below zero', () => {
    expect(formatCountdown(0)).toBe('0:00');
    expect(formatCountdown(65)).toBe('1:05');
    expect(formatCountdown(599.9)).toBe('9:59');
    expect(formatCountdown(3600)).toBe('1:00:00');
    expect(formatCountdown(3 * 3600 + 62)).toBe('3:01:02');
    expect(formatCountdown(-5)).toBe('0:00');
  });
});
