import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AccountRegisterSchema } from '../../../server/src/contract/accounts.js';
import {
  checkedAfterEdit,
  errorsAfterEdit,
  recheckField,
  toFieldErrors,
  withEdit,
  type Checked,
} from '../../../client/src/lib/field-errors.js';

const FIELDS = ['email', 'password', 'first_name', 'last_name', 'role', 'training_level'];

function checkedOf(schema: z.ZodType, values: Record<string, unknown>, fields = FIELDS): Checked {
  const parsed = schema.safeParse(values);
  const issues = parsed.success ? [] : parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
  return { schema, values, messages: toFieldErrors(issues, fields).fieldErrors };
}

describe('where a message goes', () => {
  it('puts each message beside the longest field its path starts with, the first per field, the rest to the form', () => {
    const { fieldErrors, rest } = toFieldErrors(
      [
        { path: 'fields.procedure', message: 'Required' },
        { path: 'fields.procedure', message: 'Too long' },
        { path: 'timing.warning_s', message: 'Before the end' },
        { path: '', message: 'Change something' },
      ],
      ['fields.procedure', 'timing'],
    );
    expect(fieldErrors).toEqual({ 'fields.procedure': 'Required', timing: 'Before the end' });
    expect(rest).toEqual(['Change something']);
  });
});

describe('a field’s message after the user changes it', () => {
  const bad = { email: 'not-an-email', password: 'short', first_name: 'Ada', last_name: 'Lovelace', role: 'trainee', training_level: 'fy1' };

  it('goes once the browser’s own check finds the new value right', () => {
    const checked = checkedOf(AccountRegisterSchema, bad);
    expect(checked.messages.email).toBeDefined();
    expect(recheckField(checked, 'email', 'ada@example.com', FIELDS)).toBeUndefined();
  });

  it('keeps saying what is still wrong while it is', () => {
    const checked = checkedOf(AccountRegisterSchema, bad);
    expect(recheckField(checked, 'email', 'ada@', FIELDS)).toBe(checked.messages.email);
    expect(recheckField(checked, 'password', 'still', FIELDS)).toBe(checked.messages.password);
  });

  it('judges a field inside a nested answer', () => {
    const schema = z.object({ fields: z.object({ procedure: z.string().min(1, 'Required') }) });
    const checked = checkedOf(schema, { fields: { procedure: '' } }, ['fields.procedure']);
    expect(checked.messages['fields.procedure']).toBe('Required');
    expect(recheckField(checked, 'fields.procedure', 'Hip replacement', ['fields.procedure'])).toBeUndefined();
    expect(recheckField(checked, 'fields.procedure', '', ['fields.procedure'])).toBe('Required');
  });

  it('does not judge a value the page shaped differently from what the user types, and does not invent a field', () => {
    expect(withEdit({ weeks: 4 }, 'weeks', '5')).toBeNull(); // the page checked a number made from text
    expect(withEdit({ title: 'A' }, 'notes', 'B')).toBeNull(); // not a field the page checked
    expect(withEdit({ title: null }, 'title', 'B')).toBeNull();
    expect(withEdit({ fields: { a: 'x' } }, 'fields.a', 'y')).toEqual({ fields: { a: 'y' } });
    const schema = z.object({ weeks: z.number().int().min(1, 'At least 1') });
    const checked = checkedOf(schema, { weeks: 0 }, ['weeks']);
    expect(recheckField(checked, 'weeks', '0', ['weeks'])).toBeUndefined();
  });

  it('leaves a field with no message alone: nobody is told off mid-word before sending', () => {
    const errors = { email: 'Enter a valid email' };
    const after = errorsAfterEdit(errors, 'password', () => 'Too short');
    expect(after).toBe(errors);
  });

  it('replaces the message with the new verdict, drops it when there is none, and returns the same object when nothing changed', () => {
    const errors = { email: 'Enter your email', title: 'Required' };
    expect(errorsAfterEdit(errors, 'email', () => 'Enter a valid email')).toEqual({ email: 'Enter a valid email', title: 'Required' });
    expect(errorsAfterEdit(errors, 'email', () => undefined)).toEqual({ title: 'Required' });
    expect(errorsAfterEdit(errors, 'email', () => 'Enter your email')).toBe(errors);
    // The original is untouched: the caller decides whether to store the new one.
    expect(errors).toEqual({ email: 'Enter your email', title: 'Required' });
  });

  it('carries edits into the checked values, so a later check of another field sees them', () => {
    const schema = z
      .object({ password: z.string(), confirm: z.string() })
      .refine((v) => v.password === v.confirm, { path: ['confirm'], message: 'Passwords do not match' });
    let checked = checkedOf(schema, { password: 'abc', confirm: 'abd' }, ['password', 'confirm']);
    expect(checked.messages.confirm).toBe('Passwords do not match');
    // The user changes the password to match the confirmation: the confirmation's message, checked again, goes.
    checked = checkedAfterEdit(checked, 'password', 'abd', undefined);
    expect(checked.values).toEqual({ password: 'abd', confirm: 'abd' });
    expect(recheckField(checked, 'confirm', 'abd', ['password', 'confirm'])).toBeUndefined();
    // The field's message is remembered as shown, so a server message later is not mistaken for the check's.
    expect(checkedAfterEdit(checked, 'confirm', 'x', 'Passwords do not match').messages).toEqual({ confirm: 'Passwords do not match' });
    expect(checkedAfterEdit(checked, 'confirm', 'abd', undefined).messages).toEqual({});
  });
});
