import type { Page } from '../../contract/pagination.js';
import type {
  AuditListQuery,
  FindingListQuery,
  FindingUpdateSchema,
  PathwayValidation,
  QualityAudit,
  QualityFinding,
  QualityFindingDetail,
  QualityScorePoint,
  ScoreQuery,
  ValidationCreateSchema,
  ValidationListQuery,
  ValidationQueueItem,
  ValidationQueueQuery,
  AuditCreateSchema,
} from '../../contract/quality.js';
import type { AuthContext } from '../../auth/context.js';
import type { Db, Queryable } from '../../db/types.js';
import { conflict, forbidden, notFound, validationFailed } from '../../errors.js';
import { CursorParts, decodeCursor, pageOf } from '../../kit/cursor.js';
import { recordAdminView } from '../../kit/oversight.js';
import { iso } from '../../kit/owned-resource.js';
import { z } from 'zod';
import * as repo from './repo.js';
import type { AuditRow, FindingRow, ValidationRow } from './repo.js';
import { runAudit } from './run.js';

export function presentAudit(a: AuditRow): QualityAudit {
  return {
    id: a.id,
    ran_at: iso(a.ran_at)!,
    as_of: a.as_of,
    settings: { inactive_weeks: a.settings.inactive_weeks, soon_weeks: a.settings.soon_weeks },
    records_checked: a.records_checked,
    findings: a.counts.findings,
    open_findings: a.counts.open_findings,
    by_rule: a.counts.by_rule,
    score: a.score === null ? null : Number(a.score),
    version: a.version,
  };
}

const HREF = { ptl: '/api/ptl/', cancer: '/api/cancer/' } as const;

export function presentFinding(f: FindingRow): QualityFinding {
  return {
    id: f.id,
    audit_id: f.audit_id,
    rule: f.rule,
    severity: f.severity,
    target: { type: f.target_type, id: f.target_id, label: f.label, href: `${HREF[f.target_type]}${f.target_id}` },
    message: f.message,
    detail: f.detail,
    status: f.status,
    reason: f.reason,
    decided_at: iso(f.decided_at),
    version: f.version,
  };
}

export function presentValidation(v: ValidationRow): PathwayValidation {
  return {
    id: v.id,
    pathway_id: v.pathway_id,
    kind: v.kind,
    outcome: v.outcome,
    validated_on: v.validated_on,
    note: v.note,
    version: v.version,
    created_at: iso(v.created_at)!,
    updated_at: iso(v.updated_at)!,
  };
}

const auditCursor = z.tuple([CursorParts.timestamp, CursorParts.id]);
const findingCursor = z.tuple([z.number().int().min(0).max(1), CursorParts.text, CursorParts.text, CursorParts.id]);
const validationCursor = z.tuple([CursorParts.date, CursorParts.timestamp, CursorParts.id]);
const queueCursor = z.tuple([CursorParts.date, CursorParts.id]);

export type QualityService = ReturnType<typeof createQualityService>;

