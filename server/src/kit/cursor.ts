import { z } from 'zod';
import { validationFailed } from '../errors.js';

/**
 * The one keyset cursor of every list: the sort key(s) and id of the last row handed out, as
 * base64url JSON. Opaque to clients; `decodeCursor` checks it against the list's own tuple schema,
 * so a forged or foreign cursor is a 400 naming `cursor`, never a SQL error.
 */
export function encodeCursor(values: readonly unknown[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

export const badCursor = () => validationFailed('Invalid cursor', [{ path: 'cursor', message: 'Not a cursor this list handed out' }]);

export function decodeCursor<S extends z.ZodType<readonly unknown[]>>(raw: string, schema: S): z.output<S> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
  } catch {
    throw badCursor();
  }
  const result = schema.safeParse(parsed);
  if (!result.success) throw badCursor();
  return result.data;
}

/** Pieces of cursor tuples. */
export const CursorParts = {
  id: z.uuid(),
  /** A `timestamptz` as the lists select it for their cursor: microseconds, UTC. */
  timestamp: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  text: z.string().max(1000),
  count: z.number().int().nonnegative(),
} as const;

/** One page out of `limit + 1` rows: the extra row only says whether there is a next page. */
export function pageOf<R, T>(rows: readonly R[], limit: number, present: (row: R) => T, cursorOf: (row: R) => readonly unknown[]) {
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return { items: page.map(present), next_cursor: rows.length > limit && last ? encodeCursor(cursorOf(last)) : null };
}
