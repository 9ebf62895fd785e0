// Self-assessment (自社診断) access: who may manage a round (the secretariat, the assigned expert,
// the company's owner), who may record findings (the secretariat and the assigned expert), that
// a respondent's link token opens nothing but its own answer sheet, and the audit trail.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  HEADER_EN, answerAndSubmit, answerItems, answerPath, cast, csv, csvRow, download, importCsv, invite,
  lastAuditId, openRound, roundState, sheet, submit,
} from './diagnosis.mjs';
import { DEMO_NAMES, assertError, shidoRoutes, startServer, uniqueSuffix } from './server.mjs';
import { addAccount } from './accounts.mjs';

const ALL_DONE = sheet('DDDDD DDDDD DDDDD DDDDD DDDDD');
const MIXED = sheet('DPNUD PNUDP NUDPN UDPNU DPNUD');

describe('self-assessment: access', () => {
  let server, who, round, otherRound, owner, staff, paperSheet;

  // Every staff route of a round, with a well-formed request (only the caller is wrong).
  const staffCalls = (roundId, engagementId, respondentId, link) => [
    ['GET', `/api/v1/engagements/${engagementId}/diagnosis/rounds`],
    ['POST', `/api/v1/engagements/${engagementId}/diagnosis/rounds`, { name: '権限のない回' }],
    ['GET', `/api/v1/engagements/${engagementId}/diagnosis/compare?from=${roundId}&to=${roundId}`],
    ['GET', `/api/v1/diagnosis/rounds/${roundId}`],
    ['PATCH', `/api/v1/diagnosis/rounds/${roundId}`, { status: 'closed' }],
    ['GET', `/api/v1/diagnosis/rounds/${roundId}/respondents`],
    ['POST', `/api/v1/diagnosis/rounds/${roundId}/respondents`, { role: 'staff', count: 2 }],
    ['POST', `/api/v1/diagnosis/respondents/${respondentId}/revoke`],
    ['POST', `/api/v1/diagnosis/respondents/${respondentId}/reissue`],
    ['POST', `/api/v1/diagnosis/rounds/${roundId}/paper`, { role: 'staff', answers: ALL_DONE }],
    ['CSV', `/api/v1/diagnosis/rounds/${roundId}/import`],
    ['GET', `/api/v1/diagnosis/rounds/${roundId}/analysis`],
    ['GET', `/api/v1/diagnosis/rounds/${roundId}/findings`],
    ['PUT', `/api/v1/diagnosis/rounds/${roundId}/findings/3`, { finding: '権限のない記録', urgency: 'high' }],
    ['GET', `/api/v1/diagnosis/rounds/${roundId}/summary.xlsx`],
    ['GET', `/api/v1/diagnosis/rounds/${roundId}/report.pdf`],
    ['POST', `/api/v1/diagnosis/rounds/${roundId}/invitation-sheet.pdf`, { links: [{ respondent_id: respondentId, token: link }] }],
  ];
  const call = (client, [method, path, json]) => (method === 'CSV'
    ? client.request('POST', path, { body: csv([HEADER_EN, csvRow('staff', '', '', ALL_DONE)]), headers: { 'Content-Type': 'text/csv' } })
    : client.request(method, path, json === undefined ? {} : { json }));

  before(async () => {
    server = await startServer();
    who = await cast(server);
    round = await openRound(who.expert1, who.maker.id, '権限テスト');
    [owner] = await invite(who.expert1, round.id, { role: 'owner', name: '製作 太郎' });
    [staff] = await invite(who.expert1, round.id, { role: 'staff' });
    await answerAndSubmit(server, owner.token, ALL_DONE);
    await answerItems(server, staff.token, MIXED, [1, 2, 3]);
    const paper = await who.expert1.post(`/api/v1/diagnosis/rounds/${round.id}/paper`, { role: 'manager', name: '紙 記入', answers: MIXED });
    assert.equal(paper.status, 201, paper.text);
    paperSheet = paper.data;
    const f = await who.expert1.request('PUT', `/api/v1/diagnosis/rounds/${round.id}/findings/6`, { json: { finding: '更新管理', urgency: 'high' } });
    assert.equal(f.status, 200, f.text);
    otherRound = await openRound(who.expert2, who.carrier.id, '運輸の回');
  });
  after(() => server?.stop());

  test('the list of staff calls below covers every staff route of the self-assessment', async () => {
    const calls = staffCalls(1, 1, 1, 'x').map(([method, path]) => `${method === 'CSV' ? 'POST' : method} ${path.split('?')[0]}`);
    const routes = (await shidoRoutes()).filter((r) => r.path.includes('/diagnosis') && r.access !== 'public');
    assert.equal(calls.length, routes.length);
    for (const r of routes) {
      const pattern = new RegExp(`^${r.method} ${r.path.replace(/\./g, '\\.').replace(/\{[^}]+\}/g, '\\d+')}$`);
      assert.ok(calls.some((c) => pattern.test(c)), `${r.method} ${r.path} is not among the calls`);
    }
  });

  test("expert2 and owner2 get 403 on every route of expert1's round, and nothing changes", async () => {
    const state = async () => ({ round: await roundState(who.expert1, round.id), audit: await lastAuditId(who.secretariat),
      rounds: (await who.expert1.get(`/api/v1/engagements/${who.maker.id}/diagnosis/rounds`)).data });
    const beforeState = await state();
    for (const [name, client] of [['expert2', who.expert2], ['owner2', who.owner2]]) {
      for (const c of staffCalls(round.id, who.maker.id, staff.respondent.id, staff.token)) {
        const res = await call(client, c);
        const e = assertError(res, 403, 'forbidden');
        assert.equal(e.message, 'この指導案件でこの操作を行う権限がありません。', `${name} ${c[0]} ${c[1]}`);
      }
    }
    assert.deepEqual(await state(), beforeState, 'a refused call changed data');
    // The staff link still works: nobody revoked or reissued it.
    assert.equal((await server.client().get(answerPath(staff.token))).status, 200);
  });

  test("expert1 gets 403 on expert2's round; comparing with a round of another engagement is refused", async () => {
    assertError(await who.expert1.get(`/api/v1/diagnosis/rounds/${otherRound.id}`), 403, 'forbidden');
    assertError(await who.expert1.get(`/api/v1/diagnosis/rounds/${otherRound.id}/analysis`), 403, 'forbidden');
    // On their own engagement, a round of another engagement is no round of this one: not found,
    // for expert1 as for the secretariat (who may read both), and nothing of it is shown.
    for (const client of [who.expert1, who.secretariat]) {
      const e = assertError(await client.get(`/api/v1/engagements/${who.maker.id}/diagnosis/compare?from=${round.id}&to=${otherRound.id}`), 404, 'not_found');
      assert.equal(e.message, 'この指導案件の自社診断の回が見つかりません。');
    }
    assertError(await who.expert2.get(`/api/v1/engagements/${who.maker.id}/diagnosis/compare?from=${round.id}&to=${otherRound.id}`), 403, 'forbidden');
    assertError(await who.secretariat.get(`/api/v1/engagements/${who.maker.id}/diagnosis/compare?from=${round.id}`), 422, 'validation', { fields: ['to'] });
    assertError(await who.secretariat.get(`/api/v1/engagements/${who.maker.id}/diagnosis/compare?from=x&to=${round.id}`), 422, 'validation', { fields: ['from'] });
  });

  test("owner1 (the company's owner) opens a round, invites and sees the analysis, but records no findings", async () => {
    const own = await openRound(who.owner1, who.maker.id, '経営者が開始した回');
    assert.equal(own.engagement_id, who.maker.id);
    const [link] = await invite(who.owner1, own.id, { role: 'staff', count: 1 });
    await answerAndSubmit(server, link.token, MIXED);
    const analysis = await who.owner1.get(`/api/v1/diagnosis/rounds/${own.id}/analysis`);
    assert.equal(analysis.status, 200, analysis.text);
    assert.equal(analysis.data.respondents.length, 1);
    assert.equal((await who.owner1.get(`/api/v1/diagnosis/rounds/${round.id}/analysis`)).status, 200);
    assert.equal((await who.owner1.get(`/api/v1/diagnosis/rounds/${round.id}/findings`)).status, 200);
    const xlsx = await download(who.owner1, 'GET', `/api/v1/diagnosis/rounds/${round.id}/summary.xlsx`);
    assert.equal(xlsx.status, 200);
    // Findings are the expert's: 403 for the owner, nothing stored.
    const before = (await who.expert1.get(`/api/v1/diagnosis/rounds/${round.id}/findings`)).data;
    const e = assertError(await who.owner1.request('PUT', `/api/v1/diagnosis/rounds/${round.id}/findings/6`,
      { json: { finding: '経営者が書き換え' } }), 403, 'forbidden');
    assert.match(e.message, /権限/);
    assert.deepEqual((await who.expert1.get(`/api/v1/diagnosis/rounds/${round.id}/findings`)).data, before);
    // The owner of the other company sees none of it.
    assertError(await who.owner2.get(`/api/v1/diagnosis/rounds/${own.id}/analysis`), 403, 'forbidden');
  });

  test('a company user who is not the owner may not manage the self-assessment', async () => {
    const email = `manager-${uniqueSuffix()}@example.jp`;
    await addAccount(server, { email, name: '製作 課長', role: 'company', company_id: who.maker.company_id, company_role: 'manager' });
    const manager = await server.login(email, 'long-enough-password');
    assertError(await manager.get(`/api/v1/engagements/${who.maker.id}/diagnosis/rounds`), 403, 'forbidden');
    assertError(await manager.post(`/api/v1/engagements/${who.maker.id}/diagnosis/rounds`, { name: '課長の回' }), 403, 'forbidden');
    assertError(await manager.get(`/api/v1/diagnosis/rounds/${round.id}/analysis`), 403, 'forbidden');
  });

  test('a respondent token gives access to nothing else', async () => {
    const token = owner.token;
    const asCookie = server.client();
    asCookie.cookie = token;
    asCookie.csrf = token;
    for (const [method, path, json] of [
      ['GET', '/api/v1/auth/me'],
      ['GET', '/api/v1/engagements'],
      ['GET', `/api/v1/diagnosis/rounds/${round.id}`],
      ['GET', `/api/v1/diagnosis/rounds/${round.id}/analysis`],
      ['POST', `/api/v1/diagnosis/rounds/${round.id}/respondents`, { role: 'staff' }],
    ]) assertError(await asCookie.request(method, path, json ? { json } : {}), 401, 'unauthenticated');
    // As a bearer token or a header: ignored, still no session.
    for (const headers of [{ Authorization: `Bearer ${token}` }, { 'X-CSRF-Token': token }, { 'X-Shido-Token': token }])
      assertError(await server.client().request('GET', `/api/v1/diagnosis/rounds/${round.id}`, { headers }), 401, 'unauthenticated');
    // In the place of a staff route's id: no such route.
    assertError(await who.expert1.get(`/api/v1/diagnosis/rounds/${token}`), 404, 'not_found');
    // A logged-in user of another company who holds a token is still only themselves on staff routes.
    assertError(await who.owner2.request('GET', `/api/v1/diagnosis/rounds/${round.id}`, { headers: { 'X-CSRF-Token': token } }), 403, 'forbidden');

    // Its own answer sheet shows nothing of other respondents: no ids, names or tokens.
    const q = await server.client().get(answerPath(staff.token));
    assert.equal(q.status, 200);
    assert.deepEqual(Object.keys(q.data.respondent).sort(), ['department', 'name', 'role', 'role_label', 'status']);
    for (const secret of [owner.token, '製作 太郎', '紙 記入', '更新管理']) assert.ok(!q.text.includes(secret), `leaks ${secret}`);
    // The answer routes never set a session cookie.
    assert.deepEqual(q.setCookies, []);
  });

  test('the secretariat sees and manages every round, but not the expert\'s drill-down notes', async () => {
    for (const [r, engagement] of [[round, who.maker], [otherRound, who.carrier]]) {
      assert.equal((await who.secretariat.get(`/api/v1/engagements/${engagement.id}/diagnosis/rounds`)).status, 200);
      for (const p of ['', '/analysis'])
        assert.equal((await who.secretariat.get(`/api/v1/diagnosis/rounds/${r.id}${p}`)).status, 200, p);
      // 課題整理 is a working record of the expert and the company.
      assertError(await who.secretariat.get(`/api/v1/diagnosis/rounds/${r.id}/findings`), 403, 'forbidden');
      const pdf = await download(who.secretariat, 'GET', `/api/v1/diagnosis/rounds/${r.id}/report.pdf`);
      assert.equal(pdf.status, 200);
    }
    const f = await who.secretariat.request('PUT', `/api/v1/diagnosis/rounds/${otherRound.id}/findings/1`, { json: { finding: '事務局の所見' } });
    assertError(f, 403, 'forbidden');
    const [link] = await invite(who.secretariat, otherRound.id, { role: 'staff' });
    assert.equal((await server.client().get(answerPath(link.token))).data.company_name, who.carrier.company_name);
  });

  test('the audit log records round creation, invitations, submission and the staff actions', async () => {
    const audit = async (query) => {
      const res = await who.secretariat.get(`/api/v1/audit?${query}`);
      assert.equal(res.status, 200, res.text);
      return res.data.items;
    };
    const [created] = await audit(`entity=diagnosis_round&entity_id=${round.id}`);
    assert.equal(created.action, 'create');
    assert.equal(created.engagement_id, who.maker.id);
    assert.equal(created.actor_id, who.expert1.user.id);
    assert.equal(created.actor_name, DEMO_NAMES.expert1);
    assert.equal(created.before, null);
    assert.equal(created.after.name, '権限テスト');
    assert.equal(created.after.id, round.id);

    const ownerEntries = await audit(`entity=respondent&entity_id=${owner.respondent.id}`);
    assert.deepEqual(ownerEntries.map((e) => e.action), ['submit', 'invite']);
    const [submitted, invited] = ownerEntries;
    assert.equal(invited.actor_name, DEMO_NAMES.expert1);
    assert.equal(invited.after.role, 'owner');
    assert.equal(invited.after.name, '製作 太郎');
    assert.ok(!JSON.stringify(invited).includes(owner.token), 'the audit log holds a link token');
    assert.equal(submitted.actor_id, null, 'a respondent is not a user');
    assert.equal(submitted.actor_name, '回答者（経営者 製作 太郎）');
    assert.equal(submitted.engagement_id, who.maker.id);
    // Snapshots hold the stored fields: the submission time, not the computed status; never
    // the link token or its hash.
    assert.equal(typeof submitted.after.submitted_at, 'number');
    assert.equal(invited.after.submitted_at, null);
    for (const e of [submitted, invited]) {
      for (const computed of ['status', 'answered_count', 'role_label']) assert.ok(!(computed in e.after), `${e.action}: ${computed} in the snapshot`);
      assert.deepEqual(Object.keys(e.after).filter((k) => /token|hash/.test(k)), [], `${e.action}: token in the snapshot`);
    }
    assert.deepEqual(submitted.after.answers, ALL_DONE);
    assert.match(submitted.request_id, /\S/);

    const paper = await audit(`entity=respondent&entity_id=${paperSheet.id}`);
    assert.deepEqual(paper.map((e) => e.action), ['enter_paper']);
    assert.deepEqual(paper[0].after.answers, MIXED);
    const findings = await audit(`entity=diagnosis_finding&entity_id=${round.id}`);
    assert.equal(findings.at(-1).action, 'create');
    assert.equal(findings.at(-1).after.item_no, 6);

    // An anonymous submission is recorded under its role only; revocations and reissues too.
    const [link] = await invite(who.expert1, round.id, { role: 'staff', count: 1 });
    const reissued = await who.expert1.post(`/api/v1/diagnosis/respondents/${link.respondent.id}/reissue`);
    assert.equal(reissued.status, 200);
    await answerItems(server, reissued.data.token, MIXED);
    const res = await submit(server, reissued.data.token);
    assert.equal(res.status, 200);
    const anon = await audit(`entity=respondent&entity_id=${link.respondent.id}`);
    assert.deepEqual(anon.map((e) => e.action), ['submit', 'reissue_link', 'invite']);
    assert.equal(anon[0].actor_name, '回答者（従業員）');
    const rev = await who.expert1.post(`/api/v1/diagnosis/respondents/${staff.respondent.id}/revoke`);
    assert.equal(rev.status, 200);
    const revEntries = await audit(`entity=respondent&entity_id=${staff.respondent.id}`);
    assert.equal(revEntries[0].action, 'revoke');
    assert.equal(revEntries[0].before.revoked_at, null);
    assert.equal(typeof revEntries[0].after.revoked_at, 'number');
    assert.ok(!('status' in revEntries[0].after), 'the computed status is not stored');

    // CSV imports and round changes are recorded on the round.
    assert.equal((await importCsv(who.expert1, round.id, csv([HEADER_EN, csvRow('staff', '', '', ALL_DONE)]))).status, 201);
    assert.equal((await who.expert1.patch(`/api/v1/diagnosis/rounds/${round.id}`, { status: 'closed' })).status, 200);
    const roundEntries = await audit(`entity=diagnosis_round&entity_id=${round.id}`);
    assert.deepEqual(roundEntries.map((e) => e.action), ['update', 'import_csv', 'create']);
    assert.equal(roundEntries[0].before.status, 'open');
    assert.equal(roundEntries[0].after.status, 'closed');
    assert.deepEqual(roundEntries[1].after, { imported: 1 });
    // Everything is findable by engagement.
    const byEngagement = await audit(`engagement_id=${who.maker.id}`);
    for (const e of [created, invited, submitted]) assert.ok(byEngagement.some((x) => x.id === e.id));
  });

  test("a submission's audit entry carries the request id of the submission (like every other entry)", async () => {
    const open = await openRound(who.expert1, who.maker.id, '要求IDの確認');  // the first round is closed by now
    const [link] = await invite(who.expert1, open.id, { role: 'staff' });
    await answerItems(server, link.token, MIXED);
    const res = await submit(server, link.token);
    assert.equal(res.status, 200, res.text);
    const [entry] = (await who.secretariat.get(`/api/v1/audit?entity=respondent&entity_id=${link.respondent.id}`)).data.items;
    assert.equal(entry.action, 'submit');
    assert.equal(entry.request_id, res.headers.get('x-request-id'));
  });
});
