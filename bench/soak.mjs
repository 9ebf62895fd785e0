// Soak benchmark (run by bench/soak.sh; not a test). Against a running server with the demo
// data, for --minutes, C concurrent keep-alive connections (one per simulated user, each with
// its own agent of one socket) drive a mix of
//   readers     (the rest of C): engagement list/detail, rounds, round detail, analysis, findings,
//                respondents, comparison, companies, audit log, meta, /auth/me, the SPA's
//                index.html, and now and then a finding saved by the expert;
//   respondents (3/8 of C): answer sheets by link token, 25 answers saved one PUT at a time, then
//                submitted; links are issued as needed (50 per request) into answering rounds of
//                their own engagement, a new round every 200 links, so no read gets slower as
//                the database grows;
//   exporters   (C/32, at least 1): the 「自社診断結果のまとめ」 workbook (.xlsx), the
//                「自社診断結果報告」 PDF and the invitation sheet PDF, back to back.
// Reads target fixed data: the demo round and a round of 100 paper sheets typed in at set-up.
// Counts per endpoint: requests, errors (any unexpected status, a bad body, a socket error or a
// 30 s timeout; a 503 "unavailable" of the heavy-work queue counted apart), p50/p99/max of the
// successful ones; samples the server's VmRSS (/proc/PID/status) at the start, every minute and
// at the end; checks at the end that every submission the clients saw is stored; prints tables
// and one `RESULT {json}` line. Exit 1 on any error, 503 or missing submission.
//
//   node bench/soak.mjs --base http://127.0.0.1:PORT --pid PID [--minutes 10] [--connections 256]
//                       [--think-ms 0] [--db-file PATH]
//
// Plain node (node:http), no npm packages. Loopback only: any other --base is refused.
import http from 'node:http';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

const args = Object.fromEntries(process.argv.slice(2).reduce((pairs, a, i, all) => {
  if (a.startsWith('--')) pairs.push([a.slice(2), all[i + 1]]);
  return pairs;
}, []));
const base = new URL(args.base ?? 'http://127.0.0.1:8080');
if (!['127.0.0.1', 'localhost', '[::1]'].includes(base.hostname)) {
  console.error(`--base must be a loopback address, not ${base.hostname}`);
  process.exit(2);
}
const minutes = Number(args.minutes ?? 10);
const connections = Number(args.connections ?? 256);
const thinkMs = Number(args['think-ms'] ?? 0);
const pid = args.pid ? Number(args.pid) : null;
const dbFile = args['db-file'] ?? null;
if (!(minutes > 0) || !(Number.isInteger(connections) && connections >= 3) || !(thinkMs >= 0)) {
  console.error('--minutes must be > 0, --connections an integer ≥ 3, --think-ms ≥ 0');
  process.exit(2);
}
const durationMs = minutes * 60_000;
const REQUEST_TIMEOUT_MS = 30_000;
const ITEMS = 25;
const CHOICES = ['done', 'partial', 'not_done', 'unknown'];
const ROUND_SIZE = 200;  // links per answering round
const LINKS_PER_INVITE = 50;
const PASSWORD = 'demo-password-2026';

const exporterCount = Math.max(1, Math.round(connections / 32));
const respondentCount = Math.max(1, Math.round((connections * 3) / 8));
const readerCount = connections - exporterCount - respondentCount;
if (readerCount < 1) {
  console.error('--connections too small for the three kinds of users');
  process.exit(2);
}

// ---------------------------------------------------------------------------------------------
// HTTP with per-endpoint statistics

const setupAgent = new http.Agent({ keepAlive: true, maxSockets: 4 });
const sockets = new WeakSet();
let socketsOpened = 0;

