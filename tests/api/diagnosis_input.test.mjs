// Self-assessment (自社診断) bad input: links that are unknown, revoked or replaced, answers
// that do not fit, submissions too early or twice, a closed round, paper sheets and CSV files
// with mistakes. Each refusal answers the documented status and error code with a Japanese
// message and provably stores nothing.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import {
  HEADER_EN, HEADER_JA, ITEM_COUNT, answerItems, answerPath, assertResult, cast, csv, csvRow, importCsv, invite,
  answerAndSubmit, download, lastAuditId, openRound, putAnswer, respondentsOf, roundState, sheet, submit, toCp932, unzip,
} from './diagnosis.mjs';
import { assertError, startServer } from './server.mjs';

const ALL_DONE = sheet('DDDDD DDDDD DDDDD DDDDD DDDDD');
const MIXED = sheet('DPNUD PNUDP NUDPN UDPNU DPNUD');
const NO_UNKNOWN = sheet('DPNDP NDPND PNDPN DPNDP NDPND');

describe('self-assessment: bad input', () => {
  let server, who, round, instrument;

  // Runs `call`, checks its error, and checks that the round (as expert1 sees it) and the audit
  // log are exactly as before.
  async function refused(call, status, code, options) {
    const beforeState = await roundState(who.expert1, round.id);
    const beforeAudit = await lastAuditId(who.secretariat);
    const res = await call();
    const error = assertError(res, status, code, options);
    assert.deepEqual(await roundState(who.expert1, round.id), beforeState, `${status} ${code} changed the round`);
    assert.equal(await lastAuditId(who.secretariat), beforeAudit, `${status} ${code} wrote an audit entry`);
    return error;
  }
  const answersOf = async (token) => (await server.client().get(answerPath(token))).data.answers;

  before(async () => {
    server = await startServer();
    who = await cast(server);
    round = await openRound(who.expert1, who.maker.id, '入力チェック');
    instrument = (await who.expert1.get(`/api/v1/diagnosis/rounds/${round.id}`)).data.instrument;
  });
  after(() => server?.stop());

  describe('links', () => {
    test('an unknown token is a 404 on every answer route', async () => {
      const unknown = randomBytes(24).toString('base64url');
      for (const [method, path, json] of [
        ['GET', answerPath(unknown)],
        ['PUT', answerPath(unknown, '/items/1'), { choice: 'done' }],
        ['POST', answerPath(unknown, '/submit')],
      ]) {
        const e = await refused(() => server.client().request(method, path, json ? { json } : {}), 404, 'not_found');
        assert.equal(e.message, 'この回答用リンクは無効です。URLをもう一度確認するか、案内した担当者にお問い合わせください。');
      }
      // Too short, too long, or characters a token never has.
      await refused(() => server.client().get(answerPath('abc')), 404, 'not_found');
      await refused(() => server.client().get(answerPath('a'.repeat(200))), 404, 'not_found');
      await refused(() => server.client().get(answerPath('%27%20OR%201%3D1--aaaaaaaaaaaaaaa')), 404, 'not_found');
    });

    test('a revoked token is a 403 and its answers stay as they were', async () => {
      const [link] = await invite(who.expert1, round.id, { role: 'staff', name: '取消 対象' });
      await answerItems(server, link.token, ALL_DONE, [1, 2, 3]);
      const revoked = await who.expert1.post(`/api/v1/diagnosis/respondents/${link.respondent.id}/revoke`);
      assert.equal(revoked.status, 200, revoked.text);
      assert.equal(revoked.data.status, 'revoked');
      assert.equal(revoked.data.answered_count, 3);
      for (const [method, path, json] of [
        ['GET', answerPath(link.token)],
        ['PUT', answerPath(link.token, '/items/4'), { choice: 'done' }],
        ['POST', answerPath(link.token, '/submit')],
      ]) {
        const e = await refused(() => server.client().request(method, path, json ? { json } : {}), 403, 'forbidden');
        assert.equal(e.message, 'この回答用リンクは取り消されています。案内した担当者にお問い合わせください。');
      }
      const row = (await respondentsOf(who.expert1, round.id)).find((r) => r.id === link.respondent.id);
      assert.equal(row.status, 'revoked');
      assert.equal(row.answered_count, 3);
      // Revoking again changes nothing; a revoked link cannot be reissued.
      const audit = await lastAuditId(who.secretariat);
      const again = await who.expert1.post(`/api/v1/diagnosis/respondents/${link.respondent.id}/revoke`);
      assert.equal(again.status, 200);
      assert.equal(await lastAuditId(who.secretariat), audit, 'a second revoke wrote an audit entry');
      const e = await refused(() => who.expert1.post(`/api/v1/diagnosis/respondents/${link.respondent.id}/reissue`), 409, 'conflict');
      assert.match(e.message, /再発行できません/);
    });

    test('a reissued link: the old token is a 404, the new one resumes the same answers', async () => {
      const [link] = await invite(who.expert1, round.id, { role: 'manager', name: '再発行 対象' });
      await answerItems(server, link.token, MIXED, [1, 2, 3, 4, 5]);
      const res = await who.expert1.post(`/api/v1/diagnosis/respondents/${link.respondent.id}/reissue`);
      assert.equal(res.status, 200, res.text);
      const fresh = res.data;
      assert.notEqual(fresh.token, link.token);
      assert.match(fresh.token, /^[A-Za-z0-9_-]{22,}$/);
      assert.ok(fresh.url.endsWith(`/a/${fresh.token}`));
      assert.equal(fresh.respondent.id, link.respondent.id);

      const e = await refused(() => server.client().get(answerPath(link.token)), 404, 'not_found');
      assert.match(e.message, /無効/);
      await refused(() => putAnswer(server, link.token, 6, 'done'), 404, 'not_found');

      const resumed = await server.client().get(answerPath(fresh.token));
      assert.equal(resumed.status, 200);
      assert.deepEqual(resumed.data.answers, Object.fromEntries([1, 2, 3, 4, 5].map((n) => [String(n), MIXED[n]])));
      assert.equal(resumed.data.respondent.name, '再発行 対象');
      await answerItems(server, fresh.token, MIXED, Array.from({ length: ITEM_COUNT - 5 }, (_, i) => i + 6));
      const submitted = await submit(server, fresh.token);
      assert.equal(submitted.status, 200, submitted.text);
      assertResult(submitted.data.result, instrument, MIXED);
      // Submitted: no more reissuing.
      await refused(() => who.expert1.post(`/api/v1/diagnosis/respondents/${link.respondent.id}/reissue`), 409, 'conflict');
    });

    test("revoking a submitted sheet takes it out of the analysis and of the round's counts", async () => {
      const r = await openRound(who.expert1, who.maker.id, '提出後の取消');
      const [a, b] = await invite(who.expert1, r.id, { role: 'staff', count: 2 });
      await answerAndSubmit(server, a.token, ALL_DONE);
      await answerAndSubmit(server, b.token, MIXED);
      const revoked = await who.expert1.post(`/api/v1/diagnosis/respondents/${a.respondent.id}/revoke`);
      assert.equal(revoked.status, 200, revoked.text);
      assert.equal(revoked.data.status, 'revoked');
      const analysis = (await who.expert1.get(`/api/v1/diagnosis/rounds/${r.id}/analysis`)).data;
      assert.deepEqual(analysis.respondents.map((x) => x.respondent_id), [b.respondent.id]);
      assert.deepEqual(analysis.progress.staff, { invited: 1, submitted: 1 });
      // The round agrees with its analysis: one live respondent, one submitted sheet.
      assert.deepEqual([analysis.round.respondent_count, analysis.round.submitted_count], [1, 1]);
      const listed = (await who.expert1.get(`/api/v1/engagements/${who.maker.id}/diagnosis/rounds`)).data.items.find((x) => x.id === r.id);
      assert.deepEqual([listed.respondent_count, listed.submitted_count], [1, 1]);
    });

    test('revoke and reissue of an unknown respondent are 404s', async () => {
      await refused(() => who.expert1.post('/api/v1/diagnosis/respondents/999999999/revoke'), 404, 'not_found');
      await refused(() => who.expert1.post('/api/v1/diagnosis/respondents/999999999/reissue'), 404, 'not_found');
    });
  });

  describe('answers', () => {
    let link;
    before(async () => {
      [link] = await invite(who.expert1, round.id, { role: 'staff' });
      await answerItems(server, link.token, ALL_DONE, [1, 2]);
    });

    test('an unknown item is a 404', async () => {
      for (const no of [0, 26, 99999999999]) {
        const e = await refused(() => putAnswer(server, link.token, no, 'done'), 404, 'not_found');
        assert.match(e.message, /見つかりません/);
      }
      await refused(() => server.client().request('PUT', answerPath(link.token, '/items/abc'), { json: { choice: 'done' } }), 404, 'not_found');
      assert.deepEqual(Object.keys(await answersOf(link.token)), ['1', '2']);
    });

    test('a choice outside the choices is a 422 naming the field', async () => {
      for (const choice of ['yes', '実施している', '4', '', 'DONE']) {
        const e = await refused(() => putAnswer(server, link.token, 3, choice), 422, 'validation', { fields: ['choice'] });
        assert.equal(e.message, '回答の選択肢が正しくありません。');
      }
      for (const json of [{ choice: 4 }, { choice: null }, {}, { answer: 'done' }])
        await refused(() => server.client().request('PUT', answerPath(link.token, '/items/3'), { json }), 422, 'validation', { fields: ['choice'] });
      assert.deepEqual(await answersOf(link.token), { 1: 'done', 2: 'done' });
    });

    test('a body that is not a JSON object is a 400; a foreign Origin is a 403 csrf', async () => {
      const put = (options) => server.client().request('PUT', answerPath(link.token, '/items/3'), options);
      await refused(() => put({ body: 'choice=done', headers: { 'Content-Type': 'application/x-www-form-urlencoded' } }), 400, 'bad_request');
      await refused(() => put({ body: '{"choice":', headers: { 'Content-Type': 'application/json' } }), 400, 'bad_request');
      await refused(() => put({ body: '["done"]', headers: { 'Content-Type': 'application/json' } }), 400, 'bad_request');
      await refused(() => put({ json: { choice: 'done' }, headers: { Origin: 'https://evil.example' } }), 403, 'csrf');
      await refused(() => server.client().request('POST', answerPath(link.token, '/submit'),
        { headers: { Origin: 'https://evil.example' } }), 403, 'csrf');
      // The page's own origin is fine.
      const ok = await put({ json: { choice: 'partial' }, headers: { Origin: server.baseUrl } });
      assert.equal(ok.status, 200, ok.text);
    });

    test('submitting an incomplete sheet is a 422 listing exactly the missing items', async () => {
      const e = await refused(() => submit(server, link.token), 422, 'validation');
      const missing = Array.from({ length: ITEM_COUNT - 3 }, (_, i) => `items.${i + 4}`);
      assert.deepEqual(Object.keys(e.fields).sort(), missing.sort());
      for (const m of Object.values(e.fields)) assert.equal(m, '未回答です。');
      assert.equal(e.message, `未回答の項目が${ITEM_COUNT - 3}件あります。すべて回答してから提出してください。`);
      const q = (await server.client().get(answerPath(link.token))).data;
      assert.equal(q.respondent.status, 'answering');
      assert.equal(q.result, null);
    });

    test('a second submission is a 409, and answers cannot change after submitting', async () => {
      await answerItems(server, link.token, ALL_DONE, Array.from({ length: ITEM_COUNT - 3 }, (_, i) => i + 4));
      await putAnswer(server, link.token, 3, 'done');
      const first = await submit(server, link.token);
      assert.equal(first.status, 200, first.text);
      assert.equal(first.data.result.total, 100);
      assert.equal(first.data.result.band.key, 'reached');
      let e = await refused(() => submit(server, link.token), 409, 'conflict');
      assert.match(e.message, /すでに提出されています/);
      e = await refused(() => putAnswer(server, link.token, 1, 'not_done'), 409, 'conflict');
      assert.equal(e.message, 'この回答はすでに提出されています。提出後は変更できません。');
      assert.equal((await answersOf(link.token))[1], 'done');
    });

    test('two submissions at the same time: exactly one succeeds', async () => {
      const [racer] = await invite(who.expert1, round.id, { role: 'staff' });
      await answerItems(server, racer.token, MIXED);
      const results = await Promise.all(Array.from({ length: 6 }, () => submit(server, racer.token)));
      assert.deepEqual(results.map((r) => r.status).sort(), [200, 409, 409, 409, 409, 409], results.map((r) => r.text).join('\n'));
      const submissions = (await who.secretariat.get(`/api/v1/audit?entity=respondent&entity_id=${racer.respondent.id}`)).data.items
        .filter((a) => a.action === 'submit');
      assert.equal(submissions.length, 1, 'one submission, one audit entry');
    });
  });

  describe('a closed round', () => {
    let closedRound, link;
    before(async () => {
      closedRound = await openRound(who.expert1, who.maker.id, '締切テスト');
      [link] = await invite(who.expert1, closedRound.id, { role: 'owner', name: '締切 太郎' });
      await answerItems(server, link.token, ALL_DONE, [1, 2, 3]);
      const res = await who.expert1.patch(`/api/v1/diagnosis/rounds/${closedRound.id}`, { status: 'closed' });
      assert.equal(res.status, 200, res.text);
      assert.equal(res.data.status, 'closed');
    });

    test('answering and submitting are 409s; the questionnaire still opens, marked closed', async () => {
      const snapshot = await roundState(who.expert1, closedRound.id);
      let res = await putAnswer(server, link.token, 4, 'done');
      assertError(res, 409, 'conflict');
      assert.equal(res.data.error.message, 'この自社診断の受付は締め切られました。');
      res = await submit(server, link.token);
      assertError(res, 409, 'conflict');
      const q = await server.client().get(answerPath(link.token));
      assert.equal(q.status, 200);
      assert.equal(q.data.round_open, false);
      assert.deepEqual(Object.keys(q.data.answers), ['1', '2', '3']);
      assert.deepEqual(await roundState(who.expert1, closedRound.id), snapshot);
    });

    test('inviting, reissuing, paper entry and CSV import are 409s', async () => {
      const snapshot = await roundState(who.expert1, closedRound.id);
      const calls = [
        () => who.expert1.post(`/api/v1/diagnosis/rounds/${closedRound.id}/respondents`, { role: 'staff' }),
        () => who.expert1.post(`/api/v1/diagnosis/respondents/${link.respondent.id}/reissue`),
        () => who.expert1.post(`/api/v1/diagnosis/rounds/${closedRound.id}/paper`, { role: 'staff', answers: ALL_DONE }),
        () => importCsv(who.expert1, closedRound.id, csv([HEADER_EN, csvRow('staff', '', '', ALL_DONE)])),
      ];
      for (const call of calls) {
        const e = assertError(await call(), 409, 'conflict');
        assert.equal(e.message, 'この回の自社診断は締め切られています。');
      }
      assert.deepEqual(await roundState(who.expert1, closedRound.id), snapshot);
    });

    test('reopening lets the respondent finish', async () => {
      const res = await who.expert1.patch(`/api/v1/diagnosis/rounds/${closedRound.id}`, { status: 'open' });
      assert.equal(res.status, 200);
      await answerItems(server, link.token, ALL_DONE, Array.from({ length: ITEM_COUNT - 3 }, (_, i) => i + 4));
      assert.equal((await submit(server, link.token)).status, 200);
    });

    test('a PATCH with an unknown status or an empty name is a 422', async () => {
      const url = `/api/v1/diagnosis/rounds/${round.id}`;
      await refused(() => who.expert1.patch(url, { status: 'archived' }), 422, 'validation', { fields: ['status'] });
      await refused(() => who.expert1.patch(url, { name: '' }), 422, 'validation', { fields: ['name'] });
      await refused(() => who.expert1.patch(url, { name: 'あ'.repeat(51) }), 422, 'validation', { fields: ['name'] });
      await refused(() => who.expert1.patch(url, { name: 5 }), 422, 'validation', { fields: ['name'] });
      await refused(() => who.expert1.patch('/api/v1/diagnosis/rounds/999999999', { name: 'x' }), 404, 'not_found');
    });
  });

  describe('rounds and invitations', () => {
    test('a round needs a name of at most 50 characters', async () => {
      const url = `/api/v1/engagements/${who.maker.id}/diagnosis/rounds`;
      const list = async () => (await who.expert1.get(url)).data.items;
      const beforeList = await list();
      assertError(await who.expert1.post(url, {}), 422, 'validation', { fields: ['name'] });
      assertError(await who.expert1.post(url, { name: '' }), 422, 'validation', { fields: ['name'] });
      assertError(await who.expert1.post(url, { name: 'あ'.repeat(51) }), 422, 'validation', { fields: ['name'] });
      assertError(await who.expert1.post('/api/v1/engagements/999999999/diagnosis/rounds', { name: 'x' }), 404, 'not_found');
      assert.deepEqual(await list(), beforeList);
    });

    test('invitations: role, count 1–100, expiry date today or later', async () => {
      const url = `/api/v1/diagnosis/rounds/${round.id}/respondents`;
      await refused(() => who.expert1.post(url, {}), 422, 'validation', { fields: ['role'] });
      await refused(() => who.expert1.post(url, { role: 'ceo' }), 422, 'validation', { fields: ['role'] });
      await refused(() => who.expert1.post(url, { role: 'staff', count: 0 }), 422, 'validation', { fields: ['count'] });
      await refused(() => who.expert1.post(url, { role: 'staff', count: 101 }), 422, 'validation', { fields: ['count'] });
      await refused(() => who.expert1.post(url, { role: 'staff', count: 2.5 }), 422, 'validation', { fields: ['count'] });
      await refused(() => who.expert1.post(url, { role: 'staff', count: '3' }), 422, 'validation', { fields: ['count'] });
      await refused(() => who.expert1.post(url, { role: 'staff', expires_at: '2020-01-01' }), 422, 'validation', { fields: ['expires_at'] });
      await refused(() => who.expert1.post(url, { role: 'staff', expires_at: '2031-02-30' }), 422, 'validation', { fields: ['expires_at'] });
      await refused(() => who.expert1.post(url, { role: 'staff', name: 'あ'.repeat(101) }), 422, 'validation', { fields: ['name'] });
      await refused(() => who.expert1.post('/api/v1/diagnosis/rounds/999999999/respondents', { role: 'staff' }), 404, 'not_found');
      const ok = await invite(who.expert1, round.id, { role: 'staff', expires_at: '2099-12-31' });
      assert.equal(ok[0].respondent.expires_at, '2099-12-31');
    });

    test('a link that expires today (Japan time) still works today', async (t) => {
      const now = new Date();
      // YYYY-MM-DD in Japan time, from the parts (the en-CA pattern is not the same in every ICU).
      const japan = (d) => {
        const parts = Object.fromEntries(new Intl.DateTimeFormat('en-US', { timeZone: 'Asia/Tokyo', year: 'numeric', month: '2-digit', day: '2-digit' })
          .formatToParts(d).map((p) => [p.type, p.value]));
        return `${parts.year}-${parts.month}-${parts.day}`;
      };
      if (japan(now) !== japan(new Date(now.getTime() + 60_000))) return t.skip('too close to midnight in Japan');
      const today = japan(now);
      const [link] = await invite(who.expert1, round.id, { role: 'staff', expires_at: today });
      assert.equal(link.respondent.expires_at, today);
      assert.equal(link.respondent.status, 'invited');
      const q = await server.client().get(answerPath(link.token));
      assert.equal(q.status, 200, q.text);
      assert.equal((await putAnswer(server, link.token, 1, 'done')).status, 200);
      const yesterday = japan(new Date(now.getTime() - 86_400_000));
      // (The field name of the error is checked in the test above.)
      await refused(() => who.expert1.post(`/api/v1/diagnosis/rounds/${round.id}/respondents`, { role: 'staff', expires_at: yesterday }),
        422, 'validation');
    });
  });

  describe('text is stored as given, and neutralised in the workbook', () => {
    test('names, round names and findings that look like formulas', async () => {
      const r = await openRound(who.expert1, who.maker.id, '=HYPERLINK("http://evil.example","x")');
      assert.equal(r.name, '=HYPERLINK("http://evil.example","x")');
      const [link] = await invite(who.expert1, r.id, { role: 'owner', name: '=1+1', department: '<script>alert(1)</script>' });
      await answerAndSubmit(server, link.token, ALL_DONE);
      const paper = await who.expert1.post(`/api/v1/diagnosis/rounds/${r.id}/paper`, { role: 'staff', name: '＝SUM(A1)', department: '@cmd', answers: MIXED });
      assert.equal(paper.status, 201, paper.text);
      const f = await who.expert1.request('PUT', `/api/v1/diagnosis/rounds/${r.id}/findings/1`, { json: { finding: '+cmd|calc', notes: '-2+3' } });
      assert.equal(f.status, 200);
      assert.deepEqual((await respondentsOf(who.expert1, r.id)).map((x) => [x.name, x.department]),
        [['=1+1', '<script>alert(1)</script>'], ['＝SUM(A1)', '@cmd']]);
      const q = (await server.client().get(answerPath(link.token))).data;
      assert.equal(q.round_name, r.name);

      const xlsx = await download(who.expert1, 'GET', `/api/v1/diagnosis/rounds/${r.id}/summary.xlsx`);
      assert.equal(xlsx.status, 200);
      const files = unzip(xlsx.bytes);
      const strings = files['xl/sharedStrings.xml'].toString('utf8');
      for (const text of ['=HYPERLINK(&quot;http://evil.example&quot;,&quot;x&quot;)', '=1+1', '＝SUM(A1)', '@cmd', '+cmd|calc', '-2+3']) {
        const plain = text.replace(/&quot;/g, '"');
        assert.ok(strings.includes(`'${text}`) || strings.includes(`'${plain}`), `${plain} is not neutralised`);
        assert.ok(!strings.includes(`<t>${text}`) && !strings.includes(`<t>${plain}`), `${plain} is written raw`);
      }
      for (const [name, data] of Object.entries(files))
        if (name.startsWith('xl/worksheets/sheet')) assert.ok(!data.toString('utf8').includes('<f>'), `${name} holds a formula`);
      const pdf = await download(who.expert1, 'GET', `/api/v1/diagnosis/rounds/${r.id}/report.pdf`);
      assert.equal(pdf.status, 200);
      assert.match(pdf.headers.get('content-disposition'), /^attachment; filename="download"; filename\*=UTF-8''[A-Za-z0-9%._-]+$/);
    });
  });

  describe('findings', () => {
    const put = (no, json) => who.expert1.request('PUT', `/api/v1/diagnosis/rounds/${round.id}/findings/${no}`, { json });
    test('ratings outside 高・中・低 / 易・中・難, a key_area that is not a boolean, too long texts: 422s', async () => {
      await refused(() => put(3, { urgency: 'urgent' }), 422, 'validation', { fields: ['urgency'] });
      await refused(() => put(3, { importance: '最高' }), 422, 'validation', { fields: ['importance'] });
      await refused(() => put(3, { difficulty: '高' }), 422, 'validation', { fields: ['difficulty'] });
      await refused(() => put(3, { key_area: 'true' }), 422, 'validation', { fields: ['key_area'] });
      await refused(() => put(3, { notes: 'あ'.repeat(2001) }), 422, 'validation', { fields: ['notes'] });
      await refused(() => put(3, { finding: 'あ'.repeat(1001) }), 422, 'validation', { fields: ['finding'] });
      await refused(() => put(3, { finding: 42 }), 422, 'validation', { fields: ['finding'] });
    });
    test('an unknown item or round is a 404', async () => {
      await refused(() => put(26, { finding: 'x' }), 404, 'not_found');
      await refused(() => put(0, { finding: 'x' }), 404, 'not_found');
      await refused(() => who.expert1.request('PUT', '/api/v1/diagnosis/rounds/999999999/findings/1', { json: { finding: 'x' } }), 404, 'not_found');
    });
  });

  describe('paper entry', () => {
    const url = () => `/api/v1/diagnosis/rounds/${round.id}/paper`;

    test('missing answers: a 422 naming each missing item, nothing stored', async () => {
      const partial = { ...ALL_DONE };
      delete partial[7];
      delete partial[25];
      const e = await refused(() => who.expert1.post(url(), { role: 'staff', name: '紙 太郎', answers: partial }), 422, 'validation',
        { fields: ['answers.7', 'answers.25'] });
      assert.deepEqual(Object.keys(e.fields).sort(), ['answers.25', 'answers.7']);
      await refused(() => who.expert1.post(url(), { role: 'staff', answers: {} }), 422, 'validation', { fields: ['answers.1', 'answers.25'] });
      await refused(() => who.expert1.post(url(), { role: 'staff' }), 422, 'validation', { fields: ['answers'] });
      await refused(() => who.expert1.post(url(), { role: 'staff', answers: ['done'] }), 422, 'validation', { fields: ['answers'] });
    });

    test('invalid answers, unknown items and roles: a 422, nothing stored', async () => {
      await refused(() => who.expert1.post(url(), { role: 'staff', answers: { ...ALL_DONE, 3: 'yes' } }), 422, 'validation', { fields: ['answers.3'] });
      await refused(() => who.expert1.post(url(), { role: 'staff', answers: { ...ALL_DONE, 4: 4 } }), 422, 'validation', { fields: ['answers.4'] });
      await refused(() => who.expert1.post(url(), { role: 'staff', answers: { ...ALL_DONE, 26: 'done' } }), 422, 'validation', { fields: ['answers.26'] });
      await refused(() => who.expert1.post(url(), { role: 'staff', answers: { ...ALL_DONE, x: 'done' } }), 422, 'validation', { fields: ['answers.x'] });
      await refused(() => who.expert1.post(url(), { role: 'staff', answers: { ...ALL_DONE, 0: 'done' } }), 422, 'validation', { fields: ['answers.0'] });
      await refused(() => who.expert1.post(url(), { role: '社長', answers: ALL_DONE }), 422, 'validation', { fields: ['role'] });
      await refused(() => who.expert1.post(url(), { answers: ALL_DONE }), 422, 'validation', { fields: ['role'] });
    });

    test('a complete sheet is stored as submitted with its score', async () => {
      const res = await who.expert1.post(url(), { role: '経営者', name: '紙 花子', department: '総務', answers: MIXED });
      assert.equal(res.status, 201, res.text);
      assert.equal(res.data.source, 'paper');
      assert.equal(res.data.status, 'submitted');
      assert.equal(res.data.role, 'owner');
      assert.equal(res.data.answered_count, ITEM_COUNT);
      const analysis = (await who.expert1.get(`/api/v1/diagnosis/rounds/${round.id}/analysis`)).data;
      assertResult(analysis.respondents.find((r) => r.respondent_id === res.data.id).result, instrument, MIXED, 'paper');
      // Paper sheets have no link to reissue.
      await refused(() => who.expert1.post(`/api/v1/diagnosis/respondents/${res.data.id}/reissue`), 409, 'conflict');
    });
  });

  describe('CSV import', () => {
    let csvRound;
    const sheetsOf = async (id, source = 'csv') => {
      return (await respondentsOf(who.expert1, id)).filter((r) => r.source === source);
    };
    // Refused like refused(), but on the CSV round.
    async function refusedCsv(call, status, code) {
      const beforeState = await roundState(who.expert1, csvRound.id);
      const beforeAudit = await lastAuditId(who.secretariat);
      const res = await call();
      const error = assertError(res, status, code);
      assert.deepEqual(await roundState(who.expert1, csvRound.id), beforeState, `${status} ${code} changed the round`);
      assert.equal(await lastAuditId(who.secretariat), beforeAudit, `${status} ${code} wrote an audit entry`);
      return error;
    }
    before(async () => {
      csvRound = await openRound(who.expert1, who.maker.id, 'CSV取り込み');
    });

    test('UTF-8 with English headers and points imports every row', async () => {
      const body = csv([HEADER_EN, csvRow('owner', 'CSV 一郎', '経営', ALL_DONE), csvRow('staff', '', '製造部', MIXED)]);
      const res = await importCsv(who.expert1, csvRound.id, body);
      assert.equal(res.status, 201, res.text);
      assert.deepEqual(res.data, { imported: 2 });
      const rows = await sheetsOf(csvRound.id);
      assert.deepEqual(rows.map((r) => [r.role, r.name, r.department, r.status, r.answered_count]),
        [['owner', 'CSV 一郎', '経営', 'submitted', 25], ['staff', '', '製造部', 'submitted', 25]]);
      const analysis = (await who.expert1.get(`/api/v1/diagnosis/rounds/${csvRound.id}/analysis`)).data;
      assertResult(analysis.respondents.find((r) => r.respondent_id === rows[1].id).result, instrument, MIXED, 'csv');
    });

    test('UTF-8 with a BOM, Japanese headers and labels imports', async () => {
      const text = '\uFEFF' + csv([HEADER_JA, csvRow('管理者', 'BOM 次郎', '品質保証部', NO_UNKNOWN, 'labels')]);
      const bytes = Buffer.from(text, 'utf8');
      assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
      const res = await importCsv(who.expert1, csvRound.id, bytes);
      assert.equal(res.status, 201, res.text);
      assert.deepEqual(res.data, { imported: 1 });
      const row = (await sheetsOf(csvRound.id)).find((r) => r.name === 'BOM 次郎');
      assert.ok(row, 'the BOM ended up in a name or the row is missing');
      assert.equal(row.role, 'manager');
      assert.equal(row.department, '品質保証部');
    });

    test('Shift_JIS (CP932, as Excel saves it) imports, names decoded', async () => {
      // 髙 and ① exist only in CP932 (Windows), not in plain Shift_JIS.
      const text = csv([HEADER_JA, csvRow('従業員', '髙橋 ①', '営業部', NO_UNKNOWN, 'labels'), csvRow('経営者', '製作 太郎', '', MIXED)]);
      const bytes = await toCp932(text);
      assert.ok(!bytes.equals(Buffer.from(text, 'utf8')), 'iconv did not convert');
      const res = await importCsv(who.expert1, csvRound.id, bytes, 'text/csv');
      assert.equal(res.status, 201, res.text);
      assert.deepEqual(res.data, { imported: 2 });
      const rows = await sheetsOf(csvRound.id);
      const takahashi = rows.find((r) => r.name === '髙橋 ①');
      assert.ok(takahashi, `names: ${rows.map((r) => r.name).join(', ')}`);
      assert.equal(takahashi.department, '営業部');
      assert.equal(takahashi.role, 'staff');
      const analysis = (await who.expert1.get(`/api/v1/diagnosis/rounds/${csvRound.id}/analysis`)).data;
      assertResult(analysis.respondents.find((r) => r.respondent_id === takahashi.id).result, instrument, NO_UNKNOWN, 'sjis');
    });

    test('cells starting with kana survive: the label わからない, kana names; full-width spaces are trimmed', async () => {
      // わ, さ, サ start with the byte E3 like the full-width space U+3000 (E3 80 80).
      const body = csv([HEADER_JA, csvRow('従業員', 'さとう はなこ', 'サポート課', MIXED, 'labels'),
        csvRow('従業員', '\u3000山田 一郎\u3000', '\u3000総務', ALL_DONE)]);
      const res = await importCsv(who.expert1, csvRound.id, body);
      assert.equal(res.status, 201, res.text);
      const rows = await sheetsOf(csvRound.id);
      const sato = rows.find((r) => r.name === 'さとう はなこ');
      assert.ok(sato, `names: ${JSON.stringify(rows.map((r) => r.name))}`);
      assert.equal(sato.department, 'サポート課');
      const analysis = (await who.expert1.get(`/api/v1/diagnosis/rounds/${csvRound.id}/analysis`)).data;
      assertResult(analysis.respondents.find((r) => r.respondent_id === sato.id).result, instrument, MIXED, 'kana');
      assert.ok(rows.some((r) => r.name === '山田 一郎' && r.department === '総務'), `names: ${JSON.stringify(rows.map((r) => r.name))}`);
    });

    test('a header that names a column twice is a 422 (which of the two would count?)', async () => {
      const twiceItem = ['role', '1', ...HEADER_EN.slice(3)];
      let e = await refusedCsv(() => importCsv(who.expert1, csvRound.id, csv([twiceItem, ['staff', 'yes', ...Array(ITEM_COUNT).fill('4')]])), 422, 'validation');
      assert.ok(e.details.some((d) => d.row === 1 && d.column === '1'), JSON.stringify(e.details));
      const twiceRole = ['role', '役割', ...HEADER_EN.slice(3)];
      e = await refusedCsv(() => importCsv(who.expert1, csvRound.id, csv([twiceRole, ['staff', 'owner', ...Array(ITEM_COUNT).fill('4')]])), 422, 'validation');
      assert.ok(e.details.some((d) => d.row === 1), JSON.stringify(e.details));
    });

    test('a row with more cells than the header is a 422', async () => {
      const long = [...csvRow('staff', '', '', ALL_DONE), '4'];
      const e = await refusedCsv(() => importCsv(who.expert1, csvRound.id, csv([HEADER_EN, long])), 422, 'validation');
      assert.deepEqual(e.details.map((d) => d.row), [2]);
      assert.equal(e.details[0].message, '列が多すぎます。');
    });

    test('a CSV over the body limit is a 413', async () => {
      const row = csv([csvRow('staff', '', '', ALL_DONE)]);
      const body = csv([HEADER_EN]) + row.repeat(Math.ceil((1100 * 1024) / row.length));
      await refusedCsv(() => importCsv(who.expert1, csvRound.id, body), 413, 'payload_too_large');
    });

    test('a refused cell is quoted intact in its message', async () => {
      const bad = csvRow('staff', '', '', ALL_DONE);
      bad[3 + 11] = 'はい';
      const e = await refusedCsv(() => importCsv(who.expert1, csvRound.id, csv([HEADER_EN, bad])), 422, 'validation');
      assert.deepEqual(e.details.map((d) => [d.row, d.column]), [[2, '12']]);
      assert.match(e.details[0].message, /^回答「はい」は使えません。/);
    });

    test('quoted cells with commas and quotes; a line break inside a quoted name is that cell\'s error', async () => {
      const body = csv([HEADER_EN, csvRow('staff', '山田, "やまちゃん"', '第1製造部', ALL_DONE)]);
      const res = await importCsv(who.expert1, csvRound.id, body);
      assert.equal(res.status, 201, res.text);
      const row = (await sheetsOf(csvRound.id)).find((r) => r.name === '山田, "やまちゃん"');
      assert.ok(row);
      assert.equal(row.department, '第1製造部');
      // The quoted line break does not split the row (it is one cell), but a name or department
      // holds no control characters, on paper, by link or by CSV alike.
      const broken = csv([HEADER_EN, csvRow('staff', '山田', '第1\n製造部', ALL_DONE)]);
      const e = await refusedCsv(() => importCsv(who.expert1, csvRound.id, broken), 422, 'validation');
      assert.deepEqual(e.details.map((d) => [d.row, d.column]), [[2, 'department']]);
    });

    test('wrong headers: a 422 whose details name the row and the columns; nothing imported', async () => {
      const header = ['役職', 'name', 'department', ...HEADER_EN.slice(3, 27), '設問X'];  // no role, no 25, junk
      const body = csv([header, csvRow('staff', '', '', ALL_DONE).slice(0, 28)]);
      const e = await refusedCsv(() => importCsv(who.expert1, csvRound.id, body), 422, 'validation');
      assert.ok(Array.isArray(e.details), `no details: ${JSON.stringify(e)}`);
      const columns = e.details.map((d) => d.column);
      for (const c of ['役職', '設問X', 'role', '25']) assert.ok(columns.includes(c), `no detail for column ${c}: ${columns}`);
      for (const d of e.details) {
        assert.equal(d.row, 1, 'header problems are on line 1');
        assert.match(d.message, /[\u3040-\u30ff\u4e00-\u9fff]/);
      }
      assert.match(e.message, /取り込みませんでした/);
    });

    test('one bad row among good rows: nothing imported, the bad cells listed', async () => {
      const bad = csvRow('staff', '', '', ALL_DONE);
      bad[3 + 11] = 'yes';        // item 12
      bad[3 + 19] = '';           // item 20 unanswered
      const body = csv([HEADER_EN, csvRow('owner', '良い 行', '', ALL_DONE), bad, csvRow('manager', '良い 行2', '', MIXED),
        csvRow('部長', '役割が変', '', ALL_DONE)]);
      const e = await refusedCsv(() => importCsv(who.expert1, csvRound.id, body), 422, 'validation');
      assert.deepEqual(e.details.map((d) => [d.row, d.column]), [[3, '12'], [3, '20'], [5, 'role']]);
      assert.match(e.details[0].message, /^回答「yes」は使えません。/);
      assert.equal(e.details[1].message, '回答がありません。');
      assert.ok(!(await sheetsOf(csvRound.id)).some((r) => r.name.startsWith('良い 行')), 'good rows were imported');
    });

    test('the 422 message counts the errors listed in details', async () => {
      const bad = csvRow('staff', '', '', ALL_DONE);
      bad[3] = '5';
      const e = await refusedCsv(() => importCsv(who.expert1, csvRound.id, csv([HEADER_EN, bad])), 422, 'validation');
      assert.equal(e.details.length, 1);
      assert.equal(e.message, `CSV に誤りがあるため、取り込みませんでした（${e.details.length}件）。`);
    });

    test('a header without rows, an empty body and bytes in no known encoding are 422s', async () => {
      let e = await refusedCsv(() => importCsv(who.expert1, csvRound.id, csv([HEADER_EN])), 422, 'validation');
      assert.deepEqual(e.details.map((d) => d.row), [2]);
      await refusedCsv(() => importCsv(who.expert1, csvRound.id, ''), 422, 'validation');
      e = await refusedCsv(() => importCsv(who.expert1, csvRound.id, Buffer.from([0x82, 0xa0, 0xff, 0xfe, 0x80, 0x00, 0x0a])), 422, 'validation');
      assert.match(e.message, /文字コード|UTF-8|Shift_JIS/);
    });

    test('a Content-Type other than text/csv is a 400; no CSRF token is a 403', async () => {
      const body = csv([HEADER_EN, csvRow('staff', '', '', ALL_DONE)]);
      for (const type of ['application/json', 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
        const e = await refusedCsv(() => importCsv(who.expert1, csvRound.id, body, type), 400, 'bad_request');
        assert.match(e.message, /text\/csv/);
      }
      await refusedCsv(() => who.expert1.request('POST', `/api/v1/diagnosis/rounds/${csvRound.id}/import`,
        { body, headers: { 'Content-Type': 'text/csv' }, csrf: false }), 403, 'csrf');
      await refusedCsv(() => importCsv(who.expert1, 999999999, body), 404, 'not_found');
    });
  });
});
