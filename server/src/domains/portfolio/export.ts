// The data-portability export (docs/export-format.md) from the rows the caller may read. Every
// field is named here, so a column added to a table never leaves the server by accident.
import type { Role, TrainingLevel } from '../../contract/accounts.js';
import type { CaseCategory, CaseDomain } from '../../contract/cases.js';
import {
  EXPORT_FORMAT,
  EXPORT_VERSION,
  type ExportAssessment,
  type ExportPathway,
  type ExportSession,
  type PortfolioExport,
} from '../../contract/portfolio.js';
import type { GlobalRating, SessionRole, SessionStatus } from '../../contract/sessions.js';
import { iso } from './build.js';
import type * as repo from './repo.js';

type Row = Record<string, unknown>;
type Rows<F extends (...args: never[]) => Promise<unknown>> = Awaited<ReturnType<F>>;

const isoOrNull = (v: unknown) => (v instanceof Date || typeof v === 'string' ? iso(v) : null);
const str = (v: unknown) => String(v);
const strOrNull = (v: unknown) => (v === null || v === undefined ? null : String(v));

export interface ExportInput {
  person: repo.PersonRow;
  ptl: Rows<typeof repo.exportPathways>;
  cases: Rows<typeof repo.exportCases>;
  sessions: repo.ExportSessionRow[];
  segments: Rows<typeof repo.exportTranscriptSegments>;
  assessments: Rows<typeof repo.exportAssessments>;
  records: Rows<typeof repo.exportMedicalRecords>;
  now: Date;
}

function pathway(p: Row, events: Row[]): ExportPathway {
  return {
    id: str(p.id),
    patient_id: str(p.patient_id),
    patient_name: str(p.patient_name),
    nhs_number: strOrNull(p.nhs_number),
    specialty: str(p.specialty),
    referral_date: str(p.referral_date),
    clock_start_date: str(p.clock_start_date),
    pathway_type: str(p.pathway_type),
    priority: strOrNull(p.priority),
    current_status: str(p.current_status),
    clock_state: str(p.clock_state),
    clock_period_start: str(p.clock_period_start),
    clock_stop_date: strOrNull(p.clock_stop_date),
    on_ptl: Boolean(p.on_ptl),
    version: Number(p.version),
    created_at: isoOrNull(p.created_at)!,
    updated_at: isoOrNull(p.updated_at)!,
    events: events.map((e) => ({
      id: str(e.id),
      event_type: str(e.event_type),
      event_date: str(e.event_date),
      rtt_status: str(e.rtt_status),
      appointment_communicated: Boolean(e.appointment_communicated),
      note: str(e.note),
      created_at: isoOrNull(e.created_at)!,
    })),
  };
}

function session(s: repo.ExportSessionRow): ExportSession {
  return {
    id: s.id,
    role: s.role,
    host_id: s.host_id,
    guest_id: s.guest_id,
    candidate_id: s.candidate_id,
    datetime_utc: iso(s.datetime_utc),
    type: s.type,
    status: s.status as SessionStatus,
    phase: s.phase,
    preset: s.preset,
    timing: { reading_s: s.reading_s, consultation_s: s.consultation_s, feedback_s: s.feedback_s, warning_s: s.warning_s },
    station_started_at: isoOrNull(s.station_started_at),
    completed_at: isoOrNull(s.completed_at),
    previous_session_id: s.previous_session_id,
    created_at: iso(s.created_at),
    updated_at: iso(s.updated_at),
    case_id: s.case_id,
    case: s.brief,
    gaps: s.gaps,
  };
}

/** The whole export document. */
export function buildExport(input: ExportInput): PortfolioExport {
  const { person } = input;
  const eventsByPathway = new Map<string, Row[]>();
  for (const e of input.ptl.events) {
    const list = eventsByPathway.get(e.pathway_id) ?? [];
    list.push(e);
    eventsByPathway.set(e.pathway_id, list);
  }
  const roleBySession = new Map<string, SessionRole>(input.sessions.map((s) => [s.id, s.role]));
  const segmentsBySession = new Map<string, PortfolioExport['transcripts'][number]['segments']>();
  for (const g of input.segments) {
    const list = segmentsBySession.get(g.session_id) ?? [];
    list.push({ speaker: g.speaker as SessionRole, at_ms: g.at_ms, text: g.text, author_id: g.author_id, created_at: iso(g.created_at) });
    segmentsBySession.set(g.session_id, list);
  }

  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exported_at: input.now.toISOString(),
    account: {
      id: person.id,
      email: person.email,
      role: person.role as Role,
      created_at: iso(person.created_at),
      last_seen_at: isoOrNull(person.last_seen_at),
    },
    profile:
      person.first_name === null
        ? null
        : {
            first_name: person.first_name,
            last_name: person.last_name ?? '',
            training_level: person.training_level as TrainingLevel,
            avatar: person.avatar,
            version: person.profile_version ?? 1,
            created_at: isoOrNull(person.profile_created_at)!,
            updated_at: isoOrNull(person.profile_updated_at)!,
          },
    ptl: { pathways: input.ptl.pathways.map((p) => pathway(p, eventsByPathway.get(p.id) ?? [])) },
    cases: input.cases.map((c) => ({
      id: str(c.id),
      case_name: str(c.case_name),
      internal_name: str(c.internal_name),
      category: c.category as CaseCategory,
      domain: c.domain as CaseDomain,
      condition: strOrNull(c.condition),
      candidate_brief: c.candidate_brief ?? null,
      actor_brief: c.actor_brief ?? null,
      mark_scheme: c.mark_scheme ?? null,
      version: Number(c.version),
      created_at: isoOrNull(c.created_at)!,
      updated_at: isoOrNull(c.updated_at)!,
    })),
    sessions: input.sessions.map(session),
    transcripts: [...segmentsBySession.entries()].map(([session_id, segments]) => ({ session_id, segments })),
    assessments: input.assessments.map(
      (a): ExportAssessment => ({
        session_id: a.session_id,
        role: roleBySession.get(a.session_id) ?? 'candidate',
        marks: a.marks,
        checklist: a.checklist,
        global_rating: a.global_rating as GlobalRating | null,
        feedback: { strengths: a.strengths, improvements: a.improvements },
        self_reflection: a.self_reflection,
        elicited_facts: a.elicited_facts,
        auto_analysis: a.auto_analysis,
        completed_at: isoOrNull(a.completed_at),
        updated_at: iso(a.updated_at),
      }),
    ),
    medical_records: input.records.map((r) => ({
      id: r.id,
      role: r.doctor_id === person.id ? 'doctor' : 'patient',
      doctor_id: r.doctor_id,
      patient_id: r.patient_id,
      title: r.title,
      notes: r.notes,
      version: r.version,
      created_at: iso(r.created_at),
      updated_at: iso(r.updated_at),
    })),
  };
}
