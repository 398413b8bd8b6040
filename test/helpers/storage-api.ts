import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface StoredObject {
  body: Buffer;
  contentType: string;
}

/**
 * A stand-in for a Supabase project's Storage REST API (`/storage/v1`), enough for what
 * supabase-js sends for buckets and whole-object upload and download. It answers the way the real
 * service does (errors as `{ statusCode, error, message }` with HTTP 400/404, the service key
 * required in both `apikey` and `Authorization`), so the real client library is exercised over real
 * HTTP. There is no Supabase project on this closed network.
 */
export async function startStorageApi(serviceKey: string) {
  const buckets = new Map<string, { id: string; public: boolean }>();
  const objects = new Map<string, StoredObject>();
  const requests: { method: string; path: string }[] = [];

  const fail = (res: ServerResponse, status: number, statusCode: string, error: string, message: string) => {
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify({ statusCode, error, message }));
  };
  const json = (res: ServerResponse, body: unknown) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  const readBody = async (req: IncomingMessage) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  };

  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://stand-in');
    const path = decodeURIComponent(url.pathname);
    requests.push({ method: req.method ?? '', path });
    if (req.headers.apikey !== serviceKey || req.headers.authorization !== `Bearer ${serviceKey}`) {
      fail(res, 400, '403', 'Unauthorized', 'invalid signature');
      return;
    }
    let m: RegExpExecArray | null;
    if (req.method === 'GET' && (m = /^\/storage\/v1\/bucket\/([^/]+)$/.exec(path))) {
      const bucket = buckets.get(m[1]!);
      if (!bucket) fail(res, 400, '404', 'Bucket not found', 'Bucket not found');
      else json(res, { ...bucket, name: bucket.id });
      return;
    }
    if (req.method === 'POST' && path === '/storage/v1/bucket') {
      const body = JSON.parse((await readBody(req)).toString('utf8')) as { id?: string; name: string; public?: boolean };
      const id = body.id ?? body.name;
      if (buckets.has(id)) fail(res, 400, '409', 'Duplicate', 'The resource already exists');
      else {
        buckets.set(id, { id, public: body.public ?? false });
        json(res, { name: id });
      }
      return;
    }
    if ((m = /^\/storage\/v1\/object\/([^/]+)\/(.+)$/.exec(path))) {
      const [, bucket, key] = m as unknown as [string, string, string];
      if (!buckets.has(bucket)) {
        fail(res, 400, '404', 'Bucket not found', 'Bucket not found');
        return;
      }
      const id = `${bucket}/${key}`;
      if (req.method === 'POST' || req.method === 'PUT') {
        const body = await readBody(req);
        if (objects.has(id) && req.method === 'POST' && req.headers['x-upsert'] !== 'true') {
          fail(res, 400, '409', 'Duplicate', 'The resource already exists');
          return;
        }
        objects.set(id, { body, contentType: String(req.headers['content-type'] ?? 'application/octet-stream') });
        json(res, { Id: id, Key: id });
        return;
      }
      if (req.method === 'GET') {
        const object = objects.get(id);
        if (!object) fail(res, 400, '404', 'not_found', 'Object not found');
        else res.writeHead(200, { 'content-type': object.contentType }).end(object.body);
        return;
      }
    }
    fail(res, 404, '404', 'Not found', `no route ${req.method} ${path}`);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    buckets,
    objects,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
