import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ActorBriefSchema, CASE_CATEGORIES, CandidateBriefSchema, MarkSchemeSchema } from '../../server/src/contract/cases.js';
import { seed } from '../../server/src/db/migrator.js';
import { createTestDb, dbTargets, type TestDb } from '../helpers/db.js';

interface SeedCase {
  id: string;
  owner_id: string | null;
  case_name: string;
  internal_name: string;
  category: string;
  domain: string;
  condition: string;
  candidate_brief: unknown;
  actor_brief: unknown;
  mark_scheme: unknown;
}

describe.each(dbTargets)('the shared case bank (supabase/seed.sql) on %s', (target) => {
  let t: TestDb;
  let cases: SeedCase[];
  beforeAll(async () => {
    t = await createTestDb(target);
    cases = (
      await t.db.query<SeedCase>(
        `select c.id, c.owner_id, c.case_name, c.internal_name, c.category, c.domain, k.condition, k.candidate_brief, k.actor_brief, k.mark_scheme
           from public.cases c join public.case_content k on k.case_id = c.id order by c.case_name`,
      )
    ).rows;
  });
  afterAll(() => t?.drop());

  it('has at least 24 shared cases, each with content', async () => {
    expect(cases.length).toBeGreaterThanOrEqual(24);
    expect(cases.every((c) => c.owner_id === null)).toBe(true);
    const { rows } = await t.db.query<{ n: number }>('select count(*)::int as n from public.cases');
    expect(rows[0]!.n).toBe(cases.length);
  });

  it('spreads over every category and many clinical domains', () => {
    for (const category of CASE_CATEGORIES) expect(cases.filter((c) => c.category === category).length, category).toBeGreaterThanOrEqual(3);
    expect(new Set(cases.map((c) => c.domain)).size).toBeGreaterThanOrEqual(12);
    const communication = cases.filter((c) => c.category === 'communication').map((c) => `${c.case_name} ${c.internal_name}`.toLowerCase()).join(' ');
    for (const kind of ['bad news', 'explain', 'consent']) expect(communication, kind).toContain(kind);
  });

  it('every brief and mark scheme matches the contract', () => {
    for (const c of cases) {
      const candidate = CandidateBriefSchema.safeParse(c.candidate_brief);
      const actor = ActorBriefSchema.safeParse(c.actor_brief);
      const scheme = MarkSchemeSchema.safeParse(c.mark_scheme);
      expect(candidate.success, `${c.case_name}: ${JSON.stringify(candidate.error?.issues)}`).toBe(true);
      expect(actor.success, `${c.case_name}: ${JSON.stringify(actor.error?.issues)}`).toBe(true);
      expect(scheme.success, `${c.case_name}: ${JSON.stringify(scheme.error?.issues)}`).toBe(true);
      const facts = actor.data!.facts;
      expect(facts.some((f) => f.disclosure === 'volunteer'), c.case_name).toBe(true);
      expect(facts.filter((f) => f.disclosure === 'if_asked').length, c.case_name).toBeGreaterThanOrEqual(3);
      expect(scheme.data!.checklist.length, c.case_name).toBeGreaterThanOrEqual(5);
    }
  });

  it('names and ids are unique, and the candidate brief never gives the condition away', () => {
    expect(new Set(cases.map((c) => c.id)).size).toBe(cases.length);
    expect(new Set(cases.map((c) => c.case_name)).size).toBe(cases.length);
    for (const c of cases) {
      expect(JSON.stringify(c.candidate_brief).toLowerCase(), c.case_name).not.toContain(c.condition.toLowerCase());
    }
  });

  it('loads once per version of the file and never duplicates', async () => {
    expect(await seed(t.db)).toEqual({ loaded: false });
    const { rows } = await t.db.query<{ n: number }>('select count(*)::int as n from public.cases');
    expect(rows[0]!.n).toBe(cases.length);
  });
});
