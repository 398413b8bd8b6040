import type { Logger } from 'pino';
import { describe, expect, it, vi } from 'vitest';
import type { Db } from '../../../server/src/db/types.js';
import { ASSESSMENTS_BUCKET, stationDocuments } from '../../../server/src/domains/sessions/documents.js';
import type { SessionRow } from '../../../server/src/domains/sessions/repo.js';
import type { BlobStore } from '../../../server/src/storage/blob-store.js';

// transcriptOf reads the session, then its segments; this database answers both with one station.
const db = {
  query: vi.fn(async (sql: string) =>
    sql.includes('from public.practice_sessions')
      ? { rows: [{ case_id: 'case-1', station_started_at: new Date('2026-12-01T18:00:00Z') }], rowCount: 1 }
      : { rows: [{ speaker: 'candidate', at_ms: 0, text: 'Hello' }], rowCount: 1 },
  ),
} as unknown as Db;

const row = (id: string, status: string) => ({ id, status }) as SessionRow;

function setup({ failStorage = false } = {}) {
  const calls: string[] = [];
  const storage: BlobStore = {
    kind: 'local',
    put: vi.fn(async (bucket: string, path: string) => {
      calls.push(`put ${bucket}/${path}`);
      if (failStorage) throw new Error('storage down');
    }),
    get: async () => null,
  };
  const logger = { error: vi.fn() } as unknown as Logger & { error: ReturnType<typeof vi.fn> };
  const documents = stationDocuments({
    db,
    storage,
    logger,
    afterCompleted: async (id) => void calls.push(`complete ${id}`),
    storeAssessment: async (id) => void calls.push(`assessment ${id}`),
  });
  return { documents, calls, storage, logger };
}

describe('a finished station’s documents', () => {
  it('stores the transcript, then completes the assessment, for completed stations only', async () => {
    const { documents, calls, storage } = setup();
    await documents.completed([row('a', 'live'), row('b', 'completed')]);
    expect(calls).toEqual([`put ${ASSESSMENTS_BUCKET}/b/transcript.json`, 'complete b']);
    const body = JSON.parse(vi.mocked(storage.put).mock.calls[0]![2]);
    expect(body).toEqual({ session_id: 'b', case_id: 'case-1', started_at: '2026-12-01T18:00:00.000Z', segments: [{ speaker: 'candidate', at_ms: 0, text: 'Hello' }] });
  });

  it('logs a storage failure and still completes the assessment', async () => {
    const { documents, calls, logger } = setup({ failStorage: true });
    await documents.completed([row('b', 'completed')]);
    expect(calls).toEqual([`put ${ASSESSMENTS_BUCKET}/b/transcript.json`, 'complete b']);
    expect(logger.error).toHaveBeenCalledWith(expect.objectContaining({ session_id: 'b' }), 'could not store transcript.json');
  });

  it('after an erasure, writes both documents again for every station kept', async () => {
    const { documents, calls } = setup();
    await documents.rewrite(['x', 'y']);
    expect(calls).toEqual([`put ${ASSESSMENTS_BUCKET}/x/transcript.json`, 'assessment x', `put ${ASSESSMENTS_BUCKET}/y/transcript.json`, 'assessment y']);
  });
});
