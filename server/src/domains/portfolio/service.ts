import type { AuthContext } from '../../auth/context.js';
import type { Portfolio, PortfolioExport } from '../../contract/portfolio.js';
import type { Db, Queryable } from '../../db/types.js';
import { notFound } from '../../errors.js';
import type { Viewer } from '../facts.js';
import type { ComposedProviders } from '../registry.js';
import { buildPortfolio, portfolioInput } from './build.js';
import { buildExport } from './export.js';
import { renderPortfolioHtml } from './html.js';

export type PortfolioService = ReturnType<typeof createPortfolioService>;

/**
 * The portfolio and the export, put together from what every domain provides about one person
 * (their `portfolioFacts` and `exportFor`): this domain reads no table of its own or of others.
 */
export function createPortfolioService({
  db,
  providers,
  now = () => new Date(),
}: {
  db: Db;
  providers: Pick<ComposedProviders, 'exportFor' | 'portfolioFacts'>;
  now?: () => Date;
}) {
  /**
   * One person's portfolio inside an open transaction, as whoever the transaction runs as. Null
   * when that person's account is not visible to the caller.
   */
  async function read(tx: Queryable, userId: string, viewer: Viewer): Promise<Portfolio | null> {
    const input = portfolioInput(await providers.portfolioFacts(tx, userId, viewer), now());
    return input ? buildPortfolio(input) : null;
  }

  async function mine(auth: AuthContext): Promise<Portfolio> {
    const portfolio = await db.asUser(auth.claims, (tx) => read(tx, auth.account.id, 'self'));
    if (!portfolio) throw notFound('No such account');
    return portfolio;
  }

  return {
    read,

    /** The caller's own portfolio: their sessions, scores, feedback, reflections and module activity. */
    mine,

    /**
     * Everything the caller owns, read as the caller in one transaction: RLS keeps out everyone
     * else's rows, and session cases go through the reveal rules, so nothing the caller could not
     * see in the app is in the file.
     */
    async exportData(auth: AuthContext): Promise<PortfolioExport> {
      const parts = await db.asUser(auth.claims, (tx) => providers.exportFor(tx, auth.account.id));
      return buildExport(parts, now());
    },

    /** The caller's portfolio as a self-contained printable HTML page. */
    async printable(auth: AuthContext): Promise<string> {
      return renderPortfolioHtml(await mine(auth));
    },
  };
}
