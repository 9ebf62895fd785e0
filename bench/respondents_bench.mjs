// Self-assessment answering under load (run by bench/respondents_bench.sh; not a test).
// Against a running server with the demo data: logs in as expert1, opens a round on
// 株式会社サンプル製作所's engagement, invites N staff respondents (requests of at most 100 links),
// then lets N simulated respondents answer at the same time, each saving its 25 answers one
// PUT at a time and then submitting. Measures the latency of every answer PUT (p50/p99/max),
// the submissions per second and the total time, then counts what was stored through the
// analysis API (must be N × 25 answers and N submitted sheets) and prints a summary table.
//
//   node bench/respondents_bench.mjs --base http://127.0.0.1:8080 [--respondents 200] [--label sqlite]
//
// Plain node: node:http with a keep-alive agent (one connection per simulated respondent, as
// browsers would have), no npm packages.
import http from 'node:http';
import { performance } from 'node:perf_hooks';

const args = Object.fromEntries(process.argv.slice(2).reduce((pairs, a, i, all) => {
  if (a.startsWith('--')) pairs.push([a.slice(2), all[i + 1]]);
  return pairs;
}, []));
const base = new URL(args.base ?? 'http://127.0.0.1:8080');
const respondents = Number(args.respondents ?? 200);
const label = args.label ?? '';
const ITEMS = 25;
const CHOICES = ['done', 'partial', 'not_done', 'unknown'];
const agent = new http.Agent({ keepAlive: true, maxSockets: respondents + 8 });

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
        const text = Buffer.concat(chunks).toString('utf8');
        let data = null;
        if ((res.headers['content-type'] || '').includes('application/json') && text) data = JSON.parse(text);
        resolve({ status: res.statusCode, headers: res.headers, data, text, ms: performance.now() - started });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    if (body) req.write(body);
    req.end();
  });
}

function expect(res, status, what) {
  if (res.status !== status) throw new Error(`${what}: expected ${status}, got ${res.status} ${res.text.slice(0, 300)}`);
  return res.data;
}

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];

