import { deviceOptions, type DeviceOption } from './devices';

/** The browser can send a page's sound to a chosen speaker (`setSinkId`); where not, the speaker picker is hidden. */
export function speakerSelectionSupported(): boolean {
  return typeof HTMLMediaElement !== 'undefined' && 'setSinkId' in HTMLMediaElement.prototype;
}

/** The device id a stream's live track of this kind comes from, or null. */
export function deviceIdOf(stream: MediaStream | null, kind: 'audio' | 'video'): string | null {
  const track = stream?.getTracks().find((t) => t.kind === kind && t.readyState === 'live');
  return track?.getSettings().deviceId ?? null;
}

/**
 * The cameras, microphones and speakers the pickers offer, kept current: read again when a device
 * is plugged in or out, and when the caller knows the names have become readable (access granted).
 */
export class DeviceList {
  cameras = $state.raw<DeviceOption[]>([]);
  microphones = $state.raw<DeviceOption[]>([]);
  speakers = $state.raw<DeviceOption[]>([]);
  readonly canPickSpeaker = speakerSelectionSupported();

  async refresh(): Promise<void> {
    if (typeof navigator === 'undefined' || typeof navigator.mediaDevices?.enumerateDevices !== 'function') return;
    try {
      const all = await navigator.mediaDevices.enumerateDevices();
      this.cameras = deviceOptions(all, 'videoinput');
      this.microphones = deviceOptions(all, 'audioinput');
      this.speakers = this.canPickSpeaker ? deviceOptions(all, 'audiooutput') : [];
    } catch {
      // Listing devices is a convenience: the call goes on with the ones it has.
    }
  }

  /** Follows plugged and unplugged devices; returns the cleanup. */
  watch(): () => void {
    const media = typeof navigator === 'undefined' ? undefined : navigator.mediaDevices;
    if (!media) return () => {};
    const onChange = () => void this.refresh();
    media.addEventListener('devicechange', onChange);
    void this.refresh();
    return () => media.removeEventListener('devicechange', onChange);
  }
}
