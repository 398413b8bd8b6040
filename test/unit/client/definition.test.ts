import { describe, expect, it } from 'vitest';
import { checkRequired, inSentence, type FieldDef } from '../../../client/src/lib/kit/definition.js';

describe('the kit form’s words', () => {
  it('puts a label inside a sentence in lower case, keeping acronyms', () => {
    expect(inSentence('Patient ID')).toBe('patient ID');
    expect(inSentence('NHS number')).toBe('NHS number');
    expect(inSentence('Date offered')).toBe('date offered');
    expect(inSentence('A')).toBe('a');
  });

  it('asks for a missing required field by its label', () => {
    const fields: FieldDef[] = [
      { key: 'patient_id', label: 'Patient ID', type: 'text', required: true },
      { key: 'fields.kind', label: 'Kind', type: 'enum', required: true, options: ['a'] },
      { key: 'notes', label: 'Notes', type: 'textarea', required: false },
    ];
    expect(checkRequired(fields, { patient_id: '', 'fields.kind': '', notes: '' })).toEqual({ patient_id: 'Enter patient ID', 'fields.kind': 'Choose kind' });
  });
});