export function createQualityService({ db, today }: { db: Db; today: () => string }) {
  /**
   * Runs `fn` as the caller over `owner`'s rows: their own, or (admins only, read-only) someone
   * else's named by `?user_id=`, recorded on the admin oversight log in the same transaction.
   */
  async function readAs<T>(auth: AuthContext, userId: string | undefined, action: string, fn: (tx: Queryable, ownerId: string) => Promise<T>): Promise<T> {
    const someoneElse = userId !== undefined && userId !== auth.account.id ? userId : null;
    if (someoneElse && auth.account.role !== 'admin') throw forbidden('Only admins read other people’s rows');
    return db.asUser(auth.claims, async (tx) => {
      if (someoneElse) await recordAdminView(tx, auth.account.id, action, someoneElse, {});
      return fn(tx, someoneElse ?? auth.account.id);
    });
  }

  /** An admin's look at one row of someone else's goes on the oversight log. */
  async function noteAdminView(tx: Queryable, auth: AuthContext, action: string, ownerId: string, id: string) {
    if (auth.account.role === 'admin' && ownerId !== auth.account.id) await recordAdminView(tx, auth.account.id, action, ownerId, { id });
  }

  const noAudit = () => notFound('This audit does not exist, or it is not yours');
  const noFinding = () => notFound('This finding does not exist, or it is not yours');

  return {
    /** Runs the eleven rules over the caller's PTL and cancer pathways at `as_of` (default today) and stores the run. */
    async run(auth: AuthContext, input: z.output<typeof AuditCreateSchema>): Promise<QualityAudit> {
      const now = today();
      const asOf = input.as_of ?? now;
      if (asOf > now) throw validationFailed('The census date cannot be in the future', [{ path: 'as_of', message: 'The census date cannot be in the future' }]);
      const audit = await db.asUser(auth.claims, (tx) =>
        runAudit(tx, auth.account.id, { inactive_weeks: input.inactive_weeks, soon_weeks: input.soon_weeks }, { as_of: asOf, today: now }),
      );
      return presentAudit(audit);
    },

    async listAudits(auth: AuthContext, q: AuditListQuery): Promise<Page<QualityAudit>> {
      const after = q.cursor ? decodeCursor(q.cursor, auditCursor) : null;
      const rows = await readAs(auth, q.user_id, 'quality_audits.list', (tx, owner) => repo.listAudits(tx, owner, q.limit, after));
      return pageOf(rows, q.limit, presentAudit, (r) => [r.k, r.id]);
    },

    async getAudit(auth: AuthContext, id: string): Promise<QualityAudit> {
      return db.asUser(auth.claims, async (tx) => {
        const audit = await repo.findAudit(tx, id);
        if (!audit) throw noAudit();
        await noteAdminView(tx, auth, 'quality_audits.view', audit.user_id, id);
        return presentAudit(audit);
      });
    },

    async listFindings(auth: AuthContext, auditId: string, q: FindingListQuery): Promise<Page<QualityFinding>> {
      const after = q.cursor ? decodeCursor(q.cursor, findingCursor) : null;
      return db.asUser(auth.claims, async (tx) => {
        const audit = await repo.findAudit(tx, auditId);
        if (!audit) throw noAudit();
        await noteAdminView(tx, auth, 'quality_findings.list', audit.user_id, auditId);
        const rows = await repo.listFindings(tx, auditId, q, q.limit, after);
        return pageOf(rows, q.limit, presentFinding, (r) => [r.severity === 'warning' ? 1 : 0, r.rule, r.label, r.id]);
      });
    },

    /** The finding with its record as it is now (null when the record was deleted since the run). */
    async getFinding(auth: AuthContext, id: string): Promise<QualityFindingDetail> {
      return db.asUser(auth.claims, async (tx) => {
        const f = await repo.findFinding(tx, id);
        if (!f) throw noFinding();
        await noteAdminView(tx, auth, 'quality_findings.view', f.user_id, id);
        return { ...presentFinding(f), record: await repo.targetRecord(tx, f.target_type, f.target_id) };
      });
    },

    /** Resolves or accepts a finding with a reason, or reopens it; 409 when the version is stale. */
    async decide(auth: AuthContext, id: string, input: z.output<typeof FindingUpdateSchema>): Promise<QualityFinding> {
      return db.asUser(auth.claims, async (tx) => {
        const f = await repo.findFinding(tx, id, { lock: true });
        // An admin sees the row but has no write policy: to them it is not theirs to change.
        if (!f || f.user_id !== auth.account.id) throw noFinding();
        if (f.version !== input.version) throw conflict('This finding was changed since you opened it; reload and try again');
        const after = await repo.decideFinding(tx, id, input.status, input.status === 'open' ? null : input.reason!);
        if (!after) throw noFinding();
        return presentFinding(after);
      });
    },

    async score(auth: AuthContext, q: ScoreQuery): Promise<{ items: QualityScorePoint[] }> {
      const rows = await readAs(auth, q.user_id, 'quality_audits.score', (tx, owner) => repo.scoreSeries(tx, owner, q.from ?? null, q.to ?? null));
      return {
        items: rows.map((a) => ({ audit_id: a.id, ran_at: iso(a.ran_at)!, score: a.score === null ? null : Number(a.score), records_checked: a.records_checked, open_findings: a.counts.open_findings })),
      };
    },

    /** Records a validation of one of the caller's pathways. It is activity; it never touches the pathway or its clock. */
    async validate(auth: AuthContext, input: z.output<typeof ValidationCreateSchema>): Promise<PathwayValidation> {
      if (input.validated_on > today()) {
        throw validationFailed('A validation cannot be in the future', [{ path: 'validated_on', message: 'A validation cannot be in the future' }]);
      }
      return db.asUser(auth.claims, async (tx) => {
        if (!(await repo.pathwayVisible(tx, auth.account.id, input.pathway_id))) throw notFound('This pathway does not exist, or it is not yours');
        return presentValidation(await repo.insertValidation(tx, auth.account.id, input));
      });
    },

    async listValidations(auth: AuthContext, q: ValidationListQuery): Promise<Page<PathwayValidation>> {
      const after = q.cursor ? decodeCursor(q.cursor, validationCursor) : null;
      const rows = await readAs(auth, q.user_id, 'pathway_validations.list', (tx, owner) => repo.listValidations(tx, owner, q, q.limit, after));
      return pageOf(rows, q.limit, presentValidation, (r) => [r.validated_on, r.k, r.id]);
    },

    /** The pathways due for validation (an extension of the contract): no activity within `weeks` weeks, longest wait first. */
    async queue(auth: AuthContext, q: ValidationQueueQuery): Promise<Page<ValidationQueueItem>> {
      const after = q.cursor ? decodeCursor(q.cursor, queueCursor) : null;
      const rows = await readAs(auth, q.user_id, 'pathway_validations.queue', (tx, owner) => repo.validationQueue(tx, owner, today(), q.weeks, q.limit, after));
      return pageOf(
        rows,
        q.limit,
        (r): ValidationQueueItem => ({
          pathway_id: r.pathway_id,
          patient_id: r.patient_id,
          patient_name: r.patient_name,
          specialty: r.specialty,
          priority: r.priority,
          clock_start_date: r.clock_period_start,
          days_waited: r.days_waited,
          last_activity: { date: r.last_activity, kind: r.last_kind },
          last_validation: r.last_validated_on ? { validated_on: r.last_validated_on, kind: r.last_validation_kind!, outcome: r.last_validation_outcome! } : null,
        }),
        (r) => [r.clock_period_start, r.pathway_id],
      );
    },
  };
}
