import type { LocalTrackPublication, RemoteParticipant, RemoteTrack, Room } from 'livekit-client';
import {
  accessExpired,
  connectFailureMessage,
  disconnectMessage,
  LIVEKIT_LOAD_FAILED,
  LIVEKIT_UNSUPPORTED,
  livekitPeerState,
  type LivekitConnection,
  type LivekitPartner,
  type LivekitPeerState,
} from './livekit-state';

type Sdk = typeof import('livekit-client');

/** Lets LiveKit see the element that shows the remote tracks (adaptive stream sends what it needs); returns the undo. */
export type RemoteAttach = (element: HTMLMediaElement) => () => void;

/** What the server handed out for LiveKit (`POST /api/sessions/:id/video`). */
export interface LivekitAccess {
  url: string;
  token: string;
  expires_at: string;
}

/** What the room's video call learns from the LiveKit call. */
export interface LivekitCallEvents {
  /** The connection to the other participant, in the peer-to-peer call's terms. */
  state(peer: LivekitPeerState): void;
  /** The other participant's tracks (null: none), and how to attach them to the element showing them. */
  remote(stream: MediaStream | null, attach: RemoteAttach | null): void;
  /** Why there is no call (null: nothing wrong). */
  error(message: string | null): void;
}

let sdkLoading: Promise<Sdk> | null = null;

/**
 * The LiveKit SDK, loaded on first use: this dynamic import is the only way in, so the bundler puts
 * the SDK in a chunk of its own that only a room with LiveKit video ever downloads.
 */
function loadSdk(): Promise<Sdk> {
  sdkLoading ??= import('livekit-client').catch((err: unknown) => {
    sdkLoading = null; // A later attempt may succeed (the network was down).
    throw err;
  });
  return sdkLoading;
}

/**
 * The room's video call through a LiveKit server (provider `livekit`): connects with the token the
 * server minted, publishes the room's own camera and microphone stream (the one the call already
 * has, never a second capture), and hands the other participant's tracks to the same remote tile
 * the peer-to-peer call uses. LiveKit reconnects by itself after a network change; when it gives
 * up, or the first connection fails, the call says why and stays down until asked to try again.
 */
export class LivekitCall {
  readonly #access: LivekitAccess;
  readonly #events: LivekitCallEvents;
  #partnerId: string | null;
  #sdk: Sdk | null = null;
  #room: Room | null = null;
  #connection: LivekitConnection = 'idle';
  #partner: LivekitPartner = 'absent';
  #closed = false;

  /** The local stream to publish (its live tracks) and which kinds are muted. */
  #local: MediaStream | null = null;
  #muted = { audio: false, video: false };
  #published = new Map<MediaStreamTrack, LocalTrackPublication>();
  /** Publishing changes, one at a time in order. */
  #publishing: Promise<void> = Promise.resolve();
  /** The remote tracks last handed over (to hand over only changes). */
  #remoteTracks: RemoteTrack[] = [];

  constructor(access: LivekitAccess, partnerId: string | null, events: LivekitCallEvents) {
    this.#access = access;
    this.#partnerId = partnerId;
    this.#events = events;
  }

