// Data quality SQL beyond the run's (run.ts), always inside db.asUser(): RLS limits every statement
// to the caller's rows (or lets an admin read), and the explicit user_id filters make the same
// promise in application code. The queue and a finding's record read the PTL's, the cancer
// register's and the booking's tables directly, as the run does (the auditor reads across modules).
import type { ActivityKind, FindingStatus, FindingTargetType, QualityRule, ValidationKind, ValidationOutcome } from '../../contract/quality.js';
import type { Queryable } from '../../db/types.js';

export interface AuditRow {
  id: string;
  user_id: string;
  as_of: string;
  settings: { inactive_weeks: number; soon_weeks: number };
  ran_at: Date;
  records_checked: number;
  counts: { findings: number; open_findings: number; by_rule: Partial<Record<QualityRule, number>> };
  score: number | null;
  version: number;
  created_at: Date;
  updated_at: Date;
}

export interface FindingRow {
  id: string;
  user_id: string;
  audit_id: string;
  rule: QualityRule;
  severity: 'error' | 'warning';
  target_type: FindingTargetType;
  target_id: string;
  label: string;
  message: string;
  detail: string;
  status: FindingStatus;
  reason: string | null;
  decided_at: Date | null;
  version: number;
  created_at: Date;
  updated_at: Date;
}

export interface ValidationRow {
  id: string;
  user_id: string;
  pathway_id: string;
  kind: ValidationKind;
  outcome: ValidationOutcome;
  validated_on: string;
  note: string;
  version: number;
  created_at: Date;
  updated_at: Date;
}

// ---------------------------------------------------------------------------------------------
// Audits

/** The owner's audits, newest first, after the keyset `after` ([ran_at as text, id]). */
export async function listAudits(tx: Queryable, ownerId: string, limit: number, after: readonly [string, string] | null): Promise<(AuditRow & { k: string })[]> {
  const { rows } = await tx.query<AuditRow & { k: string }>(
    `select a.*, to_char(a.ran_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as k
       from public.quality_audits a
      where a.user_id = $1 ${after ? 'and (a.ran_at, a.id) < ($3::timestamptz, $4::uuid)' : ''}
      order by a.ran_at desc, a.id desc limit $2`,
    after ? [ownerId, limit + 1, after[0], after[1]] : [ownerId, limit + 1],
  );
  return rows;
}

/** An audit RLS shows the caller (theirs, or anyone's for an admin), or null. */
export async function findAudit(tx: Queryable, id: string): Promise<AuditRow | null> {
  const { rows } = await tx.query<AuditRow>('select * from public.quality_audits where id = $1', [id]);
  return rows[0] ?? null;
}

/** The owner's runs made between `from` and `to` (England's dates), oldest first. */
export async function scoreSeries(tx: Queryable, ownerId: string, from: string | null, to: string | null): Promise<AuditRow[]> {
  const { rows } = await tx.query<AuditRow>(
    `select * from public.quality_audits a
      where a.user_id = $1
        and ($2::date is null or (a.ran_at at time zone 'Europe/London')::date >= $2::date)
        and ($3::date is null or (a.ran_at at time zone 'Europe/London')::date <= $3::date)
      order by a.ran_at, a.id`,
    [ownerId, from, to],
  );
  return rows;
}

// ---------------------------------------------------------------------------------------------
// Findings

/** Errors before warnings, then by rule, record and id: the order of the keyset. */
const FINDING_ORDER = `(f.severity = 'warning')::int, f.rule, f.label, f.id`;

export async function listFindings(
  tx: Queryable,
  auditId: string,
  filter: { rule?: string | undefined; status?: string | undefined },
  limit: number,
  after: readonly [number, string, string, string] | null,
): Promise<FindingRow[]> {
  const params: unknown[] = [auditId];
  const p = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  const where = ['f.audit_id = $1'];
  if (filter.rule) where.push(`f.rule = ${p(filter.rule)}`);
  if (filter.status) where.push(`f.status = ${p(filter.status)}`);
  if (after) where.push(`(${FINDING_ORDER}) > (${p(after[0])}::int, ${p(after[1])}, ${p(after[2])}, ${p(after[3])}::uuid)`);
  const { rows } = await tx.query<FindingRow>(
    `select f.* from public.quality_findings f where ${where.join(' and ')} order by ${FINDING_ORDER} limit ${p(limit + 1)}`,
    params,
  );
  return rows;
}

