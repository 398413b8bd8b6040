// Rows as the API shows them. Every field is named, so a column added to a table never leaves the
// server by accident.
import type { CancerClocks, MdtOutcome } from '../../contract/cancer.js';
import type { ExportMdtListing, ExportMdtMeeting, MdtAction, MdtListing, MdtMeeting, MeetingSummary } from '../../contract/mdt.js';
import { iso } from '../../kit/owned-resource.js';
import type { ActionRow, ListingRow, MeetingRow } from './repo.js';
import { isReady } from './summary.js';

export function presentMeeting(r: MeetingRow, summary: MeetingSummary): MdtMeeting {
  return {
    id: r.id,
    tumour_site: r.tumour_site,
    meeting_date: r.meeting_date,
    start_time: r.start_time,
    attendees: r.attendees.map((a) => ({ name: a.name, role: a.role })),
    status: r.status,
    notes: r.notes,
    summary,
    version: r.version,
    created_at: iso(r.created_at)!,
    updated_at: iso(r.updated_at)!,
  };
}

/** A listing's stored values (the export's listing). */
function listingFields(r: ListingRow): ExportMdtListing {
  return {
    id: r.id,
    meeting_id: r.meeting_id,
    cancer_pathway_id: r.cancer_pathway_id,
    patient_name: r.patient_name,
    position: r.position,
    reason: r.reason,
    discussion: r.discussion,
    checklist: r.checklist.map((i) => ({ item: i.item, ready: i.ready })),
    outcome: r.outcome && presentOutcome(r.outcome),
    outcome_communicated_date: r.outcome_communicated_date,
    version: r.version,
    created_at: iso(r.created_at)!,
    updated_at: iso(r.updated_at)!,
  };
}

/** The outcome's fields in the contract's order (jsonb keeps its own). */
export function presentOutcome(o: MdtOutcome): MdtOutcome {
  return {
    recommendation: o.recommendation,
    intent: o.intent,
    planned_treatment: [...o.planned_treatment],
    stage_tnm: o.stage_tnm,
    performance_status: o.performance_status,
    rediscuss: o.rediscuss,
  };
}

/** A listing with what is computed at read time: its readiness and its pathway's clocks. */
export function presentListing(r: ListingRow, clocks: CancerClocks): MdtListing {
  return { ...listingFields(r), ready: isReady(r.checklist), clocks };
}

export function presentAction(r: ActionRow): MdtAction {
  return {
    id: r.id,
    meeting_id: r.meeting_id,
    listing_id: r.listing_id,
    description: r.description,
    owner: r.owner,
    due_date: r.due_date,
    done: r.done,
    version: r.version,
    created_at: iso(r.created_at)!,
    updated_at: iso(r.updated_at)!,
  };
}

/** The export: each meeting with its listings (position order) and its actions; stored values only, nothing computed. */
export function exportMeetings(rows: { meetings: MeetingRow[]; listings: ListingRow[]; actions: ActionRow[] }): ExportMdtMeeting[] {
  return rows.meetings.map((m) => {
    const { summary: _summary, ...meeting } = presentMeeting(m, EMPTY_SUMMARY);
    return {
      ...meeting,
      listings: rows.listings
        .filter((l) => l.meeting_id === m.id)
        .map(listingFields),
      actions: rows.actions.filter((a) => a.meeting_id === m.id).map(presentAction),
    };
  });
}

export const EMPTY_SUMMARY: MeetingSummary = { listed: 0, ready: 0, outstanding_items: 0, outcomes_recorded: 0, outcomes_to_communicate: 0, open_actions: 0 };
