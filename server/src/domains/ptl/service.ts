import type { Writable } from 'node:stream';
import type { z } from 'zod';
import type { Page } from '../../contract/pagination.js';
import {
  RTT_STATUS_BY_EVENT,
  WAIT_GROUPS,
  type Pathway,
  type PathwayCreateSchema,
  type PathwayDetail,
  type PathwayListQuery,
  type PtlEventCreateSchema,
  type PtlImportResult,
  type PtlImportRowError,
  type PtlEventType,
  type PtlStats,
  type WaitGroup,
} from '../../contract/ptl.js';
import { toCsv } from '../../csv/writer.js';
import type { Db, Queryable } from '../../db/types.js';
import { AppError, conflict, notFound, validationFailed } from '../../errors.js';
import type { RealtimeGateway } from '../../realtime/gateway.js';
import type { AuthContext } from '../../auth/context.js';
import { addDays, BREACH_DAYS, monthlyBand, waitGroup } from './clock.js';
import { CsvHeaderError, EXPORT_ONLY_COLUMNS, IMPORT_COLUMNS, parsePtlCsv } from './csv.js';
import { todayInEngland } from '../../kit/dates.js';
import { decodeCursor, encodeCursor } from './list-query.js';
import { presentPathway, presentPathwayDetail } from './present.js';
import * as repo from './repo.js';
import { clockFor, eventDateProblem, pathwayDateProblems } from './rules.js';

const IMPORT_BATCH = 5_000;
const EXPORT_CHUNK = 5_000;

type PathwayInput = z.output<typeof PathwayCreateSchema>;
type EventInput = z.output<typeof PtlEventCreateSchema>;

/**
 * An event another domain records on a pathway inside its own transaction (a booking outcome), with
 * its own `note` (how it finds the event again) and the request field its date came from, which a
 * refusal names.
 */
export interface ForeignEventInput {
  event_type: PtlEventType;
  event_date: string;
  appointment_communicated: boolean;
  note: string;
  field: string;
}

function fieldsOf(p: PathwayInput | repo.PathwayRow): repo.PathwayFieldsRow {
  return {
    patient_id: p.patient_id,
    patient_name: p.patient_name,
    nhs_number: p.nhs_number ?? null,
    specialty: p.specialty,
    referral_date: p.referral_date,
    clock_start_date: p.clock_start_date,
    pathway_type: p.pathway_type,
    priority: p.priority ?? null,
    current_status: p.current_status,
  };
}

function isUniqueViolation(err: unknown) {
  return (err as { code?: string }).code === '23505';
}

export type PtlService = ReturnType<typeof createPtlService>;

