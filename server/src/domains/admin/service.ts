import { z } from 'zod';
import type { AuthContext } from '../../auth/context.js';
import type { Role, TrainingLevel } from '../../contract/accounts.js';
import type { Page } from '../../contract/pagination.js';
import { MONITORED_ROLES, type AuditEntry, type AuditQuery, type Portfolio, type ProgressQuery, type TraineeProgress } from '../../contract/portfolio.js';
import type { Db, Queryable } from '../../db/types.js';
import { forbidden, notFound } from '../../errors.js';
import { CursorParts, decodeCursor, encodeCursor, pageOf } from '../../kit/cursor.js';
import { todayInEngland } from '../../kit/dates.js';
import { moduleActivity } from './module-activity.js';
import * as repo from './repo.js';

/** One number: a position in the progress list (its sorts are computed figures), or the trail's last id seen. */
const NumberCursor = z.tuple([CursorParts.count]);

function presentProgress(r: repo.ProgressRow, modules: TraineeProgress['modules']): TraineeProgress {
  return {
    id: r.id,
    email: r.email,
    first_name: r.first_name ?? '',
    last_name: r.last_name ?? '',
    role: r.role as Role,
    training_level: r.training_level as TrainingLevel | null,
    created_at: r.created_at.toISOString(),
    last_seen_at: r.last_seen_at?.toISOString() ?? null,
    sessions_completed: r.sessions_as_candidate + r.sessions_as_actor,
    sessions_as_candidate: r.sessions_as_candidate,
    sessions_as_actor: r.sessions_as_actor,
    average_marks: r.average_marks ?? {},
    overall_average: r.overall_average,
    last_activity_at: r.last_activity_at?.toISOString() ?? null,
    ptl_pathways: r.ptl_pathways,
    modules,
  };
}

function presentAudit(r: repo.AuditRow): AuditEntry {
  return {
    id: r.id,
    at: r.at.toISOString(),
    action: r.action,
    admin: { id: r.admin_id, email: r.admin_email },
    subject: r.subject_id ? { id: r.subject_id, first_name: r.subject_first_name, last_name: r.subject_last_name } : null,
    detail: r.detail,
  };
}

export type AdminService = ReturnType<typeof createAdminService>;

/**
 * The progress monitor. Every read runs as the admin (role app_admin: read-only policies) and every
 * read that reveals trainees' data writes its audit-trail row in the same transaction, so the view
 * and its record commit together or not at all.
 */
export function createAdminService({
  db,
  readPortfolio,
  today = todayInEngland,
}: {
  db: Db;
  /** England's date, for the module counts that depend on it (cancer breaches). */
  today?: () => string;
  /** One person's portfolio as an admin sees it, in the admin's transaction (the portfolio domain's). */
  readPortfolio: (tx: Queryable, userId: string) => Promise<Portfolio | null>;
}) {
  function requireAdmin(auth: AuthContext) {
    // The routes check the role too; this keeps the service safe if it is ever called from elsewhere.
    if (auth.account.role !== 'admin' || auth.claims.role !== 'app_admin') throw forbidden('Admins only');
  }

  return {
    /** Every trainee (and doctor in training) with their activity figures; recorded as a view of all. */
    async progress(auth: AuthContext, q: ProgressQuery): Promise<Page<TraineeProgress>> {
      requireAdmin(auth);
      const offset = q.cursor ? decodeCursor(q.cursor, NumberCursor)[0] : 0;
      const { rows, modules } = await db.asUser(auth.claims, async (tx) => {
        const found = await repo.progressPage(tx, q, offset);
        // One statement per module for the whole page (module-activity.ts says why not per trainee).
        const activity = await moduleActivity(tx, found.slice(0, q.limit).map((r) => r.id), today());
        await repo.recordView(tx, auth.account.id, 'progress.list', null, {
          q: q.q ?? null,
          sort: q.sort,
          dir: q.dir ?? null,
          offset,
          shown: Math.min(found.length, q.limit),
        });
        return { rows: found, modules: activity };
      });
      return {
        items: rows.slice(0, q.limit).map((r) => presentProgress(r, modules.get(r.id) ?? {})),
        next_cursor: rows.length > q.limit ? encodeCursor([offset + q.limit]) : null,
      };
    },

    /** One trainee's portfolio, read-only, recorded against that trainee. 404 for anyone not monitored. */
    async traineePortfolio(auth: AuthContext, traineeId: string): Promise<Portfolio> {
      requireAdmin(auth);
      return db.asUser(auth.claims, async (tx) => {
        const portfolio = await readPortfolio(tx, traineeId);
        if (!portfolio || !(MONITORED_ROLES as readonly string[]).includes(portfolio.person.role)) throw notFound('No such trainee');
        await repo.recordView(tx, auth.account.id, 'trainee.portfolio', traineeId, {});
        return portfolio;
      });
    },

    /** The audit trail, newest first (reading it is not itself recorded: it shows no trainee data). */
    async audit(auth: AuthContext, q: AuditQuery): Promise<Page<AuditEntry>> {
      requireAdmin(auth);
      const before = q.cursor ? decodeCursor(q.cursor, NumberCursor)[0] : null;
      const rows = await db.asUser(auth.claims, (tx) => repo.auditPage(tx, { subjectId: q.subject_id, before, limit: q.limit }));
      return pageOf(rows, q.limit, presentAudit, (last) => [last.id]);
    },

    /**
     * One row of the audit trail, in the caller's (an admin's) transaction: for another domain whose
     * reads reveal a trainee's data (cases: a trainee's private case).
     */
    recordView: repo.recordView,
  };
}
