// MDT SQL beyond the kit's, run as the caller: row-level security shows a user their own rows
// (and admins everyone's, read-only). A listing's patient name is its pathway's, read live.
import type { CancerMdtDiscussion, MdtOutcome, TumourSite } from '../../contract/cancer.js';
import type { Attendee, ChecklistItem, DiscussionKind, MeetingStatus } from '../../contract/mdt.js';
import type { Queryable } from '../../db/types.js';

export interface MeetingRow {
  id: string;
  user_id: string;
  tumour_site: TumourSite;
  meeting_date: string;
  start_time: string | null;
  attendees: Attendee[];
  status: MeetingStatus;
  notes: string;
  version: number;
  created_at: Date;
  updated_at: Date;
}

export interface ListingRow {
  id: string;
  user_id: string;
  meeting_id: string;
  cancer_pathway_id: string;
  patient_name: string;
  position: number;
  reason: string;
  discussion: DiscussionKind;
  checklist: ChecklistItem[];
  outcome: MdtOutcome | null;
  outcome_communicated_date: string | null;
  version: number;
  created_at: Date;
  updated_at: Date;
}

export interface ActionRow {
  id: string;
  user_id: string;
  meeting_id: string;
  listing_id: string;
  description: string;
  owner: string;
  due_date: string;
  done: boolean;
  version: number;
  created_at: Date;
  updated_at: Date;
}

const LISTING_SELECT = `select l.*, c.patient_name
  from public.mdt_listings l
  join public.cancer_pathways c on c.id = l.cancer_pathway_id`;

/** The meeting, locked: every write to a meeting's list takes this lock first, so its positions change one writer at a time. */
export async function lockMeeting(tx: Queryable, id: string): Promise<MeetingRow | null> {
  const { rows } = await tx.query<MeetingRow>('select * from public.mdt_meetings where id = $1 for update', [id]);
  return rows[0] ?? null;
}

/** A meeting's listings in position order. */
export async function listingsOf(tx: Queryable, meetingId: string): Promise<ListingRow[]> {
  const { rows } = await tx.query<ListingRow>(`${LISTING_SELECT} where l.meeting_id = $1 order by l.position, l.id`, [meetingId]);
  return rows;
}

/** The listings of these meetings, for their summaries. */
export async function listingsOfMeetings(tx: Queryable, meetingIds: readonly string[]): Promise<ListingRow[]> {
  if (meetingIds.length === 0) return [];
  const { rows } = await tx.query<ListingRow>(`${LISTING_SELECT} where l.meeting_id = any($1::uuid[]) order by l.meeting_id, l.position`, [meetingIds]);
  return rows;
}

/** The actions of these meetings not yet done. */
export async function openActionsOfMeetings(tx: Queryable, meetingIds: readonly string[]): Promise<ActionRow[]> {
  if (meetingIds.length === 0) return [];
  const { rows } = await tx.query<ActionRow>('select * from public.mdt_actions where meeting_id = any($1::uuid[]) and not done', [meetingIds]);
  return rows;
}

export async function findListing(tx: Queryable, meetingId: string, listingId: string, opts: { lock?: boolean } = {}): Promise<ListingRow | null> {
  // A row lock cannot take the joined pathway: lock the listing alone, then read it whole.
  if (opts.lock) {
    const locked = await tx.query('select id from public.mdt_listings where id = $1 and meeting_id = $2 for update', [listingId, meetingId]);
    if (locked.rows.length === 0) return null;
  }
  const { rows } = await tx.query<ListingRow>(`${LISTING_SELECT} where l.id = $1 and l.meeting_id = $2`, [listingId, meetingId]);
  return rows[0] ?? null;
}

/** Appends a listing after the meeting's last one (the caller holds the meeting's lock); its id. */
export async function insertListing(
  tx: Queryable,
  l: { meeting_id: string; cancer_pathway_id: string; reason: string; discussion: DiscussionKind; checklist: readonly ChecklistItem[] },
): Promise<string> {
  const { rows } = await tx.query<{ id: string }>(
    `insert into public.mdt_listings (meeting_id, cancer_pathway_id, position, reason, discussion, checklist)
     values ($1, $2, (select coalesce(max(position), 0) + 1 from public.mdt_listings where meeting_id = $1), $3, $4, $5::jsonb)
     returning id`,
    [l.meeting_id, l.cancer_pathway_id, l.reason, l.discussion, JSON.stringify(l.checklist)],
  );
  return rows[0]!.id;
}

export type ListingChanges = Partial<Pick<ListingRow, 'position' | 'reason' | 'discussion' | 'checklist' | 'outcome' | 'outcome_communicated_date'>>;
const JSON_COLUMNS = new Set(['checklist', 'outcome']);

