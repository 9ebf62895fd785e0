// Black-box test harness: starts the real shido binary against a fresh database and talks
// to it over HTTP with Node's global fetch. No npm dependencies (openapi-schema.mjs has them).
//
//   SHIDO_BIN           the binary (default: build/shido under the repository root)
//   SHIDO_TEST_DB_URL   a PostgreSQL URL; each test file then creates its own fresh database
//                       on that server (CREATE DATABASE via psql) and drops it afterwards.
//                       When that is impossible (no psql, no CREATEDB right) the URL itself is
//                       used as is, with a warning: the tests only rely on what they create or
//                       look up by name/e-mail, but login throttling state is then shared.
//   (neither)           a fresh SQLite file in a temporary directory.
import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const shidoBin = path.resolve(repoRoot, process.env.SHIDO_BIN || path.join('build', 'shido'));
export const contentDir = path.join(repoRoot, 'content');

export const DEMO_PASSWORD = 'demo-password-2026';
export const DEMO = {
  secretariat: 'jimu@demo.shido.jp',
  expert1: 'expert1@demo.shido.jp',
  expert2: 'expert2@demo.shido.jp',
  owner1: 'owner1@demo.shido.jp',
  owner2: 'owner2@demo.shido.jp',
};
export const DEMO_NAMES = { secretariat: '事務局 花子', expert1: '専門家 一郎', expert2: '専門家 二郎' };
export const MAKER = '株式会社サンプル製作所';
export const CARRIER = 'サンプル運輸株式会社';

// Hiragana, katakana or kanji: the message is meant for Japanese users.
export const JAPANESE = /[\u3040-\u30ff\u3400-\u9fff\uff00-\uffef]/;

// The environment of the child processes: no SHIDO_* settings leak in from the caller's shell
// (SHIDO_SECURE_COOKIES, SHIDO_MAX_BODY, … would change what is being tested).
function childEnv() {
  const env = {};
  for (const [key, value] of Object.entries(process.env)) if (!key.startsWith('SHIDO_')) env[key] = value;
  return env;
}

export async function runShido(args, { timeout = 30_000, env = {} } = {}) {
  try {
    return await execFileAsync(shidoBin, args, { cwd: repoRoot, env: { ...childEnv(), ...env }, timeout, maxBuffer: 16 << 20 });
  } catch (e) {
    throw new Error(`shido ${args.join(' ')} failed: ${e.message}\n${e.stdout ?? ''}${e.stderr ?? ''}`);
  }
}

// The API description of this checkout (the binary embeds and serves the same file; ops.test
// checks that they are equal).
export const openapiPath = path.join(repoRoot, 'src', 'http', 'openapi.json');
export async function openapiDocument() {
  return JSON.parse(await readFile(openapiPath, 'utf8'));
}

// The route table as the binary itself reports it.
export async function shidoRoutes() {
  const { stdout } = await runShido(['routes']);
  return JSON.parse(stdout);
}

