import type { ParticipantSession, RtcSignalInput } from '$contract';
import { api } from '../../lib/api';
import { realtime, type RtcSignalMessage } from '../../lib/realtime.svelte';
import { personName } from '../sessions/labels';
import type { LivekitAccess, LivekitCall, RemoteAttach } from './livekit-call';
import { expiryNotice, LIVEKIT_LOAD_FAILED } from './livekit-state';
import { deviceIdOf } from './devices.svelte';
import { ROOM_OPENS_BEFORE_MS } from './lobby';
import { liveStream, MEDIA_ENDED, MEDIA_NO_CAMERA, MEDIA_NO_MICROPHONE, mediaErrorMessage, requestCameraAndMicrophone } from './media';
import {
  hasTrack,
  isCandidateInit,
  isPolite,
  otherRole,
  partnerIdOf,
  peerStateOf,
  sdpSessionId,
  VIDEO_NOT_PARTICIPANT,
  type PeerState,
} from './video';

type SignalData = RtcSignalInput['data'];

/** The longest a browser timer can wait. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/** One RTCPeerConnection and what perfect negotiation keeps about it. */
interface Peer {
  pc: RTCPeerConnection;
  makingOffer: boolean;
  ignoreOffer: boolean;
  everConnected: boolean;
}

/**
 * The room's video call. With the embedded default (provider `p2p`) it is direct WebRTC between the
 * two participants, signalled over the app's socket (`rtc:signal`), with the "perfect negotiation"
 * pattern: either side may offer, the candidate is the polite side that gives way when both offer
 * at once. When the server runs LiveKit (provider `livekit`), a `LivekitCall` (loaded only then,
 * with the LiveKit SDK after it) carries the same camera and microphone and fills the same remote tile.
 *
 * Every (re)join of the session starts a new connection (and so a fresh offer); the other side
 * recognises the new connection by its SDP session id and follows, whichever side came first and
 * whichever side reloaded.
 */
export class VideoCall {
  /** Where video access stands: asked for, refused (with `accessError`), or which provider. */
  access = $state<'idle' | 'loading' | 'refused' | 'p2p' | 'livekit'>('idle');
  accessError = $state<string | null>(null);
  /** Refused as too early: access is asked for again when the room opens. */
  willRetry = $state(false);

  /** The local camera and microphone. */
  media = $state<'idle' | 'starting' | 'on' | 'failed'>('idle');
  /** Why there is no local media, or which device is missing. */
  mediaError = $state<string | null>(null);
  localStream = $state.raw<MediaStream | null>(null);
  remoteStream = $state.raw<MediaStream | null>(null);
  /** LiveKit: lets the SDK see the element showing `remoteStream` (it sends the video that element needs). */
  remoteAttach = $state.raw<RemoteAttach | null>(null);
  /** LiveKit: why the call failed or ended (the rest of the room works on). */
  callError = $state<string | null>(null);
  /** LiveKit: the video access is about to end, or has ended. */
  accessNotice = $state<string | null>(null);
  micOn = $state(true);
  cameraOn = $state(true);

  peer = $state<PeerState>('idle');
  partnerId = $state<string | null>(null);
  partnerName = $state<string | null>(null);
  /** How the other participant is named before (or without) their profile: "the candidate". */
  partnerRoleName = $state('the other participant');

  hasMicrophone = $derived(hasTrack(this.localStream, 'audio'));
  hasCamera = $derived(hasTrack(this.localStream, 'video'));
  /** The camera and microphone in use, for the pickers. */
  cameraId = $derived(deviceIdOf(this.localStream, 'video'));
  microphoneId = $derived(deviceIdOf(this.localStream, 'audio'));
  /** The speaker the other participant's sound plays on ('' is the system's default). */
  speakerId = $state('');
  /** A camera or microphone switch is under way. */
  switching = $state(false);

