import { addDays } from '../../lib/dates';

/**
 * The booking pages' pure helpers: clinic times and weekdays, the computed capacity the server
 * will store (shown while the template is typed), and the pages' addresses.
 */

export const WEEKDAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;

/** ISO weekday (1 = Monday … 7 = Sunday) → its name. */
export function weekdayName(weekday: number): string {
  return WEEKDAY_NAMES[weekday - 1] ?? `Day ${weekday}`;
}

/** The ISO weekday (1 = Monday) of a `YYYY-MM-DD` date. */
export function isoWeekday(iso: string): number {
  const day = new Date(`${iso}T00:00:00Z`).getUTCDay(); // 0 = Sunday
  return day === 0 ? 7 : day;
}

/** The first date on or after `iso` that falls on `weekday`. */
export function nextOnWeekday(iso: string, weekday: number): string {
  return addDays(iso, (weekday - isoWeekday(iso) + 7) % 7);
}

/** `"09:30"` → 570; anything else → null. */
export function minutesOf(time: string): number | null {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(time);
  return match ? Number(match[1]) * 60 + Number(match[2]) : null;
}

/** 570 → `"09:30"`. */
export function timeOf(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}

/**
 * Slots per session as the contract computes it: ⌊(end − start) ÷ slot length⌋; null while the
 * times or the length are not (yet) valid, so the form can say what is missing instead of "0".
 */
export function capacityOf(startTime: string, endTime: string, slotMinutes: number): number | null {
  const start = minutesOf(startTime);
  const end = minutesOf(endTime);
  if (start === null || end === null || !Number.isInteger(slotMinutes) || slotMinutes < 5 || slotMinutes > 240) return null;
  if (end <= start) return null;
  return Math.floor((end - start) / slotMinutes);
}

/** The slot times of one session: `start + k·length` for k < capacity. */
export function sessionTimes(startTime: string, endTime: string, slotMinutes: number): string[] {
  const capacity = capacityOf(startTime, endTime, slotMinutes) ?? 0;
  const start = minutesOf(startTime) ?? 0;
  return Array.from({ length: capacity }, (_, k) => timeOf(start + k * slotMinutes));
}

/** `0.834` → `83%`; `null` (nothing to divide) → `—`. */
export function formatRate(rate: number | null | undefined): string {
  if (rate === null || rate === undefined || Number.isNaN(rate)) return '—';
  return `${Math.round(rate * 1000) / 10}%`.replace('.0%', '%');
}

export const bookingHref = '/booking';
export const clinicHref = (id: string): string => `/booking/clinics/${encodeURIComponent(id)}`;
export const clinicDayHref = (id: string, date: string): string => `${clinicHref(id)}/day?date=${date}`;
export const appointmentHref = (id: string): string => `/booking/appointments/${encodeURIComponent(id)}`;
export const capacityHref = (week?: string): string => `/booking/capacity${week ? `?week=${week}` : ''}`;

/** The booking flow, with whatever is already chosen. */
export function bookHref(choice: { clinic_id?: string; date?: string; slot_id?: string; pathway_id?: string } = {}): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(choice)) if (value) search.set(key, value);
  const text = search.toString();
  return `/booking/book${text ? `?${text}` : ''}`;
}

/** Per date, how a clinic's slots stand: for the clinic page's list of sessions. */
export interface SessionSummary {
  date: string;
  total: number;
  free: number;
  booked: number;
  cancelled: number;
}

export function summariseByDate(slots: readonly { date: string; status: 'free' | 'booked' | 'cancelled' }[]): SessionSummary[] {
  const byDate = new Map<string, SessionSummary>();
  for (const slot of slots) {
    let day = byDate.get(slot.date);
    if (!day) {
      day = { date: slot.date, total: 0, free: 0, booked: 0, cancelled: 0 };
      byDate.set(slot.date, day);
    }
    day.total++;
    day[slot.status]++;
  }
  return [...byDate.values()].sort((a, b) => a.date.localeCompare(b.date));
}

/** The template's next session on or after `today`: its weekday, within its validity, not a cancelled date (bank holidays are the server's to know). */
export function nextSessionDate(
  clinic: { weekday: number; valid_from: string; valid_to: string | null; cancelled_dates: readonly string[] },
  today: string,
): string {
  let date = nextOnWeekday(clinic.valid_from > today ? clinic.valid_from : today, clinic.weekday);
  for (let i = 0; i < 60 && clinic.cancelled_dates.includes(date); i++) date = addDays(date, 7);
  return date;
}
