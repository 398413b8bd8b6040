import type { z } from 'zod';
import {
  TIMING_PRESETS,
  type BoardQuery,
  type BoardSession,
  type ParticipantSession,
  type SessionCreateSchema,
  type SessionUpdateSchema,
} from '../../contract/sessions.js';
import type { Db, Queryable } from '../../db/types.js';
import { conflict, forbidden, notFound, validationFailed } from '../../errors.js';
import type { RealtimeGateway } from '../../realtime/gateway.js';
import type { AuthContext } from '../accounts/auth-context.js';
import { sessionCalendar } from './calendar.js';
import { presentBoardSession, presentParticipantSession, roleOf } from './present.js';
import * as repo from './repo.js';
import * as admin from './sessions.admin.repo.js';
import { advance as advanceStation, catchUp, isPausable, pause as pauseStation, resume as resumeStation, StationError, type StationState } from './state-machine.js';
import type { SessionBrief, SessionPhase, TranscriptDocument, TranscriptSegment, TranscriptSegmentInput, VideoAccess } from '../../contract/sessions.js';
import type { BlobStore } from '../../storage/blob-store.js';
import { transcriptOf } from './transcripts.admin.repo.js';
import type { Logger } from 'pino';
import { livekitRoomAccess, livekitRoomName, mintLivekitToken, peerToPeerRoomAccess, type LivekitConfig } from '../../video/livekit.js';

/** Who acts, as far as sessions need to know: HTTP requests and sockets both provide it. */
export type SessionActor = Pick<AuthContext, 'claims'> & { account: Pick<AuthContext['account'], 'id' | 'role'> };

/** How early before its planned time the actor may start a station (the video token opens then too). */
const START_WINDOW_MS = 15 * 60_000;

export function stationOf(r: repo.SessionRow): StationState {
  return {
    status: r.status as StationState['status'],
    phase: r.phase as SessionPhase,
    phase_started_at: r.phase_started_at,
    phase_ends_at: r.phase_ends_at,
    paused_at: r.paused_at,
  };
}

export function timingOf(r: repo.SessionRow) {
  return { reading_s: r.reading_s, consultation_s: r.consultation_s, feedback_s: r.feedback_s, warning_s: r.warning_s };
}

type CreateInput = z.output<typeof SessionCreateSchema>;
type UpdateInput = z.output<typeof SessionUpdateSchema>;

function timingFor(preset: string, timing: CreateInput['timing']) {
  if (preset === 'custom') return timing!;
  return TIMING_PRESETS[preset as keyof typeof TIMING_PRESETS];
}

export type SessionsService = ReturnType<typeof createSessionsService>;

export const ASSESSMENTS_BUCKET = 'assessments';

