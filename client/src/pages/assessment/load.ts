import type { AssessmentAttempt, AssessmentDocument, PublicProfile, SessionBrief, TranscriptDocument } from '$contract';
import { api } from '../../lib/api';

export interface Scorecard {
  doc: AssessmentDocument;
  /** The case as the viewer may see it now (names, mark scheme); null if it could not be read. */
  brief: SessionBrief | null;
  transcript: TranscriptDocument | null;
  viewerRole: 'candidate' | 'actor';
  /** The candidate's own earlier attempts at the case; null for the actor, who may not see them. */
  earlier: AssessmentAttempt[] | null;
  partner: PublicProfile | null;
}

export type ScorecardLoad = { kind: 'ok'; card: Scorecard } | { kind: 'not-yet' } | { kind: 'error'; message: string };

/**
 * Everything the scorecard shows, read in two rounds: the assessment, the brief and the transcript
 * together; then, knowing who the viewer is in the station, the partner's name and (for the
 * candidate) their earlier attempts. Only the assessment itself must succeed.
 */
export async function loadScorecard(sessionId: string, viewerId: string | null): Promise<ScorecardLoad> {
  const [assessment, brief, transcript] = await Promise.all([api.getAssessment(sessionId), api.getSessionBrief(sessionId), api.getTranscript(sessionId)]);
  if (!assessment.ok) {
    if (assessment.status === 409) return { kind: 'not-yet' };
    if (assessment.status === 404 || assessment.status === 403) return { kind: 'error', message: 'This assessment is not yours, or it does not exist.' };
    return { kind: 'error', message: assessment.error.message };
  }
  const doc = assessment.data;
  const viewerRole = viewerId !== null && viewerId === doc.actor_id ? 'actor' : 'candidate';
  const partnerId = viewerRole === 'actor' ? doc.candidate_id : doc.actor_id;
  const [earlier, partner] = await Promise.all([
    viewerRole === 'candidate' ? api.getEarlierAttempts(sessionId) : null,
    partnerId ? api.getProfile(partnerId) : null,
  ]);
  return {
    kind: 'ok',
    card: {
      doc,
      brief: brief.ok ? brief.data : null,
      transcript: transcript.ok ? transcript.data : null,
      viewerRole,
      earlier: earlier?.ok ? earlier.data.attempts : null,
      partner: partner?.ok ? partner.data : null,
    },
  };
}
