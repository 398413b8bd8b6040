import { Router } from 'express';
import { RttReturnHistoryQuerySchema, RttReturnQuerySchema, type RttReturnHistoryQuery, type RttReturnQuery } from '../../contract/reports.js';
import { caller, requireUser } from '../../http/auth.js';
import { validateQuery } from '../../http/validate.js';
import type { ReportsService } from './service.js';
import { rttReturnFileName } from './rtt-return.js';

/** `/api/reports`: the monthly RTT return (JSON and CSV) and the history of returns produced. */
export function reportsRoutes({ reports }: { reports: ReportsService }) {
  const router = Router();
  router.use(requireUser);

  router.get('/rtt-incomplete', validateQuery(RttReturnQuerySchema), async (req, res) => {
    res.json(await reports.rttIncomplete(caller(req), (res.locals.query as RttReturnQuery).month));
  });

  router.get('/rtt-incomplete.csv', validateQuery(RttReturnQuerySchema), async (req, res) => {
    const { report, csv } = await reports.rttIncompleteCsv(caller(req), (res.locals.query as RttReturnQuery).month);
    res.setHeader('content-type', 'text/csv; charset=utf-8');
    res.setHeader('content-disposition', `attachment; filename="${rttReturnFileName(report)}"`);
    res.send(csv);
  });

  // An extension of the contract: the returns the caller made, for their history and the portfolio.
  router.get('/rtt-incomplete/history', validateQuery(RttReturnHistoryQuerySchema), async (req, res) => {
    res.json(await reports.history(caller(req), res.locals.query as RttReturnHistoryQuery));
  });

  return router;
}
