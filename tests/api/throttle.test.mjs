// Login throttling under concurrency. A file of its own: it spends a lot of the per-address
// failure budget (30 per 15 minutes), which would lock the other tests' logins out.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DEMO, assertError, startServer, uniqueSuffix } from './server.mjs';

const PER_ACCOUNT_LIMIT = 5;

describe('login throttling under concurrency', () => {
  let server, secretariat;

  before(async () => {
    server = await startServer();
    secretariat = await server.login(DEMO.secretariat);
  });
  after(() => server?.stop());

  test('parallel wrong passwords get no more than the allowed number of password checks', async () => {
    const email = `race-${uniqueSuffix()}@example.jp`;
    const created = await secretariat.post('/api/v1/users', { email, name: '並列 試行', role: 'expert', password: 'right-password-123' });
    assert.equal(created.status, 201, created.text);

    // 20 guesses at once, as an attacker would send them.
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => server.client().login(email, `wrong-password-${i}`)));
    const statuses = results.map((r) => r.status);
    assert.ok(statuses.every((s) => s === 401 || s === 429), statuses.join(','));
    // Each refusal says which it is: a checked wrong password, or the throttle.
    for (const r of results) assertError(r, r.status, r.status === 401 ? 'unauthenticated' : 'too_many_requests');
    assert.ok(statuses.includes(429), 'the throttle never answered');
    const checked = statuses.filter((s) => s === 401).length;
    assert.ok(checked <= PER_ACCOUNT_LIMIT,
      `${checked} of 20 parallel guesses were checked against the password (limit ${PER_ACCOUNT_LIMIT} per 15 minutes); ` +
      'the throttle is read before and written after the slow password hash, so parallel requests slip through');
  });
});
