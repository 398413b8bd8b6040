import type { ParticipantSession, SessionBrief } from '$contract';
import { api } from '../../lib/api';
import { auth } from '../../lib/auth.svelte';
import { realtime } from '../../lib/realtime.svelte';
import { CueTracker, type CueEvent } from './cue-tracker';
import { CueSounds, type Cue } from './cues';
import { partnerPresence } from './lobby';
import { VideoCall } from './video-call.svelte';
import {
  CONSULTATION_ENDED,
  NEXT_STEP,
  phaseAnnouncement,
  remainingMs,
  pauseNote,
  warningAnnouncement,
  type AdvanceTarget,
} from './room';

const SOUND_KEY = 'room.sound';
const TICK_MS = 250;

export const ROOM_NOT_YOURS = 'This room is not yours, or it does not exist.';

function readSoundPreference(): boolean {
  try {
    return window.localStorage.getItem(SOUND_KEY) !== 'off';
  } catch {
    return true;
  }
}

function saveSoundPreference(on: boolean): void {
  try {
    window.localStorage.setItem(SOUND_KEY, on ? 'on' : 'off');
  } catch {
    // Private mode without storage: the choice lasts for this visit.
  }
}

/** The cue each moment rings, if any (feedback and the end of the station are marked by the end bell). */
const CUE_SOUNDS: Partial<Record<CueEvent, Cue>> = {
  reading: 'reading',
  consultation: 'consultation',
  warning: 'warning',
  end: 'end',
};

/**
 * One room: the session behind the link, kept current from the socket (`session:join` on every
 * (re)connection, then `session:state`), the brief the reveal rules allow right now (read again at
 * every phase change), the local clock, the audible cues and what the live region announces.
 */
export class RoomState {
  readonly token: string;

  session = $state.raw<ParticipantSession | null>(null);
  loadError = $state<string | null>(null);
  brief = $state.raw<SessionBrief | null>(null);
  briefError = $state<string | null>(null);
  briefLoading = $state(false);
  /** The last join was acknowledged on the current connection. */
  joined = $state(false);
  joinError = $state<string | null>(null);

  /** The local clock, moved on every 250 ms. */
  now = $state(Date.now());
  advancing = $state(false);
  actionError = $state<string | null>(null);
  /** The polite live region's text: phase changes and the warning, never every second. */
  announcement = $state('');

  /** Who has the room open right now (user ids), as the server last said; unknown (empty) while offline. */
  present = $state.raw<string[]>([]);

  soundOn = $state(readSoundPreference());
  /** The browser holds the sound back until the person interacts with the page. */
  soundBlocked = $state(false);

  remaining = $derived(this.session ? remainingMs(this.session.phase_ends_at, this.now, this.session.paused_at) : null);
  paused = $derived(this.session?.paused_at != null);
  /** Why the clock stands still, as this participant reads it. */
  pauseNote = $derived(this.session ? pauseNote(this.session, auth.user?.id ?? null) : null);
  /** The station after this one exists (the other participant may have started it). */
  nextStationId = $derived(this.session?.next_session_id ?? null);
  /** The clock can be stopped by hand now (the actor, during reading and consultation). */
  canPause = $derived(this.session?.your_role === 'actor' && (this.session.phase === 'reading' || this.session.phase === 'consultation'));
  isActor = $derived(this.session?.your_role === 'actor');
  nextStep = $derived(this.session ? (NEXT_STEP[this.session.phase] ?? null) : null);
  /** In the consultation, with the warning time or less left. */
  inWarning = $derived(
    this.session?.phase === 'consultation' &&
      this.session.timing.warning_s !== null &&
      this.remaining !== null &&
      this.remaining <= this.session.timing.warning_s * 1000,
  );

  /** The video call with the other participant. */
  readonly video = new VideoCall();
  /** Whether the other participant has signed up, and whether they have the room open now. */
  partner = $derived(partnerPresence(this.video.partnerId, this.present));

  #tracker = new CueTracker();
  #sounds = new CueSounds((blocked) => (this.soundBlocked = blocked && this.soundOn));
  #briefKey: string | null = null;
  #briefGeneration = 0;

  /** Called once the room has moved on to the next station (the page then opens it in place). */
  readonly #onNextStation: () => void;

  constructor(token: string, onNextStation: () => void = () => {}) {
    this.token = token;
    this.#onNextStation = onNextStation;
  }