export function createSessionsService({
  db,
  realtime,
  livekit,
  storage,
  logger,
  afterCompleted,
  storeAssessment,
}: {
  db: Db;
  realtime: RealtimeGateway;
  livekit?: LivekitConfig | undefined;
  storage: BlobStore;
  logger: Logger;
  /** Runs once a station completes, after its transcript is stored (the assessment's analysis). */
  afterCompleted?: (sessionId: string) => Promise<void>;
  /** Writes a station's assessment.json again from what is stored (after a participant's erasure). */
  storeAssessment?: (sessionId: string) => Promise<void>;
}) {
  const missing = () => notFound('No such session');
  const videoRooms = livekit ? livekitRoomAccess(livekit, logger) : peerToPeerRoomAccess;

  /** People who are no longer participants lose the video room too; nobody waits for the video server (it logs its failures). */
  function revokeVideo(sessionId: string, userIds: ReadonlyArray<string | null>) {
    void videoRooms.revoke(sessionId, userIds.filter((u): u is string => u !== null));
  }

  /** Each participant gets the session as they may see it (the candidate has no case id before feedback). */
  function broadcastState(row: repo.SessionRow) {
    for (const userId of [row.host_id, row.guest_id]) {
      if (userId) realtime.toUser(userId).emit('session:state', presentParticipantSession(row, userId));
    }
  }

  /** Pushes the session's board view (or its removal) to everyone watching the board. */
  async function publishToBoard(tx: Queryable, id: string) {
    const row = await repo.boardSession(tx, id);
    if (row && row.datetime_utc.getTime() > Date.now()) realtime.toBoard().emit('board:upsert', presentBoardSession(row));
    else realtime.toBoard().emit('board:remove', { id });
  }

  /** Writes `assessments/{id}/transcript.json` from the stored segments. */
  async function storeTranscript(id: string): Promise<void> {
    const { session, segments } = await transcriptOf(db, id);
    if (!session) return;
    const doc: TranscriptDocument = {
      session_id: id,
      case_id: session.case_id,
      started_at: session.station_started_at?.toISOString() ?? null,
      segments,
    };
    await storage.put(ASSESSMENTS_BUCKET, `${id}/transcript.json`, JSON.stringify(doc, null, 2), 'application/json');
  }

  /** A station just completed: its documents go to storage. A storage failure is logged, not lost: the segments stay in the database. */
  async function onCompleted(rows: repo.SessionRow[]) {
    for (const row of rows.filter((r) => r.status === 'completed')) {
      await storeTranscript(row.id).catch((err: unknown) => logger.error({ err, session_id: row.id }, 'could not store transcript.json'));
      await afterCompleted?.(row.id).catch((err: unknown) => logger.error({ err, session_id: row.id }, 'could not complete the assessment'));
    }
  }

  /** Pause or resume, by the actor: checked as the caller, applied as the owner under a row lock. */
  async function changeClock(
    auth: SessionActor,
    id: string,
    now: Date,
    change: (tx: Queryable, current: StationState) => Promise<repo.SessionRow>,
  ): Promise<repo.SessionRow> {
    const seen = await db.asUser(auth.claims, (tx) => participantRow(tx, id));
    if (roleOf(seen, auth.account.id) !== 'actor') throw forbidden('The actor runs the station');
    const row = await db.transaction(async (tx) => {
      const locked = await admin.lockSession(tx, id);
      if (!locked) throw missing();
      const current = catchUp(stationOf(locked), now, timingOf(locked));
      try {
        return await change(tx, current);
      } catch (err) {
        if (err instanceof StationError) throw conflict(err.message);
        throw err;
      }
    });
    broadcastState(row);
    await onCompleted([row]);
    return row;
  }

  async function participantRow(tx: Queryable, id: string) {
    const row = await repo.findOwnSession(tx, id);
    if (!row) throw missing();
    return row;
  }

  return {
    async board(viewer: AuthContext | undefined, q: BoardQuery): Promise<{ items: BoardSession[] }> {
      const read = (tx: Queryable) => repo.boardSessions(tx, q);
      const rows = viewer ? await db.asUser(viewer.claims, read) : await db.asAnon(read);
      return { items: rows.map(presentBoardSession) };
    },

    async mine(auth: AuthContext): Promise<{ items: ParticipantSession[] }> {
      const rows = await db.asUser(auth.claims, (tx) => repo.mySessions(tx, auth.account.id));
      return { items: rows.map((r) => presentParticipantSession(r, auth.account.id)) };
    },

    /** Participants get the full session; anyone else the board view; a session off the board is 404 to them. */
    async get(viewer: AuthContext | undefined, id: string): Promise<ParticipantSession | BoardSession> {
      if (viewer) {
        const own = await db.asUser(viewer.claims, (tx) => repo.findOwnSession(tx, id));
        if (own) return presentParticipantSession(own, viewer.account.id);
      }
      const read = (tx: Queryable) => repo.boardSession(tx, id);
      const board = viewer ? await db.asUser(viewer.claims, read) : await db.asAnon(read);
      if (!board) throw missing();
      return presentBoardSession(board);
    },

    async publish(auth: AuthContext, input: CreateInput): Promise<ParticipantSession> {
      return db.asUser(auth.claims, async (tx) => {
        if (input.case_id) {
          const visible = await tx.query('select 1 from public.cases where id = $1', [input.case_id]);
          if (visible.rows.length === 0) throw validationFailed('Unknown case', [{ path: 'case_id', message: 'No such case in your library' }]);
        }
        const row = await repo.insertSession(tx, auth.account.id, {
          datetime_utc: new Date(input.datetime_utc),
          type: input.type,
          case_id: input.case_id,
          host_role: input.host_role,
          preset: input.preset,
          ...timingFor(input.preset, input.timing),
        });
        await publishToBoard(tx, row.id);
        return presentParticipantSession(row, auth.account.id);
      });
    },

    /** The host edits (or swaps roles); a guest who is the actor may only choose the case. */
    async update(auth: AuthContext, id: string, input: UpdateInput): Promise<ParticipantSession> {
      const result = await db.asUser(auth.claims, async (tx) => {
        const current = await participantRow(tx, id);
        const isHost = current.host_id === auth.account.id;
        const { version, case_id, swap_roles, ...hostOnly } = input;
        if (!isHost && (swap_roles || Object.values(hostOnly).some((v) => v !== undefined))) {
          throw forbidden('Only the host may change this session; as the actor you may choose the case');
        }
        if (case_id !== undefined && roleOf(current, auth.account.id) !== 'actor') {
          throw validationFailed('The actor picks the case', [{ path: 'case_id', message: 'Only the actor chooses the case' }]);
        }
        if (case_id) {
          const visible = await tx.query('select 1 from public.cases where id = $1', [case_id]);
          if (visible.rows.length === 0) throw validationFailed('Unknown case', [{ path: 'case_id', message: 'No such case in your library' }]);
        }
        if (!['open', 'matched'].includes(current.status)) throw conflict('This session can no longer be changed');
        const preset = input.preset ?? current.preset;
        const timing =
          input.timing && preset === 'custom'
            ? input.timing
            : preset === 'custom'
              ? { reading_s: current.reading_s, consultation_s: current.consultation_s, feedback_s: current.feedback_s, warning_s: current.warning_s }
              : timingFor(preset, undefined);
        const row = await repo.updateSession(tx, id, version, {
          datetime_utc: input.datetime_utc ? new Date(input.datetime_utc) : current.datetime_utc,
          type: input.type ?? current.type,
          ...(case_id === undefined ? {} : { case_id }),
          host_role: swap_roles ? (current.host_role === 'candidate' ? 'actor' : 'candidate') : current.host_role,
          preset,
          ...timing,
        });
        if (!row) throw conflict('This session was changed by someone else; reload to see the latest');
        await publishToBoard(tx, id);
        return row;
      });
      broadcastState(result);
      const other = result.host_id === auth.account.id ? result.guest_id : result.host_id;
      if (other) realtime.toUser(other).emit('notify', { kind: 'session_changed', session_id: id, message: 'A session you take part in was changed' });
      return presentParticipantSession(result, auth.account.id);
    },

    /** Atomic in the database: of any number of concurrent sign-ups exactly one wins, the rest get 409. */
    async signup(auth: AuthContext, id: string, version: number): Promise<ParticipantSession> {
      const row = await db.asUser(auth.claims, async (tx) => {
        await repo.signup(tx, id, version);
        await publishToBoard(tx, id);
        return participantRow(tx, id);
      });
      if (row.host_id) realtime.toUser(row.host_id).emit('notify', { kind: 'guest_signed_up', session_id: id, message: 'Someone signed up to your session' });
      broadcastState(row);
      return presentParticipantSession(row, auth.account.id);
    },

    /** The guest leaves; no longer a participant, they get the board view back. */
    async withdraw(auth: AuthContext, id: string): Promise<BoardSession> {
      const host = await db.asUser(auth.claims, async (tx) => {
        const row = await participantRow(tx, id);
        await repo.withdraw(tx, id);
        await publishToBoard(tx, id);
        return row.host_id;
      });
      if (host) realtime.toUser(host).emit('notify', { kind: 'guest_withdrew', session_id: id, message: 'Your guest withdrew; the session is open again' });
      realtime.leaveSession(auth.account.id, id);
      revokeVideo(id, [auth.account.id]);
      const board = await db.asUser(auth.claims, (tx) => repo.boardSession(tx, id));
      if (!board) throw missing();
      return presentBoardSession(board);
    },

    async cancel(auth: AuthContext, id: string): Promise<void> {
      const guest = await db.asUser(auth.claims, async (tx) => {
        const row = await participantRow(tx, id);
        if (row.host_id !== auth.account.id) throw forbidden('Only the host cancels; as the guest you may withdraw');
        await repo.cancel(tx, id);
        realtime.toBoard().emit('board:remove', { id });
        return row.guest_id;
      });
      if (guest) realtime.toUser(guest).emit('notify', { kind: 'session_cancelled', session_id: id, message: 'A session you signed up to was cancelled' });
      for (const userId of [auth.account.id, guest]) if (userId) realtime.leaveSession(userId, id);
      revokeVideo(id, [auth.account.id, guest]);
    },

    /** The briefs the caller may see now; the database applies the reveal rules (session_brief). */
    async brief(auth: SessionActor, id: string): Promise<SessionBrief> {
      const brief = await db.asUser(auth.claims, async (tx) => {
        const { rows } = await tx.query<{ brief: SessionBrief | null }>('select public.session_brief($1) as brief', [id]);
        return rows[0]?.brief ?? null;
      });
      if (!brief) throw missing();
      return brief;
    },

    /** The session behind a room link, for its two participants only. */
    async byRoom(auth: SessionActor, token: string): Promise<ParticipantSession> {
      const row = await db.asUser(auth.claims, async (tx) => {
        return repo.findSessionByRoom(tx, `/room/${token}`);
      });
      if (!row) throw notFound('This room is not yours, or it does not exist');
      return presentParticipantSession(row, auth.account.id);
    },

    /** A participant's view, for joining the session's live channel, and who the other participant is. */
    async join(auth: SessionActor, id: string): Promise<{ session: ParticipantSession }> {
      const row = await db.asUser(auth.claims, (tx) => participantRow(tx, id));
      // Checked as the caller above; the arrival itself is written by the server (clients cannot).
      if (!(row.host_id === auth.account.id ? row.host_joined_at : row.guest_joined_at)) {
        await db.transaction((tx) => admin.markJoined(tx, id, auth.account.id));
      }
      return { session: presentParticipantSession(row, auth.account.id) };
    },

    /**
     * How to connect video: LiveKit (a token for this room only) when configured, else peer-to-peer
     * with signalling over the socket. Participants only, from 15 minutes before the start to 30
     * minutes after the planned end.
     */
    async video(auth: SessionActor, id: string, now = new Date()): Promise<VideoAccess> {
      const { row, name } = await db.asUser(auth.claims, async (tx) => {
        const r = await participantRow(tx, id);
        const { rows } = await tx.query<{ name: string }>("select first_name || ' ' || last_name as name from public.profiles where user_id = $1", [auth.account.id]);
        return { row: r, name: rows[0]?.name ?? 'Participant' };
      });
      const opens = row.datetime_utc.getTime() - START_WINDOW_MS;
      const plannedEnd = row.datetime_utc.getTime() + (row.reading_s + row.consultation_s + row.feedback_s) * 1000;
      const closes = plannedEnd + 30 * 60_000;
      if (now.getTime() < opens || now.getTime() > closes || row.status === 'cancelled') {
        throw conflict('The room opens 15 minutes before the start and closes 30 minutes after the planned end');
      }
      const expiresAt = new Date(closes);
      if (!livekit) return { provider: 'p2p', url: row.room_url, room: `session:${id}`, expires_at: expiresAt.toISOString() };
      const token = await mintLivekitToken(livekit, { sessionId: id, userId: auth.account.id, name, expiresAt, now });
      return { provider: 'livekit', url: livekit.url, room: livekitRoomName(id), token, expires_at: expiresAt.toISOString() };
    },

    /**
     * The actor starts the station or moves it on. Checked as the caller, applied as the owner under
     * a row lock (clients cannot change phases at all), after catching up on any phase that ran out.
     */
    async advance(auth: SessionActor, id: string, to: SessionPhase, now = new Date()): Promise<ParticipantSession> {
      const seen = await db.asUser(auth.claims, (tx) => participantRow(tx, id));
      if (roleOf(seen, auth.account.id) !== 'actor') throw forbidden('The actor runs the station');
      if (to === 'reading') {
        if (!seen.case_id) throw validationFailed('Choose the case before starting the station', [{ path: 'case_id', message: 'No case chosen yet' }]);
        if (now.getTime() < seen.datetime_utc.getTime() - START_WINDOW_MS) {
          throw validationFailed('Too early: the station can start from 15 minutes before its planned time');
        }
      }
      const row = await db.transaction(async (tx) => {
        const locked = await admin.lockSession(tx, id);
        if (!locked) throw missing();
        let current = catchUp(stationOf(locked), now, timingOf(locked));
        // Moving on early ends a pause: the gap closes now and the next phase runs at once.
        if (current.paused_at && current.phase !== to) {
          await admin.closeGap(tx, id, now);
          current = resumeStation(current, now);
        }
        try {
          return await admin.saveStation(tx, id, advanceStation(current, to, now, timingOf(locked)), { startedAt: current.phase === 'waiting' ? now : null });
        } catch (err) {
          if (err instanceof StationError) throw conflict(err.message);
          throw err;
        }
      });
      broadcastState(row);
      if (to === 'reading') realtime.toBoard().emit('board:remove', { id });
      await onCompleted([row]);
      return presentParticipantSession(row, auth.account.id);
    },

    /** Advances every station whose phase ran out and records no-shows; returns how many changed. Run by the scheduler. */
    async advanceExpired(now = new Date()): Promise<number> {
      const { changed, noShows } = await db.transaction(async (tx) => {
        const rows = await admin.lockExpired(tx, 50);
        const saved: repo.SessionRow[] = [];
        for (const r of rows) saved.push(await admin.saveStation(tx, r.id, catchUp(stationOf(r), now, timingOf(r))));
        return { changed: saved, noShows: await admin.markNoShows(tx) };
      });
      for (const row of [...changed, ...noShows]) broadcastState(row);
      for (const row of noShows) realtime.toBoard().emit('board:remove', { id: row.id });
      await onCompleted(changed);
      return changed.length + noShows.length;
    },

    /** The actor stops the clock by hand (reading or consultation). */
    async pause(auth: SessionActor, id: string, now = new Date()): Promise<ParticipantSession> {
      const row = await changeClock(auth, id, now, async (tx, current) => {
        if (!isPausable(current)) throw new StationError(current.paused_at ? 'The station is already paused' : 'The clock can be paused during reading and consultation');
        const paused = pauseStation(current, now);
        await admin.openGap(tx, { sessionId: id, phase: current.phase, reason: 'actor', userId: auth.account.id, startedAt: paused.paused_at! });
        return admin.saveStation(tx, id, paused, { pauseReason: 'actor' });
      });
      return presentParticipantSession(row, auth.account.id);
    },

    /** The actor starts the clock again, whatever stopped it (they may go on without the other). */
    async resume(auth: SessionActor, id: string, now = new Date()): Promise<ParticipantSession> {
      const row = await changeClock(auth, id, now, async (tx, current) => {
        if (!current.paused_at) throw new StationError('The station is not paused');
        await admin.closeGap(tx, id, now);
        return admin.saveStation(tx, id, resumeStation(current, now));
      });
      return presentParticipantSession(row, auth.account.id);
    },

    /**
     * A participant has been gone for the grace period since `droppedAt`: a running reading or
     * consultation stops, counted from the drop so the lost time is credited in full.
     */
    async participantDropped(id: string, userId: string, droppedAt: Date, now = new Date()): Promise<boolean> {
      const row = await db.transaction(async (tx) => {
        const locked = await admin.lockSession(tx, id);
        if (!locked || (locked.host_id !== userId && locked.guest_id !== userId)) return null;
        const current = catchUp(stationOf(locked), now, timingOf(locked));
        if (!isPausable(current)) {
          return current.phase !== locked.phase ? admin.saveStation(tx, id, current) : null;
        }
        const paused = pauseStation(current, droppedAt);
        await admin.openGap(tx, { sessionId: id, phase: current.phase, reason: 'disconnect', userId, startedAt: paused.paused_at! });
        return admin.saveStation(tx, id, paused, { pauseReason: 'disconnect' });
      });
      if (!row) return false;
      broadcastState(row);
      await onCompleted([row]);
      return row.paused_at !== null;
    },

    /** Both participants are in the room again: a station stopped by a dropped connection runs on. */
    async participantsPresent(id: string, present: ReadonlySet<string>, now = new Date()): Promise<boolean> {
      const row = await db.transaction(async (tx) => {
        const locked = await admin.lockSession(tx, id);
        if (!locked || locked.pause_reason !== 'disconnect' || !locked.guest_id) return null;
        if (!locked.host_id || !present.has(locked.host_id) || !present.has(locked.guest_id)) return null;
        await admin.closeGap(tx, id, now);
        return admin.saveStation(tx, id, resumeStation(stationOf(locked), now));
      });
      if (!row) return false;
      broadcastState(row);
      return true;
    },

    /**
     * After a completed station, the next one in the same room: the same pair with roles swapped and
     * no case yet (the new actor picks). Either participant may start it; asking twice finds the same one.
     */
    async next(auth: SessionActor, id: string): Promise<ParticipantSession> {
      const row = await db.asUser(auth.claims, async (tx) => {
        const nextId = await repo.startNextStation(tx, id);
        return participantRow(tx, nextId);
      });
      broadcastState(row);
      // The finished station's view now names its successor, so the other participant's room follows.
      const previous = await db.asUser(auth.claims, (tx) => repo.findOwnSession(tx, id));
      if (previous) broadcastState(previous);
      return presentParticipantSession(row, auth.account.id);
    },

    /**
     * Before an account is erased: reads what the erasure will change for other people, and returns
     * what to tell them once it is done. Sessions they were the guest of reopen (back on the board)
     * or, under way, end for the host; sessions they hosted and not completed are deleted with them
     * (completed ones stay with the guest), so they leave the board and their guest is told the
     * session is over. Either way they lose the video rooms. Completed stations stay with the other
     * participant, and their files in the bucket are written again without the erased one's words.
     */
    async prepareErasure(userId: string): Promise<() => Promise<void>> {
      const { asGuest, asHost, kept } = await db.transaction(async (tx) => ({
        asGuest: await admin.guestSessionsToRelease(tx, userId),
        asHost: await admin.hostedSessionsToEnd(tx, userId),
        kept: await admin.completedSessionsOf(tx, userId),
      }));
      return async () => {
        // The stored documents of the stations the other participant keeps lose what the erased one
        // wrote (their transcript lines and self-reflection are gone from the database by now).
        for (const id of kept) {
          await storeTranscript(id).catch((err: unknown) => logger.error({ err, session_id: id }, 'could not rewrite transcript.json after an erasure'));
          await storeAssessment?.(id).catch((err: unknown) => logger.error({ err, session_id: id }, 'could not rewrite assessment.json after an erasure'));
        }
        for (const id of asGuest) {
          revokeVideo(id, [userId]);
          const row = await db.transaction(async (tx) => {
            const r = await admin.readSession(tx, id);
            if (r?.status === 'open') await publishToBoard(tx, id);
            return r;
          });
          if (!row) continue;
          broadcastState(row);
          const message = row.status === 'cancelled' ? 'Your partner left the platform; the station has ended' : 'Your guest left the platform; the session is open again';
          if (row.host_id) realtime.toUser(row.host_id).emit('notify', { kind: row.status === 'cancelled' ? 'session_cancelled' : 'guest_withdrew', session_id: id, message });
        }
        for (const gone of asHost) {
          revokeVideo(gone.id, [userId]);
          realtime.toBoard().emit('board:remove', { id: gone.id });
          if (!gone.guest_id) continue;
          // The row is gone; the guest's last view of it is the one read before, ended.
          const ended = presentParticipantSession({ ...gone, status: 'cancelled', paused_at: null, pause_reason: null }, gone.guest_id);
          realtime.toUser(gone.guest_id).emit('session:state', ended);
          realtime.toUser(gone.guest_id).emit('notify', { kind: 'session_cancelled', session_id: gone.id, message: 'Your host left the platform; the session is cancelled' });
          realtime.leaveSession(gone.guest_id, gone.id);
        }
      };
    },

    /** Stores a segment and only then answers; both participants get it live. */
    async appendSegment(auth: SessionActor, id: string, input: TranscriptSegmentInput): Promise<TranscriptSegment> {
      const segment = await db.asUser(auth.claims, async (tx) => {
        const row = await participantRow(tx, id);
        if (row.phase !== 'consultation' && row.phase !== 'feedback') throw conflict('The transcript is open during the consultation and feedback');
        const { rows } = await tx.query<{ id: string; speaker: 'candidate' | 'actor'; at_ms: number; text: string; created_at: Date }>(
          `insert into public.session_transcript_segments (session_id, author_id, speaker, at_ms, text)
           values ($1, $2, $3, $4, $5) returning id, speaker, at_ms, text, created_at`,
          [id, auth.account.id, input.speaker, input.at_ms, input.text],
        );
        const r = rows[0]!;
        return { id: r.id, speaker: r.speaker, at_ms: r.at_ms, text: r.text, created_at: r.created_at.toISOString() };
      });
      realtime.toSession(id).emit('transcript:segment', { ...segment, session_id: id });
      return segment;
    },

    async transcript(auth: SessionActor, id: string): Promise<TranscriptDocument> {
      return db.asUser(auth.claims, async (tx) => {
        const row = await participantRow(tx, id);
        const { rows } = await tx.query<{ speaker: 'candidate' | 'actor'; at_ms: number; text: string }>(
          'select speaker, at_ms, text from public.session_transcript_segments where session_id = $1 order by at_ms, created_at',
          [id],
        );
        const visibleCase = roleOf(row, auth.account.id) === 'actor' || ['feedback', 'completed'].includes(row.phase) ? row.case_id : null;
        return { session_id: id, case_id: visibleCase, started_at: row.station_started_at?.toISOString() ?? null, segments: rows };
      });
    },

    async calendar(auth: AuthContext, id: string, appUrl: string): Promise<string> {
      const row = await db.asUser(auth.claims, (tx) => participantRow(tx, id));
      return sessionCalendar(row, appUrl, roleOf(row, auth.account.id));
    },
  };
}
