import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeCopies } from '../../client/build/precompress.js';
import { API_COMPRESSION_THRESHOLD_BYTES } from '../../server/src/app.js';
import { createLogger } from '../../server/src/logger.js';
import { startServer, type RunningServer } from '../../server/src/server.js';
import { chooseEncoding } from '../../server/src/http/static-client.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { createUser, type TestUser } from '../helpers/factories.js';
import { CSV_HEADER, pathwayInput, syntheticNhsNumber } from '../helpers/ptl.js';

interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  /** The bytes as sent, not decoded (fetch would undo the Content-Encoding under test). */
  body: Buffer;
}

function rawGet(url: string, headers: Record<string, string> = {}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    request(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    })
      .on('error', reject)
      .end();
  });
}

const decode = {
  br: brotliDecompressSync,
  gzip: gunzipSync,
} as const;

/** A built client in miniature: a hashed script, a stylesheet, index.html and the favicon, with their copies. */
async function writeBuild(dist: string) {
  const script = `export const board = ${JSON.stringify(Array.from({ length: 400 }, (_, i) => ({ id: i, title: `Session ${i}` })))};\n`;
  const files = {
    'index.html': `<!doctype html><html lang="en"><head><title>OSCE Practice</title><script type="module" src="/assets/index-AbC123.js"></script></head><body>${'<div></div>'.repeat(200)}</body></html>`,
    'assets/index-AbC123.js': script,
    'assets/index-DeF456.css': `body { margin: 0; }\n${'.x { color: red; }\n'.repeat(200)}`,
    'favicon.svg': `<svg xmlns="http://www.w3.org/2000/svg">${'<g/>'.repeat(300)}</svg>`,
    '.vite/manifest.json': '{"index.html":{"file":"assets/index-AbC123.js","isEntry":true}}',
  };
  await mkdir(path.join(dist, 'assets'), { recursive: true });
  await mkdir(path.join(dist, '.vite'), { recursive: true });
  for (const [name, text] of Object.entries(files)) {
    await writeFile(path.join(dist, name), text);
    if (!name.startsWith('.vite')) await writeCopies(path.join(dist, name));
  }
  return files;
}

