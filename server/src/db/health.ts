import type { Db } from './types.js';

/**
 * Whether the database answers `select 1` within `timeoutMs`. Never waits longer and never throws:
 * a health check must answer even when the database does not. A query left behind is bounded by
 * the driver's own limits; its late failure is ignored here.
 */
export async function databaseAnswers(db: Db, timeoutMs: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const gaveUp = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  const answered = db.query('select 1').then(
    () => true,
    () => false,
  );
  try {
    return await Promise.race([answered, gaveUp]);
  } finally {
    clearTimeout(timer);
  }
}