class Stat {
  constructor(name, kind) {
    this.name = name;
    this.kind = kind;
    this.requests = 0;
    this.ok = [];           // latencies (ms) of the successful requests
    this.errors = new Map(); // what → count (503 not included)
    this.unavailable = 0;    // 503 from the heavy-work queue
    this.bytes = 0;
  }
  get errorCount() { let n = 0; for (const v of this.errors.values()) n += v; return n; }
}
const stats = new Map();
function stat(name, kind) {
  let s = stats.get(name);
  if (!s) stats.set(name, (s = new Stat(name, kind)));
  return s;
}
// While `measuring` is false (set-up, checks) nothing is counted.
let measuring = false;
let running = true;
const minuteCounts = { requests: 0, errors: 0, unavailable: 0 };

function rawRequest(agent, method, path, { json, cookie, csrf, binary = false } = {}) {
  return new Promise((resolve) => {
    const body = json === undefined ? undefined : Buffer.from(JSON.stringify(json));
    const headers = {};
    if (body) { headers['Content-Type'] = 'application/json'; headers['Content-Length'] = body.length; }
    if (cookie) headers.Cookie = `shido_session=${cookie}`;
    if (csrf) headers['X-CSRF-Token'] = csrf;
    const started = performance.now();
    let settled = false;
    const done = (r) => { if (!settled) { settled = true; resolve({ ...r, ms: performance.now() - started }); } };
    const req = http.request({ host: base.hostname.replace(/^\[|\]$/g, ''), port: base.port, method, path, headers, agent }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => {
        const buf = Buffer.concat(chunks);
        let data = null;
        const type = res.headers['content-type'] || '';
        if (!binary && type.includes('application/json') && buf.length) {
          try { data = JSON.parse(buf.toString('utf8')); } catch { return done({ status: res.statusCode, error: 'bad JSON', buf }); }
        }
        done({ status: res.statusCode, headers: res.headers, data, buf, type });
      });
      res.on('error', (e) => done({ status: 0, error: e.code || e.message }));
    });
    req.on('socket', (s) => { if (!sockets.has(s)) { sockets.add(s); socketsOpened++; } });
    req.setTimeout(REQUEST_TIMEOUT_MS, () => { req.destroy(new Error('timeout')); });
    req.on('error', (e) => done({ status: 0, error: e.code || e.message }));
    if (body) req.write(body);
    req.end();
  });
}

// One measured request: `name` is the endpoint's template; `check(res)` returns an error text for
// a 200/201 whose body is wrong. Returns the response, with `ok`.
async function call(agent, name, kind, method, path, opts = {}, expected = 200, check = null) {
  const res = await rawRequest(agent, method, path, opts);
  let problem = null;
  if (res.error && !res.status) problem = `socket: ${res.error}`;
  else if (res.status === 503) problem = '503';
  else if (res.status !== expected) {
    const code = res.data?.error?.code;
    problem = `HTTP ${res.status}${code ? ` ${code}` : ''}`;
  } else if (res.error) problem = res.error;
  else if (check) problem = check(res);
  res.ok = problem === null;
  if (measuring) {
    const s = stat(name, kind);
    s.requests++;
    minuteCounts.requests++;
    if (res.ok) { s.ok.push(res.ms); s.bytes += res.buf?.length ?? 0; }
    else if (problem === '503') { s.unavailable++; minuteCounts.unavailable++; }
    else {
      s.errors.set(problem, (s.errors.get(problem) ?? 0) + 1);
      minuteCounts.errors++;
      if (s.errorCount <= 3) {
        const body = res.buf ? res.buf.toString('utf8', 0, Math.min(res.buf.length, 200)) : '';
        console.error(`  error: ${name} → ${problem} ${body}`);
      }
    }
  }
  return res;
}

const magic = (bytes, what) => (res) =>
  res.buf.length > 100 && res.buf.subarray(0, bytes.length).equals(Buffer.from(bytes)) ? null : `not a ${what}`;
const isXlsx = magic('PK\x03\x04', 'xlsx (zip)');
const isPdf = magic('%PDF-', 'PDF');
const isHtml = (res) => (res.type.startsWith('text/html') && res.buf.includes('<div id="app"') ? null : 'not the SPA index.html');

