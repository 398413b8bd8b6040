import type { Logger } from 'pino';
import type { Db } from '../../db/types.js';
import type { RealtimeGateway } from '../../realtime/gateway.js';
import type { BlobStore } from '../../storage/blob-store.js';
import { livekitRoomAccess, peerToPeerRoomAccess, type LivekitConfig } from '../../video/livekit.js';
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

  /** People who are no longer participants lose the video room too; nobody waits for the video server (it logs its failures). */
  function revokeVideo(sessionId: string, userIds: ReadonlyArray<string | null>) {
    void videoRooms.revoke(sessionId, userIds.filter((u): u is string => u !== null));
  }

  return {
    ...createBoardService({ db, realtime, broadcast, revokeVideo }),
    ...createRoomService({ db, livekit }),
    ...createStationService({ db, realtime, broadcast, completed: documents.completed }),
    ...createTranscriptService({ db, realtime }),
    ...createErasureService({ db, realtime, broadcast, documents, revokeVideo }),
  };
}
