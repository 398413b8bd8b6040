import { io, type Socket } from 'socket.io-client';
import type {
  Ack,
  BoardSession,
  ClientToServerEvents,
  DisclosureState,
  FactsElicitedInput,
  TranscriptAppendInput,
  TranscriptSegment,
  NotifyPayload,
  ParticipantSession,
  RtcSignalInput,
  ServerToClientEvents,
  SessionAdvanceInput,
} from '$contract';

export type AppSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export interface Notification extends NotifyPayload {
  id: number;
}

const MAX_NOTIFICATIONS = 5;

/** Listeners of the public session board feed. */
export interface BoardHandlers {
  upsert: (session: BoardSession) => void;
  remove: (payload: { id: string }) => void;
  /** After each (re)connection's `board:watch` is acknowledged: re-read what may have been missed. */
  watching?: () => void;
}

/** Listeners of one practice session's participant feed (the room). */
export interface SessionHandlers {
  /** The session as the server acknowledged each (re)join. */
  joined: (session: ParticipantSession) => void;
  /** `session:state`: the session after every change (phase, timer, guest). */
  state: (session: ParticipantSession) => void;
  failed?: (error: { code: string; message: string }) => void;
}

/** s→c `rtc:signal`: WebRTC signalling from the other participant of a session (`from` is their user id). */
export type RtcSignalMessage = RtcSignalInput & { from: string };

/** How long an acknowledgement may take before the client gives up on it. */
const ACK_TIMEOUT_MS = 10_000;

/** The one Socket.IO connection of the app, opened while someone is signed in. */
class Realtime {
  connected = $state(false);
  notifications = $state<Notification[]>([]);
  #socket: AppSocket | null = null;
  #nextId = 1;

  /** Lazily created so nothing connects before the session cookie exists. */
  get socket(): AppSocket {
    if (!this.#socket) {
      const socket: AppSocket = io({ withCredentials: true, autoConnect: false, reconnection: true });
      socket.on('connect', () => (this.connected = true));
      socket.on('disconnect', () => (this.connected = false));
      socket.on('notify', (payload) => this.push(payload));
      this.#socket = socket;
    }
    return this.#socket;
  }

  connect(): void {
    if (!this.socket.connected && !this.socket.active) this.socket.connect();
  }

  /** Also forgets the notifications: they belonged to the user who just left. */
  disconnect(): void {
    this.#socket?.disconnect();
    this.notifications = [];
  }

  /**
   * Joins the public board feed on this and every later (re)connection, connecting if need be:
   * the board is public, so this works for an anonymous socket too. Returns the cleanup (the
   * caller disconnects an anonymous socket itself when it no longer needs it).
   */
  watchBoard(handlers: BoardHandlers): () => void {
    const socket = this.socket;
    const join = () => {
      socket.emit('board:watch', {}, (result) => {
        if (result.ok) handlers.watching?.();
      });
    };
    socket.on('board:upsert', handlers.upsert);
    socket.on('board:remove', handlers.remove);
    socket.on('connect', join);
    if (socket.connected) join();
    else this.connect();
    return () => {
      socket.off('board:upsert', handlers.upsert);
      socket.off('board:remove', handlers.remove);
      socket.off('connect', join);
    };
  }

  /**
   * Joins a session's participant feed on this and every later (re)connection (`session:join`),
   * connecting if need be. `joined` gets each join's acknowledged session, `state` every later
   * `session:state` of this session. Returns the cleanup.
   */
  watchSession(sessionId: string, handlers: SessionHandlers): () => void {
    const socket = this.socket;
    const join = () => {
      socket.timeout(ACK_TIMEOUT_MS).emit('session:join', { session_id: sessionId }, (err, result) => {
        if (err) handlers.failed?.({ code: 'unavailable', message: 'The server did not answer. Check your connection' });
        else if (result.ok) handlers.joined(result.session);
        else handlers.failed?.(result.error);
      });
    };
    const onState = (session: ParticipantSession) => {
      if (session.id === sessionId) handlers.state(session);
    };
    socket.on('session:state', onState);
    socket.on('connect', join);
    if (socket.connected) join();
    else this.connect();
    return () => {
      socket.off('session:state', onState);
      socket.off('connect', join);
      // Out of the room view, out of the room: the server stops sending its live events.
      if (socket.connected) socket.emit('session:leave', { session_id: sessionId }, () => {});
    };
  }

  /** The actor starts the station or moves it on; a lost connection or a slow server answers as an error. */
  advanceSession(input: SessionAdvanceInput): Promise<Ack<{ session: ParticipantSession }>> {
    return this.#stationCommand('session:advance', input);
  }

  /** The actor stops the station's clock by hand. */
  pauseSession(sessionId: string): Promise<Ack<{ session: ParticipantSession }>> {
    return this.#stationCommand('session:pause', { session_id: sessionId });
  }

  /** The actor starts the clock again (also after the other participant's connection dropped). */
  resumeSession(sessionId: string): Promise<Ack<{ session: ParticipantSession }>> {
    return this.#stationCommand('session:resume', { session_id: sessionId });
  }

