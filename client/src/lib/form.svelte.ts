import { getContext, setContext } from 'svelte';
import type { z } from 'zod';
import type { ErrorCode } from '$contract';
import type { ApiError, ApiResult } from './api';
import { checkedAfterEdit, errorsAfterEdit, recheckField, toFieldErrors, type Checked, type FieldErrors } from './field-errors';

export type { FieldErrors } from './field-errors';

/** Form-level wording per error code; a page overrides what means something specific there. */
export type ErrorMessages = Partial<Record<ErrorCode, string>>;

const DEFAULT_MESSAGES: ErrorMessages = {
  rate_limited: 'Too many attempts, try again later',
  unavailable: 'The service is unavailable. Check your connection and try again',
  payload_too_large: 'That is too large to send',
  internal: 'Something went wrong on our side. Please try again',
};

const FORM_CONTEXT = Symbol('form');

/**
 * Submission state of one form: field errors beside their inputs, everything else in one
 * form-level alert. The client checks mirror the contract; the server's answer still wins.
 *
 * A field's error does not outlive its mistake: the field components under the component that
 * made this state report every edit (`edited`), and the field's message is judged again then.
 */
export class FormState {
  fieldErrors = $state<FieldErrors>({});
  formError = $state<string | null>(null);
  submitting = $state(false);

  readonly #fields: () => readonly string[];
  readonly #messages: ErrorMessages;
  #checked: Checked | null = null;

  /**
   * `fields` are the contract field names this form shows inputs for (a function when they depend on
   * a definition). Made while its component is set up, as every form's is: it becomes that
   * component's form context, which is how the field components find it.
   */
  constructor(fields: readonly string[] | (() => readonly string[]), messages: ErrorMessages = {}) {
    this.#fields = typeof fields === 'function' ? fields : () => fields;
    this.#messages = messages;
    setContext(FORM_CONTEXT, this);
  }

  reset(): void {
    this.fieldErrors = {};
    this.formError = null;
    this.#checked = null;
  }

  /**
   * The user changed `field` (a contract name, as the input's `name`) to `value`. A message the
   * browser's own check gave is checked again against the new value; any other (the server's, a
   * page's own rule) is cleared, because it was about the old value.
   */
  edited(field: string, value: unknown): void {
    const checked = this.#checked;
    const fromCheck = checked !== null && checked.messages[field] !== undefined && checked.messages[field] === this.fieldErrors[field];
    const next = errorsAfterEdit(this.fieldErrors, field, () => (fromCheck ? recheckField(checked, field, value, this.#fields()) : undefined));
    if (checked) this.#checked = checkedAfterEdit(checked, field, value, next[field]);
    if (next !== this.fieldErrors) this.fieldErrors = next;
  }

  /**
   * An `oninput` handler: reports the edit of the control the event comes from, as the field its
   * `name` says or, for a group whose inputs are named otherwise (radios named per form), as `field`.
   */
  reportEdit(event: Event, field?: string): void {
    const control = event.target;
    if (!(control instanceof HTMLInputElement || control instanceof HTMLSelectElement || control instanceof HTMLTextAreaElement)) return;
    const name = field ?? control.name;
    if (name) this.edited(name, control instanceof HTMLInputElement && control.type === 'checkbox' ? control.checked : control.value);
  }

  /** Runs the contract schema in the browser; returns the parsed value or null with errors shown. */
  check<S extends z.ZodType>(schema: S, values: unknown): z.output<S> | null {
    const parsed = schema.safeParse(values);
    if (parsed.success) {
      // Whatever is shown next (a page's own rule, the server's answer) is not this check's to re-judge.
      this.#checked = null;
      return parsed.data;
    }
    const issues = parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
    const { fieldErrors, rest } = toFieldErrors(issues, this.#fields());
    this.fieldErrors = fieldErrors;
    this.formError = rest[0] ?? null;
    this.#checked = { schema, values, messages: { ...fieldErrors } };
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

/** The form state of the component around a field, if any: where the field components report edits. */
export function formContext(): FormState | undefined {
  return getContext<FormState | undefined>(FORM_CONTEXT);
}
