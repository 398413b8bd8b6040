import type { Logger } from 'pino';
import type { z } from 'zod';
import type { AuthContext } from '../../auth/context.js';
import { ASSESSMENT_ATTEMPTS_MAX, type AssessmentAttempts, type AssessmentDocument, type AssessmentMarksSchema, type DisclosureState, type SessionBrief, type SessionRole } from '../../contract/sessions.js';
import type { MarkScheme, ActorBrief } from '../../contract/cases.js';
import type { Db, Queryable } from '../../db/types.js';
import { conflict, forbidden, notFound, validationFailed } from '../../errors.js';
import type { RealtimeGateway } from '../../realtime/gateway.js';
import type { BlobStore } from '../../storage/blob-store.js';
import * as admin from './assessments.admin.repo.js';
import { presentAssessment, presentAttempt } from './present.js';
import { earlierAttempts, findOwnStation, readAssessment, sessionBrief } from './repo.js';
import { analyseTranscript } from './analysis.js';

const BUCKET = 'assessments';
const MARKING_PHASES = new Set(['feedback', 'completed']);
const TRACKING_PHASES = new Set(['reading', 'consultation', 'feedback']);

/** Who asks: HTTP requests and the session socket both provide it. */
export type AssessmentActor = Pick<AuthContext, 'claims'> & { account: Pick<AuthContext['account'], 'id'> };

export type AssessmentsService = ReturnType<typeof createAssessmentsService>;

/**
 * A station's assessment. Its routes and socket event belong to the session, which is handed this
 * service where the server is wired; what a station is, it reads for itself, as the caller.
 */
