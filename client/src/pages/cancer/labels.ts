import {
  CANCER_CLOCKS,
  CANCER_ROUTES,
  MDT_INTENTS,
  TREATMENT_MODALITIES,
  TUMOUR_SITES,
  type CancerClockName,
  type CancerClockState,
  type CancerDiagnosis,
  type CancerRoute,
  type MdtIntent,
  type ScreeningProgramme,
  type TreatmentModality,
  type TumourSite,
} from '$contract';

/** The cancer pages' words for the contract's codes (also used by the MDT pages, which list the same patients). */

export const TUMOUR_SITE_LABELS: Record<TumourSite, string> = {
  breast: 'Breast',
  gynaecological: 'Gynaecological',
  haematological: 'Haematological',
  head_and_neck: 'Head and neck',
  lower_gi: 'Lower gastrointestinal',
  upper_gi: 'Upper gastrointestinal',
  lung: 'Lung',
  skin: 'Skin',
  urological: 'Urological',
  testicular: 'Testicular',
  brain_cns: 'Brain and central nervous system',
  sarcoma: 'Sarcoma',
  childrens: 'Children’s',
  other: 'Other',
};

export const ROUTE_LABELS: Record<CancerRoute, string> = {
  usc: 'Urgent suspected cancer referral',
  breast_symptomatic: 'Breast symptomatic referral',
  screening: 'Screening programme',
  consultant_upgrade: 'Consultant upgrade',
  other: 'Other route (31-day only)',
};

/** For the list's narrow column. */
export const ROUTE_SHORT: Record<CancerRoute, string> = {
  usc: 'USC',
  breast_symptomatic: 'Breast symptomatic',
  screening: 'Screening',
  consultant_upgrade: 'Upgrade',
  other: 'Other',
};

export const SCREENING_LABELS: Record<ScreeningProgramme, string> = {
  breast: 'Breast screening',
  bowel: 'Bowel screening',
  cervical: 'Cervical screening',
  lung: 'Lung screening (targeted lung health check)',
};

export const DIAGNOSIS_LABELS: Record<CancerDiagnosis, string> = {
  cancer: 'Cancer diagnosed',
  ruled_out: 'Cancer ruled out',
};

export const MODALITY_LABELS: Record<TreatmentModality, string> = {
  surgery: 'Surgery',
  anti_cancer_drug: 'Anti-cancer drug (e.g. chemotherapy)',
  radiotherapy: 'Radiotherapy',
  hormone: 'Hormone therapy',
  active_monitoring: 'Active monitoring',
  other: 'Other',
};

export const CLOCK_NAMES: Record<CancerClockName, string> = {
  fds_28: '28-day Faster Diagnosis',
  treatment_31: '31-day decision to treat to treatment',
  treatment_62: '62-day referral to treatment',
};

/** For badges and narrow cells. */
export const CLOCK_SHORT: Record<CancerClockName, string> = {
  fds_28: 'FDS 28',
  treatment_31: '31-day',
  treatment_62: '62-day',
};

export const CLOCK_STATE_LABELS: Record<CancerClockState, string> = {
  running: 'Running',
  stopped: 'Stopped',
  pending: 'Not started',
  ended: 'Ended (not reported)',
  not_applicable: 'Does not apply',
};

export const INTENT_LABELS: Record<MdtIntent, string> = {
  curative: 'Curative',
  palliative: 'Palliative',
  no_treatment: 'No treatment',
  investigate: 'Investigate further',
};

const options = <T extends string>(values: readonly T[], labels: Record<T, string>) => values.map((value) => ({ value, label: labels[value] }));

export const TUMOUR_SITE_OPTIONS = options(TUMOUR_SITES, TUMOUR_SITE_LABELS);
export const ROUTE_OPTIONS = options(CANCER_ROUTES, ROUTE_LABELS);
export const CLOCK_OPTIONS = options(CANCER_CLOCKS, CLOCK_NAMES);
export const MODALITY_OPTIONS = options(TREATMENT_MODALITIES, MODALITY_LABELS);
export const INTENT_OPTIONS = options(MDT_INTENTS, INTENT_LABELS);
