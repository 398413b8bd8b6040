import type { TrainingLevel, Role } from '../../contract/accounts.js';
import type { Page } from '../../contract/pagination.js';
import { MONITORED_ROLES, type AuditEntry, type AuditQuery, type Portfolio, type ProgressQuery, type TraineeProgress } from '../../contract/portfolio.js';
import type { Db } from '../../db/types.js';
import { forbidden, notFound, validationFailed } from '../../errors.js';
import type { AuthContext } from '../accounts/auth-context.js';
import { readPortfolio } from '../portfolio/service.js';
import * as repo from './repo.js';

const badCursor = () => validationFailed('Invalid cursor', [{ path: 'cursor', message: 'Not a cursor this list handed out' }]);

/** Cursors are opaque to clients: a position (progress list) or the last id seen (audit trail). */
function encodeCursor(n: number): string {
  return Buffer.from(JSON.stringify([n])).toString('base64url');
}

function decodeCursor(raw: string): number {
  try {
    const [n] = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as [unknown];
    if (typeof n === 'number' && Number.isSafeInteger(n) && n >= 0) return n;
  } catch {
    // fall through
  }
  throw badCursor();
}

function presentProgress(r: repo.ProgressRow): TraineeProgress {
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
export function createAdminService({ db, now = () => new Date() }: { db: Db; now?: () => Date }) {
  function requireAdmin(auth: AuthContext) {
    // The routes check the role too; this keeps the service safe if it is ever called from elsewhere.
    if (auth.account.role !== 'admin' || auth.claims.role !== 'app_admin') throw forbidden('Admins only');
  }

  return {
    /** Every trainee (and doctor in training) with their activity figures; recorded as a view of all. */
    async progress(auth: AuthContext, q: ProgressQuery): Promise<Page<TraineeProgress>> {
      requireAdmin(auth);
      const offset = q.cursor ? decodeCursor(q.cursor) : 0;
      const rows = await db.asUser(auth.claims, async (tx) => {
        const found = await repo.progressPage(tx, q, offset);
        await repo.recordView(tx, auth.account.id, 'progress.list', null, {
          q: q.q ?? null,
          sort: q.sort,
          dir: q.dir ?? null,
          offset,
          shown: Math.min(found.length, q.limit),
        });
        return found;
      });
      return {
        items: rows.slice(0, q.limit).map(presentProgress),
        next_cursor: rows.length > q.limit ? encodeCursor(offset + q.limit) : null,
      };
    },

    /** One trainee's portfolio, read-only, recorded against that trainee. 404 for anyone not monitored. */
    async traineePortfolio(auth: AuthContext, traineeId: string): Promise<Portfolio> {
      requireAdmin(auth);
      return db.asUser(auth.claims, async (tx) => {
        const account = await repo.findAccount(tx, traineeId);
        if (!account || !(MONITORED_ROLES as readonly string[]).includes(account.role)) throw notFound('No such trainee');
        const portfolio = await readPortfolio(tx, traineeId, 'admin', now());
        if (!portfolio) throw notFound('No such trainee');
        await repo.recordView(tx, auth.account.id, 'trainee.portfolio', traineeId, {});
        return portfolio;
      });
    },

    /** The audit trail, newest first (reading it is not itself recorded: it shows no trainee data). */
    async audit(auth: AuthContext, q: AuditQuery): Promise<Page<AuditEntry>> {
      requireAdmin(auth);
      const before = q.cursor ? decodeCursor(q.cursor) : null;
      const rows = await db.asUser(auth.claims, (tx) => repo.auditPage(tx, { subjectId: q.subject_id, before, limit: q.limit }));
      const page = rows.slice(0, q.limit);
      const last = page.at(-1);
      return { items: page.map(presentAudit), next_cursor: rows.length > q.limit && last ? encodeCursor(last.id) : null };
    },
  };
}
