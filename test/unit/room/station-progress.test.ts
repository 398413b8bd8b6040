import { describe, expect, it } from 'vitest';
import { elapsedFraction, phaseLength, stepStates, warningFraction } from '../../../client/src/pages/room/station-progress.js';

const PLAB2 = { reading_s: 90, consultation_s: 480, feedback_s: 300, warning_s: 120 };

describe('the station’s step bar', () => {
  it('marks nothing current before the start, the phase’s step during it, and every step done at the end', () => {
    const states = (phase: Parameters<typeof stepStates>[0]) => stepStates(phase).map((s) => `${s.label}:${s.state}`);
    expect(states('waiting')).toEqual(['Reading:upcoming', 'Consultation:upcoming', 'Feedback:upcoming']);
    expect(states('reading')).toEqual(['Reading:current', 'Consultation:upcoming', 'Feedback:upcoming']);
    expect(states('consultation')).toEqual(['Reading:done', 'Consultation:current', 'Feedback:upcoming']);
    expect(states('feedback')).toEqual(['Reading:done', 'Consultation:done', 'Feedback:current']);
    expect(states('completed')).toEqual(['Reading:done', 'Consultation:done', 'Feedback:done']);
  });
});

describe('the phase bar', () => {
  it('fills as the server’s remaining time runs down', () => {
    expect(elapsedFraction(480_000, 480)).toBe(0);
    expect(elapsedFraction(240_000, 480)).toBe(0.5);
    expect(elapsedFraction(0, 480)).toBe(1);
  });

  it('stays at its start when credited time leaves more than the phase’s length, and is empty without a clock', () => {
    expect(elapsedFraction(500_000, 480)).toBe(0);
    expect(elapsedFraction(null, 480)).toBe(0);
    expect(elapsedFraction(10_000, 0)).toBe(0);
  });

  it('puts the PLAB 2 warning bell at 6 of 8 minutes, only in the consultation', () => {
    expect(warningFraction('consultation', PLAB2)).toBe(0.75);
    expect(warningFraction('reading', PLAB2)).toBeNull();
    expect(warningFraction('feedback', PLAB2)).toBeNull();
  });

  it('has no bell without a warning time, or with one that does not fall inside the consultation', () => {
    expect(warningFraction('consultation', { ...PLAB2, warning_s: null })).toBeNull();
    expect(warningFraction('consultation', { ...PLAB2, warning_s: 480 })).toBeNull();
    expect(warningFraction('consultation', { ...PLAB2, warning_s: 0 })).toBeNull();
  });

  it('knows each timed phase’s length, and none outside them', () => {
    expect(phaseLength('reading', PLAB2)).toBe(90);
    expect(phaseLength('consultation', PLAB2)).toBe(480);
    expect(phaseLength('feedback', PLAB2)).toBe(300);
    expect(phaseLength('waiting', PLAB2)).toBeNull();
    expect(phaseLength('completed', PLAB2)).toBeNull();
  });
});
