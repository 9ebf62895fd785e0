// The worker pool for heavy work (password hashing, exports, CSV import): bounded, so a flood of
// exports is refused with the documented 503 instead of piling up, and light requests are still
// answered meanwhile. A server of its own with a single worker.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { cast } from './diagnosis.mjs';
import { assertError, openapiDocument, shidoRoutes, startServer } from './server.mjs';

describe('worker pool', () => {
  let server, who, doc;

  before(async () => {
    server = await startServer({ serveArgs: ['--workers', '1'] });
    who = await cast(server);
    doc = await openapiDocument();
  });
  after(() => server?.stop());

  test('a flood of exports: what does not fit the queue answers 503 unavailable with Retry-After; light requests go on', async () => {
    const rounds = await who.expert1.get(`/api/v1/engagements/${who.maker.id}/diagnosis/rounds`);
    const round = rounds.data.items.find((r) => r.submitted_count > 0);
    assert.ok(round, 'the demo round with its paper sheets');
    const url = `/api/v1/diagnosis/rounds/${round.id}/summary.xlsx`;
    let floodDone = false;
    const flood = Promise.all(Array.from({ length: 100 }, () => who.expert1.get(url))).finally(() => { floodDone = true; });
    // While the single worker renders workbooks, an ordinary page is served by the request threads.
    await new Promise((r) => setTimeout(r, 20));
    const light = await who.expert1.get('/api/v1/engagements');
    assert.equal(light.status, 200, light.text);
    assert.equal(floodDone, false, 'the light request had to wait for the exports');
    const answers = await flood;

    const statuses = answers.map((r) => r.status);
    assert.deepEqual([...new Set(statuses)].sort(), [200, 503], `statuses: ${statuses.join(',')}`);
    for (const r of answers.filter((x) => x.status === 503)) {
      assertError(r, 503, 'unavailable');
      assert.ok(Number(r.headers.get('retry-after')) >= 1, `Retry-After: ${r.headers.get('retry-after')}`);
    }
    for (const r of answers.filter((x) => x.status === 200))
      assert.match(r.headers.get('content-type'), /spreadsheetml/);
    // Documented: the operation lists the 503 and the error code exists.
    const op = doc.paths['/api/v1/diagnosis/rounds/{id}/summary.xlsx'].get;
    assert.deepEqual(op.responses['503'], { $ref: '#/components/responses/Unavailable' });
    assert.ok(doc.components.schemas.ErrorCode.enum.includes('unavailable'));
    assert.ok(doc.components.responses.Unavailable.headers['Retry-After']);
    // Nothing is stuck: the next export is rendered.
    assert.equal((await who.expert1.get(url)).status, 200);
  });

  test('exactly the heavy routes of `shido routes` document the 503 of a full queue', async () => {
    const routes = await shidoRoutes();
    assert.ok(routes.some((r) => r.heavy), 'no heavy route at all');
    for (const r of routes) {
      const op = doc.paths[r.path][r.method.toLowerCase()];
      assert.equal(Boolean(op.responses['503']), r.heavy, `${r.method} ${r.path}: heavy ${r.heavy}`);
    }
  });
});
