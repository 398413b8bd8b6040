import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { constants, gzipSync } from 'node:zlib';

/** The built client (`npm run build`). */
export const CLIENT_DIST = fileURLToPath(new URL('../dist', import.meta.url));

/** The pages held to the first-load budget, by their source (as the build manifest names them). */
export const BUDGET_PAGES = {
  login: 'src/pages/auth/LoginPage.svelte',
  board: 'src/pages/sessions/SessionsPage.svelte',
} as const;

/** Issue #13: the JavaScript of the login page's or the board's first load, gzip. */
export const FIRST_LOAD_BUDGET_BYTES = 50 * 1024;

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
}
type Manifest = Record<string, ManifestChunk>;

export interface FirstLoad {
  /** Each script, with the bytes it costs as the server sends it gzip. */
  files: Array<{ file: string; gzipBytes: number }>;
  gzipBytes: number;
}

export function readManifest(dist = CLIENT_DIST): Manifest {
  const file = path.join(dist, '.vite/manifest.json');
  if (!existsSync(file)) throw new Error(`${file} is missing: build the client first (npm run build)`);
  return JSON.parse(readFileSync(file, 'utf8')) as Manifest;
}

/**
 * The scripts a browser runs before `page` shows: the entry (index.html's script) and its static
 * imports, then the page's chunk and its static imports (which Vite's preload fetches with it).
 * A chunk a page imports dynamically (zod on the login form's first focus, socket.io-client when
 * the board goes live) is loaded after the page shows, so it is not counted.
 */
export function firstLoad(page: string, dist = CLIENT_DIST): FirstLoad {
  const manifest = readManifest(dist);
  const entry = Object.keys(manifest).find((key) => manifest[key]?.isEntry);
  if (!entry) throw new Error('The build manifest has no entry');
  if (!manifest[page]) throw new Error(`The build manifest has no chunk for ${page}`);
  const keys = new Set<string>();
  const visit = (key: string) => {
    if (keys.has(key)) return;
    keys.add(key);
    for (const imported of manifest[key]?.imports ?? []) visit(imported);
  };
  visit(entry);
  visit(page);
  const files = [...keys].map((key) => {
    const file = manifest[key]!.file;
    return { file, gzipBytes: gzipSize(path.join(dist, file)) };
  });
  return { files, gzipBytes: files.reduce((sum, f) => sum + f.gzipBytes, 0) };
}

/** The size of the `.gz` copy the build wrote (client/build/precompress.ts), or of the same compression. */
function gzipSize(file: string): number {
  const copy = `${file}.gz`;
  if (existsSync(copy)) return readFileSync(copy).length;
  return gzipSync(readFileSync(file), { level: constants.Z_BEST_COMPRESSION }).length;
}
