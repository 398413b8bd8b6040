import { describe, expect, it } from 'vitest';
import { analyseTranscript, EVIDENCE_CHECKS as SERVER_EVIDENCE_CHECKS } from '../../../server/src/domains/assessments/analysis.js';
import {
  EVIDENCE_CHECKS,
  analysisChips,
  attemptRows,
  checklistGroups,
  domainChanges,
  domainScores,
  interruptionsSentence,
  quoteAround,
  ratingTone,
  readAutoAnalysis,
  signed,
  sparkline,
  termSegment,
  totalOf,
  transcriptTime,
  trendSentence,
  type TranscriptLine,
} from '../../../client/src/pages/assessment/scorecard.js';

const scheme = {
  domains: [
    { id: 'data_gathering', name: 'Data gathering' },
    { id: 'clinical_management', name: 'Clinical management' },
    { id: 'interpersonal_skills', name: 'Interpersonal skills' },
  ],
  checklist: [
    { id: 'visual', domain: 'data_gathering', text: 'Asks about visual symptoms' },
    { id: 'drugs', domain: 'data_gathering', text: 'Takes a drug history' },
    { id: 'plan', domain: 'clinical_management', text: 'Arranges urgent fundoscopy' },
    { id: 'ice', domain: 'interpersonal_skills', text: 'Explores ideas, concerns and expectations' },
  ],
};

describe('the scorecard’s marks', () => {
  it('gives each domain its mark and its checklist items met, in the scheme’s order, and totals over every domain', () => {
    const rows = domainScores(scheme, { interpersonal_skills: 4, data_gathering: 2 }, { visual: true, drugs: false, ice: true });
    expect(rows).toEqual([
      { id: 'data_gathering', name: 'Data gathering', mark: 2, met: 1, items: 2 },
      { id: 'clinical_management', name: 'Clinical management', mark: null, met: 0, items: 1 },
      { id: 'interpersonal_skills', name: 'Interpersonal skills', mark: 4, met: 1, items: 1 },
    ]);
    // An unmarked domain still counts towards the maximum.
    expect(totalOf(rows)).toEqual({ total: 6, max: 12, marked: 2 });
  });

  it('names a marked domain the viewer’s scheme does not list from its id', () => {
    expect(domainScores(null, { history_taking: 3 }, {})).toEqual([{ id: 'history_taking', name: 'History taking', mark: 3, met: 0, items: 0 }]);
  });

  it('colours the global rating: fails red, borderline amber, passes green', () => {
    expect(['clear_fail', 'fail', 'borderline', 'pass', 'clear_pass', null].map(ratingTone)).toEqual(['fail', 'fail', 'borderline', 'pass', 'pass', null]);
  });

  it('groups the checklist under its domains, missing ticks counting as missed', () => {
    const groups = checklistGroups(scheme, { visual: true, stray: true });
    expect(groups.map((g) => [g.name, g.items.map((i) => `${i.id}:${i.met}`)])).toEqual([
      ['Data gathering', ['visual:true', 'drugs:false']],
      ['Clinical management', ['plan:false']],
      ['Interpersonal skills', ['ice:false']],
      ['Other', ['stray:true']],
    ]);
  });
});