function must(res, what, expected = 200) {
  if (res.status !== expected) {
    throw new Error(`${what}: expected ${expected}, got ${res.status || res.error} ${res.buf?.toString('utf8', 0, 300) ?? ''}`);
  }
  return res.data;
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const think = () => (thinkMs > 0 ? sleep(Math.random() * 2 * thinkMs) : null);
const pick = (list, i) => list[i % list.length];

// ---------------------------------------------------------------------------------------------
// Server process figures

function procStatus() {
  if (!pid) return null;
  try {
    const text = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key) => Number(new RegExp(`^${key}:\\s+(\\d+)`, 'm').exec(text)?.[1] ?? NaN);
    let fds = NaN;
    try { fds = readdirSync(`/proc/${pid}/fd`).length; } catch {}
    return { rss_mb: kb('VmRSS') / 1024, hwm_mb: kb('VmHWM') / 1024, threads: kb('Threads'), fds };
  } catch {
    return null;
  }
}
function dbSizeMb() {
  if (!dbFile) return NaN;
  let bytes = 0;
  for (const f of [dbFile, `${dbFile}-wal`]) { try { bytes += statSync(f).size; } catch {} }
  return bytes / 1048576;
}

// ---------------------------------------------------------------------------------------------
// Set-up: sessions, the fixed rounds, the answering engagement

async function login(email) {
  const res = await rawRequest(setupAgent, 'POST', '/api/v1/auth/login', { json: { email, password: PASSWORD } });
  const session = must(res, `login ${email}`);
  const cookie = /shido_session=([^;]*)/.exec([].concat(res.headers['set-cookie'] ?? []).join('\n'))?.[1];
  if (!cookie) throw new Error(`login ${email}: no session cookie`);
  return { cookie, csrf: session.csrf_token, user: session.user };
}

function pseudoRandom(seed) {
  let x = seed >>> 0 || 1;
  return () => { x ^= x << 13; x >>>= 0; x ^= x >> 17; x ^= x << 5; x >>>= 0; return x / 4294967296; };
}

const setup = {};
async function prepare() {
  const [secretariat, expert, owner] = await Promise.all(
    ['jimu@demo.shido.jp', 'expert1@demo.shido.jp', 'owner1@demo.shido.jp'].map(login));
  Object.assign(setup, { secretariat, expert, owner });
  const engagements = must(await rawRequest(setupAgent, 'GET', '/api/v1/engagements', expert), 'engagements').items;
  const demo = engagements.find((e) => e.company_name === '株式会社サンプル製作所');
  if (!demo) throw new Error('the demo engagement of expert1 (株式会社サンプル製作所) is missing');
  setup.demoEngagement = demo.id;
  const rounds = must(await rawRequest(setupAgent, 'GET', `/api/v1/engagements/${demo.id}/diagnosis/rounds`, expert), 'rounds').items;
  if (!rounds.length) throw new Error('the demo round is missing');
  setup.demoRound = rounds[0].id;

  // A fixed round of 100 paper sheets (5 owners, 15 managers, 80 staff) with 5 findings.
  const fixed = must(await rawRequest(setupAgent, 'POST', `/api/v1/engagements/${demo.id}/diagnosis/rounds`,
    { ...expert, json: { name: 'ソーク試験（固定）' } }), 'open the fixed round', 201);
  setup.fixedRound = fixed.id;
  const rnd = pseudoRandom(20261201);
  for (let i = 0; i < 100; i++) {
    const role = i < 5 ? 'owner' : i < 20 ? 'manager' : 'staff';
    const answers = {};
    for (let item = 1; item <= ITEMS; item++) answers[item] = CHOICES[Math.floor(rnd() * rnd() * CHOICES.length)];
    must(await rawRequest(setupAgent, 'POST', `/api/v1/diagnosis/rounds/${fixed.id}/paper`,
      { ...expert, json: { role, name: `紙 ${i + 1}`, department: `部署 ${(i % 7) + 1}`, answers } }), 'paper sheet', 201);
  }
  for (let item = 1; item <= 5; item++) {
    must(await rawRequest(setupAgent, 'PUT', `/api/v1/diagnosis/rounds/${fixed.id}/findings/${item}`,
      { ...expert, json: { notes: `ソーク試験のメモ ${item}`, finding: `課題 ${item}`, urgency: 'high', importance: 'medium', difficulty: 'easy', key_area: item === 1 } }),
    'finding');
  }

  // The answering rounds hang under an engagement of their own (expert1's).
  const experts = must(await rawRequest(setupAgent, 'GET', `/api/v1/users?role=expert&q=${encodeURIComponent('expert1@demo.shido.jp')}`, secretariat), 'experts').items;
  const expertId = experts.find((u) => u.email === 'expert1@demo.shido.jp')?.id ?? expert.user.id;
  const company = must(await rawRequest(setupAgent, 'POST', '/api/v1/companies',
    { ...secretariat, json: { name: `ソーク試験株式会社 ${Date.now().toString(36)}`, industry: '製造業', employee_count: 300 } }), 'company', 201);
  const engagement = must(await rawRequest(setupAgent, 'POST', '/api/v1/engagements',
    { ...secretariat, json: { company_id: company.id, expert_id: expertId } }), 'engagement', 201);
  setup.answerEngagement = engagement.id;

  // Is the SPA served (--static)?
  const index = await rawRequest(setupAgent, 'GET', '/');
  setup.spa = index.status === 200 && isHtml({ ...index, type: index.headers['content-type'] || '' }) === null;
}

