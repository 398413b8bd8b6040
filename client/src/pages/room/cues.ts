/**
 * Exam-style audible cues, synthesised with WebAudio (no audio files):
 * - `reading`: one soft tone — reading time begins;
 * - `consultation`: a rising two-note chime — enter the room, the consultation begins;
 * - `warning`: one bell strike — the warning time is left;
 * - `end`: three bell strikes — the consultation is over.
 */
export type Cue = 'reading' | 'consultation' | 'warning' | 'end';

type AudioContextClass = typeof AudioContext;

function audioContextClass(): AudioContextClass | null {
  const w = window as Window & { webkitAudioContext?: AudioContextClass };
  return window.AudioContext ?? w.webkitAudioContext ?? null;
}

/** A cue asked for while the browser keeps the sound blocked is dropped if it would play later than this. */
const LATE_MS = 1500;

/** A plain tone with a short attack and an exponential release. */
function tone(ctx: AudioContext, out: AudioNode, freq: number, start: number, duration: number, peak: number, type: OscillatorType = 'sine') {
  const osc = ctx.createOscillator();
  const gain = ctx.createGain();
  osc.type = type;
  osc.frequency.setValueAtTime(freq, start);
  gain.gain.setValueAtTime(0.0001, start);
  gain.gain.exponentialRampToValueAtTime(peak, start + 0.02);
  gain.gain.setValueAtTime(peak, start + Math.max(0.02, duration - 0.15));
  gain.gain.exponentialRampToValueAtTime(0.0001, start + duration);
  osc.connect(gain).connect(out);
  osc.start(start);
  osc.stop(start + duration + 0.05);
  osc.onended = () => gain.disconnect();
}

/** A struck bell: inharmonic partials that die away at different rates. */
function bell(ctx: AudioContext, out: AudioNode, freq: number, start: number, peak: number) {
  const partials: readonly [ratio: number, level: number, decay: number][] = [
    [1, 1, 2.2],
    [2.0, 0.5, 1.6],
    [2.76, 0.35, 1.1],
    [5.4, 0.15, 0.6],
  ];
  for (const [ratio, level, decay] of partials) {
    const osc = ctx.createOscillator();
    const gain = ctx.createGain();
    osc.type = 'sine';
    osc.frequency.setValueAtTime(freq * ratio, start);
    gain.gain.setValueAtTime(0.0001, start);
    gain.gain.exponentialRampToValueAtTime(peak * level, start + 0.005);
    gain.gain.exponentialRampToValueAtTime(0.0001, start + decay);
    osc.connect(gain).connect(out);
    osc.start(start);
    osc.stop(start + decay + 0.05);
    osc.onended = () => gain.disconnect();
  }
}

function schedule(ctx: AudioContext, out: AudioNode, cue: Cue) {
  const t = ctx.currentTime + 0.03;
  switch (cue) {
    case 'reading':
      tone(ctx, out, 587.33, t, 0.7, 0.3);
      break;
    case 'consultation':
      tone(ctx, out, 659.25, t, 0.35, 0.3, 'triangle');
      tone(ctx, out, 880, t + 0.38, 0.6, 0.3, 'triangle');
      break;
    case 'warning':
      bell(ctx, out, 1046.5, t, 0.35);
      break;
    case 'end':
      for (const offset of [0, 0.7, 1.4]) bell(ctx, out, 784, t + offset, 0.35);
      break;
  }
}

/**
 * The room's one audio output. Browsers keep audio blocked until the person has interacted with
 * the page: `unlock()` is called from clicks and key presses, and `onBlockedChange` tells the
 * room when sound is blocked so it can say so.
 */
export class CueSounds {
  #ctx: AudioContext | null = null;
  #out: GainNode | null = null;
  #onBlockedChange: (blocked: boolean) => void;
  /** The speaker chosen in the room ('' for the system's default). */
  #sinkId = '';

  constructor(onBlockedChange: (blocked: boolean) => void = () => {}) {
    this.#onBlockedChange = onBlockedChange;
  }

  get supported(): boolean {
    return audioContextClass() !== null;
  }

  /** From a user gesture: creates or resumes the audio context. */
  unlock(): void {
    const ctx = this.#context();
    if (ctx && ctx.state !== 'running') void ctx.resume().catch(() => {});
  }

  play(cue: Cue): void {
    const ctx = this.#context();
    const out = this.#out;
    if (!ctx || !out) return;
    if (ctx.state === 'running') {
      schedule(ctx, out, cue);
      return;
    }
    // Suspended (no interaction yet, or the system paused audio): play only if it resumes promptly.
    const asked = performance.now();
    void ctx
      .resume()
      .then(() => {
        if (ctx.state === 'running' && performance.now() - asked < LATE_MS) schedule(ctx, out, cue);
      })
      .catch(() => {});
  }

  /** Plays the cues on the speaker the person chose for the call, where the browser can (`AudioContext.setSinkId`). */
  setSink(deviceId: string): void {
    this.#sinkId = deviceId;
    if (this.#ctx) applySink(this.#ctx, deviceId);
  }

  close(): void {
    const ctx = this.#ctx;
    this.#ctx = null;
    this.#out = null;
    if (ctx) void ctx.close().catch(() => {});
  }

  #context(): AudioContext | null {
    if (this.#ctx) return this.#ctx;
    const Ctx = audioContextClass();
    if (!Ctx) return null;
    try {
      const ctx = new Ctx();
      const out = ctx.createGain();
      out.gain.value = 0.8;
      out.connect(ctx.destination);
      ctx.onstatechange = () => {
        if (this.#ctx === ctx) this.#onBlockedChange(ctx.state === 'suspended');
      };
      this.#ctx = ctx;
      this.#out = out;
      if (this.#sinkId) applySink(ctx, this.#sinkId);
      this.#onBlockedChange(ctx.state === 'suspended');
      return ctx;
    } catch {
      return null;
    }
  }
}

/** Chromium has `AudioContext.setSinkId`; elsewhere the cues stay on the default output. */
function applySink(ctx: AudioContext, deviceId: string): void {
  const withSink = ctx as AudioContext & { setSinkId?: (id: string) => Promise<void> };
  void withSink.setSinkId?.(deviceId).catch(() => {});
}
