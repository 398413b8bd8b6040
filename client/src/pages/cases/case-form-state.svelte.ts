import { tick } from 'svelte';
import type { z } from 'zod';
import type { ApiError } from '../../lib/api';
import { FormState, type ErrorMessages, type FieldErrors } from '../../lib/form.svelte';
import { friendlier, type PathIssue } from './case-form';

/**
 * FormState for the case form, whose errors live deep in nested lists
 * (`actor_brief.facts.2.text`): each message goes to the deepest path the form shows, the rest to
 * the form-level alert, which also says how many answers need a look on this long page.
 */
export class CaseFormState extends FormState {
  readonly #known: () => ReadonlySet<string>;

  /** `known` lists the paths the form currently shows errors beside (they change as rows come and go). */
  constructor(known: () => ReadonlySet<string>, messages: ErrorMessages = {}) {
    super([], messages);
    this.#known = known;
  }

  /** Runs the contract schema plus `extra` issues; returns the parsed value or null with errors shown. */
  checkCase<S extends z.ZodType>(schema: S, values: unknown, extra: readonly PathIssue[] = []): z.output<S> | null {
    const parsed = schema.safeParse(values);
    const issues: PathIssue[] = [...extra];
    if (!parsed.success) {
      const schemaIssues = parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
      // A list-wide refinement ("ids must be unique") says less than an extra issue on the row itself.
      issues.push(...schemaIssues.filter((i) => !extra.some((e) => e.path.startsWith(`${i.path}.`))));
    }
    if (issues.length === 0 && parsed.success) {
      this.reset();
      return parsed.data;
    }
    this.#place(issues);
    return null;
  }

  override check<S extends z.ZodType>(schema: S, values: unknown): z.output<S> | null {
    return this.checkCase(schema, values);
  }

  override showApiError(error: ApiError): void {
    if (error.code === 'validation_failed' && error.details?.length) {
      this.#place(error.details);
      return;
    }
    super.showApiError(error);
  }

  /** Forgets the errors of one list and its rows (their indexes no longer match after a change). */
  clearUnder(prefix: string): void {
    const kept: FieldErrors = {};
    for (const [path, message] of Object.entries(this.fieldErrors)) {
      if (path !== prefix && !path.startsWith(`${prefix}.`)) kept[path] = message;
    }
    this.fieldErrors = kept;
  }

  #place(items: readonly PathIssue[]): void {
    const known = this.#known();
    const fieldErrors: FieldErrors = {};
    const rest: string[] = [];
    for (const item of items) {
      const { path, message } = friendlier(item);
      const parts = path.split('.');
      let placed = false;
      for (let n = parts.length; n > 0 && !placed; n--) {
        const candidate = parts.slice(0, n).join('.');
        if (known.has(candidate)) {
          fieldErrors[candidate] ??= message;
          placed = true;
        }
      }
      if (!placed) rest.push(message);
    }
    this.fieldErrors = fieldErrors;
    const count = Object.keys(fieldErrors).length;
    const summary = count === 0 ? null : count === 1 ? 'One answer needs correcting: it is marked below.' : `${count} answers need correcting: they are marked below.`;
    this.formError = [summary, ...rest].filter(Boolean).join(' ') || null;
    void tick().then(focusFirstError);
  }
}

/** Long form: take the keyboard (and the screen reader) to the first thing to fix. */
function focusFirstError(): void {
  const first = document.querySelector<HTMLElement>('#case-form [aria-invalid="true"], #case-form .case-list-error');
  first?.focus();
}
