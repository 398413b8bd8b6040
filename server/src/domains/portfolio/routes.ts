import { Router } from 'express';
import { caller, requireUser } from '../../http/auth.js';
import { PRINT_CSS_HASH } from './html.js';
import type { PortfolioService } from './service.js';

/**
 * The printable page's own policy, stricter than the app's: nothing may load or run, and the one
 * inline stylesheet is allowed by its hash alone.
 */
const PRINTABLE_CSP = [
  "default-src 'none'",
  `style-src ${PRINT_CSS_HASH}`,
  "img-src 'self' data:",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export function portfolioRoutes({ portfolio }: { portfolio: PortfolioService }) {
  const router = Router();
  router.use(requireUser);
  router.use((_req, res, next) => {
    // Personal data: never kept by a shared cache or the browser's back-forward cache.
    res.setHeader('cache-control', 'no-store');
    next();
  });

  router.get('/', async (req, res) => {
    res.json(await portfolio.mine(caller(req)));
  });

  router.get('/export', async (req, res) => {
    const doc = await portfolio.exportData(caller(req));
    res.setHeader('content-disposition', `attachment; filename="portfolio-export-${doc.exported_at.slice(0, 10)}.json"`);
    res.type('application/json').send(JSON.stringify(doc, null, 2));
  });

  router.get('/export.html', async (req, res) => {
    const html = await portfolio.printable(caller(req));
    res.setHeader('content-security-policy', PRINTABLE_CSP);
    res.type('text/html; charset=utf-8').send(html);
  });

  return router;
}
