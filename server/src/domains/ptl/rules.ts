import type { ErrorDetail } from '../../contract/errors.js';
import type { PathwayType, PtlEventType } from '../../contract/ptl.js';
import { computeClock, type ClockEvent } from './clock.js';
import type { DerivedClock, EventRow } from './repo.js';

/** Date rules a schema cannot see: nothing in the future, and no clock start before the referral. */
export function pathwayDateProblems(p: { referral_date: string; clock_start_date: string }, today: string): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  if (p.referral_date > today) problems.push({ path: 'referral_date', message: 'The referral date cannot be in the future' });
  if (p.clock_start_date > today) problems.push({ path: 'clock_start_date', message: 'The clock start cannot be in the future' });
  if (p.clock_start_date < p.referral_date) {
    problems.push({ path: 'clock_start_date', message: 'The clock cannot start before the referral was received' });
  }
  return problems;
}

/**
 * Why an event cannot be recorded on this date, or null: never in the future, and never before the
 * pathway's clock start. `field` names the request field the date came from.
 */
export function eventDateProblem(clockStartDate: string, eventDate: string, today: string, field = 'event_date'): ErrorDetail | null {
  if (eventDate > today) return { path: field, message: 'An event cannot be in the future' };
  if (eventDate < clockStartDate) return { path: field, message: `The clock started on ${clockStartDate}; an event cannot be earlier` };
  return null;
}

export function toClockEvents(events: readonly EventRow[]): ClockEvent[] {
  return events.map((e) => ({ id: e.id, event_type: e.event_type as PtlEventType, event_date: e.event_date, appointment_communicated: e.appointment_communicated }));
}

/** Runs the engine and keeps what the list needs to filter and sort in SQL. */
export function clockFor(p: { clock_start_date: string; pathway_type: string }, events: readonly EventRow[], today: string) {
  const result = computeClock({ clock_start_date: p.clock_start_date, pathway_type: p.pathway_type as PathwayType, events: toClockEvents(events) }, today);
  const derived: DerivedClock = {
    clock_state: result.clock.state,
    clock_period_start: result.clock.start_date,
    clock_stop_date: result.clock.stop_date,
    on_ptl: result.clock.on_ptl,
  };
  return { result, derived };
}
