// The MDT coordinator's desk (domain/nhs-waiting-times.md §5: before the meeting, chase what is
// missing; after it, see outcomes told and actions done), worked out from rows, pure. The contract
// asks only for the actions list; this view is an extension: `GET /api/mdt/coordinator`.
import type { MeetingStatus, MeetingSummary } from '../../contract/mdt.js';
import { awaitsCommunication, meetingSummary, outstandingItems, type ListingFacts } from './summary.js';

export interface CoordinatorMeeting {
  id: string;
  meeting_date: string;
  start_time: string | null;
  status: MeetingStatus;
}

export interface CoordinatorListing extends ListingFacts {
  id: string;
  meeting_id: string;
  position: number;
}

export interface CoordinatorAction {
  id: string;
  listing_id: string;
  due_date: string;
  done: boolean;
}

export interface CoordinatorPlan<M, L, A> {
  upcoming: { meeting: M; summary: MeetingSummary }[];
  not_ready: { meeting: M; listing: L; outstanding: string[] }[];
  to_communicate: { meeting: M; listing: L; days_since_meeting: number }[];
  overdue_actions: { action: A; meeting: M; listing: L; days_overdue: number }[];
}

const DAY_MS = 86_400_000;
const dayNumber = (date: string) => Date.parse(`${date}T00:00:00Z`) / DAY_MS;
export const daysBetween = (earlier: string, later: string) => dayNumber(later) - dayNumber(earlier);
export const addDays = (date: string, n: number) => new Date((dayNumber(date) + n) * DAY_MS).toISOString().slice(0, 10);

/** Soonest first; a meeting without a start time after those with one that day. */
function byMeetingTime(a: CoordinatorMeeting, b: CoordinatorMeeting): number {
  return a.meeting_date.localeCompare(b.meeting_date) || (a.start_time ?? '99:99').localeCompare(b.start_time ?? '99:99') || a.id.localeCompare(b.id);
}

/**
 * What the coordinator should look at on `asOf`:
 * - `upcoming`: planned meetings from `asOf` to `asOf + horizonDays − 1`, soonest first, each with
 *   its summary (its listings and actions must all be among the rows given);
 * - `not_ready`: the patients listed at those meetings with checklist items still missing;
 * - `to_communicate`: outcomes recorded at meetings up to `asOf` and not told to the patient by
 *   `asOf` (a later date has not happened yet), longest waiting first;
 * - `overdue_actions`: actions not done, due before `asOf`, most overdue first.
 * Rows the view does not need are ignored, so the caller may hand in a superset.
 */
export function coordinatorPlan<M extends CoordinatorMeeting, L extends CoordinatorListing, A extends CoordinatorAction>(
  rows: { meetings: readonly M[]; listings: readonly L[]; actions: readonly A[] },
  asOf: string,
  horizonDays: number,
): CoordinatorPlan<M, L, A> {
  const meetingById = new Map(rows.meetings.map((m) => [m.id, m]));
  const listingById = new Map(rows.listings.map((l) => [l.id, l]));
  const listingsOf = (meetingId: string) => rows.listings.filter((l) => l.meeting_id === meetingId).sort((a, b) => a.position - b.position);
  const last = addDays(asOf, horizonDays - 1);

  const upcomingMeetings = rows.meetings.filter((m) => m.status === 'planned' && m.meeting_date >= asOf && m.meeting_date <= last).sort(byMeetingTime);
  const upcoming = upcomingMeetings.map((meeting) => {
    const listings = listingsOf(meeting.id);
    const ids = new Set(listings.map((l) => l.id));
    return { meeting, summary: meetingSummary(listings, rows.actions.filter((a) => ids.has(a.listing_id))) };
  });

  const not_ready = upcomingMeetings.flatMap((meeting) =>
    listingsOf(meeting.id).flatMap((listing) => {
      const outstanding = outstandingItems(listing.checklist);
      return outstanding.length ? [{ meeting, listing, outstanding }] : [];
    }),
  );

  const to_communicate = rows.listings
    .flatMap((listing) => {
      const meeting = meetingById.get(listing.meeting_id);
      if (!meeting || meeting.meeting_date > asOf || !awaitsCommunication(listing, asOf)) return [];
      return [{ meeting, listing, days_since_meeting: daysBetween(meeting.meeting_date, asOf) }];
    })
    .sort((a, b) => byMeetingTime(a.meeting, b.meeting) || a.listing.position - b.listing.position);

  const overdue_actions = rows.actions
    .flatMap((action) => {
      const listing = listingById.get(action.listing_id);
      const meeting = listing && meetingById.get(listing.meeting_id);
      if (!listing || !meeting || action.done || action.due_date >= asOf) return [];
      return [{ action, meeting, listing, days_overdue: daysBetween(action.due_date, asOf) }];
    })
    .sort((a, b) => a.action.due_date.localeCompare(b.action.due_date) || byMeetingTime(a.meeting, b.meeting) || a.action.id.localeCompare(b.action.id));

  return { upcoming, not_ready, to_communicate, overdue_actions };
}
