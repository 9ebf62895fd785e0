// The secretariat's dashboard: GET /api/v1/dashboard/{engagements,summary,experts,engagements.xlsx}.
// The data: the demo plus 40 generated engagements at every stage of the course
// (`shido demo --engagements 40 --course-work`: sessions held, reports in each state, tasks done,
// open and overdue). The counts are checked against the rows themselves, and the state filter
// against each row's state; then a reassignment takes the former expert's access away at once.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { promisify } from 'node:util';
import { DEMO, MAKER, allPages, assertError, contentDir, freshDatabase, runShido, startServer } from './server.mjs';

const STATES = ['unplanned', 'planned', 'held', 'report_submitted', 'report_returned', 'report_accepted'];
const ROUTES = ['/api/v1/dashboard/engagements', '/api/v1/dashboard/summary', '/api/v1/dashboard/experts',
  '/api/v1/dashboard/engagements.xlsx'];
const sum = (xs) => xs.reduce((a, b) => a + b, 0);

describe('dashboard', () => {
  let server, secretariat, expert1, expert2, owner1, all;

  before(async () => {
    const database = await freshDatabase();
    await runShido(['demo', '--db', database.url, '--content', contentDir, '--engagements', '40', '--course-work']);
    server = await startServer({ database });
    [secretariat, expert1, expert2, owner1] = await Promise.all(
      [DEMO.secretariat, DEMO.expert1, DEMO.expert2, DEMO.owner1].map((e) => server.login(e)));
    all = await allPages(secretariat, '/api/v1/dashboard/engagements');
  });
  after(() => server?.stop());

  test('only the secretariat: others get 403, nobody signed in 401', async () => {
    for (const route of ROUTES) {
      for (const client of [expert1, owner1]) assertError(await client.get(route), 403, 'forbidden');
      assertError(await server.client().get(route), 401, 'unauthenticated');
    }
  });

  test('every engagement, newest first, each with its sessions and current state', () => {
    assert.equal(all.length, 42);
    const ids = all.map((e) => e.id);
    assert.deepEqual(ids, [...ids].sort((a, b) => b - a));
    const seen = new Set(all.map((e) => e.state));
    assert.deepEqual([...seen].sort(), [...STATES].sort(), 'the generated data holds every state');
    for (const e of all) {
      assert.equal(e.sessions.length, 4);
      // The current session is the first whose report is not accepted (the last when all are).
      const open = e.sessions.find((s) => s.progress !== 'report_accepted');
      assert.equal(e.current_session, open ? open.no : 4, `engagement ${e.id}`);
      assert.equal(e.state, open ? open.progress : 'report_accepted', `engagement ${e.id}`);
      assert.equal(e.reports_waiting, e.sessions.filter((s) => s.progress === 'report_submitted').length);
    }
    const maker = all.find((e) => e.company_name === MAKER);
    assert.equal(maker.industry, '製造業（金属加工）');
    assert.equal(maker.expert_name, '専門家 一郎');
  });

  test('counts: the states add up, and each state filter shows its count', async () => {
    const summary = (await secretariat.get('/api/v1/dashboard/summary')).data;
    assert.equal(summary.engagements, 42);
    assert.deepEqual(summary.by_state.map((s) => s.state), STATES);
    assert.deepEqual(summary.by_state.map((s) => s.label), ['未計画', '予定', '実施済', '報告提出', '報告差戻し', '報告受理']);
    assert.equal(sum(summary.by_state.map((s) => s.engagements)), 42);
    assert.equal(summary.reports_waiting, sum(all.map((e) => e.reports_waiting)));
    assert.ok(summary.reports_waiting > 0);
    assert.equal(summary.overdue_tasks, sum(all.map((e) => e.overdue_tasks)));
    assert.ok(summary.overdue_tasks > 0);
    assert.equal(summary.unassigned, 0);
    for (const { state, engagements } of summary.by_state) {
      const rows = await allPages(secretariat, `/api/v1/dashboard/engagements?state=${state}`, { limit: 5 });
      assert.equal(rows.length, engagements, state);
      assert.equal(rows.length, all.filter((e) => e.state === state).length, state);
      assert.ok(rows.every((e) => e.state === state), state);
      const narrowed = (await secretariat.get(`/api/v1/dashboard/summary?state=${state}`)).data;
      assert.equal(narrowed.engagements, engagements, state);
      assert.equal(narrowed.reports_waiting, sum(rows.map((e) => e.reports_waiting)), state);
      assert.equal(narrowed.overdue_tasks, sum(rows.map((e) => e.overdue_tasks)), state);
      assert.deepEqual(narrowed.by_state, summary.by_state, 'the state counts ignore the state filter');
    }
  });

  test('filters: industry, expert, unassigned, status, company name, combined', async () => {
    const summary = (await secretariat.get('/api/v1/dashboard/summary')).data;
    assert.ok(summary.industries.length >= 6);
    for (const { industry, engagements } of summary.industries) {
      const res = await secretariat.get(`/api/v1/dashboard/engagements?limit=200&industry=${encodeURIComponent(industry)}`);
      assert.equal(res.data.total, engagements, industry);
      assert.ok(res.data.items.every((e) => e.industry === industry));
    }
    const gen1 = all.find((e) => e.expert_name === '生成専門家1').expert_id;
    let res = await secretariat.get(`/api/v1/dashboard/engagements?limit=200&expert_id=${gen1}`);
    assert.equal(res.data.total, 20);
    res = await secretariat.get(`/api/v1/dashboard/engagements?expert_id=none`);
    assert.equal(res.data.total, 0);
    res = await secretariat.get(`/api/v1/dashboard/engagements?limit=200&status=in_progress`);
    assert.equal(res.data.total, all.filter((e) => e.status === 'in_progress').length);
    res = await secretariat.get(`/api/v1/dashboard/engagements?q=${encodeURIComponent('生成企業1')}&limit=200`);
    assert.equal(res.data.total, all.filter((e) => e.company_name.includes('生成企業1')).length);
    const want = all.filter((e) => e.expert_id === gen1 && e.state === 'report_submitted' && e.industry === '製造業');
    res = await secretariat.get(`/api/v1/dashboard/engagements?expert_id=${gen1}&state=report_submitted&industry=${encodeURIComponent('製造業')}`);
    assert.deepEqual(res.data.items.map((e) => e.id), want.map((e) => e.id));
    const counted = (await secretariat.get(`/api/v1/dashboard/summary?expert_id=${gen1}&industry=${encodeURIComponent('製造業')}`)).data;
    assert.equal(counted.by_state.find((s) => s.state === 'report_submitted').engagements, want.length);
  });

  test('paging: pages of 7 are the whole list, in order; bad parameters are 422', async () => {
    const paged = await allPages(secretariat, '/api/v1/dashboard/engagements', { limit: 7 });
    assert.deepEqual(paged.map((e) => e.id), all.map((e) => e.id));
    for (const query of ['state=done', 'status=open', 'expert_id=abc', 'expert_id=0', 'limit=0', 'limit=201', 'after=%21']) {
      const res = await secretariat.get(`/api/v1/dashboard/engagements?${query}`);
      assertError(res, 422, 'validation');
    }
    assertError(await secretariat.get('/api/v1/dashboard/summary?state=done'), 422, 'validation');
  });

  test("experts' workload", async () => {
    const experts = await allPages(secretariat, '/api/v1/dashboard/experts', { limit: 3 });
    assert.equal(experts.length, 4);  // two demo experts, two generated
    for (const w of experts) {
      const mine = all.filter((e) => e.expert_id === w.expert_id);
      const active = mine.filter((e) => e.status === 'planned' || e.status === 'in_progress');
      assert.equal(w.active_engagements, active.length, w.name);
      assert.equal(w.reports_waiting, sum(mine.map((e) => e.reports_waiting)), w.name);
      assert.equal(w.overdue_tasks, sum(mine.map((e) => e.overdue_tasks)), w.name);
      assert.ok(w.sessions_next_30_days <= sum(active.map((e) => e.sessions.length)));
      assert.equal(w.active, true);
    }
    assert.ok(sum(experts.map((w) => w.sessions_next_30_days)) > 0);
  });

  test('the table as .xlsx: every filtered row, in the table order', async () => {
    const res = await secretariat.request('GET', '/api/v1/dashboard/engagements.xlsx?state=report_submitted');
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    assert.match(res.headers.get('content-disposition'), /filename\*=UTF-8''%E6%8C%87%E5%B0%8E/);
    const dir = await mkdtemp(path.join(os.tmpdir(), 'shido-dash-'));
    try {
      const raw = await fetch(`${server.baseUrl}/api/v1/dashboard/engagements.xlsx?state=report_submitted`, {
        headers: { cookie: `shido_session=${secretariat.cookie}` },
      });
      const file = path.join(dir, 'd.xlsx');
      await writeFile(file, Buffer.from(await raw.arrayBuffer()));
      const { stdout } = await promisify(execFile)('/usr/bin/python3', ['-c',
        'import json,sys,openpyxl; ws=openpyxl.load_workbook(sys.argv[1]).active; print(json.dumps([[c for c in r] for r in ws.iter_rows(min_row=5, values_only=True)], ensure_ascii=False))', file]);
      const rows = JSON.parse(stdout);
      const want = all.filter((e) => e.state === 'report_submitted');
      assert.equal(rows.length, want.length);
      assert.deepEqual(rows.map((r) => r[0]), want.map((e) => e.company_name));
      assert.ok(rows.every((r) => r[5] === '報告提出'));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  test('reassigning: the former expert loses access at once, the audit log has before and after', async () => {
    const maker = all.find((e) => e.company_name === MAKER);
    assert.equal((await expert1.get(`/api/v1/engagements/${maker.id}`)).status, 200);
    const expert2Id = all.find((e) => e.expert_name === '専門家 二郎').expert_id;
    // The expert may not reassign, even their own engagement.
    assertError(await expert1.patch(`/api/v1/engagements/${maker.id}`, { expert_id: expert2Id, version: maker.version }), 403, 'forbidden');
    const res = await secretariat.patch(`/api/v1/engagements/${maker.id}`, { expert_id: expert2Id, version: maker.version });
    assert.equal(res.status, 200, res.text);
    assert.equal(res.data.expert_id, expert2Id);

    const refused = await expert1.get(`/api/v1/engagements/${maker.id}`);
    assert.ok([403, 404].includes(refused.status), `former expert: ${refused.status}`);
    assert.equal((await expert1.get('/api/v1/engagements')).data.items.some((e) => e.id === maker.id), false);
    assert.equal((await expert2.get(`/api/v1/engagements/${maker.id}`)).status, 200);

    const audit = await secretariat.get(`/api/v1/audit?entity=engagement&entity_id=${maker.id}`);
    const entry = audit.data.items[0];
    assert.equal(entry.action, 'update');
    assert.equal(entry.actor_name, '事務局 花子');
    assert.equal(entry.before.expert_id, maker.expert_id);
    assert.equal(entry.after.expert_id, expert2Id);

    const row = (await secretariat.get(`/api/v1/dashboard/engagements?expert_id=${expert2Id}&limit=200`)).data.items;
    assert.ok(row.some((e) => e.id === maker.id && e.expert_name === '専門家 二郎'));
  });
});