  /** Loads the SDK and joins the room; failures end up in `events.error`, never thrown. */
  async connect(): Promise<void> {
    if (this.#closed || this.#connection !== 'idle') return;
    this.#setConnection('connecting');
    let sdk: Sdk;
    try {
      sdk = await loadSdk();
    } catch {
      this.#fail(LIVEKIT_LOAD_FAILED);
      return;
    }
    if (this.#closed) return;
    if (!sdk.isBrowserSupported()) {
      this.#fail(LIVEKIT_UNSUPPORTED);
      return;
    }
    this.#sdk = sdk;
    // The call's own tracks are the room's (the camera check's copy, or its own capture): LiveKit
    // must not stop them when it unpublishes them or disconnects.
    const room = new sdk.Room({ adaptiveStream: true, dynacast: true, stopLocalTrackOnUnpublish: false });
    this.#room = room;
    this.#listen(sdk, room);
    try {
      await room.connect(this.#access.url, this.#access.token);
    } catch (err) {
      if (this.#closed || room !== this.#room) return;
      const known = err instanceof sdk.ConnectionError;
      const leaveReason =
        known && err.reason === sdk.ConnectionErrorReason.LeaveRequest && typeof err.context === 'number' ? sdk.DisconnectReason[err.context] : null;
      const message = connectFailureMessage(known ? err.reasonName : null, { expired: this.#expired(), leaveReason });
      if (message) this.#fail(message);
      else this.#setConnection('closed');
      return;
    }
    if (this.#closed || room !== this.#room) return;
    this.#setConnection('connected');
    this.#allowOnlyPartner();
    this.#followPartner();
    this.#queuePublish();
  }

  /** The other participant changed (signed up, withdrew, roles swapped): show only them. */
  setPartner(id: string | null): void {
    if (id === this.#partnerId) return;
    this.#partnerId = id;
    this.#partner = 'absent';
    this.#allowOnlyPartner();
    this.#followPartner();
  }

  /** The local stream to send (null: nothing, receive only) and which of its kinds are muted. */
  publish(stream: MediaStream | null, muted: { audio: boolean; video: boolean }): void {
    this.#local = stream;
    this.#muted = { ...muted };
    this.#queuePublish();
  }

  /** Microphone or camera switched off or on: the other side is told (their tile says "No video"). */
  setMuted(kind: 'audio' | 'video', muted: boolean): void {
    this.#muted[kind] = muted;
    this.#queuePublish();
  }

  /** Leaves the room; the local tracks stay with their owner, who stops them. */
  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    const room = this.#room;
    this.#room = null;
    this.#published.clear();
    this.#remoteTracks = [];
    if (room) {
      room.removeAllListeners();
      void room.disconnect(false).catch(() => {});
    }
  }

  #listen(sdk: Sdk, room: Room): void {
    const { RoomEvent } = sdk;
    const mine = () => !this.#closed && room === this.#room;
    room
      .on(RoomEvent.TrackSubscribed, (_track, _publication, participant) => {
        if (mine() && this.#isPartner(participant)) this.#followPartner();
      })
      .on(RoomEvent.TrackUnsubscribed, (_track, _publication, participant) => {
        if (mine() && this.#isPartner(participant)) this.#followPartner();
      })
      .on(RoomEvent.TrackMuted, (_publication, participant) => {
        if (mine() && this.#isPartner(participant)) this.#followPartner();
      })
      .on(RoomEvent.TrackUnmuted, (_publication, participant) => {
        if (mine() && this.#isPartner(participant)) this.#followPartner();
      })
      .on(RoomEvent.ParticipantConnected, (participant) => {
        if (mine() && this.#isPartner(participant)) this.#followPartner();
      })
      .on(RoomEvent.ParticipantDisconnected, (participant) => {
        if (!mine() || !this.#isPartner(participant)) return;
        this.#partner = 'left';
        this.#showRemote([]);
        this.#emitState();
      })
      .on(RoomEvent.Reconnecting, () => {
        if (mine()) this.#setConnection('reconnecting');
      })
      .on(RoomEvent.SignalReconnecting, () => {
        if (mine()) this.#setConnection('reconnecting');
      })
      .on(RoomEvent.Reconnected, () => {
        if (!mine()) return;
        this.#setConnection('connected');
        this.#followPartner();
        this.#queuePublish();
      })
      .on(RoomEvent.Disconnected, (reason) => {
        // During the first connection the failed `connect()` says what went wrong.
        if (!mine() || this.#connection === 'connecting' || this.#connection === 'idle') return;
        this.#published.clear();
        this.#showRemote([]);
        const message = disconnectMessage(reason === undefined ? null : (sdk.DisconnectReason[reason] ?? null), { expired: this.#expired() });
        if (message) this.#fail(message);
        else this.#setConnection('closed');
      });
  }

  /**
   * Only the other participant may receive what this side sends, and the video server enforces it:
   * someone who left the session but still holds a token sees and hears nothing. Set before the
   * first track is published; LiveKit sends it again itself after a reconnection.
   */
  #allowOnlyPartner(): void {
    const room = this.#room;
    if (!room || this.#closed || this.#connection !== 'connected') return;
    room.localParticipant.setTrackSubscriptionPermissions(false, this.#partnerId ? [{ participantIdentity: this.#partnerId, allowAll: true }] : []);
  }

  #isPartner(participant: { identity: string }): boolean {
    return this.#partnerId !== null && participant.identity === this.#partnerId;
  }

  /** Looks the other participant up in the room and shows what they send. */
  #followPartner(): void {
    const room = this.#room;
    if (!room || this.#closed) return;
    let partner: RemoteParticipant | null = null;
    for (const participant of room.remoteParticipants.values()) {
      if (this.#isPartner(participant)) partner = participant;
    }
    if (partner) this.#partner = 'present';
    else if (this.#partner === 'present') this.#partner = 'left';
    this.#showRemote(partner ? this.#tracksOf(partner) : []);
    this.#emitState();
  }

  /** Their subscribed microphone and camera; a camera they switched off is left out (the tile then says so). */
  #tracksOf(participant: RemoteParticipant): RemoteTrack[] {
    let audio: RemoteTrack | null = null;
    let video: RemoteTrack | null = null;
    for (const publication of participant.trackPublications.values()) {
      const track = publication.track;
      if (!track || !publication.isSubscribed) continue;
      if (track.kind === 'audio' && !audio) audio = track;
      if (track.kind === 'video' && !video && !publication.isMuted) video = track;
    }
    return [audio, video].filter((t): t is RemoteTrack => t !== null);
  }

  #showRemote(tracks: RemoteTrack[]): void {
    const same =
      tracks.length === this.#remoteTracks.length && tracks.every((t, i) => t.mediaStreamTrack === this.#remoteTracks[i]?.mediaStreamTrack);
    if (same) return;
    this.#remoteTracks = tracks;
    if (tracks.length === 0) {
      this.#events.remote(null, null);
      return;
    }
    // A fresh stream on every change (the tile's <video> then sees it); attaching to it registers the
    // element with LiveKit without replacing the stream (it is already the element's `srcObject`).
    const stream = new MediaStream(tracks.map((t) => t.mediaStreamTrack));
    const attach: RemoteAttach = (element) => {
      for (const track of tracks) track.attach(element);
      return () => {
        for (const track of tracks) track.detach(element);
      };
    };
    this.#events.remote(stream, attach);
  }

  #queuePublish(): void {
    this.#publishing = this.#publishing.then(() => this.#syncPublished()).catch(() => {
      // A track that ended meanwhile, or a connection that went away: the next change tries again.
    });
  }

  /** Makes the published tracks the local stream's live ones, muted as asked. */
  async #syncPublished(): Promise<void> {
    const room = this.#room;
    const sdk = this.#sdk;
    // While (re)connecting there is nothing to publish to; LiveKit republishes by itself after a reconnection.
    if (!room || !sdk || this.#closed || this.#connection !== 'connected') return;
    const wanted = (this.#local?.getTracks() ?? []).filter((t) => t.readyState === 'live');
    for (const track of [...this.#published.keys()]) {
      if (wanted.includes(track)) continue;
      this.#published.delete(track);
      await room.localParticipant.unpublishTrack(track, false);
    }
    for (const track of wanted) {
      if (this.#published.has(track)) continue;
      const source = track.kind === 'audio' ? sdk.Track.Source.Microphone : sdk.Track.Source.Camera;
      const publication = await room.localParticipant.publishTrack(track, { source });
      if (this.#closed || room !== this.#room) return;
      this.#published.set(track, publication);
    }
    for (const [track, publication] of this.#published) {
      const muted = track.kind === 'audio' ? this.#muted.audio : this.#muted.video;
      if (muted && !publication.isMuted) await publication.mute();
      else if (!muted && publication.isMuted) await publication.unmute();
    }
  }

  #expired(): boolean {
    return accessExpired(this.#access.expires_at, Date.now());
  }

  #fail(message: string): void {
    if (this.#closed) return;
    this.#events.error(message);
    this.#setConnection('failed');
  }

  #setConnection(connection: LivekitConnection): void {
    if (this.#closed) return;
    this.#connection = connection;
    if (connection === 'connected') this.#events.error(null);
    this.#emitState();
  }

  #emitState(): void {
    this.#events.state(livekitPeerState(this.#connection, this.#partner));
  }
}
