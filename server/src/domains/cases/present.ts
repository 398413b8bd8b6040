import type { ActorBrief, CandidateBrief, CaseCategory, CaseDetail, CaseDomain, CaseListItem, MarkScheme } from '../../contract/cases.js';
import type { CaseContentRow, CaseRow } from './repo.js';

export function presentCaseListItem(c: CaseRow): CaseListItem {
  return { id: c.id, case_name: c.case_name, category: c.category as CaseCategory, domain: c.domain as CaseDomain, shared: c.owner_id === null };
}

export function presentCaseDetail(c: CaseRow & CaseContentRow): CaseDetail {
  return {
    ...presentCaseListItem(c),
    internal_name: c.internal_name,
    condition: c.condition,
    candidate_brief: c.candidate_brief as CandidateBrief,
    actor_brief: c.actor_brief as ActorBrief,
    mark_scheme: c.mark_scheme as MarkScheme,
    owner_id: c.owner_id,
    version: c.version,
    created_at: c.created_at.toISOString(),
    updated_at: c.updated_at.toISOString(),
  };
}
