// The clinic booking service: clinic templates (the module kit's owned resource, with the rules a
// template has beyond it), slot generation, slots, bank holidays, the day list, the week's capacity
// grid and the statistics; appointments are in appointments.ts.
import { z } from 'zod';
import type { AuthContext } from '../../auth/context.js';
import type {
  BankHolidaysResponse,
  BookingStats,
  BookingStatsRow,
  CapacityResponse,
  ClinicDay,
  ClinicTemplate,
  ClinicUpdateResponse,
  Slot,
  SlotGenerateResult,
  SlotListQuery,
} from '../../contract/booking.js';
import { MAX_RANGE_DAYS } from '../../contract/booking.js';
import type { Page } from '../../contract/pagination.js';
import type { Db, Queryable } from '../../db/types.js';
import { conflict, validationFailed } from '../../errors.js';
import { CursorParts, decodeCursor, pageOf } from '../../kit/cursor.js';
import { ownedResource } from '../../kit/owned-resource.js';
import type { ExportSections, ModuleFacts } from '../facts.js';
import type { DomainServices } from '../registry.js';
import { own, readerFor, recordIfSomeoneElses } from './access.js';
import { createAppointmentsService } from './appointments.js';
import { createRegisters } from './registers.js';
import { bankHolidayLookup, bankHolidays } from './bank-holidays.js';
import { presentClinic, presentSlot } from './present.js';
import * as repo from './repo.js';
import { addDays, daysBetween, mondayOf, planSlots, templateProblems, type TemplateShape } from './slots.js';

/** The PTL's services, as the registry hands them over (domains never import each other). */
type PtlService = DomainServices['ptl'];

const WRITABLE = ['name', 'specialty', 'clinician', 'weekday', 'start_time', 'end_time', 'slot_minutes', 'new_slots', 'valid_from', 'valid_to', 'cancelled_dates'] as const;

const SlotCursorSchema = z.tuple([CursorParts.date, CursorParts.text, CursorParts.id]);

/** The default statistics window: the 28 days to the end date. */
const STATS_DEFAULT_DAYS = 28;

const ratio = (part: number, whole: number) => (whole > 0 ? part / whole : null);

function statsRow(c: Omit<BookingStatsRow, 'utilisation' | 'dna_rate'>): BookingStatsRow {
  return { ...c, utilisation: ratio(c.used, c.slots), dna_rate: ratio(c.dna, c.attended + c.dna) };
}

export type BookingService = ReturnType<typeof createBookingService>;

