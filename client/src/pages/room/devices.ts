/** The camera, microphone and speaker pickers' options: pure (no DOM types), so unit tests run it as it is. */

export type PickerKind = 'videoinput' | 'audioinput' | 'audiooutput';

export interface DeviceOption {
  id: string;
  label: string;
}

/** What `enumerateDevices()` gives that the pickers use. */
interface DeviceInfo {
  deviceId: string;
  kind: string;
  label: string;
}

const FALLBACK: Record<PickerKind, string> = { videoinput: 'Camera', audioinput: 'Microphone', audiooutput: 'Speaker' };

/**
 * The devices of one kind as picker options. Before the person allows the camera and microphone
 * the browser hides ids and names: such entries are left out (there is nothing to pick yet), and a
 * device without a name is numbered ("Camera 2").
 */
export function deviceOptions(devices: readonly DeviceInfo[], kind: PickerKind): DeviceOption[] {
  const seen = new Set<string>();
  const options: DeviceOption[] = [];
  for (const device of devices) {
    if (device.kind !== kind || !device.deviceId || seen.has(device.deviceId)) continue;
    seen.add(device.deviceId);
    options.push({ id: device.deviceId, label: device.label || `${FALLBACK[kind]} ${options.length + 1}` });
  }
  return options;
}
