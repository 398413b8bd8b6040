// What must hold between an MDT meeting and its listings' outcomes: an outcome only once the
// meeting's date has come and never at a cancelled meeting; the date it was told needs an outcome,
// is on or after the meeting and not after today; so a meeting with outcomes stays in the past,
// before every date an outcome was told, and is not cancelled.
import { describe, expect, it } from 'vitest';
import { listingProblems, meetingProblems } from '../../../server/src/domains/mdt/rules.js';

const today = '2026-12-03';
const outcome = { recommendation: 'Surgery', intent: 'curative' };
const paths = (found: { path: string }[]) => found.map((p) => p.path);

describe('a listing’s outcome at its meeting', () => {
  const held = { meeting_date: '2026-11-30', status: 'held' as const };

  it('accepts an outcome told on the meeting day, later, or today', () => {
    expect(listingProblems({ outcome, outcome_communicated_date: null }, held, today)).toEqual([]);
    for (const told of ['2026-11-30', '2026-12-01', today]) {
      expect(listingProblems({ outcome, outcome_communicated_date: told }, held, today)).toEqual([]);
    }
    // No outcome, no date: nothing to check.
    expect(listingProblems({ outcome: null, outcome_communicated_date: null }, { meeting_date: '2027-01-01', status: 'planned' }, today)).toEqual([]);
  });

  it('refuses a date told without an outcome, before the meeting, or after today', () => {
    expect(paths(listingProblems({ outcome: null, outcome_communicated_date: '2026-12-01' }, held, today))).toEqual(['outcome_communicated_date']);
    expect(listingProblems({ outcome, outcome_communicated_date: '2026-11-29' }, held, today)[0]!.message).toMatch(/before the meeting \(2026-11-30\)/);
    expect(listingProblems({ outcome, outcome_communicated_date: '2026-12-04' }, held, today)[0]!.message).toMatch(/after today/);
  });

  it('refuses an outcome before the meeting’s date, and at a cancelled meeting', () => {
    expect(paths(listingProblems({ outcome, outcome_communicated_date: null }, { meeting_date: '2026-12-04', status: 'planned' }, today))).toEqual(['outcome']);
    // On the day itself the outcome is recorded live.
    expect(listingProblems({ outcome, outcome_communicated_date: null }, { meeting_date: today, status: 'planned' }, today)).toEqual([]);
    expect(paths(listingProblems({ outcome, outcome_communicated_date: null }, { meeting_date: '2026-11-30', status: 'cancelled' }, today))).toEqual(['outcome']);
  });
});

describe('a meeting’s date and status against its outcomes', () => {
  it('a meeting is held on or after its date', () => {
    expect(meetingProblems({ meeting_date: today, status: 'held' }, [], today)).toEqual([]);
    expect(paths(meetingProblems({ meeting_date: '2026-12-04', status: 'held' }, [], today))).toEqual(['status']);
    expect(meetingProblems({ meeting_date: '2027-06-01', status: 'planned' }, [], today)).toEqual([]);
  });

  it('with outcomes recorded it may not move into the future, after a date an outcome was told, or be cancelled', () => {
    const listings = [
      { outcome: null, outcome_communicated_date: null },
      { outcome, outcome_communicated_date: '2026-11-28' },
      { outcome, outcome_communicated_date: '2026-12-01' },
    ];
    expect(meetingProblems({ meeting_date: '2026-11-28', status: 'held' }, listings, today)).toEqual([]);
    expect(meetingProblems({ meeting_date: '2026-11-29', status: 'held' }, listings, today)[0]!.message).toMatch(/told to a patient on 2026-11-28/);
    expect(paths(meetingProblems({ meeting_date: '2026-12-10', status: 'planned' }, listings, today))).toEqual(['meeting_date']);
    expect(paths(meetingProblems({ meeting_date: '2026-11-20', status: 'cancelled' }, listings, today))).toEqual(['status']);
    // Without outcomes, a meeting moves and is cancelled freely.
    expect(meetingProblems({ meeting_date: '2026-12-10', status: 'cancelled' }, [listings[0]!], today)).toEqual([]);
  });
});
