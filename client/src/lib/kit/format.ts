/** Words for the generic pages. Dates and times are lib/dates' (the app's one formatter). */

// Kept for the one caller in another area still importing it from here (pages/ptl/PathwayTasks).
export { formatDate } from '../dates.js';

/** `referral_date` → `Referral date`: a label for a name the page has none for. */
export function humanise(name: string): string {
  const words = name.replace(/^fields\./, '').replace(/_/g, ' ').trim();
  return words ? words[0]!.toUpperCase() + words.slice(1) : name;
}

/** A label inside a sentence: lower case, but acronyms kept ("Patient ID" → "patient ID", "NHS number" → "NHS number"). */
export function inSentence(label: string): string {
  return label
    .split(' ')
    .map((word) => (word.length > 1 && word === word.toUpperCase() ? word : word.toLowerCase()))
    .join(' ');
}
