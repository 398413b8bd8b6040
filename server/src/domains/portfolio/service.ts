import type { Portfolio, PortfolioExport } from '../../contract/portfolio.js';
import type { Db, Queryable } from '../../db/types.js';
import { notFound } from '../../errors.js';
import type { AuthContext } from '../accounts/auth-context.js';
import { buildPortfolio } from './build.js';
import { buildExport } from './export.js';
import { renderPortfolioHtml } from './html.js';
import * as repo from './repo.js';

export type PortfolioService = ReturnType<typeof createPortfolioService>;

/**
 * Reads one person's portfolio inside an open transaction, as whoever the transaction runs as.
 * Null when that person's account is not visible to the caller.
 */
export async function readPortfolio(tx: Queryable, userId: string, viewer: repo.Viewer, now = new Date()): Promise<Portfolio | null> {
  const person = await repo.findPerson(tx, userId);
  if (!person) return null;
  const sessions = await repo.sessionFacts(tx, userId, viewer);
  const ptl = await repo.ptlFacts(tx, userId);
  const cases = await repo.casesWritten(tx, userId);
  return buildPortfolio({
    person: {
      user_id: person.id,
      first_name: person.first_name ?? '',
      last_name: person.last_name ?? '',
      training_level: person.training_level,
      role: person.role,
      created_at: person.created_at,
    },
    sessions,
    ptl,
    cases,
    now,
  });
}

export function createPortfolioService({ db, now = () => new Date() }: { db: Db; now?: () => Date }) {
  async function mine(auth: AuthContext): Promise<Portfolio> {
    const portfolio = await db.asUser(auth.claims, (tx) => readPortfolio(tx, auth.account.id, 'self', now()));
    if (!portfolio) throw notFound('No such account');
    return portfolio;
  }

  return {
    /** The caller's own portfolio: their sessions, scores, feedback, reflections and module activity. */
    mine,

    /**
     * Everything the caller owns, read as the caller in one transaction (one consistent snapshot):
     * RLS keeps out everyone else's rows, and session cases go through the reveal rules, so nothing
     * the caller could not see in the app is in the file.
     */
    async exportData(auth: AuthContext): Promise<PortfolioExport> {
      const userId = auth.account.id;
      return db.asUser(auth.claims, async (tx) => {
        const person = await repo.findPerson(tx, userId);
        if (!person) throw notFound('No such account');
        const ptl = await repo.exportPathways(tx, userId);
        const cases = await repo.exportCases(tx, userId);
        const sessions = await repo.exportSessions(tx, userId);
        const ids = sessions.map((s) => s.id);
        const segments = await repo.exportTranscriptSegments(tx, ids);
        const assessments = await repo.exportAssessments(tx, ids);
        const records = await repo.exportMedicalRecords(tx, userId);
        return buildExport({ person, ptl, cases, sessions, segments, assessments, records, now: now() });
      });
    },

    /** The caller's portfolio as a self-contained printable HTML page. */
    async printable(auth: AuthContext): Promise<string> {
      return renderPortfolioHtml(await mine(auth));
    },
  };
}
