import type { AuthContext } from '../../auth/context.js';
import type { Page } from '../../contract/pagination.js';
import type { RttReturn, RttReturnHistoryQuery, RttReturnRecord } from '../../contract/reports.js';
import type { Db } from '../../db/types.js';
import { validationFailed } from '../../errors.js';
import { CursorParts, decodeCursor, pageOf } from '../../kit/cursor.js';
import { todayInEngland } from '../../kit/dates.js';
import { z } from 'zod';
import * as repo from './repo.js';
import { censusFor, createReturnTally, rttReturnCsv } from './rtt-return.js';

/** Pathways per fetch from the server-side cursor: a few MB of rows at a time, whatever the PTL's size. */
const CHUNK = 5_000;

const HistoryCursor = z.tuple([CursorParts.timestamp, CursorParts.id]);

/** A recorded return as the API shows it; every field named, so no column leaves by accident. */
export function presentReturnRecord(r: repo.ReturnRecordRow): RttReturnRecord {
  return {
    id: r.id,
    month: r.month,
    census_date: r.census_date,
    provisional: r.provisional,
    total: r.total,
    within_18_weeks: r.within_18_weeks,
    over_52_weeks: r.over_52_weeks,
    produced_at: r.produced_at.toISOString(),
  };
}

export type ReportsService = ReturnType<typeof createReportsService>;

export function createReportsService({ db, today = todayInEngland }: { db: Db; today?: () => string }) {
  /**
   * The caller's return for `month` (default: the current one) at its census, recorded in their
   * history in the same transaction: the return and its record commit together. A later month is 400.
   */
  async function rttIncomplete(auth: AuthContext, month?: string): Promise<RttReturn> {
    const now = today();
    const wanted = month ?? now.slice(0, 7);
    const census = censusFor(wanted, now);
    if (!census.ok) throw validationFailed(census.reason, [{ path: 'month', message: census.reason }]);
    const userId = auth.account.id;
    return db.asUser(auth.claims, async (tx) => {
      const tally = createReturnTally(census.census_date);
      await repo.forEachPathwayChunk(tx, userId, census.census_date, CHUNK, (chunk) => tally.add(chunk));
      const report = tally.result(wanted, census.provisional);
      await repo.insertReturn(tx, userId, {
        month: report.month,
        census_date: report.census_date,
        provisional: report.provisional,
        total: report.total.total,
        within_18_weeks: report.total.within_18_weeks,
        over_52_weeks: report.total.over_52_weeks,
      });
      return report;
    });
  }

  return {
    rttIncomplete,

    /** The same return as the national CSV (header, one line per treatment function, TOTAL last). */
    async rttIncompleteCsv(auth: AuthContext, month?: string): Promise<{ report: RttReturn; csv: string }> {
      const report = await rttIncomplete(auth, month);
      return { report, csv: rttReturnCsv(report) };
    },

    /** The returns the caller produced, newest first. */
    async history(auth: AuthContext, q: RttReturnHistoryQuery): Promise<Page<RttReturnRecord>> {
      const after = q.cursor ? decodeCursor(q.cursor, HistoryCursor) : null;
      const rows = await db.asUser(auth.claims, (tx) => repo.historyPage(tx, auth.account.id, after, q.limit));
      return pageOf(rows, q.limit, presentReturnRecord, (last) => [last.cursor_at, last.id]);
    },
  };
}
