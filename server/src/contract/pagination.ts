import { z } from 'zod';
import { Text } from './primitives.js';
import { LIMITS } from './limits.js';

/** `?limit=&cursor=` on every list; the cursor is opaque to clients. */
export const PageQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(LIMITS.pageMax).default(LIMITS.pageDefault),
  cursor: Text.max(500).optional(),
});
export type PageQuery = z.infer<typeof PageQuerySchema>;

export interface Page<T> {
  items: T[];
  next_cursor: string | null;
}
