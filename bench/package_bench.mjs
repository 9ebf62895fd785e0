// Submission package benchmark (run by bench/package_bench.sh; not a test). Against a running
// server with the demo data: on 株式会社サンプル製作所's engagement, expert1 opens a round and 50
// staff respondents answer and submit, the round is closed; the owner approves and publishes the
// basic policy, the expert submits it; the expert sets and submits 様式2. Then it measures
//  1. the time to build the ZIP (GET …/package.zip?partial=true, N sequential downloads), and
//  2. the p99 of another request (GET /api/v1/engagements/{id}) while ten ZIPs are built at once
//     (ten download loops), against the same request alone.
//
//   node bench/package_bench.mjs --base http://127.0.0.1:8080 [--respondents 50] [--zips 20] [--seconds 10]
//
// Plain node: node:http with a keep-alive agent, no npm packages.
import http from 'node:http';
import { performance } from 'node:perf_hooks';

const args = Object.fromEntries(process.argv.slice(2).reduce((pairs, a, i, all) => {
  if (a.startsWith('--')) pairs.push([a.slice(2), all[i + 1]]);
  return pairs;
}, []));
const base = new URL(args.base ?? 'http://127.0.0.1:8080');
const respondents = Number(args.respondents ?? 50);
const planRows = Number(args.rows ?? 200);
const zips = Number(args.zips ?? 20);
const seconds = Number(args.seconds ?? 10);
const agent = new http.Agent({ keepAlive: true, maxSockets: respondents + 16 });

