import { z } from 'zod';
import type { AuthContext } from '../../auth/context.js';
import type { CaseCreateSchema, CaseDetail, CaseListItem, CaseListQuery, CaseUpdateSchema } from '../../contract/cases.js';
import type { Page } from '../../contract/pagination.js';
import type { Db, Queryable } from '../../db/types.js';
import { conflict, forbidden, notFound } from '../../errors.js';
import { CursorParts, decodeCursor, pageOf } from '../../kit/cursor.js';
import { presentCaseDetail, presentCaseListItem } from './present.js';
import * as repo from './repo.js';

const hidden = () => notFound('This case does not exist, or its content is not yours to see');

/** The library's keyset: the last case handed out, by name then id. */
const ListCursor = z.tuple([CursorParts.text, CursorParts.id]);

/**
 * Writes one row of the admins' audit trail in the caller's transaction (the admin domain's, handed
 * over by the registry): an admin reading a trainee's private case is recorded like any other view.
 */
export type RecordView = (tx: Queryable, adminId: string, action: string, subjectId: string | null, detail: Record<string, unknown>) => Promise<void>;

/** Whether the caller may change this case: their own, or (admins) the shared bank. */
function editable(auth: AuthContext, c: repo.CaseRow) {
  return c.owner_id === auth.account.id || (c.owner_id === null && auth.account.role === 'admin');
}

export type CasesService = ReturnType<typeof createCasesService>;

export function createCasesService({ db, recordView }: { db: Db; recordView: RecordView }) {
  async function detail(tx: Queryable, id: string): Promise<CaseDetail> {
    const row = await repo.findCaseWithContent(tx, id);
    if (!row) throw hidden();
    return presentCaseDetail(row);
  }

  return {
    /** The library: names, categories and domains only — never briefs or conditions. */
    async list(auth: AuthContext, q: CaseListQuery): Promise<Page<CaseListItem>> {
      const after = q.cursor ? decodeCursor(q.cursor, ListCursor) : null;
      const rows = await db.asUser(auth.claims, (tx) => repo.listCases(tx, auth.account.id, q, after && { name: after[0], id: after[1] }));
      return pageOf(rows, q.limit, presentCaseListItem, (last) => [last.case_name, last.id]);
    },

    /**
     * The whole case, for its owner or an admin; for anyone else it does not exist. An admin opening
     * a trainee's private case is a view of that trainee's data: it goes on the audit trail.
     */
    async get(auth: AuthContext, id: string): Promise<CaseDetail> {
      return db.asUser(auth.claims, async (tx) => {
        const found = await detail(tx, id);
        if (auth.account.role === 'admin' && found.owner_id !== null && found.owner_id !== auth.account.id) {
          await recordView(tx, auth.account.id, 'case.view', found.owner_id, { case_id: id });
        }
        return found;
      });
    },

    async create(auth: AuthContext, input: z.output<typeof CaseCreateSchema>): Promise<CaseDetail> {
      if (input.shared && auth.account.role !== 'admin') throw forbidden('Only admins add cases to the shared bank');
      const { shared, condition, candidate_brief, actor_brief, mark_scheme, ...fields } = input;
      return db.asUser(auth.claims, async (tx) => {
        const id = await repo.insertCase(tx, shared ? null : auth.account.id, fields, { condition, candidate_brief, actor_brief, mark_scheme });
        return detail(tx, id);
      });
    },

    /** Applies the changes if `version` is current; the owner edits their case, admins the shared bank. */
    async update(auth: AuthContext, id: string, input: z.output<typeof CaseUpdateSchema>): Promise<CaseDetail> {
      return db.asUser(auth.claims, async (tx) => {
        const current = await repo.findCaseWithContent(tx, id);
        if (!current || !editable(auth, current)) throw hidden();
        const { version, ...changes } = input;
        const merged = { ...current, ...Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)) };
        const ok = await repo.updateCase(tx, id, version, merged, merged);
        if (!ok) throw conflict('This case was changed elsewhere; reload to see the latest');
        return detail(tx, id);
      });
    },

    async remove(auth: AuthContext, id: string): Promise<void> {
      await db.asUser(auth.claims, async (tx) => {
        const current = await repo.findCase(tx, id);
        if (!current || !editable(auth, current) || !(await repo.deleteCase(tx, id))) throw hidden();
      });
    },
  };
}
