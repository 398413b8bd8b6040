// The clocks of clocks.ts as SQL, so the list filters, sorts and pages on them in the database and
// the stats count them there, never by loading every row into JavaScript. Only the states, dates and
// days are needed in SQL; the response itself is always presented by clocks.ts. A parity test
// (test/integration/cancer.test.ts) checks these columns against clocks.ts on many generated rows.
import { CANCER_CLOCKS, CANCER_TARGET_DAYS, LONG_WAIT_DAYS, type CancerClockName } from '../../contract/cancer.js';
import { FDS_ROUTES, TREATMENT_62_ROUTES } from './clocks.js';

const list = (routes: readonly string[]) => routes.map((r) => `'${r}'`).join(', ');

/**
 * `cross join lateral` steps computing, for each row `t` of `public.cancer_pathways` at the census
 * date `asOf` (a placeholder such as `$1`), the columns `k.<clock>_state`, `_start`, `_stop`,
 * `_days`, `_due`, `_breached` for each of `fds_28`, `treatment_31`, `treatment_62`, and
 * `k.is_open`, `k.long_wait_104`. Dates after the census date count as not yet happened.
 */
export function clockJoins(asOf: string): string {
  const a = `${asOf}::date`;
  const seen = (column: string) => `case when t.${column} <= ${a} then t.${column} end`;
  // A started clock counts its days to its stop, or to the census date while it runs.
  const derived = CANCER_CLOCKS.map(
    (c) => `case when ${started(c)} then coalesce(s.${c}_stop, ${a}) - s.${c}_start end as ${c}_days,
      case when ${started(c)} then s.${c}_start + ${CANCER_TARGET_DAYS[c]} end as ${c}_due`,
  ).join(',\n      ');
  // What the API shows: dates only for a started clock, a stop only for a stopped or ended one.
  const shown = CANCER_CLOCKS.map(
    (c) => `s.${c}_state,
      case when ${started(c)} then s.${c}_start end as ${c}_start,
      case when s.${c}_state in ('stopped', 'ended') then s.${c}_stop end as ${c}_stop,
      d.${c}_days, d.${c}_due,
      (s.${c}_state in ('running', 'stopped') and d.${c}_days > ${CANCER_TARGET_DAYS[c]}) as ${c}_breached`,
  ).join(',\n      ');
  return `
  cross join lateral (select
      ${seen('referral_received_date')} as referral,
      ${seen('diagnosis_communicated_date')} as told,
      ${seen('decision_to_treat_date')} as decided,
      ${seen('first_treatment_date')} as treated,
      case when t.diagnosis = 'ruled_out' and t.diagnosis_communicated_date <= ${a} then t.diagnosis_communicated_date end as ruled_out,
      case when t.route = 'consultant_upgrade' then t.upgrade_date else t.referral_received_date end as start_62
    ) v
  cross join lateral (select
      case when t.route not in (${list(FDS_ROUTES)}) then 'not_applicable'
           when v.referral is null then 'pending'
           when coalesce(v.told, v.decided) is not null then 'stopped'
           else 'running' end as fds_28_state,
      v.referral as fds_28_start,
      least(v.told, v.decided) as fds_28_stop,
      case when v.ruled_out is not null then 'not_applicable'
           when v.decided is null then 'pending'
           when v.treated is not null then 'stopped'
           else 'running' end as treatment_31_state,
      v.decided as treatment_31_start,
      v.treated as treatment_31_stop,
      case when t.route not in (${list(TREATMENT_62_ROUTES)}) then 'not_applicable'
           when v.start_62 is null or v.start_62 > ${a} then 'pending'
           when v.ruled_out is not null then 'ended'
           when v.treated is not null then 'stopped'
           else 'running' end as treatment_62_state,
      v.start_62 as treatment_62_start,
      coalesce(v.ruled_out, v.treated) as treatment_62_stop
    ) s
  cross join lateral (select
      ${derived}
    ) d
  cross join lateral (select
      ${shown},
      (${CANCER_CLOCKS.map((c) => `s.${c}_state = 'running'`).join(' or ')}) as is_open,
      (s.treatment_62_state in ('running', 'stopped') and d.treatment_62_days >= ${LONG_WAIT_DAYS}) as long_wait_104
    ) k`;
}

/** A clock with a start: running, stopped, or ended by a ruling-out. */
function started(c: CancerClockName): string {
  return `s.${c}_state in ('running', 'stopped', 'ended')`;
}