// The access policy as the binary reports it: {relations, actions, allowed: {relation: [action]}}.
export async function shidoPolicy() {
  const { stdout } = await runShido(['policy']);
  return JSON.parse(stdout);
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function psql(url, sql) {
  await execFileAsync('psql', [url, '-v', 'ON_ERROR_STOP=1', '-q', '-c', sql], { env: childEnv(), timeout: 30_000 });
}

// A fresh PostgreSQL database next to the one SHIDO_TEST_DB_URL names.
async function freshPostgres(baseUrl) {
  const name = `shido_test_${process.pid}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  try {
    await psql(baseUrl, `CREATE DATABASE "${name}" TEMPLATE template0 ENCODING 'UTF8'`);
  } catch (e) {
    process.emitWarning(`cannot create a fresh database (${e.message.split('\n')[0]}); using SHIDO_TEST_DB_URL as is`);
    return { url: baseUrl, drop: async () => {} };
  }
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      await psql(baseUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).catch((e) =>
        process.emitWarning(`could not drop test database ${name}: ${e.message}`));
    },
  };
}

// Starts `shido serve` on a free port against a fresh database with the demo data loaded.
// `serveArgs`: extra flags for `shido serve` (e.g. ['--workers', '1']).
// Returns { baseUrl, dbUrl, staticDir, client(), login(), stop(), output() }.
// A database of its own for one test, on the engine under test: {url, drop()}.
export async function freshDatabase() {
  if (process.env.SHIDO_TEST_DB_URL) return freshPostgres(process.env.SHIDO_TEST_DB_URL);
  const dir = await mkdtemp(path.join(os.tmpdir(), 'shido-db-'));
  return { url: `sqlite:${path.join(dir, 'test.db')}`, drop: () => rm(dir, { recursive: true, force: true }) };
}

// A server on a fresh database with the demo loaded, or on `database` ({url, drop}) as it is.
export async function startServer({ serveArgs = [], database } = {}) {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'shido-api-'));
  const db = database ?? await freshDatabase();
  if (!database) await runShido(['demo', '--db', db.url, '--content', contentDir]);

  let lastError;
  for (let attempt = 0; attempt < 3; ++attempt) {
    const port = await freePort();
    const child = spawn(
      shidoBin,
      ['serve', '--db', db.url, '--port', String(port), '--listen', '127.0.0.1', '--static', dir,
       '--content', contentDir, '--log-level', 'warn', ...serveArgs],
      { cwd: repoRoot, env: childEnv(), stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let output = '';
    child.stdout.on('data', (d) => { output += d; });
    child.stderr.on('data', (d) => { output += d; });
    let exited = null;
    const exit = new Promise((resolve) => child.on('exit', (code, signal) => { exited = { code, signal }; resolve(exited); }));

    const baseUrl = `http://127.0.0.1:${port}`;
    const deadline = Date.now() + 15_000;
    let up = false;
    while (!exited && Date.now() < deadline) {
      try {
        const res = await fetch(`${baseUrl}/healthz`);
        await res.arrayBuffer();
        if (res.status === 200) { up = true; break; }
      } catch { /* not listening yet */ }
      await sleep(50);
    }
    if (!up) {
      child.kill('SIGKILL');
      await exit;
      lastError = new Error(`shido serve did not come up on port ${port} (${JSON.stringify(exited)}):\n${output}`);
      continue;  // most likely the port was taken in between: try another one
    }

    const server = {
      baseUrl,
      dbUrl: db.url,
      staticDir: dir,
      output: () => output,
      client: () => new Client(baseUrl),
      // A client logged in as `email` (asserts success).
      login: async (email, password = DEMO_PASSWORD) => {
        const c = new Client(baseUrl);
        const res = await c.login(email, password);
        assert.equal(res.status, 200, `login as ${email}: ${res.text}`);
        return c;
      },
      stop: async () => {
        if (!exited) {
          child.kill('SIGTERM');
          const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
          await exit;
          clearTimeout(timer);
        }
        await db.drop();
        await rm(dir, { recursive: true, force: true });
      },
    };
    return server;
  }
  await db.drop();
  await rm(dir, { recursive: true, force: true });
  throw lastError;
}

// The Set-Cookie lines of a response. Headers.getSetCookie() is missing from the fetch of
// Node.js 18.20 (Debian 12), where get('set-cookie') joins the lines with ", ": split there,
// but not at the comma inside an Expires date (the next line starts with `name=`).
export function setCookieLines(headers) {
  if (typeof headers.getSetCookie === 'function') return headers.getSetCookie();
  const joined = headers.get('set-cookie');
  return joined ? joined.split(/,\s*(?=[^;,=\s]+=)/) : [];
}

// One user agent: keeps the session cookie and the CSRF token like the browser front end does.
export class Client {
  constructor(baseUrl) {
    this.baseUrl = baseUrl;
    this.cookie = null;  // the shido_session value
    this.csrf = null;
    this.user = null;
  }

