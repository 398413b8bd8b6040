// The coordinator's desk: upcoming planned meetings within the horizon with their summaries, the
// patients at them still missing items, outcomes not told by the census date, overdue actions.
import { describe, expect, it } from 'vitest';
import { addDays, coordinatorPlan, daysBetween } from '../../../server/src/domains/mdt/coordinator.js';
import type { ChecklistItem, MeetingStatus } from '../../../server/src/contract/mdt.js';

const asOf = '2026-12-03';
const outcome = { recommendation: 'Surgery', intent: 'curative' };
const meeting = (id: string, meeting_date: string, status: MeetingStatus = 'planned', start_time: string | null = null) => ({ id, meeting_date, status, start_time });
let n = 0;
const listing = (meeting_id: string, position: number, over: { checklist?: ChecklistItem[]; outcome?: object | null; outcome_communicated_date?: string | null } = {}) => ({
  id: `l${++n}`,
  meeting_id,
  position,
  checklist: over.checklist ?? [],
  outcome: over.outcome ?? null,
  outcome_communicated_date: over.outcome_communicated_date ?? null,
});

describe('dates', () => {
  it('counts calendar days across month ends and leap days', () => {
    expect(daysBetween('2026-11-28', '2026-12-03')).toBe(5);
    expect(addDays('2028-02-27', 2)).toBe('2028-02-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
  });
});

describe('the coordinator’s plan', () => {
  const meetings = [
    meeting('later-same-day', '2026-12-05', 'planned', null),
    meeting('soon', '2026-12-05', 'planned', '08:00'),
    meeting('today', asOf, 'planned', '13:00'),
    meeting('beyond', addDays(asOf, 28)),
    meeting('cancelled', '2026-12-04', 'cancelled'),
    meeting('past', '2026-11-26', 'held'),
    meeting('past-planned', '2026-12-02', 'planned'),
  ];
  const missing = listing('soon', 2, { checklist: [{ item: 'Imaging', ready: false }, { item: 'Results', ready: true }, { item: 'Histology', ready: false }] });
  const readyOne = listing('soon', 1, { checklist: [{ item: 'Imaging', ready: true }] });
  const atBeyond = listing('beyond', 1, { checklist: [{ item: 'Imaging', ready: false }] });
  const atCancelled = listing('cancelled', 1, { checklist: [{ item: 'Imaging', ready: false }] });
  const untold = listing('past', 1, { outcome });
  const told = listing('past', 2, { outcome, outcome_communicated_date: '2026-11-27' });
  const toldLater = listing('past', 3, { outcome, outcome_communicated_date: '2026-12-10' });
  const listings = [missing, readyOne, atBeyond, atCancelled, untold, told, toldLater];
  const actions = [
    { id: 'a-due-today', listing_id: untold.id, due_date: asOf, done: false },
    { id: 'a-late', listing_id: untold.id, due_date: '2026-11-30', done: false },
    { id: 'a-later', listing_id: told.id, due_date: '2026-12-01', done: false },
    { id: 'a-done', listing_id: told.id, due_date: '2026-11-20', done: true },
    { id: 'a-soon', listing_id: missing.id, due_date: '2026-12-04', done: false },
  ];
  const plan = coordinatorPlan({ meetings, listings, actions }, asOf, 28);

  it('upcoming: planned meetings from the census date within the horizon, soonest first, untimed last that day', () => {
    expect(plan.upcoming.map((u) => u.meeting.id)).toEqual(['today', 'soon', 'later-same-day']);
    expect(plan.upcoming[1]!.summary).toEqual({ listed: 2, ready: 1, outstanding_items: 2, outcomes_recorded: 0, outcomes_to_communicate: 0, open_actions: 1 });
    expect(coordinatorPlan({ meetings, listings, actions }, asOf, 29).upcoming.map((u) => u.meeting.id)).toContain('beyond');
  });

  it('not ready: listings at upcoming meetings with their missing items', () => {
    expect(plan.not_ready.map((e) => [e.listing.id, e.outstanding])).toEqual([[missing.id, ['Imaging', 'Histology']]]);
  });

  it('to communicate: outcomes at meetings up to the census date not told by then, longest waiting first', () => {
    expect(plan.to_communicate.map((e) => [e.listing.id, e.days_since_meeting])).toEqual([
      [untold.id, 7],
      [toldLater.id, 7],
    ]);
  });

  it('overdue: open actions due before the census date, most overdue first', () => {
    expect(plan.overdue_actions.map((e) => [e.action.id, e.days_overdue])).toEqual([
      ['a-late', 3],
      ['a-later', 2],
    ]);
    expect(plan.overdue_actions[0]!.listing.id).toBe(untold.id);
  });

  it('an empty desk is empty', () => {
    expect(coordinatorPlan({ meetings: [], listings: [], actions: [] }, asOf, 28)).toEqual({ upcoming: [], not_ready: [], to_communicate: [], overdue_actions: [] });
  });
});