// ---------------------------------------------------------------------------------------------
// Answer links, issued as needed

const tokens = {
  queue: [],
  rounds: [],          // answering round ids, in order
  current: null,       // the round links are issued into
  inCurrent: 0,
  issued: 0,
  sheetLinks: [],      // 20 links of the first round, for the invitation sheet PDF
  refilling: null,
  agent: new http.Agent({ keepAlive: true, maxSockets: 1 }),
  roleTurn: 0,
  refill() {
    this.refilling ??= (async () => {
      try {
        const s = setup.expert;
        if (!this.current || this.inCurrent >= ROUND_SIZE) {
          const res = await call(this.agent, 'POST /engagements/{id}/diagnosis/rounds', 'write', 'POST',
            `/api/v1/engagements/${setup.answerEngagement}/diagnosis/rounds`,
            { ...s, json: { name: `ソーク回答 ${this.rounds.length + 1}` } }, 201);
          if (!res.ok) { await sleep(1000); return; }
          this.current = res.data.id;
          this.rounds.push(this.current);
          this.inCurrent = 0;
        }
        const role = pick(['staff', 'manager', 'staff', 'owner', 'staff'], this.roleTurn++);
        const count = Math.min(LINKS_PER_INVITE, ROUND_SIZE - this.inCurrent);
        const res = await call(this.agent, 'POST /diagnosis/rounds/{id}/respondents', 'write', 'POST',
          `/api/v1/diagnosis/rounds/${this.current}/respondents`, { ...s, json: { role, count } }, 201,
          (r) => (r.data?.items?.length === count ? null : 'wrong number of links'));
        if (!res.ok) { await sleep(1000); return; }
        this.inCurrent += count;
        this.issued += count;
        for (const link of res.data.items) {
          this.queue.push(link.token);
          if (this.sheetLinks.length < 20) this.sheetLinks.push({ respondent_id: link.respondent.id, token: link.token, round: this.current });
        }
      } finally {
        this.refilling = null;
      }
    })();
    return this.refilling;
  },
  async take() {
    while (running) {
      if (this.queue.length < respondentCount) this.refill();
      if (this.queue.length) return this.queue.shift();
      await this.refilling;
    }
    return null;
  },
};

// ---------------------------------------------------------------------------------------------
// The simulated users

const counts = { sheetsStarted: 0, submitted: 0, answers: 0 };

