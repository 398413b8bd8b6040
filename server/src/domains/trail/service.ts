import { z } from 'zod';
import type { Page } from '../../contract/pagination.js';
import type { TrailEntry, TrailQuery } from '../../contract/trail.js';
import type { Db } from '../../db/types.js';
import { forbidden } from '../../errors.js';
import { decodeCursor, pageOf } from '../../kit/cursor.js';
import { recordAdminView } from '../../kit/oversight.js';
import type { AuthContext } from '../../auth/context.js';
import { listTrail, type TrailRow } from './repo.js';

const TrailCursor = z.tuple([z.number().int().positive()]);

export function presentTrail(r: TrailRow): TrailEntry {
  return {
    id: Number(r.id),
    at: r.at.toISOString(),
    owner_id: r.owner_id,
    actor_id: r.actor_id,
    table: r.table_name,
    row_id: r.row_id,
    action: r.action,
    before: r.before,
    after: r.after,
  };
}

export type TrailService = ReturnType<typeof createTrailService>;

export function createTrailService({ db }: { db: Db }) {
  return {
    /**
     * The caller's own trail; admins see everyone's (`user_id` narrows it to one person, and the
     * look goes on the admin oversight log like every other view of a trainee's data).
     */
    async list(auth: AuthContext, q: TrailQuery): Promise<Page<TrailEntry>> {
      const admin = auth.account.role === 'admin';
      if (q.user_id && !admin) throw forbidden('Only admins read other people’s trails');
      const beforeId = q.cursor ? decodeCursor(q.cursor, TrailCursor)[0] : null;
      const rows = await db.asUser(auth.claims, async (tx) => {
        if (admin && q.user_id) await recordAdminView(tx, auth.account.id, 'trail.view', q.user_id, { table: q.table ?? null, row_id: q.row_id ?? null });
        return listTrail(tx, admin ? (q.user_id ?? null) : auth.account.id, q, beforeId);
      });
      return pageOf(rows, q.limit, presentTrail, (r) => [Number(r.id)]);
    },
  };
}
