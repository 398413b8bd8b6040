import type { SessionPhase } from '$contract';

/**
 * The moments of a station that get an exam-style cue (and an announcement):
 * - a phase (`reading`, `consultation`, `feedback`, `completed`, or `waiting` again for another station): it has begun;
 * - `warning`: `warning_s` seconds are left in the consultation;
 * - `end`: the consultation is over.
 */
export type CueEvent = SessionPhase | 'warning' | 'end';

export interface ClockSnapshot {
  phase: SessionPhase;
  /** Milliseconds left in the phase on the local clock, or null when there is no end (paused, waiting). */
  remaining: number | null;
  /** The consultation's warning, in milliseconds before its end, or null for none. */
  warningMs: number | null;
}

/**
 * Decides, from what the room has seen, which cues are due — each at most once per phase.
 *
 * Only what happens while the page watches counts: the first snapshot (a load or a reload) marks
 * the phase as already under way, so its start tone does not play again; the warning and the end
 * bell are armed only once the clock has been seen before them, and fire when it crosses them.
 * The local clock may reach the end of reading or of the consultation a moment before the
 * server's `session:state` says so: the cue then plays at the local crossing, and the state
 * change that follows does not repeat it.
 */
export class CueTracker {
  #phase: SessionPhase | null = null;
  #warningArmed = false;
  #endArmed = false;
  /** The consultation's end bell has rung in this consultation. */
  #endRung = false;
  /** The consultation's start tone has already played, at the local end of reading. */
  #consultationRung = false;

  /** Call with every state change and every clock tick; returns the cues due now, in order. */
  update(snapshot: ClockSnapshot): CueEvent[] {
    const events: CueEvent[] = [];
    const previous = this.#phase;

    if (previous === null) {
      this.#phase = snapshot.phase;
      // Loaded after the local clock ran out, the cue may already have played before a reload.
      if (snapshot.remaining === 0) {
        if (snapshot.phase === 'reading') this.#consultationRung = true;
        if (snapshot.phase === 'consultation') this.#endRung = true;
      }
    } else if (snapshot.phase !== previous) {
      if (previous === 'consultation' && !this.#endRung) events.push('end');
      const skipStart = snapshot.phase === 'consultation' && this.#consultationRung;
      if (!skipStart) events.push(snapshot.phase);
      this.#phase = snapshot.phase;
      this.#warningArmed = false;
      this.#endArmed = false;
      this.#endRung = false;
      this.#consultationRung = false;
    }

    const { phase, remaining, warningMs } = snapshot;
    if (remaining === null) return events;

    if (phase === 'reading') {
      if (remaining > 0) this.#endArmed = true;
      else if (this.#endArmed) {
        this.#endArmed = false;
        this.#consultationRung = true;
        events.push('consultation');
      }
    } else if (phase === 'consultation') {
      if (warningMs !== null && warningMs > 0) {
        if (remaining > warningMs) this.#warningArmed = true;
        else if (this.#warningArmed) {
          this.#warningArmed = false;
          // A tab woken after the end rings the end bell alone.
          if (remaining > 0) events.push('warning');
        }
      }
      if (remaining > 0) this.#endArmed = true;
      else if (this.#endArmed) {
        this.#endArmed = false;
        this.#endRung = true;
        events.push('end');
      }
    }
    return events;
  }
}
