import type { SessionPhase, SessionStatus, Timing } from '../../contract/sessions.js';

/** The station, in order. */
export const PHASES: readonly SessionPhase[] = ['waiting', 'reading', 'consultation', 'feedback', 'completed'];

export interface StationState {
  status: SessionStatus;
  phase: SessionPhase;
  phase_started_at: Date | null;
  phase_ends_at: Date | null;
}

export class StationError extends Error {}

function durationOf(phase: SessionPhase, timing: Timing): number | null {
  switch (phase) {
    case 'reading':
      return timing.reading_s;
    case 'consultation':
      return timing.consultation_s;
    case 'feedback':
      return timing.feedback_s;
    default:
      return null;
  }
}

/**
 * Enters `phase` at `at`. A phase of zero seconds is passed through at once, so a station with no
 * reading time goes straight to the consultation.
 */
function enter(phase: SessionPhase, at: Date, timing: Timing): StationState {
  if (phase === 'completed') return { status: 'completed', phase, phase_started_at: at, phase_ends_at: null };
  const seconds = durationOf(phase, timing)!;
  if (seconds === 0) return enter(PHASES[PHASES.indexOf(phase) + 1]!, at, timing);
  return { status: 'live', phase, phase_started_at: at, phase_ends_at: new Date(at.getTime() + seconds * 1000) };
}

/** The actor starts the station (waiting → reading) or moves it on to the next phase early. */
export function advance(state: StationState, to: SessionPhase, now: Date, timing: Timing): StationState {
  if (state.status !== 'live' && !(state.status === 'matched' && state.phase === 'waiting')) {
    throw new StationError('This station is not running');
  }
  const from = PHASES.indexOf(state.phase);
  const target = PHASES.indexOf(to);
  if (target !== from + 1) throw new StationError(`The station is in ${state.phase}; it moves on to ${PHASES[from + 1] ?? 'nothing'} next`);
  return enter(to, now, timing);
}

/**
 * Where the station is at `now`: every phase whose time ran out is closed and the next one starts
 * at the moment the previous one ended — not when we happen to notice — so a late tick or a server
 * restart leaves the phase and the remaining time exactly as they would have been.
 */
export function catchUp(state: StationState, now: Date, timing: Timing): StationState {
  let current = state;
  while (current.status === 'live' && current.phase_ends_at && current.phase_ends_at.getTime() <= now.getTime()) {
    const next = PHASES[PHASES.indexOf(current.phase) + 1]!;
    current = enter(next, current.phase_ends_at, timing);
  }
  return current;
}