async function main() {
  // Staff side: expert1 opens a round and invites the respondents.
  const login = await request('POST', '/api/v1/auth/login', { json: { email: 'expert1@demo.shido.jp', password: 'demo-password-2026' } });
  const session = expect(login, 200, 'login');
  const cookie = /shido_session=([^;]*)/.exec([].concat(login.headers['set-cookie'] ?? []).join('\n'))[1];
  const staff = { cookie, csrf: session.csrf_token };
  const engagements = expect(await request('GET', '/api/v1/engagements', staff), 200, 'engagements').items;
  const engagement = engagements.find((e) => e.company_name === '株式会社サンプル製作所');
  if (!engagement) throw new Error('the demo engagement of expert1 is missing');
  const round = expect(await request('POST', `/api/v1/engagements/${engagement.id}/diagnosis/rounds`,
    { ...staff, json: { name: `負荷試験 ${new Date().toISOString()}` } }), 201, 'open round');
  const tokens = [];
  const inviteStarted = performance.now();
  for (let left = respondents; left > 0; left -= 100) {
    const count = Math.min(100, left);
    const items = expect(await request('POST', `/api/v1/diagnosis/rounds/${round.id}/respondents`,
      { ...staff, json: { role: 'staff', count } }), 201, 'invite').items;
    tokens.push(...items.map((i) => i.token));
  }
  const inviteMs = performance.now() - inviteStarted;

  // Respondent side: everybody at once; each answers item by item, then submits.
  const putMs = [];
  const submitMs = [];
  const failures = [];
  const started = performance.now();
  await Promise.all(tokens.map(async (token, r) => {
    try {
      for (let item = 1; item <= ITEMS; ++item) {
        const choice = CHOICES[(r * 7 + item * 3) % CHOICES.length];
        const res = await request('PUT', `/api/v1/answer/${token}/items/${item}`, { json: { choice } });
        if (res.status !== 200) throw new Error(`PUT item ${item}: ${res.status} ${res.text.slice(0, 200)}`);
        putMs.push(res.ms);
      }
      const res = await request('POST', `/api/v1/answer/${token}/submit`);
      if (res.status !== 200) throw new Error(`submit: ${res.status} ${res.text.slice(0, 200)}`);
      submitMs.push(res.ms);
    } catch (e) {
      failures.push(`respondent ${r + 1}: ${e.message}`);
    }
  }));
  const totalMs = performance.now() - started;

  // What was stored, as the analysis API sees it.
  const analysis = expect(await request('GET', `/api/v1/diagnosis/rounds/${round.id}/analysis`, staff), 200, 'analysis');
  const storedAnswers = analysis.items.reduce((sum, item) => sum + item.all.respondents, 0);
  const submitted = analysis.respondents.length;
  // The respondents list is paged: follow next_after to the end.
  let savedAnswers = 0;
  for (let after = null, page = 0; page < 1000; ++page) {
    const query = `limit=200${after === null ? '' : `&after=${encodeURIComponent(after)}`}`;
    const list = expect(await request('GET', `/api/v1/diagnosis/rounds/${round.id}/respondents?${query}`, staff), 200, 'respondents');
    savedAnswers += list.items.reduce((sum, r) => sum + r.answered_count, 0);
    if (list.next_after === null) break;
    after = list.next_after;
  }
  agent.destroy();

  putMs.sort((a, b) => a - b);
  submitMs.sort((a, b) => a - b);
  const fmt = (v, d = 1) => (v === undefined ? '-' : v.toFixed(d));
  const rows = [
    ['database', label || '?'],
    ['respondents (concurrent)', String(respondents)],
    ['invitations (2 × 100 links)', `${fmt(inviteMs, 0)} ms`],
    ['answer PUTs', `${putMs.length} ok / ${respondents * ITEMS}`],
    ['answer PUT latency p50', `${fmt(percentile(putMs, 50), 2)} ms`],
    ['answer PUT latency p99', `${fmt(percentile(putMs, 99), 2)} ms`],
    ['answer PUT latency max', `${fmt(putMs.at(-1), 2)} ms`],
    ['answer PUTs per second', fmt(putMs.length / (totalMs / 1000), 0)],
    ['submit latency p50 / p99', `${fmt(percentile(submitMs, 50), 2)} / ${fmt(percentile(submitMs, 99), 2)} ms`],
    ['submissions per second', fmt(submitMs.length / (totalMs / 1000), 1)],
    ['total time (first PUT → last submit)', `${fmt(totalMs / 1000, 2)} s`],
    ['answers stored (analysis API)', `${storedAnswers} (expected ${respondents * ITEMS})`],
    ['answers saved (respondents list)', `${savedAnswers} (expected ${respondents * ITEMS})`],
    ['submitted sheets (analysis API)', `${submitted} (expected ${respondents}; progress says ${analysis.progress.staff.submitted})`],
    ['failed respondents', String(failures.length)],
  ];
  const width = Math.max(...rows.map(([k]) => k.length));
  console.log(`\nself-assessment answering benchmark (round ${round.id})`);
  console.log('-'.repeat(width + 28));
  for (const [k, v] of rows) console.log(`${k.padEnd(width)}  ${v}`);
  console.log('-'.repeat(width + 28));
  console.log(`RESULT ${JSON.stringify({ db: label, respondents, put_p50_ms: percentile(putMs, 50), put_p99_ms: percentile(putMs, 99),
    submissions_per_s: submitMs.length / (totalMs / 1000), total_s: totalMs / 1000, stored_answers: storedAnswers, submitted })}`);
  for (const f of failures.slice(0, 10)) console.error(f);
  const ok = failures.length === 0 && storedAnswers === respondents * ITEMS && savedAnswers === respondents * ITEMS &&
    submitted === respondents && analysis.progress.staff.submitted === respondents;
  if (!ok) {
    console.error('FAILED: not every answer or submission was stored');
    process.exit(1);
  }
}

main().catch((e) => {
  console.error(e.stack || e.message);
  process.exit(1);
});
