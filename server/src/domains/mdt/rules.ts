// What must hold between a meeting and its listings, pure: checked on the row as it would be after
// a write, so a PATCH is judged whole (API-modules.md; domain/nhs-waiting-times.md §5).
//
// - An outcome is what the meeting recommended: it is recorded once the meeting's date has come,
//   and never for a cancelled meeting.
// - The date the outcome was told to the patient needs an outcome, is on or after the meeting date
//   and not after today.
// - So a meeting with outcomes cannot move into the future, after a date an outcome was told, or
//   be cancelled; and it cannot be held before its date.
import type { ErrorDetail } from '../../contract/errors.js';
import type { MeetingStatus } from '../../contract/mdt.js';

export interface MeetingFacts {
  meeting_date: string;
  status: MeetingStatus;
}

export interface OutcomeFacts {
  outcome: object | null;
  outcome_communicated_date: string | null;
}

/** Problems with a listing's outcome fields at its meeting, today being `today`. */
export function listingProblems(next: OutcomeFacts, meeting: MeetingFacts, today: string): ErrorDetail[] {
  const found: ErrorDetail[] = [];
  if (next.outcome !== null) {
    if (meeting.status === 'cancelled') {
      found.push({ path: 'outcome', message: 'This meeting was cancelled: list the patient at another meeting to record an outcome' });
    } else if (meeting.meeting_date > today) {
      found.push({ path: 'outcome', message: `The meeting has not happened yet: record the outcome on or after ${meeting.meeting_date}` });
    }
  }
  const told = next.outcome_communicated_date;
  if (told !== null) {
    if (next.outcome === null) found.push({ path: 'outcome_communicated_date', message: 'Record the outcome before the date it was told to the patient' });
    else if (told < meeting.meeting_date) found.push({ path: 'outcome_communicated_date', message: `Cannot be before the meeting (${meeting.meeting_date})` });
    else if (told > today) found.push({ path: 'outcome_communicated_date', message: 'Cannot be after today' });
  }
  return found;
}

/** Problems with a meeting's date and status, given its listings' outcomes. */
export function meetingProblems(next: MeetingFacts, listings: readonly OutcomeFacts[], today: string): ErrorDetail[] {
  const found: ErrorDetail[] = [];
  if (next.status === 'held' && next.meeting_date > today) found.push({ path: 'status', message: 'A meeting cannot be held before its date' });
  const withOutcome = listings.filter((l) => l.outcome !== null);
  if (withOutcome.length === 0) return found;
  if (next.status === 'cancelled') {
    found.push({ path: 'status', message: 'Outcomes are recorded at this meeting: it cannot be cancelled' });
  }
  if (next.meeting_date > today) {
    found.push({ path: 'meeting_date', message: 'Outcomes are recorded at this meeting: its date cannot be in the future' });
  } else {
    const earliestTold = withOutcome
      .map((l) => l.outcome_communicated_date)
      .filter((d): d is string => d !== null)
      .sort()[0];
    if (earliestTold !== undefined && earliestTold < next.meeting_date) {
      found.push({ path: 'meeting_date', message: `An outcome of this meeting was told to a patient on ${earliestTold}: the meeting cannot be after that` });
    }
  }
  return found;
}