export function createAssessmentsService({ db, realtime, storage, logger }: { db: Db; realtime: RealtimeGateway; storage: BlobStore; logger: Logger }) {
  /** The caller's station (participants only), their role in it and the case content they may see, as the caller. */
  async function asParticipant(tx: Queryable, auth: AssessmentActor, sessionId: string) {
    const session = await findOwnStation(tx, sessionId);
    if (!session) throw notFound('No such session');
    // Only the two participants find the station: whoever is not its actor is its candidate.
    const role: SessionRole = session.actor_id === auth.account.id ? 'actor' : 'candidate';
    return { session, role, brief: await sessionBrief(tx, sessionId) };
  }

  function ifAskedFacts(brief: SessionBrief | null) {
    return ((brief?.actor_brief as ActorBrief | undefined)?.facts ?? []).filter((f) => f.disclosure === 'if_asked');
  }

  /** Writes assessments/{id}/assessment.json from what is stored now. */
  async function storeDocument(sessionId: string) {
    const doc = await db.transaction(async (tx) => {
      const { session } = await admin.stationFacts(tx, sessionId);
      if (!session) return null;
      const gaps = await admin.stationGaps(tx, sessionId);
      return presentAssessment({ id: sessionId, case_id: session.case_id, candidate_id: session.candidate_id, actor_id: session.actor_id, gaps }, await admin.readAssessment(tx, sessionId));
    });
    if (doc) await storage.put(BUCKET, `${sessionId}/assessment.json`, JSON.stringify(doc, null, 2), 'application/json');
  }

  /** Both participants read it — the candidate from feedback on (the database refuses earlier). */
  async function get(auth: AssessmentActor, sessionId: string): Promise<AssessmentDocument> {
    return db.asUser(auth.claims, async (tx) => {
      const { session, role } = await asParticipant(tx, auth, sessionId);
      if (role === 'candidate' && !MARKING_PHASES.has(session.phase)) throw conflict('The assessment opens at feedback');
      const row = await readAssessment(tx, sessionId); // as the caller: RLS applies
      return presentAssessment(session, row);
    });
  }

  return {
    get,

    /**
     * The candidate's own earlier stations with the same case, for the scorecard's comparison. The
     * actor gets 403: the candidate's other stations are not theirs to see.
     */
    async attempts(auth: AssessmentActor, sessionId: string): Promise<AssessmentAttempts> {
      return db.asUser(auth.claims, async (tx) => {
        const { session, role } = await asParticipant(tx, auth, sessionId);
        if (role !== 'candidate') throw forbidden('Earlier attempts are the candidate’s own');
        // The case stays hidden from the candidate until feedback (session_case_id() gives null).
        if (!MARKING_PHASES.has(session.phase) || !session.case_id) throw conflict('The assessment opens at feedback');
        const current = await readAssessment(tx, sessionId);
        const rows = await earlierAttempts(tx, { sessionId, caseId: session.case_id, before: current?.completed_at ?? null, limit: ASSESSMENT_ATTEMPTS_MAX });
        return { session_id: sessionId, attempts: rows.map(presentAttempt) };
      });
    },

    /** The actor's disclosure tracker: tick (or untick) an if_asked fact while the station runs. */
    async elicit(auth: AssessmentActor, sessionId: string, factId: string, elicited: boolean): Promise<DisclosureState> {
      const state = await db.asUser(auth.claims, async (tx) => {
        const { session, role, brief } = await asParticipant(tx, auth, sessionId);
        if (role !== 'actor') throw forbidden('The actor keeps the disclosure tracker');
        if (!TRACKING_PHASES.has(session.phase)) throw conflict('The disclosure tracker runs while the station runs');
        const facts = ifAskedFacts(brief);
        if (!facts.some((f) => f.id === factId)) {
          throw validationFailed('Not a fact to draw out', [{ path: 'fact_id', message: 'Not one of this case’s “only if asked” facts' }]);
        }
        return { session, facts };
      });
      const list = await db.transaction((tx) => admin.setElicited(tx, sessionId, factId, elicited));
      const total = state.facts.length;
      const result: DisclosureState = { session_id: sessionId, elicited: list, if_asked_total: total, coverage: total ? Math.round((list.length / total) * 1000) / 1000 : null };
      realtime.toUser(auth.account.id).emit('facts:elicited', result);
      return result;
    },

    /** The actor marks against the case's mark scheme, from feedback on. */
    async putMarks(auth: AssessmentActor, sessionId: string, input: z.output<typeof AssessmentMarksSchema>): Promise<AssessmentDocument> {
      await db.asUser(auth.claims, async (tx) => {
        const { session, role, brief } = await asParticipant(tx, auth, sessionId);
        if (role !== 'actor') throw forbidden('The actor marks; as the candidate you add your self-reflection');
        if (!MARKING_PHASES.has(session.phase)) throw conflict('Marking opens at feedback');
        const scheme = brief?.mark_scheme as MarkScheme | undefined;
        const domains = new Set(scheme?.domains.map((d) => d.id) ?? []);
        const items = new Set(scheme?.checklist.map((c) => c.id) ?? []);
        const problems = [
          ...[...domains].filter((d) => input.marks[d] === undefined).map((d) => ({ path: `marks.${d}`, message: 'Mark every domain' })),
          ...Object.keys(input.marks).filter((d) => !domains.has(d)).map((d) => ({ path: `marks.${d}`, message: 'Not a domain of this mark scheme' })),
          ...Object.keys(input.checklist).filter((c) => !items.has(c)).map((c) => ({ path: `checklist.${c}`, message: 'Not an item of this checklist' })),
        ];
        if (problems.length) throw validationFailed('The marks do not fit the mark scheme', problems);
      });
      await db.transaction((tx) => admin.saveMarks(tx, sessionId, input));
      await storeDocument(sessionId).catch((err: unknown) => logger.error({ err, session_id: sessionId }, 'could not store assessment.json'));
      return get(auth, sessionId);
    },

    async putReflection(auth: AssessmentActor, sessionId: string, text: string): Promise<AssessmentDocument> {
      await db.asUser(auth.claims, async (tx) => {
        const { session, role } = await asParticipant(tx, auth, sessionId);
        if (role !== 'candidate') throw forbidden('The candidate writes the self-reflection');
        if (!MARKING_PHASES.has(session.phase)) throw conflict('Self-reflection opens at feedback');
      });
      await db.transaction((tx) => admin.saveReflection(tx, sessionId, text));
      await storeDocument(sessionId).catch((err: unknown) => logger.error({ err, session_id: sessionId }, 'could not store assessment.json'));
      return get(auth, sessionId);
    },

    /** Writes assessment.json again from what is stored now. */
    storeDocument,

    /** A station completed: analyse the transcript, store the analysis and write assessment.json. */
    async complete(sessionId: string, now = new Date()): Promise<void> {
      await db.transaction(async (tx) => {
        const { session, segments } = await admin.stationFacts(tx, sessionId);
        if (!session) return;
        const row = await admin.readAssessment(tx, sessionId);
        const analysis = analyseTranscript(segments, session.actor_brief?.facts ?? [], row?.elicited_facts ?? []);
        await admin.saveAnalysis(tx, sessionId, analysis, now);
      });
      await storeDocument(sessionId);
    },
  };
}
