// What the assessments domain adds to the app: the assessment service (its routes and socket
// events are the sessions domain's, under /api/sessions/:id/assessment), and the assessments of
// the person's stations in their personal-data export.
import type { ExportAssessment } from '../../contract/portfolio.js';
import type { GlobalRating, SessionRole } from '../../contract/sessions.js';
import type { Queryable } from '../../db/types.js';
import { isoOrNull } from '../facts.js';
import { defineDomain } from '../registry.js';
import { createAssessmentsService, type AssessmentsService } from './service.js';

declare module '../registry.js' {
  interface DomainServices {
    assessments: AssessmentsService;
  }
}

export const assessmentsDomain = defineDomain({
  name: 'assessments',
  services: ({ db, realtime, storage, logger }) => createAssessmentsService({ db, realtime, storage, logger }),
  providers: () => ({
    async exportFor(tx, userId) {
      const rows = await exportAssessments(tx, userId);
      return {
        assessments: rows.map(
          (a): ExportAssessment => ({
            session_id: a.session_id,
            role: a.role,
            marks: a.marks,
            checklist: a.checklist,
            global_rating: a.global_rating as GlobalRating | null,
            feedback: { strengths: a.strengths, improvements: a.improvements },
            self_reflection: a.self_reflection,
            elicited_facts: a.elicited_facts,
            auto_analysis: a.auto_analysis,
            completed_at: isoOrNull(a.completed_at),
            updated_at: a.updated_at.toISOString(),
          }),
        ),
      };
    },
  }),
});

// SQL, run as the person (RLS: participants read their station's assessment). It belongs in
// repo.ts; it waits here while the sessions and assessments domains are being split.

interface ExportAssessmentRow {
  session_id: string;
  /** The person's role in the station, as the sessions' export gives it. */
  role: SessionRole;
  marks: Record<string, number>;
  checklist: Record<string, boolean>;
  global_rating: string | null;
  strengths: string;
  improvements: string;
  self_reflection: string;
  elicited_facts: string[];
  auto_analysis: unknown;
  completed_at: Date | null;
  updated_at: Date;
}

/** The assessment of every station the person hosted or joined. */
async function exportAssessments(tx: Queryable, userId: string): Promise<ExportAssessmentRow[]> {
  const { rows } = await tx.query<ExportAssessmentRow>(
    `select a.session_id,
            case when (p.host_id is not distinct from $1) = (p.host_role = 'candidate') then 'candidate' else 'actor' end as role,
            a.marks, a.checklist, a.global_rating, a.strengths, a.improvements, a.self_reflection, a.elicited_facts, a.auto_analysis,
            a.completed_at, a.updated_at
       from public.session_assessments a join public.practice_sessions p on p.id = a.session_id
      where p.host_id = $1 or p.guest_id = $1
      order by a.session_id`,
    [userId],
  );
  return rows;
}
