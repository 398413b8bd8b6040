import { z } from 'zod';
import type { Ack } from './errors.js';
import type { PtlImportProgress } from './ptl.js';
import type { MedicalRecord } from './records.js';
import type { BoardSession, DisclosureState, FactsElicitedInput, ParticipantSession, RtcSignalInput, SessionAdvanceInput, TranscriptAppendInput, TranscriptSegment } from './sessions.js';
import { FactsElicitedSchema, RtcSignalSchema, SessionAdvanceSchema, SessionJoinSchema, SessionNextSchema, SessionPauseSchema, TranscriptAppendSchema } from './sessions.js';
export { FactsElicitedSchema, RtcSignalSchema, SessionAdvanceSchema, SessionJoinSchema, SessionNextSchema, SessionPauseSchema, TranscriptAppendSchema };

/** c→s `board:watch` — join the public board feed; anonymous sockets may do only this. */
export const BoardWatchSchema = z.strictObject({});

/** s→c `notify` — a message to one user (sign-ups, withdrawals, cancellations, shared records…). */
export interface NotifyPayload {
  kind: string;
  session_id?: string;
  message: string;
}

/** s→c `session:presence` — the participants whose room view is open right now (on any server instance). */
export interface SessionPresence {
  session_id: string;
  present: string[];
}

/** Who the socket belongs to, as the server told it in `hello` after the handshake. */
export interface HelloPayload {
  user_id: string | null;
  role: string | null;
}

export interface ServerToClientEvents {
  hello: (payload: HelloPayload) => void;
  notify: (payload: NotifyPayload) => void;
  /** A session was published, signed up to, changed or withdrawn from: its board view. */
  'board:upsert': (payload: BoardSession) => void;
  /** The participant view after every change to a session (phase, timer, guest); to its participants. */
  'session:state': (payload: ParticipantSession) => void;
  /** Who has the room open (user ids), to both participants on every arrival and departure; never stored. */
  'session:presence': (payload: SessionPresence) => void;
  /** A stored transcript segment, to both participants of its session. */
  'transcript:segment': (payload: TranscriptSegment & { session_id: string }) => void;
  /** The disclosure tracker after each tap, to the actor only (never the candidate before feedback). */
  'facts:elicited': (payload: DisclosureState) => void;
  /** WebRTC signalling from the other participant of a session. */
  'rtc:signal': (payload: RtcSignalInput & { from: string }) => void;
  /** A session left the board (cancelled, started, past). */
  'board:remove': (payload: { id: string }) => void;
  /** Progress of a PTL CSV import, to the importing user only. */
  'ptl:import:progress': (payload: PtlImportProgress) => void;
  /** A doctor wrote a medical record: to its patient (and the doctor's own other tabs). */
  'records:created': (payload: MedicalRecord) => void;
  /** The doctor edited a record: to its patient and the doctor. */
  'records:updated': (payload: MedicalRecord) => void;
  /** The doctor deleted a record: to its patient and the doctor. */
  'records:deleted': (payload: { id: string }) => void;
}

export interface ClientToServerEvents {
  'board:watch': (payload: z.input<typeof BoardWatchSchema>, ack: (result: Ack) => void) => void;
  'session:join': (payload: z.input<typeof SessionJoinSchema>, ack: (result: Ack<{ session: ParticipantSession }>) => void) => void;
  /** The participant left the room view (the socket stays connected for the rest of the app). */
  'session:leave': (payload: z.input<typeof SessionJoinSchema>, ack: (result: Ack) => void) => void;
  'session:advance': (payload: SessionAdvanceInput, ack: (result: Ack<{ session: ParticipantSession }>) => void) => void;
  'session:pause': (payload: z.input<typeof SessionPauseSchema>, ack: (result: Ack<{ session: ParticipantSession }>) => void) => void;
  'session:resume': (payload: z.input<typeof SessionPauseSchema>, ack: (result: Ack<{ session: ParticipantSession }>) => void) => void;
  'session:next': (payload: z.input<typeof SessionNextSchema>, ack: (result: Ack<{ session: ParticipantSession }>) => void) => void;
  'rtc:signal': (payload: RtcSignalInput, ack: (result: Ack) => void) => void;
  'transcript:append': (payload: TranscriptAppendInput, ack: (result: Ack<{ segment: TranscriptSegment }>) => void) => void;
  'facts:elicited': (payload: FactsElicitedInput, ack: (result: Ack<{ state: DisclosureState }>) => void) => void;
}

export interface InterServerEvents {
  ping: () => void;
}

/** Kept on each socket after the handshake; null user means an anonymous board watcher. */
export interface SocketData {
  user: { id: string; email: string; role: string; auth_session_id: string } | null;
}
