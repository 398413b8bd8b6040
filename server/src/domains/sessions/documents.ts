import type { Logger } from 'pino';
import type { TranscriptDocument } from '../../contract/sessions.js';
import type { Db } from '../../db/types.js';
import type { BlobStore } from '../../storage/blob-store.js';
import type { SessionRow } from './repo.js';
import { transcriptOf } from './transcripts.admin.repo.js';

export const ASSESSMENTS_BUCKET = 'assessments';

/**
 * A finished station's files in the assessments bucket: transcript.json is written here,
 * assessment.json by the assessments domain through the callbacks it is wired with.
 */
export function stationDocuments({
  db,
  storage,
  logger,
  afterCompleted,
  storeAssessment,
}: {
  db: Db;
  storage: BlobStore;
  logger: Logger;
  afterCompleted?: ((sessionId: string) => Promise<void>) | undefined;
  storeAssessment?: ((sessionId: string) => Promise<void>) | undefined;
}) {
  /** Writes `assessments/{id}/transcript.json` from the stored segments (as the owner: the scheduler has no caller). */
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

  return {
    /** Stations that just completed: their documents go to storage. A storage failure is logged, not lost: the segments stay in the database. */
    async completed(rows: SessionRow[]) {
      for (const row of rows.filter((r) => r.status === 'completed')) {
        await storeTranscript(row.id).catch((err: unknown) => logger.error({ err, session_id: row.id }, 'could not store transcript.json'));
        await afterCompleted?.(row.id).catch((err: unknown) => logger.error({ err, session_id: row.id }, 'could not complete the assessment'));
      }
    },

    /** After an account's erasure: the stations the other participant keeps are written again without the erased one's words. */
    async rewrite(ids: readonly string[]) {
      for (const id of ids) {
        await storeTranscript(id).catch((err: unknown) => logger.error({ err, session_id: id }, 'could not rewrite transcript.json after an erasure'));
        await storeAssessment?.(id).catch((err: unknown) => logger.error({ err, session_id: id }, 'could not rewrite assessment.json after an erasure'));
      }
    },
  };
}

export type StationDocuments = ReturnType<typeof stationDocuments>;
