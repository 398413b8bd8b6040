import type { Queryable } from '../../db/types.js';
import type { RealtimeGateway } from '../../realtime/gateway.js';
import { presentBoardSession, presentParticipantSession } from './present.js';
import { boardSession, type SessionRow } from './repo.js';

/** What every part of sessions tells people live after a change: the participants, and the board. */
export function sessionBroadcasts(realtime: RealtimeGateway) {
  return {
    /** Each participant gets the session as they may see it (the candidate has no case id before feedback). */
    state(row: SessionRow) {
      for (const userId of [row.host_id, row.guest_id]) {
        if (userId) realtime.toUser(userId).emit('session:state', presentParticipantSession(row, userId));
      }
    },

    /** Pushes the session's board view (or its removal) to everyone watching the board. */
    async board(tx: Queryable, id: string) {
      const row = await boardSession(tx, id);
      if (row && row.datetime_utc.getTime() > Date.now()) realtime.toBoard().emit('board:upsert', presentBoardSession(row));
      else realtime.toBoard().emit('board:remove', { id });
    },
  };
}

export type SessionBroadcasts = ReturnType<typeof sessionBroadcasts>;
