import { describe, expect, it } from 'vitest';
import { advance, catchUp, StationError, type StationState } from '../../../server/src/domains/sessions/state-machine.js';

const timing = { reading_s: 90, consultation_s: 480, feedback_s: 300, warning_s: 120 };
const t0 = new Date('2026-12-01T18:00:00Z');
const at = (s: number) => new Date(t0.getTime() + s * 1000);
const waiting: StationState = { status: 'matched', phase: 'waiting', phase_started_at: null, phase_ends_at: null };

describe('the station state machine', () => {
  it('starts with reading time and times it from the start', () => {
    expect(advance(waiting, 'reading', t0, timing)).toEqual({ status: 'live', phase: 'reading', phase_started_at: t0, phase_ends_at: at(90) });
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
    const done: StationState = { status: 'completed', phase: 'completed', phase_started_at: t0, phase_ends_at: null };
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
    expect(catchUp(reading, at(10_000), timing)).toEqual({ status: 'completed', phase: 'completed', phase_started_at: at(870), phase_ends_at: null });
  });

  it('leaves a waiting or finished station alone', () => {
    expect(catchUp(waiting, at(10_000), timing)).toBe(waiting);
  });
});
