import type { z } from 'zod';
import type { AuthContext } from '../../auth/context.js';
import { TIMING_PRESETS, type BoardQuery, type BoardSession, type ParticipantSession, type SessionCreateSchema, type SessionUpdateSchema } from '../../contract/sessions.js';
import type { Db, Queryable } from '../../db/types.js';
import { conflict, forbidden, validationFailed } from '../../errors.js';
import { prepareJson, type PreparedJson } from '../../http/prepared-json.js';
import type { RealtimeGateway } from '../../realtime/gateway.js';
import { missing, participantRow } from './access.js';
import type { BoardCache } from './board-cache.js';
import type { SessionBroadcasts } from './broadcast.js';
import { sessionCalendar } from './calendar.js';
import { presentBoardSession, presentParticipantSession, roleOf } from './present.js';
import * as repo from './repo.js';

type CreateInput = z.output<typeof SessionCreateSchema>;
type UpdateInput = z.output<typeof SessionUpdateSchema>;

function timingFor(preset: string, timing: CreateInput['timing']) {
  if (preset === 'custom') return timing!;
  return TIMING_PRESETS[preset as keyof typeof TIMING_PRESETS];
}

async function checkCaseVisible(tx: Queryable, caseId: string) {
  if (!(await repo.caseVisible(tx, caseId))) throw validationFailed('Unknown case', [{ path: 'case_id', message: 'No such case in your library' }]);
}

/** The board and a session's life before its station: publish, edit, sign up, withdraw, cancel. */
export function createBoardService({
  db,
  realtime,
  broadcast,
  revokeVideo,
  boardCache,
}: {
  db: Db;
  realtime: RealtimeGateway;
  broadcast: SessionBroadcasts;
  boardCache: BoardCache;
  revokeVideo: (sessionId: string, userIds: ReadonlyArray<string | null>) => void;
}) {
  return {
    /**
     * The board (`{ items: BoardSession[] }`) as a prepared answer, cached per query and database role:
     * an anonymous caller gets only what `anon` may read, as uncached.
     */
    async board(viewer: AuthContext | undefined, q: BoardQuery): Promise<PreparedJson> {
      const role = viewer?.claims.role ?? 'anon';
      const key = JSON.stringify([role, q.limit, q.from ?? null, q.to ?? null, q.open ?? null, q.domain ?? null]);
      return boardCache.get(key, async () => {
        const read = (tx: Queryable) => repo.boardSessions(tx, q);
        const rows = viewer ? await db.asUser(viewer.claims, read) : await db.asAnon(read);
        const items: BoardSession[] = rows.map(presentBoardSession);
        return { value: prepareJson({ items }), validUntil: rows[0]?.datetime_utc.getTime() ?? Number.POSITIVE_INFINITY };
      });
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
        if (input.case_id) await checkCaseVisible(tx, input.case_id);
        const row = await repo.insertSession(tx, auth.account.id, {
          datetime_utc: new Date(input.datetime_utc),
          type: input.type,
          case_id: input.case_id,
          host_role: input.host_role,
          preset: input.preset,
          ...timingFor(input.preset, input.timing),
        });
        await broadcast.board(tx, row.id);
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
        if (case_id) await checkCaseVisible(tx, case_id);
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
        await broadcast.board(tx, id);
        return row;
      });
      broadcast.state(result);
      const other = result.host_id === auth.account.id ? result.guest_id : result.host_id;
      if (other) realtime.toUser(other).emit('notify', { kind: 'session_changed', session_id: id, message: 'A session you take part in was changed' });
      return presentParticipantSession(result, auth.account.id);
    },

    /** Atomic in the database: of any number of concurrent sign-ups exactly one wins, the rest get 409. */
    async signup(auth: AuthContext, id: string, version: number): Promise<ParticipantSession> {
      const row = await db.asUser(auth.claims, async (tx) => {
        await repo.signup(tx, id, version);
        await broadcast.board(tx, id);
        return participantRow(tx, id);
      });
      if (row.host_id) realtime.toUser(row.host_id).emit('notify', { kind: 'guest_signed_up', session_id: id, message: 'Someone signed up to your session' });
      broadcast.state(row);
      return presentParticipantSession(row, auth.account.id);
    },

    /** The guest leaves; no longer a participant, they get the board view back. */
    async withdraw(auth: AuthContext, id: string): Promise<BoardSession> {
      const host = await db.asUser(auth.claims, async (tx) => {
        const row = await participantRow(tx, id);
        await repo.withdraw(tx, id);
        await broadcast.board(tx, id);
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

    /** The session as an iCalendar file, for its participants. */
    async calendar(auth: AuthContext, id: string, appUrl: string): Promise<string> {
      const row = await db.asUser(auth.claims, (tx) => participantRow(tx, id));
      return sessionCalendar(row, appUrl, roleOf(row, auth.account.id));
    },
  };
}
