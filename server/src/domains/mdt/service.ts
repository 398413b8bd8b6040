import type { z } from 'zod';
import type { CancerClocks, CancerMdtDiscussion } from '../../contract/cancer.js';
import type { ErrorDetail } from '../../contract/errors.js';
import {
  MAX_LISTINGS_PER_MEETING,
  MEETING_STATUS_LABELS,
  MEETING_STATUSES,
  MEETING_TRANSITIONS,
  type ActionCreateSchema,
  type CoordinatorQuery,
  type CoordinatorView,
  type ListingCreateSchema,
  type ListingUpdateSchema,
  type MdtAction,
  type MdtListing,
  type MdtMeeting,
  type MeetingCreateSchema,
  type MeetingStatus,
  type MeetingUpdateSchema,
} from '../../contract/mdt.js';
import type { Db, Queryable } from '../../db/types.js';
import { AppError, conflict, forbidden, notFound, validationFailed } from '../../errors.js';
import type { AuthContext } from '../../auth/context.js';
import { ownedResource } from '../../kit/owned-resource.js';
import { recordAdminView } from '../../kit/oversight.js';
import { addDays, coordinatorPlan } from './coordinator.js';
import { moveTo, positionChanges, without } from './positions.js';
import { EMPTY_SUMMARY, presentAction, presentListing, presentMeeting, presentOutcome } from './present.js';
import * as repo from './repo.js';
import type { ActionRow, ListingRow, MeetingRow } from './repo.js';
import { listingProblems, meetingProblems } from './rules.js';
import { isReady, meetingSummary } from './summary.js';

/**
 * What the MDT domain needs of the cancer domain's services (`domains.get('cancer')`): the clocks
 * of the listed pathways, whether a pathway is the caller's, and a way to show each pathway's
 * listings on `GET /api/cancer/:id`.
 */
export interface CancerPort {
  attachDiscussions(reader: (tx: Queryable, userId: string, cancerPathwayId: string) => Promise<CancerMdtDiscussion[]>): void;
  clocksIn(tx: Queryable, userId: string, ids: string[], asOf: string): Promise<Map<string, CancerClocks>>;
  findIn(tx: Queryable, userId: string, id: string): Promise<unknown>;
}

type MeetingInput = z.output<typeof MeetingCreateSchema>;
type MeetingChanges = z.output<typeof MeetingUpdateSchema>;
type ListingInput = z.output<typeof ListingCreateSchema>;
type ListingChangesInput = z.output<typeof ListingUpdateSchema>;
type ActionInput = z.output<typeof ActionCreateSchema>;

function refuse(found: ErrorDetail[]) {
  if (found.length > 0) throw validationFailed(found[0]!.message, found);
}

const listingHidden = () => notFound('This patient is not on this meeting’s list, or the meeting is not yours');
const pathwayHidden = () => notFound('This cancer pathway does not exist, or it is not yours');
const alreadyListed = () =>
  new AppError(409, 'conflict', 'This patient is already listed for this meeting', [{ path: 'cancer_pathway_id', message: 'Already listed for this meeting' }]);

/** The unique (meeting, pathway) constraint refused the listing: a concurrent request, or an earlier one, listed the pathway first. */
function isListedTwice(err: unknown): boolean {
  const e = err as { code?: string; constraint?: string };
  return e.code === '23505' && (e.constraint === undefined || e.constraint === 'mdt_listings_once_per_meeting');
}

export type MdtService = ReturnType<typeof createMdtService>;

