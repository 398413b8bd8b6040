import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Plugin } from 'vite';

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** Text the server sends as a `.br` or `.gz` copy (server/src/http/static-client.ts lists the same). */
const TEXT = /\.(?:js|mjs|css|html|svg|json|txt|map|webmanifest|xml)$/;

/**
 * After the build, writes `<file>.br` and `<file>.gz` beside every text file of the output, at the
 * highest settings: they are made once per build, so the time is spent where no user waits, and the
 * server only picks the copy the browser accepts. A copy that would not be smaller is not written
 * (the server then sends the file as it is). The `.vite` folder (the manifest) is not served.
 */
export function precompress(): Plugin {
  let outDir = '';
  return {
    name: 'precompress',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    async closeBundle() {
      const files = (await readdir(outDir, { recursive: true, withFileTypes: true }))
        .filter((entry) => entry.isFile() && TEXT.test(entry.name) && !path.relative(outDir, entry.parentPath).startsWith('.'))
        .map((entry) => path.join(entry.parentPath, entry.name));
      await Promise.all(files.map(writeCopies));
    },
  };
}

/** Writes `file.br` and `file.gz` beside `file`, each only if smaller than the file. */
export async function writeCopies(file: string): Promise<void> {
  const raw = await readFile(file);
  const [br, gz] = await Promise.all([
    brotli(raw, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
        [constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
      },
    }),
    gzipAsync(raw, { level: constants.Z_BEST_COMPRESSION }),
  ]);
  if (br.length < raw.length) await writeFile(`${file}.br`, br);
  if (gz.length < raw.length) await writeFile(`${file}.gz`, gz);
}