function request(method, path, { json, cookie, csrf } = {}) {
  return new Promise((resolve, reject) => {
    const body = json === undefined ? undefined : Buffer.from(JSON.stringify(json));
    const headers = {};
    if (body) { headers['Content-Type'] = 'application/json'; headers['Content-Length'] = body.length; }
    if (cookie) headers.Cookie = `shido_session=${cookie}`;
    if (csrf) headers['X-CSRF-Token'] = csrf;
    const started = performance.now();
    const req = http.request({ host: base.hostname, port: base.port, method, path, headers, agent }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => {
        const bytes = Buffer.concat(chunks);
        let data = null;
        if ((res.headers['content-type'] || '').includes('application/json') && bytes.length) data = JSON.parse(bytes.toString('utf8'));
        resolve({ status: res.statusCode, headers: res.headers, data, bytes, text: data ? bytes.toString('utf8') : '', ms: performance.now() - started });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    if (body) req.write(body);
    req.end();
  });
}

function expect(res, status, what) {
  if (res.status !== status) throw new Error(`${what}: expected ${status}, got ${res.status} ${res.bytes.toString('utf8').slice(0, 300)}`);
  return res.data;
}

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];

async function login(email) {
  const res = await request('POST', '/api/v1/auth/login', { json: { email, password: 'demo-password-2026' } });
  const session = expect(res, 200, `login ${email}`);
  const cookie = /shido_session=([^;]*)/.exec([].concat(res.headers['set-cookie'] ?? []).join('\n'))[1];
  return { cookie, csrf: session.csrf_token };
}

async function seed(expert, owner, engagementId) {
  const at = (p) => `/api/v1/engagements/${engagementId}${p}`;
  // The self-assessment: a round of `respondents` staff sheets, all answered, then closed.
  const round = expect(await request('POST', at('/diagnosis/rounds'), { ...expert, json: { name: 'パッケージ計測' } }), 201, 'open round');
  const tokens = [];
  for (let left = respondents; left > 0; left -= 100) {
    const items = expect(await request('POST', `/api/v1/diagnosis/rounds/${round.id}/respondents`,
      { ...expert, json: { role: 'staff', count: Math.min(100, left) } }), 201, 'invite').items;
    tokens.push(...items.map((i) => i.token));
  }
  const choices = ['done', 'partial', 'not_done', 'unknown'];
  await Promise.all(tokens.map(async (token, r) => {
    for (let item = 1; item <= 25; ++item)
      expect(await request('PUT', `/api/v1/answer/${token}/items/${item}`, { json: { choice: choices[(r + item) % 4] } }), 200, 'answer');
    expect(await request('POST', `/api/v1/answer/${token}/submit`), 200, 'submit sheet');
  }));
  // The demo's own round stays open: only this one is closed, so the package takes it.
  expect(await request('PATCH', `/api/v1/diagnosis/rounds/${round.id}`, { ...expert, json: { status: 'closed' } }), 200, 'close round');

  // The basic policy: the demo's draft approved and published by the owner, submitted by the expert.
  const policy = expect(await request('GET', at('/policy'), owner), 200, 'policy');
  const approved = expect(await request('POST', at(`/policy/versions/${policy.latest_number}/approve`), { ...owner, json: { version: policy.version } }), 200, 'approve');
  expect(await request('POST', at('/policy/publish'), { ...owner, json: { version: approved.version } }), 200, 'publish');
  const head = expect(await request('GET', at('/policy'), expert), 200, 'policy');
  expect(await request('POST', at('/policy/submit'), { ...expert, json: { version: head.version } }), 200, 'submit policy');

  // 様式2: every category set, then submitted.
  let version = expect(await request('GET', at('/rules-check'), expert), 200, 'rules').version;
  for (let no = 1; no <= 11; ++no) {
    version = expect(await request('PUT', at(`/rules-check/rows/${no}`), { ...expert, json: {
      result: ['new', 'revised', 'unchanged', 'not_needed'][(no - 1) % 4], content: `第${no}区分の規程を整える`,
      assignee: '総務 山田', due_date: '2027-03-31', upkeep: '年1回の研修で周知する', version } }), 200, 'rules row').version;
  }
  expect(await request('POST', at('/rules-check/submit'), { ...expert, json: { version } }), 200, 'submit rules');

  // ---- 様式3 (対策実行計画書): 200 rows, approved by the owner, handed in by the expert. ----
  const areas = ['organisational', 'human', 'technical', 'physical'];
  const levels = ['high', 'medium', 'low'];
  const measures = Array.from({ length: planRows }, (_, i) => ({
    area_key: areas[i % 4], situation: `現状と課題 ${i + 1}：手順が文書になっていない`,
    action: `具体的改善対策 ${i + 1}：手順書を作り、年1回見直す`, business_linked: i % 3 === 0,
    urgency: levels[i % 3], importance: levels[(i + 1) % 3], difficulty: ['easy', 'medium', 'hard'][i % 3],
    feasibility: 'feasible', deadline: '2027-09-30', concerns: '要員の確保', owner: '総務 山田', progress: 'not_started',
  }));
  const plan = expect(await request('PUT', at('/action-plan'), { ...expert, json: { version: 0, measures } }), 200, 'plan');
  expect(await request('POST', at('/action-plan/approve'), { ...owner, json: { version: plan.version } }), 200, 'approve plan');
  expect(await request('POST', at('/action-plan/submit'), { ...expert, json: { version: plan.version } }), 200, 'submit plan');
}

async function main() {
  const expert = await login('expert1@demo.shido.jp');
  const owner = await login('owner1@demo.shido.jp');
  const jimu = await login('jimu@demo.shido.jp');
  const engagements = expect(await request('GET', '/api/v1/engagements?limit=200', expert), 200, 'engagements').items;
  const engagement = engagements.find((e) => e.company_name === '株式会社サンプル製作所');
  if (!engagement) throw new Error('the demo engagement of expert1 is missing');
  const seedStarted = performance.now();
  await seed(expert, owner, engagement.id);
  const seedMs = performance.now() - seedStarted;

  const zipPath = `/api/v1/engagements/${engagement.id}/package.zip?partial=true`;
  const readiness = expect(await request('GET', `/api/v1/engagements/${engagement.id}/package`, jimu), 200, 'readiness');
  const present = readiness.parts.filter((p) => p.present).map((p) => p.key);

  // 1. The ZIP alone, one after another (the first one warms the fonts and caches).
  expect(await request('GET', zipPath, jimu), 200, 'first zip');
  const zipMs = [];
  let zipBytes = 0;
  for (let i = 0; i < zips; ++i) {
    const res = await request('GET', zipPath, jimu);
    expect(res, 200, 'zip');
    zipMs.push(res.ms);
    zipBytes = res.bytes.length;
  }
  zipMs.sort((a, b) => a - b);

  // 2. Another request alone, then while ten ZIPs are built at once.
  const readPath = `/api/v1/engagements/${engagement.id}`;
  async function readLoop(ms, deadline) {
    while (performance.now() < deadline) {
      const res = await request('GET', readPath, expert);
      expect(res, 200, 'read');
      ms.push(res.ms);
    }
  }
  const alone = [];
  await readLoop(alone, performance.now() + seconds * 1000 / 2);
  const underLoad = [];
  const loadZipMs = [];
  let refused = 0;
  const deadline = performance.now() + seconds * 1000;
  await Promise.all([
    readLoop(underLoad, deadline),
    ...Array.from({ length: 10 }, async () => {
      while (performance.now() < deadline) {
        const res = await request('GET', zipPath, jimu);
        if (res.status === 503) { refused += 1; continue; }
        expect(res, 200, 'zip under load');
        loadZipMs.push(res.ms);
      }
    }),
  ]);
  agent.destroy();
  alone.sort((a, b) => a - b);
  underLoad.sort((a, b) => a - b);
  loadZipMs.sort((a, b) => a - b);

  const fmt = (v, d = 1) => (v === undefined ? '-' : v.toFixed(d));
  const rows = [
    [`seed (${respondents} respondents, policy, 様式2, 様式3 of ${planRows} rows)`, `${fmt(seedMs / 1000, 1)} s`],
    ['parts in the ZIP', present.join(', ')],
    ['ZIP size', `${zipBytes} bytes`],
    [`ZIP build alone p50 / p99 (${zips} runs)`, `${fmt(percentile(zipMs, 50))} / ${fmt(percentile(zipMs, 99))} ms`],
    ['other request alone p50 / p99', `${fmt(percentile(alone, 50), 2)} / ${fmt(percentile(alone, 99), 2)} ms (${alone.length})`],
    ['other request, 10 ZIPs at once p50 / p99', `${fmt(percentile(underLoad, 50), 2)} / ${fmt(percentile(underLoad, 99), 2)} ms (${underLoad.length})`],
    ['ZIPs under load: done, p50 / p99, 503', `${loadZipMs.length}, ${fmt(percentile(loadZipMs, 50))} / ${fmt(percentile(loadZipMs, 99))} ms, ${refused}`],
  ];
  const width = Math.max(...rows.map(([k]) => k.length));
  console.log(`\nsubmission package benchmark (engagement ${engagement.id})`);
  console.log('-'.repeat(width + 40));
  for (const [k, v] of rows) console.log(`${k.padEnd(width)}  ${v}`);
  console.log('-'.repeat(width + 40));
  console.log(`RESULT ${JSON.stringify({ zip_p50_ms: percentile(zipMs, 50), zip_p99_ms: percentile(zipMs, 99),
    read_alone_p99_ms: percentile(alone, 99), read_under_zips_p99_ms: percentile(underLoad, 99), zips_under_load: loadZipMs.length, refused })}`);
}

main().catch((e) => {
  console.error(e.stack || e.message);
  process.exit(1);
});