export async function findFinding(tx: Queryable, id: string, opts: { lock?: boolean } = {}): Promise<FindingRow | null> {
  const { rows } = await tx.query<FindingRow>(`select * from public.quality_findings where id = $1${opts.lock ? ' for update' : ''}`, [id]);
  return rows[0] ?? null;
}

export async function decideFinding(tx: Queryable, id: string, status: FindingStatus, reason: string | null): Promise<FindingRow | null> {
  const { rows } = await tx.query<FindingRow>(
    `update public.quality_findings
        set status = $2, reason = $3, decided_at = case when $2 = 'open' then null else now() end
      where id = $1 returning *`,
    [id, status, reason],
  );
  return rows[0] ?? null;
}

/** The record a finding points at, as it is now (null when deleted): the fields a validator checks. */
export async function targetRecord(tx: Queryable, type: FindingTargetType, id: string): Promise<Record<string, string | number | boolean | null> | null> {
  const sql =
    type === 'ptl'
      ? `select patient_id, patient_name, nhs_number, specialty, referral_date, clock_start_date, pathway_type, priority,
                current_status, clock_state, clock_period_start, clock_stop_date, on_ptl, version
           from public.ptl_patients where id = $1`
      : `select patient_id, patient_name, nhs_number, tumour_site, route, referral_received_date, upgrade_date, diagnosis,
                diagnosis_communicated_date, decision_to_treat_date, first_treatment_date, treatment_modality, version
           from public.cancer_pathways where id = $1`;
  const { rows } = await tx.query<Record<string, string | number | boolean | null>>(sql, [id]);
  return rows[0] ?? null;
}

// ---------------------------------------------------------------------------------------------
// Validations

export async function pathwayVisible(tx: Queryable, userId: string, pathwayId: string): Promise<boolean> {
  const { rows } = await tx.query('select 1 from public.ptl_patients where id = $1 and user_id = $2', [pathwayId, userId]);
  return rows.length > 0;
}

export async function insertValidation(
  tx: Queryable,
  userId: string,
  v: { pathway_id: string; kind: ValidationKind; outcome: ValidationOutcome; validated_on: string; note: string },
): Promise<ValidationRow> {
  const { rows } = await tx.query<ValidationRow>(
    `insert into public.pathway_validations (user_id, pathway_id, kind, outcome, validated_on, note)
     values ($1, $2, $3, $4, $5, $6) returning *`,
    [userId, v.pathway_id, v.kind, v.outcome, v.validated_on, v.note],
  );
  return rows[0]!;
}

/** Newest first: by the day validated, then when recorded; keyset `after` = [validated_on, created_at text, id]. */
export async function listValidations(
  tx: Queryable,
  ownerId: string,
  filter: { pathway_id?: string | undefined; kind?: string | undefined },
  limit: number,
  after: readonly [string, string, string] | null,
): Promise<(ValidationRow & { k: string })[]> {
  const params: unknown[] = [ownerId];
  const p = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  const where = ['v.user_id = $1'];
  if (filter.pathway_id) where.push(`v.pathway_id = ${p(filter.pathway_id)}`);
  if (filter.kind) where.push(`v.kind = ${p(filter.kind)}`);
  if (after) where.push(`(v.validated_on, v.created_at, v.id) < (${p(after[0])}::date, ${p(after[1])}::timestamptz, ${p(after[2])}::uuid)`);
  const { rows } = await tx.query<ValidationRow & { k: string }>(
    `select v.*, to_char(v.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as k
       from public.pathway_validations v where ${where.join(' and ')}
      order by v.validated_on desc, v.created_at desc, v.id desc limit ${p(limit + 1)}`,
    params,
  );
  return rows;
}

export interface QueueRow {
  pathway_id: string;
  patient_id: string;
  patient_name: string;
  specialty: string;
  priority: string | null;
  clock_period_start: string;
  days_waited: number;
  last_activity: string;
  last_kind: ActivityKind;
  last_validated_on: string | null;
  last_validation_kind: ValidationKind | null;
  last_validation_outcome: ValidationOutcome | null;
}

