import type { z } from 'zod';
import type { ApiError } from '../../lib/api';
import { FormState, type ErrorMessages, type FieldErrors } from '../../lib/form.svelte';

export interface PathIssue {
  path: string;
  message: string;
}

/**
 * FormState for the session forms, whose timing errors are nested (`timing.warning_s`): each
 * message goes beside the deepest path the form shows, anything else to the form-level alert.
 */
export class SessionFormState extends FormState {
  readonly #known: ReadonlySet<string>;

  /** `known` lists every path the form shows an error beside. */
  constructor(known: readonly string[], messages: ErrorMessages = {}) {
    super(known, messages);
    this.#known = new Set(known);
  }

  /** Runs the contract schema after `extra` issues (which win on the same path). */
  checkWith<S extends z.ZodType>(schema: S, values: unknown, extra: readonly PathIssue[] = []): z.output<S> | null {
    const parsed = schema.safeParse(values);
    if (parsed.success && extra.length === 0) {
      this.reset();
      return parsed.data;
    }
    const issues: PathIssue[] = [...extra];
    if (!parsed.success) {
      issues.push(...parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })));
    }
    this.#place(issues);
    return null;
  }

  override check<S extends z.ZodType>(schema: S, values: unknown): z.output<S> | null {
    return this.checkWith(schema, values);
  }

  override showApiError(error: ApiError): void {
    if (error.code === 'validation_failed' && error.details?.length) {
      this.#place(error.details);
      return;
    }
    super.showApiError(error);
  }

  #place(items: readonly PathIssue[]): void {
    const fieldErrors: FieldErrors = {};
    const rest: string[] = [];
    for (const { path, message } of items) {
      const parts = path.split('.');
      let placed = false;
      for (let n = parts.length; n > 0 && !placed; n--) {
        const candidate = parts.slice(0, n).join('.');
        if (this.#known.has(candidate)) {
          fieldErrors[candidate] ??= message;
          placed = true;
        }
      }
      if (!placed && !rest.includes(message)) rest.push(message);
    }
    this.fieldErrors = fieldErrors;
    this.formError = rest.length ? rest.join('. ') : Object.keys(fieldErrors).length ? 'Check the answers marked below.' : null;
  }
}
