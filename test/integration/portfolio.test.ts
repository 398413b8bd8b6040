import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Portfolio, PortfolioExport } from '../../server/src/contract/portfolio.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { caseInput } from '../helpers/cases.js';
import { dbTargets } from '../helpers/db.js';
import { createUser, type TestUser } from '../helpers/factories.js';
import { pathwayInput } from '../helpers/ptl.js';
import { completedStation, sharedCase } from '../helpers/station.js';

/** A person with a distinctive marker in every kind of data they own. */
interface Seeded {
  user: TestUser;
  partner: TestUser;
  marker: string;
  sessionId: string;
  caseId: string;
  pathwayId: string;
  recordId: string | null;
  patient: TestUser | null;
  /** The marks the actor gave in the seeded station, by domain. */
  marks: Record<string, number>;
}

describe.each(dbTargets)('portfolio and personal data export on %s', (target) => {
  let app: TestApp;
  let a: Seeded;
  let b: Seeded;

  /**
   * Profile, a private case, a PTL pathway with an event, and one completed station with transcript,
   * marks, feedback and self-reflection — all carrying `marker`. A is the candidate of their
   * station; B (a doctor) is the actor, on B's own case, and also writes a medical record.
   */
  async function seed(label: string, role: 'trainee' | 'doctor', stationRole: 'candidate' | 'actor'): Promise<Seeded> {
    const marker = `${label}${randomBytes(6).toString('hex')}`;
    const user = await createUser(app, { role, first_name: `First${marker}`, last_name: `Last${marker}` });
    const partner = await createUser(app, { first_name: 'Partner', last_name: `Of${label}` });
    const own = await app.http.post(
      '/api/cases',
      caseInput({ case_name: `Case ${marker}`, internal_name: `INT-${marker}`, condition: `Condition ${marker}` }),
      { token: user.token },
    );
    expect(own.status, JSON.stringify(own.body)).toBe(201);
    const pathway = await app.http.post('/api/ptl', pathwayInput({ patient_name: `Patient ${marker}` }), { token: user.token });
    expect(pathway.status, JSON.stringify(pathway.body)).toBe(201);
    const event = await app.http.post(
      `/api/ptl/${pathway.body.id}/events`,
      { event_type: 'outpatient_attended', event_date: '2025-02-03', note: `Event note ${marker}` },
      { token: user.token },
    );
    expect(event.status, JSON.stringify(event.body)).toBe(201);

    const shared = await sharedCase(app);
    const candidateIsUser = stationRole === 'candidate';
    const caseId = candidateIsUser ? shared.id : (own.body.id as string);
    const domains = candidateIsUser ? shared.domains : ['data_gathering', 'clinical_management', 'interpersonal_skills'];
    const marks: Record<string, number> = Object.fromEntries(domains.map((d, i) => [d, (i % 4) + 1]));
    const sessionId = await completedStation(app, {
      actor: candidateIsUser ? partner : user,
      candidate: candidateIsUser ? user : partner,
      caseId,
      segments: [
        { speaker: 'candidate', text: `Hello, I am the candidate ${marker}. What brings you in today?` },
        { speaker: 'actor', text: `I have had headaches, says the actor ${marker}.` },
      ],
      marks,
      global_rating: 'borderline',
      strengths: `Strengths ${marker}`,
      improvements: `Improvements ${marker}`,
      self_reflection: `Reflection ${marker}`,
    });

    let recordId: string | null = null;
    let patient: TestUser | null = null;
    if (role === 'doctor') {
      patient = await createUser(app, { role: 'patient', first_name: 'Pat', last_name: `Of${label}` });
      const rec = await app.http.post('/api/records', { patient_email: patient.email, title: `Record ${marker}`, notes: `Notes ${marker}` }, { token: user.token });
      expect(rec.status, JSON.stringify(rec.body)).toBe(201);
      recordId = rec.body.id;
    }
    return { user, partner, marker, sessionId, caseId: own.body.id, pathwayId: pathway.body.id, recordId, patient, marks };
  }

  beforeAll(async () => {
    app = await startTestApp(target);
    a = await seed('ALPHA', 'trainee', 'candidate');
    b = await seed('BRAVO', 'doctor', 'actor');
  });
  afterAll(() => app?.close());

  const exportOf = async (u: TestUser) => {
    const res = await app.http.get('/api/portfolio/export', { token: u.token });
    expect(res.status, res.text).toBe(200);
    return { res, doc: res.body as PortfolioExport, text: res.text };
  };

  it('rejects the unauthenticated', async () => {
    for (const path of ['/api/portfolio', '/api/portfolio/export', '/api/portfolio/export.html']) {
      const res = await app.http.get(path);
      expect(res.status, path).toBe(401);
      expect(res.body.error.code).toBe('unauthenticated');
    }
  });

  it('the export contains all of a user’s data and nothing of anyone else’s', async () => {
    for (const [me, other] of [
      [a, b],
      [b, a],
    ] as const) {
      const { res, doc, text } = await exportOf(me.user);
      expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="portfolio-export-\d{4}-\d{2}-\d{2}\.json"$/);
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
      expect(res.headers.get('cache-control')).toBe('no-store');
      expect(Object.keys(doc).sort()).toEqual(
        ['format', 'version', 'exported_at', 'account', 'profile', 'ptl', 'cases', 'sessions', 'transcripts', 'assessments', 'medical_records', 'trackers', 'secretary_tasks', 'cancer_pathways', 'mdt_meetings', 'rtt_returns', 'clinic_templates', 'clinic_slots', 'appointments', 'quality_audits', 'pathway_validations', 'audit_trail'].sort(),
      );
      expect(doc).toMatchObject({ format: 'osce-platform-export', version: 1, account: { id: me.user.id, email: me.user.email } });

      // Every kind of data the user owns is there…
      const m = me.marker;
      expect(doc.profile).toMatchObject({ first_name: `First${m}`, last_name: `Last${m}` });
      expect(doc.ptl.pathways).toHaveLength(1);
      expect(doc.ptl.pathways[0]).toMatchObject({ id: me.pathwayId, patient_name: `Patient ${m}` });
      expect(doc.ptl.pathways[0]!.events).toEqual([expect.objectContaining({ event_type: 'outpatient_attended', note: `Event note ${m}` })]);
      expect(doc.cases).toEqual([expect.objectContaining({ id: me.caseId, case_name: `Case ${m}`, condition: `Condition ${m}`, actor_brief: expect.any(Object) })]);
      expect(doc.sessions.map((s) => s.id)).toEqual([me.sessionId]);
      expect(doc.sessions[0]).toMatchObject({ status: 'completed', role: me === a ? 'candidate' : 'actor' });
      expect(doc.transcripts).toEqual([{ session_id: me.sessionId, segments: expect.any(Array) }]);
      expect(doc.transcripts[0]!.segments.map((s) => s.text).join(' ')).toContain(`candidate ${m}`);
      expect(doc.assessments).toEqual([
        expect.objectContaining({
          session_id: me.sessionId,
          global_rating: 'borderline',
          feedback: { strengths: `Strengths ${m}`, improvements: `Improvements ${m}` },
          self_reflection: `Reflection ${m}`,
        }),
      ]);
      // The trail of their own data: at least the pathway's creation, all of it theirs.
      expect(doc.audit_trail).toEqual(expect.arrayContaining([expect.objectContaining({ table: 'ptl_patients', row_id: me.pathwayId, action: 'insert' })]));
      expect(new Set(doc.audit_trail.map((e) => e.owner_id))).toEqual(new Set([me.user.id]));
      if (me.recordId) expect(doc.medical_records).toEqual([expect.objectContaining({ id: me.recordId, role: 'doctor', title: `Record ${m}`, notes: `Notes ${m}` })]);
      else expect(doc.medical_records).toEqual([]);

      // …and nothing of the other user's: no marker, no id, no email, no partner, no patient.
      expect(text).not.toContain(other.marker);
      for (const leak of [other.user.id, other.user.email, other.partner.id, other.sessionId, other.caseId, other.pathwayId, other.recordId, other.patient?.id]) {
        if (leak) expect(text, `leaked ${leak}`).not.toContain(leak);
      }
      // The export carries no credentials or sign-in secrets of anyone.
      expect(text).not.toMatch(/argon2|password_hash|token_hash/);
    }
  });

  it('a patient’s export holds the records about them', async () => {
    const { doc, text } = await exportOf(b.patient!);
    expect(doc.medical_records).toEqual([expect.objectContaining({ id: b.recordId, role: 'patient', doctor_id: b.user.id, notes: `Notes ${b.marker}` })]);
    expect(text).not.toContain(a.marker);
  });

  it('a candidate’s export holds nothing of a case the reveal rules still hide from them', async () => {
    const actor = await createUser(app, { first_name: 'Secretive' });
    const secret = `SECRET${randomBytes(6).toString('hex')}`;
    const hidden = await app.http.post('/api/cases', caseInput({ case_name: `Hidden ${secret}`, condition: `Hidden condition ${secret}` }), { token: actor.token });
    const pub = await app.http.post(
      '/api/sessions',
      { datetime_utc: new Date(Date.now() + 86_400_000).toISOString(), host_role: 'actor', case_id: hidden.body.id },
      { token: actor.token },
    );
    const candidate = await createUser(app);
    const seen = await app.http.get(`/api/sessions/${pub.body.id}`, { token: candidate.token });
    expect((await app.http.post(`/api/sessions/${pub.body.id}/signup`, { version: seen.body.version }, { token: candidate.token })).status).toBe(200);

    const mine = await exportOf(candidate);
    expect(mine.doc.sessions).toEqual([expect.objectContaining({ id: pub.body.id, role: 'candidate', status: 'matched', case_id: null })]);
    expect(mine.text).not.toContain(secret);
    expect(mine.text).not.toContain(hidden.body.id);
    const portfolio = await app.http.get('/api/portfolio', { token: candidate.token });
    expect(portfolio.text).not.toContain(secret);
    expect(portfolio.body.sessions[0].case.case_name).toBeNull();

    // The actor, who chose it, sees it in theirs.
    const theirs = await exportOf(actor);
    expect(theirs.doc.sessions[0]).toMatchObject({ case_id: hidden.body.id, case: { case_name: `Hidden ${secret}` } });
  });

  it('the portfolio shows sessions, scores per domain, ratings, feedback, reflections, PTL activity and a timeline', async () => {
    const res = await app.http.get('/api/portfolio', { token: a.user.token });
    expect(res.status).toBe(200);
    const p = res.body as Portfolio;
    expect(p.person).toMatchObject({ user_id: a.user.id, first_name: `First${a.marker}`, role: 'trainee' });
    expect(p.summary).toMatchObject({ sessions_total: 1, sessions_completed: 1, completed_as_candidate: 1, completed_as_actor: 0 });
    // One series per domain the actor marked, each at the mark given (a single station).
    expect(Object.fromEntries(p.score_series.map((s) => [s.domain, s.average]))).toEqual(a.marks);
    for (const series of p.score_series) expect(series.points).toEqual([expect.objectContaining({ session_id: a.sessionId, mark: series.average })]);
    expect(p.summary.average_marks).toEqual(Object.fromEntries(p.score_series.map((s) => [s.domain, s.average])));
    expect(p.global_ratings.counts.borderline).toBe(1);
    expect(p.feedback_received).toEqual([expect.objectContaining({ session_id: a.sessionId, strengths: `Strengths ${a.marker}`, improvements: `Improvements ${a.marker}` })]);
    expect(p.reflections).toEqual([expect.objectContaining({ session_id: a.sessionId, text: `Reflection ${a.marker}` })]);
    expect(p.modules.find((x) => x.id === 'ptl')).toMatchObject({ available: true, counts: { pathways: 1, events: 1 } });
    // The built modules report real figures (zeros included); the ones still to come say so.
    expect(p.modules.find((x) => x.id === 'secretary')).toMatchObject({ available: true, counts: { tasks: 0, open: 0, done: 0 } });
    expect(p.modules.find((x) => x.id === 'trackers')).toMatchObject({ available: true, counts: { entries: 0, trackers: 0 } });
    for (const m of p.modules.filter((x) => !x.available)) expect(m).toMatchObject({ counts: null, summary: null });
    expect(p.sessions).toEqual([expect.objectContaining({ id: a.sessionId, role: 'candidate', status: 'completed', completed_at: expect.any(String), partner: expect.objectContaining({ user_id: a.partner.id }) })]);
    expect(p.sessions[0]!.case.case_name).toEqual(expect.any(String));
    expect(p.timeline.map((t) => t.kind)).toEqual(expect.arrayContaining(['session_completed', 'reflection_written', 'ptl_pathways_added', 'ptl_events_recorded', 'case_written']));
    const times = p.timeline.map((t) => Date.parse(t.at));
    expect(times).toEqual([...times].sort((x, y) => y - x));
    expect(res.text).not.toContain(b.marker);

    // The actor's portfolio counts the station as given, not received.
    const bp = (await app.http.get('/api/portfolio', { token: b.user.token })).body as Portfolio;
    expect(bp.summary).toMatchObject({ completed_as_actor: 1, completed_as_candidate: 0, feedback_given: 1, overall_average: null });
    expect(bp.score_series).toEqual([]);
  });

  it('the printable portfolio is escaped, script-free HTML with its own strict CSP', async () => {
    const evil = await createUser(app, { first_name: '<script>alert(1)</script>', last_name: `"><img src=x onerror=alert(2)>` });
    const res = await app.http.get('/api/portfolio/export.html', { cookie: evil.cookie });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    const csp = res.headers.get('content-security-policy')!;
    expect(csp).toMatch(/default-src 'none'/);
    expect(csp).toMatch(/style-src 'sha256-[A-Za-z0-9+/=]+'/);
    expect(csp).not.toMatch(/unsafe-inline|script-src/);
    expect(res.text).not.toMatch(/<script|<img|onerror=alert\(2\)>/i);
    expect(res.text).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');

    const mine = await app.http.get('/api/portfolio/export.html', { token: a.user.token });
    expect(mine.text).toContain(`First${a.marker}`);
    expect(mine.text).toContain(`Reflection ${a.marker}`);
    expect(mine.text).toContain('@media print');
    // Every module exists now: each shows its figures (zeros included), none says "not yet available".
    expect(mine.text).toContain('Cancer pathways</td><td>0 cancer pathways');
    expect(mine.text).not.toContain('Not yet available');
    expect(mine.text).not.toContain(b.marker);
  });
});
