import { randomBytes } from 'node:crypto';

/** Builds a valid NHS number (999-prefixed, as synthetic data should be) from a seed. */
export function syntheticNhsNumber(seed: number): string {
  for (let n = seed; ; n++) {
    const body = `999${String(n % 1_000_000).padStart(6, '0')}`;
    let sum = 0;
    for (let i = 0; i < 9; i++) sum += Number(body[i]) * (10 - i);
    let check = 11 - (sum % 11);
    if (check === 11) check = 0;
    if (check !== 10) return `${body}${check}`;
  }
}

export const uniquePatientId = (prefix = 'PT') => `${prefix}-${randomBytes(5).toString('hex')}`;

export function pathwayInput(overrides: Record<string, unknown> = {}) {
  return {
    patient_id: uniquePatientId(),
    patient_name: 'John Smith',
    nhs_number: '9434765919',
    specialty: 'Trauma and Orthopaedics',
    referral_date: '2025-01-06',
    clock_start_date: '2025-01-06',
    pathway_type: 'routine',
    priority: 'P3',
    current_status: 'awaiting_first_appointment',
    ...overrides,
  };
}

export const CSV_HEADER = 'patient_id,patient_name,nhs_number,specialty,referral_date,clock_start_date,pathway_type,priority,current_status';