async function respondent(i) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  let n = i;
  while (running) {
    const token = await tokens.take();
    if (!token) break;
    counts.sheetsStarted++;
    const sheet = await call(agent, 'GET /answer/{token}', 'answer', 'GET', `/api/v1/answer/${token}`, {}, 200,
      (r) => (r.data?.instrument?.items?.length === ITEMS ? null : 'no instrument'));
    if (!sheet.ok) continue;
    await think();
    let complete = true;
    for (let item = 1; item <= ITEMS && running; item++) {
      const choice = CHOICES[(n * 7 + item * 3 + (Math.random() < 0.2 ? 1 : 0)) % CHOICES.length];
      const res = await call(agent, 'PUT /answer/{token}/items/{no}', 'answer', 'PUT', `/api/v1/answer/${token}/items/${item}`, { json: { choice } });
      if (res.ok) counts.answers++; else complete = false;
      await think();
    }
    if (!running || !complete) continue;
    const res = await call(agent, 'POST /answer/{token}/submit', 'answer', 'POST', `/api/v1/answer/${token}/submit`, {}, 200,
      (r) => (r.data?.result ? null : 'no result'));
    if (res.ok) counts.submitted++;
    n++;
  }
  agent.destroy();
}

const ALL = ['secretariat', 'expert', 'owner'];
const STAFF = ['secretariat', 'expert'];
// [endpoint, weight, sessions, (i) => [method, path, opts?, expected?, check?]]
const READS = [
  ['GET /engagements', 10, ALL, () => ['GET', '/api/v1/engagements']],
  ['GET /engagements?q=', 3, ['secretariat'], () => ['GET', `/api/v1/engagements?q=${encodeURIComponent('サンプル')}&status=in_progress`]],
  ['GET /engagements/{id}', 10, ALL, () => ['GET', `/api/v1/engagements/${setup.demoEngagement}`]],
  ['GET /engagements/{id}/diagnosis/rounds', 6, ALL, () => ['GET', `/api/v1/engagements/${setup.demoEngagement}/diagnosis/rounds`]],
  ['GET /diagnosis/rounds/{id}', 6, ALL, (i) => ['GET', `/api/v1/diagnosis/rounds/${pick([setup.fixedRound, setup.demoRound], i)}`]],
  ['GET /diagnosis/rounds/{id}/analysis', 8, ALL, (i) => ['GET', `/api/v1/diagnosis/rounds/${pick([setup.fixedRound, setup.demoRound], i)}/analysis`]],
  ['GET /diagnosis/rounds/{id}/findings', 4, ALL, () => ['GET', `/api/v1/diagnosis/rounds/${setup.fixedRound}/findings`]],
  ['GET /diagnosis/rounds/{id}/respondents', 5, STAFF, (i) => ['GET', `/api/v1/diagnosis/rounds/${i % 2 ? setup.fixedRound : tokens.current ?? setup.fixedRound}/respondents`]],
  ['GET /engagements/{id}/diagnosis/compare', 3, ALL, () => ['GET', `/api/v1/engagements/${setup.demoEngagement}/diagnosis/compare?from=${setup.demoRound}&to=${setup.fixedRound}`]],
  ['GET /companies', 3, ['secretariat'], () => ['GET', '/api/v1/companies']],
  ['GET /audit', 3, ['secretariat'], () => ['GET', '/api/v1/audit']],
  ['GET /meta', 2, ALL, () => ['GET', '/api/v1/meta']],
  ['GET /auth/me', 4, ALL, () => ['GET', '/api/v1/auth/me']],
  ['GET / (index.html)', 2, [null], () => ['GET', '/', {}, 200, isHtml]],
  ['PUT /diagnosis/rounds/{id}/findings/{no}', 1, ['expert'], (i) => ['PUT', `/api/v1/diagnosis/rounds/${setup.fixedRound}/findings/${(i % ITEMS) + 1}`,
    { json: { notes: `ソーク試験 ${i}`, finding: i % 3 ? `課題 ${i}` : '', urgency: pick(['high', 'medium', 'low', null], i), importance: 'medium', difficulty: pick(['easy', 'hard', null], i), key_area: i % 5 === 0 } }]],
];

