// The PTL at trust scale: one user with BENCH_PTL_ROWS (default 100,000) pathways.
import { performance } from 'node:perf_hooks';
import { PathwayListQuerySchema, SPECIALTIES } from '../server/src/contract/ptl.js';
import type { Claims, Db } from '../server/src/db/types.js';
import { computeClock, type ClockEvent } from '../server/src/domains/ptl/clock.js';
import { buildListQuery } from '../server/src/domains/ptl/list-query.js';
import type { RunningServer } from '../server/src/server.js';
import { record, scaled } from './figures.js';

const PRIORITIES = ['P1b', 'P2', 'P3', 'P4'];
const ROWS = scaled('BENCH_PTL_ROWS', 100_000, 2_000);
const PAGE_RUNS = scaled('BENCH_PAGE_RUNS', 1000, 30);

function nhsNumber(seed: number): string {
  for (let n = seed; ; n++) {
    const body = `999${String(n % 1_000_000).padStart(6, '0')}`;
    let sum = 0;
    for (let i = 0; i < 9; i++) sum += Number(body[i]) * (10 - i);
    const check = (11 - (sum % 11)) % 11;
    if (check !== 10) return `${body}${check}`;
  }
}

function isoDaysAgo(days: number) {
  return new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
}

export function ptlCsv(rows: number): string {
  const lines = ['patient_id,patient_name,nhs_number,specialty,referral_date,clock_start_date,pathway_type,priority,current_status'];
  for (let i = 0; i < rows; i++) {
    const waited = (i * 7919) % 900; // 0–899 days, spread like a long-tailed list
    const date = isoDaysAgo(waited + 1);
    lines.push(`B${i},Patient ${i},${nhsNumber(i)},"${SPECIALTIES[i % SPECIALTIES.length]!.name}",${date},${date},${i % 5 ? 'routine' : 'urgent'},${PRIORITIES[i % PRIORITIES.length]},awaiting_first_appointment`);
  }
  return lines.join('\n');
}

function summarise(times: number[]) {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
  return { p50: at(50), p99: at(99) };
}

async function timed<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const t = performance.now();
  const r = await fn();
  return [performance.now() - t, r];
}

const line = (label: string, value: string, aim = '') => console.log(`  ${label.padEnd(52)} ${value.padStart(24)}   ${aim}`);

