import type { Logger } from 'pino';
import type { Db } from '../../db/types.js';
import type { RealtimeGateway } from '../../realtime/gateway.js';
import type { BlobStore } from '../../storage/blob-store.js';
import { livekitRoomAccess, peerToPeerRoomAccess, type LivekitConfig } from '../../video/livekit.js';
import { createBoardCache } from './board-cache.js';
import { createBoardService } from './board.service.js';
import { sessionBroadcasts } from './broadcast.js';
import { stationDocuments } from './documents.js';
import { createErasureService } from './erasure.service.js';
import { createRoomService } from './room.service.js';
import { createStationService } from './station.service.js';
import { createTranscriptService } from './transcript.service.js';

export type SessionsService = ReturnType<typeof createSessionsService>;

/**
 * Practice sessions, one service made of its parts: the board (board.service.ts), the room
 * (room.service.ts), the station's clock (station.service.ts), the transcript
 * (transcript.service.ts) and what an erasure changes (erasure.service.ts). The parts share only
 * the broadcasts, the finished station's documents and the video rooms, built here once.
 */
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
  const broadcast = sessionBroadcasts(realtime);
  const documents = stationDocuments({ db, storage, logger, afterCompleted, storeAssessment });
  const videoRooms = livekit ? livekitRoomAccess(livekit, logger) : peerToPeerRoomAccess;
  const boardCache = createBoardCache();

  /** People who are no longer participants lose the video room too; nobody waits for the video server (it logs its failures). */
  function revokeVideo(sessionId: string, userIds: ReadonlyArray<string | null>) {
    void videoRooms.revoke(sessionId, userIds.filter((u): u is string => u !== null));
  }

  /**
   * What this instance writes drops its cached board as soon as the write is over, committed or
   * not, so the writer's next read sees it; the database's notification (for every instance) may
   * come a moment later.
   */
  function thenBoardChanged<A extends unknown[], R>(write: (...args: A) => Promise<R>) {
    return async (...args: A): Promise<R> => {
      try {
        return await write(...args);
      } finally {
        boardCache.invalidate();
      }
    };
  }

  const board = createBoardService({ db, realtime, broadcast, revokeVideo, boardCache });
  const room = createRoomService({ db, livekit });
  const station = createStationService({ db, realtime, broadcast, completed: documents.completed });
  const erasure = createErasureService({ db, realtime, broadcast, documents, revokeVideo });
  return {
    ...board,
    publish: thenBoardChanged(board.publish),
    update: thenBoardChanged(board.update),
    signup: thenBoardChanged(board.signup),
    withdraw: thenBoardChanged(board.withdraw),
    cancel: thenBoardChanged(board.cancel),
    ...room,
    // Joining records who came, which the no-show counts read.
    join: thenBoardChanged(room.join),
    ...station,
    advance: thenBoardChanged(station.advance),
    next: thenBoardChanged(station.next),
    participantDropped: thenBoardChanged(station.participantDropped),
    participantsPresent: thenBoardChanged(station.participantsPresent),
    /** The scheduler's tick: most change nothing, and those keep the cache. */
    async advanceExpired(now?: Date): Promise<number> {
      const changed = await station.advanceExpired(now);
      if (changed > 0) boardCache.invalidate();
      return changed;
    },
    ...createTranscriptService({ db, realtime }),
    prepareErasure: async (userId: string) => {
      const finish = await thenBoardChanged(erasure.prepareErasure)(userId);
      return thenBoardChanged(finish);
    },
    /** Keeps the board cached while the database's notifications of changes can be heard. */
    listenForBoardChanges: () => boardCache.listen(db, logger),
  };
}
