import type { TranscriptDocument, TranscriptSegment, TranscriptSegmentInput } from '../../contract/sessions.js';
import type { Db } from '../../db/types.js';
import { conflict } from '../../errors.js';
import type { RealtimeGateway } from '../../realtime/gateway.js';
import { participantRow, type SessionActor } from './access.js';
import { presentSegment, roleOf } from './present.js';
import * as repo from './repo.js';

/** The station's transcript as its participants write and read it (its stored copy is in documents.ts). */
export function createTranscriptService({ db, realtime }: { db: Db; realtime: RealtimeGateway }) {
  return {
    /** Stores a segment and only then answers; both participants get it live. */
    async appendSegment(auth: SessionActor, id: string, input: TranscriptSegmentInput): Promise<TranscriptSegment> {
      const segment = await db.asUser(auth.claims, async (tx) => {
        const row = await participantRow(tx, id);
        if (row.phase !== 'consultation' && row.phase !== 'feedback') throw conflict('The transcript is open during the consultation and feedback');
        return presentSegment(await repo.insertSegment(tx, { sessionId: id, authorId: auth.account.id, speaker: input.speaker, at_ms: input.at_ms, text: input.text }));
      });
      realtime.toSession(id).emit('transcript:segment', { ...segment, session_id: id });
      return segment;
    },

    /** The transcript so far; the candidate sees the case id only from feedback on. */
    async transcript(auth: SessionActor, id: string): Promise<TranscriptDocument> {
      return db.asUser(auth.claims, async (tx) => {
        const row = await participantRow(tx, id);
        const segments = await repo.transcriptLines(tx, id);
        const visibleCase = roleOf(row, auth.account.id) === 'actor' || ['feedback', 'completed'].includes(row.phase) ? row.case_id : null;
        return { session_id: id, case_id: visibleCase, started_at: row.station_started_at?.toISOString() ?? null, segments };
      });
    },
  };
}
