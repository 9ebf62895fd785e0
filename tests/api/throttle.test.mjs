// Login throttling under concurrency. A file of its own: it spends a lot of the per-address
// failure budget (30 per 15 minutes), which would lock the other tests' logins out.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DEMO, DEMO_PASSWORD, assertError, startServer, uniqueSuffix } from './server.mjs';
import { addAccount } from './accounts.mjs';

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
    await addAccount(server, { email, name: '並列 試行', role: 'expert', password: 'right-password-123' });

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

// A stranger who knows the secretariat's address, guessing from many addresses, is slowed down,
// and the secretariat still gets in: at once from an address it used before, after a short
// pause from a new one. (Addresses come from X-Forwarded-For, as behind the proxy.)
describe('login throttling cannot be used to lock an owner out', () => {
  let server;
  before(async () => {
    server = await startServer({ serveArgs: ['--trust-proxy'] });
  });
  after(() => server?.stop());

  const from = (address, email, password) =>
    server.client().request('POST', '/api/v1/auth/login', {
      json: { email, password }, headers: { 'X-Forwarded-For': address } });

  test('twenty strangers guessing are slowed; the owner logs in from a known and a new address', async () => {
    assert.equal((await from('192.0.2.10', DEMO.secretariat, DEMO_PASSWORD)).status, 200);
    const guesses = [];
    for (let i = 0; i < 20; i++) guesses.push(await from(`198.51.100.${i + 1}`, DEMO.secretariat, `guess-${i}`));
    const statuses = guesses.map((r) => r.status);
    for (const r of guesses) assertError(r, r.status, r.status === 401 ? 'unauthenticated' : 'too_many_requests');
    const checked = statuses.filter((s) => s === 401).length;
    assert.ok(checked >= 5 && checked <= 8, `guesses checked: ${checked} (${statuses.join(',')})`);
    assert.ok(statuses.includes(429), 'the guesses were never slowed');

    // The known address is not slowed by the strangers' failures.
    assert.equal((await from('192.0.2.10', DEMO.secretariat, DEMO_PASSWORD)).status, 200);
    // A new address waits at most the pause the answer names, then gets in.
    let res = await from('203.0.113.7', DEMO.secretariat, DEMO_PASSWORD);
    for (let tries = 0; res.status === 429 && tries < 70; tries++) {
      assertError(res, 429, 'too_many_requests');
      await new Promise((resolve) => setTimeout(resolve, 1000));
      res = await from('203.0.113.7', DEMO.secretariat, DEMO_PASSWORD);
    }
    assert.equal(res.status, 200, res.text);
  });

  test('failed logins are in the audit log with their address', async () => {
    // From the secretariat's known address, which the strangers' failures do not slow.
    const jimu = server.client();
    const res = await jimu.request('POST', '/api/v1/auth/login', {
      json: { email: DEMO.secretariat, password: DEMO_PASSWORD }, headers: { 'X-Forwarded-For': '192.0.2.10' } });
    assert.equal(res.status, 200, res.text);
    jimu.csrf = res.data.csrf_token;
    const log = await jimu.get('/api/v1/audit?action=login_failed&limit=200');
    assert.equal(log.status, 200);
    assert.ok(log.data.items.some((e) => e.after?.address === '198.51.100.1'), JSON.stringify(log.data.items[0]));
  });
});