export function createPtlService({ db, realtime, today = todayInEngland }: { db: Db; realtime: RealtimeGateway; today?: () => string }) {
  const duplicate = () =>
    new AppError(409, 'conflict', 'A pathway with this patient ID is already on your PTL', [{ path: 'patient_id', message: 'Already on your PTL' }]);

  async function detail(tx: Queryable, userId: string, id: string, censusDate: string): Promise<PathwayDetail> {
    const row = await repo.findPathway(tx, userId, id);
    if (!row) throw notFound('No such pathway on your PTL');
    const events = (await repo.eventsFor(tx, [id])).get(id) ?? [];
    return presentPathwayDetail(row, events, clockFor(row, events, censusDate).result);
  }

  /** Re-derives the stored clock after the events changed; the version bump tells other tabs. */
  async function recompute(tx: Queryable, userId: string, row: repo.PathwayRow, censusDate: string) {
    const events = (await repo.eventsFor(tx, [row.id])).get(row.id) ?? [];
    const { derived } = clockFor(row, events, censusDate);
    await repo.updatePathway(tx, userId, row.id, null, fieldsOf(row), derived);
  }

  return {
    // In-transaction functions for other domains (booking): they run inside the caller's own
    // db.asUser transaction, so a change there and its RTT events commit or fail together.

    /** The caller's pathway row, or null. */
    findIn: (tx: Queryable, userId: string, id: string) => repo.findPathway(tx, userId, id),

    /** The pathway as `GET /api/ptl/:id` shows it at `censusDate`; 404 when it is not the caller's. */
    detailIn: detail,

    /**
     * Records events on the caller's pathway under the PTL's date rules (not in the future, not
     * before the clock start: a 400 naming each event's `field`, nothing written) and re-derives
     * the stored clock once. The pathway is locked first, so concurrent writers take turns.
     * Returns the new events' ids, in the order given.
     */
    async recordEventsIn(tx: Queryable, userId: string, pathwayId: string, events: readonly ForeignEventInput[], censusDate: string): Promise<string[]> {
      const row = await repo.lockPathway(tx, userId, pathwayId);
      if (!row) throw notFound('No such pathway on your PTL');
      const problems = events.flatMap((e) => eventDateProblem(row.clock_start_date, e.event_date, censusDate, e.field) ?? []);
      if (problems.length) throw validationFailed(`The PTL refuses this date: ${problems[0]!.message}`, problems);
      const ids: string[] = [];
      for (const e of events) {
        const inserted = await repo.insertEvent(tx, userId, {
          pathway_id: pathwayId,
          event_type: e.event_type,
          event_date: e.event_date,
          rtt_status: RTT_STATUS_BY_EVENT[e.event_type],
          appointment_communicated: e.appointment_communicated,
          note: e.note,
        });
        ids.push(inserted.id);
      }
      if (events.length > 0) await recompute(tx, userId, row, censusDate);
      return ids;
    },

    /** The events of these pathways carrying any of these notes, as rows (id, pathway_id, event_type…). */
    eventsByNotesIn: (tx: Queryable, pathwayIds: readonly string[], notes: readonly string[]) => repo.eventsByNotes(tx, pathwayIds, notes),

    /**
     * What each of these events did to its pathway's clock, in the engine's words at `censusDate`:
     * the explanation of the period it started or ended, or that the clock ran on. One query for
     * the pathways and one for their events, however many there are.
     */
    async eventEffectsIn(tx: Queryable, userId: string, events: readonly { id: string; pathway_id: string }[], censusDate: string): Promise<Map<string, string>> {
      const pathwayIds = [...new Set(events.map((e) => e.pathway_id))];
      const rows = await repo.pathwaysById(tx, userId, pathwayIds);
      const eventsOf = await repo.eventsFor(tx, pathwayIds);
      const effects = new Map<string, string>();
      for (const row of rows) {
        const recorded = eventsOf.get(row.id) ?? [];
        const { periods } = clockFor(row, recorded, censusDate).result;
        for (const e of recorded) {
          const ended = periods.find((p) => p.ended_by?.event_id === e.id)?.ended_by;
          const started = periods.find((p) => p.started_by.event_id === e.id)?.started_by;
          effects.set(e.id, (ended ?? started)?.text ?? `The clock kept running (${e.rtt_status})`);
        }
      }
      return new Map(events.flatMap((e) => (effects.has(e.id) ? [[e.id, effects.get(e.id)!] as const] : [])));
    },

    /** The caller's open pathways (clock running, on this PTL) per specialty. */
    openBySpecialtyIn: (tx: Queryable, userId: string) => repo.openBySpecialty(tx, userId),

    /** Removes these events from the caller's pathway and re-derives its clock: the clock goes back. */
    async removeEventsIn(tx: Queryable, userId: string, pathwayId: string, eventIds: readonly string[], censusDate: string): Promise<void> {
      if (eventIds.length === 0) return;
      const row = await repo.lockPathway(tx, userId, pathwayId);
      if (!row) throw notFound('No such pathway on your PTL');
      await repo.deleteEvents(tx, userId, pathwayId, eventIds);
      await recompute(tx, userId, row, censusDate);
    },

    /** One keyset page of the caller's PTL, each pathway with its clock computed from its events. */
    async list(auth: AuthContext, q: PathwayListQuery): Promise<Page<Pathway>> {
      const census = q.as_of ?? today();
      const cursor = q.cursor ? decodeCursor(q.cursor) : null;
      return db.asUser(auth.claims, async (tx) => {
        const rows = await repo.listPage(tx, q, census, auth.account.id, cursor);
        const page = rows.slice(0, q.limit);
        const events = await repo.eventsFor(tx, page.map((r) => r.id));
        const last = page.at(-1);
        return {
          items: page.map((r) => presentPathway(r, clockFor(r, events.get(r.id) ?? [], census).result.clock)),
          next_cursor: rows.length > q.limit && last ? encodeCursor({ key: last.sort_key, id: last.id }) : null,
        };
      });
    },

    async get(auth: AuthContext, id: string): Promise<PathwayDetail> {
      return db.asUser(auth.claims, (tx) => detail(tx, auth.account.id, id, today()));
    },

    async create(auth: AuthContext, input: PathwayInput): Promise<PathwayDetail> {
      const census = today();
      const problems = pathwayDateProblems(input, census);
      if (problems.length) throw validationFailed('Check the dates', problems);
      try {
        return await db.asUser(auth.claims, async (tx) => {
          const { derived, result } = clockFor(input, [], census);
          const row = await repo.insertPathway(tx, auth.account.id, fieldsOf(input), derived);
          return presentPathwayDetail(row, [], result);
        });
      } catch (err) {
        if (isUniqueViolation(err)) throw duplicate();
        throw err;
      }
    },

    /** Applies the changes if `version` is current (else 409) and re-derives the clock from the new dates. */
    async update(auth: AuthContext, id: string, input: { version: number } & Partial<PathwayInput>): Promise<PathwayDetail> {
      const census = today();
      try {
        return await db.asUser(auth.claims, async (tx) => {
          const current = await repo.findPathway(tx, auth.account.id, id);
          if (!current) throw notFound('No such pathway on your PTL');
          const { version, ...changes } = input;
          const merged = { ...fieldsOf(current), ...Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)) } as repo.PathwayFieldsRow;
          const problems = pathwayDateProblems(merged, census);
          if (problems.length) throw validationFailed('Check the dates', problems);
          const events = (await repo.eventsFor(tx, [id])).get(id) ?? [];
          const { derived, result } = clockFor(merged, events, census);
          const row = await repo.updatePathway(tx, auth.account.id, id, version, merged, derived);
          if (!row) throw conflict('This pathway was changed elsewhere; reload to see the latest');
          return presentPathwayDetail(row, events, result);
        });
      } catch (err) {
        if (isUniqueViolation(err)) throw duplicate();
        throw err;
      }
    },

    async remove(auth: AuthContext, id: string): Promise<void> {
      const deleted = await db.asUser(auth.claims, (tx) => repo.deletePathway(tx, auth.account.id, id));
      if (!deleted) throw notFound('No such pathway on your PTL');
    },

    async listEvents(auth: AuthContext, id: string) {
      const d = await db.asUser(auth.claims, (tx) => detail(tx, auth.account.id, id, today()));
      return { items: d.events };
    },

    /** Records an event and re-derives the clock in the same transaction. */
    async addEvent(auth: AuthContext, id: string, input: EventInput): Promise<PathwayDetail> {
      const census = today();
      return db.asUser(auth.claims, async (tx) => {
        const row = await repo.findPathway(tx, auth.account.id, id);
        if (!row) throw notFound('No such pathway on your PTL');
        const problem = eventDateProblem(row.clock_start_date, input.event_date, census);
        if (problem) throw validationFailed('Check the date', [problem]);
        await repo.insertEvent(tx, auth.account.id, { ...input, pathway_id: id, rtt_status: RTT_STATUS_BY_EVENT[input.event_type] });
        await recompute(tx, auth.account.id, row, census);
        return detail(tx, auth.account.id, id, census);
      });
    },

    async removeEvent(auth: AuthContext, id: string, eventId: string): Promise<PathwayDetail> {
      const census = today();
      return db.asUser(auth.claims, async (tx) => {
        const row = await repo.findPathway(tx, auth.account.id, id);
        if (!row || !(await repo.deleteEvent(tx, auth.account.id, id, eventId))) throw notFound('No such event on your PTL');
        await recompute(tx, auth.account.id, row, census);
        return detail(tx, auth.account.id, id, census);
      });
    },

    async stats(auth: AuthContext, asOf: string | undefined): Promise<PtlStats> {
      const census = asOf ?? today();
      const groups = await db.asUser(auth.claims, (tx) => repo.statsGroups(tx, auth.account.id, census));
      const bands = new Map<number, number>();
      const weeks = new Map<number, number>();
      const specialties = new Map<string, { open: number; within_18: number }>();
      let total_open = 0;
      let within_18 = 0;
      for (const g of groups) {
        // Bands 1–18 are exactly the waits within 18 weeks (126 days).
        const within = g.band_index <= 18 ? g.count : 0;
        total_open += g.count;
        within_18 += within;
        bands.set(g.band_index, (bands.get(g.band_index) ?? 0) + g.count);
        if (g.breach_week !== null) weeks.set(g.breach_week, (weeks.get(g.breach_week) ?? 0) + g.count);
        const sp = specialties.get(g.specialty) ?? { open: 0, within_18: 0 };
        sp.open += g.count;
        sp.within_18 += within;
        specialties.set(g.specialty, sp);
      }
      const maxIndex = Math.max(0, ...bands.keys());
      const by_wait_group = Object.fromEntries(WAIT_GROUPS.map((g) => [g, 0])) as Record<WaitGroup, number>;
      for (const [index, count] of bands) by_wait_group[waitGroup(index * 7)] += count;
      const percent = (part: number, whole: number) => Math.round((part / whole) * 1000) / 10;
      const overall = total_open ? percent(within_18, total_open) : null;
      return {
        as_of: census,
        total_open,
        within_18_weeks: within_18,
        percent_within_18: overall,
        standard_percent: 92,
        meets_standard: overall === null ? null : overall >= 92,
        by_band: Array.from({ length: maxIndex }, (_, i) => ({ band: monthlyBand(7 * (i + 1)), count: bands.get(i + 1) ?? 0 })),
        by_wait_group,
        breached: total_open - within_18,
        breaches_next_4_weeks: [1, 2, 3, 4].map((week) => ({
          week,
          from: addDays(census, 7 * (week - 1) + 1),
          to: addDays(census, 7 * week),
          count: weeks.get(week) ?? 0,
        })),
        by_specialty: [...specialties.entries()]
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([specialty, s]) => ({ specialty, open: s.open, within_18: s.within_18, percent_within_18: percent(s.within_18, s.open), breached: s.open - s.within_18 })),
      };
    },

    /**
     * Imports a CSV: every row validated, bad rows reported by line. `partial` commits the good
     * rows; `atomic` commits nothing if any row is bad. Progress goes to the user's sockets.
     */
    async import(auth: AuthContext, csv: string, mode: 'atomic' | 'partial', importId: string | undefined): Promise<PtlImportResult> {
      let parsed;
      try {
        parsed = parsePtlCsv(csv, today());
      } catch (err) {
        if (err instanceof CsvHeaderError) throw validationFailed(err.message, err.details);
        throw err;
      }
      const { total, valid } = parsed;
      const errors: PtlImportRowError[] = [...parsed.errors];
      const progress = (processed: number) => {
        if (importId) realtime.toUser(auth.account.id).emit('ptl:import:progress', { import_id: importId, processed, total });
      };
      const result = (committed: boolean, imported: number): PtlImportResult => ({
        mode,
        committed,
        total_rows: total,
        imported,
        rejected: total - imported,
        errors: errors.sort((a, b) => a.line - b.line),
      });
      progress(parsed.errors.length);
      if (mode === 'atomic' && errors.length > 0) return result(false, 0);

      class AtomicAbort extends Error {}
      let imported = 0;
      try {
        await db.asUser(auth.claims, async (tx) => {
          for (let i = 0; i < valid.length; i += IMPORT_BATCH) {
            const batch = valid.slice(i, i + IMPORT_BATCH);
            const inserted = await repo.insertPathwayBatch(tx, auth.account.id, batch.map((v) => v.row));
            for (const v of batch) {
              if (!inserted.has(v.row.patient_id)) {
                errors.push({ line: v.line, patient_id: v.row.patient_id, errors: [{ field: 'patient_id', message: 'Already on your PTL' }] });
              }
            }
            imported += inserted.size;
            progress(Math.min(total, parsed.errors.length + i + batch.length));
          }
          if (mode === 'atomic' && errors.length > 0) throw new AtomicAbort();
        });
      } catch (err) {
        if (err instanceof AtomicAbort) return result(false, 0);
        throw err;
      }
      return result(true, imported);
    },

    /**
     * Streams the caller's PTL as CSV in chunks, so memory holds one chunk however long the list is.
     * The shared writer neutralises formulas in the text cells; the figures go as numbers.
     */
    async exportCsv(auth: AuthContext, q: PathwayListQuery, out: Writable): Promise<void> {
      const census = q.as_of ?? today();
      const columns = [...IMPORT_COLUMNS, ...EXPORT_ONLY_COLUMNS];
      const send = (chunk: string) => (out.write(chunk) ? Promise.resolve() : new Promise<void>((resolve) => out.once('drain', () => resolve())));
      await send(toCsv([columns]));
      await db.asUser(auth.claims, (tx) =>
        repo.forEachExportChunk(tx, q, census, auth.account.id, EXPORT_CHUNK, async (rows) => {
          const records = rows.map((r) => [
            r.patient_id,
            r.patient_name,
            r.nhs_number,
            r.specialty,
            r.referral_date,
            r.clock_start_date,
            r.pathway_type,
            r.priority,
            r.current_status,
            r.clock_state,
            r.clock_period_start,
            r.clock_stop_date,
            r.days_waited,
            Math.floor(r.days_waited / 7),
            monthlyBand(r.days_waited),
            waitGroup(r.days_waited),
            r.breach_date,
            r.clock_state !== 'nullified' && r.days_waited > BREACH_DAYS,
            r.on_ptl,
          ]);
          await send(toCsv(records));
        }),
      );
      await new Promise<void>((resolve, reject) => {
        out.once('finish', resolve);
        out.once('error', reject);
        out.end();
      });
    },
  };
}
