import { describe, expect, it } from 'vitest';
import { TIMELINE_MAX } from '../../server/src/contract/portfolio.js';
import { buildPortfolio, humanise, mean, scoreSeries, timeline, type PortfolioInput, type SessionFact } from '../../server/src/domains/portfolio/build.js';
import { esc, PRINT_CSS, PRINT_CSS_HASH, renderPortfolioHtml } from '../../server/src/domains/portfolio/html.js';
import { createHash } from 'node:crypto';

const NOW = new Date('2026-11-22T12:00:00Z');

let n = 0;
function session(overrides: Partial<SessionFact> = {}): SessionFact {
  n++;
  return {
    id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    datetime_utc: '2026-10-01T09:00:00Z',
    status: 'completed',
    role: 'candidate',
    completed_at: '2026-10-01T09:20:00Z',
    partner: { user_id: 'p1', first_name: 'Ada', last_name: 'Actor' },
    case_name: 'Chest pain',
    category: 'history_taking',
    domain: 'cardiology',
    scheme_domains: null,
    assessment: { marks: {}, global_rating: null, strengths: '', improvements: '', self_reflection: '' },
    ...overrides,
  };
}

const emptyPtl = { pathways: 0, open_pathways: 0, events: 0, pathways_by_day: [], events_by_day: [], last_at: null };

function input(overrides: Partial<PortfolioInput> = {}): PortfolioInput {
  return {
    person: { user_id: 'u1', first_name: 'Cal', last_name: 'Candidate', training_level: 'foundation_year_1', role: 'trainee', created_at: '2026-09-01T00:00:00Z' },
    sessions: [],
    ptl: emptyPtl,
    cases: [],
    modules: {},
    now: NOW,
    ...overrides,
  };
}

