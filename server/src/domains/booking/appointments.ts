// Appointments: booking a slot, outcomes and their undoing, rebooking, and the RTT events each of
// them writes on the linked PTL pathway — always in the same transaction as the appointment change,
// through the PTL service's in-transaction functions, so the pathway's clock and its explanation
// are re-derived by the PTL engine and never disagree with the appointment.
import { z } from 'zod';
import type { AuthContext } from '../../auth/context.js';
import type {
  Appointment,
  AppointmentCreateInput,
  AppointmentListQuery,
  AppointmentOutcomeInput,
  AppointmentOutcomeResponse,
  AppointmentRebookInput,
} from '../../contract/booking.js';
import type { Page } from '../../contract/pagination.js';
import type { Db, Queryable } from '../../db/types.js';
import { conflict, notFound, validationFailed } from '../../errors.js';
import { CursorParts, decodeCursor, encodeCursor } from '../../kit/cursor.js';
import type { DomainServices } from '../registry.js';
import { own, readerFor, recordIfSomeoneElses } from './access.js';
import { BOOKING_EVENT_TYPES, bookingEvents, bookingNote, outcomeEvents, settleOutcome, type SettledOutcome } from './outcomes.js';
import { presentAppointment } from './present.js';
import * as repo from './repo.js';

/** The PTL's services, as the registry hands them over (domains never import each other). */
type PtlService = DomainServices['ptl'];

const CursorSchema = z.tuple([CursorParts.date, CursorParts.text, CursorParts.id]);

/** What a booking needs, whichever route makes it (a new booking or a rebooking). */
interface BookingRequest {
  slot_id: string;
  pathway_id: string | null;
  /** Used only without a pathway: with one, the patient is the pathway's. */
  patient: { patient_id: string; patient_name: string } | null;
  booked_on: string;
  communicated: boolean;
}

const isUniqueViolation = (err: unknown) => (err as { code?: string }).code === '23505';
const slotTaken = () => conflict('This slot was booked a moment ago by another booking; choose another slot');

export type AppointmentsService = ReturnType<typeof createAppointmentsService>;

