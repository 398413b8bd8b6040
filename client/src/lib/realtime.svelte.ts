import type { Socket, SocketReservedEvents } from 'socket.io-client';
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

/** What the app can listen to: the server's events and the socket's own `connect` and `disconnect`. */
export type RealtimeEvents = ServerToClientEvents & Pick<SocketReservedEvents, 'connect' | 'disconnect'>;

// socket.io's typed `on` cannot take an event name chosen at run time; `on()` below is typed instead.
type AnyListener = (...args: never[]) => void;

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

/**
 * The one Socket.IO connection of the app, opened while someone is signed in or watches the board.
 *
 * socket.io-client (~13 KB gzip) is imported on the first `connect()`, not with the app: the login
 * page and a signed-out visitor's first paint never need it. Listeners can be added before it has
 * loaded; they are kept here and attached to the socket once it exists.
 */
class Realtime {
  connected = $state(false);
  notifications = $state<Notification[]>([]);
  #socket: AppSocket | null = null;
  #loading: Promise<void> | null = null;
  /** Whether the last call was `connect()` rather than `disconnect()`, for when the library arrives. */
  #wanted = false;
  #listeners = new Map<string, Set<AnyListener>>();
  #nextId = 1;

  connect(): void {
    this.#wanted = true;
    const socket = this.#socket;
    if (socket) {
      if (!socket.connected && !socket.active) socket.connect();
      return;
    }
    // A failed download (offline, or a new version deployed) is retried by the next connect().
    this.#loading ??= this.#load().catch(() => {
      this.#loading = null;
    });
  }

  /** Also forgets the notifications: they belonged to the user who just left. */
  disconnect(): void {
    this.#wanted = false;
    this.#socket?.disconnect();
    this.notifications = [];
  }

  /** Listens to `event` now or, if the socket is still loading, from when it exists. Returns the cleanup. */
  on<E extends keyof RealtimeEvents>(event: E, listener: RealtimeEvents[E]): () => void {
    const listeners = this.#listeners.get(event) ?? new Set();
    listeners.add(listener);
    this.#listeners.set(event, listeners);
    this.#socket?.on(event as 'connect', listener as () => void);
    return () => this.off(event, listener);
  }

  off<E extends keyof RealtimeEvents>(event: E, listener: RealtimeEvents[E]): void {
    this.#listeners.get(event)?.delete(listener);
    this.#socket?.off(event as 'connect', listener as () => void);
  }

  async #load(): Promise<void> {
    const { io } = await import('socket.io-client');
    // No autoConnect: nothing connects before the session cookie exists or a page asks.
    const socket: AppSocket = io({ withCredentials: true, autoConnect: false, reconnection: true });
    socket.on('connect', () => (this.connected = true));
    socket.on('disconnect', () => (this.connected = false));
    socket.on('notify', (payload) => this.push(payload));
    for (const [event, listeners] of this.#listeners) {
      for (const listener of listeners) socket.on(event as 'connect', listener as () => void);
    }
    this.#socket = socket;
    if (this.#wanted) socket.connect();
  }

  /**
   * Joins the public board feed on this and every later (re)connection, connecting if need be:
   * the board is public, so this works for an anonymous socket too. Returns the cleanup (the
   * caller disconnects an anonymous socket itself when it no longer needs it).
   */
  watchBoard(handlers: BoardHandlers): () => void {
    const join = () => {
      this.#socket?.emit('board:watch', {}, (result) => {
        if (result.ok) handlers.watching?.();
      });
    };
    const stops = [this.on('board:upsert', handlers.upsert), this.on('board:remove', handlers.remove), this.on('connect', join)];
    if (this.#socket?.connected) join();
    else this.connect();
    return () => stops.forEach((stop) => stop());
  }

  /**
   * Joins a session's participant feed on this and every later (re)connection (`session:join`),
   * connecting if need be. `joined` gets each join's acknowledged session, `state` every later
   * `session:state` of this session. Returns the cleanup.
   */
  watchSession(sessionId: string, handlers: SessionHandlers): () => void {
    const join = () => {
      this.#socket?.timeout(ACK_TIMEOUT_MS).emit('session:join', { session_id: sessionId }, (err, result) => {
        if (err) handlers.failed?.({ code: 'unavailable', message: 'The server did not answer. Check your connection' });
        else if (result.ok) handlers.joined(result.session);
        else handlers.failed?.(result.error);
      });
    };
    const onState = (session: ParticipantSession) => {
      if (session.id === sessionId) handlers.state(session);
    };
    const stops = [this.on('session:state', onState), this.on('connect', join)];
    if (this.#socket?.connected) join();
    else this.connect();
    return () => {
      stops.forEach((stop) => stop());
      // Out of the room view, out of the room: the server stops sending its live events.
      if (this.#socket?.connected) this.#socket.emit('session:leave', { session_id: sessionId }, () => {});
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
      const socket = this.#socket;
      if (!socket?.connected) {
        resolve({ ok: false, error: { code: 'unavailable', message: 'You are offline. Wait until the room reconnects, then try again' } });
        return;
      }
      // The four commands share one payload-and-ack shape; TypeScript cannot pick the overload from a union.
      const timed = socket.timeout(ACK_TIMEOUT_MS) as unknown as {
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
      const socket = this.#socket;
      if (!socket?.connected) {
        resolve({ ok: false, error: { code: 'unavailable', message: 'You are offline' } });
        return;
      }
      socket.timeout(ACK_TIMEOUT_MS).emit('rtc:signal', input, (err, result) => {
        resolve(err ? { ok: false, error: { code: 'unavailable', message: 'The server did not answer' } } : result);
      });
    });
  }

  /** `rtc:signal` from the other participant of this session. Returns the cleanup. */
  watchRtcSignals(sessionId: string, handler: (signal: RtcSignalMessage) => void): () => void {
    return this.on('rtc:signal', (signal) => {
      if (signal.session_id === sessionId) handler(signal);
    });
  }

  /** `session:presence`: the user ids with this session's room open, on every arrival and departure. Returns the cleanup. */
  watchPresence(sessionId: string, handler: (present: string[]) => void): () => void {
    return this.on('session:presence', (payload) => {
      if (payload.session_id === sessionId) handler(payload.present);
    });
  }

  /** Appends a transcript segment; acknowledged only once stored. Offline or a slow server answers as an error. */
  appendTranscript(input: TranscriptAppendInput): Promise<Ack<{ segment: TranscriptSegment }>> {
    return new Promise((resolve) => {
      const socket = this.#socket;
      if (!socket?.connected) {
        resolve({ ok: false, error: { code: 'unavailable', message: 'You are offline. Wait until the room reconnects, then try again' } });
        return;
      }
      socket.timeout(ACK_TIMEOUT_MS).emit('transcript:append', input, (err, result) => {
        resolve(err ? { ok: false, error: { code: 'unavailable', message: 'The server did not answer. Try again' } } : result);
      });
    });
  }

  /** `transcript:segment` of this session (both participants). Returns the cleanup. */
  watchTranscript(sessionId: string, handler: (segment: TranscriptSegment) => void): () => void {
    return this.on('transcript:segment', (payload) => {
      if (payload.session_id !== sessionId) return;
      const { session_id: _ignored, ...segment } = payload;
      handler(segment);
    });
  }

  /** The actor ticks (or unticks) an if_asked fact. Offline or a slow server answers as an error. */
  setFactElicited(input: FactsElicitedInput): Promise<Ack<{ state: DisclosureState }>> {
    return new Promise((resolve) => {
      const socket = this.#socket;
      if (!socket?.connected) {
        resolve({ ok: false, error: { code: 'unavailable', message: 'You are offline. Wait until the room reconnects, then try again' } });
        return;
      }
      socket.timeout(ACK_TIMEOUT_MS).emit('facts:elicited', input, (err, result) => {
        resolve(err ? { ok: false, error: { code: 'unavailable', message: 'The server did not answer. Try again' } } : result);
      });
    });
  }

  /** `facts:elicited`: the disclosure tracker of this session (the actor's sockets only). Returns the cleanup. */
  watchDisclosure(sessionId: string, handler: (state: DisclosureState) => void): () => void {
    return this.on('facts:elicited', (state) => {
      if (state.session_id === sessionId) handler(state);
    });
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
