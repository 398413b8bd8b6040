import type { ParticipantSession, SessionAdvanceInput, SessionPhase, Timing } from '$contract';
import { formatDuration } from '../sessions/labels';

/** A room link's token is 64 hex digits; anything else cannot be a room. */
export function isRoomToken(token: string): boolean {
  return /^[0-9a-fA-F]{64}$/.test(token);
}

export type TimedPhase = 'reading' | 'consultation' | 'feedback';
/** What the room's side panel shows. */
export type RoomPanel = 'brief' | 'transcript';
export type AdvanceTarget = SessionAdvanceInput['to'];

export function isTimedPhase(phase: SessionPhase): phase is TimedPhase {
  return phase === 'reading' || phase === 'consultation' || phase === 'feedback';
}

/** The station's phases as the room names them. */
export const ROOM_PHASE_LABELS: Record<SessionPhase, string> = {
  waiting: 'Waiting room',
  reading: 'Reading time',
  consultation: 'Consultation',
  feedback: 'Feedback',
  completed: 'Station complete',
};

/** Where the actor's button takes the station from each phase, and what the button says. */
export const NEXT_STEP: Partial<Record<SessionPhase, { to: AdvanceTarget; label: string }>> = {
  waiting: { to: 'reading', label: 'Start the station' },
  reading: { to: 'consultation', label: 'Move on to consultation' },
  consultation: { to: 'feedback', label: 'Move on to feedback' },
  feedback: { to: 'completed', label: 'Finish the station' },
};

/** The planned length of a phase, in seconds. */
export function phaseSeconds(phase: TimedPhase, timing: Timing): number {
  if (phase === 'reading') return timing.reading_s;
  if (phase === 'consultation') return timing.consultation_s;
  return timing.feedback_s;
}

/**
 * Milliseconds left until `endsAt` (ISO) on the local clock, never below 0; null without an end.
 * While the station is paused the time left is frozen at what it was when the clock stopped.
 */
export function remainingMs(endsAt: string | null, now: number, pausedAt: string | null = null): number | null {
  if (!endsAt) return null;
  const end = Date.parse(endsAt);
  const reference = pausedAt ? Date.parse(pausedAt) : now;
  return Number.isNaN(end) || Number.isNaN(reference) ? null : Math.max(0, end - reference);
}

/** What the room says about a stopped clock, from where the viewer stands. */
export function pauseNote(session: Pick<ParticipantSession, 'pause_reason' | 'gaps' | 'your_role'>, viewerId: string | null): string | null {
  if (!session.pause_reason) return null;
  if (session.pause_reason === 'actor') {
    return session.your_role === 'actor' ? 'You paused the station. Resume when you are ready.' : 'The actor paused the station.';
  }
  const open = session.gaps.find((g) => g.ended_at === null);
  const who = open?.user_id && open.user_id === viewerId ? 'Your connection dropped' : 'Your partner’s connection dropped';
  return `${who}: the clock stopped and the lost time is credited. It runs on when you are both back${session.your_role === 'actor' ? ', or when you resume it' : ''}.`;
}

/** `75` → `1 min 15 s`: how long a gap lasted. */
export function gapLength(seconds: number): string {
  const m = Math.floor(seconds / 60);
  const s = seconds % 60;
  return m === 0 ? `${s} s` : s === 0 ? `${m} min` : `${m} min ${s} s`;
}

/** `452_300` → `07:33`: whole seconds rounded up, so the clock shows 08:00 at the start and 00:00 at the end. */
export function formatClock(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const minutes = Math.floor(total / 60);
  const seconds = total % 60;
  return `${String(minutes).padStart(2, '0')}:${String(seconds).padStart(2, '0')}`;
}

/** The same time for a `<time datetime>`: an ISO-8601 duration such as `PT7M33S`. */
export function isoDuration(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  return `PT${Math.floor(total / 60)}M${total % 60}S`;
}

/** What the live region says when a phase begins (not every second: only these moments). */
export function phaseAnnouncement(phase: SessionPhase, timing: Timing): string {
  switch (phase) {
    case 'reading':
      return `Reading time has started: ${formatDuration(timing.reading_s)}.`;
    case 'consultation':
      return `The consultation has started: ${formatDuration(timing.consultation_s)}.`;
    case 'feedback':
      return `Feedback has started: ${formatDuration(timing.feedback_s)}.`;
    case 'completed':
      return 'The station is complete.';
    case 'waiting':
      return 'Back in the waiting room.';
  }
}

export function warningAnnouncement(warningS: number): string {
  return `${formatDuration(warningS)} left in the consultation.`;
}

export const CONSULTATION_ENDED = 'The consultation has ended.';
