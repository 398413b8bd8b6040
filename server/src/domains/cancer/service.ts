import {
  CANCER_PATHWAY_FIELDS,
  type CancerClocks,
  type CancerGetQuery,
  type CancerListQuery,
  type CancerMdtDiscussion,
  type CancerPathway,
  type CancerPathwayDetail,
  type CancerStats,
  type CancerStatsQuery,
} from '../../contract/cancer.js';
import type { Page } from '../../contract/pagination.js';
import type { AuthContext } from '../../auth/context.js';
import type { Db, Queryable } from '../../db/types.js';
import { forbidden } from '../../errors.js';
import { ownedResource } from '../../kit/owned-resource.js';
import { recordAdminView } from '../../kit/oversight.js';
import { cancerClocks } from './clocks.js';
import { decodeCursor, encodeCursor } from './list-query.js';
import { presentPathway } from './present.js';
import * as repo from './repo.js';
import { pathwayProblems, type PathwayDates } from './rules.js';
import { buildStats, monthRange } from './stats.js';

export type { CancerPathwayRow } from './repo.js';

/**
 * Reads a pathway's MDT listings inside the caller's transaction. `userId` is the pathway's owner
 * (the caller, or the person whose pathway an admin is reading).
 */
export type MdtDiscussionsReader = (tx: Queryable, userId: string, cancerPathwayId: string) => Promise<CancerMdtDiscussion[]>;

export type CancerService = ReturnType<typeof createCancerService>;

export function createCancerService({ db, today }: { db: Db; today: () => string }) {
  let readDiscussions: MdtDiscussionsReader | null = null;

  // The kit does the writes: version checks (409), the rules on the row as it would be (400),
  // RLS refusals (a foreign ptl_pathway_id → 404). Reads and the list are this service's own,
  // because they take a census date.
  const pathways = ownedResource<repo.CancerPathwayRow, CancerPathway>(
    db,
    {
      noun: 'cancer pathway',
      table: 'public.cancer_pathways',
      insertColumns: CANCER_PATHWAY_FIELDS,
      updateColumns: CANCER_PATHWAY_FIELDS,
      // Unused (the list is list-query.ts's), but the kit's definition asks for an order.
      sort: { keys: [{ expr: 't.created_at', type: 'timestamptz' }], dir: 'desc' },
      check: (next, _before, ctx) => pathwayProblems(next as unknown as PathwayDates, ctx.today),
      present: (row) => presentPathway(row, today()),
    },
    today,
  );

  /** Whose rows a read is for: the caller's, or (admins only) the named person's, on the oversight log. */
  async function ownerFor(tx: Queryable, auth: AuthContext, userId: string | undefined, action: string): Promise<string> {
    if (userId === undefined || userId === auth.account.id) return auth.account.id;
    if (auth.account.role !== 'admin') throw forbidden('Only admins read other people’s rows');
    await recordAdminView(tx, auth.account.id, action, userId, {});
    return userId;
  }

  return {
    create: pathways.create,
    update: pathways.update,
    remove: pathways.remove,

    /** One keyset page of the pathways, filtered and sorted on their clocks at the census date. */
    async list(auth: AuthContext, q: CancerListQuery): Promise<Page<CancerPathway>> {
      const asOf = q.as_of ?? today();
      const cursor = q.cursor ? decodeCursor(q.cursor) : null;
      return db.asUser(auth.claims, async (tx) => {
        const owner = await ownerFor(tx, auth, q.user_id, 'cancer_pathways.list');
        const rows = await repo.listPage(tx, q, asOf, owner, cursor);
        const page = rows.slice(0, q.limit);
        const last = page.at(-1);
        return {
          items: page.map((r) => presentPathway(r, asOf)),
          next_cursor: rows.length > q.limit && last ? encodeCursor({ key: last.sort_key, id: last.id }) : null,
        };
      });
    },

    /** The pathway with its clocks at the census date and its MDT listings, in one transaction. */
    async get(auth: AuthContext, id: string, q: CancerGetQuery): Promise<CancerPathwayDetail> {
      return db.asUser(auth.claims, async (tx) => {
        const row = await pathways.findIn(tx, id);
        if (!row || (q.user_id !== undefined && row.user_id !== q.user_id)) throw pathways.hidden();
        if (row.user_id !== auth.account.id) await recordAdminView(tx, auth.account.id, 'cancer_pathways.view', row.user_id, { id });
        const mdt = readDiscussions ? await readDiscussions(tx, row.user_id, row.id) : [];
        return { ...presentPathway(row, q.as_of ?? today()), mdt };
      });
    },

    /** The month's three standards and the census's open pathways. */
    async stats(auth: AuthContext, q: CancerStatsQuery): Promise<CancerStats> {
      const asOf = q.as_of ?? today();
      const month = q.month ?? asOf.slice(0, 7);
      const { start, end } = monthRange(month);
      return db.asUser(auth.claims, async (tx) => {
        const owner = await ownerFor(tx, auth, q.user_id, 'cancer_pathways.stats');
        return buildStats(month, asOf, await repo.statsCounts(tx, owner, asOf, start, end));
      });
    },

    // For the MDT domain, inside its own transactions.

    /** The MDT domain hands over how to read a pathway's listings; GET /:id shows them as `mdt`. */
    attachDiscussions(reader: MdtDiscussionsReader): void {
      readDiscussions = reader;
    },

    /** The clocks at `asOf` of the user's pathways among `ids` (others' and unknown ids are absent). */
    async clocksIn(tx: Queryable, userId: string, ids: string[], asOf: string): Promise<Map<string, CancerClocks>> {
      const rows = await repo.findManyOwned(tx, userId, ids);
      return new Map(rows.map((r) => [r.id, cancerClocks(r, asOf)]));
    },

    /** The user's pathway, or null when it does not exist or is someone else's. */
    findIn(tx: Queryable, userId: string, id: string): Promise<repo.CancerPathwayRow | null> {
      return repo.findOwned(tx, userId, id);
    },

    /** The person's pathways for their personal-data export, with clocks as of today. */
    async exportFor(tx: Queryable, userId: string): Promise<CancerPathway[]> {
      const asOf = today();
      return (await repo.exportPathways(tx, userId)).map((r) => presentPathway(r, asOf));
    },

    /** Counts for the portfolio: pathways, open now, with a clock breached now; and the latest change. */
    portfolioCounts(tx: Queryable, userId: string) {
      return repo.pathwayActivity(tx, userId, today());
    },
  };
}
