import { describe, expect, it } from 'vitest';
import { deviceOptions } from '../../../client/src/pages/room/devices.js';

describe('the device pickers’ options', () => {
  const devices = [
    { deviceId: 'default', kind: 'audioinput', label: 'Default - Headset microphone' },
    { deviceId: 'mic-1', kind: 'audioinput', label: 'Headset microphone' },
    { deviceId: 'cam-1', kind: 'videoinput', label: 'FaceTime HD Camera' },
    { deviceId: 'cam-2', kind: 'videoinput', label: '' },
    { deviceId: 'cam-2', kind: 'videoinput', label: '' },
    { deviceId: 'out-1', kind: 'audiooutput', label: 'Speakers' },
  ];

  it('lists one kind, in the browser’s order, once each, numbering the unnamed', () => {
    expect(deviceOptions(devices, 'videoinput')).toEqual([
      { id: 'cam-1', label: 'FaceTime HD Camera' },
      { id: 'cam-2', label: 'Camera 2' },
    ]);
    expect(deviceOptions(devices, 'audioinput').map((d) => d.id)).toEqual(['default', 'mic-1']);
    expect(deviceOptions(devices, 'audiooutput')).toEqual([{ id: 'out-1', label: 'Speakers' }]);
  });

  it('offers nothing before access is allowed (the browser hides ids then)', () => {
    expect(deviceOptions([{ deviceId: '', kind: 'videoinput', label: '' }], 'videoinput')).toEqual([]);
  });
});
