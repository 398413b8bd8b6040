import type { ClinicalPriority, Clock, Pathway, PathwayDetail, PathwayStage, PathwayType, PtlEvent, PtlEventType } from '../../contract/ptl.js';
import type { computeClock } from './clock.js';
import type { EventRow, PathwayRow } from './repo.js';

export function presentEvent(e: EventRow): PtlEvent {
  return {
    id: e.id,
    pathway_id: e.pathway_id,
    event_type: e.event_type as PtlEventType,
    event_date: e.event_date,
    rtt_status: e.rtt_status,
    appointment_communicated: e.appointment_communicated,
    note: e.note,
    created_at: e.created_at.toISOString(),
  };
}

export function presentPathway(p: PathwayRow, clock: Clock): Pathway {
  return {
    id: p.id,
    patient_id: p.patient_id,
    patient_name: p.patient_name,
    nhs_number: p.nhs_number,
    specialty: p.specialty,
    referral_date: p.referral_date,
    clock_start_date: p.clock_start_date,
    pathway_type: p.pathway_type as PathwayType,
    priority: p.priority as ClinicalPriority | null,
    current_status: p.current_status as PathwayStage,
    clock,
    version: p.version,
    created_at: p.created_at.toISOString(),
    updated_at: p.updated_at.toISOString(),
  };
}

export function presentPathwayDetail(p: PathwayRow, events: EventRow[], result: ReturnType<typeof computeClock>): PathwayDetail {
  return { ...presentPathway(p, result.clock), events: events.map(presentEvent), periods: result.periods };
}
