// The booking's rows as other modules read them: the registers of missed and cancelled
// appointments (the `dna` and `cancellations` trackers are read-only views over them) and the
// new-patient slots a week per specialty (the `capacity` tracker's supply). Read as the caller, so
// row-level security decides whose rows exist; an admin naming a trainee is on the oversight log.
import { z } from 'zod';
import type { AuthContext } from '../../auth/context.js';
import type { AppointmentStatus } from '../../contract/booking.js';
import type { Db, Queryable } from '../../db/types.js';
import { notFound } from '../../errors.js';
import { CursorParts, decodeCursor, pageOf } from '../../kit/cursor.js';
import type { DomainServices } from '../registry.js';
import { readerFor, recordIfSomeoneElses } from './access.js';
import { bookingNote } from './outcomes.js';

/** The PTL's services, as the registry hands them over (domains never import each other). */
type PtlService = DomainServices['ptl'];

/** One missed or cancelled appointment, with its clinic and what it did to the RTT clock. */
export interface RegisterRow {
  id: string;
  user_id: string;
  clinic_id: string;
  clinic_name: string;
  date: string;
  start_time: string;
  kind: 'new' | 'follow_up';
  pathway_id: string | null;
  patient_id: string;
  patient_name: string;
  status: AppointmentStatus;
  outcome_date: string | null;
  discharge_date: string | null;
  rebooked_as: string | null;
  /** The date of the appointment it was rebooked as. */
  rebooked_date: string | null;
  version: number;
  created_at: Date;
  updated_at: Date;
  /** The PTL engine's words for the clock's state after this appointment's events; null without a pathway. */
  rtt_effect: string | null;
}

export interface RegisterQuery {
  limit: number;
  cursor?: string | undefined;
  status?: string | undefined;
  pathway_id?: string | undefined;
  q?: string | undefined;
  user_id?: string | undefined;
}

const CursorSchema = z.tuple([CursorParts.date, CursorParts.text, CursorParts.id]);

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

const REGISTER_SELECT = `a.id, a.user_id, a.clinic_id, c.name as clinic_name, a.date, to_char(a.start_time, 'HH24:MI') as start_time,
  a.kind, a.pathway_id, a.patient_id, a.patient_name, a.status, a.outcome_date, a.discharge_date, a.rebooked_as,
  r.date as rebooked_date, a.version, a.created_at, a.updated_at`;
const REGISTER_FROM = `public.appointments a
  join public.clinic_templates c on c.id = a.clinic_id
  left join public.appointments r on r.id = a.rebooked_as`;

export function createRegisters({ db, ptl }: { db: Db; ptl: PtlService }) {
  /** Adds each row's RTT effect: the engine's explanation of the clock right after the appointment's events. */
  async function withEffects(tx: Queryable, userId: string, rows: Omit<RegisterRow, 'rtt_effect'>[], census: string): Promise<RegisterRow[]> {
    const linked = rows.filter((r) => r.pathway_id !== null);
    const events = await ptl.eventsByNotesIn(tx, [...new Set(linked.map((r) => r.pathway_id!))], linked.map((r) => bookingNote(r.id)));
    const effects = await ptl.eventEffectsIn(tx, userId, events.map((e) => ({ id: e.id, pathway_id: e.pathway_id })), census);
    const effectOf = new Map<string, string>();
    // An appointment's outcome can write two events (a DNA and a discharge): the later one says where the clock ended up.
    for (const e of [...events].sort((x, y) => x.event_date.localeCompare(y.event_date))) {
      const text = effects.get(e.id);
      if (text) effectOf.set(e.note, text);
    }
    return rows.map((r) => ({ ...r, rtt_effect: r.pathway_id ? (effectOf.get(bookingNote(r.id)) ?? 'No RTT event recorded') : null }));
  }

  return {
    /** A page of the caller's appointments in `statuses`, the latest first, optionally one status, pathway or search. */
    async page(auth: AuthContext, statuses: readonly AppointmentStatus[], q: RegisterQuery, census: string, action: string) {
      return db.asUser(auth.claims, async (tx) => {
        const userId = await readerFor(tx, auth, q.user_id, action);
        const params: unknown[] = [userId, q.status ? statuses.filter((s) => s === q.status) : statuses];
        const p = (v: unknown) => {
          params.push(v);
          return `$${params.length}`;
        };
        const where = ['a.user_id = $1', 'a.status = any($2::text[])'];
        if (q.pathway_id) where.push(`a.pathway_id = ${p(q.pathway_id)}`);
        if (q.q) {
          const like = p(`%${escapeLike(q.q)}%`);
          where.push(`(a.patient_name ilike ${like} or a.patient_id ilike ${like} or c.name ilike ${like})`);
        }
        const after = q.cursor ? decodeCursor(q.cursor, CursorSchema) : null;
        if (after) where.push(`(a.date, a.start_time, a.id) < (${p(after[0])}::date, ${p(after[1])}::time, ${p(after[2])}::uuid)`);
        const { rows } = await tx.query<Omit<RegisterRow, 'rtt_effect'>>(
          `select ${REGISTER_SELECT} from ${REGISTER_FROM} where ${where.join(' and ')}
            order by a.date desc, a.start_time desc, a.id desc limit ${p(q.limit + 1)}`,
          params,
        );
        const shown = await withEffects(tx, userId, rows.slice(0, q.limit), census);
        return pageOf([...shown, ...rows.slice(q.limit).map((r) => ({ ...r, rtt_effect: null }))], q.limit, (r) => r, (r) => [r.date, r.start_time, r.id]);
      });
    },

    /** One of the caller's appointments in `statuses` (another user's, or another status: 404). */
    async row(auth: AuthContext, statuses: readonly AppointmentStatus[], id: string, census: string, action: string): Promise<RegisterRow> {
      return db.asUser(auth.claims, async (tx) => {
        const { rows } = await tx.query<Omit<RegisterRow, 'rtt_effect'>>(
          `select ${REGISTER_SELECT} from ${REGISTER_FROM} where a.id = $1 and a.status = any($2::text[])`,
          [id, statuses],
        );
        const row = rows[0];
        if (!row) throw notFound('This appointment does not exist, or it is not yours');
        await recordIfSomeoneElses(tx, auth, row.user_id, action, id);
        return (await withEffects(tx, row.user_id, [row], census))[0]!;
      });
    },

    /**
     * New-patient slots a week per specialty: the `new_slots` of each template in force on `date`
     * (each template is one clinic session a week, on its weekday).
     */
    async weeklyNewSlotsIn(tx: Queryable, userId: string, date: string): Promise<Map<string, number>> {
      const { rows } = await tx.query<{ specialty: string; slots: number }>(
        `select specialty, sum(new_slots)::int as slots from public.clinic_templates
          where user_id = $1 and valid_from <= $2::date and (valid_to is null or valid_to >= $2::date)
          group by specialty`,
        [userId, date],
      );
      return new Map(rows.map((r) => [r.specialty, r.slots]));
    },
  };
}
