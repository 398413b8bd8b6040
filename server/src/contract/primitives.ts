import { z } from 'zod';

/**
 * The building blocks every contract schema is made of. Each one carries a limit that the database
 * would otherwise enforce with an error the API can only answer with 500, so a client mistake
 * becomes the contract's `400` with a field-level message, in every module, without each module
 * having to remember. `test/unit/contract-primitives.test.ts` refuses a bare `z.string()` anywhere
 * else in `contract/`.
 */

/** PostgreSQL `text` cannot hold U+0000 (`invalid byte sequence for encoding "UTF8": 0x00`), nor can `jsonb`. */
const NUL = '\u0000';
export const NUL_MESSAGE = 'Must not contain the NUL character (\\u0000)';

/**
 * Any text a client sends: free text, names, search terms, cursors, ids in text form. Chain
 * `.trim()`, `.min()`, `.max()`, `.regex()` on it as on `z.string()`.
 */
// `abort`: a NUL is the one thing to say about such a value; the field's other checks would only repeat it.
export const Text = z.string().refine((s) => !s.includes(NUL), { message: NUL_MESSAGE, abort: true });

/** C0 and C1 control characters: terminal escapes and the like have no place in what people type. */
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
const CONTROL_IN_TEXT = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

/** One line of text (a title, a name, a subject): no control characters at all. */
export const Line = Text.refine((s) => !CONTROL.test(s), { message: 'Must not contain control characters' });

/** Free text over several lines (notes): line breaks and tabs, but no other control characters. */
export const Prose = Text.refine((s) => !CONTROL_IN_TEXT.test(s), { message: 'Must not contain control characters other than line breaks and tabs' });

/**
 * Passwords and reset tokens. They are hashed before any SQL sees them, so a NUL can do no harm,
 * and refusing one at sign-in could lock out a password that was accepted before this rule.
 */
export const Secret = z.string();

/** The largest value of a PostgreSQL `integer` column (`version`, counters). */
export const PG_INT_MAX = 2_147_483_647;

/** An optimistic-concurrency `version` as read from a row: a positive `integer`. */
export const VersionSchema = z
  .number({ message: 'Give the version you read' })
  .int({ message: 'A version is a whole number' })
  .positive({ message: 'A version is a whole number from 1' })
  .max(PG_INT_MAX, { message: 'No such version' });

/**
 * The range of calendar dates the product accepts anywhere (referrals, events, census dates, station
 * times). Wide enough for any real pathway, narrow enough that week arithmetic and clocks stay in
 * ordinary years (a census date of 9999-12-31 would otherwise push the clock into year 10000).
 */
export const DATE_MIN = '1900-01-01';
export const DATE_MAX = '2099-12-31';
const DATE_RANGE_MESSAGE = `Use a date between ${DATE_MIN} and ${DATE_MAX}`;

/** A date without time, `YYYY-MM-DD`, that really exists on the calendar, within the product's range. */
export const IsoDateSchema = z.string().superRefine((s, ctx) => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) {
    ctx.addIssue({ code: 'custom', message: 'Use the date format YYYY-MM-DD' });
    return;
  }
  const d = new Date(`${s}T00:00:00Z`);
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== s) {
    ctx.addIssue({ code: 'custom', message: 'Not a real calendar date' });
    return;
  }
  if (s < DATE_MIN || s > DATE_MAX) ctx.addIssue({ code: 'custom', message: DATE_RANGE_MESSAGE });
});

/** An ISO-8601 instant with an offset (`2026-12-01T18:30:00Z`), within the product's date range. */
export const IsoInstantSchema = (message = 'Use an ISO-8601 date and time, e.g. 2026-12-01T18:30:00Z') =>
  z.iso.datetime({ offset: true, message }).refine(
    (s) => {
      const t = new Date(s).getTime();
      return t >= Date.parse(`${DATE_MIN}T00:00:00Z`) && t <= Date.parse(`${DATE_MAX}T23:59:59.999Z`);
    },
    { message: DATE_RANGE_MESSAGE },
  );
