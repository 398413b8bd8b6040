import type { z } from 'zod';

/**
 * The pure rules behind a form's field errors: where each message goes, and what a field's
 * message becomes once the user changes the field. No runes here, so the rules are unit-tested.
 */

export type FieldErrors = Record<string, string>;

/**
 * First message per field, from zod issues or API error details. A field may be nested
 * (`fields.procedure`): the longest known field the path starts with takes the message.
 */
export function toFieldErrors(
  items: ReadonlyArray<{ path: string; message: string }>,
  fields: readonly string[],
): { fieldErrors: FieldErrors; rest: string[] } {
  const fieldErrors: FieldErrors = {};
  const rest: string[] = [];
  for (const { path, message } of items) {
    const parts = path.split('.');
    let field: string | null = null;
    for (let n = parts.length; n > 0 && field === null; n--) {
      const candidate = parts.slice(0, n).join('.');
      if (fields.includes(candidate)) field = candidate;
    }
    if (field !== null) fieldErrors[field] ??= message;
    else rest.push(message);
  }
  return { fieldErrors, rest };
}

/** The schema and the values a form last checked: enough to check one field again as it is edited. */
export interface Checked {
  schema: z.ZodType;
  values: unknown;
  /** The messages that check gave, so a message set by the page or the server is told apart. */
  messages: FieldErrors;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * `values` with `path` (`title`, `fields.procedure`) set to `value`; null when the checked values hold
 * no answer of the same type there — the page shaped what it checked differently from what the user
 * types (a number from text, a renamed key), so checking the typed value would judge the wrong thing.
 */
export function withEdit(values: unknown, path: string, value: unknown): Record<string, unknown> | null {
  if (!isRecord(values)) return null;
  const [head, ...tail] = path.split('.');
  if (head === undefined || !(head in values)) return null;
  const current = values[head];
  if (tail.length === 0) return typeof current === typeof value && current !== null ? { ...values, [head]: value } : null;
  const inner = withEdit(current, tail.join('.'), value);
  return inner ? { ...values, [head]: inner } : null;
}

/**
 * The message the last check's schema gives `field` once it holds `value`: a string while it is
 * still wrong, undefined once it is right or when the form's values cannot be re-checked.
 */
export function recheckField(checked: Checked, field: string, value: unknown, fields: readonly string[]): string | undefined {
  const values = withEdit(checked.values, field, value);
  if (!values) return undefined;
  const parsed = checked.schema.safeParse(values);
  if (parsed.success) return undefined;
  const issues = parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
  return toFieldErrors(issues, fields).fieldErrors[field];
}

/** The last check as it stands after an edit: the new value in place (when it fits) and the field's message as now shown. */
export function checkedAfterEdit(checked: Checked, field: string, value: unknown, message: string | undefined): Checked {
  const messages = { ...checked.messages };
  if (message === undefined) delete messages[field];
  else messages[field] = message;
  return { schema: checked.schema, values: withEdit(checked.values, field, value) ?? checked.values, messages };
}

/**
 * The errors once the user has changed `field`. A field with no message keeps none: nobody is told
 * off mid-word before they have sent the form. A field with a message is judged again by `recheck`
 * (the browser's own check of the new value) — which clears it once it is right, or keeps saying
 * what is still wrong — and a message the browser cannot re-judge (the server's, a page's own rule)
 * goes as soon as the value changes: the next submit asks again. The same object comes back when
 * nothing changed, so a caller can skip a needless update.
 */
export function errorsAfterEdit(errors: FieldErrors, field: string, recheck: () => string | undefined): FieldErrors {
  if (!(field in errors)) return errors;
  const message = recheck();
  if (message === errors[field]) return errors;
  const next = { ...errors };
  if (message === undefined) delete next[field];
  else next[field] = message;
  return next;
}
