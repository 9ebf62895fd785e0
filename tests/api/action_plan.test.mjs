// 【様式3】対策実行計画書 over HTTP on the demo engagement: built from the key finding and the
// 様式2 categories marked new or revised (twice adds nothing), the whole sheet saved with a
// stale version refused, bad rows (緊急度「特高」, an unknown 改善分野, a deadline before the
// programme started, an unknown id, an unknown field) refused naming the row and field with
// nothing stored, the preview's diff, the owner's approval (who/when), a later change being a
// new version, the expert's submission and what the secretariat reads. Every response is
// validated against openapi.json.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { conformingClient } from './openapi-schema.mjs';
import { DEMO, MAKER, assertError, openapiDocument, startServer } from './server.mjs';

let server, jimu, expert1, owner1, engagement;
const at = (p = '') => `/api/v1/engagements/${engagement.id}/action-plan${p}`;
// What the screen sends back for a row it got.
const asInput = (m) => ({
  id: m.id, area_key: m.area_key, situation: m.situation, action: m.action, business_linked: m.business_linked,
  urgency: m.urgency, importance: m.importance, difficulty: m.difficulty, feasibility: m.feasibility,
  deadline: m.deadline, concerns: m.concerns, owner: m.owner, progress: m.progress,
});
const byPosition = (plan) => [...plan.measures].sort((a, b) => a.position - b.position);

before(async () => {
  server = await startServer();
  const doc = await openapiDocument();
  const login = async (email) => conformingClient(doc, await server.login(email));
  jimu = await login(DEMO.secretariat);
  expert1 = await login(DEMO.expert1);
  owner1 = await login(DEMO.owner1);
  const list = await expert1.get('/api/v1/engagements?limit=200');
  engagement = list.data.items.find((e) => e.company_name === MAKER);
  assert.ok(engagement, 'the demo engagement of the maker');
});
after(() => server?.stop());

test('the expert builds the plan from the key finding and 様式2; building twice adds nothing', async () => {
  // Session 2: 様式2 category 1 (組織的対策) new, 7 (ＩＴ基盤運用管理) revised.
  let version = (await expert1.get(`/api/v1/engagements/${engagement.id}/rules-check`)).data.version;
  for (const [no, result, content] of [[1, 'new', '情報セキュリティ委員会を置く'], [7, 'revised', 'バックアップ手順を改定']]) {
    const res = await expert1.put(`/api/v1/engagements/${engagement.id}/rules-check/rows/${no}`,
      { result, content, assignee: '総務 花子', due_date: '2027-03-31', version });
    assert.equal(res.status, 200, res.text);
    version = res.data.version;
  }
  const empty = await owner1.get(at());
  assert.equal(empty.status, 200, empty.text);
  assert.equal(empty.data.state, 'not_started');
  assert.equal(empty.data.form.title, '【様式3】業界ガイドライン適合のための対策実行計画書');
  assert.equal(empty.data.form.instructions.length, 5);
  assert.deepEqual(empty.data.form.areas.map((a) => a.label), ['組織的対策', '人的対策', '技術的対策', '物理的対策']);
  assert.equal(empty.data.coverage.length, 3);
  assert.ok(empty.data.coverage.every((c) => !c.covered));

  const built = await expert1.post(at('/build'), { version: 0 });
  assert.equal(built.status, 200, built.text);
  assert.equal(built.data.added, 3);
  const plan = built.data.plan;
  assert.equal(plan.version, 1);
  assert.equal(plan.state, 'draft');
  assert.ok(plan.coverage.every((c) => c.covered));
  const finding = plan.measures.find((m) => m.sources.some((s) => s.kind === 'finding'));
  assert.equal(finding.priority, 1, 'rated 高/高 it comes first');
  assert.equal(finding.area_label, '技術的対策');
  assert.equal(finding.thread.items[0].no, 4);
  assert.equal(finding.thread.items[0].finding, '重要情報のアクセス権が部署ごとに設定されていない');
  assert.ok(finding.thread.rules.some((r) => r.no === 7 && !r.direct), 'the revised rule of its area');
  const rule = plan.measures.find((m) => m.sources.some((s) => s.key === 'ipa-3.1/1'));
  assert.equal(rule.area_key, 'organisational');
  assert.equal(rule.action, '情報セキュリティ委員会を置く');
  assert.equal(rule.owner, '総務 花子');
  assert.equal(rule.deadline, '2027-03-31');
  assert.deepEqual(plan.summary.by_area.map((a) => a.count), [1, 0, 2, 0]);

  const again = await expert1.post(at('/build'), { version: 1 });
  assert.equal(again.status, 200, again.text);
  assert.equal(again.data.added, 0);
  assert.equal(again.data.plan.version, 1);
  assertError(await expert1.post(at('/build'), { version: 0 }), 409, 'conflict');
});

