// What the PTL domain adds to the app: the patient tracking list under /api/ptl, and the person's
// pathways in their portfolio (counts and activity by day) and in their personal-data export.
import type { ExportPathway } from '../../contract/portfolio.js';
import type { Queryable } from '../../db/types.js';
import { isoOrNull, type PtlFacts } from '../facts.js';
import { defineDomain } from '../registry.js';
import { ptlRoutes } from './routes.js';
import { createPtlService, type PtlService } from './service.js';

declare module '../registry.js' {
  interface DomainServices {
    ptl: PtlService;
  }
}

export const ptlDomain = defineDomain({
  name: 'ptl',
  services: ({ db, realtime }) => createPtlService({ db, realtime }),
  mounts: [{ path: '/ptl', routes: ({ ptl }) => ptlRoutes({ ptl }) }],
  providers: () => ({
    async exportFor(tx, userId) {
      const { pathways, events } = await exportPathways(tx, userId);
      const eventsByPathway = new Map<string, Row[]>();
      for (const e of events) {
        const list = eventsByPathway.get(e.pathway_id) ?? [];
        list.push(e);
        eventsByPathway.set(e.pathway_id, list);
      }
      return { ptl: { pathways: pathways.map((p) => exportPathway(p, eventsByPathway.get(p.id) ?? [])) } };
    },
    portfolioFacts: async (tx, userId) => ({ ptl: await ptlFacts(tx, userId) }),
  }),
});

type Row = Record<string, unknown>;
const str = (v: unknown) => String(v);
const strOrNull = (v: unknown) => (v === null || v === undefined ? null : String(v));

/** Every field named, so a column added to the tables never leaves the server by accident. */
function exportPathway(p: Row, events: Row[]): ExportPathway {
  return {
    id: str(p.id),
    patient_id: str(p.patient_id),
    patient_name: str(p.patient_name),
    nhs_number: strOrNull(p.nhs_number),
    specialty: str(p.specialty),
    referral_date: str(p.referral_date),
    clock_start_date: str(p.clock_start_date),
    pathway_type: str(p.pathway_type),
    priority: strOrNull(p.priority),
    current_status: str(p.current_status),
    clock_state: str(p.clock_state),
    clock_period_start: str(p.clock_period_start),
    clock_stop_date: strOrNull(p.clock_stop_date),
    on_ptl: Boolean(p.on_ptl),
    version: Number(p.version),
    created_at: isoOrNull(p.created_at)!,
    updated_at: isoOrNull(p.updated_at)!,
    events: events.map((e) => ({
      id: str(e.id),
      event_type: str(e.event_type),
      event_date: str(e.event_date),
      rtt_status: str(e.rtt_status),
      appointment_communicated: Boolean(e.appointment_communicated),
      note: str(e.note),
      created_at: isoOrNull(e.created_at)!,
    })),
  };
}

// ---------------------------------------------------------------------------------------------
// SQL, run in the viewer's transaction (the person's own, or an admin's through the read-only
// policies). It belongs in repo.ts; it waits here while repo.ts is being reworked for the module kit.

/** PTL counts and per-day activity (UTC days, the latest 100 of each). */
async function ptlFacts(tx: Queryable, userId: string): Promise<PtlFacts> {
  const totals = await tx.query<{ pathways: number; open_pathways: number; events: number; last_at: Date | null }>(
    `select (select count(*) from public.ptl_patients where user_id = $1)::int as pathways,
            (select count(*) from public.ptl_patients where user_id = $1 and clock_state = 'running' and on_ptl)::int as open_pathways,
            (select count(*) from public.ptl_events where user_id = $1)::int as events,
            greatest((select max(updated_at) from public.ptl_patients where user_id = $1),
                     (select max(created_at) from public.ptl_events where user_id = $1)) as last_at`,
    [userId],
  );
  const byDay = (table: 'ptl_patients' | 'ptl_events') =>
    tx
      .query<{ day: string; count: number; at: Date }>(
        `select to_char((created_at at time zone 'UTC')::date, 'YYYY-MM-DD') as day, count(*)::int as count, max(created_at) as at
           from public.${table} where user_id = $1 group by 1 order by 1 desc limit 100`,
        [userId],
      )
      .then((r) => r.rows);
  const t = totals.rows[0]!;
  return { ...t, pathways_by_day: await byDay('ptl_patients'), events_by_day: await byDay('ptl_events') };
}

/** Every pathway of the person's and its events, oldest first. */
async function exportPathways(tx: Queryable, userId: string) {
  const pathways = await tx.query<Row & { id: string }>(
    `select id, patient_id, patient_name, nhs_number, specialty, referral_date, clock_start_date, pathway_type, priority,
            current_status, clock_state, clock_period_start, clock_stop_date, on_ptl, version, created_at, updated_at
       from public.ptl_patients where user_id = $1 order by created_at, id`,
    [userId],
  );
  const events = await tx.query<Row & { pathway_id: string }>(
    `select id, pathway_id, event_type, event_date, rtt_status, appointment_communicated, note, created_at
       from public.ptl_events where user_id = $1 order by pathway_id, event_date, seq`,
    [userId],
  );
  return { pathways: pathways.rows, events: events.rows };
}