describe('portfolio builder', () => {
  it('shows each module its domain reports on, in the contract order, with its counts in words, and counts its latest change as activity', () => {
    const p = buildPortfolio(
      input({
        modules: {
          booking: { counts: { clinics: 2, appointments: 1 }, last_at: '2026-10-05T09:00:00Z' },
          secretary: { counts: { tasks: 3 }, summary: '3 tasks (1 open, 2 done)', last_at: null },
        },
      }),
    );
    expect(p.modules.map((m) => m.id)).toEqual(['ptl', 'cancer', 'mdt', 'booking', 'secretary', 'quality', 'reports', 'trackers']);
    expect(p.modules.find((m) => m.id === 'booking')).toEqual({
      id: 'booking',
      name: 'Clinic booking',
      available: true,
      counts: { clinics: 2, appointments: 1 },
      summary: '2 clinics, 1 appointments',
      last_at: '2026-10-05T09:00:00.000Z',
    });
    expect(p.modules.find((m) => m.id === 'secretary')).toMatchObject({ available: true, summary: '3 tasks (1 open, 2 done)', last_at: null });
    expect(p.modules.find((m) => m.id === 'quality')).toMatchObject({ available: false, counts: null });
    expect(p.summary.last_activity_at).toBe('2026-10-05T09:00:00.000Z');
  });


  it('an empty portfolio has zero counts, no averages, and the modules that do not exist say so', () => {
    const p = buildPortfolio(input());
    expect(p.summary).toMatchObject({ sessions_total: 0, sessions_completed: 0, overall_average: null, average_marks: {}, last_activity_at: null });
    expect(p.score_series).toEqual([]);
    expect(p.timeline).toEqual([]);
    expect(p.modules.find((m) => m.id === 'ptl')).toEqual({
      id: 'ptl',
      name: expect.any(String),
      available: true,
      counts: { pathways: 0, open_pathways: 0, events: 0 },
      summary: '0 pathways managed (0 open), 0 RTT events recorded',
      last_at: null,
    });
    for (const m of p.modules.filter((m) => m.id !== 'ptl')) expect(m).toMatchObject({ available: false, counts: null, summary: null });
    expect(p.generated_at).toBe(NOW.toISOString());
  });

  it('builds one series per domain from the marks received as the candidate, oldest first, with means', () => {
    const sessions = [
      session({ completed_at: '2026-10-03T10:00:00Z', assessment: { marks: { data_gathering: 2, clinical_management: 1 }, global_rating: 'borderline', strengths: '', improvements: '', self_reflection: '' } }),
      session({ completed_at: '2026-10-01T10:00:00Z', assessment: { marks: { data_gathering: 1, history_depth: 3 }, global_rating: 'fail', strengths: '', improvements: '', self_reflection: '' }, scheme_domains: [{ id: 'history_depth', name: 'Depth of history' }] }),
      session({ completed_at: '2026-10-05T10:00:00Z', assessment: { marks: { data_gathering: 4 }, global_rating: 'pass', strengths: '', improvements: '', self_reflection: '' } }),
      // Marks the person gave as the actor are not theirs to average.
      session({ role: 'actor', assessment: { marks: { data_gathering: 0 }, global_rating: 'clear_fail', strengths: '', improvements: '', self_reflection: '' } }),
      // Not completed: marks in progress do not count.
      session({ status: 'live', completed_at: null, assessment: { marks: { data_gathering: 0 }, global_rating: null, strengths: '', improvements: '', self_reflection: '' } }),
    ];
    const series = scoreSeries(sessions);
    expect(series.map((s) => s.domain)).toEqual(['data_gathering', 'clinical_management', 'history_depth']);
    const dg = series[0]!;
    expect(dg.name).toBe('Data gathering');
    expect(dg.points.map((p) => p.mark)).toEqual([1, 2, 4]);
    expect(dg.points.map((p) => p.at)).toEqual(['2026-10-01T10:00:00.000Z', '2026-10-03T10:00:00.000Z', '2026-10-05T10:00:00.000Z']);
    expect(dg.average).toBe(2.33);
    expect(series[2]!.name).toBe('Depth of history');

    const p = buildPortfolio(input({ sessions }));
    expect(p.summary.average_marks).toEqual({ data_gathering: 2.33, clinical_management: 1, history_depth: 3 });
    expect(p.summary.overall_average).toBe(mean([2, 1, 1, 3, 4]));
    expect(p.summary).toMatchObject({ sessions_total: 5, sessions_completed: 4, completed_as_candidate: 3, completed_as_actor: 1, upcoming: 1, feedback_given: 1 });
    expect(p.global_ratings.counts).toEqual({ clear_fail: 0, fail: 1, borderline: 1, pass: 1, clear_pass: 0 });
    expect(p.global_ratings.items.map((r) => r.rating)).toEqual(['pass', 'borderline', 'fail']);
    expect(p.domains).toEqual(series.map((s) => ({ id: s.domain, name: s.name })));
  });

  it('lists feedback received and reflections newest first, skipping blank ones', () => {
    const sessions = [
      session({ completed_at: '2026-10-01T10:00:00Z', assessment: { marks: { data_gathering: 2 }, global_rating: 'pass', strengths: 'Good rapport', improvements: '', self_reflection: 'I rushed' } }),
      session({ completed_at: '2026-10-09T10:00:00Z', assessment: { marks: { data_gathering: 3 }, global_rating: 'pass', strengths: '  ', improvements: 'Safety-net', self_reflection: '' } }),
      session({ completed_at: '2026-10-05T10:00:00Z', assessment: { marks: {}, global_rating: null, strengths: '', improvements: '', self_reflection: '   ' } }),
      session({ role: 'actor', completed_at: '2026-10-10T10:00:00Z', assessment: { marks: { data_gathering: 1 }, global_rating: 'fail', strengths: 'given, not received', improvements: '', self_reflection: 'not mine' } }),
    ];
    const p = buildPortfolio(input({ sessions }));
    expect(p.feedback_received.map((f) => f.strengths.trim() || f.improvements)).toEqual(['Safety-net', 'Good rapport']);
    expect(p.reflections.map((r) => r.text)).toEqual(['I rushed']);
  });

  it('orders the timeline newest first, groups PTL work by day and caps its length', () => {
    const sessions = [
      session({ completed_at: '2026-10-02T10:00:00Z', assessment: { marks: { data_gathering: 2 }, global_rating: 'pass', strengths: '', improvements: '', self_reflection: 'Reflect' } }),
      session({ status: 'matched', completed_at: null, datetime_utc: '2026-12-01T10:00:00Z', assessment: null }),
      session({ status: 'no_show', completed_at: null, datetime_utc: '2026-09-20T10:00:00Z', assessment: null }),
    ];
    const ptl = {
      pathways: 3,
      open_pathways: 2,
      events: 1,
      pathways_by_day: [{ day: '2026-10-04', count: 3, at: '2026-10-04T15:00:00Z' }],
      events_by_day: [{ day: '2026-10-06', count: 1, at: '2026-10-06T09:00:00Z' }],
      last_at: '2026-10-06T09:00:00Z',
    };
    const cases = [{ id: 'c1', case_name: 'My case', created_at: '2026-10-03T08:00:00Z' }];
    const t = timeline({ sessions, ptl, cases });
    expect(t.map((e) => e.kind)).toEqual(['session_scheduled', 'ptl_events_recorded', 'ptl_pathways_added', 'case_written', 'session_completed', 'reflection_written', 'session_no_show']);
    expect(t.map((e) => Date.parse(e.at))).toEqual([...t.map((e) => Date.parse(e.at))].sort((a, b) => b - a));
    expect(t.find((e) => e.kind === 'ptl_pathways_added')!.title).toBe('Added 3 pathways to the PTL');
    expect(t.find((e) => e.kind === 'session_completed')!.detail).toBe('Chest pain · with Ada Actor · rated pass');

    const p = buildPortfolio(input({ sessions, ptl, cases }));
    expect(p.summary.last_activity_at).toBe('2026-10-06T09:00:00.000Z');
    expect(p.modules[0]).toMatchObject({ id: 'ptl', counts: { pathways: 3, open_pathways: 2, events: 1 } });

    const many = Array.from({ length: TIMELINE_MAX + 20 }, (_, i) => session({ completed_at: new Date(Date.UTC(2026, 0, 1) + i * 3_600_000).toISOString() }));
    const capped = timeline({ sessions: many, ptl: emptyPtl, cases: [] });
    expect(capped).toHaveLength(TIMELINE_MAX);
    expect(capped[0]!.at).toBe(new Date(Date.UTC(2026, 0, 1) + (TIMELINE_MAX + 19) * 3_600_000).toISOString());
  });

  it('lists sessions newest first and shows marks and ratings only for completed stations', () => {
    const sessions = [
      session({ datetime_utc: '2026-10-01T09:00:00Z', assessment: { marks: { data_gathering: 3 }, global_rating: 'pass', strengths: '', improvements: '', self_reflection: '' } }),
      session({ datetime_utc: '2026-11-01T09:00:00Z', status: 'live', completed_at: '2026-11-01T09:20:00Z', assessment: { marks: { data_gathering: 1 }, global_rating: 'fail', strengths: '', improvements: '', self_reflection: '' } }),
    ];
    const p = buildPortfolio(input({ sessions }));
    expect(p.sessions.map((s) => s.status)).toEqual(['live', 'completed']);
    expect(p.sessions[0]).toMatchObject({ marks: null, global_rating: null, completed_at: null });
    expect(p.sessions[1]).toMatchObject({ marks: { data_gathering: 3 }, global_rating: 'pass', case: { case_name: 'Chest pain', category: 'history_taking', domain: 'cardiology' } });
  });

  it('names unknown domains readably', () => {
    expect(humanise('ethics_and_law')).toBe('Ethics and law');
  });
});