  // options:
  //   json     a value to send as application/json
  //   body     a raw body (string/Buffer); give the Content-Type in headers
  //   headers  extra request headers
  //   csrf     true (default): send the kept token on state-changing calls; false: send none;
  //            a string: send that instead
  //   cookie   undefined (default): the kept cookie; null: none; a string: that cookie value
  async request(method, urlPath, { json, body, headers = {}, csrf = true, cookie } = {}) {
    const h = { ...headers };
    let payload = body;
    if (json !== undefined) {
      payload = JSON.stringify(json);
      if (!Object.keys(h).some((k) => k.toLowerCase() === 'content-type')) h['Content-Type'] = 'application/json';
    }
    const sessionCookie = cookie === undefined ? this.cookie : cookie;
    if (sessionCookie !== null && sessionCookie !== undefined) h.Cookie = `shido_session=${sessionCookie}`;
    if (method !== 'GET' && method !== 'HEAD') {
      if (typeof csrf === 'string') h['X-CSRF-Token'] = csrf;
      else if (csrf && this.csrf) h['X-CSRF-Token'] = this.csrf;
    }
    const res = await fetch(this.baseUrl + urlPath, { method, headers: h, body: payload, redirect: 'manual' });
    const text = await res.text();
    let data = null;
    if ((res.headers.get('content-type') || '').includes('application/json') && text) data = JSON.parse(text);
    const setCookies = setCookieLines(res.headers);
    for (const line of setCookies) {
      const m = /^shido_session=([^;]*)/.exec(line);
      if (m && cookie === undefined) this.cookie = m[1] || null;
    }
    // Every response of the server, whatever route or outcome, carries a request id.
    assert.ok(res.headers.get('x-request-id'), `${method} ${urlPath} → ${res.status} has no X-Request-Id`);
    return { status: res.status, headers: res.headers, setCookies, text, data };
  }

  get(p, o) { return this.request('GET', p, o); }
  post(p, json, o = {}) { return this.request('POST', p, { json, ...o }); }
  patch(p, json, o = {}) { return this.request('PATCH', p, { json, ...o }); }
  put(p, json, o = {}) { return this.request('PUT', p, { json, ...o }); }

  async login(email, password = DEMO_PASSWORD) {
    const res = await this.post('/api/v1/auth/login', { email, password });
    if (res.status === 200) {
      this.csrf = res.data.csrf_token;
      this.user = res.data.user;
    }
    return res;
  }
}

// Asserts the one error shape: {"error":{"code","message"[,"fields"]}} with a Japanese message.
export function assertError(res, status, code, { fields } = {}) {
  assert.equal(res.status, status, `expected ${status} ${code}, got ${res.status}: ${res.text}`);
  assert.match(res.headers.get('content-type') || '', /application\/json/);
  assert.ok(res.data && typeof res.data.error === 'object', `error body: ${res.text}`);
  assert.equal(res.data.error.code, code, res.text);
  assert.equal(typeof res.data.error.message, 'string');
  assert.match(res.data.error.message, JAPANESE, `message is not Japanese: ${res.data.error.message}`);
  for (const field of fields ?? []) {
    assert.ok(res.data.error.fields && field in res.data.error.fields, `no field error for ${field}: ${res.text}`);
    assert.match(res.data.error.fields[field], JAPANESE, `field message for ${field} is not Japanese`);
  }
  return res.data.error;
}

// Every item of a paged list (`{items, total, next_after}`), following `next_after` page by page;
// checks that `total` stays the same and matches what came back.
export async function allPages(client, listPath, { limit = 200 } = {}) {
  const items = [];
  let after = null, total = null;
  for (let page = 0; page < 1000; ++page) {
    const url = new URL(listPath, 'http://x');
    url.searchParams.set('limit', String(limit));
    if (after !== null) url.searchParams.set('after', after);
    const res = await client.get(url.pathname + url.search);
    assert.equal(res.status, 200, `GET ${url.pathname + url.search}: ${res.text}`);
    const { items: pageItems, total: pageTotal, next_after: next } = res.data;
    assert.ok(Array.isArray(pageItems) && Number.isInteger(pageTotal), `not a page: ${res.text.slice(0, 200)}`);
    assert.ok(pageItems.length <= limit, `more than limit=${limit} items`);
    if (total !== null) assert.equal(pageTotal, total, `${listPath}: total changed between pages`);
    total = pageTotal;
    items.push(...pageItems);
    if (next === null) {
      assert.equal(items.length, total, `${listPath}: total ${total}, but ${items.length} items on all pages`);
      return items;
    }
    assert.equal(typeof next, 'string');
    assert.ok(pageItems.length > 0, `${listPath}: an empty page that is not the last`);
    after = next;
  }
  throw new Error(`${listPath}: more than 1000 pages`);
}

// {id}-style route path with concrete values.
// A signed-in session's id ({session_id}) is 32 hex digits, never a number.
export function fillPath(routePath, id) {
  return routePath.replace('{session_id}', 'f'.repeat(32)).replace(/\{[^}]+\}/g, String(id));
}

export function uniqueSuffix() {
  return `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 7)}`;
}
