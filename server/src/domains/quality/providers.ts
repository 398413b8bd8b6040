// What the data quality module adds to the app: audits, findings, validations and the validation
// queue under /api/quality, and the person's runs and validations in their personal-data export
// and portfolio.
import { todayInEngland } from '../../kit/dates.js';
import { defineDomain } from '../registry.js';
import { exportAudits, exportValidations, qualityActivity } from './repo.js';
import { qualityRoutes } from './routes.js';
import { createQualityService, presentAudit, presentFinding, presentValidation, type QualityService } from './service.js';

declare module '../registry.js' {
  interface DomainServices {
    quality: QualityService;
  }
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
const num = (v: number | string | null) => (v === null ? null : Number(v));
const oneDecimal = (n: number | null) => (n === null ? '—' : n.toFixed(1));

export const qualityDomain = defineDomain({
  name: 'quality',
  services: ({ db }) => createQualityService({ db, today: () => todayInEngland() }),
  mounts: [{ path: '/quality', routes: ({ quality }) => qualityRoutes({ quality }) }],
  providers: () => ({
    async exportFor(tx, userId) {
      const { audits, findings } = await exportAudits(tx, userId);
      const byAudit = new Map<string, typeof findings>();
      for (const f of findings) {
        const list = byAudit.get(f.audit_id);
        if (list) list.push(f);
        else byAudit.set(f.audit_id, [f]);
      }
      return {
        quality_audits: audits.map((a) => ({ ...presentAudit(a), findings_list: (byAudit.get(a.id) ?? []).map(presentFinding) })),
        pathway_validations: (await exportValidations(tx, userId)).map(presentValidation),
      };
    },
    async portfolioFacts(tx, userId) {
      const a = await qualityActivity(tx, userId);
      const counts: Record<string, number> = { audits: a.audits, validations: a.validations };
      if (a.latest_score !== null) counts.latest_score = Number(a.latest_score);
      const trend = a.audits === 0 ? '' : a.audits === 1 ? ` (score ${oneDecimal(num(a.latest_score))})` : ` (score ${oneDecimal(num(a.first_score))} → ${oneDecimal(num(a.latest_score))})`;
      return {
        modules: {
          quality: { counts, summary: `${plural(a.audits, 'audit', 'audits')}${trend}, ${plural(a.validations, 'validation', 'validations')}`, last_at: a.last_at },
        },
      };
    },
  }),
});
