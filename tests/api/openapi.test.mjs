// The OpenAPI document matches what the server really answers: for a sample of requests on
// every route, the status is documented for that operation and the JSON body fits the
// documented schema (no missing required field, no undocumented field, right types).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { HEADER_EN, csv, csvRow, sheet } from './diagnosis.mjs';
import { schemaValidator } from './openapi-schema.mjs';
import { addUser, signIn, stepAt, totpAt } from './second_factor.mjs';
import { CARRIER, DEMO, MAKER, openapiDocument, shidoRoutes, startServer, uniqueSuffix } from './server.mjs';

function lookup(doc, ref) {
  let v = doc;
  for (const part of ref.replace(/^#\//, '').split('/')) v = v?.[part.replace(/~1/g, '/').replace(/~0/g, '~')];
  return v;
}

describe('the OpenAPI document matches real responses', () => {
  let server, doc, validate, routes, secretariat, expert1;
  const seen = new Set();  // "METHOD /path STATUS" checked

  // Sends the request, then checks the answer against the operation of `routePath`.
  async function conforms(client, method, routePath, url, options) {
    const res = await client.request(method, url, options);
    const op = doc.paths[routePath]?.[method.toLowerCase()];
    assert.ok(op, `${method} ${routePath} not documented`);
    let response = op.responses[String(res.status)];
    assert.ok(response, `${method} ${routePath} answered ${res.status}, which is not documented: ${res.text}`);
    while (response.$ref) response = lookup(doc, response.$ref);
    const schema = response.content?.['application/json']?.schema;
    if (res.status === 204) assert.equal(res.text, '', '204 with a body');
    else if (schema) {
      assert.match(res.headers.get('content-type') ?? '', /application\/json/);
      const errors = validate(schema, res.data);
      assert.deepEqual(errors, [], `${method} ${url} → ${res.status} does not fit the schema:\n${errors.join('\n')}\n${res.text.slice(0, 500)}`);
    }
    seen.add(`${method} ${routePath}`);
    return res;
  }

  before(async () => {
    [server, routes] = await Promise.all([startServer(), shidoRoutes()]);
    doc = await openapiDocument();
    validate = schemaValidator(doc);
    [secretariat, expert1] = await Promise.all([server.login(DEMO.secretariat), server.login(DEMO.expert1)]);
  });
  after(() => server?.stop());

  test('auth operations', async () => {
    const c = server.client();
    await conforms(c, 'POST', '/api/v1/auth/login', '/api/v1/auth/login', { json: { email: DEMO.owner1, password: 'not-the-password' } });
    await conforms(c, 'POST', '/api/v1/auth/login', '/api/v1/auth/login', { json: {} });
    const ok = await conforms(c, 'POST', '/api/v1/auth/login', '/api/v1/auth/login', { json: { email: DEMO.owner1, password: 'demo-password-2026' } });
    c.csrf = ok.data.csrf_token;
    await conforms(c, 'GET', '/api/v1/auth/me', '/api/v1/auth/me');
    await conforms(c, 'POST', '/api/v1/auth/password', '/api/v1/auth/password', { json: { current_password: 'x', new_password: 'y' } });
    await conforms(c, 'POST', '/api/v1/auth/logout', '/api/v1/auth/logout', { csrf: false });
    await conforms(c, 'POST', '/api/v1/auth/logout', '/api/v1/auth/logout');
    await conforms(c, 'GET', '/api/v1/auth/me', '/api/v1/auth/me');
  });

  test('two-factor sign-in, the enrolment gate and the own sessions', async () => {
    const anonymous = server.client();
    await conforms(anonymous, 'GET', '/api/v1/auth/sign-in-options', '/api/v1/auth/sign-in-options');
    const expert = await addUser(server, { role: 'expert' });
    const c = await signIn(server, expert);
    await conforms(c, 'GET', '/api/v1/engagements', '/api/v1/engagements');  // 403 until enrolled
    await conforms(c, 'GET', '/api/v1/auth/me', '/api/v1/auth/me');
    const TF = '/api/v1/me/two-factor';
    await conforms(c, 'GET', TF, TF);
    await conforms(c, 'POST', `${TF}/confirm`, `${TF}/confirm`, { json: { code: '000000' } });  // 409: not started
    const started = await conforms(c, 'POST', `${TF}/enrolment`, `${TF}/enrolment`);
    await conforms(c, 'POST', `${TF}/confirm`, `${TF}/confirm`, { json: {} });
    await conforms(c, 'POST', `${TF}/confirm`, `${TF}/confirm`, { json: { code: 'abc' } });
    const step = stepAt();
    const confirmed = await conforms(c, 'POST', `${TF}/confirm`, `${TF}/confirm`, { json: { code: totpAt(started.data.secret, step) } });
    assert.equal(confirmed.status, 200, confirmed.text);
    await conforms(c, 'POST', `${TF}/enrolment`, `${TF}/enrolment`);  // 409
    await conforms(c, 'GET', TF, TF);
    await conforms(c, 'POST', `${TF}/recovery-codes`, `${TF}/recovery-codes`, { json: { code: '000000' } });
    const renewed = await conforms(c, 'POST', `${TF}/recovery-codes`, `${TF}/recovery-codes`, { json: { code: totpAt(started.data.secret, step + 1) } });
    assert.equal(renewed.status, 200, renewed.text);
    await conforms(c, 'POST', `${TF}/disable`, `${TF}/disable`, { json: { password: expert.password } });  // 403: experts keep it

    const L = '/api/v1/auth/login';
    const first = await conforms(anonymous, 'POST', L, L, { json: { email: expert.email, password: expert.password } });
    assert.equal(first.data.second_factor_required, true, first.text);
    await conforms(anonymous, 'POST', `${L}/second-factor`, `${L}/second-factor`, { json: { challenge: first.data.challenge, code: '000000' } });
    await conforms(anonymous, 'POST', `${L}/second-factor`, `${L}/second-factor`, { json: { challenge: first.data.challenge } });
    await conforms(anonymous, 'POST', `${L}/second-factor`, `${L}/second-factor`, { json: {} });
    const second = await conforms(anonymous, 'POST', `${L}/second-factor`, `${L}/second-factor`,
      { json: { challenge: first.data.challenge, recovery_code: renewed.data.recovery_codes[0] } });
    assert.equal(second.status, 200, second.text);

    const S = '/api/v1/me/sessions';
    const list = await conforms(c, 'GET', S, S);
    assert.equal(list.data.items.length, 2, list.text);
    await conforms(c, 'DELETE', `${S}/{session_id}`, `${S}/${'0'.repeat(32)}`);
    await conforms(c, 'DELETE', `${S}/{session_id}`, `${S}/${list.data.items.find((x) => !x.current).id}`);
    await conforms(c, 'POST', `${S}/sign-out-others`, `${S}/sign-out-others`);

    const R = '/api/v1/users/{id}/two-factor';
    await conforms(c, 'DELETE', R, `/api/v1/users/${expert.id}/two-factor`);  // 403: not the secretariat
    await conforms(secretariat, 'DELETE', R, `/api/v1/users/${expert.id}/two-factor`);
    await conforms(secretariat, 'DELETE', R, `/api/v1/users/${expert.id}/two-factor`);  // 409: nothing left
    await conforms(secretariat, 'DELETE', R, '/api/v1/users/999999/two-factor');

    // A company member turns it off with the password.
    const maker = (await secretariat.get('/api/v1/companies')).data.items.find((x) => x.name === MAKER);
    const member = await addUser(server, { role: 'company', companyId: maker.id, companyRole: 'manager' });
    const m = await signIn(server, member);
    const memberStarted = await m.post(`${TF}/enrolment`);
    assert.equal((await m.post(`${TF}/confirm`, { code: totpAt(memberStarted.data.secret, stepAt()) })).status, 200);
    await conforms(m, 'POST', `${TF}/disable`, `${TF}/disable`, { json: { password: 'wrong-password-1' } });
    const off = await conforms(m, 'POST', `${TF}/disable`, `${TF}/disable`, { json: { password: member.password } });
    assert.equal(off.status, 204, off.text);
  });

  test('users', async () => {
    await conforms(secretariat, 'GET', '/api/v1/users', '/api/v1/users');
    await conforms(secretariat, 'GET', '/api/v1/users', '/api/v1/users?role=admin');
    const page = await conforms(secretariat, 'GET', '/api/v1/users', '/api/v1/users?limit=2&q=demo');
    await conforms(secretariat, 'GET', '/api/v1/users', `/api/v1/users?limit=2&q=demo&after=${encodeURIComponent(page.data.next_after)}`);
    await conforms(secretariat, 'GET', '/api/v1/users', '/api/v1/users?limit=0');
    await conforms(expert1, 'GET', '/api/v1/users', '/api/v1/users');
    const companyId = (await secretariat.get('/api/v1/companies')).data.items.find((c) => c.name === MAKER).id;
    const email = `oa-${uniqueSuffix()}@example.jp`;
    await conforms(secretariat, 'POST', '/api/v1/users', '/api/v1/users',
      { json: { email, name: '仕様 確認', role: 'company', company_id: companyId, company_role: 'manager', password: 'long-enough-password' } });
    await conforms(secretariat, 'POST', '/api/v1/users', '/api/v1/users',
      { json: { email, name: '仕様 確認', role: 'expert', password: 'long-enough-password' } });
    await conforms(secretariat, 'POST', '/api/v1/users', '/api/v1/users', { json: {} });
  });

  test('companies', async () => {
    await conforms(secretariat, 'GET', '/api/v1/companies', '/api/v1/companies');
    await conforms(secretariat, 'GET', '/api/v1/companies', '/api/v1/companies?limit=1&q=%E6%A0%AA%E5%BC%8F');
    await conforms(secretariat, 'GET', '/api/v1/companies', '/api/v1/companies?after=%21');
    const created = await conforms(secretariat, 'POST', '/api/v1/companies', '/api/v1/companies',
      { json: { name: `仕様確認株式会社${uniqueSuffix()}`, employee_count: 3, website: 'https://example.jp/' } });
    const url = `/api/v1/companies/${created.data.id}`;
    await conforms(secretariat, 'GET', '/api/v1/companies/{id}', url);
    await conforms(secretariat, 'PATCH', '/api/v1/companies/{id}', url, { json: { employee_count: null } });
    await conforms(secretariat, 'PATCH', '/api/v1/companies/{id}', url, { json: { name: '' } });
    await conforms(secretariat, 'PATCH', '/api/v1/companies/{id}', url,
      { body: '{', headers: { 'Content-Type': 'application/json' } });
    await conforms(secretariat, 'GET', '/api/v1/companies/{id}', '/api/v1/companies/999999999');
    await conforms(expert1, 'GET', '/api/v1/companies/{id}', url);
    await conforms(secretariat, 'POST', '/api/v1/companies', '/api/v1/companies',
      { body: JSON.stringify({ name: 'x', address: 'y'.repeat(1 << 20) }), headers: { 'Content-Type': 'application/json' } });
  });

  test('engagements', async () => {
    await conforms(secretariat, 'GET', '/api/v1/engagements', '/api/v1/engagements');
    await conforms(secretariat, 'GET', '/api/v1/engagements', '/api/v1/engagements?status=done');
    await conforms(secretariat, 'GET', '/api/v1/engagements', '/api/v1/engagements?sort=company&limit=1');
    await conforms(expert1, 'GET', '/api/v1/engagements', '/api/v1/engagements?limit=201');
    const carrier = (await secretariat.get('/api/v1/companies')).data.items.find((c) => c.name === CARRIER);
    const created = await conforms(secretariat, 'POST', '/api/v1/engagements', '/api/v1/engagements',
      { json: { company_id: carrier.id, expert_id: expert1.user.id, sessions: [{ no: 1, planned_date: '2027-04-01' }] } });
    const url = `/api/v1/engagements/${created.data.id}`;
    await conforms(secretariat, 'GET', '/api/v1/engagements/{id}', url);
    await conforms(expert1, 'PATCH', '/api/v1/engagements/{id}', url, { json: { version: 1, status: 'in_progress' } });
    await conforms(secretariat, 'PATCH', '/api/v1/engagements/{id}', url, { json: { version: 1, status: 'completed' } });
    await conforms(expert1, 'PATCH', '/api/v1/engagements/{id}', url, { json: { version: 2, expert_id: null } });
    await conforms(secretariat, 'PATCH', '/api/v1/engagements/{id}', url, { json: { version: 2, status: 'done' } });
    await conforms(secretariat, 'POST', '/api/v1/engagements', '/api/v1/engagements', { json: {} });
    await conforms(secretariat, 'GET', '/api/v1/engagements/{id}', '/api/v1/engagements/999999999');
    const proposal = '/api/v1/engagements/{id}/plan/proposal', check = '/api/v1/engagements/{id}/plan/check';
    await conforms(secretariat, 'POST', proposal, `${url}/plan/proposal`, { json: { start_date: '2027-01-04' } });
    await conforms(secretariat, 'POST', proposal, `${url}/plan/proposal`, { json: { start_date: '2027-02-30' } });
    await conforms(secretariat, 'POST', check, `${url}/plan/check`, { json: { sessions: [{ no: 1, planned_date: '2027-01-09' }, { no: 2, planned_date: '2027-01-05' }] } });
    await conforms(secretariat, 'POST', check, `${url}/plan/check`, { json: { sessions: [{ no: 9, planned_date: null }] } });
  });

  test('the course as it is run: tasks, confirmations, records, 実施報告, record reads', async () => {
    const owner2 = await server.login(DEMO.owner2);
    const japanDate = (days = 0) => new Date(Date.now() + 9 * 3600_000 + days * 86400_000).toISOString().slice(0, 10);
    const carrier = (await secretariat.get('/api/v1/companies?limit=200')).data.items.find((c) => c.name === CARRIER);
    const created = await secretariat.post('/api/v1/engagements',
      { company_id: carrier.id, expert_id: expert1.user.id, sessions: [{ no: 1, planned_date: japanDate() }, { no: 2, planned_date: japanDate(14) }] });
    const E = '/api/v1/engagements/{id}', url = `/api/v1/engagements/${created.data.id}`;
    const tasks = await conforms(owner2, 'GET', `${E}/tasks`, `${url}/tasks`);
    const own = tasks.data.items.find((t) => t.side === 'company');
    await conforms(owner2, 'PATCH', `${E}/tasks/{task_id}`, `${url}/tasks/${own.id}`, { json: { done: true } });
    await conforms(owner2, 'PATCH', `${E}/tasks/{task_id}`, `${url}/tasks/${own.id}`, { json: { done: 'x' } });
    await conforms(secretariat, 'PATCH', `${E}/tasks/{task_id}`, `${url}/tasks/${own.id}`, { json: { done: true } });
    await conforms(owner2, 'PATCH', `${E}/tasks/{task_id}`, `${url}/tasks/999999`, { json: { done: true } });
    await conforms(expert1, 'POST', `${E}/tasks`, `${url}/tasks`, { json: { session_no: 2, side: 'company', title: '構成図', requested_in: 1 } });
    await conforms(expert1, 'POST', `${E}/tasks`, `${url}/tasks`, { json: { session_no: 9, side: 'x', title: '' } });
    const conf = await conforms(owner2, 'GET', `${E}/confirmations`, `${url}/confirmations`);
    const saved = await conforms(owner2, 'PUT', `${E}/confirmations`, `${url}/confirmations`,
      { json: { version: conf.data.version, participants: [{ name: '運輸 太郎', title: '社長', kind: 'executive' }], web_experience: 'none' } });
    await conforms(owner2, 'PUT', `${E}/confirmations`, `${url}/confirmations`, { json: { version: 0 } });
    await conforms(owner2, 'PUT', `${E}/confirmations`, `${url}/confirmations`, { json: { version: saved.data.version, participants: [{ kind: 'boss' }] } });
    const ih = `${E}/confirmations/information-handling`;
    await conforms(expert1, 'POST', ih, `${url}/confirmations/information-handling`, { json: { statement_version: 1, version: saved.data.version } });
    await conforms(owner2, 'POST', ih, `${url}/confirmations/information-handling`,
      { json: { statement_version: saved.data.information_handling.version, version: saved.data.version } });
    const rec = `${E}/sessions/{no}/record`;
    const record = await conforms(expert1, 'GET', rec, `${url}/sessions/1/record`);
    await conforms(secretariat, 'GET', rec, `${url}/sessions/1/record`);
    await conforms(expert1, 'GET', rec, `${url}/sessions/9/record`);
    const { attendees, agenda, decisions, version } = record.data.record;
    await conforms(expert1, 'PUT', rec, `${url}/sessions/1/record`, { json: { attendees, agenda, decisions: '方針を作る', version } });
    await conforms(expert1, 'PUT', rec, `${url}/sessions/1/record`, { json: { attendees, agenda, decisions, version } });
    await conforms(expert1, 'PUT', rec, `${url}/sessions/1/record`, { json: { version: 1, extra: 1 } });
    await conforms(expert1, 'PUT', `${E}/sessions/{no}/held`, `${url}/sessions/1/held`, { json: { held_on: japanDate(1) } });
    await conforms(expert1, 'PUT', `${E}/sessions/{no}/held`, `${url}/sessions/1/held`, { json: { held_on: japanDate() } });
    await conforms(expert1, 'POST', `${E}/sessions/{no}/move`, `${url}/sessions/2/move`, { json: { date: japanDate(15), reason: '都合' } });
    await conforms(expert1, 'POST', `${E}/sessions/{no}/move`, `${url}/sessions/1/move`, { json: { date: japanDate(15), reason: '都合' } });
    await conforms(expert1, 'POST', `${E}/sessions/{no}/move`, `${url}/sessions/2/move`, { json: { date: japanDate(-2) } });
    await conforms(expert1, 'GET', rec, `${url}/sessions/2/record`);
    const rep = `${E}/sessions/{no}/report`, r = `${url}/sessions/1/report`;
    const start = await conforms(expert1, 'GET', rep, r);
    await conforms(secretariat, 'GET', rep, r);
    const draft = await conforms(expert1, 'POST', `${rep}/draft`, `${r}/draft`);
    await conforms(expert1, 'PUT', rep, r, { json: { ...start.data.draft, deliverables: [{ name: 'x', state: 'bad' }], version: 0 } });
    const v1 = await conforms(expert1, 'PUT', rep, r, { json: { ...draft.data, include_record: true, version: 0 } });
    await conforms(expert1, 'PUT', rep, r, { json: { ...draft.data, version: 0 } });
    await conforms(owner2, 'POST', `${rep}/submit`, `${r}/submit`, { json: { version: v1.data.report.version } });
    await conforms(secretariat, 'POST', `${rep}/accept`, `${r}/accept`, { json: { version: v1.data.report.version } });
    const sub = await conforms(expert1, 'POST', `${rep}/submit`, `${r}/submit`, { json: { version: v1.data.report.version } });
    await conforms(expert1, 'POST', `${rep}/submit`, `${r}/submit`, { json: { version: 'x' } });
    await conforms(secretariat, 'GET', rep, r);
    await conforms(owner2, 'GET', rep, r);
    await conforms(secretariat, 'POST', `${rep}/return`, `${r}/return`, { json: { version: sub.data.report.version } });
    const ret = await conforms(secretariat, 'POST', `${rep}/return`, `${r}/return`, { json: { version: sub.data.report.version, comment: '追記を' } });
    await conforms(expert1, 'GET', rep, r);
    const sub2 = await conforms(expert1, 'POST', `${rep}/submit`, `${r}/submit`, { json: { version: ret.data.report.version } });
    await conforms(secretariat, 'POST', `${rep}/accept`, `${r}/accept`, { json: { version: sub2.data.report.version, comment: '受理します' } });
    await conforms(secretariat, 'GET', `${rep}.pdf`, `${r}.pdf`);
    await conforms(secretariat, 'GET', `${rep}.pdf`, `${url}/sessions/2/report.pdf`);
    await conforms(secretariat, 'GET', E, url);
    await conforms(owner2, 'GET', `${E}/record-reads`, `${url}/record-reads?limit=1`);
    await conforms(owner2, 'GET', `${E}/record-reads`, `${url}/record-reads?limit=0`);
    await conforms(secretariat, 'GET', `${E}/record-reads`, `${url}/record-reads`);
  });

  test('audit and meta', async () => {
    await conforms(secretariat, 'GET', '/api/v1/audit', '/api/v1/audit');
    await conforms(secretariat, 'GET', '/api/v1/audit', '/api/v1/audit?entity=engagement&entity_id=1');
    await conforms(secretariat, 'GET', '/api/v1/audit', '/api/v1/audit?entity_id=x');
    await conforms(secretariat, 'GET', '/api/v1/audit', '/api/v1/audit?action=update&limit=3');
    await conforms(expert1, 'GET', '/api/v1/audit', '/api/v1/audit');
    await conforms(secretariat, 'GET', '/api/v1/meta', '/api/v1/meta');
    await conforms(server.client(), 'GET', '/api/v1/meta', '/api/v1/meta');
  });

  test('self-assessment: staff routes', async () => {
    const owner1 = await server.login(DEMO.owner1);
    const expert2 = await server.login(DEMO.expert2);
    const engagement = (await secretariat.get('/api/v1/engagements')).data.items.find((e) => e.company_name === MAKER);
    const e = engagement.id;
    const rounds = '/api/v1/engagements/{id}/diagnosis/rounds';
    await conforms(expert1, 'GET', rounds, `/api/v1/engagements/${e}/diagnosis/rounds`);
    await conforms(expert2, 'GET', rounds, `/api/v1/engagements/${e}/diagnosis/rounds`);
    await conforms(expert1, 'GET', rounds, '/api/v1/engagements/999999999/diagnosis/rounds');
    const round = (await conforms(expert1, 'POST', rounds, `/api/v1/engagements/${e}/diagnosis/rounds`, { json: { name: '仕様確認の回' } })).data;
    await conforms(expert1, 'POST', rounds, `/api/v1/engagements/${e}/diagnosis/rounds`, { json: { name: '' } });
    await conforms(expert1, 'POST', rounds, `/api/v1/engagements/${e}/diagnosis/rounds`, { json: { name: 'x' }, csrf: false });
    const other = (await conforms(owner1, 'POST', rounds, `/api/v1/engagements/${e}/diagnosis/rounds`, { json: { name: '比較用の回' } })).data;

    const r = `/api/v1/diagnosis/rounds/${round.id}`;
    await conforms(expert1, 'GET', '/api/v1/diagnosis/rounds/{id}', r);
    await conforms(expert2, 'GET', '/api/v1/diagnosis/rounds/{id}', r);
    await conforms(expert1, 'GET', '/api/v1/diagnosis/rounds/{id}', '/api/v1/diagnosis/rounds/999999999');
    await conforms(expert1, 'PATCH', '/api/v1/diagnosis/rounds/{id}', r, { json: { name: '仕様確認の回（改）' } });
    await conforms(expert1, 'PATCH', '/api/v1/diagnosis/rounds/{id}', r, { json: { status: 'archived' } });

    const invite = '/api/v1/diagnosis/rounds/{id}/respondents';
    const links = (await conforms(expert1, 'POST', invite, `${r}/respondents`, { json: { role: 'staff', count: 3, expires_at: '2099-12-31' } })).data.items;
    const [named] = (await conforms(expert1, 'POST', invite, `${r}/respondents`, { json: { role: 'owner', name: '仕様 太郎' } })).data.items;
    await conforms(expert1, 'POST', invite, `${r}/respondents`, { json: { role: 'ceo', count: 0 } });
    await conforms(expert1, 'POST', invite, `${r}/respondents`, { body: '{', headers: { 'Content-Type': 'application/json' } });

    const token = named.token;
    const answers = sheet('DPNUD PNUDP NUDPN UDPNU DPNUD');
    const anon = server.client();
    await conforms(anon, 'GET', '/api/v1/answer/{token}', `/api/v1/answer/${token}`);
    await conforms(anon, 'GET', '/api/v1/answer/{token}', `/api/v1/answer/${'A'.repeat(32)}`);
    await conforms(anon, 'PUT', '/api/v1/answer/{token}/items/{item_no}', `/api/v1/answer/${token}/items/1`, { json: { choice: 'yes' } });
    await conforms(anon, 'PUT', '/api/v1/answer/{token}/items/{item_no}', `/api/v1/answer/${token}/items/26`, { json: { choice: 'done' } });
    await conforms(anon, 'PUT', '/api/v1/answer/{token}/items/{item_no}', `/api/v1/answer/${token}/items/1`, { body: 'x', headers: { 'Content-Type': 'text/plain' } });
    await conforms(anon, 'PUT', '/api/v1/answer/{token}/items/{item_no}', `/api/v1/answer/${token}/items/1`, { json: { choice: 'done' }, headers: { Origin: 'https://evil.example' } });
    await conforms(anon, 'POST', '/api/v1/answer/{token}/submit', `/api/v1/answer/${token}/submit`);
    for (const [no, choice] of Object.entries(answers))
      await conforms(anon, 'PUT', '/api/v1/answer/{token}/items/{item_no}', `/api/v1/answer/${token}/items/${no}`, { json: { choice } });
    await conforms(anon, 'POST', '/api/v1/answer/{token}/submit', `/api/v1/answer/${token}/submit`);
    await conforms(anon, 'POST', '/api/v1/answer/{token}/submit', `/api/v1/answer/${token}/submit`);
    await conforms(anon, 'GET', '/api/v1/answer/{token}', `/api/v1/answer/${token}`);

    await conforms(expert1, 'POST', '/api/v1/diagnosis/respondents/{id}/reissue', `/api/v1/diagnosis/respondents/${links[0].respondent.id}/reissue`);
    await conforms(expert1, 'POST', '/api/v1/diagnosis/respondents/{id}/reissue', `/api/v1/diagnosis/respondents/${named.respondent.id}/reissue`);
    await conforms(expert1, 'POST', '/api/v1/diagnosis/respondents/{id}/revoke', `/api/v1/diagnosis/respondents/${links[1].respondent.id}/revoke`);
    await conforms(expert1, 'POST', '/api/v1/diagnosis/respondents/{id}/revoke', '/api/v1/diagnosis/respondents/999999999/revoke');
    await conforms(anon, 'GET', '/api/v1/answer/{token}', `/api/v1/answer/${links[1].token}`);  // revoked: 403

    // Respondents invited, submitted and revoked (paper and CSV ones below), paged.
    const respondents = '/api/v1/diagnosis/rounds/{id}/respondents';
    const first = await conforms(expert1, 'GET', respondents, `${r}/respondents?limit=2`);
    await conforms(expert1, 'GET', respondents, `${r}/respondents?limit=2&after=${encodeURIComponent(first.data.next_after)}`);
    await conforms(owner1, 'GET', respondents, `${r}/respondents?role=owner`);
    await conforms(expert1, 'GET', respondents, `${r}/respondents?role=ceo`);
    await conforms(expert2, 'GET', respondents, `${r}/respondents`);
    await conforms(expert1, 'GET', respondents, '/api/v1/diagnosis/rounds/999999999/respondents');

    const paper = '/api/v1/diagnosis/rounds/{id}/paper';
    await conforms(expert1, 'POST', paper, `${r}/paper`, { json: { role: 'manager', name: '紙 記入', answers } });
    await conforms(expert1, 'POST', paper, `${r}/paper`, { json: { role: 'manager', answers: { 1: 'done' } } });

    const upload = '/api/v1/diagnosis/rounds/{id}/import';
    const good = csv([HEADER_EN, csvRow('staff', '', '', answers)]);
    await conforms(expert1, 'POST', upload, `${r}/import`, { body: good, headers: { 'Content-Type': 'text/csv' } });
    await conforms(expert1, 'POST', upload, `${r}/import`, { body: csv([['role', 'x'], ['staff', '4']]), headers: { 'Content-Type': 'text/csv' } });
    await conforms(expert1, 'POST', upload, `${r}/import`, { body: good, headers: { 'Content-Type': 'application/json' } });
    const everyone = await conforms(expert1, 'GET', respondents, `${r}/respondents?limit=200`);
    assert.deepEqual([...new Set(everyone.data.items.map((x) => x.source))].sort(), ['csv', 'link', 'paper']);

    await conforms(expert1, 'GET', '/api/v1/diagnosis/rounds/{id}/analysis', `${r}/analysis`);
    await conforms(expert1, 'GET', '/api/v1/diagnosis/rounds/{id}/analysis', `/api/v1/diagnosis/rounds/${other.id}/analysis`);  // empty
    await conforms(expert2, 'GET', '/api/v1/diagnosis/rounds/{id}/analysis', `${r}/analysis`);

    const finding = '/api/v1/diagnosis/rounds/{id}/findings/{item_no}';
    await conforms(expert1, 'PUT', finding, `${r}/findings/4`, { json: { finding: '課題', urgency: 'high', importance: '中', difficulty: 'easy', key_area: true, notes: 'メモ' } });
    await conforms(expert1, 'PUT', finding, `${r}/findings/5`, { json: { notes: 'メモだけ' } });
    await conforms(expert1, 'PUT', finding, `${r}/findings/6`, { json: { urgency: 'urgent' } });
    await conforms(expert1, 'PUT', finding, `${r}/findings/26`, { json: { finding: 'x' } });
    await conforms(owner1, 'PUT', finding, `${r}/findings/4`, { json: { finding: 'x' } });
    await conforms(expert1, 'GET', '/api/v1/diagnosis/rounds/{id}/findings', `${r}/findings`);

    const compare = '/api/v1/engagements/{id}/diagnosis/compare';
    await conforms(expert1, 'GET', compare, `/api/v1/engagements/${e}/diagnosis/compare?from=${round.id}&to=${other.id}`);
    await conforms(expert1, 'GET', compare, `/api/v1/engagements/${e}/diagnosis/compare?from=${round.id}`);

    await conforms(expert1, 'GET', '/api/v1/diagnosis/rounds/{id}/summary.xlsx', `${r}/summary.xlsx`);
    await conforms(expert2, 'GET', '/api/v1/diagnosis/rounds/{id}/summary.xlsx', `${r}/summary.xlsx`);
    await conforms(expert1, 'GET', '/api/v1/diagnosis/rounds/{id}/report.pdf', `${r}/report.pdf`);
    await conforms(expert1, 'GET', '/api/v1/diagnosis/rounds/{id}/report.pdf', '/api/v1/diagnosis/rounds/999999999/report.pdf');
    const sheetPath = '/api/v1/diagnosis/rounds/{id}/invitation-sheet.pdf';
    await conforms(expert1, 'POST', sheetPath, `${r}/invitation-sheet.pdf`, { json: { links: [{ respondent_id: links[2].respondent.id, token: links[2].token }] } });
    await conforms(expert1, 'POST', sheetPath, `${r}/invitation-sheet.pdf`, { json: { links: [{ respondent_id: links[1].respondent.id, token: links[1].token }] } });

    await conforms(expert1, 'PATCH', '/api/v1/diagnosis/rounds/{id}', r, { json: { status: 'closed' } });
    await conforms(expert1, 'POST', invite, `${r}/respondents`, { json: { role: 'staff' } });
    await conforms(anon, 'PUT', '/api/v1/answer/{token}/items/{item_no}', `/api/v1/answer/${links[2].token}/items/1`, { json: { choice: 'done' } });
    await conforms(secretariat, 'GET', '/api/v1/audit', `/api/v1/audit?entity=respondent&entity_id=${named.respondent.id}`);
  });

  test('calendar', async () => {
    const engagement = (await secretariat.get('/api/v1/engagements')).data.items.find((e) => e.company_name === MAKER);
    const carrier = (await secretariat.get('/api/v1/engagements')).data.items.find((e) => e.company_name === CARRIER);
    const ics = '/api/v1/engagements/{id}/sessions/{no}/calendar.ics';
    const ok = await conforms(expert1, 'GET', ics, `/api/v1/engagements/${engagement.id}/sessions/1/calendar.ics`);
    assert.match(ok.headers.get('content-type'), /^text\/calendar; charset=utf-8/);
    await conforms(expert1, 'GET', ics, `/api/v1/engagements/${engagement.id}/sessions/9/calendar.ics`);
    await conforms(secretariat, 'GET', ics, `/api/v1/engagements/${carrier.id}/sessions/2/calendar.ics`);  // no date
    await conforms(expert1, 'GET', ics, `/api/v1/engagements/${carrier.id}/sessions/1/calendar.ics`);
    const feed = '/api/v1/me/calendar-feed';
    await conforms(expert1, 'GET', feed, feed);
    const issued = await conforms(expert1, 'POST', feed, feed, { json: {} });
    await conforms(expert1, 'POST', feed, feed, { json: { name: 'x' } });
    await conforms(expert1, 'POST', feed, feed, { json: {}, csrf: false });
    await conforms(expert1, 'GET', feed, feed);
    const poll = '/api/v1/calendar-feeds/{token}/calendar.ics';
    const url = new URL(issued.data.url).pathname;
    await conforms(server.client(), 'GET', poll, url);
    await conforms(expert1, 'GET', feed, feed);
    await conforms(expert1, 'DELETE', feed, feed);
    await conforms(expert1, 'DELETE', feed, feed);
    await conforms(server.client(), 'GET', poll, url);
  });

  test('notifications and the outbox', async () => {
    const list = await conforms(expert1, 'GET', '/api/v1/notifications', '/api/v1/notifications?limit=1');
    await conforms(expert1, 'GET', '/api/v1/notifications', '/api/v1/notifications?unread=true&limit=0');
    await conforms(expert1, 'GET', '/api/v1/notifications/unread-count', '/api/v1/notifications/unread-count');
    await conforms(expert1, 'POST', '/api/v1/notifications/read', '/api/v1/notifications/read', { json: { ids: [list.data.items[0].id] } });
    await conforms(expert1, 'POST', '/api/v1/notifications/read', '/api/v1/notifications/read', { json: { ids: [999999] } });
    await conforms(expert1, 'POST', '/api/v1/notifications/read', '/api/v1/notifications/read', { json: {} });
    await conforms(expert1, 'POST', '/api/v1/notifications/read-all', '/api/v1/notifications/read-all', { json: {} });
    const outbox = await conforms(secretariat, 'GET', '/api/v1/outbox', '/api/v1/outbox?status=queued&limit=1');
    await conforms(secretariat, 'GET', '/api/v1/outbox', '/api/v1/outbox?status=lost');
    await conforms(expert1, 'GET', '/api/v1/outbox', '/api/v1/outbox');
    await conforms(secretariat, 'POST', '/api/v1/outbox/{id}/retry', `/api/v1/outbox/${outbox.data.items[0].id}/retry`, { json: {} });
    await conforms(secretariat, 'POST', '/api/v1/outbox/{id}/retry', '/api/v1/outbox/999999/retry', { json: {} });
    await conforms(expert1, 'POST', '/api/v1/outbox/{id}/retry', '/api/v1/outbox/1/retry', { json: {} });
  });

  test('operations endpoints', async () => {
    await conforms(server.client(), 'GET', '/healthz', '/healthz');
    await conforms(server.client(), 'GET', '/livez', '/livez');
    await conforms(server.client(), 'GET', '/api/openapi.json', '/api/openapi.json');
    await conforms(server.client(), 'GET', '/metrics', '/metrics');
  });

  test('dashboard', async () => {
    const list = '/api/v1/dashboard/engagements';
    const page = await conforms(secretariat, 'GET', list, `${list}?limit=1`);
    await conforms(secretariat, 'GET', list, `${list}?limit=1&after=${encodeURIComponent(page.data.next_after)}`);
    await conforms(secretariat, 'GET', list, `${list}?state=planned&expert_id=none&industry=x&status=planned&q=a`);
    await conforms(secretariat, 'GET', list, `${list}?state=nope`);
    await conforms(expert1, 'GET', list, list);
    await conforms(secretariat, 'GET', '/api/v1/dashboard/summary', '/api/v1/dashboard/summary?state=planned');
    await conforms(secretariat, 'GET', '/api/v1/dashboard/summary', '/api/v1/dashboard/summary?expert_id=x');
    await conforms(expert1, 'GET', '/api/v1/dashboard/summary', '/api/v1/dashboard/summary');
    await conforms(secretariat, 'GET', '/api/v1/dashboard/experts', '/api/v1/dashboard/experts?limit=1');
    await conforms(expert1, 'GET', '/api/v1/dashboard/experts', '/api/v1/dashboard/experts');
    await conforms(secretariat, 'GET', '/api/v1/dashboard/engagements.xlsx', '/api/v1/dashboard/engagements.xlsx');
    await conforms(secretariat, 'GET', '/api/v1/dashboard/engagements.xlsx', '/api/v1/dashboard/engagements.xlsx?state=x');
    await conforms(expert1, 'GET', '/api/v1/dashboard/engagements.xlsx', '/api/v1/dashboard/engagements.xlsx');
  });

  test('hearing sheet (様式1)', async () => {
    // A fresh engagement of expert1, so the demo's sheets stay as other tests expect them.
    const carrier = (await secretariat.get('/api/v1/companies?limit=200')).data.items.find((c) => c.name === CARRIER);
    const created = await secretariat.post('/api/v1/engagements', { company_id: carrier.id, expert_id: expert1.user.id });
    const H = '/api/v1/engagements/{id}/hearing', url = `/api/v1/engagements/${created.data.id}/hearing`;
    const I = `${H}/items/{item_key}`;
    await conforms(expert1, 'GET', H, url);
    await conforms(secretariat, 'GET', H, url);
    await conforms(secretariat, 'GET', `${H}/submitted`, `${url}/submitted`);
    await conforms(expert1, 'POST', `${H}/submit`, `${url}/submit`, { json: {} });
    const saved = await conforms(expert1, 'PATCH', I, `${url}/items/5.9`, { json: { result: '週1回', unclear: true, version: 0 } });
    await conforms(expert1, 'PATCH', I, `${url}/items/5.9`, { json: { result: '古い', version: 0 } });
    await conforms(expert1, 'PATCH', I, `${url}/items/5.9`, { json: { colour: 'red', version: 1 } });
    await conforms(expert1, 'PATCH', I, `${url}/items/9.9`, { json: { result: 'x', version: 0 } });
    const added = await conforms(expert1, 'POST', `${H}/items`, `${url}/items`, { json: { section_no: 5, label: '追加の項目' } });
    await conforms(expert1, 'POST', `${H}/items`, `${url}/items`, { json: { section_no: 99, label: '' } });
    await conforms(expert1, 'DELETE', I, `${url}/items/5.1?version=1`);
    await conforms(expert1, 'DELETE', I, `${url}/items/${added.data.key}?version=1`);
    await conforms(expert1, 'GET', `${H}/unclear`, `${url}/unclear`);
    await conforms(expert1, 'POST', `${I}/resolve`, `${url}/items/5.9/resolve`, { json: { note: '確認済み', version: saved.data.version } });
    await conforms(expert1, 'POST', `${I}/resolve`, `${url}/items/5.9/resolve`, { json: { note: '再度', version: 99 } });
    await conforms(expert1, 'GET', `${H}.xlsx`, `${url}.xlsx`);
    await conforms(expert1, 'GET', `${H}.pdf`, `${url}.pdf`);
    await conforms(secretariat, 'GET', `${H}/submitted.xlsx`, `${url}/submitted.xlsx`);
    await conforms(expert1, 'POST', `${H}/submit`, `${url}/submit`, { json: {} });
    await conforms(secretariat, 'GET', `${H}/submitted`, `${url}/submitted`);
    await conforms(secretariat, 'GET', `${H}/submitted.xlsx`, `${url}/submitted.xlsx`);
    await conforms(secretariat, 'GET', `${H}/submitted.pdf`, `${url}/submitted.pdf`);
  });

  test('rules check (様式2)', async () => {
    const mine = (await expert1.get('/api/v1/engagements?limit=200')).data.items.find((e) => e.company_name === MAKER);
    const R = '/api/v1/engagements/{id}/rules-check', url = `/api/v1/engagements/${mine.id}/rules-check`;
    const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    await conforms(secretariat, 'GET', `${R}/submitted`, `${url}/submitted`);
    const sheet = await conforms(expert1, 'GET', R, url);
    await conforms(secretariat, 'GET', R, url);
    const saved = await conforms(expert1, 'PUT', `${R}/rows/{no}`, `${url}/rows/1`, { json: { result: 'new', version: sheet.data.version } });
    await conforms(expert1, 'PUT', `${R}/rows/{no}`, `${url}/rows/1`, { json: { result: 'new', version: sheet.data.version } });
    await conforms(expert1, 'PUT', `${R}/rows/{no}`, `${url}/rows/1`, { json: { result: 'x', version: saved.data.version } });
    await conforms(expert1, 'PUT', `${R}/rows/{no}`, `${url}/rows/99`, { json: { version: saved.data.version } });
    await conforms(expert1, 'POST', `${R}/import`, `${url}/import?version=${saved.data.version}`, { body: '%PDF-1.7', headers: { 'Content-Type': XLSX } });
    await conforms(expert1, 'POST', `${R}/import`, `${url}/import?version=${saved.data.version}`, { body: 'x', headers: { 'Content-Type': 'text/plain' } });
    await conforms(expert1, 'GET', `${R}.xlsx`, `${url}.xlsx`);
    await conforms(expert1, 'POST', `${R}/submit`, `${url}/submit`, { json: { version: saved.data.version } });
    await conforms(expert1, 'POST', `${R}/submit`, `${url}/submit`, { json: { version: saved.data.version } });
    await conforms(secretariat, 'POST', `${R}/submit`, `${url}/submit`, { json: {} });
    await conforms(secretariat, 'GET', `${R}/submitted`, `${url}/submitted`);
  });

  test('final report (最終報告書)', async () => {
    const mine = (await expert1.get('/api/v1/engagements?limit=200')).data.items.find((e) => e.company_name === MAKER);
    const F = '/api/v1/engagements/{id}/final-report', url = `/api/v1/engagements/${mine.id}/final-report`;
    await conforms(secretariat, 'GET', F, url);
    await conforms(secretariat, 'GET', `${F}/pdf`, `${url}/pdf`);
    const view = await conforms(expert1, 'GET', F, url);
    await conforms(expert1, 'PUT', F, url, { json: { version: 0, texts: { unknown: 'x' } } });
    const saved = await conforms(expert1, 'PUT', F, url, { json: { version: 0, texts: { ...view.data.draft.texts, evaluation: '所見' } } });
    await conforms(expert1, 'PUT', F, url, { json: { version: 0, texts: {} } });
    const refreshed = await conforms(expert1, 'POST', `${F}/refresh`, `${url}/refresh`, { json: { version: saved.data.report.version } });
    await conforms(expert1, 'GET', `${F}/pdf`, `${url}/pdf`);
    const submitted = await conforms(expert1, 'POST', `${F}/submit`, `${url}/submit`, { json: { version: refreshed.data.report.version } });
    await conforms(secretariat, 'POST', `${F}/return`, `${url}/return`, { json: { version: submitted.data.report.version, comment: '' } });
    const returned = await conforms(secretariat, 'POST', `${F}/return`, `${url}/return`, { json: { version: submitted.data.report.version, comment: '理由' } });
    const again = await conforms(expert1, 'POST', `${F}/submit`, `${url}/submit`, { json: { version: returned.data.report.version } });
    await conforms(secretariat, 'GET', F, url);
    await conforms(secretariat, 'POST', `${F}/accept`, `${url}/accept`, { json: { version: again.data.report.version } });
    await conforms(secretariat, 'POST', `${F}/accept`, `${url}/accept`, { json: { version: again.data.report.version } });
    await conforms(expert1, 'GET', F, '/api/v1/engagements/999999/final-report');
  });

  test('documents of an engagement (成果物)', async () => {
    const mine = (await expert1.get('/api/v1/engagements?limit=200')).data.items.find((e) => e.company_name === MAKER);
    const D = '/api/v1/engagements/{id}/documents';
    const overview = await conforms(expert1, 'GET', D, `/api/v1/engagements/${mine.id}/documents`);
    assert.deepEqual(overview.data.items.map((i) => i.kind), ['hearing_sheet', 'basic_policy', 'rules_check', 'action_plan', 'final_report', 'survey']);
    await conforms(secretariat, 'GET', D, `/api/v1/engagements/${mine.id}/documents`);
    await conforms(expert1, 'GET', D, '/api/v1/engagements/999999/documents');
  });

  test('action plan (様式3): build, whole-sheet save, preview, approval, submission', async () => {
    const owner = await server.login(DEMO.owner1);
    const mine = (await expert1.get('/api/v1/engagements?limit=200')).data.items.find((e) => e.company_name === MAKER);
    const A = '/api/v1/engagements/{id}/action-plan', url = `/api/v1/engagements/${mine.id}/action-plan`;
    await conforms(secretariat, 'GET', `${A}/submitted`, `${url}/submitted`);
    const plan = await conforms(expert1, 'GET', A, url);
    await conforms(secretariat, 'GET', A, url);
    const built = await conforms(expert1, 'POST', `${A}/build`, `${url}/build`, { json: { version: plan.data.version } });
    await conforms(expert1, 'POST', `${A}/build`, `${url}/build`, { json: { version: 99 } });
    const version = built.data.plan.version;
    const measures = built.data.plan.measures.map((m) => ({ id: m.id, area_key: m.area_key, urgency: 'low', deadline: '2028-12-31' }));
    measures.push({ area_key: 'physical', action: '入館記録', feasibility: 'feasible' });
    await conforms(expert1, 'POST', `${A}/preview`, `${url}/preview`, { json: { version, measures } });
    await conforms(expert1, 'PUT', A, url, { json: { version, measures: [{ area_key: 'technical', urgency: '特高' }] } });
    const saved = await conforms(expert1, 'PUT', A, url, { json: { version, measures } });
    await conforms(expert1, 'PUT', A, url, { json: { version, measures } });
    await conforms(expert1, 'POST', `${A}/approve`, `${url}/approve`, { json: { version: saved.data.version } });
    await conforms(owner, 'POST', `${A}/approve`, `${url}/approve`, { json: { version: saved.data.version } });
    await conforms(owner, 'POST', `${A}/submit`, `${url}/submit`, { json: { version: saved.data.version } });
    await conforms(expert1, 'POST', `${A}/submit`, `${url}/submit`, { json: { version: saved.data.version } });
    await conforms(secretariat, 'GET', `${A}/submitted`, `${url}/submitted`);
  });

  test('action plan (様式3) as files: .xlsx, PDF, import and its preview', async () => {
    const mine = (await expert1.get('/api/v1/engagements?limit=200')).data.items.find((e) => e.company_name === MAKER);
    const A = '/api/v1/engagements/{id}/action-plan', url = `/api/v1/engagements/${mine.id}/action-plan`;
    const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    await conforms(expert1, 'GET', `${A}.pdf`, `${url}.pdf`);
    await conforms(secretariat, 'GET', `${A}.xlsx`, `${url}.xlsx`);
    const file = await fetch(`${server.baseUrl}${url}.xlsx`, { headers: { cookie: `shido_session=${expert1.cookie}` } });
    const bytes = Buffer.from(await file.arrayBuffer());
    const preview = await conforms(expert1, 'POST', `${A}/import/preview`, `${url}/import/preview`, { body: bytes, headers: { 'Content-Type': XLSX } });
    await conforms(expert1, 'POST', `${A}/import/preview`, `${url}/import/preview`, { body: '%PDF-1.7', headers: { 'Content-Type': XLSX } });
    await conforms(expert1, 'POST', `${A}/import`, `${url}/import?version=${preview.data.version + 5}`, { body: bytes, headers: { 'Content-Type': XLSX } });
    await conforms(expert1, 'POST', `${A}/import`, `${url}/import?version=${preview.data.version}`, { body: 'x', headers: { 'Content-Type': 'text/plain' } });
    await conforms(expert1, 'POST', `${A}/import`, `${url}/import?version=${preview.data.version}`, { body: bytes, headers: { 'Content-Type': XLSX } });
  });

  test('basic policy: versions, comparison, approval, submission, exports, public page', async () => {
    const owner = await server.login(DEMO.owner1);
    const engagement = (await secretariat.get('/api/v1/engagements')).data.items.find((e) => e.company_name === MAKER);
    const base = `/api/v1/engagements/${engagement.id}/policy`;
    const P = '/api/v1/engagements/{id}/policy';
    const view = await conforms(owner, 'GET', P, base);
    await conforms(secretariat, 'GET', P, base);
    const draft = await conforms(owner, 'GET', `${P}/draft`, `${base}/draft?from=sample`);
    await conforms(expert1, 'POST', `${P}/coverage`, `${base}/coverage`, { json: { text: '経営者の責任' } });
    await conforms(expert1, 'POST', `${P}/coverage`, `${base}/coverage`, { json: {} });
    const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
    await conforms(expert1, 'POST', `${P}/coverage/docx`, `${base}/coverage/docx`, { body: '%PDF-1.7', headers: { 'Content-Type': DOCX } });
    await conforms(expert1, 'POST', `${P}/coverage/docx`, `${base}/coverage/docx`, { body: 'x', headers: { 'Content-Type': 'text/plain' } });
    await conforms(owner, 'POST', `${P}/versions`, `${base}/versions`, { json: { document: { ...draft.data.document, established_on: 'x' }, version: view.data.version } });
    const saved = await conforms(owner, 'POST', `${P}/versions`, `${base}/versions`, { json: { document: draft.data.document, note: 'openapi', version: view.data.version } });
    await conforms(owner, 'POST', `${P}/versions`, `${base}/versions`, { json: { document: draft.data.document, version: 0 } });
    const no = saved.data.latest_number;
    await conforms(expert1, 'GET', `${P}/diff`, `${base}/diff?from=1&to=${no}`);
    await conforms(expert1, 'GET', `${P}/diff`, `${base}/diff?from=1`);
    await conforms(expert1, 'GET', `${P}/versions/{no}`, `${base}/versions/${no}`);
    await conforms(expert1, 'GET', `${P}/versions/{no}`, `${base}/versions/999`);
    const noted = await conforms(expert1, 'PUT', `${P}/versions/{no}`, `${base}/versions/${no}`, { json: { note: 'メモ', version: saved.data.version } });
    await conforms(expert1, 'POST', `${P}/submit`, `${base}/submit`, { json: { version: noted.data.version } });
    await conforms(secretariat, 'GET', `${P}/submitted`, `${base}/submitted`);
    await conforms(secretariat, 'GET', `${P}/submitted/policy.pdf`, `${base}/submitted/policy.pdf`);
    await conforms(expert1, 'POST', `${P}/versions/{no}/approve`, `${base}/versions/${no}/approve`, { json: { version: noted.data.version } });
    const approved = await conforms(owner, 'POST', `${P}/versions/{no}/approve`, `${base}/versions/${no}/approve`, { json: { version: noted.data.version } });
    await conforms(expert1, 'PUT', `${P}/versions/{no}`, `${base}/versions/${no}`, { json: { note: 'x', version: approved.data.version } });
    const submitted = await conforms(expert1, 'POST', `${P}/submit`, `${base}/submit`, { json: { version: approved.data.version } });
    await conforms(secretariat, 'GET', `${P}/submitted`, `${base}/submitted`);
    await conforms(secretariat, 'GET', `${P}/submitted/policy.pdf`, `${base}/submitted/policy.pdf`);
    for (const ext of ['pdf', 'docx', 'html']) {
      await conforms(owner, 'GET', `${P}/versions/{no}/policy.${ext}`, `${base}/versions/${no}/policy.${ext}`);
      await conforms(owner, 'GET', `${P}/versions/{no}/policy.${ext}`, `${base}/versions/999/policy.${ext}`);
    }
    const published = await conforms(owner, 'POST', `${P}/publish`, `${base}/publish`, { json: { version: submitted.data.version } });
    const page = new URL(published.data.url).pathname;
    await conforms(server.client(), 'GET', '/api/v1/public/policies/{token}', page);
    const current = (await owner.get(base)).data;
    await conforms(owner, 'POST', `${P}/unpublish`, `${base}/unpublish`, { json: { version: current.version } });
    await conforms(owner, 'POST', `${P}/unpublish`, `${base}/unpublish`, { json: {} });
    await conforms(server.client(), 'GET', '/api/v1/public/policies/{token}', page);
  });

  test('submission package (提出パッケージ) and SECURITY ACTION', async () => {
    const engagement = (await secretariat.get('/api/v1/engagements')).data.items.find((e) => e.company_name === MAKER);
    const base = `/api/v1/engagements/${engagement.id}`;
    const K = '/api/v1/engagements/{id}/package';
    const readiness = await conforms(secretariat, 'GET', K, `${base}/package`);
    assert.equal(readiness.status, 200, readiness.text);
    await conforms(secretariat, 'GET', K, '/api/v1/engagements/999999/package');
    // 200 or 409 (package_incomplete) depending on what the tests above handed in: both documented.
    await conforms(secretariat, 'GET', `${K}.zip`, `${base}/package.zip`);
    await conforms(secretariat, 'GET', `${K}.zip`, `${base}/package.zip?partial=maybe`);
    const partial = await conforms(secretariat, 'GET', `${K}.zip`, `${base}/package.zip?partial=true`);
    assert.equal(partial.status, 200);
    const sa = await conforms(expert1, 'GET', '/api/v1/engagements/{id}/security-action', `${base}/security-action`);
    assert.equal(sa.status, 200, sa.text);
  });

  test('アンケート: draft, submission, the secretariat\'s read and results', async () => {
    const owner = await server.login(DEMO.owner1);
    const engagement = (await secretariat.get('/api/v1/engagements')).data.items.find((e) => e.company_name === MAKER);
    const base = `/api/v1/engagements/${engagement.id}/survey`;
    const S = '/api/v1/engagements/{id}/survey';
    const view = await conforms(owner, 'GET', S, base);
    await conforms(expert1, 'GET', S, base);
    await conforms(secretariat, 'GET', `${S}/response`, `${base}/response`);
    await conforms(owner, 'PUT', S, base, { json: { ratings: { overall: '9' }, version: view.data.version } });
    const ratings = Object.fromEntries(view.data.survey.items.map((i) => [i.key, '4']));
    const saved = await conforms(owner, 'PUT', S, base, { json: { ratings, comments: { other: 'なし' }, version: view.data.version } });
    await conforms(owner, 'PUT', S, base, { json: { ratings, version: view.data.version } });
    await conforms(owner, 'POST', `${S}/submit`, `${base}/submit`, { json: {} });
    await conforms(owner, 'POST', `${S}/submit`, `${base}/submit`, { json: { version: saved.data.version } });
    await conforms(secretariat, 'GET', `${S}/response`, `${base}/response`);
    await conforms(expert1, 'GET', `${S}/response`, `${base}/response`);
    await conforms(secretariat, 'GET', '/api/v1/survey/results', '/api/v1/survey/results');
    await conforms(secretariat, 'GET', '/api/v1/survey/results', '/api/v1/survey/results?from=2026-01-01&to=2099-12-31');
    await conforms(secretariat, 'GET', '/api/v1/survey/results', '/api/v1/survey/results?to=x');
    await conforms(expert1, 'GET', '/api/v1/survey/results', '/api/v1/survey/results');
  });

  test('account links, invitations and company members', async () => {
    const anonymous = server.client();
    const token = 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';
    await conforms(anonymous, 'GET', '/api/v1/auth/links/{token}', `/api/v1/auth/links/${token}`);
    for (const path of ['/api/v1/auth/invitations/accept', '/api/v1/auth/password-reset/complete']) {
      await conforms(anonymous, 'POST', path, path, { json: { token, password: 'long-enough-password' } });
      await conforms(anonymous, 'POST', path, path, { json: {} });
    }
    await conforms(anonymous, 'POST', '/api/v1/auth/password-reset', '/api/v1/auth/password-reset', { json: { email: 'nobody@example.jp' } });
    await conforms(anonymous, 'POST', '/api/v1/auth/password-reset', '/api/v1/auth/password-reset', { json: { email: 'x' } });
    const company = (await secretariat.get('/api/v1/companies?limit=1')).data.items[0];
    const invited = await conforms(secretariat, 'POST', '/api/v1/users', '/api/v1/users',
      { json: { email: `oa-${uniqueSuffix()}@example.jp`, name: '文書 確認', role: 'company', company_id: company.id } });
    await conforms(secretariat, 'POST', '/api/v1/users/{id}/invitation', `/api/v1/users/${invited.data.id}/invitation`, { json: {} });
    await conforms(secretariat, 'POST', '/api/v1/users/{id}/invitation', `/api/v1/users/${expert1.user.id}/invitation`, { json: {} });
    const M = '/api/v1/companies/{id}/members';
    const members = `/api/v1/companies/${company.id}/members`;
    await conforms(secretariat, 'GET', M, members);
    await conforms(expert1, 'GET', M, `/api/v1/companies/999999/members`);
    const member = await conforms(secretariat, 'POST', M, members, { json: { email: `om-${uniqueSuffix()}@example.jp`, name: '文書 管理者' } });
    await conforms(secretariat, 'POST', M, members, { json: { email: member.data.email, name: '重複' } });
    await conforms(secretariat, 'DELETE', `${M}/{user_id}`, `${members}/${member.data.id}`);
    await conforms(secretariat, 'DELETE', `${M}/{user_id}`, `${members}/${member.data.id}`);
  });

  test('every route was exercised above', () => {
    for (const r of routes) assert.ok(seen.has(`${r.method} ${r.path}`), `${r.method} ${r.path} not checked against the document`);
  });
});
