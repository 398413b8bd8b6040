import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** Object storage for the private `assessments` bucket: `{bucket}/{session_id}/{file}`. */
export interface BlobStore {
  readonly kind: 'local' | 'supabase';
  put(bucket: string, objectPath: string, body: string, contentType: string): Promise<void>;
  get(bucket: string, objectPath: string): Promise<string | null>;
}

const SEGMENT = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

/** Object paths are bucket-relative and plain: no `..`, no absolute paths, no hidden files. */
export function checkedPath(bucket: string, objectPath: string): string[] {
  const parts = [bucket, ...objectPath.split('/')];
  if (!parts.every((p) => SEGMENT.test(p) && p !== '..')) throw new Error(`invalid object path: ${bucket}/${objectPath}`);
  return parts;
}

/**
 * Files under `root` with the same object paths a Supabase bucket would use. A write goes to a
 * temporary file beside the target and is renamed over it, so a reader (or a crash) never sees half
 * a document.
 */
export function localBlobStore(root: string): BlobStore {
  return {
    kind: 'local',
    async put(bucket, objectPath, body) {
      const target = path.join(root, ...checkedPath(bucket, objectPath));
      await mkdir(path.dirname(target), { recursive: true });
      const temp = path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
      try {
        await writeFile(temp, body, { flag: 'wx' });
        await rename(temp, target);
      } catch (err) {
        await rm(temp, { force: true });
        throw err;
      }
    },
    async get(bucket, objectPath) {
      try {
        return await readFile(path.join(root, ...checkedPath(bucket, objectPath)), 'utf8');
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw err;
      }
    },
  };
}
