// supabase/schema-snapshot/ is the one place to read the current definition of every table,
// function, view, trigger, policy and grant. It is generated from a migrated database, so it can only
// be trusted while it matches one: this test migrates a fresh database and compares. When it fails,
// run `npx tsx scripts/schema-snapshot.ts` and commit the result with the migration.
//
// It runs on every target: the snapshot is read with an empty search_path and sorted in the C
// collation, and PostgreSQL 15 (the server) and 17 (PGlite) print these definitions identically.
// Should a future version print something differently, the message says which file differs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  REGENERATE_COMMAND,
  diffSnapshots,
  generateSnapshot,
  outOfDateMessage,
  readSnapshot,
  snapshotIn,
} from '../../scripts/schema-snapshot.js';
import { createTestDb, dbTargets, type TestDb } from '../helpers/db.js';

describe.each(dbTargets)('schema snapshot on %s', (target) => {
  let t: TestDb;
  let generated: Map<string, string>;

  beforeAll(async () => {
    t = await createTestDb(target);
    generated = await generateSnapshot(t.db);
  });
  afterAll(async () => {
    await t?.drop();
  });

  it('the checked-in snapshot matches a freshly migrated database', async () => {
    const checkedIn = await readSnapshot();
    const message = outOfDateMessage(diffSnapshots(checkedIn, generated));
    expect(message, message).toBe('');
    // Belt and braces: the file contents themselves, so a failure also shows the diff.
    expect(Object.fromEntries(checkedIn), message).toEqual(Object.fromEntries(generated));
  });

  it('covers every kind of object, with what was redefined later in its final form', () => {
    expect([...generated.keys()]).toEqual([
      '10_tables.sql',
      '20_functions.sql',
      '30_views.sql',
      '40_triggers.sql',
      '50_policies.sql',
      '60_grants.sql',
    ]);
    const functions = generated.get('20_functions.sql')!;
    // session_brief was redefined by the host-erasure migration: only that version is listed.
    expect(functions.match(/FUNCTION public\.session_brief\(/g)).toHaveLength(1);
    expect(functions).toContain('caller is distinct from s.host_id and caller is distinct from s.guest_id');
    expect(functions).not.toContain('(caller <> s.host_id and caller is distinct from s.guest_id)');
    expect(generated.get('10_tables.sql')).toMatch(/^create table public\.practice_sessions \(\n {2}id uuid default gen_random_uuid\(\) not null,/m);
    expect(generated.get('50_policies.sql')).toContain('create policy "A user reads their own account"\n  on public.accounts for select to authenticated');
    expect(generated.get('60_grants.sql')).toContain('grant execute on function public.session_brief(p_session_id uuid) to authenticated;');
  });

  it('notices a change the migrations did not make, and says how to regenerate', async () => {
    // The same database, changed behind the migrations' back in a transaction that is rolled back.
    const rollback = new Error('roll back');
    let changed: Map<string, string> | undefined;
    await expect(
      t.db.transaction(async (tx) => {
        await tx.exec(`
          create or replace function public.session_has_case(p_session_id uuid) returns boolean
            language sql stable security definer set search_path = '' as $$ select true $$;
          create policy "A stray policy" on public.cases for select to authenticated using (true);
        `);
        changed = await snapshotIn(tx);
        throw rollback;
      }),
    ).rejects.toBe(rollback);
    const diff = diffSnapshots(generated, changed!);
    expect(diff).toEqual({ changed: ['20_functions.sql', '50_policies.sql'], missing: [], stale: [] });
    const message = outOfDateMessage(diff);
    expect(message).toContain('changed: 20_functions.sql, 50_policies.sql');
    expect(message).toContain(REGENERATE_COMMAND);
    expect(await generateSnapshot(t.db)).toEqual(generated);
    // A file that is checked in but no longer generated, and one never checked in, are reported too.
    const withStale = new Map(generated).set('70_old.sql', '');
    withStale.delete('30_views.sql');
    expect(diffSnapshots(withStale, generated)).toEqual({ changed: [], missing: ['30_views.sql'], stale: ['70_old.sql'] });
  });
});
