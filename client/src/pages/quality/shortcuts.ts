import { VALIDATION_KINDS, VALIDATION_OUTCOMES, type ValidationKind, type ValidationOutcome } from './types';

/** What a key press means on the validation queue; null when the page leaves it alone. */
export type QueueCommand =
  | { type: 'kind'; kind: ValidationKind }
  | { type: 'outcome'; outcome: ValidationOutcome }
  | { type: 'save' }
  | { type: 'next' }
  | { type: 'previous' };

const KIND_KEYS: Record<string, ValidationKind> = { t: 'technical', a: 'administrative', c: 'clinical' };

/** The key legend, in the order the page shows it. */
export const KEY_LEGEND: readonly { keys: readonly string[]; does: string }[] = [
  { keys: ['t', 'a', 'c'], does: 'Technical, administrative or clinical validation' },
  { keys: ['1', '2', '3', '4', '5'], does: 'The outcome, in the order listed' },
  { keys: ['Enter'], does: 'Save the validation' },
  { keys: ['n', 'j'], does: 'Next pathway' },
  { keys: ['k'], does: 'Previous pathway' },
  { keys: ['Esc'], does: 'Leave the note (shortcuts work again)' },
];

/** A key is typed into these, so it is never a shortcut there. */
const NON_TEXT_INPUTS = new Set(['radio', 'checkbox', 'button', 'submit', 'reset']);

export function isTypingTarget(target: EventTarget | null): boolean {
  if (!target || typeof target !== 'object' || !('tagName' in target)) return false;
  const element = target as HTMLElement;
  if (element.isContentEditable) return true;
  const tag = element.tagName.toLowerCase();
  if (tag === 'textarea' || tag === 'select') return true;
  if (tag === 'input') return !NON_TEXT_INPUTS.has((element as HTMLInputElement).type);
  return false;
}

/** Buttons and links already answer Enter themselves. */
function activatesOnEnter(target: EventTarget | null): boolean {
  if (!target || typeof target !== 'object' || !('tagName' in target)) return false;
  const tag = (target as HTMLElement).tagName.toLowerCase();
  return tag === 'button' || tag === 'a' || tag === 'summary';
}

export interface KeyPress {
  key: string;
  target: EventTarget | null;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
}

/** Reads a key press as a queue command: never while typing in a field, never with a modifier (browser shortcuts stay). */
export function commandFor(event: KeyPress): QueueCommand | null {
  if (event.ctrlKey || event.metaKey || event.altKey) return null;
  if (isTypingTarget(event.target)) return null;
  const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
  const kind = KIND_KEYS[key];
  if (kind) return { type: 'kind', kind };
  if (/^[1-9]$/.test(key)) {
    const outcome = VALIDATION_OUTCOMES[Number(key) - 1];
    return outcome ? { type: 'outcome', outcome } : null;
  }
  if (key === 'Enter') return activatesOnEnter(event.target) ? null : { type: 'save' };
  if (key === 'n' || key === 'j') return { type: 'next' };
  if (key === 'k') return { type: 'previous' };
  return null;
}

export const KIND_KEY: Record<ValidationKind, string> = { technical: 't', administrative: 'a', clinical: 'c' };
export const OUTCOME_KEY = Object.fromEntries(VALIDATION_OUTCOMES.map((o, i) => [o, String(i + 1)])) as Record<ValidationOutcome, string>;
export { VALIDATION_KINDS, VALIDATION_OUTCOMES };
