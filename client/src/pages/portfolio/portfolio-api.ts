import type { AuditEntry, AuditQuery, Page, Portfolio, ProgressQuery, TraineeProgress } from '$contract';
import { queryString, request } from '../../lib/api';

/** `/api/portfolio` and the admin monitor, through the app's one fetch wrapper: contract errors come back as data. */
export const portfolioApi = {
  /** The caller's own portfolio. */
  mine: () => request<Portfolio>('GET', '/api/portfolio'),
  /** Plain links, not fetches: the browser downloads the JSON and opens the printable page itself. */
  exportUrl: '/api/portfolio/export',
  printableUrl: '/api/portfolio/export.html',

  /** Admins only (403 otherwise); each call is recorded in the audit trail as a view of all trainees. */
  progress: (params: Partial<ProgressQuery> = {}) => request<Page<TraineeProgress>>('GET', `/api/admin/progress${queryString(params)}`),
  /** Admins only; read-only, and recorded in the audit trail against that trainee. */
  traineePortfolio: (id: string) => request<Portfolio>('GET', `/api/admin/trainees/${encodeURIComponent(id)}/portfolio`),
  audit: (params: Partial<AuditQuery> = {}) => request<Page<AuditEntry>>('GET', `/api/admin/audit${queryString(params)}`),
};
