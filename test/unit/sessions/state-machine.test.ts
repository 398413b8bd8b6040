import { describe, expect, it } from 'vitest';
import { advance, catchUp, pause, remainingMs, resume, StationError, type StationState } from '../../../server/src/domains/sessions/state-machine.js';

const timing = { reading_s: 90, consultation_s: 480, feedback_s: 300, warning_s: 120 };
const t0 = new Date('2026-12-01T18:00:00Z');
const at = (s: number) => new Date(t0.getTime() + s * 1000);
const waiting: StationState = { status: 'matched', phase: 'waiting', phase_started_at: null, phase_ends_at: null, paused_at: null };

describe('the station state machine', () => {
  it('starts with reading time and times it from the start', () => {
    expect(advance(waiting, 'reading', t0, timing)).toEqual({ status: 'live', phase: 'reading', phase_started_at: t0, phase_ends_at: at(90), paused_at: null });
  });

  it('only ever moves to the next phase', () => {
    expect(() => advance(waiting, 'consultation', t0, timing)).toThrow(StationError);
    const reading = advance(waiting, 'reading', t0, timing);
    expect(() => advance(reading, 'reading', at(1), timing)).toThrow(/moves on to consultation/);
    expect(() => advance(reading, 'feedback', at(1), timing)).toThrow(StationError);
    const consultation = advance(reading, 'consultation', at(30), timing);
    expect(consultation).toMatchObject({ phase: 'consultation', phase_started_at: at(30), phase_ends_at: at(510) });
  });

  it('cannot start a station that is not matched, nor move a finished one', () => {
    expect(() => advance({ ...waiting, status: 'open' }, 'reading', t0, timing)).toThrow(/not running/);
    const done: StationState = { status: 'completed', phase: 'completed', phase_started_at: t0, phase_ends_at: null, paused_at: null };
    expect(() => advance(done, 'completed', t0, timing)).toThrow(StationError);
  });

  it('skips a phase of zero seconds', () => {
    expect(advance(waiting, 'reading', t0, { ...timing, reading_s: 0 })).toMatchObject({ phase: 'consultation', phase_ends_at: at(480) });
    const consultation = advance(advance(waiting, 'reading', t0, timing), 'consultation', at(90), { ...timing, feedback_s: 0 });
    expect(advance(consultation, 'feedback', at(100), { ...timing, feedback_s: 0 })).toMatchObject({ status: 'completed', phase: 'completed' });
  });

  it('catches up exactly: each phase starts when the previous one ended, however late we look', () => {
    const reading = advance(waiting, 'reading', t0, timing);
    expect(catchUp(reading, at(89), timing)).toBe(reading);
    expect(catchUp(reading, at(90), timing)).toMatchObject({ phase: 'consultation', phase_started_at: at(90), phase_ends_at: at(570) });
    // A server that was down from second 100 to second 700 comes back in feedback, 130 s in.
    expect(catchUp(reading, at(700), timing)).toMatchObject({ phase: 'feedback', phase_started_at: at(570), phase_ends_at: at(870) });
    expect(catchUp(reading, at(10_000), timing)).toEqual({ status: 'completed', phase: 'completed', phase_started_at: at(870), phase_ends_at: null, paused_at: null });
  });

  it('leaves a waiting or finished station alone', () => {
    expect(catchUp(waiting, at(10_000), timing)).toBe(waiting);
  });
});

describe('the disconnect-aware clock', () => {
  const reading = advance(waiting, 'reading', t0, timing);
  const consultation = advance(reading, 'consultation', at(90), timing); // ends at 570

  it('stands still while paused: nothing runs out, the time left is frozen', () => {
    const paused = pause(consultation, at(200));
    expect(paused.paused_at).toEqual(at(200));
    expect(remainingMs(paused, at(200))).toBe(370_000);
    expect(remainingMs(paused, at(5_000))).toBe(370_000);
    expect(catchUp(paused, at(5_000), timing)).toBe(paused);
  });

  it('credits the time it stood still: the phase ends that much later', () => {
    const resumed = resume(pause(consultation, at(200)), at(260));
    expect(resumed).toMatchObject({ phase: 'consultation', paused_at: null, phase_ends_at: at(630) });
    expect(remainingMs(resumed, at(260))).toBe(370_000);
    expect(catchUp(resumed, at(629), timing).phase).toBe('consultation');
    expect(catchUp(resumed, at(630), timing)).toMatchObject({ phase: 'feedback', phase_started_at: at(630) });
  });

  it('dates a pause from the drop, but never before the phase began or after it ended', () => {
    // Dropped in reading at 85 s, noticed at 95 s after the consultation began at 90 s.
    expect(pause(consultation, at(85)).paused_at).toEqual(at(90));
    expect(pause(reading, at(10)).paused_at).toEqual(at(10));
    expect(pause(reading, at(120)).paused_at).toEqual(at(90));
  });

  it('pauses only a running reading or consultation, once', () => {
    expect(() => pause(waiting, t0)).toThrow(/not running/);
    const feedback = advance(consultation, 'feedback', at(300), timing);
    expect(() => pause(feedback, at(310))).toThrow(/reading and consultation/);
    expect(() => pause(pause(consultation, at(100)), at(110))).toThrow(/already paused/);
    expect(() => resume(consultation, at(100))).toThrow(/not paused/);
  });

  it('will not move on while paused', () => {
    expect(() => advance(pause(consultation, at(100)), 'feedback', at(110), timing)).toThrow(/paused/);
  });

  it('over many pauses, the phase lasts its full length plus every gap', () => {
    let s = consultation;
    let gaps = 0;
    for (let t = 100; t < 400; t += 50) {
      s = resume(pause(s, at(t)), at(t + 7));
      gaps += 7;
    }
    expect(s.phase_ends_at).toEqual(at(570 + gaps));
  });
});