describe('printable portfolio', () => {
  it('escapes every user string and carries no script', () => {
    const evil = `<script>alert("x")</script>&'`;
    const sessions = [
      session({
        case_name: evil,
        partner: { user_id: 'p', first_name: evil, last_name: 'Q' },
        assessment: { marks: { [`d${'x'}`]: 2 }, global_rating: 'pass', strengths: evil, improvements: evil, self_reflection: evil },
      }),
    ];
    const html = renderPortfolioHtml(buildPortfolio(input({ person: { ...input().person, first_name: evil }, sessions, cases: [{ id: 'c', case_name: evil, created_at: '2026-10-01T00:00:00Z' }] })));
    expect(html).not.toContain('<script');
    expect(html).not.toContain(evil);
    expect(html).toContain(esc(evil));
    expect(esc(evil)).toBe('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#39;');
    expect(html).toContain('<svg class="chart"');
    expect(html).toContain('@media print');
    expect(html).toMatch(/Cancer pathways<\/td><td class="na">Not yet available/);
  });

  it('the CSP hash is the hash of the one inline stylesheet', () => {
    const html = renderPortfolioHtml(buildPortfolio(input()));
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)![1]!;
    expect(style).toBe(PRINT_CSS);
    expect(PRINT_CSS_HASH).toBe(`'sha256-${createHash('sha256').update(style).digest('base64')}'`);
    expect(html.match(/<style/g)).toHaveLength(1);
    expect(html).not.toMatch(/\sstyle="/);
  });
});