export function createAppointmentsService({ db, ptl, today }: { db: Db; ptl: PtlService; today: () => string }) {
  /** The RTT event ids of each appointment: its pathway's events noted `booking:<id>`. */
  async function eventIdsOf(tx: Queryable, rows: readonly repo.AppointmentRow[]): Promise<Map<string, string[]>> {
    const linked = rows.filter((r) => r.pathway_id !== null);
    const byNote = new Map<string, string[]>();
    const events = await ptl.eventsByNotesIn(tx, [...new Set(linked.map((r) => r.pathway_id!))], linked.map((r) => bookingNote(r.id)));
    for (const e of events) byNote.set(e.note, [...(byNote.get(e.note) ?? []), e.id]);
    return new Map(rows.map((r) => [r.id, byNote.get(bookingNote(r.id)) ?? []]));
  }

  async function presentIn(tx: Queryable, rows: readonly repo.AppointmentRow[]): Promise<Appointment[]> {
    const ids = await eventIdsOf(tx, rows);
    return rows.map((r) => presentAppointment(r, ids.get(r.id) ?? []));
  }

  const presentOneIn = async (tx: Queryable, row: repo.AppointmentRow) => (await presentIn(tx, [row]))[0]!;

  /** The events an appointment wrote on its pathway, optionally only those of its outcome. */
  async function ownEvents(tx: Queryable, a: repo.AppointmentRow, which: 'all' | 'outcome'): Promise<string[]> {
    if (!a.pathway_id) return [];
    const events = await ptl.eventsByNotesIn(tx, [a.pathway_id], [bookingNote(a.id)]);
    return events.filter((e) => which === 'all' || !BOOKING_EVENT_TYPES.includes(e.event_type as never)).map((e) => e.id);
  }

  async function lockOwn(tx: Queryable, auth: AuthContext, id: string): Promise<repo.AppointmentRow> {
    return own(await repo.findAppointment(tx, id, { lock: true }), auth, 'appointment');
  }

  /**
   * Books a slot inside the caller's transaction. The slot is locked for share: concurrent
   * bookings of it all reach the insert, where the partial unique index lets exactly one through
   * (the others fail with 23505, turned into 409 by the route's caller), while a cancellation of
   * the slot waits. A booking made while the pathway's clock is nullified restarts it (§1.5).
   * `bookedOnField` names the request field `booked_on` came from, for a 400.
   */
  async function bookIn(tx: Queryable, auth: AuthContext, req: BookingRequest, bookedOnField: string, census: string): Promise<repo.AppointmentRow> {
    const userId = auth.account.id;
    const slot = own(await repo.findSlot(tx, req.slot_id, 'share'), auth, 'slot');
    // Every link is checked before anything else is said about the request: another user's row is simply not there.
    const pathway = req.pathway_id ? await ptl.findIn(tx, userId, req.pathway_id) : null;
    if (req.pathway_id && !pathway) throw notFound('No such pathway on your PTL');
    if (slot.cancelled) throw conflict('This slot is cancelled; choose another slot');
    if (slot.appointment_id) throw conflict('This slot is already booked; choose another slot');
    if (req.booked_on > census) throw validationFailed('Check the booking date', [{ path: bookedOnField, message: 'The booking date cannot be in the future' }]);
    if (req.booked_on > slot.date) {
      throw validationFailed('Check the booking date', [{ path: bookedOnField, message: `The appointment is on ${slot.date}; it cannot be booked after that day` }]);
    }
    let patient = req.patient;
    let clock: 'running' | 'stopped' | 'nullified' = 'running';
    if (req.pathway_id && pathway) {
      patient = { patient_id: pathway.patient_id, patient_name: pathway.patient_name };
      const { clock: now } = await ptl.detailIn(tx, userId, req.pathway_id, census);
      clock = now.state;
      if (clock === 'nullified' && now.stop_date !== null && req.booked_on < now.stop_date) {
        throw validationFailed('Check the booking date', [
          { path: bookedOnField, message: `The clock was nullified by the missed first appointment on ${now.stop_date}; a rebooking after it cannot be dated earlier` },
        ]);
      }
    }
    const row = await repo.insertAppointment(tx, userId, { slot_id: req.slot_id, pathway_id: req.pathway_id, ...patient!, booked_on: req.booked_on, communicated: req.communicated });
    const events = bookingEvents(row, clock, bookedOnField);
    if (req.pathway_id && events.length > 0) await ptl.recordEventsIn(tx, userId, req.pathway_id, events, census);
    return row;
  }

  /** Records a settled outcome and its RTT events on the appointment's pathway. */
  async function recordOutcomeIn(tx: Queryable, auth: AuthContext, a: repo.AppointmentRow, o: SettledOutcome, census: string, cancellationField?: string) {
    const after = await repo.setOutcome(tx, a.id, o);
    if (a.pathway_id) await ptl.recordEventsIn(tx, auth.account.id, a.pathway_id, outcomeEvents(a, o, cancellationField), census);
    return after;
  }

  async function withSlotRace<T>(fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (err) {
      if (isUniqueViolation(err)) throw slotTaken();
      throw err;
    }
  }

  const stale = () => conflict('This appointment was changed since you opened it; reload and try again');

  return {
    presentIn,

    /** A page of the caller's appointments (or, for an admin, someone's), by date and time. */
    async list(auth: AuthContext, q: AppointmentListQuery): Promise<Page<Appointment>> {
      return db.asUser(auth.claims, async (tx) => {
        const userId = await readerFor(tx, auth, q.user_id, 'appointments.list');
        const after = q.cursor ? decodeCursor(q.cursor, CursorSchema) : null;
        const rows = await repo.listAppointments(tx, userId, q, after);
        const page = rows.slice(0, q.limit);
        const last = page.at(-1);
        return {
          items: await presentIn(tx, page),
          next_cursor: rows.length > q.limit && last ? encodeCursor([last.date, last.start_time, last.id]) : null,
        };
      });
    },

    async get(auth: AuthContext, id: string): Promise<Appointment> {
      return db.asUser(auth.claims, async (tx) => {
        const row = await repo.findAppointment(tx, id);
        if (!row) throw notFound('This appointment does not exist, or it is not yours');
        await recordIfSomeoneElses(tx, auth, row.user_id, 'appointments.view', id);
        return presentOneIn(tx, row);
      });
    },

    /** Books a slot for a PTL pathway's patient, or a patient without one. */
    async book(auth: AuthContext, input: AppointmentCreateInput): Promise<Appointment> {
      const census = today();
      return withSlotRace(() =>
        db.asUser(auth.claims, async (tx) => {
          const row = await bookIn(
            tx,
            auth,
            {
              slot_id: input.slot_id,
              pathway_id: input.pathway_id ?? null,
              patient: input.pathway_id ? null : { patient_id: input.patient_id!, patient_name: input.patient_name! },
              booked_on: input.booked_on ?? census,
              communicated: input.communicated ?? true,
            },
            'booked_on',
            census,
          );
          return presentOneIn(tx, row);
        }),
      );
    },

    /** Records what happened (once: a second outcome is 409), with its RTT events. */
    async outcome(auth: AuthContext, id: string, input: AppointmentOutcomeInput): Promise<AppointmentOutcomeResponse> {
      const census = today();
      return db.asUser(auth.claims, async (tx) => {
        const a = await lockOwn(tx, auth, id);
        if (a.version !== input.version) throw stale();
        if (a.status !== 'booked') throw conflict(`This appointment already has an outcome (${a.status}); undo it first to record another`);
        const settled = settleOutcome(a, input, census);
        if ('problems' in settled) throw validationFailed(settled.problems[0]!.message, settled.problems);
        const after = await recordOutcomeIn(tx, auth, a, settled.outcome, census);
        return {
          appointment: await presentOneIn(tx, after),
          pathway: a.pathway_id ? await ptl.detailIn(tx, auth.account.id, a.pathway_id, census) : null,
        };
      });
    },

    /**
     * Takes the outcome back: its RTT events go (the booking's own stay), the pathway's clock is
     * re-derived without them, and the appointment is booked again — if its slot is still free.
     */
    async undoOutcome(auth: AuthContext, id: string): Promise<AppointmentOutcomeResponse> {
      const census = today();
      return withSlotRace(() =>
        db.asUser(auth.claims, async (tx) => {
          const a = await lockOwn(tx, auth, id);
          if (a.status === 'booked') throw conflict('This appointment has no outcome to undo');
          if (a.rebooked_as) throw conflict('This appointment was rebooked; delete the new booking first, then undo this outcome');
          const slot = (await repo.findSlot(tx, a.slot_id, 'share'))!;
          if (slot.appointment_id && slot.appointment_id !== a.id) throw conflict('Its slot has been booked for someone else since; the outcome stays');
          if (slot.cancelled) throw conflict('Its slot has been cancelled since; the outcome stays');
          if (a.pathway_id) await ptl.removeEventsIn(tx, auth.account.id, a.pathway_id, await ownEvents(tx, a, 'outcome'), census);
          const after = await repo.setOutcome(tx, a.id, null);
          return {
            appointment: await presentOneIn(tx, after),
            pathway: a.pathway_id ? await ptl.detailIn(tx, auth.account.id, a.pathway_id, census) : null,
          };
        }),
      );
    },

    /**
     * One transaction: the old appointment is cancelled (by the patient or the hospital, on
     * `outcome_date`) and points to the new one, booked that same day. An appointment the patient
     * did not attend keeps its DNA and is only linked: the new booking is dated the day the patient
     * called, and restarts a nullified clock from then.
     */
    async rebook(auth: AuthContext, id: string, input: AppointmentRebookInput): Promise<Appointment> {
      const census = today();
      return withSlotRace(() =>
        db.asUser(auth.claims, async (tx) => {
          const old = await lockOwn(tx, auth, id);
          if (old.version !== input.version) throw stale();
          if (input.slot_id === old.slot_id) throw validationFailed('Choose another slot', [{ path: 'slot_id', message: 'This is the slot of the appointment being rebooked' }]);
          let bookedOn = input.outcome_date ?? census;
          if (old.status === 'booked') {
            const settled = settleOutcome(old, { outcome: input.by === 'patient' ? 'patient_cancelled' : 'hospital_cancelled', outcome_date: input.outcome_date }, census);
            if ('problems' in settled) throw validationFailed(settled.problems[0]!.message, settled.problems);
            await recordOutcomeIn(tx, auth, old, settled.outcome, census);
            bookedOn = settled.outcome.outcome_date;
          } else if (old.status === 'dna' && !old.rebooked_as) {
            if (bookedOn < old.date) {
              throw validationFailed('Check the date', [{ path: 'outcome_date', message: `The patient missed the appointment on ${old.date}; a rebooking after it cannot be dated earlier` }]);
            }
          } else {
            throw conflict(old.rebooked_as ? 'This appointment was already rebooked' : `Only a booked appointment, or one the patient did not attend, can be rebooked (this one is ${old.status})`);
          }
          const fresh = await bookIn(
            tx,
            auth,
            {
              slot_id: input.slot_id,
              pathway_id: old.pathway_id,
              patient: old.pathway_id ? null : { patient_id: old.patient_id, patient_name: old.patient_name },
              booked_on: bookedOn,
              communicated: true,
            },
            'outcome_date',
            census,
          );
          await repo.setRebookedAs(tx, old.id, fresh.id);
          return presentOneIn(tx, fresh);
        }),
      );
    },

    /** Deletes a booking that never happened (only while `booked`): its slot is free again, and any restart it wrote goes. */
    async remove(auth: AuthContext, id: string): Promise<void> {
      const census = today();
      await db.asUser(auth.claims, async (tx) => {
        const a = await lockOwn(tx, auth, id);
        if (a.status !== 'booked') throw conflict(`Only a booked appointment can be deleted; this one is ${a.status} — undo its outcome first`);
        if (a.pathway_id) await ptl.removeEventsIn(tx, auth.account.id, a.pathway_id, await ownEvents(tx, a, 'all'), census);
        await repo.deleteAppointment(tx, a.id);
      });
    },
  };
}
