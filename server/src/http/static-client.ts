import { existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import express from 'express';
import type { Request, Response } from 'express';

/** Hashed build output: its name changes with its content, so a browser may keep it for good. */
const IMMUTABLE = 'public, max-age=31536000, immutable';
/** Unhashed files beside index.html (the favicon): fresh for an hour, then revalidated. */
const SHORT = 'public, max-age=3600';
/** index.html names the current hashed files, so it is revalidated on every load. */
const REVALIDATE = 'no-cache';

/** The text files the build writes `.br` and `.gz` copies of (client/build/precompress.ts). */
const PRECOMPRESSED = /\.(?:js|mjs|css|html|svg|json|txt|map|webmanifest|xml)$/;

/** What is on disk beside a file, by `Content-Encoding`: best first. */
const VARIANTS = [
  { encoding: 'br', suffix: '.br' },
  { encoding: 'gzip', suffix: '.gz' },
] as const;
type Encoding = (typeof VARIANTS)[number]['encoding'];

/**
 * The coding to answer with, from `Accept-Encoding`: the compressed copy of highest weight, br
 * before gzip when weights tie, `*` standing for any coding not named; null for the file as it is
 * (nothing compressed accepted, or `identity` explicitly weighted above it).
 */
export function chooseEncoding(acceptEncoding: string | undefined): Encoding | null {
  const weights = new Map<string, number>();
  for (const part of (acceptEncoding ?? '').split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const weight = q === undefined ? 1 : Number(q.slice(2));
    weights.set(name, Number.isFinite(weight) ? weight : 0);
  }
  let best: Encoding | null = null;
  let bestWeight = 0;
  for (const { encoding } of VARIANTS) {
    const weight = weights.get(encoding) ?? weights.get('*') ?? 0;
    if (weight > bestWeight) {
      best = encoding;
      bestWeight = weight;
    }
  }
  const identity = weights.get('identity');
  return identity !== undefined && identity > bestWeight ? null : best;
}

/**
 * Sends `file` (a path inside the build) with `cacheControl`, as its `.br` or `.gz` copy when the
 * browser accepts one and the build wrote it. Calls `next()` when it has nothing to send.
 */
async function sendBuilt(req: Request, res: Response, next: () => void, file: string, cacheControl: string) {
  if (!PRECOMPRESSED.test(file)) return next();
  // Caches must keep the encodings apart, also when this answer is the uncompressed one.
  res.vary('Accept-Encoding');
  const encoding = chooseEncoding(req.get('accept-encoding'));
  const variant = VARIANTS.find((v) => v.encoding === encoding);
  if (!variant || !(await isFile(file + variant.suffix))) return next();
  // The type of the file itself, not of `.br`; set first, so `send` keeps it.
  res.type(path.extname(file));
  res.setHeader('Content-Encoding', variant.encoding);
  res.sendFile(file + variant.suffix, { cacheControl: false, headers: { 'Cache-Control': cacheControl } }, (err) => {
    if (!err || res.headersSent) return;
    // Removed since the check (a rebuild): the uncompressed file may still be there.
    res.removeHeader('Content-Encoding');
    res.removeHeader('Content-Type');
    next();
  });
}

async function isFile(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}

/**
 * The file under `root` a request path names, or null for a path that leaves it, is not a path, or
 * passes through a dot-folder (the build's `.vite/manifest.json` is for the tests, not the web).
 */
function fileUnder(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.split('/').some((segment) => segment.startsWith('.'))) return null;
  const file = path.join(root, decoded);
  return file.startsWith(root + path.sep) ? file : null;
}

/**
 * GET and HEAD of the files under `root`, precompressed copies first, then express.static. A file
 * not found falls through to the next handler, or with `fallthrough: false` is a 404.
 */
function builtFiles(root: string, cacheControl: (file: string) => string, fallthrough: boolean) {
  const router = express.Router();
  router.use(async (req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    const file = fileUnder(root, req.path);
    if (!file) return next();
    await sendBuilt(req, res, next, file, cacheControl(file));
  });
  router.use(
    express.static(root, {
      index: false,
      fallthrough,
      cacheControl: false,
      setHeaders: (res, file) => res.setHeader('Cache-Control', cacheControl(file)),
    }),
  );
  return router;
}

/**
 * The built single-page app. Hashed assets are cached for a year as immutable; every other GET
 * outside the API is answered with index.html, revalidated each time. Each text file goes as the
 * brotli or gzip copy written at build time when the browser takes one, so no request costs
 * compression work.
 */
export function serveClient(app: express.Express, dist: string) {
  const root = path.resolve(dist);
  const index = path.join(root, 'index.html');
  const beside = (file: string) => (file === index ? REVALIDATE : SHORT);
  // A missing asset is a 404, never index.html: a stale tab asking for an old chunk must fail plainly.
  app.use('/assets', builtFiles(path.join(root, 'assets'), () => IMMUTABLE, false));
  app.use(builtFiles(root, beside, true));
  app.get(/^(?!\/(api|socket\.io)\/).*/, async (req, res, next) => {
    if (!existsSync(index)) {
      // The operator's fix (`npm run build`; `npm start` does it) belongs in the README, not in front of users.
      res.status(503).set('Retry-After', '60').type('text/plain').send('The site is being updated. Please try again in a minute.');
      return;
    }
    const sendPlain = () => res.sendFile(index, { cacheControl: false, headers: { 'Cache-Control': REVALIDATE } }, (err) => err && next(err));
    await sendBuilt(req, res, sendPlain, index, REVALIDATE);
  });
}
