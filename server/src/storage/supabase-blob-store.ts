import { createClient } from '@supabase/supabase-js';
import WebSocket from 'ws';
import type { BlobStore } from './blob-store.js';
import { checkedPath } from './blob-store.js';

/** What a Storage API error carries, whichever way the server phrased "not found". */
interface StorageFailure {
  status?: number;
  statusCode?: string;
  code?: string;
  message?: string;
}

/** Supabase answers a missing object or bucket with 404, or (older servers) 400 carrying statusCode "404". */
function isNotFound(error: unknown): boolean {
  const e = error as StorageFailure;
  return e.status === 404 || e.statusCode === '404' || e.code === 'NoSuchKey' || e.code === 'not_found' || e.code === 'NoSuchBucket';
}

function isDuplicate(error: unknown): boolean {
  const e = error as StorageFailure;
  return e.status === 409 || e.statusCode === '409' || e.code === 'Duplicate' || e.code === 'BucketAlreadyExists';
}

/**
 * The bucket in a Supabase project's Storage, through supabase-js with the service role key (the
 * server writes on the participants' behalf; the storage.objects policies in supabase/migrations
 * govern anyone reaching the bucket with a user's JWT). Buckets are created private on first use.
 * Uploads replace the object whole (upsert), so a reader never sees half a document.
 */
export function supabaseBlobStore(config: { url: string; serviceRoleKey: string }, options: { fetch?: typeof fetch } = {}): BlobStore {
  const client = createClient(config.url, config.serviceRoleKey, {
    auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
    // Only Storage is used, but the client builds its realtime part too, and Node 20 has no global WebSocket.
    realtime: { transport: WebSocket as never },
    ...(options.fetch ? { global: { fetch: options.fetch } } : {}),
  });
  const ready = new Map<string, Promise<void>>();

  function ensureBucket(bucket: string): Promise<void> {
    let pending = ready.get(bucket);
    if (!pending) {
      pending = (async () => {
        const found = await client.storage.getBucket(bucket);
        if (!found.error) {
          if (found.data.public) throw new Error(`storage bucket "${bucket}" is public; it must be private`);
          return;
        }
        if (!isNotFound(found.error)) throw found.error;
        const created = await client.storage.createBucket(bucket, { public: false });
        // Another instance may have created it a moment ago.
        if (created.error && !isDuplicate(created.error)) throw created.error;
      })();
      // A failure is not remembered: the next write tries again.
      pending.catch(() => ready.delete(bucket));
      ready.set(bucket, pending);
    }
    return pending;
  }

  return {
    kind: 'supabase',
    async put(bucket, objectPath, body, contentType) {
      checkedPath(bucket, objectPath);
      await ensureBucket(bucket);
      const { error } = await client.storage.from(bucket).upload(objectPath, body, { contentType, upsert: true, cacheControl: '0' });
      if (error) throw error;
    },
    async get(bucket, objectPath) {
      checkedPath(bucket, objectPath);
      const { data, error } = await client.storage.from(bucket).download(objectPath);
      if (error) {
        if (isNotFound(error)) return null;
        throw error;
      }
      return data.text();
    },
  };
}
