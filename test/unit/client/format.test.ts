import { describe, expect, it } from 'vitest';
import { inSentence } from '../../../client/src/lib/kit/format.js';

describe('the kit form’s words', () => {
  it('puts a label inside a sentence in lower case, keeping acronyms ("Enter patient ID", not "patient id")', () => {
    expect(inSentence('Patient ID')).toBe('patient ID');
    expect(inSentence('NHS number')).toBe('NHS number');
    expect(inSentence('Date offered')).toBe('date offered');
    expect(inSentence('A')).toBe('a');
  });
});
