import { createHash } from 'node:crypto';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Request, Response } from 'express';

/** API answers of at least this size go compressed when the caller accepts it; smaller ones gain less than the work costs. */
export const API_COMPRESSION_THRESHOLD_BYTES = 1024;

type Encoding = 'br' | 'gzip';

/**
 * A JSON answer made once and sent many times (a cached one): serialised, hashed for its ETag and,
 * on first need, compressed once per encoding, so no request pays for any of it again.
 */
export interface PreparedJson {
  /** The JSON as UTF-8 bytes: sending a string would encode it again on every request. */
  readonly body: Buffer;
  readonly etag: string;
  encoded(encoding: Encoding): Buffer;
}

export function prepareJson(value: unknown): PreparedJson {
  const body = Buffer.from(JSON.stringify(value));
  const etag = createHash('sha1').update(body).digest('base64url');
  const copies = new Map<Encoding, Buffer>();
  return {
    body,
    etag,
    encoded(encoding) {
      let copy = copies.get(encoding);
      if (!copy) {
        // The quality the compression middleware uses for answers made per request.
        copy = encoding === 'br' ? brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 4 } }) : gzipSync(body);
        copies.set(encoding, copy);
      }
      return copy;
    },
  };
}

/**
 * Sends a prepared answer as the caller takes it (brotli, gzip or plain) with its own ETag per
 * form, so a conditional request gets `304`. The compression middleware leaves an answer that
 * already has a Content-Encoding alone.
 */
export function sendPrepared(req: Request, res: Response, prepared: PreparedJson): void {
  res.vary('Accept-Encoding');
  res.type('json');
  const encoding = prepared.body.length >= API_COMPRESSION_THRESHOLD_BYTES ? req.acceptsEncodings('br', 'gzip') : false;
  if (encoding === 'br' || encoding === 'gzip') {
    res.set({ 'Content-Encoding': encoding, ETag: `"${prepared.etag}-${encoding}"` }).send(prepared.encoded(encoding));
  } else {
    res.set('ETag', `"${prepared.etag}"`).send(prepared.body);
  }
}
