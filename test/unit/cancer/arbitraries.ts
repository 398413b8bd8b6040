// Generators of cancer pathways that the contract's rules accept, for the property tests of
// clocks.ts and the SQL parity test (test/integration/cancer.test.ts). Dates are built as offsets
// so that every generated pathway is valid by construction (a test checks that it is).
import fc from 'fast-check';
import { CANCER_ROUTES, SCREENING_PROGRAMMES, type CancerDiagnosis, type CancerRoute, type ScreeningProgramme } from '../../../server/src/contract/cancer.js';
import { addDays } from '../../../server/src/domains/cancer/clocks.js';

export interface GeneratedPathway {
  route: CancerRoute;
  screening_programme: ScreeningProgramme | null;
  referral_received_date: string;
  upgrade_date: string | null;
  diagnosis: CancerDiagnosis | null;
  diagnosis_communicated_date: string | null;
  decision_to_treat_date: string | null;
  first_treatment_date: string | null;
}

const min = (a: string, b: string) => (a < b ? a : b);

/** Referrals from 2024-01-01 to mid-2025, everything else within ~9 months after: all before today. */
export const validPathway: fc.Arbitrary<GeneratedPathway> = fc
  .record({
    route: fc.constantFrom(...CANCER_ROUTES),
    programme: fc.constantFrom(...SCREENING_PROGRAMMES),
    referral: fc.integer({ min: 0, max: 540 }),
    diagnosis: fc.constantFrom<CancerDiagnosis | null>(null, 'cancer', 'ruled_out'),
    told: fc.integer({ min: 0, max: 120 }),
    decided: fc.option(fc.integer({ min: 0, max: 150 })),
    treatedAfter: fc.option(fc.integer({ min: 0, max: 100 })),
    upgrade: fc.integer({ min: 0, max: 80 }),
  })
  .map((g) => {
    const R = addDays('2024-01-01', g.referral);
    const C = g.diagnosis ? addDays(R, g.told) : null;
    // After a ruling-out nothing more happens: the later dates are clamped to the day the patient was told.
    const cap = (d: string | null) => (d !== null && g.diagnosis === 'ruled_out' ? min(d, C!) : d);
    const D = cap(g.decided === null ? null : addDays(R, g.decided));
    const T = cap(D !== null && g.treatedAfter !== null ? addDays(D, g.treatedAfter) : null);
    let U = g.route === 'consultant_upgrade' ? cap(addDays(R, g.upgrade)) : null;
    if (U !== null && T !== null) U = min(U, T);
    return {
      route: g.route,
      screening_programme: g.route === 'screening' ? g.programme : null,
      referral_received_date: R,
      upgrade_date: U,
      diagnosis: g.diagnosis,
      diagnosis_communicated_date: C,
      decision_to_treat_date: D,
      first_treatment_date: T,
    };
  });

/** A census date around the pathway: from a month before the referral to well after everything. */
export const asOfAround = (p: GeneratedPathway) => fc.integer({ min: -30, max: 420 }).map((n) => addDays(p.referral_received_date, n));
