// Assessment reads; as the caller, RLS shows the candidate nothing before feedback.
import type { Queryable } from '../../db/types.js';

export interface AssessmentRow {
  session_id: string;
  marks: Record<string, number>;
  checklist: Record<string, boolean>;
  global_rating: string | null;
  strengths: string;
  improvements: string;
  self_reflection: string;
  elicited_facts: string[];
  auto_analysis: unknown;
  completed_at: Date | null;
}

export async function readAssessment(tx: Queryable, sessionId: string): Promise<AssessmentRow | null> {
  const { rows } = await tx.query<AssessmentRow>('select * from public.session_assessments where session_id = $1', [sessionId]);
  return rows[0] ?? null;
}

