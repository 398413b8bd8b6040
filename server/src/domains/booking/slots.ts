/**
 * Clinic templates and the slots they generate. Pure: no I/O, no clock. The database makes a
 * re-run idempotent (a unique `(clinic_id, date, start_time)`); this decides which slots a template
 * should have over a range of dates, and which dates it skips and why.
 */
import type { SkipReason, SlotKind } from '../../contract/booking.js';
import type { ErrorDetail } from '../../contract/errors.js';

export interface TemplateShape {
  /** ISO weekday, 1 = Monday … 7 = Sunday. */
  weekday: number;
  /** `HH:MM` (or `HH:MM:SS` as PostgreSQL gives a `time`). */
  start_time: string;
  end_time: string;
  slot_minutes: number;
  new_slots: number;
  valid_from: string;
  valid_to: string | null;
  cancelled_dates: readonly string[];
}

export interface PlannedSlot {
  date: string;
  start_time: string;
  end_time: string;
  kind: SlotKind;
}

export interface SlotPlan {
  slots: PlannedSlot[];
  skipped: { date: string; reason: SkipReason }[];
}

const DAY_MS = 86_400_000;

/** Minutes after midnight of `HH:MM` or `HH:MM:SS`. */
export function minutesOf(time: string): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

/** `HH:MM` of minutes after midnight. */
export function timeOf(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** Slots per session: ⌊(end − start) ÷ slot_minutes⌋ (0 when the times are the wrong way round). */
export function capacityOf(t: Pick<TemplateShape, 'start_time' | 'end_time' | 'slot_minutes'>): number {
  return Math.max(0, Math.floor((minutesOf(t.end_time) - minutesOf(t.start_time)) / t.slot_minutes));
}

export function addDays(date: string, n: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** ISO weekday of a date: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: string): number {
  return ((new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;
}

/** The Monday of the week a date falls in. */
export function mondayOf(date: string): string {
  return addDays(date, 1 - isoWeekday(date));
}

/** What is wrong with a template as it would be after a write, field by field. */
export function templateProblems(t: TemplateShape): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  const length = minutesOf(t.end_time) - minutesOf(t.start_time);
  const capacity = capacityOf(t);
  if (length <= 0) problems.push({ path: 'end_time', message: 'The clinic must end after it starts' });
  else if (capacity < 1) problems.push({ path: 'slot_minutes', message: `A ${t.slot_minutes}-minute slot does not fit in a ${length}-minute clinic` });
  else if (t.new_slots > capacity) {
    problems.push({ path: 'new_slots', message: `The clinic has ${capacity} slot${capacity === 1 ? '' : 's'}, so at most ${capacity} can be for new patients` });
  }
  if (t.valid_to !== null && t.valid_to < t.valid_from) problems.push({ path: 'valid_to', message: 'The template cannot end before it starts' });
  return problems;
}

/** The slots of one session: `capacity` of them from the start, the first `new_slots` for new patients. */
export function sessionSlots(t: TemplateShape, date: string): PlannedSlot[] {
  const start = minutesOf(t.start_time);
  return Array.from({ length: capacityOf(t) }, (_, k) => ({
    date,
    start_time: timeOf(start + k * t.slot_minutes),
    end_time: timeOf(start + (k + 1) * t.slot_minutes),
    kind: k < t.new_slots ? 'new' : 'follow_up',
  }));
}

/**
 * The slots a template should have on the dates of `[from, to]` ∩ `[valid_from, valid_to]` that fall
 * on its weekday: none on a bank holiday or a cancelled date (each reported in `skipped`, a bank
 * holiday first when a date is both), `capacity` slots on every other.
 */
export function planSlots(t: TemplateShape, from: string, to: string, bankHoliday: (date: string) => string | null): SlotPlan {
  const first = from > t.valid_from ? from : t.valid_from;
  const last = t.valid_to !== null && t.valid_to < to ? t.valid_to : to;
  const plan: SlotPlan = { slots: [], skipped: [] };
  if (first > last) return plan;
  const cancelled = new Set(t.cancelled_dates);
  for (let date = addDays(first, (t.weekday - isoWeekday(first) + 7) % 7); date <= last; date = addDays(date, 7)) {
    if (bankHoliday(date) !== null) plan.skipped.push({ date, reason: 'bank_holiday' });
    else if (cancelled.has(date)) plan.skipped.push({ date, reason: 'cancelled_date' });
    else plan.slots.push(...sessionSlots(t, date));
  }
  return plan;
}
