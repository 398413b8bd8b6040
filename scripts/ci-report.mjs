// Reads vitest's JSON report (test-results/vitest.json) and prints the CI tally,
// `tests: N passed, M failed`. Besides failures, it counts as failed:
// - a skipped test that is not on the allow-list below (a new `.skip`, or an environment variable
//   that went missing, must not pass green);
// - a group that must run in CI and did not (PostgreSQL, Redis across two instances, the browser).
// Exits non-zero when anything failed.
import { readFileSync } from 'node:fs';
import path from 'node:path';

/** Tests that skip by design in a full CI run, each with the reason. Matched on the full name. */
const ALLOWED_SKIPS = [
  {
    name: /^migrator on pglite .*two connections migrating at once/,
    why: 'PGlite is one connection in one process: concurrent migrations exist only on a PostgreSQL server (run on the postgres target)',
  },
  {
    name: /^row-level security on pglite .*a login that holds only authenticated cannot SET ROLE app_admin/,
    why: 'PGlite has no logins to hold roles: checked on the postgres target',
  },
];

/** Groups that must have passing tests in CI, by where they live or what they are called. */
const REQUIRED_GROUPS = [
  { name: 'PostgreSQL server (the postgres target)', test: (t) => / on postgres\b/.test(t.fullName) },
  { name: 'Redis (two server instances sharing it)', test: (t) => t.fullName.startsWith('two server instances sharing Redis') },
  { name: 'two servers on one PostgreSQL (records)', test: (t) => t.file.endsWith(`${path.sep}records-two-servers.test.ts`) },
  { name: 'the browser (Chromium e2e)', test: (t) => t.file.includes(`${path.sep}test${path.sep}e2e${path.sep}`) },
];

// Usage: ci-report.mjs [report.json] [--vitest-status N] [--failed-step "what failed"]…
const args = process.argv.slice(2);
const optionValues = (name) => args.flatMap((a, i) => (args[i - 1] === name ? [a] : []));
const failedSteps = optionValues('--failed-step');
// vitest's own exit status: non-zero with every test passed means errors outside the tests
// (unhandled rejections, a crashed worker), which the JSON report does not count.
const vitestStatus = Number(optionValues('--vitest-status')[0] ?? 0);
const reportPath = args.find((a, i) => !a.startsWith('--') && !['--failed-step', '--vitest-status'].includes(args[i - 1])) ?? 'test-results/vitest.json';
const report = JSON.parse(readFileSync(reportPath, 'utf8'));
const tests = report.testResults.flatMap((file) =>
  file.assertionResults.map((a) => ({ ...a, fullName: a.fullName ?? [...a.ancestorTitles, a.title].join(' '), file: file.name })),
);

const problems = [];
const skipped = tests.filter((t) => ['pending', 'skipped', 'todo', 'disabled'].includes(t.status));
for (const t of skipped) {
  const allowed = ALLOWED_SKIPS.find((a) => a.name.test(t.fullName));
  if (allowed) console.log(`skipped as allowed: ${t.fullName} — ${allowed.why}`);
  else problems.push(`skipped, and not allowed to be: ${t.fullName} (${path.relative(process.cwd(), t.file)})`);
}
for (const group of REQUIRED_GROUPS) {
  const ran = tests.filter((t) => t.status === 'passed' && group.test(t)).length;
  if (ran === 0) problems.push(`no test of ${group.name} ran`);
  else console.log(`ran: ${group.name} (${ran} passed)`);
}
// A test file that failed to load has no assertion results but is itself a failure.
const brokenFiles = report.testResults.filter((f) => f.status === 'failed' && f.assertionResults.length === 0);
for (const f of brokenFiles) problems.push(`failed to run: ${path.relative(process.cwd(), f.name)}${f.message ? ` — ${f.message.split('\n')[0]}` : ''}`);

for (const step of failedSteps) problems.push(`failed: ${step}`);
if (vitestStatus !== 0 && report.numFailedTests === 0) problems.push(`vitest exited with status ${vitestStatus} with no failed test: unhandled errors or a crash (see "Unhandled Errors" above)`);
for (const p of problems) console.error(p);
const passed = report.numPassedTests;
const failed = report.numFailedTests + problems.length + (report.numTotalTests === 0 ? 1 : 0);
if (report.numTotalTests === 0) console.error('no test ran');
console.log(`tests: ${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
