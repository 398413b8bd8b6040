// The rules between a cancer pathway's fields (API-modules.md, "Cancer pathways"), pure: the
// service runs them on the row as it would be after a write (a create's body; a PATCH merged into
// the stored row), and each problem names its field. The table's checks restate all but "not after
// today", which only the server knows.
import type { CancerDiagnosis, CancerRoute } from '../../contract/cancer.js';
import type { ErrorDetail } from '../../contract/errors.js';

export interface PathwayDates {
  route: CancerRoute;
  screening_programme: string | null;
  referral_received_date: string;
  upgrade_date: string | null;
  diagnosis: CancerDiagnosis | null;
  diagnosis_communicated_date: string | null;
  decision_to_treat_date: string | null;
  first_treatment_date: string | null;
}

const LATER_DATES = ['upgrade_date', 'diagnosis_communicated_date', 'decision_to_treat_date', 'first_treatment_date'] as const;
const ALL_DATES = ['referral_received_date', ...LATER_DATES] as const;

/** Field-level problems with a pathway as it would be stored; empty when it may be. */
export function pathwayProblems(p: PathwayDates, today: string): ErrorDetail[] {
  const found: ErrorDetail[] = [];
  const add = (path: string, message: string) => {
    if (!found.some((f) => f.path === path)) found.push({ path, message });
  };

  for (const field of ALL_DATES) {
    const d = p[field];
    if (d !== null && d > today) add(field, `Cannot be after today (${today})`);
  }

  if (p.route === 'screening' && p.screening_programme === null) add('screening_programme', 'Say which screening programme referred the patient');
  if (p.route !== 'screening' && p.screening_programme !== null) add('screening_programme', 'Only a screening referral has a screening programme');

  if (p.route === 'consultant_upgrade' && p.upgrade_date === null) add('upgrade_date', 'A consultant upgrade needs the date of the upgrade');
  if (p.route !== 'consultant_upgrade' && p.upgrade_date !== null) {
    add('upgrade_date', 'Only the consultant-upgrade route has an upgrade date (an urgent suspected cancer or screening referral cannot be upgraded)');
  }

  if (p.diagnosis !== null && p.diagnosis_communicated_date === null) add('diagnosis_communicated_date', 'Give the date the patient was told');
  if (p.diagnosis === null && p.diagnosis_communicated_date !== null) add('diagnosis', 'Say what the patient was told: cancer or ruled_out');

  for (const field of LATER_DATES) {
    const d = p[field];
    if (d !== null && d < p.referral_received_date) add(field, `Cannot be before the referral was received (${p.referral_received_date})`);
  }

  if (p.first_treatment_date !== null) {
    if (p.decision_to_treat_date === null) add('decision_to_treat_date', 'A first treatment needs the decision to treat that came before it');
    else if (p.decision_to_treat_date > p.first_treatment_date) add('first_treatment_date', `Cannot be before the decision to treat (${p.decision_to_treat_date})`);
    if (p.upgrade_date !== null && p.upgrade_date > p.first_treatment_date) add('upgrade_date', `Cannot be after the first treatment (${p.first_treatment_date})`);
  }

  // Once cancer is ruled out nothing more happens on the pathway: no decision to treat, treatment
  // or consultant upgrade after the day the patient was told.
  const ruledOut = p.diagnosis === 'ruled_out' ? p.diagnosis_communicated_date : null;
  if (ruledOut !== null) {
    for (const field of ['decision_to_treat_date', 'first_treatment_date', 'upgrade_date'] as const) {
      const d = p[field];
      if (d !== null && d > ruledOut) add(field, `Cancer was ruled out on ${ruledOut}: nothing can follow it on this pathway`);
    }
  }
  return found;
}