describe('the analysis as chips', () => {
  const lines: TranscriptLine[] = [
    { speaker: 'candidate', at_ms: 1000, text: 'Hello, my name is Dr Cal. Can you confirm your full name?' },
    { speaker: 'actor', at_ms: 4000, text: 'Jane Smith.' },
    { speaker: 'candidate', at_ms: 7000, text: 'Is anything worrying you? We will do an ECG.' },
    { speaker: 'candidate', at_ms: 65_000, text: 'If it gets worse, call 999.' },
  ];
  const analysis = readAutoAnalysis(JSON.parse(JSON.stringify(analyseTranscript(lines, [], []))))!;

  it('reads the server’s evidence and turns each check into a chip with its quote and transcript segment', () => {
    const chips = analysisChips(analysis, lines);
    const byKey = Object.fromEntries(chips.map((c) => [c.key, c]));
    expect(byKey.introduced_self).toMatchObject({ tone: 'good', label: 'Introduced themselves', quote: 'Hello, my name is Dr Cal.', segment: 0 });
    expect(byKey.checked_identity).toMatchObject({ tone: 'good', quote: 'Can you confirm your full name?', segment: 0 });
    expect(byKey.concerns).toMatchObject({ tone: 'good', quote: 'Is anything worrying you?', segment: 2 });
    expect(byKey.safety_netting).toMatchObject({ tone: 'good', segment: 3 });
    expect(byKey.ideas).toMatchObject({ tone: 'missing', label: 'Ideas not explored', quote: null, segment: null });
    expect(byKey['jargon:ECG']).toMatchObject({ tone: 'warning', label: '“ECG” not explained', segment: 2 });    // Done first, then to work on, then not heard.
    expect(chips.map((c) => c.tone)).toEqual(['good', 'good', 'good', 'good', 'warning', 'missing', 'missing']);
    expect(chips.map((c) => c.key).slice(0, 4)).toEqual(['introduced_self', 'checked_identity', 'concerns', 'safety_netting']);
  });

  it('knows every check the server backs with evidence', () => {
    expect([...EVIDENCE_CHECKS]).toEqual([...SERVER_EVIDENCE_CHECKS]);
  });

  it('drops a segment index that is not on the page', () => {
    const chips = analysisChips(analysis, lines.slice(0, 1));
    expect(chips.find((c) => c.key === 'concerns')).toMatchObject({ tone: 'good', segment: null });
  });

  it('finds a term as a whole word in the candidate’s words only, plurals too', () => {
    const said: TranscriptLine[] = [
      { speaker: 'actor', at_ms: 0, text: 'Will I need an ECG?' },
      { speaker: 'candidate', at_ms: 1, text: 'The MIND score is fine.' },
      { speaker: 'candidate', at_ms: 2, text: 'Two ECGs, then.' },
    ];
    expect(termSegment('ECG', said)).toBe(2);
    expect(termSegment('MI', said)).toBeNull();
  });

  it('quotes a long segment around the term', () => {
    const text = `${'a'.repeat(100)} we need an angiogram to see ${'b'.repeat(100)}`;
    const q = quoteAround(text, 'angiogram', 60);
    expect(q).toContain('angiogram');
    expect(q.startsWith('…') && q.endsWith('…')).toBe(true);
    expect(q.length).toBeLessThanOrEqual(62);
  });

  it('shows transcript times as minutes and seconds', () => {
    expect([0, 999, 5000, 65_400, 600_000].map(transcriptTime)).toEqual(['0:00', '0:00', '0:05', '1:05', '10:00']);
  });
});

describe('earlier attempts', () => {
  const domains = [{ id: 'a' }, { id: 'b' }];
  const attempt = (id: string, a: number | undefined, b: number, rating = 'pass') => ({
    session_id: id,
    completed_at: '2026-12-01T10:00:00Z',
    marks: { ...(a === undefined ? {} : { a }), b },
    global_rating: rating,
  });

  it('lines the earlier attempts up before this one, totalled over the current domains', () => {
    const rows = attemptRows(domains, [attempt('s1', 1, 1, 'fail'), attempt('s2', undefined, 3)], attempt('s3', 4, 2));
    expect(rows.map((r) => [r.session_id, r.marks, r.total, r.max, r.current])).toEqual([
      ['s1', [1, 1], 2, 8, false],
      ['s2', [null, 3], 3, 8, false],
      ['s3', [4, 2], 6, 8, true],
    ]);
    // Against the attempt before: a domain that attempt did not mark has no change.
    expect(domainChanges(rows)).toEqual([null, -1]);
    expect(rows.map((r) => signed(r.total - 3))).toEqual(['−1', '±0', '+3']);
  });

  it('says how the total moved, or that this is the first attempt', () => {
    const first = attemptRows(domains, [], attempt('s1', 2, 2));
    expect(trendSentence(first)).toBe('Your first attempt at this case.');
    expect(domainChanges(first)).toEqual([]);
    expect(trendSentence(attemptRows(domains, [attempt('s1', 2, 2)], attempt('s2', 3, 2)))).toBe('Attempt 2 at this case: 1 mark up on last time.');
    expect(trendSentence(attemptRows(domains, [attempt('s1', 1, 1), attempt('s2', 4, 4)], attempt('s3', 3, 3)))).toBe(
      'Attempt 3 at this case: 2 marks down on last time, +4 since your first.',
    );
    expect(trendSentence(attemptRows(domains, [attempt('s1', 1, 1), attempt('s2', 1, 1)], attempt('s3', 1, 1)))).toBe(
      'Attempt 3 at this case: the same total as last time, level with your first.',
    );
  });

  it('plots the totals from the bottom (none) to the top (the maximum)', () => {
    const rows = attemptRows(domains, [attempt('s1', 0, 0)], attempt('s2', 4, 4));
    expect(sparkline(rows, 100, 40)).toEqual([
      { x: 0, y: 40 },
      { x: 100, y: 0 },
    ]);
  });
});

describe('interruptions', () => {
  it('says how often and how long the clock stood still', () => {
    expect(interruptionsSentence([])).toBeNull();
    expect(interruptionsSentence([{ seconds: 12 }])).toBe('The clock stood still once, 12 s in all; that time was given back.');
    expect(interruptionsSentence([{ seconds: 50 }, { seconds: 70 }])).toBe('The clock stood still twice, 2 min in all; that time was given back.');
  });
});
