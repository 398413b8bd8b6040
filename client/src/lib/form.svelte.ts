import type { z } from 'zod';
import type { ErrorCode } from '$contract';
import type { ApiError, ApiResult } from './api';

export type FieldErrors = Record<string, string>;

/** Form-level wording per error code; a page overrides what means something specific there. */
export type ErrorMessages = Partial<Record<ErrorCode, string>>;

const DEFAULT_MESSAGES: ErrorMessages = {
  rate_limited: 'Too many attempts, try again later',
  unavailable: 'The service is unavailable. Check your connection and try again',
  payload_too_large: 'That is too large to send',
  internal: 'Something went wrong on our side. Please try again',
};

/**
 * First message per field, from zod issues or API error details. A field may be nested
 * (`fields.procedure`): the longest known field the path starts with takes the message.
 */
function toFieldErrors(
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

/**
 * Submission state of one form: field errors beside their inputs, everything else in one
 * form-level alert. The client checks mirror the contract; the server's answer still wins.
 */
export class FormState {
  fieldErrors = $state<FieldErrors>({});
  formError = $state<string | null>(null);
  submitting = $state(false);

  readonly #fields: () => readonly string[];
  readonly #messages: ErrorMessages;

  /** `fields` are the contract field names this form shows inputs for (a function when they depend on a definition). */
  constructor(fields: readonly string[] | (() => readonly string[]), messages: ErrorMessages = {}) {
    this.#fields = typeof fields === 'function' ? fields : () => fields;
    this.#messages = messages;
  }

  reset(): void {
    this.fieldErrors = {};
    this.formError = null;
  }

  /** Runs the contract schema in the browser; returns the parsed value or null with errors shown. */
  check<S extends z.ZodType>(schema: S, values: unknown): z.output<S> | null {
    const parsed = schema.safeParse(values);
    if (parsed.success) return parsed.data;
    const issues = parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
    const { fieldErrors, rest } = toFieldErrors(issues, this.#fields());
    this.fieldErrors = fieldErrors;
    this.formError = rest[0] ?? null;
    return null;
  }

  /** Shows an API failure where it belongs. */
  showApiError(error: ApiError): void {
    if (error.code === 'validation_failed' && error.details?.length) {
      const { fieldErrors, rest } = toFieldErrors(error.details, this.#fields());
      this.fieldErrors = fieldErrors;
      this.formError = rest.length ? (this.#messages.validation_failed ?? rest.join('. ')) : null;
      return;
    }
    this.fieldErrors = {};
    this.formError = this.#messages[error.code] ?? DEFAULT_MESSAGES[error.code] ?? error.message;
  }

  /** Disables the submit button for the duration and routes a failure to showApiError. */
  async submit<T>(send: () => Promise<ApiResult<T>>): Promise<ApiResult<T>> {
    this.submitting = true;
    this.formError = null;
    try {
      const result = await send();
      if (result.ok) this.reset();
      else this.showApiError(result.error);
      return result;
    } finally {
      this.submitting = false;
    }
  }
}
