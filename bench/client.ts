// The client's first load, from the build manifest (client/build/first-load.ts): the gzip bytes of
// the scripts the login page and the board need before they show. Reads the build, runs nothing.
import { BUDGET_PAGES, firstLoad } from '../client/build/first-load.js';

/** Prints each budgeted page's first load and returns `client_initial_js_gzip_kb`: the larger of them. */
export function benchClient(): number {
  console.log('\nClient first load (gzip JavaScript before the page shows; budget 50 KB each)');
  let largest = 0;
  for (const [name, page] of Object.entries(BUDGET_PAGES)) {
    const kb = firstLoad(page).gzipBytes / 1024;
    largest = Math.max(largest, kb);
    console.log(`  ${`${name} (${page})`.padEnd(46)} ${kb.toFixed(1)} KB`);
  }
  console.log(`  ${'client_initial_js_gzip_kb'.padEnd(46)} ${largest.toFixed(1)} KB`);
  return largest;
}
