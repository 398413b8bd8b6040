// What the cases domain adds to the app: the case library under /api/cases, and the person's own
// cases in their portfolio and their personal-data export.
import type { CaseCategory, CaseDomain } from '../../contract/cases.js';
import type { ExportCase } from '../../contract/portfolio.js';
import { isoOrNull } from '../facts.js';
import { defineDomain } from '../registry.js';
import { casesWritten, exportCases } from './repo.js';
import { casesRoutes } from './routes.js';
import { createCasesService, type CasesService } from './service.js';

declare module '../registry.js' {
  interface DomainServices {
    cases: CasesService;
  }
}

const str = (v: unknown) => String(v);
const strOrNull = (v: unknown) => (v === null || v === undefined ? null : String(v));

/** Every field named, so a column added to the table never leaves the server by accident. */
function exportCase(c: Record<string, unknown>): ExportCase {
  return {
    id: str(c.id),
    case_name: str(c.case_name),
    internal_name: str(c.internal_name),
    category: c.category as CaseCategory,
    domain: c.domain as CaseDomain,
    condition: strOrNull(c.condition),
    candidate_brief: c.candidate_brief ?? null,
    actor_brief: c.actor_brief ?? null,
    mark_scheme: c.mark_scheme ?? null,
    version: Number(c.version),
    created_at: isoOrNull(c.created_at)!,
    updated_at: isoOrNull(c.updated_at)!,
  };
}

export const casesDomain = defineDomain({
  name: 'cases',
  // An admin opening a trainee's private case goes on the admins' audit trail (the admin domain's).
  services: ({ db }, domains) => createCasesService({ db, recordView: domains.get('admin').recordView }),
  mounts: [{ path: '/cases', routes: ({ cases }) => casesRoutes({ cases }) }],
  providers: () => ({
    exportFor: async (tx, userId) => ({ cases: (await exportCases(tx, userId)).map(exportCase) }),
    portfolioFacts: async (tx, userId) => ({ cases: await casesWritten(tx, userId) }),
  }),
});
