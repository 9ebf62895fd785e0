// Several `shido serve` processes on one PostgreSQL behind nginx (started by tests/cluster/run.sh).
// Node built-ins only. Environment:
//   CLUSTER_PROXY_URL            nginx, round-robin over A and B
//   CLUSTER_A_URL, CLUSTER_B_URL each server's own address (for requests that bypass the proxy)
//   CLUSTER_A_PID, CLUSTER_B_PID their process ids (B is killed with SIGKILL by the last test)
//   CLUSTER_WRITES               concurrent writes of the kill test (default 1000)
//   CLUSTER_ACCESS_LOG           nginx's access log (the kill is timed by the answers logged there)
//   CLUSTER_SUMMARY              where to write the figures (JSON) for run.sh's summary
// nginx adds X-Shido-Upstream ($upstream_addr: every server tried, in order) to each answer.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { after, describe, test } from 'node:test';
import { Worker } from 'node:worker_threads';

const env = (name) => {
  const value = process.env[name];
  assert.ok(value, `${name} is not set: run tests/cluster/run.sh`);
  return value;
};
const PROXY = env('CLUSTER_PROXY_URL');
const SERVERS = { A: env('CLUSTER_A_URL'), B: env('CLUSTER_B_URL') };
const PIDS = { A: Number(env('CLUSTER_A_PID')), B: Number(env('CLUSTER_B_PID')) };
const WRITES = Number(process.env.CLUSTER_WRITES || 1000);
const ACCESS_LOG = env('CLUSTER_ACCESS_LOG');

const PASSWORD = 'demo-password-2026';
const SECRETARIAT = 'jimu@demo.shido.jp';
const EXPERT1 = 'expert1@demo.shido.jp';
const PER_ACCOUNT_ADDRESS_LIMIT = 5;  // AuthConfig::per_account_address (15 minutes)
const PER_ADDRESS_LIMIT = 30;         // AuthConfig::per_address (15 minutes)

const summary = {};
after(() => {
  if (process.env.CLUSTER_SUMMARY) writeFileSync(process.env.CLUSTER_SUMMARY, JSON.stringify(summary, null, 2));
});

