import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { BUDGET_PAGES, CLIENT_DIST, FIRST_LOAD_BUDGET_BYTES, firstLoad, readManifest } from '../../client/build/first-load.js';

// The built client as `npm test` leaves it (scripts/build-client-if-needed.mjs builds it first).
describe('the client build', () => {
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

  for (const [name, page] of Object.entries(BUDGET_PAGES)) {
    it(`keeps the ${name} page's first load within ${kb(FIRST_LOAD_BUDGET_BYTES)} of gzip JavaScript`, () => {
      const load = firstLoad(page);
      const detail = load.files.map((f) => `${f.file} ${kb(f.gzipBytes)}`).join(', ');
      expect(load.gzipBytes, `${name}: ${kb(load.gzipBytes)} (${detail})`).toBeLessThanOrEqual(FIRST_LOAD_BUDGET_BYTES);
    });
  }

  it('leaves zod, socket.io-client and the LiveKit SDK out of the login page and the board', () => {
    for (const page of Object.values(BUDGET_PAGES)) {
      for (const { file } of firstLoad(page).files) {
        const code = readFileSync(path.join(CLIENT_DIST, file), 'utf8');
        // Strings each library carries in its own code, whatever the minifier renames.
        expect(code, `${file} (loaded with ${page}) carries zod`).not.toContain('Encountered Promise during synchronous parse');
        expect(code, `${file} (loaded with ${page}) carries socket.io-client`).not.toContain('websocket error');
        expect(code, `${file} (loaded with ${page}) carries LiveKit`).not.toContain('LivekitError');
      }
    }
  });

  it('splits every route into its own chunk, loaded on demand', () => {
    const manifest = readManifest();
    const pages = Object.keys(manifest).filter((key) => key.startsWith('src/pages/') && key.endsWith('Page.svelte'));
    expect(pages.length).toBeGreaterThan(40);
    const loadedFirst = new Set(firstLoad(BUDGET_PAGES.login).files.map((f) => f.file));
    for (const page of pages) {
      expect(manifest[page]!.isDynamicEntry, page).toBe(true);
      if (page !== BUDGET_PAGES.login) expect(loadedFirst.has(manifest[page]!.file), page).toBe(false);
    }
  });

  it('writes a brotli and a gzip copy beside every script, stylesheet and index.html, each decoding to the file', () => {
    const assets = path.join(CLIENT_DIST, 'assets');
    const texts = [
      path.join(CLIENT_DIST, 'index.html'),
      ...readdirSync(assets)
        .filter((name) => /\.(js|css)$/.test(name))
        .map((name) => path.join(assets, name)),
    ];
    expect(texts.length).toBeGreaterThan(50);
    for (const file of texts) {
      const raw = readFileSync(file);
      // A copy is written only where it is smaller; the server then sends the file itself.
      if (existsSync(`${file}.br`)) expect(brotliDecompressSync(readFileSync(`${file}.br`)).equals(raw), `${file}.br`).toBe(true);
      else expect(brotliCompressSync(raw).length, `${file} has no .br copy`).toBeGreaterThanOrEqual(raw.length);
      if (existsSync(`${file}.gz`)) expect(gunzipSync(readFileSync(`${file}.gz`)).equals(raw), `${file}.gz`).toBe(true);
      else expect(gzipSync(raw, { level: 9 }).length, `${file} has no .gz copy`).toBeGreaterThanOrEqual(raw.length);
    }
  });
});
