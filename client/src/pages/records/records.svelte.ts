import type { MedicalRecord } from '$contract';
import { api } from '../../lib/api';
import { LiveList } from '../../lib/live-list.svelte';

/** Newest first, as the server lists them: by creation time, then id (both descending). */
function newestFirst(a: MedicalRecord, b: MedicalRecord): number {
  if (a.created_at !== b.created_at) return a.created_at < b.created_at ? 1 : -1;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

/**
 * The records the signed-in user can see (written by them, or about them), kept current by the
 * `records:*` socket events.
 */
export class RecordsState extends LiveList<MedicalRecord, null> {
  constructor() {
    super(
      {
        fetch: (_query, cursor) => api.records.list(cursor ? { cursor } : {}),
        order: newestFirst,
        feed: { upsert: ['records:created', 'records:updated'], remove: ['records:deleted'] },
      },
      null,
    );
  }
}
