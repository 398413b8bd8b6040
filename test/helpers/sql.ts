import { expect } from 'vitest';

/** Awaits a statement that must fail with this SQLSTATE (42501: insufficient privilege / RLS). */
export async function expectSqlError(promise: Promise<unknown>, code: string): Promise<void> {
  let caught: unknown;
  try {
    await promise;
  } catch (err) {
    caught = err;
  }
  expect(caught, `expected SQLSTATE ${code}, but the statement succeeded`).toBeDefined();
  expect((caught as { code?: string }).code, String((caught as Error).message)).toBe(code);
}
