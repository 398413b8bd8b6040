import { CANCER_DIAGNOSES, CANCER_ROUTES, SCREENING_PROGRAMMES, TREATMENT_MODALITIES, TUMOUR_SITES } from '$contract';
import type { FieldDef, FormValues } from '../../lib/kit/definition';
import { DIAGNOSIS_LABELS, MODALITY_LABELS, ROUTE_LABELS, SCREENING_LABELS, TUMOUR_SITE_LABELS } from './labels';

/**
 * The add / edit form of a cancer pathway, as a definition the kit's form draws: each field with
 * the clock it starts or stops in its hint. Fields the route or the diagnosis rule out are hidden,
 * and a hidden field is sent as null, so the body always agrees with the contract's "iff" rules.
 */

const notRuledOut = (values: FormValues) => values.diagnosis !== 'ruled_out';

export const CANCER_FIELDS: readonly FieldDef[] = [
  { key: 'patient_name', label: 'Patient name', type: 'text', required: true, maxlength: 200 },
  { key: 'patient_id', label: 'Patient ID', type: 'text', required: true, maxlength: 40, help: 'Your local reference: letters, digits and . _ / - only.' },
  { key: 'nhs_number', label: 'NHS number', type: 'text', required: false, maxlength: 14, help: '10 digits, checked with Modulus 11.' },
  {
    key: 'tumour_site',
    label: 'Tumour site',
    type: 'enum',
    required: true,
    options: TUMOUR_SITES,
    optionLabels: TUMOUR_SITES.map((s) => TUMOUR_SITE_LABELS[s]),
  },
  {
    key: 'route',
    label: 'Route',
    type: 'enum',
    required: true,
    options: CANCER_ROUTES,
    optionLabels: CANCER_ROUTES.map((r) => ROUTE_LABELS[r]),
    help: 'Decides which clocks apply: urgent suspected cancer, breast symptomatic and screening referrals have all three; a consultant upgrade has the 31- and 62-day clocks; any other route only the 31-day clock.',
  },
  {
    key: 'screening_programme',
    label: 'Screening programme',
    type: 'enum',
    required: true,
    options: SCREENING_PROGRAMMES,
    optionLabels: SCREENING_PROGRAMMES.map((p) => SCREENING_LABELS[p]),
    shownWhen: (values) => values.route === 'screening',
  },
  {
    key: 'referral_received_date',
    label: 'Referral received',
    type: 'date',
    required: true,
    help: 'Starts the 28-day Faster Diagnosis and the 62-day clocks (day 0).',
  },
  {
    key: 'upgrade_date',
    label: 'Upgrade date',
    type: 'date',
    required: true,
    help: 'The day a consultant upgraded the patient onto the cancer pathway: starts the 62-day clock.',
    shownWhen: (values) => values.route === 'consultant_upgrade',
  },
  {
    key: 'diagnosis',
    label: 'Diagnosis',
    type: 'enum',
    required: false,
    options: CANCER_DIAGNOSES,
    optionLabels: CANCER_DIAGNOSES.map((d) => DIAGNOSIS_LABELS[d]),
    emptyLabel: 'Not yet known',
    help: 'Once the patient has been told. Ruling cancer out ends the 62-day clock unmeasured.',
  },
  {
    key: 'diagnosis_communicated_date',
    label: 'Diagnosis told to the patient on',
    type: 'date',
    required: true,
    help: 'Stops the 28-day Faster Diagnosis clock.',
    shownWhen: (values) => values.diagnosis !== '',
  },
  {
    key: 'decision_to_treat_date',
    label: 'Decision to treat',
    type: 'date',
    required: false,
    help: 'Agreed with the patient: starts the 31-day clock (and stops the 28-day clock if it comes first).',
    shownWhen: notRuledOut,
  },
  {
    key: 'first_treatment_date',
    label: 'First definitive treatment',
    type: 'date',
    required: false,
    help: 'Stops the 31-day and 62-day clocks. Needs a decision to treat on or before it.',
    shownWhen: notRuledOut,
  },
  {
    key: 'treatment_modality',
    label: 'Treatment',
    type: 'enum',
    required: false,
    options: TREATMENT_MODALITIES,
    optionLabels: TREATMENT_MODALITIES.map((m) => MODALITY_LABELS[m]),
    shownWhen: notRuledOut,
  },
  {
    key: 'breach_reason',
    label: 'Breach reason',
    type: 'textarea',
    required: false,
    maxlength: 2000,
    help: 'Why a standard was or will be missed (complex diagnostics, patient choice, capacity…), for the breach report.',
  },
  {
    key: 'ptl_pathway_id',
    label: 'PTL pathway',
    type: 'pathway',
    required: false,
    help: 'The patient’s referral-to-treatment pathway on your PTL, if you track it there too.',
  },
];