/**
 * The owner's running, on-PTL pathways with no activity (event, appointment, validation, clock
 * start) within `weeks` weeks of `today`, longest wait first. It walks the PTL's open-wait index
 * in order and looks up each pathway's latest activity by index, so a page stops early.
 */
export async function validationQueue(
  tx: Queryable,
  ownerId: string,
  today: string,
  weeks: number,
  limit: number,
  after: readonly [string, string] | null,
): Promise<QueueRow[]> {
  const { rows } = await tx.query<QueueRow>(
    `select q.* from (
       select p.id as pathway_id, p.patient_id, p.patient_name, p.specialty, p.priority, p.clock_period_start,
              greatest(0, $2::date - p.clock_period_start) as days_waited,
              greatest(p.clock_period_start, ev.d, ap.d, va.validated_on) as last_activity,
              case greatest(p.clock_period_start, ev.d, ap.d, va.validated_on)
                when va.validated_on then 'validation' when ap.d then 'appointment' when ev.d then 'event' else 'clock_start' end as last_kind,
              va.validated_on as last_validated_on, va.kind as last_validation_kind, va.outcome as last_validation_outcome
         from public.ptl_patients p
         left join lateral (select max(e.event_date) as d from public.ptl_events e
                             where e.pathway_id = p.id and e.event_date <= $2::date) ev on true
         left join lateral (select max(greatest(case when a.booked_on <= $2::date then a.booked_on end,
                                                case when a.date <= $2::date and a.status <> 'booked' then a.date end,
                                                case when a.outcome_date <= $2::date then a.outcome_date end)) as d
                              from public.appointments a where a.pathway_id = p.id) ap on true
         left join lateral (select v.validated_on, v.kind, v.outcome from public.pathway_validations v
                             where v.pathway_id = p.id and v.validated_on <= $2::date
                             order by v.validated_on desc, v.created_at desc limit 1) va on true
        where p.user_id = $1 and p.clock_state = 'running' and p.on_ptl
          ${after ? 'and (p.clock_period_start, p.id) > ($5::date, $6::uuid)' : ''}
        order by p.clock_period_start, p.id
     ) q
     where q.last_activity < $2::date - 7 * $3::int
     limit $4`,
    after ? [ownerId, today, weeks, limit + 1, after[0], after[1]] : [ownerId, today, weeks, limit + 1],
  );
  return rows;
}

// ---------------------------------------------------------------------------------------------
// The person's data: export and portfolio

export async function exportAudits(tx: Queryable, userId: string): Promise<{ audits: AuditRow[]; findings: FindingRow[] }> {
  const audits = await tx.query<AuditRow>('select * from public.quality_audits where user_id = $1 order by ran_at, id', [userId]);
  const findings = await tx.query<FindingRow>(`select f.* from public.quality_findings f where f.user_id = $1 order by f.audit_id, ${FINDING_ORDER}`, [userId]);
  return { audits: audits.rows, findings: findings.rows };
}

export async function exportValidations(tx: Queryable, userId: string): Promise<ValidationRow[]> {
  const { rows } = await tx.query<ValidationRow>('select * from public.pathway_validations where user_id = $1 order by created_at, id', [userId]);
  return rows;
}

/** Counts for the portfolio: audits, validations, the first and latest score, the latest change. */
export async function qualityActivity(
  tx: Queryable,
  userId: string,
): Promise<{ audits: number; validations: number; first_score: number | null; latest_score: number | null; last_at: Date | null }> {
  const { rows } = await tx.query<{ audits: number; validations: number; first_score: number | null; latest_score: number | null; last_at: Date | null }>(
    `select (select count(*) from public.quality_audits where user_id = $1)::int as audits,
            (select count(*) from public.pathway_validations where user_id = $1)::int as validations,
            (select score from public.quality_audits where user_id = $1 order by ran_at, id limit 1) as first_score,
            (select score from public.quality_audits where user_id = $1 order by ran_at desc, id desc limit 1) as latest_score,
            greatest((select max(ran_at) from public.quality_audits where user_id = $1),
                     (select max(created_at) from public.pathway_validations where user_id = $1),
                     (select max(decided_at) from public.quality_findings where user_id = $1)) as last_at`,
    [userId],
  );
  return rows[0]!;
}
