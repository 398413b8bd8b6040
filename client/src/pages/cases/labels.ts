import { CASE_CATEGORIES, CASE_DOMAINS, type CaseCategory, type CaseDomain, type CaseFact, type CaseListQuery } from '$contract';

/** Human wording for the case library's codes: categories, clinical domains, disclosure and source. */

export const CATEGORY_LABELS: Record<CaseCategory, string> = {
  history_taking: 'History taking',
  examination: 'Examination',
  communication: 'Communication',
  data_interpretation: 'Data interpretation',
  ethics: 'Ethics',
};

export const DOMAIN_LABELS: Record<CaseDomain, string> = {
  cardiology: 'Cardiology',
  respiratory: 'Respiratory',
  gastroenterology: 'Gastroenterology',
  neurology: 'Neurology',
  endocrinology: 'Endocrinology',
  renal: 'Renal',
  haematology: 'Haematology',
  infectious_disease: 'Infectious disease',
  musculoskeletal: 'Musculoskeletal',
  dermatology: 'Dermatology',
  psychiatry: 'Psychiatry',
  obstetrics_gynaecology: 'Obstetrics & gynaecology',
  paediatrics: 'Paediatrics',
  elderly_care: 'Elderly care',
  surgery: 'Surgery',
  urology: 'Urology',
  ent: 'ENT',
  ophthalmology: 'Ophthalmology',
  oncology: 'Oncology',
  emergency_medicine: 'Emergency medicine',
  general_practice: 'General practice',
  medical_ethics_law: 'Ethics & law',
};

export type Disclosure = CaseFact['disclosure'];

/** `volunteer`: the patient says it unprompted; `if_asked`: only when the candidate asks. */
export const DISCLOSURE_LABELS: Record<Disclosure, string> = {
  volunteer: 'Volunteered',
  if_asked: 'Only if asked',
};

export type CaseSource = CaseListQuery['source'];
export const CASE_SOURCES: readonly CaseSource[] = ['all', 'shared', 'mine'];

export const SOURCE_LABELS: Record<CaseSource, string> = {
  all: 'All cases',
  shared: 'Shared bank',
  mine: 'My cases',
};

export function categoryLabel(category: string): string {
  return CATEGORY_LABELS[category as CaseCategory] ?? category;
}

export function domainLabel(domain: string): string {
  return DOMAIN_LABELS[domain as CaseDomain] ?? domain;
}

export const CATEGORY_OPTIONS = CASE_CATEGORIES.map((value) => ({ value, label: CATEGORY_LABELS[value] }));
/** Alphabetical by label: 22 domains are easier to find that way than in the contract's order. */
export const DOMAIN_OPTIONS = CASE_DOMAINS.map((value) => ({ value, label: DOMAIN_LABELS[value] })).sort((a, b) =>
  a.label.localeCompare(b.label, 'en-GB'),
);
export const SOURCE_OPTIONS = CASE_SOURCES.map((value) => ({ value, label: SOURCE_LABELS[value] }));