function readTable() {
  const ops = READS.filter(([name]) => setup.spa || name !== 'GET / (index.html)');
  const total = ops.reduce((sum, op) => sum + op[1], 0);
  return { ops, total };
}

async function reader(i) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const { ops, total } = readTable();
  let n = i;
  while (running) {
    let r = Math.random() * total;
    const op = ops.find((o) => (r -= o[1]) < 0) ?? ops[0];
    const [name, , who, build] = op;
    const [method, path, extra = {}, expected = 200, check = null] = build(n);
    const session = pick(who, n) ? setup[pick(who, n)] : {};
    const kind = method === 'GET' ? 'read' : 'write';
    await call(agent, name, kind, method, path, { ...session, ...extra }, expected,
      check ?? ((res) => (res.data !== null ? null : 'no JSON body')));
    n++;
    await think();
  }
  agent.destroy();
}

async function exporter(i) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  let n = i;
  while (running) {
    const session = setup[pick(STAFF, n)];
    const round = pick([setup.fixedRound, setup.fixedRound, setup.demoRound], Math.floor(n / 5));
    switch (n % 5) {
      case 0: case 2:
        await call(agent, 'GET /diagnosis/rounds/{id}/summary.xlsx', 'export', 'GET', `/api/v1/diagnosis/rounds/${round}/summary.xlsx`,
          { ...session, binary: true }, 200, isXlsx);
        break;
      case 1: case 3:
        await call(agent, 'GET /diagnosis/rounds/{id}/report.pdf', 'export', 'GET', `/api/v1/diagnosis/rounds/${round}/report.pdf`,
          { ...session, binary: true }, 200, isPdf);
        break;
      default: {
        const links = tokens.sheetLinks;
        if (!links.length) break;
        await call(agent, 'POST /diagnosis/rounds/{id}/invitation-sheet.pdf', 'export', 'POST',
          `/api/v1/diagnosis/rounds/${links[0].round}/invitation-sheet.pdf`,
          { ...session, binary: true, json: { links: links.map(({ respondent_id, token }) => ({ respondent_id, token })) } }, 200, isPdf);
      }
    }
    n++;
  }
  agent.destroy();
}

// ---------------------------------------------------------------------------------------------
// The run

const fmt = (v, d = 1) => (v === undefined || Number.isNaN(v) ? '-' : v.toFixed(d));
function percentile(sorted, p) {
  if (!sorted.length) return undefined;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}
function table(header, rows, align) {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => String(r[c]).length)));
  const line = (r) => r.map((v, c) => (align[c] === 'l' ? String(v).padEnd(widths[c]) : String(v).padStart(widths[c]))).join('  ');
  const out = [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)];
  return out.join('\n');
}

