import { CLINICAL_PRIORITIES, PATHWAY_FIELDS, PATHWAY_STAGES, PATHWAY_TYPES, SPECIALTIES } from './ptl.js';

type PathwayField = (typeof PATHWAY_FIELDS)[number];

/**
 * One column of the PTL import file, as the import page explains it and the template fills it in.
 * Coded columns list their allowed values from the contract's enums, so the guide, the template
 * and the importer's validation cannot drift apart.
 */
export interface PtlImportColumn {
  name: PathwayField;
  /** A row with this cell empty is refused. */
  required: boolean;
  /** What goes in the cell, in a sentence. */
  format: string;
  /** The codes the cell accepts (null: free text or a date). */
  allowed: readonly string[] | null;
  /** The template's example row. */
  example: string;
}

const GUIDE: Record<PathwayField, Omit<PtlImportColumn, 'name'>> = {
  patient_id: { required: true, format: 'Your local patient ID: letters, digits and . _ / - (at most 40)', allowed: null, example: 'RTT-0001' },
  patient_name: { required: true, format: 'Full name (at most 200 characters)', allowed: null, example: 'Jane Example' },
  nhs_number: { required: false, format: '10 digits that pass the Modulus 11 check; spaces allowed', allowed: null, example: '943 476 5919' },
  specialty: {
    required: true,
    format: 'An RTT treatment function: its name or its code (e.g. 110)',
    allowed: SPECIALTIES.map((s) => s.name),
    example: 'Trauma and Orthopaedics',
  },
  referral_date: { required: true, format: 'YYYY-MM-DD, not in the future', allowed: null, example: '2025-01-06' },
  clock_start_date: { required: true, format: 'YYYY-MM-DD, on or after the referral date', allowed: null, example: '2025-01-06' },
  pathway_type: { required: true, format: 'The referral priority type', allowed: PATHWAY_TYPES, example: 'routine' },
  priority: { required: false, format: 'The clinical priority code', allowed: CLINICAL_PRIORITIES, example: 'P3' },
  current_status: {
    required: false,
    format: 'Where the patient is on the pathway (empty: awaiting first appointment)',
    allowed: PATHWAY_STAGES,
    example: 'awaiting_first_appointment',
  },
};

/** The import's columns in the order of its header. */
export const PTL_IMPORT_COLUMNS: readonly PtlImportColumn[] = PATHWAY_FIELDS.map((name) => ({ name, ...GUIDE[name] }));

/** The header line the importer expects. */
export const PTL_IMPORT_HEADER = PATHWAY_FIELDS.join(',');

/** RFC 4180: a cell with a comma, a quote or a line break is quoted. */
function csvCell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** The downloadable template: the header and one example row, ready to import as it is. */
export function ptlImportTemplateCsv(): string {
  return [PTL_IMPORT_HEADER, PTL_IMPORT_COLUMNS.map((c) => csvCell(c.example)).join(',')].join('\r\n') + '\r\n';
}
