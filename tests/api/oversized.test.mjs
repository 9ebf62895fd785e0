// Oversized request lines and headers are answered (414 / 431 with the error body), not met with
// a dropped connection; a request just under the limits is served as usual.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { JAPANESE, startServer } from './server.mjs';

describe('oversized requests', () => {
  let server;
  before(async () => {
    server = await startServer();
  });
  after(() => server?.stop());

  async function errorOf(res, status, code) {
    assert.equal(res.status, status);
    const body = await res.json();
    assert.equal(body.error.code, code);
    assert.match(body.error.message, JAPANESE);
  }

  test('a request line over 8 KiB answers 414 uri_too_long', async () => {
    await errorOf(await fetch(`${server.baseUrl}/api/v1/engagements?q=${'a'.repeat(9000)}`), 414, 'uri_too_long');
    const near = await fetch(`${server.baseUrl}/api/v1/engagements?q=${'a'.repeat(7000)}`);
    assert.equal(near.status, 401); // under the limit: the usual answer (not logged in)
  });

  test('a header over 8 KiB, or headers over 32 KiB in all, answer 431 header_too_large', async () => {
    await errorOf(await fetch(`${server.baseUrl}/livez`, { headers: { 'X-Big': 'b'.repeat(9000) } }), 431, 'header_too_large');
    const many = Object.fromEntries(Array.from({ length: 6 }, (_, i) => [`X-Part-${i}`, 'p'.repeat(6000)]));
    await errorOf(await fetch(`${server.baseUrl}/livez`, { headers: many }), 431, 'header_too_large');
    assert.equal((await fetch(`${server.baseUrl}/livez`, { headers: { 'X-Big': 'b'.repeat(7000) } })).status, 200);
  });
});