  /** Loads the room and keeps it live; returns the cleanup. */
  start(): () => void {
    let stopped = false;
    let stopWatching: (() => void) | null = null;
    const stopConnection = $effect.root(() => {
      $effect(() => {
        if (!realtime.connected) {
          this.joined = false;
          this.present = [];
          this.video.offline();
        }
      });
    });

    const timer = window.setInterval(() => {
      this.now = Date.now();
      this.#checkCues();
    }, TICK_MS);

    // Any interaction lets the browser play sound from then on.
    const unlock = () => {
      if (this.soundOn) this.#sounds.unlock();
    };
    window.addEventListener('pointerdown', unlock, true);
    window.addEventListener('keydown', unlock, true);
    // Tells at once whether the browser lets the page play sound yet (it says so in `soundBlocked`).
    if (this.soundOn) this.#sounds.unlock();

    let stopPresence: (() => void) | null = null;
    void this.#load().then((session) => {
      if (stopped || !session) return;
      this.video.open(session);
      stopPresence = realtime.watchPresence(session.id, (present) => (this.present = present));
      stopWatching = realtime.watchSession(session.id, {
        joined: (next) => {
          this.joined = true;
          this.joinError = null;
          this.#apply(next);
          // Only now may this socket signal: the video starts (again) with a fresh offer.
          this.video.joined();
        },
        state: (next) => this.#apply(next),
        failed: (error) => {
          this.joined = false;
          this.joinError = error.message;
        },
      });
    });

    return () => {
      stopped = true;
      // Says goodbye (`hangup`) while the socket is still in the session's room.
      this.video.close();
      stopWatching?.();
      stopPresence?.();
      stopConnection();
      window.clearInterval(timer);
      window.removeEventListener('pointerdown', unlock, true);
      window.removeEventListener('keydown', unlock, true);
      this.#sounds.close();
    };
  }

  /** The actor starts the station or moves it on; the server's answer is the new state. */
  async advance(to: AdvanceTarget): Promise<void> {
    const session = this.session;
    if (!session || this.advancing) return;
    this.advancing = true;
    this.actionError = null;
    const result = await realtime.advanceSession({ session_id: session.id, to });
    this.advancing = false;
    if (result.ok) this.#apply(result.session);
    else this.actionError = result.error.message;
  }

  /** The actor stops the clock, or starts it again. */
  async togglePause(): Promise<void> {
    const session = this.session;
    if (!session || this.advancing) return;
    this.advancing = true;
    this.actionError = null;
    const result = session.paused_at ? await realtime.resumeSession(session.id) : await realtime.pauseSession(session.id);
    this.advancing = false;
    if (result.ok) this.#apply(result.session);
    else this.actionError = result.error.message;
  }

  /**
   * After a completed station: start the next one with roles swapped (or join the one the other
   * participant started — asking twice finds the same station), then open it in this room.
   */
  async startNextStation(): Promise<void> {
    const session = this.session;
    if (!session || this.advancing) return;
    this.advancing = true;
    this.actionError = null;
    const result = await realtime.startNextStation(session.id);
    this.advancing = false;
    if (result.ok) this.#onNextStation();
    else this.actionError = result.error.message;
  }

  toggleSound(): void {
    this.soundOn = !this.soundOn;
    saveSoundPreference(this.soundOn);
    if (this.soundOn) this.#sounds.unlock();
    else this.soundBlocked = false;
  }

  /** From a button: lets the browser play sound and plays the reading tone to check the speakers. */
  testSound(): void {
    this.#sounds.unlock();
    this.#sounds.play('reading');
  }

  enableSound(): void {
    this.#sounds.unlock();
  }

  /** The speaker chosen for the call plays the cues too. */
  useSpeaker(deviceId: string): void {
    this.video.useSpeaker(deviceId);
    this.#sounds.setSink(deviceId);
  }

  retryBrief(): void {
    if (this.session) void this.#loadBrief(this.session, true);
  }

  async #load(): Promise<ParticipantSession | null> {
    const result = await api.getRoom(this.token);
    if (result.ok) {
      this.#apply(result.data);
      return result.data;
    }
    this.loadError = result.status === 404 || result.status === 403 || result.status === 400 ? ROOM_NOT_YOURS : result.error.message;
    return null;
  }

  /** A newer view of the session (an older one arriving late is ignored). */
  #apply(next: ParticipantSession): void {
    const current = this.session;
    if (current && (next.id !== current.id || next.version < current.version)) return;
    this.session = next;
    this.video.update(next);
    this.now = Date.now();
    this.#checkCues();
    // The reveal rules depend on the phase, the role and the case: read the brief again when one changes.
    const key = `${next.phase}|${next.your_role}|${next.has_case}|${next.case_id ?? ''}`;
    if (key !== this.#briefKey) void this.#loadBrief(next, false);
    if (Boolean(current?.paused_at) !== Boolean(next.paused_at) && current) {
      this.#announce(next.paused_at ? 'The station is paused.' : 'The station runs again.');
    }
  }

  async #loadBrief(session: ParticipantSession, retry: boolean): Promise<void> {
    const key = `${session.phase}|${session.your_role}|${session.has_case}|${session.case_id ?? ''}`;
    if (!retry && key === this.#briefKey) return;
    this.#briefKey = key;
    const gen = ++this.#briefGeneration;
    this.briefLoading = true;
    const result = await api.getSessionBrief(session.id);
    if (gen !== this.#briefGeneration) return;
    this.briefLoading = false;
    if (result.ok) {
      this.brief = result.data;
      this.briefError = null;
      return;
    }
    this.briefError = result.error.message;
  }

  #checkCues(): void {
    const session = this.session;
    if (!session) return;
    const warning = session.timing.warning_s;
    const events = this.#tracker.update({
      phase: session.phase,
      remaining: remainingMs(session.phase_ends_at, this.now, session.paused_at),
      warningMs: warning === null ? null : warning * 1000,
    });
    if (events.length === 0) return;
    const said: string[] = [];
    for (const event of events) {
      const cue = CUE_SOUNDS[event];
      if (cue && this.soundOn) this.#sounds.play(cue);
      if (event === 'warning') said.push(warning === null ? '' : warningAnnouncement(warning));
      else if (event === 'end') said.push(CONSULTATION_ENDED);
      else said.push(phaseAnnouncement(event, session.timing));
    }
    this.#announce(said.filter(Boolean).join(' '));
  }

  /** The same words twice in a row still get read out: the text must change for that. */
  #announce(text: string): void {
    if (!text) return;
    this.announcement = text === this.announcement ? `${text}\u00a0` : text;
  }
}
