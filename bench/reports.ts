// The monthly RTT return over the PTL that benchPtl loaded (BENCH_PTL_ROWS pathways, default
// 100,000, for one user): every pathway's clock computed at the census, streamed in chunks.
import { performance } from 'node:perf_hooks';
import type { RttReturn } from '../server/src/contract/reports.js';
import type { RunningServer } from '../server/src/server.js';
import { record, scaled } from './figures.js';

const RUNS = scaled('BENCH_REPORT_RUNS', 5, 1);

function lastMonth(): string {
  const d = new Date();
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - 1, 1)).toISOString().slice(0, 7);
}

const line = (label: string, value: string, aim = '') => console.log(`  ${label.padEnd(52)} ${value.padStart(24)}   ${aim}`);

async function timedRuns(fn: () => Promise<unknown>) {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return { p50: times[Math.floor(times.length / 2)]!, max: times.at(-1)! };
}

export async function benchReports(server: RunningServer, token: string) {
  const auth = { authorization: `Bearer ${token}` };
  const month = lastMonth();
  const get = (path: string) =>
    fetch(`${server.url}${path}`, { headers: auth }).then(async (r) => {
      if (!r.ok) throw new Error(`${path}: ${r.status} ${await r.text()}`);
      return r.text();
    });
  const report = JSON.parse(await get(`/api/reports/rtt-incomplete?month=${month}`)) as RttReturn;
  console.log(`  -- RTT return (${report.total.total.toLocaleString('en-GB')} incomplete pathways at ${report.census_date}, ${RUNS} runs each)`);
  const json = await timedRuns(() => get(`/api/reports/rtt-incomplete?month=${month}`));
  line('RTT return JSON, past month', `p50 ${(json.p50 / 1000).toFixed(2)} s  max ${(json.max / 1000).toFixed(2)} s`, 'aim < 3 s');
  record('rtt_return_json_s', json.p50 / 1000, 's');
  const csv = await timedRuns(() => get(`/api/reports/rtt-incomplete.csv?month=${month}`));
  line('RTT return CSV, past month', `p50 ${(csv.p50 / 1000).toFixed(2)} s  max ${(csv.max / 1000).toFixed(2)} s`, 'aim < 3 s');
  record('rtt_return_csv_s', csv.p50 / 1000, 's');
  const current = await timedRuns(() => get('/api/reports/rtt-incomplete'));
  line('RTT return JSON, current month (provisional)', `p50 ${(current.p50 / 1000).toFixed(2)} s  max ${(current.max / 1000).toFixed(2)} s`, 'aim < 3 s');
  const rss = process.memoryUsage().rss / 1_048_576;
  line('process RSS after the returns', `${rss.toFixed(0)} MiB`);
}
