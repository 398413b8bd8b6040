import type { ParticipantSession, SessionBrief, VideoAccess } from '../../contract/sessions.js';
import type { Db } from '../../db/types.js';
import { conflict, notFound } from '../../errors.js';
import { livekitRoomName, mintLivekitToken, type LivekitConfig } from '../../video/livekit.js';
import { missing, participantRow, type SessionActor } from './access.js';
import { presentParticipantSession } from './present.js';
import * as repo from './repo.js';
import * as admin from './sessions.admin.repo.js';
import { START_WINDOW_MS } from './state-machine.js';

/** The session's room, for its two participants: the link, the live channel, the briefs and the video. */
export function createRoomService({ db, livekit }: { db: Db; livekit?: LivekitConfig | undefined }) {
  return {
    /** The briefs the caller may see now; the database applies the reveal rules (session_brief). */
    async brief(auth: SessionActor, id: string): Promise<SessionBrief> {
      const brief = await db.asUser(auth.claims, (tx) => repo.sessionBrief(tx, id));
      if (!brief) throw missing();
      return brief;
    },

    /** The session behind a room link, for its two participants only. */
    async byRoom(auth: SessionActor, token: string): Promise<ParticipantSession> {
      const row = await db.asUser(auth.claims, (tx) => repo.findSessionByRoom(tx, `/room/${token}`));
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
        return { row: r, name: (await repo.displayName(tx, auth.account.id)) ?? 'Participant' };
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
  };
}