  #session: ParticipantSession | null = null;
  #polite = false;
  #peer: Peer | null = null;
  /** `session:join` is acknowledged on the current socket connection. */
  #joined = false;
  #joinCount = 0;
  /** The join the current connection was started for. */
  #peerJoin = -1;
  /** The waiting room's camera check while it runs (its tracks are copied, never taken). */
  #checkStream: MediaStream | null = null;
  /** Incoming signals, handled one at a time in order. */
  #inbox: Promise<void> = Promise.resolve();
  #stopSignals: (() => void) | null = null;
  #retryTimer = 0;
  #accessAttempt = 0;
  /** The LiveKit call while the provider is LiveKit. */
  #livekit: LivekitCall | null = null;
  /** Counts LiveKit starts and stops: a start that finishes loading after a stop (or a newer start) gives up. */
  #livekitRun = 0;
  #expiryTimer = 0;
  #closed = false;

  /** Starts with the room's session: asks for video access, then the camera and microphone. */
  open(session: ParticipantSession): void {
    if (this.#session || this.#closed) return;
    this.#session = session;
    this.#polite = isPolite(session.your_role);
    this.partnerRoleName = `the ${otherRole(session.your_role)}`;
    this.#stopSignals = realtime.watchRtcSignals(session.id, (signal) => this.#receive(signal));
    window.addEventListener('beforeunload', this.#onBeforeUnload);
    window.addEventListener('pagehide', this.#onPageHide);
    this.#followPartner(session);
    void this.#requestAccess();
  }

  /** A newer view of the session: the guest may have changed, or the session ended. */
  update(session: ParticipantSession): void {
    const previous = this.#session;
    if (this.#closed || !previous || session.id !== previous.id) return;
    this.#session = session;
    if (session.status === 'cancelled' || session.status === 'no_show') {
      this.close();
      return;
    }
    this.#followPartner(session);
    // A new time may open the room now.
    if (this.access === 'refused' && session.datetime_utc !== previous.datetime_utc) void this.#requestAccess();
  }

  /** Each acknowledged `session:join` (the first and every one after a reconnection): start afresh. */
  joined(): void {
    if (this.#closed) return;
    this.#joined = true;
    this.#joinCount++;
    this.#connectIfReady();
  }

  /**
   * The socket dropped: nothing can be signalled until the next join. The peer connection stays,
   * media may well keep flowing directly between the two browsers.
   */
  offline(): void {
    this.#joined = false;
  }

  /** The waiting room's check started (a stream) or stopped (null). */
  shareCheckStream(stream: MediaStream | null): void {
    this.#checkStream = stream;
    if (!stream || this.#closed || !this.#callAccess() || this.media === 'starting') return;
    // Worth taking only when it brings a device the call does not have (e.g. access was denied before).
    const current = this.localStream;
    const brings = (hasTrack(stream, 'video') && !hasTrack(current, 'video')) || (hasTrack(stream, 'audio') && !hasTrack(current, 'audio'));
    if (!brings) return;
    current?.getTracks().forEach((t) => t.stop());
    this.#useLocal(stream.clone(), partialNote(stream));
    this.#restart();
  }

  /** Asks for the camera and microphone again (after a refusal or an unplugged device). */
  async retryMedia(): Promise<void> {
    if (this.#closed || !this.#callAccess() || this.media === 'starting') return;
    this.localStream?.getTracks().forEach((t) => t.stop());
    this.localStream = null;
    this.media = 'idle';
    await this.#startMedia();
    this.#restart();
  }

  /** Asks the server for video access again (after a refusal, or a LiveKit call that failed: with a fresh token). */
  retryAccess(): void {
    void this.#requestAccess();
  }

  toggleMicrophone(): void {
    this.micOn = !this.micOn;
    for (const track of this.localStream?.getAudioTracks() ?? []) track.enabled = this.micOn;
    this.#livekit?.setMuted('audio', !this.micOn);
  }

  toggleCamera(): void {
    this.cameraOn = !this.cameraOn;
    for (const track of this.localStream?.getVideoTracks() ?? []) track.enabled = this.cameraOn;
    this.#livekit?.setMuted('video', !this.cameraOn);
  }

  /**
   * Uses another camera or microphone. The new track takes the old one's place in the call without
   * a new connection (peer-to-peer: the sender's track is replaced; LiveKit: it is published in the
   * old one's stead); only when the call had no track of that kind does the connection start over.
   */
  async switchDevice(kind: 'audio' | 'video', deviceId: string): Promise<void> {
    if (this.#closed || this.switching || !this.#callAccess()) return;
    if (deviceId === (kind === 'audio' ? this.microphoneId : this.cameraId)) return;
    this.switching = true;
    let fresh: MediaStream;
    try {
      fresh = await navigator.mediaDevices.getUserMedia({ [kind]: { deviceId: { exact: deviceId } } });
    } catch (err) {
      this.switching = false;
      this.mediaError = mediaErrorMessage(err);
      return;
    }
    this.switching = false;
    const track = fresh.getTracks().find((t) => t.kind === kind);
    if (this.#closed || !track) {
      fresh.getTracks().forEach((t) => t.stop());
      return;
    }
    const current = this.localStream?.getTracks() ?? [];
    const old = current.filter((t) => t.kind === kind);
    const stream = new MediaStream([...current.filter((t) => t.kind !== kind), track]);
    this.#useLocal(stream, partialNote(stream));
    if (this.access === 'livekit') {
      this.#publishLivekit();
      old.forEach((t) => t.stop());
      return;
    }
    const sender = this.#peer?.pc.getSenders().find((s) => s.track !== null && old.includes(s.track));
    if (sender) {
      try {
        await sender.replaceTrack(track);
      } catch {
        this.#restart();
      }
    } else {
      this.#restart();
    }
    old.forEach((t) => t.stop());
  }

  /** Plays the other participant's sound on this speaker ('' for the system's default). */
  useSpeaker(deviceId: string): void {
    this.speakerId = deviceId;
  }

  /** Leaving the room: tell the other side, stop the camera and microphone, close the connection. */
  close(): void {
    if (this.#closed) return;
    if (this.#joined && this.access === 'p2p') this.#send({ type: 'hangup' });
    this.#closed = true;
    this.#joined = false;
    window.clearTimeout(this.#retryTimer);
    window.removeEventListener('beforeunload', this.#onBeforeUnload);
    window.removeEventListener('pagehide', this.#onPageHide);
    this.#stopSignals?.();
    this.#stopSignals = null;
    this.#closePeer();
    this.#stopLivekit();
    this.localStream?.getTracks().forEach((t) => t.stop());
    this.localStream = null;
    this.remoteStream = null;
    this.peer = 'idle';
  }

  // A reload or a closed tab does not unmount the page: say goodbye then too. By `pagehide` the
  // browser often no longer sends anything on the socket, so the goodbye goes out at `beforeunload`
  // (should the leaving be cancelled after all, the connection restarts itself: see `#newPeer`).
  #onBeforeUnload = () => {
    if (this.#joined && this.access === 'p2p') this.#send({ type: 'hangup' });
  };
  #onPageHide = () => this.close();

  #followPartner(session: ParticipantSession): void {
    const partner = partnerIdOf(session);
    if (partner === this.partnerId) return;
    this.partnerId = partner;
    this.partnerName = null;
    this.#livekit?.setPartner(partner);
    if (partner) void this.#loadPartnerName(partner);
    else {
      // The guest withdrew: whatever was connected is over.
      this.#closePeer();
      this.peer = 'idle';
    }
  }

  async #loadPartnerName(id: string): Promise<void> {
    const result = await api.getProfile(id);
    if (result.ok && id === this.partnerId) this.partnerName = personName(result.data) || null;
  }

  async #requestAccess(): Promise<void> {
    const session = this.#session;
    if (!session || this.#closed) return;
    window.clearTimeout(this.#retryTimer);
    this.willRetry = false;
    const attempt = ++this.#accessAttempt;
    this.#stopLivekit();
    this.access = 'loading';
    this.accessError = null;
    const result = await api.getSessionVideo(session.id);
    if (attempt !== this.#accessAttempt || this.#closed) return;
    if (!result.ok) {
      this.access = 'refused';
      this.accessError = result.status === 404 ? VIDEO_NOT_PARTICIPANT : result.error.message;
      if (result.status === 409) this.#retryWhenOpen(session);
      return;
    }
    if (result.data.provider === 'livekit') {
      const { url, token, expires_at } = result.data;
      if (!token) {
        this.access = 'refused';
        this.accessError = 'The server sent no video token. Try the video again.';
        return;
      }
      this.access = 'livekit';
      // Connecting and starting the camera at the same time; the tracks are published once both are there.
      void this.#startLivekit({ url, token, expires_at });
      await this.#startMedia();
      this.#publishLivekit();
      return;
    }
    this.access = 'p2p';
    await this.#startMedia();
    this.#connectIfReady();
  }

  /** Too early: ask again when the room opens (15 minutes before the start), if that is today. */
  #retryWhenOpen(session: ParticipantSession): void {
    const opens = Date.parse(session.datetime_utc) - ROOM_OPENS_BEFORE_MS;
    const wait = opens - Date.now();
    // Well past the opening time the refusal means the room has closed: nothing to wait for.
    if (Number.isNaN(opens) || wait < -60_000 || wait > MAX_TIMER_MS) return;
    // A little after the opening (and not too often, should the two clocks disagree).
    this.#retryTimer = window.setTimeout(() => void this.#requestAccess(), Math.max(wait + 1_000, 10_000));
    this.willRetry = true;
  }

  /** The running camera check's devices (a copy), else the browser's camera and microphone. */
  async #startMedia(): Promise<void> {
    if (this.localStream || this.media === 'starting' || this.#closed) return;
    const check = liveStream(this.#checkStream);
    if (check) {
      this.#useLocal(check.clone(), partialNote(check));
      return;
    }
    this.media = 'starting';
    this.mediaError = null;
    const result = await requestCameraAndMicrophone();
    if (this.#closed) {
      result.stream?.getTracks().forEach((t) => t.stop());
      return;
    }
    if (result.stream) this.#useLocal(result.stream, result.partial);
    else {
      this.media = 'failed';
      this.mediaError = result.error;
    }
  }

  #useLocal(stream: MediaStream, note: string | null): void {
    for (const track of stream.getAudioTracks()) track.enabled = this.micOn;
    for (const track of stream.getVideoTracks()) track.enabled = this.cameraOn;
    for (const track of stream.getTracks()) {
      track.addEventListener('ended', () => {
        if (this.localStream === stream && !liveStream(stream)) this.mediaError = MEDIA_ENDED;
      });
    }
    this.localStream = stream;
    this.media = 'on';
    this.mediaError = note;
  }

  /** Both in the room, the media settled (on, or failed: then receive only): start this join's connection. */
  #connectIfReady(): void {
    if (this.#closed || this.access !== 'p2p' || !this.#joined) return;
    if (this.media !== 'on' && this.media !== 'failed') return;
    if (this.#peer && this.#peerJoin === this.#joinCount) return;
    this.#peerJoin = this.#joinCount;
    this.#newPeer(true);
  }

  /** New local media: a new connection carries it (the other side follows the new SDP session). */
  #restart(): void {
    if (this.access === 'livekit') {
      this.#publishLivekit();
      return;
    }
    if (this.#closed || this.access !== 'p2p' || !this.#joined) return;
    this.#peerJoin = this.#joinCount;
    this.#newPeer(true);
  }

  /**
   * A fresh RTCPeerConnection with the local tracks. `offering`: we start it (its negotiationneeded
   * sends the offer), so it asks to receive audio and video even without a camera or microphone;
   * otherwise it answers an offer that already says what to receive.
   */
  #newPeer(offering: boolean): Peer {
    this.#closePeer();
    // No ICE servers: host candidates only, which is enough on one network or on localhost. Across
    // the internet a production setup configures STUN and TURN servers here (`iceServers`).
    const pc = new RTCPeerConnection();
    const peer: Peer = { pc, makingOffer: false, ignoreOffer: false, everConnected: false };
    this.#peer = peer;
    this.peer = 'connecting';
    this.remoteStream = null;

    const local = this.localStream;
    const kinds = new Set<string>();
    if (local) {
      for (const track of local.getTracks()) {
        if (track.readyState !== 'live') continue;
        pc.addTrack(track, local);
        kinds.add(track.kind);
      }
    }
    if (offering) {
      for (const kind of ['audio', 'video']) if (!kinds.has(kind)) pc.addTransceiver(kind, { direction: 'recvonly' });
    }

    pc.onnegotiationneeded = async () => {
      try {
        peer.makingOffer = true;
        // Without arguments: an offer, or the answer if an offer has just arrived.
        await pc.setLocalDescription();
        if (peer === this.#peer) this.#sendDescription(pc.localDescription);
      } catch {
        // The next negotiation (or the next join) tries again.
      } finally {
        peer.makingOffer = false;
      }
    };
    pc.onicecandidate = ({ candidate }) => {
      if (candidate && peer === this.#peer) this.#send({ type: 'candidate', candidate: candidate.toJSON() });
    };
    pc.ontrack = ({ track }) => {
      if (peer !== this.#peer) return;
      // The newest track of each kind (a fresh MediaStream, so the <video> sees the change).
      const others = (this.remoteStream?.getTracks() ?? []).filter((t) => t.kind !== track.kind);
      this.remoteStream = new MediaStream([...others, track]);
      track.addEventListener('ended', () => {
        if (peer !== this.#peer || !this.remoteStream?.getTracks().includes(track)) return;
        this.remoteStream = new MediaStream(this.remoteStream.getTracks().filter((t) => t !== track));
      });
    };
    const onState = () => {
      if (peer !== this.#peer) return;
      const state = pc.connectionState ?? pc.iceConnectionState;
      if (state === 'connected') peer.everConnected = true;
      const next = peerStateOf(state, peer.everConnected);
      if (next) this.peer = next;
      // A network change or a sleeping laptop: gather new candidates and renegotiate.
      if (state === 'failed') pc.restartIce();
    };
    pc.onconnectionstatechange = onState;
    pc.oniceconnectionstatechange = onState;
    return peer;
  }

  /** The call has its provider (its camera and microphone are wanted). */
  #callAccess(): boolean {
    return this.access === 'p2p' || this.access === 'livekit';
  }

  /**
   * Loads the LiveKit call (its own chunk: the main bundle has no LiveKit code) and joins the room;
   * its states, the other participant's tracks and its errors land in this call's fields.
   */
  async #startLivekit(access: LivekitAccess): Promise<void> {
    const run = ++this.#livekitRun;
    this.peer = 'connecting';
    this.#watchExpiry(access.expires_at);
    let LivekitCallClass: typeof LivekitCall;
    try {
      ({ LivekitCall: LivekitCallClass } = await import('./livekit-call'));
    } catch {
      if (run !== this.#livekitRun || this.#closed) return;
      this.callError = LIVEKIT_LOAD_FAILED;
      this.peer = 'failed';
      return;
    }
    if (run !== this.#livekitRun || this.#closed) return;
    const call: LivekitCall = new LivekitCallClass(access, this.partnerId, {
      state: (peer) => {
        if (call === this.#livekit) this.peer = peer;
      },
      remote: (stream, attach) => {
        if (call !== this.#livekit) return;
        this.remoteStream = stream;
        this.remoteAttach = attach;
      },
      error: (message) => {
        if (call === this.#livekit) this.callError = message;
      },
    });
    this.#livekit = call;
    // Whatever the camera and microphone have got to so far (the rest follows when they are on).
    this.#publishLivekit();
    void call.connect();
  }

  /** Sends the local stream as it is now (none: receive only). */
  #publishLivekit(): void {
    this.#livekit?.publish(this.localStream, { audio: !this.micOn, video: !this.cameraOn });
  }

  /** Leaves the LiveKit room (or gives up joining it), and forgets what it showed. */
  #stopLivekit(): void {
    window.clearTimeout(this.#expiryTimer);
    this.#livekitRun++;
    this.accessNotice = null;
    this.callError = null;
    const call = this.#livekit;
    this.#livekit = null;
    call?.close();
    if (this.access === 'livekit') {
      this.remoteStream = null;
      this.remoteAttach = null;
      this.peer = 'idle';
    }
  }

  /** Says when the video access is about to end (5 minutes before), and when it has. */
  #watchExpiry(expiresAt: string): void {
    window.clearTimeout(this.#expiryTimer);
    const { notice, recheckInMs } = expiryNotice(expiresAt, Date.now());
    this.accessNotice = notice;
    if (recheckInMs !== null && !this.#closed) {
      this.#expiryTimer = window.setTimeout(() => this.#watchExpiry(expiresAt), recheckInMs + 250);
    }
  }

  #closePeer(): void {
    const peer = this.#peer;
    if (!peer) return;
    this.#peer = null;
    peer.pc.onnegotiationneeded = null;
    peer.pc.onicecandidate = null;
    peer.pc.ontrack = null;
    peer.pc.onconnectionstatechange = null;
    peer.pc.oniceconnectionstatechange = null;
    peer.pc.close();
    this.remoteStream = null;
  }

  #receive(signal: RtcSignalMessage): void {
    this.#inbox = this.#inbox.then(() => this.#handle(signal)).catch(() => {
      // A description that no longer applies (the connection moved on): the next offer settles it.
    });
  }

  async #handle({ data }: RtcSignalMessage): Promise<void> {
    if (this.#closed || this.access !== 'p2p') return;
    if (data.type === 'hangup') {
      this.#closePeer();
      this.peer = 'left';
      return;
    }
    // Not ready yet (no camera answer so far): our own offer follows when we are, and they follow it.
    if (!this.#joined || (this.media !== 'on' && this.media !== 'failed')) return;

    if (data.type === 'candidate') {
      const peer = this.#peer;
      if (!peer || !isCandidateInit(data.candidate)) return;
      try {
        await peer.pc.addIceCandidate(data.candidate);
      } catch {
        // For an offer we ignored, or from a connection that is already gone.
      }
      return;
    }
    if (!data.sdp) return;

    if (data.type === 'answer') {
      const peer = this.#peer;
      // An answer to an offer of a connection we have since replaced: nothing to do.
      if (!peer || peer.pc.signalingState !== 'have-local-offer') return;
      await peer.pc.setRemoteDescription({ type: 'answer', sdp: data.sdp });
      return;
    }

    // An offer. From a new connection of theirs (a reload, a reconnection): start over with them.
    let peer = this.#peer;
    const current = peer?.pc.remoteDescription ?? null;
    const theirNewConnection = current !== null && sdpSessionId(current.sdp) !== sdpSessionId(data.sdp);
    // Our first offer crossed theirs and we give way: answer on a fresh connection rather than
    // rolling ours back. Chromium, rolled back while it gathers candidates, can stop gathering for
    // good, and the call then never connects.
    const crossedFirstOffer = this.#polite && !!peer && current === null && (peer.makingOffer || peer.pc.signalingState !== 'stable');
    if (!peer || theirNewConnection || crossedFirstOffer) {
      peer = this.#newPeer(false);
    } else if (current?.sdp === data.sdp) {
      return; // The same offer sent again, already answered.
    }
    const pc = peer.pc;
    const collision = peer.makingOffer || pc.signalingState !== 'stable';
    peer.ignoreOffer = !this.#polite && collision;
    if (peer.ignoreOffer) {
      // Both offered at once and we are the impolite side: ours wins. It may have gone out before
      // they joined (and so reached nobody): send it again; the polite side takes it.
      if (!current && !peer.makingOffer && pc.localDescription?.type === 'offer') this.#sendDescription(pc.localDescription);
      return;
    }
    // The polite side gives way: setting their offer rolls ours back.
    await pc.setRemoteDescription({ type: 'offer', sdp: data.sdp });
    if (peer !== this.#peer) return;
    await pc.setLocalDescription();
    if (peer !== this.#peer) return;
    this.#sendDescription(pc.localDescription);
  }

  #sendDescription(description: RTCSessionDescription | null): void {
    if (description && (description.type === 'offer' || description.type === 'answer')) {
      this.#send({ type: description.type, sdp: description.sdp });
    }
  }

  #send(data: SignalData): void {
    const session = this.#session;
    // Only a joined socket may signal; the next join starts a new connection anyway.
    if (!session || !this.#joined) return;
    void realtime.sendRtcSignal({ session_id: session.id, data });
  }
}

/** Which device a stream lacks, in words, or null when it has both. */
function partialNote(stream: MediaStream): string | null {
  if (!hasTrack(stream, 'video')) return MEDIA_NO_CAMERA;
  if (!hasTrack(stream, 'audio')) return MEDIA_NO_MICROPHONE;
  return null;
}