test('bad rows are refused naming the row and field; nothing is stored', async () => {
  const before = (await expert1.get(at())).data;
  const rows = byPosition(before).map(asInput);
  const withRow = (i, change) => rows.map((r, j) => (j === i ? { ...r, ...change } : r));
  const put = (measures, version = before.version) => expert1.put(at(), { version, measures });

  let error = assertError(await put(withRow(1, { urgency: '特高' })), 422, 'validation', { fields: ['measures[1].urgency'] });
  assert.match(error.fields['measures[1].urgency'], /2行目の緊急度は「高」「中」「低」から選んでください/);
  error = assertError(await put(withRow(0, { area_key: 'financial' })), 422, 'validation', { fields: ['measures[0].area_key'] });
  assert.match(error.fields['measures[0].area_key'], /1行目の改善分野/);
  error = assertError(await put(withRow(2, { deadline: '2026-01-15' })), 422, 'validation', { fields: ['measures[2].deadline'] });
  assert.match(error.fields['measures[2].deadline'], /3行目の実施期限（2026-01-15）が指導の開始日（2026-12-03）より前です/);
  assertError(await put(withRow(0, { id: 987654 })), 422, 'validation', { fields: ['measures[0].id'] });
  assertError(await put(withRow(0, { colour: 'red' })), 422, 'validation', { fields: ['measures[0].colour'] });
  assertError(await put(withRow(0, { business_linked: 'yes' })), 422, 'validation', { fields: ['measures[0].business_linked'] });
  assertError(await put(withRow(0, { difficulty: '易' })), 422, 'validation', { fields: ['measures[0].difficulty'] });
  assertError(await expert1.put(at(), { measures: rows }), 422, 'validation', { fields: ['version'] });
  assertError(await put(rows, before.version - 1), 409, 'conflict');
  assertError(await jimu.put(at(), { version: before.version, measures: rows }), 403, 'forbidden');
  assertError(await jimu.get(at()), 403, 'forbidden');

  const after = (await expert1.get(at())).data;
  assert.equal(after.version, before.version);
  assert.deepEqual(byPosition(after).map(asInput), rows);
});

