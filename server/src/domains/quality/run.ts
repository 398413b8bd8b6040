// One audit run: every PTL and cancer pathway of the caller's, read in ONE streamed pass (a
// server-side cursor fetched in chunks), each pathway's facts gathered by set-based joins and
// aggregates in that same query, the pure engines and rules run per row in JS, and the findings
// written in multi-row inserts. Never a query per pathway: 100,000 pathways take one scan each of
// the pathways, their events, appointments and validations.
//
// The auditor reads across modules by nature: the SQL below reads the PTL's, the cancer
// register's and the booking's tables directly (for speed, as the caller, under their RLS), and
// imports the pure engines (the RTT clock, the cancer clocks, the NHS number check) instead of
// re-writing them. It writes only its own tables.
import type { CancerDiagnosis, CancerRoute } from '../../contract/cancer.js';
import type { PathwayType, PtlEventType } from '../../contract/ptl.js';
import type { AuditSettings, FindingStatus, QualityRule } from '../../contract/quality.js';
import type { Queryable } from '../../db/types.js';
import { cancerClocks } from '../cancer/clocks.js';
import { computeClock, type ClockEvent } from '../ptl/clock.js';
import {
  cancerFindings,
  duplicateOpenPathway,
  latestActivity,
  ptlFindings,
  scoreOf,
  type AuditSettingsAt,
  type PtlFacts,
  type RuleFinding,
} from './rules.js';
import type { AuditRow } from './repo.js';

const CHUNK = 5_000;
const INSERT_BATCH = 5_000;

/** A PTL pathway as the run's query returns it. */
interface PtlFactsRow {
  id: string;
  patient_id: string;
  patient_name: string;
  nhs_number: string | null;
  specialty: string;
  referral_date: string;
  clock_start_date: string;
  pathway_type: PathwayType;
  current_status: string;
  /** [id, event_type, event_date, appointment_communicated] in the engine's order, or null. */
  events: [string, PtlEventType, string, boolean][] | null;
  last_event: string | null;
  last_appointment: string | null;
  last_validation: string | null;
  future_booking: boolean;
}

/**
 * Each pathway with its events (in the engine's order) and, at `as_of` ($2): its latest event,
 * appointment activity (booked, held or cancelled) and validation, and whether a booked
 * appointment is dated on or after `as_of`. Aggregates grouped once over each table, hash-joined.
 */
const PTL_FACTS_SQL = `
  with ev as (
    select e.pathway_id,
           json_agg(json_build_array(e.id, e.event_type, e.event_date, e.appointment_communicated) order by e.event_date, e.seq) as events,
           max(e.event_date) filter (where e.event_date <= $2::date) as last_event
      from public.ptl_events e
     where e.user_id = $1
     group by e.pathway_id),
  ap as (
    select a.pathway_id,
           max(greatest(case when a.booked_on <= $2::date then a.booked_on end,
                        case when a.date <= $2::date and a.status <> 'booked' then a.date end,
                        case when a.outcome_date <= $2::date then a.outcome_date end)) as last_appointment,
           bool_or(a.status = 'booked' and a.date >= $2::date) as future_booking
      from public.appointments a
     where a.user_id = $1 and a.pathway_id is not null
     group by a.pathway_id),
  va as (
    select v.pathway_id, max(v.validated_on) as last_validation
      from public.pathway_validations v
     where v.user_id = $1 and v.validated_on <= $2::date
     group by v.pathway_id)
  select p.id, p.patient_id, p.patient_name, p.nhs_number, p.specialty, p.referral_date, p.clock_start_date,
         p.pathway_type, p.current_status, ev.events, ev.last_event, ap.last_appointment, va.last_validation,
         coalesce(ap.future_booking, false) as future_booking
    from public.ptl_patients p
    left join ev on ev.pathway_id = p.id
    left join ap on ap.pathway_id = p.id
    left join va on va.pathway_id = p.id
   where p.user_id = $1`;

