import type { CancerPathway } from '../../contract/cancer.js';
import { iso } from '../../kit/owned-resource.js';
import { cancerClocks } from './clocks.js';
import type { CancerPathwayRow } from './repo.js';

/** A pathway as the API shows it, with its clocks at the census date `asOf`. */
export function presentPathway(r: CancerPathwayRow, asOf: string): CancerPathway {
  return {
    id: r.id,
    patient_id: r.patient_id,
    patient_name: r.patient_name,
    nhs_number: r.nhs_number,
    tumour_site: r.tumour_site,
    route: r.route,
    screening_programme: r.screening_programme,
    referral_received_date: r.referral_received_date,
    upgrade_date: r.upgrade_date,
    diagnosis: r.diagnosis,
    diagnosis_communicated_date: r.diagnosis_communicated_date,
    decision_to_treat_date: r.decision_to_treat_date,
    first_treatment_date: r.first_treatment_date,
    treatment_modality: r.treatment_modality,
    breach_reason: r.breach_reason,
    ptl_pathway_id: r.ptl_pathway_id,
    clocks: cancerClocks(r, asOf),
    version: r.version,
    created_at: iso(r.created_at)!,
    updated_at: iso(r.updated_at)!,
  };
}