export async function benchPtl(db: Db, server: RunningServer, token: string, userId: string) {
  console.log(`  -- PTL with ${ROWS.toLocaleString('en-GB')} pathways for one user`);
  const auth = { authorization: `Bearer ${token}` };
  const csv = ptlCsv(ROWS);
  const [importMs, importRes] = await timed(() =>
    fetch(`${server.url}/api/ptl/import?mode=atomic`, { method: 'POST', headers: { ...auth, 'content-type': 'text/csv' }, body: csv }).then(
      (r) => r.json() as Promise<{ imported: number; errors: unknown[] }>,
    ),
  );
  if (importRes.imported !== ROWS) throw new Error(`import took ${importRes.imported} of ${ROWS} rows: ${JSON.stringify(importRes.errors.slice(0, 3))}`);
  line(`CSV import (${(csv.length / 1_048_576).toFixed(1)} MiB, ${importRes.imported} rows)`, `${(importMs / 1000).toFixed(2)} s`, 'aim < 10 s');
  // The keys name the aim's size (100,000 rows); `ptl_rows` says how many this run used.
  record('ptl_rows', ROWS, 'rows');
  record('ptl_import_100k_s', importMs / 1000, 's');

  const pageUrl = `${server.url}/api/ptl?limit=50&sort=weeks_waited&specialty=Urology`;
  await fetch(pageUrl, { headers: auth });
  const pageTimes: number[] = [];
  for (let i = 0; i < PAGE_RUNS; i++) pageTimes.push((await timed(() => fetch(pageUrl, { headers: auth }).then((r) => r.arrayBuffer())))[0]);
  const page = summarise(pageTimes);
  line('page of 50, by weeks waited, one specialty (HTTP)', `p50 ${page.p50.toFixed(2)} ms  p99 ${page.p99.toFixed(2)} ms`, 'aim p99 < 20 ms');
  record('ptl_page_p50_ms', page.p50, 'ms');
  record('ptl_page_p99_ms', page.p99, 'ms');

  const statsTimes: number[] = [];
  for (let i = 0; i < 30; i++) statsTimes.push((await timed(() => fetch(`${server.url}/api/ptl/stats`, { headers: auth }).then((r) => r.arrayBuffer())))[0]);
  const stats = summarise(statsTimes);
  line('stats (HTTP)', `p50 ${stats.p50.toFixed(1)} ms  p99 ${stats.p99.toFixed(1)} ms`, 'aim < 100 ms');
  record('ptl_stats_p99_ms', stats.p99, 'ms');

  const [exportMs, exported] = await timed(() => fetch(`${server.url}/api/ptl/export.csv?state=all`, { headers: auth }).then((r) => r.text()));
  line(`full CSV export (${(exported.length / 1_048_576).toFixed(1)} MiB)`, `${(exportMs / 1000).toFixed(2)} s`, 'aim < 3 s');
  record('ptl_export_100k_s', exportMs / 1000, 's');

  // The same user's portfolio and personal-data export carry every one of those pathways.
  const [portfolioMs] = await timed(() => fetch(`${server.url}/api/portfolio`, { headers: auth }).then((r) => r.arrayBuffer()));
  line('portfolio (HTTP, with the whole PTL counted)', `${portfolioMs.toFixed(0)} ms`, '');
  record('portfolio_with_ptl_ms', portfolioMs, 'ms');
  const [personalMs, personal] = await timed(() => fetch(`${server.url}/api/portfolio/export`, { headers: auth }).then((r) => r.text()));
  line(`personal-data JSON export (${(personal.length / 1_048_576).toFixed(1)} MiB)`, `${(personalMs / 1000).toFixed(2)} s`, '');
  record('personal_export_s', personalMs / 1000, 's');

  // The engine over every pathway, each with a few events, in memory.
  const today = isoDaysAgo(0);
  const inputs = Array.from({ length: ROWS }, (_, i) => {
    const start = isoDaysAgo(((i * 7919) % 900) + 1);
    const events: ClockEvent[] = [];
    const n = i % 6;
    const kinds = ['outpatient_attended', 'diagnostics', 'hospital_cancelled', 'decision_to_admit', 'treatment_admitted'] as const;
    for (let k = 0; k < n; k++) events.push({ id: `e${i}-${k}`, event_type: kinds[k % kinds.length]!, event_date: start, appointment_communicated: true });
    return { clock_start_date: start, pathway_type: 'routine' as const, events };
  });
  const [engineMs] = await timed(async () => {
    for (const input of inputs) computeClock(input, today);
  });
  line('RTT clock engine over every pathway (0–5 events each)', `${engineMs.toFixed(0)} ms`, 'aim < 200 ms');
  record('rtt_clock_100k_ms', engineMs, 'ms');

  // The same page query as the user (RLS) and as the table owner (no RLS).
  const q = PathwayListQuerySchema.parse({ specialty: 'Urology', limit: '50' });
  const { sql, params } = buildListQuery(q, today, userId, null);
  const claims: Claims = { sub: userId, email: 'bench@example.test', role: 'authenticated', app_metadata: { role: 'trainee' }, session_id: 'bench' };
  const rls: number[] = [];
  const owner: number[] = [];
  // Only the statement is timed, inside each transaction, so the figure is the cost of the policies.
  for (let i = 0; i < PAGE_RUNS; i++) {
    await db.asUser(claims, async (tx) => {
      rls.push((await timed(() => tx.query(sql, params)))[0]);
    });
    await db.transaction(async (tx) => {
      owner.push((await timed(() => tx.query(sql, params)))[0]);
    });
  }
  const r = summarise(rls);
  const o = summarise(owner);
  line('paged query as authenticated (RLS)', `p50 ${r.p50.toFixed(2)} ms  p99 ${r.p99.toFixed(2)} ms`);
  line('paged query as owner (no RLS)', `p50 ${o.p50.toFixed(2)} ms  p99 ${o.p99.toFixed(2)} ms`);
  line('RLS / owner ratio', `p50 ${(r.p50 / o.p50).toFixed(2)}  p99 ${(r.p99 / o.p99).toFixed(2)}`, 'aim < 1.10 / 1.20');
  record('rls_ratio_p50', r.p50 / o.p50, 'ratio');
  record('rls_ratio_p99', r.p99 / o.p99, 'ratio');
}