const CANCER_SQL = `
  select id, patient_id, patient_name, nhs_number, route, referral_received_date, upgrade_date, diagnosis,
         diagnosis_communicated_date, decision_to_treat_date, first_treatment_date
    from public.cancer_pathways where user_id = $1`;

interface CancerRow {
  id: string;
  patient_id: string;
  patient_name: string;
  nhs_number: string | null;
  route: CancerRoute;
  referral_received_date: string;
  upgrade_date: string | null;
  diagnosis: CancerDiagnosis | null;
  diagnosis_communicated_date: string | null;
  decision_to_treat_date: string | null;
  first_treatment_date: string | null;
}

/**
 * Reads `sql` through a server-side cursor, `CHUNK` rows at a time. A cursor plans for its first
 * rows by default (nested loops); the run reads every row, so it asks for the whole-result plan.
 */
async function forEachChunk<R>(tx: Queryable, name: string, sql: string, params: readonly unknown[], onChunk: (rows: R[]) => void): Promise<void> {
  await tx.query('set local cursor_tuple_fraction = 1');
  await tx.query(`declare ${name} no scroll cursor for ${sql}`, params);
  for (;;) {
    const { rows } = await tx.query<R>(`fetch forward ${CHUNK} from ${name}`);
    if (rows.length) onChunk(rows);
    if (rows.length < CHUNK) break;
  }
  await tx.query(`close ${name}`);
}

/** The pure facts of one pathway row: its clock at `as_of` from the RTT engine, its latest activity. */
export function ptlFactsOf(r: PtlFactsRow, asOf: string): PtlFacts {
  const events = r.events ?? [];
  // Events after the census date have not happened yet at `as_of`: the engine would ignore them
  // with a warning each, which the date rule already reports when they lie after today.
  const clockEvents: ClockEvent[] = [];
  for (const [id, event_type, event_date, appointment_communicated] of events) {
    if (event_date <= asOf) clockEvents.push({ id, event_type, event_date, appointment_communicated });
  }
  const { clock } = computeClock({ clock_start_date: r.clock_start_date, pathway_type: r.pathway_type, events: clockEvents }, asOf);
  return {
    id: r.id,
    patient_id: r.patient_id,
    patient_name: r.patient_name,
    nhs_number: r.nhs_number,
    specialty: r.specialty,
    referral_date: r.referral_date,
    clock_start_date: r.clock_start_date,
    current_status: r.current_status,
    events: events.map(([id, event_type, event_date]) => ({ id, event_type, event_date })),
    clock,
    // The current period's start counts as activity (a new clock is news); then the latest of the rest.
    last_activity: latestActivity([
      { date: clock.start_date, kind: 'clock_start' },
      { date: r.last_event, kind: 'event' },
      { date: r.last_appointment, kind: 'appointment' },
      { date: r.last_validation, kind: 'validation' },
    ]),
    has_future_booking: r.future_booking,
  };
}

/**
 * Runs the audit for `userId` in `tx` (the caller's own transaction: RLS applies) and stores it.
 * A `rule` + record accepted in the user's previous run is created accepted, with its reason.
 */