describe('the built client over HTTP', () => {
  let app: TestApp;
  let site: RunningServer;
  let dist: string;
  let files: Awaited<ReturnType<typeof writeBuild>>;

  beforeAll(async () => {
    dist = await mkdtemp(path.join(tmpdir(), 'client-dist-'));
    files = await writeBuild(dist);
    app = await startTestApp('pglite');
    // A second server over the same database, serving the miniature build above.
    site = await startServer({ config: { ...app.config, clientDist: dist }, db: app.db, logger: createLogger('silent') });
  });
  afterAll(async () => {
    await site?.close(1_000);
    await app?.close();
    await rm(dist, { recursive: true, force: true });
  });

  for (const encoding of ['br', 'gzip'] as const) {
    it(`sends a hashed asset as its ${encoding} copy, cached for good, when the browser accepts ${encoding}`, async () => {
      const res = await rawGet(`${site.url}/assets/index-AbC123.js`, { 'accept-encoding': encoding });
      expect(res.status).toBe(200);
      expect(res.headers['content-encoding']).toBe(encoding);
      expect(res.headers['content-type']).toMatch(/^text\/javascript|^application\/javascript/);
      expect(res.headers.vary).toMatch(/accept-encoding/i);
      expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(Number(res.headers['content-length'])).toBe(res.body.length);
      expect(res.body.length).toBeLessThan(files['assets/index-AbC123.js'].length / 3);
      expect(decode[encoding](res.body).toString()).toBe(files['assets/index-AbC123.js']);
    });
  }

  it('prefers brotli when a browser takes both, as browsers do', async () => {
    const res = await rawGet(`${site.url}/assets/index-DeF456.css`, { 'accept-encoding': 'gzip, deflate, br, zstd' });
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['content-type']).toMatch(/^text\/css/);
    expect(brotliDecompressSync(res.body).toString()).toBe(files['assets/index-DeF456.css']);
  });

  it('sends the file as it is, still varying by encoding, to a client that accepts no compression', async () => {
    for (const headers of [{}, { 'accept-encoding': 'identity' }, { 'accept-encoding': 'br;q=0, gzip;q=0' }] as Record<string, string>[]) {
      const res = await rawGet(`${site.url}/assets/index-AbC123.js`, headers);
      expect(res.status).toBe(200);
      expect(res.headers['content-encoding']).toBeUndefined();
      expect(res.headers.vary).toMatch(/accept-encoding/i);
      expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(res.body.toString()).toBe(files['assets/index-AbC123.js']);
    }
  });

  it('answers every app path with index.html, compressed and revalidated each time', async () => {
    for (const url of ['/', '/sessions', '/ptl/123', '/index.html']) {
      const res = await rawGet(site.url + url, { 'accept-encoding': 'gzip, br' });
      expect(res.status, url).toBe(200);
      expect(res.headers['content-type'], url).toMatch(/^text\/html/);
      expect(res.headers['content-encoding'], url).toBe('br');
      expect(res.headers['cache-control'], url).toBe('no-cache');
      expect(brotliDecompressSync(res.body).toString(), url).toBe(files['index.html']);
    }
    const plain = await rawGet(`${site.url}/sessions`);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers['cache-control']).toBe('no-cache');
    expect(plain.body.toString()).toBe(files['index.html']);
  });

  it('caches unhashed files beside index.html for an hour only', async () => {
    const res = await rawGet(`${site.url}/favicon.svg`, { 'accept-encoding': 'gzip' });
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.headers['content-type']).toMatch(/^image\/svg\+xml/);
    expect(res.headers['cache-control']).toBe('public, max-age=3600');
    expect(gunzipSync(res.body).toString()).toBe(files['favicon.svg']);
  });

  it('answers a missing asset with 404, not index.html, and does not serve the build manifest', async () => {
    const missing = await rawGet(`${site.url}/assets/index-Gone99.js`, { 'accept-encoding': 'br' });
    expect(missing.status).toBe(404);
    expect(missing.headers['content-type']).not.toMatch(/text\/html/);
    const manifest = await rawGet(`${site.url}/.vite/manifest.json`, { 'accept-encoding': 'br' });
    expect(manifest.body.toString()).not.toContain('isEntry');
    const escape = await rawGet(`${site.url}/assets/..%2f..%2fpackage.json`, { 'accept-encoding': 'br' });
    expect(escape.body.toString()).not.toContain('"dependencies"');
  });

  it('honours conditional requests on a compressed copy', async () => {
    const first = await rawGet(`${site.url}/assets/index-AbC123.js`, { 'accept-encoding': 'br' });
    const etag = String(first.headers.etag);
    const again = await rawGet(`${site.url}/assets/index-AbC123.js`, { 'accept-encoding': 'br', 'if-none-match': etag });
    expect(again.status).toBe(304);
    // A different representation: the gzip copy must not match the brotli copy's validator.
    const gzip = await rawGet(`${site.url}/assets/index-AbC123.js`, { 'accept-encoding': 'gzip', 'if-none-match': etag });
    expect(gzip.status).toBe(200);
  });

  describe('API answers', () => {
    let user: TestUser;
    beforeAll(async () => {
      user = await createUser(app);
    });

    it('compresses an answer over the threshold and leaves a smaller one as it is', async () => {
      const small = await rawGet(`${app.url}/api/health`, { 'accept-encoding': 'br, gzip' });
      expect(small.status).toBe(200);
      expect(small.body.length).toBeLessThan(API_COMPRESSION_THRESHOLD_BYTES);
      expect(small.headers['content-encoding']).toBeUndefined();
      expect(JSON.parse(small.body.toString()).status).toBe('ok');

      const csv = [CSV_HEADER, ...Array.from({ length: 30 }, (_, i) => Object.values(pathwayInput({ nhs_number: syntheticNhsNumber(i) })).join(','))].join('\n');
      const imported = await app.http.request('POST', '/api/ptl/import', csv, { token: user.token, headers: { 'content-type': 'text/csv' } });
      expect(imported.status, imported.text).toBe(200);

      const plain = await rawGet(`${app.url}/api/ptl?limit=30`, { authorization: `Bearer ${user.token}` });
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(plain.body.length).toBeGreaterThan(API_COMPRESSION_THRESHOLD_BYTES);
      for (const encoding of ['br', 'gzip'] as const) {
        const res = await rawGet(`${app.url}/api/ptl?limit=30`, { authorization: `Bearer ${user.token}`, 'accept-encoding': encoding });
        expect(res.headers['content-encoding']).toBe(encoding);
        expect(res.headers.vary).toMatch(/accept-encoding/i);
        expect(res.body.length).toBeLessThan(plain.body.length / 2);
        expect(JSON.parse(decode[encoding](res.body).toString())).toEqual(JSON.parse(plain.body.toString()));
      }
    });

    it('streams the CSV export through the compressor: chunked, not buffered to a length', async () => {
      const url = `${app.url}/api/ptl/export.csv`;
      const plain = await rawGet(url, { authorization: `Bearer ${user.token}` });
      const res = await rawGet(url, { authorization: `Bearer ${user.token}`, 'accept-encoding': 'br' });
      expect(res.status).toBe(200);
      expect(res.headers['content-encoding']).toBe('br');
      expect(res.headers['transfer-encoding']).toBe('chunked');
      expect(res.headers['content-length']).toBeUndefined();
      expect(res.headers['content-disposition']).toContain('ptl.csv');
      expect(brotliDecompressSync(res.body).toString()).toBe(plain.body.toString());
      expect(plain.body.toString().split('\n').length).toBeGreaterThan(30);
    });
  });
});

describe('chooseEncoding', () => {
  it.each([
    [undefined, null],
    ['', null],
    ['gzip, deflate, br, zstd', 'br'],
    ['gzip', 'gzip'],
    ['br;q=0.5, gzip', 'gzip'],
    ['br;q=0, gzip;q=0', null],
    ['*', 'br'],
    ['*;q=0, gzip', 'gzip'],
    ['identity;q=1, br;q=0.5', null],
    ['deflate', null],
    ['GZIP;Q=0.8', 'gzip'],
  ])('%j → %j', (header, expected) => {
    expect(chooseEncoding(header)).toBe(expected);
  });
});
