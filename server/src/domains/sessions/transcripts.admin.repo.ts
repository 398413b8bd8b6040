// Owner-connection reads for writing a finished station's documents to storage (the scheduler may
// complete a station with nobody signed in to act as).
import type { Queryable } from '../../db/types.js';

export async function transcriptOf(q: Queryable, sessionId: string) {
  const session = await q.query<{ case_id: string | null; station_started_at: Date | null }>(
    'select case_id, station_started_at from public.practice_sessions where id = $1',
    [sessionId],
  );
  const segments = await q.query<{ speaker: 'candidate' | 'actor'; at_ms: number; text: string }>(
    'select speaker, at_ms, text from public.session_transcript_segments where session_id = $1 order by at_ms, created_at',
    [sessionId],
  );
  return { session: session.rows[0] ?? null, segments: segments.rows };
}
