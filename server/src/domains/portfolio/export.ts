// The data-portability export (docs/export-format.md), put together from every domain's sections
// (their `exportFor` providers). Each domain names every field of its own sections, so a column
// added to a table never leaves the server by accident; this file fixes the document's order.
import { EXPORT_FORMAT, EXPORT_VERSION, type PortfolioExport } from '../../contract/portfolio.js';
import { notFound } from '../../errors.js';
import type { ExportPart } from '../facts.js';

/**
 * The whole export document, in the contract's key order whichever order the domains answer in.
 * A domain that is not there leaves its section empty; without the account there is no document.
 */
export function buildExport(parts: ExportPart, now: Date): PortfolioExport {
  if (!parts.account) throw notFound('No such account');
  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exported_at: now.toISOString(),
    account: parts.account,
    profile: parts.profile ?? null,
    ptl: parts.ptl ?? { pathways: [] },
    cases: parts.cases ?? [],
    sessions: parts.sessions ?? [],
    transcripts: parts.transcripts ?? [],
    assessments: parts.assessments ?? [],
    medical_records: parts.medical_records ?? [],
    trackers: parts.trackers ?? {},
    secretary_tasks: parts.secretary_tasks ?? [],
    cancer_pathways: parts.cancer_pathways ?? [],
    mdt_meetings: parts.mdt_meetings ?? [],
    rtt_returns: parts.rtt_returns ?? [],
    clinic_templates: parts.clinic_templates ?? [],
    clinic_slots: parts.clinic_slots ?? [],
    appointments: parts.appointments ?? [],
    quality_audits: parts.quality_audits ?? [],
    pathway_validations: parts.pathway_validations ?? [],
    audit_trail: parts.audit_trail ?? [],
  };
}
