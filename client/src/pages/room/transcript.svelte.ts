import type { ParticipantSession, SessionRole, TranscriptSegment } from '$contract';
import { api } from '../../lib/api';
import { realtime } from '../../lib/realtime.svelte';

/** A segment as the panel shows it: from the GET (no id) or from the socket (with its id). */
export interface ShownSegment {
  key: string;
  id: string | null;
  speaker: SessionRole;
  at_ms: number;
  text: string;
}

const MAX_AT_MS = 6 * 3_600_000;

/** mm:ss of a segment's time from the start of the consultation. */
export function formatAt(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const m = Math.floor(total / 60);
  const s = total % 60;
  return `${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
}

/**
 * Milliseconds since the consultation started: during the consultation, now minus its start
 * (its end less its planned length); otherwise 0.
 */
export function atMsFor(session: ParticipantSession, now: number): number {
  if (session.phase !== 'consultation' || !session.phase_ends_at) return 0;
  const ends = new Date(session.phase_ends_at).getTime();
  if (Number.isNaN(ends)) return 0;
  const elapsed = Math.round(now - (ends - session.timing.consultation_s * 1000));
  return Math.min(MAX_AT_MS, Math.max(0, elapsed));
}

const same = (a: { speaker: string; at_ms: number; text: string }, b: { speaker: string; at_ms: number; text: string }) =>
  a.speaker === b.speaker && a.at_ms === b.at_ms && a.text === b.text;

/** The room's transcript: read from the server on entering (and after each rejoin), kept live from `transcript:segment`. */
export class TranscriptState {
  readonly sessionId: string;
  segments = $state.raw<ShownSegment[]>([]);
  loadError = $state<string | null>(null);
  #generation = 0;
  #next = 1;

  constructor(sessionId: string) {
    this.sessionId = sessionId;
  }

  watch(): () => void {
    return realtime.watchTranscript(this.sessionId, (segment) => this.receive(segment));
  }

  async load(): Promise<void> {
    const gen = ++this.#generation;
    const result = await api.getTranscript(this.sessionId);
    if (gen !== this.#generation) return;
    if (!result.ok) {
      this.loadError = result.error.message;
      return;
    }
    this.loadError = null;
    const loaded: ShownSegment[] = result.data.segments.map((s) => ({ key: `s${this.#next++}`, id: null, speaker: s.speaker, at_ms: s.at_ms, text: s.text }));
    // Live segments already shown keep their id; those the snapshot missed stay at the end.
    for (const live of this.segments) {
      if (live.id === null) continue;
      const match = loaded.find((l) => l.id === null && same(l, live));
      if (match) {
        match.id = live.id;
        match.key = live.key;
      } else loaded.push(live);
    }
    this.segments = loaded;
  }

  /** A stored segment (the ack of one's own, or the socket's broadcast): merged by id. */
  receive(segment: TranscriptSegment): void {
    if (this.segments.some((s) => s.id === segment.id)) return;
    const index = this.segments.findIndex((s) => s.id === null && same(s, segment));
    const shown: ShownSegment = { key: segment.id, id: segment.id, speaker: segment.speaker, at_ms: segment.at_ms, text: segment.text };
    if (index >= 0) this.segments = this.segments.map((s, i) => (i === index ? { ...shown, key: s.key } : s));
    else this.segments = [...this.segments, shown];
  }
}