export function createBookingService({ db, ptl, today }: { db: Db; ptl: PtlService; today: () => string }) {
  const appointments = createAppointmentsService({ db, ptl, today });
  const registers = createRegisters({ db, ptl });

  const clinics = ownedResource<repo.ClinicRow, ClinicTemplate>(
    db,
    {
      noun: 'clinic',
      table: 'public.clinic_templates',
      select: repo.CLINIC_SELECT,
      insertColumns: WRITABLE,
      updateColumns: WRITABLE,
      filters: {
        specialty: (v: string, p) => `t.specialty = ${p(v)}`,
        weekday: (v: number, p) => `t.weekday = ${p(v)}`,
      },
      search: ['t.name', 't.clinician'],
      sort: {
        keys: [
          { expr: 't.weekday', type: 'int' },
          { expr: "to_char(t.start_time, 'HH24:MI')", type: 'text' },
        ],
        dir: 'asc',
      },
      // capacity ≥ 1 and new_slots ≤ capacity, on the template as it would be after the write.
      check: (next) => templateProblems(next as unknown as TemplateShape),
      present: presentClinic,
    },
    today,
  );

  return {
    clinics: {
      list: clinics.list,
      get: clinics.get,
      create: clinics.create,

      /**
       * Changes a template (409 when stale). A date newly in `cancelled_dates` cancels that day's
       * free slots; the appointments still booked on it are listed, as they need a hospital
       * cancellation (or a rebooking) from someone who can tell the patient.
       */
      async update(auth: AuthContext, id: string, input: { version: number } & Record<string, unknown>): Promise<ClinicUpdateResponse> {
        const { version, ...changes } = input;
        return db.asUser(auth.claims, async (tx) => {
          const before = own(await repo.lockClinic(tx, id), auth, 'clinic');
          const { after } = await clinics.updateIn(tx, id, version, changes);
          const added = ((changes.cancelled_dates as string[] | undefined) ?? []).filter((d) => !before.cancelled_dates.includes(d));
          await repo.cancelFreeSlotsOn(tx, id, added);
          const affected = await repo.bookedAppointmentsOn(tx, id, added);
          return { ...presentClinic(after), affected_appointments: await appointments.presentIn(tx, affected) };
        });
      },

      /** Deletes a template and its slots; 409 while any slot holds an appointment (its history keeps the clinic: end it with `valid_to`). */
      async remove(auth: AuthContext, id: string): Promise<void> {
        await db.asUser(auth.claims, async (tx) => {
          own(await repo.lockClinic(tx, id), auth, 'clinic');
          if (await repo.clinicHasAppointments(tx, id)) {
            throw conflict('This clinic has appointments in its slots, so it cannot be deleted; end it with valid_to instead');
          }
          await clinics.removeIn(tx, id);
        });
      },

      /**
       * Creates the template's missing slots over `[from, to]`, skipping bank holidays and cancelled
       * dates, in one statement; a re-run creates only what is missing (the unique key).
       */
      async generateSlots(auth: AuthContext, id: string, range: { from: string; to: string }): Promise<SlotGenerateResult> {
        return db.asUser(auth.claims, async (tx) => {
          const clinic = own(await repo.lockClinic(tx, id), auth, 'clinic');
          const plan = planSlots(clinic, range.from, range.to, bankHolidayLookup());
          const created = await repo.insertSlots(tx, auth.account.id, id, plan.slots);
          return { created, existing: plan.slots.length - created, skipped: plan.skipped };
        });
      },

      /** A clinic's list for one day: every slot in time order, with the appointment holding it. */
      async day(auth: AuthContext, id: string, date: string | undefined): Promise<ClinicDay> {
        const day = date ?? today();
        return db.asUser(auth.claims, async (tx) => {
          const clinic = await repo.findClinic(tx, id);
          if (!clinic) throw clinics.hidden();
          await recordIfSomeoneElses(tx, auth, clinic.user_id, 'clinic_templates.day', id);
          const slots = await repo.slotsOfDay(tx, id, day);
          const held = await appointments.presentIn(tx, await repo.appointmentsById(tx, slots.flatMap((s) => s.appointment_id ?? [])));
          const byId = new Map(held.map((a) => [a.id, a]));
          return {
            clinic: presentClinic(clinic),
            date: day,
            bank_holiday: bankHolidayLookup()(day),
            cancelled_date: clinic.cancelled_dates.includes(day),
            slots: slots.map((s) => ({ ...presentSlot(s), appointment: (s.appointment_id && byId.get(s.appointment_id)) || null })),
          };
        });
      },
    },

    slots: {
      async list(auth: AuthContext, q: SlotListQuery): Promise<Page<Slot>> {
        return db.asUser(auth.claims, async (tx) => {
          const userId = await readerFor(tx, auth, q.user_id, 'clinic_slots.list');
          const after = q.cursor ? decodeCursor(q.cursor, SlotCursorSchema) : null;
          const rows = await repo.listSlots(tx, userId, q, after);
          return pageOf(rows, q.limit, presentSlot, (r) => [r.date, r.start_time, r.id]);
        });
      },

      /** Cancels or reopens a slot (409 when stale, and when cancelling a slot an appointment holds). */
      async update(auth: AuthContext, id: string, input: { version: number; cancelled: boolean }): Promise<Slot> {
        return db.asUser(auth.claims, async (tx) => {
          const slot = own(await repo.findSlot(tx, id, 'update'), auth, 'slot');
          if (slot.version !== input.version) throw conflict('This slot was changed since you opened it; reload and try again');
          if (input.cancelled && slot.appointment_id) throw conflict('This slot is booked: cancel or rebook its appointment first');
          if (slot.cancelled !== input.cancelled) await repo.setSlotCancelled(tx, id, input.cancelled);
          return presentSlot((await repo.findSlot(tx, id))!);
        });
      },
    },

    appointments,

    /** Missed and cancelled appointments as registers, and new-patient supply per specialty (the trackers' views). */
    registers,

    /** The person's clinic templates, slots and appointments, for their personal-data export (their transaction). */
    async exportFor(tx: Queryable, userId: string): Promise<Pick<ExportSections, 'clinic_templates' | 'clinic_slots' | 'appointments'>> {
      return {
        clinic_templates: (await repo.exportClinics(tx, userId)).map(presentClinic),
        clinic_slots: (await repo.exportSlots(tx, userId)).map(presentSlot),
        appointments: await appointments.presentIn(tx, await repo.exportAppointments(tx, userId)),
      };
    },

    /** The portfolio's counts for the booking module, in the viewer's transaction. */
    async portfolioFacts(tx: Queryable, userId: string): Promise<ModuleFacts> {
      const { clinics: n, appointments: booked, attended, dna, last_at } = await repo.bookingFacts(tx, userId);
      return {
        counts: { clinics: n, appointments: booked, attended, dna },
        summary: `${n} ${n === 1 ? 'clinic' : 'clinics'}, ${booked} ${booked === 1 ? 'appointment' : 'appointments'} (${attended} attended, ${dna} did not attend)`,
        last_at,
      };
    },

    bankHolidays(year: number | undefined): BankHolidaysResponse {
      const y = year ?? Number(today().slice(0, 4));
      return { year: y, dates: bankHolidays(y) };
    },

    /** Per clinic and day of a week: slots, booked, free and cancelled. */
    async capacity(auth: AuthContext, q: { week?: string | undefined; user_id?: string | undefined }): Promise<CapacityResponse> {
      const monday = q.week ?? mondayOf(today());
      return db.asUser(auth.claims, async (tx) => {
        const userId = await readerFor(tx, auth, q.user_id, 'booking.capacity', { week: monday });
        const clinicRows = await repo.clinicsOfWeek(tx, userId, monday);
        const counts = new Map((await repo.capacityCounts(tx, userId, monday)).map((c) => [`${c.clinic_id} ${c.date}`, c]));
        const dates = Array.from({ length: 7 }, (_, i) => addDays(monday, i));
        return {
          week: monday,
          clinics: clinicRows.map((c) => ({
            clinic_id: c.id,
            name: c.name,
            specialty: c.specialty,
            clinician: c.clinician,
            days: dates.map((date) => {
              const n = counts.get(`${c.id} ${date}`) ?? { slots: 0, booked: 0, cancelled: 0 };
              return { date, slots: n.slots, booked: n.booked, free: n.slots - n.booked - n.cancelled, cancelled: n.cancelled };
            }),
          })),
        };
      });
    },

    /** Utilisation (used ÷ slots not cancelled) and DNA rate (dna ÷ (attended + dna)), per clinic and overall. */
    async stats(auth: AuthContext, q: { from?: string | undefined; to?: string | undefined; user_id?: string | undefined }): Promise<BookingStats> {
      const to = q.to ?? (q.from ? addDays(q.from, STATS_DEFAULT_DAYS - 1) : today());
      const from = q.from ?? addDays(to, -(STATS_DEFAULT_DAYS - 1));
      const span = daysBetween(from, to);
      if (span < 0) throw validationFailed('Check the dates', [{ path: 'to', message: '`to` cannot be before `from`' }]);
      if (span > MAX_RANGE_DAYS) throw validationFailed('Check the dates', [{ path: 'to', message: `At most ${MAX_RANGE_DAYS} days from \`from\`` }]);
      return db.asUser(auth.claims, async (tx) => {
        const userId = await readerFor(tx, auth, q.user_id, 'booking.stats', { from, to });
        const rows = await repo.statsCounts(tx, userId, from, to);
        const sum = (k: keyof repo.StatsCount) => rows.reduce((n, r) => n + (r[k] as number), 0);
        return {
          from,
          to,
          clinics: rows.map(({ clinic_id, name, ...c }) => ({ clinic_id, name, ...statsRow(c) })),
          overall: statsRow({
            slots: sum('slots'),
            cancelled_slots: sum('cancelled_slots'),
            used: sum('used'),
            booked: sum('booked'),
            attended: sum('attended'),
            dna: sum('dna'),
            patient_cancelled: sum('patient_cancelled'),
            hospital_cancelled: sum('hospital_cancelled'),
          }),
        };
      });
    },
  };
}
