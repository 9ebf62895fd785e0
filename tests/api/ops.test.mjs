// Operations endpoints and the headers every response carries.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DEMO, assertError, openapiDocument, startServer } from './server.mjs';

describe('operations', () => {
  let server;

  before(async () => { server = await startServer(); });
  after(() => server?.stop());

  test('/healthz answers ok without a session', async () => {
    const res = await server.client().get('/healthz');
    assert.equal(res.status, 200);
    assert.deepEqual(res.data, { status: 'ok' });
  });

  test('/livez answers alive without a session', async () => {
    const res = await server.client().get('/livez');
    assert.equal(res.status, 200);
    assert.deepEqual(res.data, { status: 'alive' });
  });

  test('/api/openapi.json is served as JSON without a session', async () => {
    const res = await server.client().get('/api/openapi.json');
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type'), /^application\/json/);
    assert.equal(res.data.openapi, '3.0.3');
    // The document the binary embedded is the one in this checkout (the other tests read the file).
    assert.deepEqual(res.data, await openapiDocument(), 'the served document differs from src/http/openapi.json: rebuild the binary');
  });

  test('/metrics has the request counter and the duration histogram', async () => {
    const c = await server.login(DEMO.expert1);
    await c.get('/api/v1/engagements');
    await server.client().get('/api/v1/auth/me');  // a 401
    const res = await server.client().get('/metrics');
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type'), /^text\/plain/);
    const text = res.text;
    assert.match(text, /^# TYPE shido_http_requests_total counter$/m);
    assert.match(text, /^shido_http_requests_total\{method="GET",route="\/api\/v1\/engagements",status="200"\} [1-9]\d*$/m);
    assert.match(text, /^shido_http_requests_total\{method="GET",route="\/api\/v1\/auth\/me",status="401"\} [1-9]\d*$/m);
    assert.match(text, /^shido_http_requests_total\{method="POST",route="\/api\/v1\/auth\/login",status="200"\} [1-9]\d*$/m);
    assert.match(text, /^shido_http_requests_total\{method="GET",route="\/healthz",status="200"\} [1-9]\d*$/m);
    assert.match(text, /^# TYPE shido_http_request_duration_seconds histogram$/m);

    const buckets = [...text.matchAll(/^shido_http_request_duration_seconds_bucket\{le="([^"]+)"\} (\d+)$/gm)]
      .map((m) => ({ le: m[1], count: Number(m[2]) }));
    assert.ok(buckets.length >= 2, 'no histogram buckets');
    assert.equal(buckets.at(-1).le, '+Inf');
    for (let i = 1; i < buckets.length; ++i) {
      assert.ok(Number(buckets[i].le) > Number(buckets[i - 1].le) || buckets[i].le === '+Inf', 'bucket bounds not increasing');
      assert.ok(buckets[i].count >= buckets[i - 1].count, 'buckets are not cumulative');
    }
    const count = Number(/^shido_http_request_duration_seconds_count (\d+)$/m.exec(text)?.[1]);
    const sum = Number(/^shido_http_request_duration_seconds_sum (\S+)$/m.exec(text)?.[1]);
    assert.equal(buckets.at(-1).count, count);
    assert.ok(count >= 3 && sum > 0);
    // Label values are route patterns, never concrete ids (bounded cardinality).
    await c.get('/api/v1/engagements/1');
    const again = (await server.client().get('/metrics')).text;
    assert.match(again, /route="\/api\/v1\/engagements\/\{id\}"/);
    assert.doesNotMatch(again, /route="\/api\/v1\/engagements\/1"/);
  });

  test('every kind of response carries a unique X-Request-Id and the security headers', async () => {
    const c = await server.login(DEMO.secretariat);
    const responses = [
      await server.client().get('/healthz'),
      await server.client().get('/livez'),
      await server.client().get('/metrics'),
      await server.client().get('/api/openapi.json'),
      await c.get('/api/v1/engagements'),                                       // 200
      await server.client().get('/api/v1/engagements'),                         // 401
      await c.post('/api/v1/companies', {}),                                    // 422
      await c.post('/api/v1/companies', { name: 'x' }, { csrf: false }),        // 403 csrf
      await c.get('/api/v1/engagements/999999999'),                             // 404
      await c.get('/api/v1/nowhere'),                                           // unmatched API path
      await server.client().get('/no-such-file.js'),                            // static 404
      await server.client().get('/'),                                           // static, no index.html
    ];
    const ids = responses.map((r) => r.headers.get('x-request-id'));
    for (const [i, id] of ids.entries()) assert.ok(id && id.length >= 8, `response ${i} (${responses[i].status}) has no X-Request-Id`);
    assert.equal(new Set(ids).size, ids.length, 'request ids repeat');
    for (const r of responses) {
      assert.equal(r.headers.get('x-content-type-options'), 'nosniff');
      assert.equal(r.headers.get('x-frame-options'), 'DENY');
    }
    for (const r of responses.slice(4, 10)) assert.equal(r.headers.get('cache-control'), 'no-store', 'API answers must not be cached');
  });

  test('an unsupported method on an API path answers a JSON error, not a page', async () => {
    const c = await server.login(DEMO.secretariat);
    const res = await c.request('DELETE', '/api/v1/companies/1');
    // A documented path: 405 with the methods it has (an undocumented one is a 404, see routes.test).
    assertError(res, 405, 'method_not_allowed');
    assert.equal(res.headers.get('allow'), 'GET, PATCH');
    assertError(await c.request('DELETE', '/api/v1/nowhere/1'), 404, 'not_found');
  });
});
