/**
 * The station's step bar and phase bar: pure, without imports, so unit tests run it as it is.
 * The types are the contract's `SessionPhase` and `Timing`, written out.
 */

type Phase = 'waiting' | 'reading' | 'consultation' | 'feedback' | 'completed';
type Step = 'reading' | 'consultation' | 'feedback';
interface PhaseTiming {
  reading_s: number;
  consultation_s: number;
  feedback_s: number;
  warning_s: number | null;
}

/** The station's three steps, in order, as the step bar names them. */
export const STATION_STEPS: readonly { phase: Step; label: string }[] = [
  { phase: 'reading', label: 'Reading' },
  { phase: 'consultation', label: 'Consultation' },
  { phase: 'feedback', label: 'Feedback' },
];

export type StepState = 'done' | 'current' | 'upcoming';

const ORDER: Record<Phase, number> = { waiting: -1, reading: 0, consultation: 1, feedback: 2, completed: 3 };

/** Each step's state in `phase`: before the start none is current, once complete all are done. */
export function stepStates(phase: Phase): { phase: Step; label: string; state: StepState }[] {
  const at = ORDER[phase];
  return STATION_STEPS.map((step, i) => ({ ...step, state: i < at ? 'done' : i === at ? 'current' : 'upcoming' }));
}

/** The planned length of the phase in seconds, or null outside the timed phases. */
export function phaseLength(phase: Phase, timing: PhaseTiming): number | null {
  if (phase === 'reading') return timing.reading_s;
  if (phase === 'consultation') return timing.consultation_s;
  if (phase === 'feedback') return timing.feedback_s;
  return null;
}

/**
 * How much of the phase has gone (0 to 1), from the server's remaining time. Time credited after a
 * dropped connection moves the end later, so the remaining time can exceed the phase's length: the
 * bar then stays at its start rather than running backwards past it.
 */
export function elapsedFraction(remainingMs: number | null, totalS: number): number {
  if (remainingMs === null || totalS <= 0) return 0;
  return Math.min(1, Math.max(0, 1 - remainingMs / (totalS * 1000)));
}

/** Where the warning bell rings along the phase's bar (0 to 1), or null when this phase has no bell. */
export function warningFraction(phase: Phase, timing: PhaseTiming): number | null {
  if (phase !== 'consultation' || timing.warning_s === null || timing.consultation_s <= 0) return null;
  if (timing.warning_s <= 0 || timing.warning_s >= timing.consultation_s) return null;
  return 1 - timing.warning_s / timing.consultation_s;
}