export async function runAudit(tx: Queryable, userId: string, settings: AuditSettings, at: { as_of: string; today: string }): Promise<AuditRow> {
  const s: AuditSettingsAt = { ...settings, as_of: at.as_of, today: at.today };

  // The previous run's acceptances: few, so held as a set while the findings are made.
  const { rows: accepted } = await tx.query<{ rule: QualityRule; target_id: string; reason: string; decided_at: Date }>(
    `select f.rule, f.target_id, f.reason, f.decided_at
       from public.quality_findings f
      where f.status = 'accepted'
        and f.audit_id = (select a.id from public.quality_audits a where a.user_id = $1 order by a.ran_at desc, a.id desc limit 1)`,
    [userId],
  );
  const acceptedByKey = new Map(accepted.map((a) => [`${a.rule}|${a.target_id}`, a]));

  const findings: RuleFinding[] = [];
  // What the duplicate rule needs of every pathway; it runs over the whole list at the end.
  const duplicateCandidates: Parameters<typeof duplicateOpenPathway>[0][number][] = [];
  let recordsChecked = 0;

  await forEachChunk<PtlFactsRow>(tx, 'quality_ptl', PTL_FACTS_SQL, [userId, at.as_of], (rows) => {
    for (const row of rows) {
      const facts = ptlFactsOf(row, at.as_of);
      recordsChecked++;
      for (const f of ptlFindings(facts, s)) findings.push(f);
      if (facts.clock.state === 'running' && facts.nhs_number) {
        duplicateCandidates.push({ id: facts.id, patient_id: facts.patient_id, patient_name: facts.patient_name, nhs_number: facts.nhs_number, specialty: facts.specialty, clock: facts.clock });
      }
    }
  });
  for (const f of duplicateOpenPathway(duplicateCandidates)) findings.push(f);

  await forEachChunk<CancerRow>(tx, 'quality_cancer', CANCER_SQL, [userId], (rows) => {
    for (const row of rows) {
      recordsChecked++;
      for (const f of cancerFindings({ ...row, clocks: cancerClocks(row, at.as_of) }, s)) findings.push(f);
    }
  });

  // Decide each finding's starting status, then count: the score is fixed now.
  const statuses: { status: FindingStatus; reason: string | null; decided_at: Date | null }[] = findings.map((f) => {
    const a = acceptedByKey.get(`${f.rule}|${f.target.id}`);
    return a ? { status: 'accepted', reason: a.reason, decided_at: a.decided_at } : { status: 'open', reason: null, decided_at: null };
  });
  const byRule: Partial<Record<QualityRule, number>> = {};
  const openTargets = new Set<string>();
  findings.forEach((f, i) => {
    byRule[f.rule] = (byRule[f.rule] ?? 0) + 1;
    if (statuses[i]!.status === 'open') openTargets.add(f.target.id);
  });
  const openFindings = statuses.filter((x) => x.status === 'open').length;

  const { rows } = await tx.query<AuditRow>(
    `insert into public.quality_audits (user_id, as_of, settings, records_checked, counts, score)
     values ($1, $2, $3::jsonb, $4, $5::jsonb, $6) returning *`,
    [
      userId,
      at.as_of,
      JSON.stringify({ inactive_weeks: settings.inactive_weeks, soon_weeks: settings.soon_weeks }),
      recordsChecked,
      JSON.stringify({ findings: findings.length, open_findings: openFindings, by_rule: byRule }),
      scoreOf(recordsChecked, openTargets.size),
    ],
  );
  const audit = rows[0]!;

  for (let from = 0; from < findings.length; from += INSERT_BATCH) {
    const batch = findings.slice(from, from + INSERT_BATCH);
    const decided = statuses.slice(from, from + INSERT_BATCH);
    const col = <T>(pick: (f: RuleFinding, i: number) => T) => batch.map(pick);
    await tx.query(
      `insert into public.quality_findings
         (user_id, audit_id, rule, severity, target_type, target_id, label, message, detail, status, reason, decided_at)
       select $1::uuid, $2::uuid, t.rule, t.severity, t.target_type, t.target_id, t.label, t.message, t.detail, t.status, t.reason, t.decided_at
         from unnest($3::text[], $4::text[], $5::text[], $6::uuid[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[], $12::timestamptz[])
           as t(rule, severity, target_type, target_id, label, message, detail, status, reason, decided_at)`,
      [
        userId,
        audit.id,
        col((f) => f.rule),
        col((f) => f.severity),
        col((f) => f.target.type),
        col((f) => f.target.id),
        col((f) => f.target.label),
        col((f) => f.message.slice(0, 4000)),
        col((f) => f.detail.slice(0, 4000)),
        col((_, i) => decided[i]!.status),
        col((_, i) => decided[i]!.reason),
        col((_, i) => decided[i]!.decided_at),
      ],
    );
  }
  return audit;
}