const tag = `cl${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
const hostOf = (url) => new URL(url).host;
const NAME_OF_HOST = { [hostOf(SERVERS.A)]: 'A', [hostOf(SERVERS.B)]: 'B' };

// The servers nginx tried for one answer, as names: ['B', 'A'] = B failed, A answered.
function upstreams(headers) {
  const value = headers.get('x-shido-upstream') || '';
  return value.split(/,\s*/).filter(Boolean).map((h) => NAME_OF_HOST[h] ?? h);
}

// One user agent keeping the session cookie and CSRF token, like the front end.
class Agent {
  constructor() { this.cookie = null; this.csrf = null; this.user = null; }

  async request(base, method, path, { json, headers = {}, csrf = this.csrf } = {}) {
    const h = { ...headers };
    if (json !== undefined) h['Content-Type'] = 'application/json';
    if (this.cookie) h.Cookie = `shido_session=${this.cookie}`;
    if (method !== 'GET' && csrf) h['X-CSRF-Token'] = csrf;
    const res = await fetch(base + path, {
      method, headers: h, body: json === undefined ? undefined : JSON.stringify(json), redirect: 'manual' });
    const text = await res.text();
    const data = (res.headers.get('content-type') || '').includes('application/json') && text ? JSON.parse(text) : null;
    const cookie = /(?:^|,\s*)shido_session=([^;]*)/.exec(res.headers.get('set-cookie') || '');
    if (cookie) this.cookie = cookie[1] || null;
    return { status: res.status, data, text, headers: res.headers, via: upstreams(res.headers) };
  }

  async login(base, email, password = PASSWORD, headers = {}) {
    const res = await this.request(base, 'POST', '/api/v1/auth/login', { json: { email, password }, headers, csrf: null });
    if (res.status === 200) { this.csrf = res.data.csrf_token; this.user = res.data.user; }
    return res;
  }
}

async function loggedIn(base, email, headers) {
  const agent = new Agent();
  const res = await agent.login(base, email, PASSWORD, headers);
  assert.equal(res.status, 200, `login as ${email} via ${base}: ${res.text}`);
  return agent;
}

// A login without a session: the wrong password (or the given one) for `email`.
async function tryLogin(base, email, password, headers = {}) {
  return new Agent().login(base, email, password, headers);
}

function assertApiError(res, status, code) {
  assert.equal(res.status, status, `expected ${status} ${code}, got ${res.status}: ${res.text}`);
  assert.equal(res.data?.error?.code, code, res.text);
}

// The worker thread of the kill test: counts the writes nginx logs as answered (201) and kills
// B with SIGKILL at the threshold.
const KILLER = `
const { workerData: w, parentPort } = require('node:worker_threads');
const fs = require('node:fs');
const fd = fs.openSync(w.log, 'r');
let offset = w.from, acked = 0, rest = '';
const buf = Buffer.alloc(1 << 20);
(function poll() {
  for (;;) {
    const n = fs.readSync(fd, buf, 0, buf.length, offset);
    if (n === 0) break;
    offset += n;
    const lines = (rest + buf.toString('latin1', 0, n)).split('\\n');
    rest = lines.pop();
    for (const line of lines) if (line.includes(' POST /api/v1/companies 201 ')) acked++;
  }
  if (acked >= w.threshold) {
    process.kill(w.pid, 'SIGKILL');
    parentPort.postMessage({ acked });
    return;
  }
  setTimeout(poll, 1);
})();
`;

let secretariat;  // logged in through the proxy; used by every part

describe('a. one session on every server', () => {
  test('login through the proxy from its own origin; a foreign origin is refused', async () => {
    const foreign = await tryLogin(PROXY, SECRETARIAT, PASSWORD, { Origin: 'http://evil.example' });
    assertApiError(foreign, 403, 'csrf');
    secretariat = await loggedIn(PROXY, SECRETARIAT, { Origin: PROXY });
    assert.ok(secretariat.cookie && secretariat.csrf);
  });

  test('requests through the proxy alternate between A and B, all in the same session', async () => {
    const seen = [];
    for (let i = 0; i < 10; i++) {
      const me = await secretariat.request(PROXY, 'GET', '/api/v1/auth/me');
      assert.equal(me.status, 200, me.text);
      assert.equal(me.data.user.email, SECRETARIAT);
      assert.equal(me.via.length, 1, `retried: ${me.via}`);
      seen.push(me.via[0]);
    }
    for (let i = 1; i < seen.length; i++) assert.notEqual(seen[i], seen[i - 1], `not round-robin: ${seen.join('')}`);
    assert.deepEqual([...new Set(seen)].sort(), ['A', 'B'], seen.join(''));
  });

  test('the session and CSRF token work on each server directly; writes on one are read on the other', async () => {
    const created = {};
    for (const name of ['A', 'B']) {
      const me = await secretariat.request(SERVERS[name], 'GET', '/api/v1/auth/me');
      assert.equal(me.status, 200, `${name}: ${me.text}`);
      assert.equal(me.data.user.id, secretariat.user.id);
      assert.equal(me.data.csrf_token, secretariat.csrf, `${name} knows another CSRF token`);
      const res = await secretariat.request(SERVERS[name], 'POST', '/api/v1/companies', { json: { name: `${tag}-direct-${name}` } });
      assert.equal(res.status, 201, `${name}: ${res.text}`);
      created[name] = res.data;
      // The token is checked, not merely present.
      const forged = await secretariat.request(SERVERS[name], 'POST', '/api/v1/companies',
        { json: { name: `${tag}-forged` }, csrf: 'x'.repeat(secretariat.csrf.length) });
      assertApiError(forged, 403, 'csrf');
    }
    for (const [writer, reader] of [['A', 'B'], ['B', 'A']]) {
      const res = await secretariat.request(SERVERS[reader], 'GET', `/api/v1/companies/${created[writer].id}`);
      assert.equal(res.status, 200, `${reader} reading what ${writer} wrote: ${res.text}`);
      assert.equal(res.data.name, `${tag}-direct-${writer}`);
    }
  });

  test('a logout on one server ends the session on the other', async () => {
    const expert = await loggedIn(SERVERS.A, EXPERT1);
    assert.equal((await expert.request(SERVERS.B, 'GET', '/api/v1/auth/me')).status, 200);
    const cookie = expert.cookie;
    const out = await expert.request(SERVERS.B, 'POST', '/api/v1/auth/logout');
    assert.ok(out.status === 200 || out.status === 204, out.text);
    // The old cookie, as a second tab or a stolen copy would still send it, to the other server.
    const me = await new Agent().request(SERVERS.A, 'GET', '/api/v1/auth/me', { headers: { Cookie: `shido_session=${cookie}` } });
    assertApiError(me, 401, 'unauthenticated');
  });

  test('links handed out through the proxy name the proxy, not a server', async () => {
    const expert = await loggedIn(PROXY, EXPERT1);
    const rounds = await expert.request(PROXY, 'GET', '/api/v1/engagements/1/diagnosis/rounds');
    assert.equal(rounds.status, 200, rounds.text);
    const res = await expert.request(PROXY, 'POST', `/api/v1/diagnosis/rounds/${rounds.data.items[0].id}/respondents`,
      { json: { role: 'staff', name: 'クラスタ確認' } });
    assert.equal(res.status, 201, res.text);
    assert.ok(res.data.items[0].url.startsWith(`${PROXY}/a/`), res.data.items[0].url);
  });
});

// An account with a known password, made by the operator's `shido user add` on the shared
// database (the API invites: the person sets the password from a mail).
const newAccount = async (label) => {
  const email = `${tag}-${label}@example.jp`;
  execFileSync(env('CLUSTER_SHIDO_BIN'), ['user', 'add', '--db', env('CLUSTER_DB_URL'), '--content', env('CLUSTER_CONTENT'),
    '--email', email, '--name', 'クラスタ 試行', '--role', 'expert'],
  { env: { ...process.env, SHIDO_PASSWORD: 'right-password-123' }, stdio: ['ignore', 'pipe', 'pipe'] });
  return email;
};

// The TOTP code (RFC 6238: HMAC-SHA-1, 6 digits, 30 s) of a base32 secret for time step `step`.
function totp(secret, step) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = 0, value = 0;
  const key = [];
  for (const ch of secret.replace(/=+$/, '')) {
    value = (value << 5) | alphabet.indexOf(ch);
    bits += 5;
    if (bits >= 8) { key.push((value >>> (bits - 8)) & 0xff); bits -= 8; }
  }
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(step));
  const mac = createHmac('sha1', Buffer.from(key)).update(counter).digest();
  const at = mac[mac.length - 1] & 0x0f;
  return String((mac.readUInt32BE(at) & 0x7fffffff) % 1_000_000).padStart(6, '0');
}

describe('a2. a second factor enrolled on one server works on the other (one key file)', () => {
  test('enrolled and confirmed on A, the two-step login on B takes the next code', async () => {
    const email = await newAccount('totp');
    const agent = new Agent();
    assert.equal((await agent.login(SERVERS.A, email, 'right-password-123')).status, 200);
    const started = await agent.request(SERVERS.A, 'POST', '/api/v1/me/two-factor/enrolment');
    assert.equal(started.status, 200, started.text);
    const step = Math.floor(Date.now() / 30_000);
    const confirmed = await agent.request(SERVERS.A, 'POST', '/api/v1/me/two-factor/confirm', { json: { code: totp(started.data.secret, step) } });
    assert.equal(confirmed.status, 200, confirmed.text);
    // Sealed (not plain, which any server could read): B must have A's key to take the code.
    const stored = execFileSync('psql', [env('CLUSTER_DB_URL'), '-tAc',
      `SELECT secret FROM two_factor_secrets WHERE user_id = ${Number(agent.user.id)}`], { encoding: 'utf8' }).trim();
    assert.match(stored, /^s1:[0-9a-f]+$/);

    const other = new Agent();
    const first = await other.login(SERVERS.B, email, 'right-password-123');
    assert.equal(first.status, 200, first.text);
    assert.ok(first.data.challenge, first.text);
    const next = Math.max(step + 1, Math.floor(Date.now() / 30_000));
    const second = await other.request(SERVERS.B, 'POST', '/api/v1/auth/login/second-factor',
      { json: { challenge: first.data.challenge, code: totp(started.data.secret, next) }, csrf: null });
    assert.equal(second.status, 200, second.text);
  });
});

describe('b. login throttling counts the failures of every server together', () => {
  const figures = [];

  test('wrong passwords alternating over A and B: the sixth is refused, on both, even with the right password', async () => {
    const email = await newAccount('seq');
    const results = [];
    for (let i = 0; i < PER_ACCOUNT_ADDRESS_LIMIT + 2; i++) results.push(await tryLogin(PROXY, email, `wrong-${i}`));
    const statuses = results.map((r) => r.status);
    const via = results.map((r) => r.via.at(-1));
    assert.deepEqual(statuses, [401, 401, 401, 401, 401, 429, 429], `${statuses} via ${via}`);
    for (const r of results) assertApiError(r, r.status, r.status === 401 ? 'unauthenticated' : 'too_many_requests');
    assert.deepEqual([...new Set(via.slice(0, PER_ACCOUNT_ADDRESS_LIMIT))].sort(), ['A', 'B'], `failures all on one server: ${via}`);
    // Each server alone saw at most 3 failures; both refuse the owner's right password from here.
    for (const name of ['A', 'B']) assertApiError(await tryLogin(SERVERS[name], email, 'right-password-123'), 429, 'too_many_requests');
    figures.push(`sequential: ${statuses.filter((s) => s === 401).length} checked (via ${via.join('')}), then refused`);
  });

  test('20 parallel wrong passwords spread over both servers: no more than 5 are checked', async () => {
    const email = await newAccount('par');
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => tryLogin(PROXY, email, `guess-${i}`)));
    const statuses = results.map((r) => r.status);
    assert.ok(statuses.every((s) => s === 401 || s === 429), statuses.join(','));
    const checked = statuses.filter((s) => s === 401).length;
    assert.ok(checked >= 1 && checked <= PER_ACCOUNT_ADDRESS_LIMIT, `${checked} of 20 checked: ${statuses}`);
    const by = { A: 0, B: 0 };
    for (const r of results) by[r.via.at(-1)]++;
    assert.ok(by.A > 0 && by.B > 0, JSON.stringify(by));
    figures.push(`parallel: ${checked}/20 checked (A answered ${by.A}, B ${by.B})`);
  });

  test(`${PER_ADDRESS_LIMIT} failures from one address on A and B lock that address out of both`, async () => {
    // Straight to the servers with X-Forwarded-For, as the proxy would send it (--trust-proxy):
    // a fresh address, so that the proxy's own (127.0.0.1) budget stays untouched.
    const address = `198.51.100.${10 + Math.floor(Math.random() * 200)}`;
    const from = { 'X-Forwarded-For': address };
    const results = await Promise.all(Array.from({ length: PER_ADDRESS_LIMIT }, (_, i) =>
      tryLogin(i % 2 ? SERVERS.B : SERVERS.A, `${tag}-nobody-${i}@example.jp`, 'wrong-password', from)));
    assert.deepEqual([...new Set(results.map((r) => r.status))], [401], results.map((r) => r.status).join(','));
    for (const name of ['A', 'B']) assertApiError(await tryLogin(SERVERS[name], SECRETARIAT, PASSWORD, from), 429, 'too_many_requests');
    // Another address is not affected.
    assert.equal((await tryLogin(SERVERS.B, SECRETARIAT, PASSWORD, { 'X-Forwarded-For': '192.0.2.77' })).status, 200);
    figures.push(`per address: ${PER_ADDRESS_LIMIT} failures split A/B, then refused on both`);
  });

  test('the proxy replaces a client-supplied X-Forwarded-For (the audit log shows 127.0.0.1)', async () => {
    const spoofed = '203.0.113.99';
    const email = `${tag}-spoof@example.jp`;
    const res = await tryLogin(PROXY, email, 'wrong-password', { 'X-Forwarded-For': spoofed });
    assertApiError(res, 401, 'unauthenticated');
    const log = await secretariat.request(PROXY, 'GET', '/api/v1/audit?action=login_failed&limit=200');
    assert.equal(log.status, 200, log.text);
    const entry = log.data.items.find((e) => e.after?.email === email);
    assert.ok(entry, `no login_failed entry for ${email}`);
    assert.equal(entry.after.address, '127.0.0.1', JSON.stringify(entry));
    summary.throttle = figures.join('; ');
  });
});

describe('c. SIGKILL of one server in the middle of concurrent writes', () => {
  test(`${WRITES} concurrent creates; B killed midway: acknowledged writes all kept, none doubled, failures clean`, async () => {
    // B is killed when nginx has logged a quarter of the writes as answered: the servers are
    // then really in the middle of them. A worker thread watches the log, because this thread is
    // busy with the 1,000 requests and reads their answers later than they come.
    const killAfter = Math.floor(WRITES / 4);
    const outcomes = new Array(WRITES);
    let settled = 0, pendingAtKill = null;
    const killer = new Worker(KILLER, { eval: true, workerData: {
      log: ACCESS_LOG, from: statSync(ACCESS_LOG).size, threshold: killAfter, pid: PIDS.B } });
    const killed = new Promise((resolve, reject) => {
      killer.once('message', (m) => { pendingAtKill = WRITES - settled; resolve(m); });
      killer.once('error', reject);
    });
    await new Promise((resolve) => killer.once('online', resolve));
    const t0 = performance.now();
    const one = async (i) => {
      let outcome;
      try {
        const res = await fetch(`${PROXY}/api/v1/companies`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Cookie: `shido_session=${secretariat.cookie}`,
                     'X-CSRF-Token': secretariat.csrf },
          body: JSON.stringify({ name: `${tag}-w-${i}`, industry: 'クラスタ試験' }),
        });
        const text = await res.text();
        outcome = { status: res.status, via: upstreams(res.headers), text };
        if (res.status === 201) outcome.id = JSON.parse(text).id;
      } catch (e) {
        outcome = { status: 'network', error: String(e.cause?.code ?? e.message) };
      }
      outcomes[i] = outcome;
      settled++;
    };
    await Promise.all(Array.from({ length: WRITES }, (_, i) => one(i)));
    const kill = await Promise.race([killed, new Promise((r) => setTimeout(() => r(null), 2000))]);
    await killer.terminate();
    const seconds = (performance.now() - t0) / 1000;
    assert.ok(kill, `B was never killed: nginx logged fewer than ${killAfter} acknowledged writes`);
    assert.ok(pendingAtKill > 0, 'every write had finished before the kill');
    // nginx found B dead during the writes, not only afterwards.
    assert.ok(outcomes.some((o) => o.via?.[0] === 'B' && (o.status !== 201 || o.via.length > 1)),
      'no write noticed that B was gone: the kill came too late');
    assert.throws(() => process.kill(PIDS.B, 0), /ESRCH/, 'B is still alive');

    const ok = outcomes.filter((o) => o.status === 201);
    const failed = outcomes.filter((o) => o.status !== 201);
    const failedBy = {};
    for (const o of failed) {
      const key = o.status === 'network' ? `refused (${o.error})` : String(o.status);
      failedBy[key] = (failedBy[key] ?? 0) + 1;
    }
    // A failure is the proxy saying the server went away (502 Bad Gateway / 503 / 504),
    // nothing else: no 500 from a server, no half-written answer.
    for (const o of failed) {
      assert.ok([502, 503, 504].includes(o.status), `unclean failure: ${JSON.stringify(o).slice(0, 300)}`);
      assert.ok(o.via.includes('B'), `a failure not involving B: ${JSON.stringify(o).slice(0, 300)}`);
    }
    for (const o of ok) assert.ok(Number.isInteger(o.id) && o.id > 0, JSON.stringify(o).slice(0, 200));
    assert.equal(new Set(ok.map((o) => o.id)).size, ok.length, 'two acknowledged writes share an id');
    const ackedBy = { A: 0, B: 0 };
    for (const o of ok) ackedBy[o.via.at(-1)]++;
    assert.ok(ackedBy.B > 0, 'B acknowledged nothing before it was killed');

    // After the kill nginx sends nothing more to B: the next 50 requests all succeed on A,
    // without even trying B (max_fails=1 marked it down).
    const afterKill = [];
    for (let i = 0; i < 50; i++) {
      const res = i % 2
        ? await secretariat.request(PROXY, 'GET', '/api/v1/auth/me')
        : await secretariat.request(PROXY, 'POST', '/api/v1/companies', { json: { name: `${tag}-after-${i}` } });
      afterKill.push(res);
    }
    const afterOk = afterKill.filter((r) => r.status === 200 || r.status === 201).length;
    assert.equal(afterOk, 50, afterKill.map((r) => r.status).join(','));
    const afterVia = [...new Set(afterKill.map((r) => r.via.join('>')))];
    assert.deepEqual(afterVia, ['A'], `after the kill nginx still tried: ${afterVia}`);
    // The survivor answers directly too; the dead one refuses connections.
    assert.equal((await fetch(`${SERVERS.A}/healthz`)).status, 200);
    await assert.rejects(fetch(`${SERVERS.B}/healthz`), (e) => e.cause?.code === 'ECONNREFUSED');

    // Read back every company of this run through the proxy (now A alone).
    const names = new Map();  // name → [ids]
    let after = null;
    for (let page = 0; page < 100; page++) {
      const q = new URLSearchParams({ q: `${tag}-w-`, limit: '200' });
      if (after) q.set('after', after);
      const res = await secretariat.request(PROXY, 'GET', `/api/v1/companies?${q}`);
      assert.equal(res.status, 200, res.text);
      for (const c of res.data.items) names.set(c.name, [...(names.get(c.name) ?? []), c.id]);
      after = res.data.next_after;
      if (after === null) break;
    }
    const duplicated = [...names].filter(([, ids]) => ids.length > 1);
    assert.deepEqual(duplicated, [], `written twice: ${JSON.stringify(duplicated.slice(0, 5))}`);
    let foundAcked = 0;
    for (const [i, o] of outcomes.entries()) {
      if (o.status !== 201) continue;
      assert.deepEqual(names.get(`${tag}-w-${i}`), [o.id], `acknowledged write ${i} (id ${o.id}) is missing`);
      foundAcked++;
    }
    const failedButApplied = outcomes.filter((o, i) => o.status !== 201 && names.has(`${tag}-w-${i}`)).length;
    for (const name of names.keys()) assert.match(name, new RegExp(`^${tag}-w-\\d+$`));
    assert.equal(names.size, ok.length + failedButApplied);

    summary.writes = {
      total: WRITES, seconds, acked: ok.length, acked_by: ackedBy,
      retried: ok.filter((o) => o.via.length > 1).length,
      failed: failed.length, failed_by: failedBy,
      acked_at_kill: kill.acked, pending_at_kill: pendingAtKill,
      found_acked: foundAcked, duplicates: duplicated.length, failed_but_applied: failedButApplied,
      after_kill_ok: afterOk, after_kill_total: afterKill.length, after_kill_upstreams: afterVia,
    };
  });
});
