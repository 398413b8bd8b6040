import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PTL_IMPORT_HEADER } from '../../server/src/contract/ptl-import.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { dbTargets } from '../helpers/db.js';
import { createUser } from '../helpers/factories.js';

describe.each(dbTargets)('the PTL import template on %s', (target) => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp(target);
  });
  afterAll(async () => {
    await app?.close();
  });

  it('rejects the unauthenticated', async () => {
    expect((await app.http.get('/api/ptl/import/template')).status).toBe(401);
  });

  it('downloads as a CSV attachment that imports as it is', async () => {
    const user = await createUser(app);
    const res = await app.http.get('/api/ptl/import/template', { token: user.token });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="ptl-import-template.csv"');
    expect(res.text.split('\r\n')[0]).toBe(PTL_IMPORT_HEADER);

    const imported = await app.http.request('POST', '/api/ptl/import?mode=atomic', res.text, { token: user.token, headers: { 'content-type': 'text/csv' } });
    expect(imported.body).toMatchObject({ committed: true, total_rows: 1, imported: 1, rejected: 0 });
    const list = await app.http.get('/api/ptl?state=all', { token: user.token });
    expect(list.body.items.map((p: { patient_id: string }) => p.patient_id)).toEqual(['RTT-0001']);
  });
});