/** Writes the given columns of one listing (its version moves once). */
export async function updateListing(tx: Queryable, id: string, changes: ListingChanges): Promise<void> {
  const set = Object.entries(changes).filter(([, v]) => v !== undefined);
  if (set.length === 0) return;
  await tx.query(
    `update public.mdt_listings set ${set.map(([c], i) => `${c} = $${i + 2}${JSON_COLUMNS.has(c) ? '::jsonb' : ''}`).join(', ')} where id = $1`,
    [id, ...set.map(([c, v]) => (JSON_COLUMNS.has(c) && v !== null ? JSON.stringify(v) : v))],
  );
}

/** New positions for several listings in one statement (the unique position check waits for the commit). */
export async function setPositions(tx: Queryable, changes: readonly { id: string; position: number }[]): Promise<void> {
  if (changes.length === 0) return;
  await tx.query(
    `update public.mdt_listings l set position = v.position
       from unnest($1::uuid[], $2::int[]) as v (id, position)
      where l.id = v.id`,
    [changes.map((c) => c.id), changes.map((c) => c.position)],
  );
}

export async function deleteListing(tx: Queryable, id: string): Promise<void> {
  await tx.query('delete from public.mdt_listings where id = $1', [id]);
}

/** A pathway's listings, newest meeting first: what `GET /api/cancer/:id` shows as `mdt` (with readiness). */
export async function discussionsOf(tx: Queryable, userId: string, cancerPathwayId: string): Promise<(Omit<CancerMdtDiscussion, 'ready'> & { checklist: ChecklistItem[] })[]> {
  const { rows } = await tx.query<Omit<CancerMdtDiscussion, 'ready'> & { checklist: ChecklistItem[] }>(
    `select l.id as listing_id, m.id as meeting_id, m.meeting_date, m.tumour_site, m.status as meeting_status, l.position,
            l.reason, l.discussion, l.checklist, l.outcome, l.outcome_communicated_date
       from public.mdt_listings l
       join public.mdt_meetings m on m.id = l.meeting_id
      where l.cancer_pathway_id = $2 and l.user_id = $1
      order by m.meeting_date desc, coalesce(m.start_time, '99:99') desc, m.id`,
    [userId, cancerPathwayId],
  );
  return rows;
}

/**
 * What the coordinator's view needs, a superset it filters itself: the owner's meetings that are
 * planned in `[asOf, last]`, or have an outcome not told by `asOf`, or an open action due before
 * `asOf`; all the listings of those meetings and their open actions.
 */
export async function coordinatorRows(tx: Queryable, userId: string, asOf: string, last: string) {
  const { rows: meetings } = await tx.query<MeetingRow>(
    `select m.* from public.mdt_meetings m
      where m.user_id = $1
        and ((m.status = 'planned' and m.meeting_date between $2::date and $3::date)
             or (m.meeting_date <= $2::date and exists (
                   select 1 from public.mdt_listings l
                    where l.meeting_id = m.id and l.outcome is not null
                      and (l.outcome_communicated_date is null or l.outcome_communicated_date > $2::date)))
             or exists (select 1 from public.mdt_actions a where a.meeting_id = m.id and not a.done and a.due_date < $2::date))`,
    [userId, asOf, last],
  );
  const ids = meetings.map((m) => m.id);
  return { meetings, listings: await listingsOfMeetings(tx, ids), actions: await openActionsOfMeetings(tx, ids) };
}

/** Everything of the person's, oldest first, for the export. */
export async function exportRows(tx: Queryable, userId: string) {
  const meetings = await tx.query<MeetingRow>('select * from public.mdt_meetings where user_id = $1 order by created_at, id', [userId]);
  const listings = await tx.query<ListingRow>(`${LISTING_SELECT} where l.user_id = $1 order by l.meeting_id, l.position`, [userId]);
  const actions = await tx.query<ActionRow>('select * from public.mdt_actions where user_id = $1 order by created_at, id', [userId]);
  return { meetings: meetings.rows, listings: listings.rows, actions: actions.rows };
}

/**
 * The portfolio's figures: meetings; patients discussed (distinct pathways listed at a meeting that
 * was held or that recorded their outcome); outcomes recorded; the latest change.
 */
export async function activity(tx: Queryable, userId: string) {
  const { rows } = await tx.query<{ meetings: number; patients_discussed: number; outcomes_recorded: number; last_at: Date | null }>(
    `select (select count(*) from public.mdt_meetings where user_id = $1)::int as meetings,
            (select count(distinct l.cancer_pathway_id) from public.mdt_listings l join public.mdt_meetings m on m.id = l.meeting_id
              where l.user_id = $1 and (m.status = 'held' or l.outcome is not null))::int as patients_discussed,
            (select count(*) from public.mdt_listings where user_id = $1 and outcome is not null)::int as outcomes_recorded,
            greatest((select max(updated_at) from public.mdt_meetings where user_id = $1),
                     (select max(updated_at) from public.mdt_listings where user_id = $1),
                     (select max(updated_at) from public.mdt_actions where user_id = $1)) as last_at`,
    [userId],
  );
  return rows[0]!;
}