test('rows are edited and reordered; the preview shows the diff without writing; the far deadline is flagged', async () => {
  const before = (await owner1.get(at())).data;
  const rows = byPosition(before).map(asInput);
  const [first, ...rest] = rows;
  const edited = [...rest, { ...first, urgency: 'low', feasibility: 'feasible', deadline: '2028-06-30', owner: '製造部 主任', business_linked: true }];
  edited.push({ area_key: 'physical', situation: '来客が事務所内を自由に歩ける', action: '受付で入館記録を付ける', urgency: 'medium', importance: 'medium', difficulty: 'easy', feasibility: 'feasible', deadline: '2027-02-28', progress: 'in_progress' });

  const preview = await owner1.post(at('/preview'), { version: before.version, measures: edited });
  assert.equal(preview.status, 200, preview.text);
  assert.equal(preview.data.added.length, 1);
  assert.equal(preview.data.removed.length, 0);
  const firstChange = preview.data.changed.find((c) => c.id === first.id);
  const urgency = firstChange.fields.find((f) => f.field === 'urgency');
  assert.deepEqual([urgency.before, urgency.after], [first.urgency ?? '', 'low']);
  assert.equal((await owner1.get(at())).data.version, before.version, 'the preview wrote nothing');

  const saved = await owner1.put(at(), { version: before.version, measures: edited });
  assert.equal(saved.status, 200, saved.text);
  assert.equal(saved.data.version, before.version + 1);
  const moved = saved.data.measures.find((m) => m.id === first.id);
  assert.equal(moved.position, 3);
  assert.equal(moved.urgency, 'low');
  assert.equal(moved.owner, '製造部 主任');
  assert.ok(moved.beyond_horizon, '2028-06-30 is more than a year after the last session');
  assert.deepEqual(moved.sources, before.measures.find((m) => m.id === first.id).sources, 'sources kept');
  const added = saved.data.measures.find((m) => m.area_key === 'physical');
  assert.ok(added.id > 0);
  assert.equal(added.progress, 'in_progress');
  assert.ok(!added.beyond_horizon);
  assert.equal(saved.data.summary.beyond_horizon, 1);
});

test('the owner approves; a later change is a new version; the expert submits the approved one', async () => {
  const plan = (await expert1.get(at())).data;
  assertError(await expert1.post(at('/approve'), { version: plan.version }), 403, 'forbidden');
  assertError(await expert1.post(at('/submit'), { version: plan.version }), 409, 'conflict');
  assertError(await owner1.post(at('/approve'), { version: plan.version - 1 }), 409, 'conflict');
  const approved = await owner1.post(at('/approve'), { version: plan.version });
  assert.equal(approved.status, 200, approved.text);
  assert.equal(approved.data.state, 'approved');
  assert.equal(approved.data.approved_version, plan.version);
  assert.equal(approved.data.approved_by_name, '製作 太郎');
  assert.ok(approved.data.approved_at > 0);
  assertError(await owner1.post(at('/approve'), { version: plan.version }), 409, 'conflict');

  const rows = byPosition(approved.data).map(asInput);
  rows[0].concerns = '予算は来期に確保する';
  const changed = await expert1.put(at(), { version: plan.version, measures: rows });
  assert.equal(changed.status, 200, changed.text);
  assert.equal(changed.data.state, 'draft');
  assert.equal(changed.data.approved_version, plan.version, 'the approved version is still known');
  assertError(await expert1.post(at('/submit'), { version: changed.data.version }), 409, 'conflict');

  const reapproved = await owner1.post(at('/approve'), { version: changed.data.version });
  assert.equal(reapproved.status, 200, reapproved.text);
  assertError(await jimu.get(at('/submitted')), 409, 'conflict');
  assertError(await owner1.post(at('/submit'), { version: changed.data.version }), 403, 'forbidden');
  const submitted = await expert1.post(at('/submit'), { version: changed.data.version });
  assert.equal(submitted.status, 200, submitted.text);
  assert.equal(submitted.data.state, 'submitted');
  const read = await jimu.get(at('/submitted'));
  assert.equal(read.status, 200, read.text);
  assert.equal(read.data.state, 'submitted');
  assert.equal(read.data.measures.length, rows.length);

  // The engagement page's 成果物 and the dashboard read the plan's state from its status reader.
  const docs = await jimu.get(`/api/v1/engagements/${engagement.id}/documents`);
  assert.equal(docs.status, 200, docs.text);
  assert.equal(docs.data.items.find((i) => i.kind === 'action_plan').state, 'submitted');
  const audit = await jimu.get(`/api/v1/audit?entity=action_plan&engagement_id=${engagement.id}&limit=200`);
  assert.equal(audit.status, 200, audit.text);
  const actions = audit.data.items.map((e) => e.action);
  for (const a of ['build_action_plan', 'update', 'approve_action_plan', 'submit_action_plan']) assert.ok(actions.includes(a), `${a} audited`);
});