export function createMdtService({ db, cancer, today }: { db: Db; cancer: CancerPort; today: () => string }) {
  /** Each meeting's summary, from its listings and open actions, in the caller's transaction. */
  async function withSummaries(tx: Queryable, items: MdtMeeting[]): Promise<MdtMeeting[]> {
    const ids = items.map((m) => m.id);
    const [listings, actions] = [await repo.listingsOfMeetings(tx, ids), await repo.openActionsOfMeetings(tx, ids)];
    return items.map((m) => ({
      ...m,
      summary: meetingSummary(
        listings.filter((l) => l.meeting_id === m.id),
        actions.filter((a) => a.meeting_id === m.id),
      ),
    }));
  }

  const meetings = ownedResource<MeetingRow, MdtMeeting>(
    db,
    {
      noun: 'meeting',
      table: 'public.mdt_meetings',
      insertColumns: ['tumour_site', 'meeting_date', 'start_time', 'attendees', 'status', 'notes'],
      updateColumns: ['tumour_site', 'meeting_date', 'start_time', 'attendees', 'status', 'notes'],
      jsonColumns: ['attendees'],
      filters: {
        from: (v: string, p) => `t.meeting_date >= ${p(v)}::date`,
        to: (v: string, p) => `t.meeting_date <= ${p(v)}::date`,
        tumour_site: (v: string, p) => `t.tumour_site = ${p(v)}`,
        status: (v: string, p) => `t.status = ${p(v)}`,
      },
      // By date, then start time (a meeting without one after those with one that day).
      sort: {
        keys: [
          { expr: 't.meeting_date', type: 'date' },
          { expr: "coalesce(t.start_time, '99:99')", type: 'text' },
        ],
        dir: 'asc',
      },
      workflow: {
        column: 'status',
        workflow: { statuses: MEETING_STATUSES, transitions: MEETING_TRANSITIONS },
        label: (s) => MEETING_STATUS_LABELS[s as MeetingStatus] ?? s,
      },
      present: (r) => presentMeeting(r, EMPTY_SUMMARY),
      enrich: (tx, items) => withSummaries(tx, items),
    },
    today,
  );

  const actions = ownedResource<ActionRow, MdtAction>(
    db,
    {
      noun: 'action',
      table: 'public.mdt_actions',
      insertColumns: ['meeting_id', 'listing_id', 'description', 'owner', 'due_date'],
      updateColumns: ['description', 'owner', 'due_date', 'done'],
      filters: {
        open: (v: boolean) => (v ? 'not t.done' : 't.done'),
        // Overdue: not done and due before today.
        overdue: (v: boolean, p, ctx) => `${v ? '' : 'not '}(not t.done and t.due_date < ${p(ctx.today)}::date)`,
        meeting_id: (v: string, p) => `t.meeting_id = ${p(v)}`,
      },
      sort: { keys: [{ expr: 't.due_date', type: 'date' }], dir: 'asc' },
      present: presentAction,
    },
    today,
  );

  /**
   * Whose rows a GET reads: the caller's, or (admins only) the named person's — read-only, and
   * recorded on the admin oversight log in the same transaction.
   */
  async function readScope(tx: Queryable, auth: AuthContext, ownerId: string | undefined, action: string, detail: Record<string, unknown> = {}) {
    if (ownerId === undefined || ownerId === auth.account.id) return auth.account.id;
    if (auth.account.role !== 'admin') throw forbidden('Only admins read other people’s rows');
    await recordAdminView(tx, auth.account.id, action, ownerId, detail);
    return ownerId;
  }

  /** The listings with their pathways' clocks at `asOf` (read for the listings' owner). */
  async function presentListings(tx: Queryable, ownerId: string, rows: readonly ListingRow[], asOf: string): Promise<MdtListing[]> {
    const clocks = await cancer.clocksIn(tx, ownerId, [...new Set(rows.map((r) => r.cancer_pathway_id))], asOf);
    return rows.map((r) => presentListing(r, clocksOf(clocks, r.cancer_pathway_id)));
  }

  /** The meeting, locked for a change to its list; 404 when the caller cannot change it. */
  async function lockedMeeting(tx: Queryable, meetingId: string): Promise<MeetingRow> {
    const meeting = await repo.lockMeeting(tx, meetingId);
    if (!meeting) throw meetings.hidden();
    return meeting;
  }

  async function listingAfterWrite(tx: Queryable, meeting: MeetingRow, listingId: string): Promise<MdtListing> {
    const row = (await repo.findListing(tx, meeting.id, listingId))!;
    return (await presentListings(tx, meeting.user_id, [row], today()))[0]!;
  }

  return {
    meetings: {
      list: meetings.list,
      get: meetings.get,
      remove: meetings.remove,

      async create(auth: AuthContext, input: MeetingInput): Promise<MdtMeeting> {
        refuse(meetingProblems(input, [], today()));
        return meetings.create(auth, input);
      },

      /**
       * The kit's versioned update (404, 409, workflow), then the rules between the meeting and
       * its listings' outcomes on the meeting as changed; a refusal undoes the write.
       */
      async update(auth: AuthContext, id: string, input: MeetingChanges): Promise<MdtMeeting> {
        const { version, ...changes } = input;
        return db.asUser(auth.claims, async (tx) => {
          const { after } = await meetings.updateIn(tx, id, version, changes);
          refuse(meetingProblems(after, await repo.listingsOf(tx, id), today()));
          return meetings.presentIn(tx, after, auth.account.id);
        });
      },
    },

    listings: {
      /** The meeting's list in position order, each patient's clocks at `asOf` (default today). */
      async list(auth: AuthContext, meetingId: string, asOf: string | undefined): Promise<{ items: MdtListing[] }> {
        return db.asUser(auth.claims, async (tx) => {
          const meeting = await meetings.findIn(tx, meetingId);
          if (!meeting) throw meetings.hidden();
          await readScope(tx, auth, meeting.user_id, 'mdt_listings.list', { meeting_id: meetingId });
          return { items: await presentListings(tx, meeting.user_id, await repo.listingsOf(tx, meetingId), asOf ?? today()) };
        });
      },

      /**
       * Appends the patient at the end of the list. A pathway is listed once per meeting: the
       * unique constraint decides, so of two concurrent requests one is 201 and the other 409.
       */
      async create(auth: AuthContext, meetingId: string, input: ListingInput): Promise<MdtListing> {
        try {
          return await db.asUser(auth.claims, async (tx) => {
            const meeting = await lockedMeeting(tx, meetingId);
            // The database refuses another user's pathway too (the insert policy); this names it.
            if (!(await cancer.findIn(tx, auth.account.id, input.cancer_pathway_id))) throw pathwayHidden();
            if ((await repo.listingsOf(tx, meetingId)).length >= MAX_LISTINGS_PER_MEETING) {
              throw validationFailed(`A meeting lists at most ${MAX_LISTINGS_PER_MEETING} patients`);
            }
            const id = await repo.insertListing(tx, { meeting_id: meetingId, ...input });
            return listingAfterWrite(tx, meeting, id);
          });
        } catch (err) {
          if (isListedTwice(err)) throw alreadyListed();
          throw err;
        }
      },

      /**
       * Changes a listing at the version the caller holds. A new position moves the patient and
       * closes up the others (their positions, and so their versions, change too).
       */
      async update(auth: AuthContext, meetingId: string, listingId: string, input: ListingChangesInput): Promise<MdtListing> {
        return db.asUser(auth.claims, async (tx) => {
          const meeting = await lockedMeeting(tx, meetingId);
          const before = await repo.findListing(tx, meetingId, listingId, { lock: true });
          if (!before) throw listingHidden();
          if (before.version !== input.version) throw conflict('This listing was changed since you opened it; reload and try again');
          const { version: _version, position, ...changes } = input;
          const next = { ...before, ...Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)) };
          refuse(listingProblems(next, meeting, today()));

          let moved: { id: string; position: number }[] = [];
          if (position !== undefined && position !== before.position) {
            const stored = await repo.listingsOf(tx, meetingId);
            if (position > stored.length) {
              throw validationFailed('No such position', [{ path: 'position', message: `There ${stored.length === 1 ? 'is 1 patient' : `are ${stored.length} patients`} on this list` }]);
            }
            moved = positionChanges(stored, moveTo(stored.map((s) => s.id), listingId, position));
          }
          await repo.updateListing(tx, listingId, { ...changes, ...(position !== undefined && position !== before.position ? { position } : {}) });
          await repo.setPositions(tx, moved.filter((m) => m.id !== listingId));
          return listingAfterWrite(tx, meeting, listingId);
        });
      },

      /** Takes the patient off the list (with their actions); those after move up one. */
      async remove(auth: AuthContext, meetingId: string, listingId: string): Promise<void> {
        await db.asUser(auth.claims, async (tx) => {
          await lockedMeeting(tx, meetingId);
          if (!(await repo.findListing(tx, meetingId, listingId, { lock: true }))) throw listingHidden();
          await repo.deleteListing(tx, listingId);
          const rest = await repo.listingsOf(tx, meetingId);
          await repo.setPositions(tx, positionChanges(rest, without(rest.map((r) => r.id), listingId)));
        });
      },
    },

    actions: {
      list: actions.list,
      get: actions.get,
      update: actions.update,
      remove: actions.remove,

      /** An action for a listed patient; the meeting in the path must be the listing's. */
      async create(auth: AuthContext, meetingId: string, listingId: string, input: ActionInput): Promise<MdtAction> {
        return db.asUser(auth.claims, async (tx) => {
          if (!(await repo.findListing(tx, meetingId, listingId))) throw listingHidden();
          return presentAction(await actions.createIn(tx, { ...input, meeting_id: meetingId, listing_id: listingId }));
        });
      },
    },

    /** The coordinator's desk at `as_of` (default today): see coordinator.ts. An extension of the contract. */
    async coordinator(auth: AuthContext, q: CoordinatorQuery): Promise<CoordinatorView> {
      const asOf = q.as_of ?? today();
      return db.asUser(auth.claims, async (tx) => {
        const ownerId = await readScope(tx, auth, q.user_id, 'mdt_coordinator.view', { as_of: asOf });
        const rows = await repo.coordinatorRows(tx, ownerId, asOf, addDays(asOf, q.days - 1));
        const plan = coordinatorPlan(rows, asOf, q.days);
        const pathways = [...plan.not_ready, ...plan.to_communicate].map((e) => e.listing.cancer_pathway_id);
        const clocks = await cancer.clocksIn(tx, ownerId, [...new Set(pathways)], asOf);
        const context = (meeting: MeetingRow, listing: ListingRow) => ({
          meeting_id: meeting.id,
          meeting_date: meeting.meeting_date,
          tumour_site: meeting.tumour_site,
          listing_id: listing.id,
          cancer_pathway_id: listing.cancer_pathway_id,
          patient_name: listing.patient_name,
        });
        return {
          as_of: asOf,
          days: q.days,
          upcoming: plan.upcoming.map((u) => presentMeeting(u.meeting, u.summary)),
          not_ready: plan.not_ready.map((e) => ({
            ...context(e.meeting, e.listing),
            position: e.listing.position,
            outstanding: e.outstanding,
            clocks: clocksOf(clocks, e.listing.cancer_pathway_id),
          })),
          to_communicate: plan.to_communicate.map((e) => ({
            ...context(e.meeting, e.listing),
            outcome: e.listing.outcome!,
            days_since_meeting: e.days_since_meeting,
            clocks: clocksOf(clocks, e.listing.cancer_pathway_id),
          })),
          overdue_actions: plan.overdue_actions.map((e) => {
            const { meeting_id: _m, listing_id: _l, ...where } = context(e.meeting, e.listing);
            return { ...presentAction(e.action), ...where, days_overdue: e.days_overdue };
          }),
        };
      });
    },

    /** A pathway's listings for `GET /api/cancer/:id`, newest meeting first (read for the pathway's owner). */
    async discussionsOf(tx: Queryable, userId: string, cancerPathwayId: string): Promise<CancerMdtDiscussion[]> {
      const rows = await repo.discussionsOf(tx, userId, cancerPathwayId);
      return rows.map(({ checklist, ...d }) => ({ ...d, ready: isReady(checklist), outcome: d.outcome && presentOutcome(d.outcome) }));
    },
  };
}

/** A listed pathway's clocks; the listing goes with its pathway, so they are always there. */
function clocksOf(clocks: Map<string, CancerClocks>, pathwayId: string): CancerClocks {
  const found = clocks.get(pathwayId);
  if (!found) throw new Error(`no clocks for the listed pathway ${pathwayId}`);
  return found;
}
