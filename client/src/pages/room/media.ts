/** Camera and microphone check: what went wrong, in words a person can act on. */

export const MEDIA_UNSUPPORTED =
  'This browser cannot use a camera or microphone here. Use an up-to-date Chrome, Edge, Firefox or Safari, and open the room over https.';
export const MEDIA_DENIED =
  'Camera and microphone access is blocked. Allow both for this site (in most browsers, the icon at the left of the address bar), then check again.';
export const MEDIA_MISSING = 'No camera or microphone was found. Plug one in or switch it on, then check again.';
export const MEDIA_BUSY =
  'Your camera or microphone could not be started: another app or browser tab may be using it. Close that, then check again.';
export const MEDIA_NO_CAMERA = 'No camera was found: your microphone works, but your partner will not see you. Plug a camera in or switch it on, then check again.';
export const MEDIA_NO_MICROPHONE = 'No microphone was found: your camera works, but your partner will not hear you. Plug a microphone in or switch it on, then check again.';
export const MEDIA_ENDED = 'Your camera or microphone stopped (unplugged, or switched off by the system). Check again when it is back.';

export function mediaErrorName(error: unknown): string {
  return typeof error === 'object' && error !== null && 'name' in error && typeof error.name === 'string' ? error.name : '';
}

/** The message for a failed `getUserMedia`. */
export function mediaErrorMessage(error: unknown): string {
  switch (mediaErrorName(error)) {
    case 'NotAllowedError':
    case 'PermissionDeniedError':
    case 'SecurityError':
      return MEDIA_DENIED;
    case 'NotFoundError':
    case 'DevicesNotFoundError':
    case 'OverconstrainedError':
      return MEDIA_MISSING;
    case 'NotReadableError':
    case 'TrackStartError':
    case 'AbortError':
      return MEDIA_BUSY;
    case 'TypeError':
      return MEDIA_UNSUPPORTED;
    default:
      return MEDIA_BUSY;
  }
}

export function isMissingDevice(error: unknown): boolean {
  const name = mediaErrorName(error);
  return name === 'NotFoundError' || name === 'DevicesNotFoundError' || name === 'OverconstrainedError';
}

export function mediaSupported(): boolean {
  return typeof navigator !== 'undefined' && typeof navigator.mediaDevices?.getUserMedia === 'function';
}

/** A microphone level from 0 to 1 on a decibel scale (−60 dB → 0, 0 dB → 1) from time-domain samples. */
export function levelFromSamples(samples: Float32Array): number {
  if (samples.length === 0) return 0;
  let sum = 0;
  for (const s of samples) sum += s * s;
  const rms = Math.sqrt(sum / samples.length);
  if (rms <= 0) return 0;
  const db = 20 * Math.log10(rms);
  return Math.min(1, Math.max(0, (db + 60) / 60));
}

/** What `requestCameraAndMicrophone` got: a stream (maybe with one device only, `partial` says which is missing) or an error. */
export interface MediaRequest {
  stream: MediaStream | null;
  /** A device is missing but the other one works. */
  partial: string | null;
  error: string | null;
}

async function tryGetUserMedia(constraints: MediaStreamConstraints): Promise<MediaStream | null> {
  try {
    return await navigator.mediaDevices.getUserMedia(constraints);
  } catch {
    return null;
  }
}

/** The camera and the microphone; when one of them is missing, whichever of the two still works. */
export async function requestCameraAndMicrophone(): Promise<MediaRequest> {
  if (!mediaSupported()) return { stream: null, partial: null, error: MEDIA_UNSUPPORTED };
  try {
    return { stream: await navigator.mediaDevices.getUserMedia({ video: true, audio: true }), partial: null, error: null };
  } catch (err) {
    if (!isMissingDevice(err)) return { stream: null, partial: null, error: mediaErrorMessage(err) };
  }
  // One of the two may still work: use it, and say which one is missing.
  const micOnly = await tryGetUserMedia({ audio: true });
  if (micOnly) return { stream: micOnly, partial: MEDIA_NO_CAMERA, error: null };
  const camOnly = await tryGetUserMedia({ video: true });
  if (camOnly) return { stream: camOnly, partial: MEDIA_NO_MICROPHONE, error: null };
  return { stream: null, partial: null, error: MEDIA_MISSING };
}

/** The stream when it still has a live track, else null. */
export function liveStream(stream: MediaStream | null): MediaStream | null {
  return stream && stream.getTracks().some((t) => t.readyState === 'live') ? stream : null;
}
