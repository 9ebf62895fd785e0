// Bad input: every refused request answers the documented status and error code with a
// Japanese message, and provably changes nothing.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { CARRIER, DEMO, MAKER, allPages, assertError, startServer, uniqueSuffix } from './server.mjs';

const MiB = 1024 * 1024;

describe('bad input', () => {
  let server, secretariat, expert1, owner1;
  let maker, carrier, makerEngagement, carrierEngagement;

  // Everything a refused request could have touched, as the secretariat sees it.
  async function state() {
    const parts = await Promise.all(
      ['/api/v1/companies', '/api/v1/users', '/api/v1/engagements', '/api/v1/audit'].map((p) => secretariat.get(p)));
    for (const p of parts) assert.equal(p.status, 200);
    // The whole first page (items, total, cursor): a new record anywhere changes the total.
    return Object.fromEntries(['companies', 'users', 'engagements', 'audit'].map((k, i) => [k, parts[i].data]));
  }
  // Runs `call`, checks its error, and checks that the data is exactly as before.
  async function refused(call, status, code, options) {
    const before = await state();
    const res = await call();
    const error = assertError(res, status, code, options);
    assert.deepEqual(await state(), before, `${status} ${code} changed data`);
    return error;
  }
  const engagement = async (id) => (await secretariat.get(`/api/v1/engagements/${id}`)).data;

  before(async () => {
    server = await startServer();
    [secretariat, expert1, owner1] = await Promise.all([DEMO.secretariat, DEMO.expert1, DEMO.owner1].map((e) => server.login(e)));
    const companies = (await secretariat.get('/api/v1/companies')).data.items;
    maker = companies.find((c) => c.name === MAKER);
    carrier = companies.find((c) => c.name === CARRIER);
    const engagements = (await secretariat.get('/api/v1/engagements')).data.items;
    makerEngagement = engagements.find((e) => e.company_id === maker.id);
    carrierEngagement = engagements.find((e) => e.company_id === carrier.id);
    assert.ok(makerEngagement && carrierEngagement);
  });
  after(() => server?.stop());

  describe('malformed requests → 400', () => {
    test('malformed JSON', async () => {
      const json = { 'Content-Type': 'application/json' };
      let e = await refused(() => secretariat.request('POST', '/api/v1/companies', { body: '{"name": "壊れた", ', headers: json }), 400, 'bad_request');
      assert.equal(e.message, 'リクエストの本文が正しいJSONではありません。');
      e = await refused(() => secretariat.request('PATCH', `/api/v1/engagements/${makerEngagement.id}`,
        { body: "{version: 1, status: 'completed'}", headers: json }), 400, 'bad_request');
      await refused(() => server.client().request('POST', '/api/v1/auth/login', { body: '{"email":', headers: json }), 400, 'bad_request');
    });

    test('a JSON body that is not an object', async () => {
      for (const body of ['[1,2]', '"name"', '42', 'null']) {
        await refused(() => secretariat.request('POST', '/api/v1/companies',
          { body, headers: { 'Content-Type': 'application/json' } }), 400, 'bad_request');
      }
    });

    test('a body that is not Content-Type: application/json', async () => {
      await refused(() => secretariat.request('POST', '/api/v1/companies',
        { body: JSON.stringify({ name: 'フォーム送信株式会社' }), headers: { 'Content-Type': 'text/plain' } }), 400, 'bad_request');
      await refused(() => secretariat.request('POST', '/api/v1/companies',
        { body: 'name=x', headers: { 'Content-Type': 'application/x-www-form-urlencoded' } }), 400, 'bad_request');
    });

    test('a broken query string', async () => {
      assertError(await secretariat.get('/api/v1/engagements?q=%zz'), 400, 'bad_request');
    });
  });

  describe('too large → 413', () => {
    test('a body over 1 MiB', async () => {
      const big = JSON.stringify({ name: '大きすぎる株式会社', address: 'a'.repeat(MiB) });
      assert.ok(big.length > MiB);
      const e = await refused(() => secretariat.post('/api/v1/companies', undefined,
        { body: big, headers: { 'Content-Type': 'application/json' } }), 413, 'payload_too_large');
      assert.match(e.message, /1024 KiB/);
      await refused(() => secretariat.request('PATCH', `/api/v1/engagements/${makerEngagement.id}`,
        { body: JSON.stringify({ version: makerEngagement.version, pad: 'x'.repeat(MiB) }), headers: { 'Content-Type': 'application/json' } }),
        413, 'payload_too_large');
    });

    test('exactly 1 MiB is still accepted for parsing (then validated)', async () => {
      const prefix = '{"name":"境界株式会社","address":"';
      const body = prefix + 'b'.repeat(MiB - Buffer.byteLength(prefix) - 2) + '"}';
      assert.equal(Buffer.byteLength(body), MiB);
      // Not 413: the size is allowed; the 1 MiB address is then a validation error.
      await refused(() => secretariat.request('POST', '/api/v1/companies', { body, headers: { 'Content-Type': 'application/json' } }),
        422, 'validation', { fields: ['address'] });
    });

    test('a far larger body does not take the server down', async () => {
      const huge = 'x'.repeat(6 * MiB);
      let status = null;
      try {
        status = (await secretariat.request('POST', '/api/v1/companies', { body: huge, headers: { 'Content-Type': 'application/json' } })).status;
      } catch {
        status = 'connection closed';
      }
      // The server answers 413 or cuts the connection; either way it stays up and stores nothing.
      assert.ok(status === 413 || status === 'connection closed', `got ${status}`);
      assert.equal((await server.client().get('/healthz')).status, 200);
      assert.ok(!(await allPages(secretariat, '/api/v1/companies')).some((c) => c.name === ''));
    });
  });

  describe('validation → 422 with per-field messages', () => {
    test('an unknown engagement status ("done")', async () => {
      await refused(() => secretariat.patch(`/api/v1/engagements/${makerEngagement.id}`, { version: makerEngagement.version, status: 'done' }),
        422, 'validation', { fields: ['status'] });
      await refused(() => secretariat.post('/api/v1/engagements', { company_id: maker.id, status: 'done' }),
        422, 'validation', { fields: ['status'] });
      assertError(await secretariat.get('/api/v1/engagements?status=done'), 422, 'validation', { fields: ['status'] });
    });

    test('an unknown role ("admin")', async () => {
      await refused(() => secretariat.post('/api/v1/users',
        { email: `admin-${uniqueSuffix()}@example.jp`, name: '管理者', role: 'admin' }),
        422, 'validation', { fields: ['role'] });
      assertError(await secretariat.get('/api/v1/users?role=admin'), 422, 'validation', { fields: ['role'] });
      await refused(() => secretariat.post('/api/v1/users',
        { email: `cr-${uniqueSuffix()}@example.jp`, name: '企業 管理者', role: 'company', company_id: maker.id, company_role: 'admin' }),
        422, 'validation', { fields: ['company_role'] });
    });

    test('missing fields', async () => {
      await refused(() => secretariat.post('/api/v1/users', {}), 422, 'validation', { fields: ['email', 'name', 'role'] });
      // Nobody types another person's password: the invited person sets it from the mail.
      await refused(() => secretariat.post('/api/v1/users', { email: `pw-${uniqueSuffix()}@example.jp`, name: '代理 設定', role: 'expert', password: 'long-enough-password' }),
        422, 'validation', { fields: ['password'] });
      await refused(() => secretariat.post('/api/v1/companies', {}), 422, 'validation', { fields: ['name'] });
      await refused(() => secretariat.post('/api/v1/engagements', {}), 422, 'validation', { fields: ['company_id'] });
      await refused(() => secretariat.patch(`/api/v1/engagements/${makerEngagement.id}`, { status: 'completed' }),
        422, 'validation', { fields: ['version'] });
      await refused(() => secretariat.post('/api/v1/users', { email: `c-${uniqueSuffix()}@example.jp`, name: '所属なし', role: 'company' }),
        422, 'validation', { fields: ['company_id'] });
    });

    test('over-long and blank strings', async () => {
      await refused(() => secretariat.post('/api/v1/companies', { name: 'a'.repeat(101) }), 422, 'validation', { fields: ['name'] });
      const e = await refused(() => secretariat.post('/api/v1/companies', { name: '長'.repeat(101) }), 422, 'validation', { fields: ['name'] });
      assert.match(e.fields.name, /100文字以内/);
      await refused(() => secretariat.patch(`/api/v1/companies/${maker.id}`, { name: 'b'.repeat(101) }), 422, 'validation', { fields: ['name'] });
      await refused(() => secretariat.post('/api/v1/companies', { name: '   ' }), 422, 'validation', { fields: ['name'] });
      await refused(() => secretariat.post('/api/v1/companies', { name: '\u3000\u3000' }), 422, 'validation', { fields: ['name'] });
      await refused(() => secretariat.post('/api/v1/companies', { name: '改行\n入り' }), 422, 'validation', { fields: ['name'] });
      await refused(() => secretariat.post('/api/v1/companies', { name: '住所が長い', address: 'x'.repeat(201) }), 422, 'validation', { fields: ['address'] });
      await refused(() => secretariat.post('/api/v1/users', { email: `long-${uniqueSuffix()}@example.jp`, name: 'n'.repeat(101), role: 'expert' }),
        422, 'validation', { fields: ['name'] });
    });

    test('100 characters are allowed, counted as characters not bytes', async () => {
      for (const name of ['a'.repeat(100), '長'.repeat(100)]) {
        const res = await secretariat.post('/api/v1/companies', { name });
        assert.equal(res.status, 201, res.text);
        assert.equal(res.data.name, name);
      }
    });

    test('wrong types and out-of-range values', async () => {
      await refused(() => secretariat.post('/api/v1/companies', { name: '型違い株式会社', employee_count: '45' }), 422, 'validation', { fields: ['employee_count'] });
      await refused(() => secretariat.post('/api/v1/companies', { name: '型違い株式会社', employee_count: -1 }), 422, 'validation', { fields: ['employee_count'] });
      await refused(() => secretariat.post('/api/v1/companies', { name: 123 }), 422, 'validation', { fields: ['name'] });
      await refused(() => secretariat.post('/api/v1/companies', { name: 'URL株式会社', website: 'javascript:alert(1)' }), 422, 'validation', { fields: ['website'] });
      await refused(() => secretariat.patch(`/api/v1/engagements/${makerEngagement.id}`, { version: String(makerEngagement.version) }),
        422, 'validation', { fields: ['version'] });
      await refused(() => secretariat.post('/api/v1/users', { email: 'not-an-email', name: 'メール不正', role: 'expert' }),
        422, 'validation', { fields: ['email'] });
      assertError(await secretariat.get('/api/v1/audit?entity_id=abc'), 422, 'validation', { fields: ['entity_id'] });
      assertError(await secretariat.get('/api/v1/engagements?expert_id=abc'), 422, 'validation', { fields: ['expert_id'] });
    });

    test('bad session dates and numbers', async () => {
      const v = makerEngagement.version;
      await refused(() => secretariat.patch(`/api/v1/engagements/${makerEngagement.id}`, { version: v, sessions: [{ no: 1, planned_date: '2026-02-30' }] }),
        422, 'validation', { fields: ['sessions.1'] });
      await refused(() => secretariat.patch(`/api/v1/engagements/${makerEngagement.id}`, { version: v, sessions: [{ no: 2, planned_date: '2026/12/17' }] }),
        422, 'validation', { fields: ['sessions.2'] });
      await refused(() => secretariat.patch(`/api/v1/engagements/${makerEngagement.id}`, { version: v, sessions: [{ no: 5, planned_date: '2026-12-17' }] }),
        422, 'validation', { fields: ['sessions.5'] });
      await refused(() => secretariat.patch(`/api/v1/engagements/${makerEngagement.id}`, { version: v, sessions: 'first' }),
        422, 'validation', { fields: ['sessions'] });
    });

    test('integers beyond 32 bits are refused, not wrapped around', async () => {
      // An engagement of our own, so that a wrongly accepted change does not disturb other tests.
      const company = await secretariat.post('/api/v1/companies', { name: `桁あふれ株式会社${uniqueSuffix()}` });
      const created = await secretariat.post('/api/v1/engagements', { company_id: company.data.id });
      assert.equal(created.status, 201, created.text);
      const id = created.data.id;
      // version 2^32 + 1 is not version 1.
      await refused(() => secretariat.patch(`/api/v1/engagements/${id}`, { version: 2 ** 32 + created.data.version, status: 'cancelled' }),
        422, 'validation', { fields: ['version'] });
      // Session number 2^32 + 2 is not session 2.
      await refused(() => secretariat.patch(`/api/v1/engagements/${id}`, { version: created.data.version, sessions: [{ no: 2 ** 32 + 2, planned_date: '2027-05-05' }] }),
        422, 'validation');
    });

    test('numeric query parameters must be whole numbers', async () => {
      // "1abc" is not the number 1.
      assertError(await secretariat.get('/api/v1/audit?entity=engagement&entity_id=1abc'), 422, 'validation', { fields: ['entity_id'] });
      assertError(await secretariat.get('/api/v1/audit?engagement_id=2x'), 422, 'validation', { fields: ['engagement_id'] });
      assertError(await secretariat.get(`/api/v1/engagements?expert_id=${expert1.user.id}abc`), 422, 'validation', { fields: ['expert_id'] });
    });

    test('references that do not fit', async () => {
      // The expert must be a user with role expert; the company must exist and cannot change.
      await refused(() => secretariat.post('/api/v1/engagements', { company_id: maker.id, expert_id: owner1.user.id }),
        422, 'validation', { fields: ['expert_id'] });
      await refused(() => secretariat.post('/api/v1/engagements', { company_id: 999999999 }), 422, 'validation', { fields: ['company_id'] });
      await refused(() => secretariat.patch(`/api/v1/engagements/${makerEngagement.id}`, { version: makerEngagement.version, company_id: carrier.id }),
        422, 'validation', { fields: ['company_id'] });
    });
  });

  test('SQL meta characters and markup in a company name are stored and returned literally', async () => {
    const names = [
      "Robert'); DROP TABLE companies;--",
      '<script>alert(1)</script>',
      `' OR '1'='1`,
      '100% "引用" \\ バックスラッシュ _と%',
    ];
    for (const name of names) {
      const created = await secretariat.post('/api/v1/companies', { name, industry: "'; DELETE FROM users; --" });
      assert.equal(created.status, 201, created.text);
      assert.equal(created.data.name, name);
      assert.match(created.headers.get('content-type'), /^application\/json/);
      const read = await secretariat.get(`/api/v1/companies/${created.data.id}`);
      assert.equal(read.data.name, name);
      assert.equal(read.data.industry, "'; DELETE FROM users; --");
    }
    const after = { companies: await allPages(secretariat, '/api/v1/companies'), users: await allPages(secretariat, '/api/v1/users') };
    for (const name of names) assert.ok(after.companies.some((c) => c.name === name), name);
    assert.ok(after.companies.some((c) => c.name === MAKER) && after.companies.some((c) => c.name === CARRIER), 'the table survived');
    assert.ok(after.users.some((u) => u.email === DEMO.secretariat), 'users survived');
    // The search is a literal substring match: LIKE wildcards and quotes match only themselves.
    const search = async (q) => (await secretariat.get(`/api/v1/engagements?q=${encodeURIComponent(q)}`)).data.items;
    assert.deepEqual(await search("' OR 1=1 --"), []);
    assert.deepEqual(await search('%'), []);
    assert.deepEqual(await search('_'), []);
    assert.ok((await search('サンプル')).length >= 2);
  });

  describe('CSRF → 403 csrf', () => {
    test('a missing or wrong X-CSRF-Token is refused on every kind of state change', async () => {
      const calls = [
        (o) => secretariat.post('/api/v1/companies', { name: 'CSRF株式会社' }, o),
        (o) => secretariat.patch(`/api/v1/companies/${maker.id}`, { name: 'CSRFで改名' }, o),
        (o) => secretariat.patch(`/api/v1/engagements/${makerEngagement.id}`, { version: makerEngagement.version, status: 'cancelled' }, o),
        (o) => secretariat.post('/api/v1/users', { email: `csrf-${uniqueSuffix()}@example.jp`, name: 'CSRF', role: 'expert' }, o),
        (o) => secretariat.post('/api/v1/engagements', { company_id: maker.id }, o),
      ];
      for (const call of calls) {
        await refused(() => call({ csrf: false }), 403, 'csrf');
        await refused(() => call({ csrf: 'wrong-token' }), 403, 'csrf');
        await refused(() => call({ csrf: owner1.csrf }), 403, 'csrf');  // another session's token
        await refused(() => call({ csrf: '' }), 403, 'csrf');
      }
    });
  });

  describe('concurrency and ownership on PATCH /engagements/{id}', () => {
    test('a stale version is a 409 and keeps the first writer\'s change', async () => {
      const read = await engagement(makerEngagement.id);
      const first = await expert1.patch(`/api/v1/engagements/${read.id}`, { version: read.version, sessions: [{ no: 4, planned_date: '2027-02-04' }] });
      assert.equal(first.status, 200, first.text);
      assert.equal(first.data.version, read.version + 1);
      const e = await refused(() => secretariat.patch(`/api/v1/engagements/${read.id}`, { version: read.version, status: 'cancelled' }), 409, 'conflict');
      assert.match(e.message, /再読み込み/);
      const now = await engagement(read.id);
      assert.equal(now.status, read.status);
      assert.equal(now.sessions[3].planned_date, '2027-02-04');
      assert.equal(now.version, read.version + 1);
      // A version from the future is stale too.
      await refused(() => secretariat.patch(`/api/v1/engagements/${read.id}`, { version: now.version + 5, status: 'cancelled' }), 409, 'conflict');
    });

    test("another company's or another expert's engagement id is a 403", async () => {
      const target = await engagement(carrierEngagement.id);
      await refused(() => owner1.patch(`/api/v1/engagements/${target.id}`, { version: target.version, status: 'cancelled' }), 403, 'forbidden');
      await refused(() => expert1.patch(`/api/v1/engagements/${target.id}`, { version: target.version, status: 'cancelled' }), 403, 'forbidden');
    });

    test('a company user cannot change even their own engagement; an expert cannot reassign it', async () => {
      const own = await engagement(makerEngagement.id);
      await refused(() => owner1.patch(`/api/v1/engagements/${own.id}`, { version: own.version, status: 'completed' }), 403, 'forbidden');
      await refused(() => expert1.patch(`/api/v1/engagements/${own.id}`, { version: own.version, expert_id: null }), 403, 'forbidden');
    });

    test('a nonexistent id is a 404', async () => {
      await refused(() => secretariat.patch('/api/v1/engagements/999999999', { version: 1, status: 'completed' }), 404, 'not_found');
      await refused(() => secretariat.patch('/api/v1/companies/999999999', { name: '存在しない' }), 404, 'not_found');
    });
  });

  test('a duplicate e-mail address is a 409', async () => {
    await refused(() => secretariat.post('/api/v1/users', { email: DEMO.expert1, name: '重複', role: 'expert' }),
      409, 'conflict', { fields: ['email'] });
    await refused(() => secretariat.post('/api/v1/users', { email: ` ${DEMO.expert1.toUpperCase()} `, name: '重複', role: 'expert' }),
      409, 'conflict', { fields: ['email'] });
  });

  test('a forged session cookie is a 401 and changes nothing', async () => {
    const forged = server.client();
    forged.cookie = 'Zm9yZ2VkLXNlc3Npb24tdG9rZW4tdGhhdC1kb2VzLW5vdC1leGlzdA';
    forged.csrf = secretariat.csrf;
    await refused(() => forged.post('/api/v1/companies', { name: '偽造株式会社' }), 401, 'unauthenticated');
  });

  test('valid requests after all that still work', async () => {
    const created = await secretariat.post('/api/v1/companies', { name: `正常株式会社${uniqueSuffix()}`, employee_count: 12, website: 'https://example.jp/' });
    assert.equal(created.status, 201, created.text);
    const patched = await secretariat.patch(`/api/v1/companies/${created.data.id}`, { employee_count: null });
    assert.equal(patched.status, 200, patched.text);
    assert.equal(patched.data.employee_count, null);
    assert.equal(patched.data.name, created.data.name);
    const e = await secretariat.post('/api/v1/engagements', { company_id: created.data.id, expert_id: expert1.user.id, sessions: [{ no: 1, planned_date: '2027-03-01' }] });
    assert.equal(e.status, 201, e.text);
    assert.equal(e.data.status, 'planned');
    assert.equal(e.data.version, 1);
    assert.equal(e.data.sessions[0].planned_date, '2027-03-01');
  });
});