  /** After a completed station: the next one in the same room, roles swapped (either participant). */
  startNextStation(sessionId: string): Promise<Ack<{ session: ParticipantSession }>> {
    return this.#stationCommand('session:next', { session_id: sessionId });
  }

  #stationCommand<E extends 'session:advance' | 'session:pause' | 'session:resume' | 'session:next'>(
    event: E,
    input: Parameters<ClientToServerEvents[E]>[0],
  ): Promise<Ack<{ session: ParticipantSession }>> {
    return new Promise((resolve) => {
      if (!this.socket.connected) {
        resolve({ ok: false, error: { code: 'unavailable', message: 'You are offline. Wait until the room reconnects, then try again' } });
        return;
      }
      // The four commands share one payload-and-ack shape; TypeScript cannot pick the overload from a union.
      const timed = this.socket.timeout(ACK_TIMEOUT_MS) as unknown as {
        emit(ev: E, payload: typeof input, ack: (err: Error | null, result: Ack<{ session: ParticipantSession }>) => void): void;
      };
      timed.emit(event, input, (err, result) => {
        resolve(err ? { ok: false, error: { code: 'unavailable', message: 'The server did not answer. Try again' } } : result);
      });
    });
  }

  /**
   * WebRTC signalling to the other participant of a session (the server relays it only after this
   * socket's `session:join`, and only to the other participant's joined sockets). Offline or a slow
   * server answers as an error.
   */
  sendRtcSignal(input: RtcSignalInput): Promise<Ack> {
    return new Promise((resolve) => {
      if (!this.socket.connected) {
        resolve({ ok: false, error: { code: 'unavailable', message: 'You are offline' } });
        return;
      }
      this.socket.timeout(ACK_TIMEOUT_MS).emit('rtc:signal', input, (err, result) => {
        resolve(err ? { ok: false, error: { code: 'unavailable', message: 'The server did not answer' } } : result);
      });
    });
  }

  /** `rtc:signal` from the other participant of this session. Returns the cleanup. */
  watchRtcSignals(sessionId: string, handler: (signal: RtcSignalMessage) => void): () => void {
    const socket = this.socket;
    const onSignal = (signal: RtcSignalMessage) => {
      if (signal.session_id === sessionId) handler(signal);
    };
    socket.on('rtc:signal', onSignal);
    return () => {
      socket.off('rtc:signal', onSignal);
    };
  }

  /** Appends a transcript segment; acknowledged only once stored. Offline or a slow server answers as an error. */
  appendTranscript(input: TranscriptAppendInput): Promise<Ack<{ segment: TranscriptSegment }>> {
    return new Promise((resolve) => {
      if (!this.socket.connected) {
        resolve({ ok: false, error: { code: 'unavailable', message: 'You are offline. Wait until the room reconnects, then try again' } });
        return;
      }
      this.socket.timeout(ACK_TIMEOUT_MS).emit('transcript:append', input, (err, result) => {
        resolve(err ? { ok: false, error: { code: 'unavailable', message: 'The server did not answer. Try again' } } : result);
      });
    });
  }

  /** `transcript:segment` of this session (both participants). Returns the cleanup. */
  watchTranscript(sessionId: string, handler: (segment: TranscriptSegment) => void): () => void {
    const socket = this.socket;
    const onSegment = (payload: TranscriptSegment & { session_id: string }) => {
      if (payload.session_id !== sessionId) return;
      const { session_id: _ignored, ...segment } = payload;
      handler(segment);
    };
    socket.on('transcript:segment', onSegment);
    return () => {
      socket.off('transcript:segment', onSegment);
    };
  }

  /** The actor ticks (or unticks) an if_asked fact. Offline or a slow server answers as an error. */
  setFactElicited(input: FactsElicitedInput): Promise<Ack<{ state: DisclosureState }>> {
    return new Promise((resolve) => {
      if (!this.socket.connected) {
        resolve({ ok: false, error: { code: 'unavailable', message: 'You are offline. Wait until the room reconnects, then try again' } });
        return;
      }
      this.socket.timeout(ACK_TIMEOUT_MS).emit('facts:elicited', input, (err, result) => {
        resolve(err ? { ok: false, error: { code: 'unavailable', message: 'The server did not answer. Try again' } } : result);
      });
    });
  }

  /** `facts:elicited`: the disclosure tracker of this session (the actor's sockets only). Returns the cleanup. */
  watchDisclosure(sessionId: string, handler: (state: DisclosureState) => void): () => void {
    const socket = this.socket;
    const onState = (state: DisclosureState) => {
      if (state.session_id === sessionId) handler(state);
    };
    socket.on('facts:elicited', onState);
    return () => {
      socket.off('facts:elicited', onState);
    };
  }

  dismiss(id: number): void {
    this.notifications = this.notifications.filter((n) => n.id !== id);
  }

  private push(payload: NotifyPayload): void {
    const next = [...this.notifications, { ...payload, id: this.#nextId++ }];
    this.notifications = next.slice(-MAX_NOTIFICATIONS);
  }
}

export const realtime = new Realtime();
