import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { TrackerDefinition } from './define.js';

const MODULES_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'modules');

/**
 * Every tracker definition in `modules/`, one file each, in module order. Read from the folder so
 * that a new tracker is its definition file and nothing else: no list to add it to.
 */
export async function loadTrackers(dir = MODULES_DIR): Promise<TrackerDefinition[]> {
  const files = (await readdir(dir)).filter((f) => /\.(ts|js)$/.test(f) && !f.endsWith('.d.ts')).sort();
  const defs: TrackerDefinition[] = [];
  for (const file of files) {
    const mod = (await import(pathToFileURL(path.join(dir, file)).href)) as { default?: TrackerDefinition };
    if (!mod.default?.module) throw new Error(`trackers/modules/${file} has no default export made with defineTracker()`);
    defs.push(mod.default);
  }
  const seen = new Set<string>();
  for (const d of defs) {
    if (seen.has(d.module)) throw new Error(`two trackers are called ${d.module}`);
    seen.add(d.module);
  }
  return defs;
}
