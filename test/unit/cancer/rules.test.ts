// Each of the contract's rules between a cancer pathway's fields, alone, naming its field.
import { describe, expect, it } from 'vitest';
import { pathwayProblems, type PathwayDates } from '../../../server/src/domains/cancer/rules.js';

const TODAY = '2025-06-30';
const ok: PathwayDates = {
  route: 'usc',
  screening_programme: null,
  referral_received_date: '2025-03-03',
  upgrade_date: null,
  diagnosis: 'cancer',
  diagnosis_communicated_date: '2025-03-27',
  decision_to_treat_date: '2025-04-14',
  first_treatment_date: '2025-05-10',
};
const paths = (p: Partial<PathwayDates>) => pathwayProblems({ ...ok, ...p }, TODAY).map((d) => d.path);

describe('cancer pathway rules', () => {
  it('accepts the §2.4 worked example', () => {
    expect(paths({})).toEqual([]);
  });

  it('screening_programme iff the route is screening', () => {
    expect(paths({ route: 'screening' })).toEqual(['screening_programme']);
    expect(paths({ route: 'screening', screening_programme: 'bowel' })).toEqual([]);
    expect(paths({ screening_programme: 'bowel' })).toEqual(['screening_programme']);
  });

  it('diagnosis and diagnosis_communicated_date both or neither', () => {
    expect(paths({ diagnosis: null })).toEqual(['diagnosis']);
    expect(paths({ diagnosis_communicated_date: null })).toEqual(['diagnosis_communicated_date']);
    expect(paths({ diagnosis: null, diagnosis_communicated_date: null })).toEqual([]);
  });

  it('upgrade_date iff consultant upgrade (never on a USC or screening referral), not after the first treatment', () => {
    expect(paths({ route: 'consultant_upgrade' })).toEqual(['upgrade_date']);
    expect(paths({ route: 'consultant_upgrade', upgrade_date: '2025-03-20' })).toEqual([]);
    expect(paths({ upgrade_date: '2025-03-20' })).toEqual(['upgrade_date']);
    expect(paths({ route: 'screening', screening_programme: 'lung', upgrade_date: '2025-03-20' })).toEqual(['upgrade_date']);
    expect(paths({ route: 'consultant_upgrade', upgrade_date: '2025-05-10' })).toEqual([]);
    expect(paths({ route: 'consultant_upgrade', upgrade_date: '2025-05-11' })).toEqual(['upgrade_date']);
  });

  it('every date on or after the referral', () => {
    expect(paths({ route: 'consultant_upgrade', upgrade_date: '2025-03-02' })).toEqual(['upgrade_date']);
    expect(paths({ diagnosis_communicated_date: '2025-03-02' })).toEqual(['diagnosis_communicated_date']);
    expect(paths({ decision_to_treat_date: '2025-03-02', first_treatment_date: null })).toEqual(['decision_to_treat_date']);
    expect(paths({ referral_received_date: '2025-03-27' })).toEqual([]);
    expect(paths({ referral_received_date: '2025-03-28' })).toEqual(['diagnosis_communicated_date']);
  });

  it('no decision to treat, treatment or upgrade after cancer was ruled out', () => {
    expect(paths({ diagnosis: 'ruled_out' })).toEqual(['decision_to_treat_date', 'first_treatment_date']);
    expect(paths({ diagnosis: 'ruled_out', decision_to_treat_date: null, first_treatment_date: null })).toEqual([]);
    expect(paths({ diagnosis: 'ruled_out', diagnosis_communicated_date: '2025-04-14', first_treatment_date: null })).toEqual([]);
    expect(paths({ diagnosis: 'ruled_out', diagnosis_communicated_date: '2025-04-13', first_treatment_date: null })).toEqual(['decision_to_treat_date']);
    expect(
      paths({ route: 'consultant_upgrade', upgrade_date: '2025-04-01', diagnosis: 'ruled_out', decision_to_treat_date: null, first_treatment_date: null }),
    ).toEqual(['upgrade_date']);
  });

  it('a first treatment needs a decision to treat on or before it', () => {
    expect(paths({ decision_to_treat_date: null })).toEqual(['decision_to_treat_date']);
    expect(paths({ decision_to_treat_date: '2025-05-11' })).toEqual(['first_treatment_date']);
    expect(paths({ decision_to_treat_date: '2025-05-10' })).toEqual([]);
  });

  it('no date after today in England', () => {
    expect(paths({ first_treatment_date: '2025-07-01' })).toEqual(['first_treatment_date']);
    expect(pathwayProblems({ ...ok, first_treatment_date: TODAY }, TODAY)).toEqual([]);
    expect(paths({ referral_received_date: '2025-07-01', diagnosis: null, diagnosis_communicated_date: null, decision_to_treat_date: null, first_treatment_date: null })).toEqual(['referral_received_date']);
  });
});
