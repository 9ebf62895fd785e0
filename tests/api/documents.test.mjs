// 成果物 over HTTP: the engagement page's list of documents follows each document as the people
// of a fresh engagement work on it (not started → draft → approved → submitted), in the sessions
// the course gives it, and the secretariat's dashboard shows which were handed in.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { conformingClient } from './openapi-schema.mjs';
import { DEMO, assertError, openapiDocument, startServer, uniqueSuffix } from './server.mjs';
import { addAccount } from './accounts.mjs';

let server, jimu, expert1, owner, manager, owner1, engagement;
const at = (p) => `/api/v1/engagements/${engagement.id}${p}`;
const states = async (client) => {
  const res = await client.get(at('/documents'));
  assert.equal(res.status, 200, res.text);
  return Object.fromEntries(res.data.items.map((i) => [i.kind, i.state]));
};
const dashboardRow = async () => {
  const rows = (await jimu.get('/api/v1/dashboard/engagements?limit=200')).data.items;
  return rows.find((r) => r.id === engagement.id);
};

before(async () => {
  server = await startServer();
  const doc = await openapiDocument();
  const login = async (email, password) => conformingClient(doc, await server.login(email, password));
  jimu = await login(DEMO.secretariat);
  expert1 = await login(DEMO.expert1);
  owner1 = await login(DEMO.owner1);
  const suffix = uniqueSuffix();
  const company = await jimu.post('/api/v1/companies', {
    name: `成果物テスト株式会社${suffix}`, industry: '小売業', representative_title: '代表取締役', representative_name: '成果 太郎' });
  assert.equal(company.status, 201, company.text);
  const expert = (await jimu.get('/api/v1/users?limit=200')).data.items.find((u) => u.email === DEMO.expert1);
  const created = await jimu.post('/api/v1/engagements', { company_id: company.data.id, expert_id: expert.id });
  assert.equal(created.status, 201, created.text);
  engagement = created.data;
  for (const [role, name] of [['owner', '成果 経営者'], ['manager', '成果 担当']]) {
    const email = `documents-${role}-${suffix}@example.jp`;
    await addAccount(server, { email, name, role: 'company', company_id: company.data.id, company_role: role, password: 'documents-password-2026' });
    if (role === 'owner') owner = await login(email, 'documents-password-2026');
    else manager = await login(email, 'documents-password-2026');
  }
});
after(() => server?.stop());

test('every document is listed under the sessions of the course, not started at first', async () => {
  const res = await expert1.get(at('/documents'));
  assert.equal(res.status, 200, res.text);
  assert.deepEqual(res.data.items.map((i) => [i.kind, i.kind_label, i.state_label]), [
    ['hearing_sheet', 'ヒアリングシート（様式1）', '未着手'],
    ['basic_policy', '情報セキュリティ基本方針', '未着手'],
    ['rules_check', '関連規程類の点検結果（様式2）', '未着手'],
    ['action_plan', '対策実行計画書（様式3）', '未着手'],
    ['final_report', '最終報告書', '未着手'],
    ['survey', 'アンケート', '未着手'],
  ]);
  const sessions = Object.fromEntries(res.data.items.map((i) => [i.kind, i.sessions]));
  assert.deepEqual(sessions.hearing_sheet, [{ no: 1, review: false }]);
  assert.deepEqual(sessions.basic_policy, [{ no: 2, review: false }, { no: 4, review: true }]);
  assert.deepEqual(sessions.rules_check, [{ no: 2, review: false }, { no: 3, review: true }, { no: 4, review: true }]);
  assert.deepEqual(sessions.action_plan, [{ no: 3, review: false }, { no: 4, review: true }]);
  assert.deepEqual(sessions.survey, [{ no: 4, review: false }]);
  assert.ok(res.data.items.every((i) => i.updated_at === null && i.submitted_at === null));
  assert.deepEqual((await dashboardRow()).submitted_documents, []);
});

test('states are for everyone on the engagement; nobody else', async () => {
  for (const client of [jimu, owner, manager]) assert.equal((await states(client)).hearing_sheet, 'not_started');
  assertError(await owner1.get(at('/documents')), 403, 'forbidden');
  assertError(await server.client().get(at('/documents')), 401, 'unauthenticated');
});

test('each document moves as its people work on it, and the dashboard shows what was handed in', async () => {
  const hearing = await expert1.patch(at('/hearing/items/1'), { result: '金属部品の受託加工。社員30名。', version: 0 });
  assert.equal(hearing.status, 200, hearing.text);
  const sheet = (await expert1.get(at('/rules-check'))).data;
  const row = await expert1.put(at('/rules-check/rows/1'), { result: 'new', version: sheet.version });
  assert.equal(row.status, 200, row.text);
  const draft = (await owner.get(at('/policy/draft?from=sample'))).data.document;
  const saved = await owner.post(at('/policy/versions'), {
    document: { ...draft, established_on: '2026-12-01' }, note: '初版', version: 0 });
  assert.equal(saved.status, 201, saved.text);
  const form = (await owner.get(at('/survey'))).data.survey;
  const survey = await owner.put(at('/survey'), { ratings: Object.fromEntries(form.items.map((i) => [i.key, '4'])), version: 0 });
  assert.equal(survey.status, 200, survey.text);
  assert.deepEqual(await states(manager), { hearing_sheet: 'draft', basic_policy: 'draft', rules_check: 'draft', action_plan: 'not_started', final_report: 'not_started', survey: 'draft' });

  const approved = await owner.post(at(`/policy/versions/${saved.data.latest_number}/approve`), { version: saved.data.version });
  assert.equal(approved.status, 200, approved.text);
  assert.equal((await states(jimu)).basic_policy, 'approved');
  assert.deepEqual((await dashboardRow()).submitted_documents, []);

  assert.equal((await expert1.post(at('/hearing/submit'), {})).status, 200);
  const rules = (await expert1.get(at('/rules-check'))).data;
  assert.equal((await expert1.post(at('/rules-check/submit'), { version: rules.version })).status, 200);
  assert.deepEqual((await dashboardRow()).submitted_documents, ['hearing_sheet', 'rules_check']);
  assert.equal((await expert1.post(at('/policy/submit'), { version: approved.data.version })).status, 200);
  // 様式3: built from the key finding and 様式2's new category, approved by the owner, handed in.
  const plan = await expert1.post(at('/action-plan/build'), { version: 0 });
  assert.equal(plan.status, 200, plan.text);
  assert.equal((await states(manager)).action_plan, 'draft');
  assert.equal((await owner.post(at('/action-plan/approve'), { version: plan.data.plan.version })).status, 200);
  assert.equal((await states(jimu)).action_plan, 'approved');
  assert.equal((await expert1.post(at('/action-plan/submit'), { version: plan.data.plan.version })).status, 200);
  assert.equal((await owner.post(at('/survey/submit'), { version: survey.data.version })).status, 200);
  const report = (await expert1.get(at('/final-report'))).data.draft;
  const written = await expert1.put(at('/final-report'), { version: 0, texts: { ...report.texts, evaluation: '所見' } });
  assert.equal(written.status, 200, written.text);
  assert.equal((await states(jimu)).final_report, 'draft');
  assert.equal((await expert1.post(at('/final-report/submit'), { version: written.data.report.version })).status, 200);

  const overview = (await jimu.get(at('/documents'))).data.items;
  assert.ok(overview.every((i) => i.state === 'submitted' && i.submitted_at), JSON.stringify(overview));
  assert.deepEqual((await dashboardRow()).submitted_documents, ['hearing_sheet', 'basic_policy', 'rules_check', 'action_plan', 'final_report', 'survey']);
});