async function main() {
  const samples = [];
  const sample = (label) => {
    const p = procStatus() ?? {};
    const row = { label, t_s: measuring ? (performance.now() - started) / 1000 : 0, ...p, db_mb: dbSizeMb(), ...minuteCounts };
    samples.push(row);
    return row;
  };
  sample('before set-up');
  console.log(`set-up: sessions, a round of 100 paper sheets, an engagement for the answering rounds …`);
  const setupStarted = performance.now();
  await prepare();
  console.log(`set-up done in ${fmt((performance.now() - setupStarted) / 1000, 1)} s (demo round ${setup.demoRound}, fixed round ${setup.fixedRound}, ` +
    `answering engagement ${setup.answerEngagement}${setup.spa ? ', SPA served' : ', no SPA (--static)'})`);
  console.log(`${connections} connections: ${readerCount} readers, ${respondentCount} respondents, ${exporterCount} exporters; ` +
    `${minutes} min${thinkMs ? `, think time ~${thinkMs} ms` : ', no think time'}`);

  const startRow = sample('start');
  console.log(`server pid ${pid ?? '?'}: RSS ${fmt(startRow.rss_mb)} MB, ${startRow.threads ?? '?'} threads, ${startRow.fds ?? '?'} fds at the start`);
  console.log('\n minute   requests    req/s  errors   503   RSS MB  threads   fds   db MB');

  measuring = true;
  const started = performance.now();
  // Hard bound: whatever happens, the process ends 2 minutes after the deadline.
  setTimeout(() => { console.error('soak: still running 2 minutes after the deadline, giving up'); process.exit(3); }, durationMs + 120_000).unref();
  const users = [];
  for (let i = 0; i < exporterCount; i++) users.push(exporter(i));
  for (let i = 0; i < respondentCount; i++) users.push(respondent(i));
  for (let i = 0; i < readerCount; i++) users.push(reader(i));

  let minute = 0;
  const ticker = setInterval(() => {
    minute++;
    const row = sample(`${minute} min`);
    console.log(`${String(minute).padStart(7)}  ${String(row.requests).padStart(9)}  ${fmt(row.requests / 60, 0).padStart(7)}  ${String(row.errors).padStart(6)}  ` +
      `${String(row.unavailable).padStart(4)}  ${fmt(row.rss_mb).padStart(7)}  ${String(row.threads ?? '-').padStart(7)}  ${String(row.fds ?? '-').padStart(4)}  ${fmt(row.db_mb).padStart(6)}`);
    minuteCounts.requests = 0; minuteCounts.errors = 0; minuteCounts.unavailable = 0;
  }, 60_000);
  await sleep(durationMs);
  running = false;
  clearInterval(ticker);
  await Promise.all(users);
  const elapsed = (performance.now() - started) / 1000;
  measuring = false;
  const endRow = sample('end');
  if (minuteCounts.requests) {
    // The last stretch (the deadline falls on the last minute's tick, which is not waited for).
    const rest = elapsed - minute * 60;
    const label = rest > 55 ? String(minute + 1) : `+${fmt(rest, 0)} s`;
    console.log(`${label.padStart(7)}  ${String(endRow.requests).padStart(9)}  ${fmt(endRow.requests / rest, 0).padStart(7)}  ${String(endRow.errors).padStart(6)}  ${String(endRow.unavailable).padStart(4)}  ` +
      `${fmt(endRow.rss_mb).padStart(7)}  ${String(endRow.threads ?? '-').padStart(7)}  ${String(endRow.fds ?? '-').padStart(4)}  ${fmt(endRow.db_mb).padStart(6)}`);
  }

  // What the server stored against what the clients saw.
  const rounds = must(await rawRequest(setupAgent, 'GET', `/api/v1/engagements/${setup.answerEngagement}/diagnosis/rounds`, setup.expert), 'answering rounds').items;
  const storedSubmitted = rounds.reduce((sum, r) => sum + r.submitted_count, 0);
  const storedLinks = rounds.reduce((sum, r) => sum + r.respondent_count, 0);
  const fixedAnalysis = must(await rawRequest(setupAgent, 'GET', `/api/v1/diagnosis/rounds/${setup.fixedRound}/analysis`, setup.expert), 'fixed analysis');
  const health = await rawRequest(setupAgent, 'GET', '/healthz');
  setupAgent.destroy();
  tokens.agent.destroy();

  // Tables.
  const kinds = ['read', 'write', 'answer', 'export'];
  const list = [...stats.values()].sort((a, b) => kinds.indexOf(a.kind) - kinds.indexOf(b.kind) || b.requests - a.requests);
  const rows = list.map((s) => {
    const sorted = Float64Array.from(s.ok).sort();
    return [s.name, s.kind, s.requests, fmt(s.requests / elapsed, 1), s.errorCount, s.unavailable,
      fmt(percentile(sorted, 50), 1), fmt(percentile(sorted, 99), 1), fmt(sorted.at(-1), 0)];
  });
  let totalRequests = 0; let totalErrors = 0; let total503 = 0;
  const all = [];
  for (const s of list) { totalRequests += s.requests; totalErrors += s.errorCount; total503 += s.unavailable; for (const v of s.ok) all.push(v); }
  const allSorted = Float64Array.from(all).sort();
  rows.push(['all', '', totalRequests, fmt(totalRequests / elapsed, 1), totalErrors, total503,
    fmt(percentile(allSorted, 50), 1), fmt(percentile(allSorted, 99), 1), fmt(allSorted.at(-1), 0)]);
  console.log(`\nsoak summary: ${fmt(elapsed / 60, 2)} min, ${connections} connections (${socketsOpened} TCP connections opened in all), ` +
    `latencies of the successful requests in ms`);
  console.log(table(['endpoint', 'kind', 'requests', 'req/s', 'errors', '503', 'p50', 'p99', 'max'], rows,
    ['l', 'l', 'r', 'r', 'r', 'r', 'r', 'r', 'r']));
  const errorLines = list.flatMap((s) => [...s.errors].map(([what, n]) => `  ${s.name}: ${what} × ${n}`));
  if (errorLines.length) console.log(`\nerrors:\n${errorLines.join('\n')}`);

  const rssRows = samples.map((r) => [r.label, fmt(r.rss_mb), fmt(r.hwm_mb), r.threads ?? '-', r.fds ?? '-', fmt(r.db_mb)]);
  console.log(`\nserver process (/proc/${pid}/status)`);
  console.log(table(['when', 'VmRSS MB', 'VmHWM MB', 'threads', 'fds', 'db MB'], rssRows, ['l', 'r', 'r', 'r', 'r', 'r']));
  const warm = samples.find((r) => r.label === '1 min') ?? startRow;
  const growth = endRow.rss_mb - warm.rss_mb;
  const later = samples.filter((r) => r.label.endsWith(' min') && r.label !== '1 min');
  const peakAfterWarm = Math.max(warm.rss_mb, ...later.map((r) => r.rss_mb), endRow.rss_mb);
  console.log(`RSS: ${fmt(startRow.rss_mb)} MB at the start, ${fmt(warm.rss_mb)} MB after ${warm === startRow ? 'set-up' : 'the first minute (warm-up)'}, ` +
    `${fmt(endRow.rss_mb)} MB at the end: ${growth >= 0 ? '+' : ''}${fmt(growth)} MB after warm-up (peak ${fmt(peakAfterWarm)} MB)`);

  const checks = [
    [`submissions stored: ${storedSubmitted} of ${counts.submitted} answered 200`, storedSubmitted === counts.submitted],
    [`links stored: ${storedLinks} of ${tokens.issued} issued (${rounds.length} answering rounds)`, storedLinks === tokens.issued],
    [`fixed round still has its 100 sheets: ${fixedAnalysis.respondents.length}`, fixedAnalysis.respondents.length === 100],
    [`/healthz after the run: ${health.status}`, health.status === 200],
    [`no errors: ${totalErrors}`, totalErrors === 0],
    [`no 503 (heavy-work queue full): ${total503}`, total503 === 0],
  ];
  console.log(`\nanswer sheets: ${counts.sheetsStarted} opened, ${counts.answers} answers saved, ${counts.submitted} submitted`);
  for (const [text, ok] of checks) console.log(`${ok ? 'ok  ' : 'FAIL'} ${text}`);

  const result = {
    minutes, connections, readers: readerCount, respondents: respondentCount, exporters: exporterCount, elapsed_s: elapsed,
    requests: totalRequests, errors: totalErrors, unavailable: total503, submitted: counts.submitted,
    rss_mb: Object.fromEntries(samples.map((r) => [r.label, Number(fmt(r.rss_mb))])),
    endpoints: Object.fromEntries(list.map((s) => {
      const sorted = Float64Array.from(s.ok).sort();
      return [s.name, { requests: s.requests, errors: s.errorCount, unavailable: s.unavailable,
        p50_ms: Number(fmt(percentile(sorted, 50), 2)), p99_ms: Number(fmt(percentile(sorted, 99), 2)) }];
    })),
  };
  console.log(`RESULT ${JSON.stringify(result)}`);
  process.exitCode = checks.every(([, ok]) => ok) ? 0 : 1;
}

main().catch((e) => {
  console.error(e.stack || e.message);
  process.exit(1);
});
