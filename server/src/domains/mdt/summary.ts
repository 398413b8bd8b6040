// The readiness and summary rules of a meeting's list (API-modules.md, "MDT meetings"), pure: the
// service hands in rows, the unit tests hand in anything.
import type { ChecklistItem, MeetingSummary } from '../../contract/mdt.js';

/** What the summary reads of a listing. */
export interface ListingFacts {
  checklist: readonly ChecklistItem[];
  outcome: object | null;
  outcome_communicated_date: string | null;
}

/** Ready for discussion: every item gathered. An empty checklist has nothing missing, so it is ready. */
export function isReady(checklist: readonly ChecklistItem[]): boolean {
  return checklist.every((i) => i.ready);
}

/** The items still missing, in checklist order. */
export function outstandingItems(checklist: readonly ChecklistItem[]): string[] {
  return checklist.filter((i) => !i.ready).map((i) => i.item);
}

/** An outcome that the patient has not yet been told (as of `asOf` when given: a later date has not happened yet). */
export function awaitsCommunication(l: Pick<ListingFacts, 'outcome' | 'outcome_communicated_date'>, asOf?: string): boolean {
  if (l.outcome === null) return false;
  if (l.outcome_communicated_date === null) return true;
  return asOf !== undefined && l.outcome_communicated_date > asOf;
}

/** A meeting's figures from its listings and its actions. */
export function meetingSummary(listings: readonly ListingFacts[], actions: readonly { done: boolean }[]): MeetingSummary {
  let ready = 0;
  let outstanding = 0;
  let recorded = 0;
  let toCommunicate = 0;
  for (const l of listings) {
    const missing = outstandingItems(l.checklist).length;
    if (missing === 0) ready += 1;
    outstanding += missing;
    if (l.outcome !== null) recorded += 1;
    if (awaitsCommunication(l)) toCommunicate += 1;
  }
  return {
    listed: listings.length,
    ready,
    outstanding_items: outstanding,
    outcomes_recorded: recorded,
    outcomes_to_communicate: toCommunicate,
    open_actions: actions.filter((a) => !a.done).length,
  };
}
