import type { Db } from '../../db/types.js';
import type { RealtimeGateway } from '../../realtime/gateway.js';
import type { SessionBroadcasts } from './broadcast.js';
import type { StationDocuments } from './documents.js';
import { presentParticipantSession } from './present.js';
import * as admin from './sessions.admin.repo.js';

/** What an account's erasure means for the sessions it took part in, and for the people left in them. */
export function createErasureService({
  db,
  realtime,
  broadcast,
  documents,
  revokeVideo,
}: {
  db: Db;
  realtime: RealtimeGateway;
  broadcast: SessionBroadcasts;
  documents: Pick<StationDocuments, 'rewrite'>;
  revokeVideo: (sessionId: string, userIds: ReadonlyArray<string | null>) => void;
}) {
  return {
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
        await documents.rewrite(kept);
        for (const id of asGuest) {
          revokeVideo(id, [userId]);
          const row = await db.transaction(async (tx) => {
            const r = await admin.readSession(tx, id);
            if (r?.status === 'open') await broadcast.board(tx, id);
            return r;
          });
          if (!row) continue;
          broadcast.state(row);
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
  };
}
