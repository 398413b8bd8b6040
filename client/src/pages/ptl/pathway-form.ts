import { PATHWAY_FIELDS } from '$contract';
import type { Pathway, PathwayCreateInput, PathwayUpdateInput } from '$contract';

/** The add/edit form's values, all as the inputs hold them. */
export interface PathwayValues {
  patient_id: string;
  patient_name: string;
  nhs_number: string;
  specialty: string;
  referral_date: string;
  clock_start_date: string;
  pathway_type: string;
  priority: string;
  current_status: string;
}

export { PATHWAY_FIELDS };

export function emptyValues(): PathwayValues {
  return {
    patient_id: '',
    patient_name: '',
    nhs_number: '',
    specialty: '',
    referral_date: '',
    clock_start_date: '',
    pathway_type: 'routine',
    priority: '',
    current_status: 'awaiting_first_appointment',
  };
}

export function toValues(p: Pathway): PathwayValues {
  return {
    patient_id: p.patient_id,
    patient_name: p.patient_name,
    nhs_number: p.nhs_number ?? '',
    specialty: p.specialty,
    referral_date: p.referral_date,
    clock_start_date: p.clock_start_date,
    pathway_type: p.pathway_type,
    priority: p.priority ?? '',
    current_status: p.current_status,
  };
}

/** The request body as typed; the contract schema checks it before it is sent. Empty optional boxes are null. */
export function toCreateInput(values: PathwayValues): PathwayCreateInput {
  const nhs = values.nhs_number.trim();
  return {
    patient_id: values.patient_id,
    patient_name: values.patient_name,
    nhs_number: nhs === '' ? null : nhs,
    specialty: values.specialty,
    referral_date: values.referral_date,
    clock_start_date: values.clock_start_date,
    pathway_type: values.pathway_type as PathwayCreateInput['pathway_type'],
    priority: values.priority === '' ? null : (values.priority as PathwayCreateInput['priority']),
    current_status: values.current_status as PathwayCreateInput['current_status'],
  };
}

export function toUpdateInput(values: PathwayValues, version: number): PathwayUpdateInput {
  return { version, ...toCreateInput(values) };
}
