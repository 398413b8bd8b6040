import type { SessionPhase, SessionStatus, Timing } from '../../contract/sessions.js';

/** The station, in order. */
export const PHASES: readonly SessionPhase[] = ['waiting', 'reading', 'consultation', 'feedback', 'completed'];

/** How early before its planned time the actor may start a station (the video token opens then too). */
export const START_WINDOW_MS = 15 * 60_000;

export interface StationState {
  status: SessionStatus;
  phase: SessionPhase;
  phase_started_at: Date | null;
  phase_ends_at: Date | null;
  /** Set while the station stands still; the phase's remaining time is phase_ends_at − paused_at. */
  paused_at: Date | null;
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
  if (phase === 'completed') return { status: 'completed', phase, phase_started_at: at, phase_ends_at: null, paused_at: null };
  const seconds = durationOf(phase, timing)!;
  if (seconds === 0) return enter(PHASES[PHASES.indexOf(phase) + 1]!, at, timing);
  return { status: 'live', phase, phase_started_at: at, phase_ends_at: new Date(at.getTime() + seconds * 1000), paused_at: null };
}

/** The actor starts the station (waiting → reading) or moves it on to the next phase early. */
export function advance(state: StationState, to: SessionPhase, now: Date, timing: Timing): StationState {
  if (state.status !== 'live' && !(state.status === 'matched' && state.phase === 'waiting')) {
    throw new StationError('This station is not running');
  }
  if (state.paused_at) throw new StationError('The station is paused; resume it first');
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
  while (current.status === 'live' && !current.paused_at && current.phase_ends_at && current.phase_ends_at.getTime() <= now.getTime()) {
    const next = PHASES[PHASES.indexOf(current.phase) + 1]!;
    current = enter(next, current.phase_ends_at, timing);
  }
  return current;
}

/** The phases whose clock stops for a dropped connection or the actor's pause. */
export const PAUSABLE_PHASES: ReadonlySet<SessionPhase> = new Set(['reading', 'consultation']);

export function isPausable(state: StationState): boolean {
  return state.status === 'live' && PAUSABLE_PHASES.has(state.phase) && !state.paused_at;
}

/**
 * Stops the clock as of `at`, which may lie in the past (a connection dropped some seconds before
 * we knew it was gone for good) but never before the current phase began: time lost earlier
 * belonged to a phase that has already run its course. The caller catches up to now first.
 */
export function pause(state: StationState, at: Date): StationState {
  if (state.status !== 'live') throw new StationError('This station is not running');
  if (state.paused_at) throw new StationError('The station is already paused');
  if (!PAUSABLE_PHASES.has(state.phase)) throw new StationError(`The clock stops only during reading and consultation, not in ${state.phase}`);
  const from = Math.max(at.getTime(), state.phase_started_at?.getTime() ?? at.getTime());
  const stoppedAt = Math.min(from, state.phase_ends_at!.getTime());
  return { ...state, paused_at: new Date(stoppedAt) };
}

/** Starts the clock again: the phase ends as much later as it stood still. */
export function resume(state: StationState, now: Date): StationState {
  if (!state.paused_at) throw new StationError('The station is not paused');
  const stood = Math.max(0, now.getTime() - state.paused_at.getTime());
  return { ...state, paused_at: null, phase_ends_at: new Date(state.phase_ends_at!.getTime() + stood) };
}

/** Milliseconds left in the phase at `now`, frozen while paused. */
export function remainingMs(state: StationState, now: Date): number | null {
  if (!state.phase_ends_at) return null;
  const reference = state.paused_at ?? now;
  return Math.max(0, state.phase_ends_at.getTime() - reference.getTime());
}
