import type { z } from 'zod';
import type { AssessmentAttempts, AssessmentDocument, AssessmentMarksSchema, DisclosureState } from '../../contract/sessions.js';
import type { SessionActor } from './access.js';

/**
 * A station's assessment is reached through the session's routes (`/api/sessions/:id/assessment`)
 * and socket (`facts:elicited`), and answered by the assessments domain. This names what those
 * handlers call; the server hands the assessments service in, so neither domain imports the other.
 */
export interface AssessmentsPort {
  get(auth: SessionActor, sessionId: string): Promise<AssessmentDocument>;
  attempts(auth: SessionActor, sessionId: string): Promise<AssessmentAttempts>;
  putMarks(auth: SessionActor, sessionId: string, input: z.output<typeof AssessmentMarksSchema>): Promise<AssessmentDocument>;
  putReflection(auth: SessionActor, sessionId: string, text: string): Promise<AssessmentDocument>;
  elicit(auth: SessionActor, sessionId: string, factId: string, elicited: boolean): Promise<DisclosureState>;
}
