// Login, session cookie, throttling, logout, password change, /auth/me.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { enrol } from './second_factor.mjs';
import { DEMO, DEMO_NAMES, DEMO_PASSWORD, assertError, startServer, uniqueSuffix } from './server.mjs';
import { addAccount } from './accounts.mjs';

const BAD_CREDENTIALS = 'メールアドレスまたはパスワードが正しくありません。';

function cookieAttributes(line) {
  const [pair, ...attrs] = line.split(';').map((s) => s.trim());
  const out = { pair };
  for (const a of attrs) {
    const [k, v = true] = a.split('=');
    out[k.toLowerCase()] = v;
  }
  return out;
}

describe('authentication', () => {
  let server, secretariat;

  // A user of our own, so that changing its password or locking it out touches no demo user
  // (a company manager: the secretariat and experts would have to enrol a second factor first).
  async function newMember(password = 'first-password-123') {
    const email = `auth-${uniqueSuffix()}@example.jp`;
    const company = (await secretariat.get('/api/v1/companies?limit=1')).data.items[0];
    return addAccount(server, { email, name: '認証 テスト', role: 'company', company_id: company.id, company_role: 'manager', password });
  }

  before(async () => {
    server = await startServer();
    secretariat = await server.login(DEMO.secretariat);
  });
  after(() => server?.stop());

  test('login succeeds, returns the user and a CSRF token, and sets a HttpOnly SameSite=Strict cookie', async () => {
    const c = server.client();
    const res = await c.login(DEMO.expert1);
    assert.equal(res.status, 200, res.text);
    assert.equal(res.data.user.email, DEMO.expert1);
    assert.equal(res.data.user.role, 'expert');
    assert.equal(res.data.user.name, DEMO_NAMES.expert1);
    assert.equal(res.data.user.active, true);
    assert.ok(!('password_hash' in res.data.user) && !('password' in res.data.user), 'password material in the user');
    assert.equal(typeof res.data.csrf_token, 'string');
    assert.ok(res.data.csrf_token.length >= 20);

    const line = res.setCookies.find((l) => l.startsWith('shido_session='));
    assert.ok(line, `no session cookie: ${res.setCookies}`);
    const attrs = cookieAttributes(line);
    assert.ok(attrs.pair.length > 'shido_session='.length + 20, 'session token too short');
    assert.equal(attrs.httponly, true, line);
    assert.equal(attrs.samesite, 'Strict', line);
    assert.equal(attrs.path, '/', line);
    assert.ok(Number(attrs['max-age']) > 0, line);
    assert.ok(!attrs.secure, 'Secure must only be set with --secure-cookies');
    assert.ok(!line.includes(res.data.csrf_token), 'the CSRF token must not be the cookie');
  });

  test('e-mail addresses are matched case-insensitively and trimmed', async () => {
    const res = await server.client().login(`  ${DEMO.owner1.toUpperCase()} `);
    assert.equal(res.status, 200, res.text);
    assert.equal(res.data.user.email, DEMO.owner1);
  });

  test('GET /auth/me returns the session user and the same CSRF token', async () => {
    const c = await server.login(DEMO.owner2);
    const res = await c.get('/api/v1/auth/me');
    assert.equal(res.status, 200, res.text);
    assert.equal(res.data.user.email, DEMO.owner2);
    assert.equal(res.data.user.role, 'company');
    assert.equal(res.data.user.company_role, 'owner');
    assert.equal(typeof res.data.user.company_id, 'number');
    assert.equal(res.data.csrf_token, c.csrf);
    assertError(await server.client().get('/api/v1/auth/me'), 401, 'unauthenticated');
  });

  test('a wrong password answers 401 with a Japanese message and no session', async () => {
    const c = server.client();
    const res = await c.login(DEMO.expert2, 'wrong-password-123');
    const e = assertError(res, 401, 'unauthenticated');
    assert.equal(e.message, BAD_CREDENTIALS);
    assert.ok(!res.setCookies.some((l) => /^shido_session=[^;]+/.test(l)), 'a failed login set a session cookie');
    assert.equal(c.cookie, null);
  });

  test('an unknown e-mail address gets exactly the same answer as a wrong password', async () => {
    const res = await server.client().login(`nobody-${uniqueSuffix()}@example.jp`, 'whatever-password');
    const e = assertError(res, 401, 'unauthenticated');
    assert.equal(e.message, BAD_CREDENTIALS);
  });

  test('a login without e-mail or password is a 422 naming both fields', async () => {
    assertError(await server.client().post('/api/v1/auth/login', {}), 422, 'validation', { fields: ['email', 'password'] });
  });

  test('a login posted from another site (foreign Origin) is refused as csrf', async () => {
    const res = await server.client().post('/api/v1/auth/login', { email: DEMO.expert1, password: DEMO_PASSWORD },
      { headers: { Origin: 'https://evil.example' } });
    assertError(res, 403, 'csrf');
    assert.ok(!res.setCookies.some((l) => /^shido_session=[^;]+/.test(l)));
  });

  test('repeated failures from one address throttle that address on the account (429), even for the right password; other accounts unaffected', async () => {
    const user = await newMember();
    for (let i = 1; i <= 5; ++i) {
      const res = await server.client().login(user.email, `wrong-password-${i}`);
      assertError(res, 401, 'unauthenticated');
    }
    const blocked = await server.client().login(user.email, 'wrong-password-6');
    const e = assertError(blocked, 429, 'too_many_requests');
    assert.match(e.message, /分/, 'the message should say how many minutes to wait');
    assertError(await server.client().login(user.email, user.password), 429, 'too_many_requests');
    // Another account from the same address still logs in.
    assert.equal((await server.client().login(DEMO.expert1)).status, 200);
  });

  test('logout deletes the session: the old cookie no longer works', async () => {
    const c = await server.login(DEMO.expert1);
    const oldCookie = c.cookie;
    assert.equal((await c.get('/api/v1/auth/me')).status, 200);

    const res = await c.post('/api/v1/auth/logout');
    assert.equal(res.status, 204, res.text);
    const cleared = res.setCookies.find((l) => l.startsWith('shido_session='));
    assert.ok(cleared, 'logout does not clear the cookie');
    assert.equal(cookieAttributes(cleared)['max-age'], '0');
    assert.equal(c.cookie, null);

    const again = await c.get('/api/v1/auth/me', { cookie: oldCookie });
    assertError(again, 401, 'unauthenticated');
    assert.ok(again.setCookies.some((l) => /^shido_session=;.*Max-Age=0/.test(l)), '401 should clear the cookie');
  });

  test('logout without the CSRF token is refused and keeps the session', async () => {
    const c = await server.login(DEMO.expert1);
    assertError(await c.post('/api/v1/auth/logout', undefined, { csrf: false }), 403, 'csrf');
    assertError(await c.post('/api/v1/auth/logout', undefined, { csrf: 'not-the-token' }), 403, 'csrf');
    assert.equal((await c.get('/api/v1/auth/me')).status, 200);
  });

  test('an unknown, forged or over-long cookie is a 401', async () => {
    for (const cookie of ['forged', 'A'.repeat(43), 'x'.repeat(500), '']) {
      const res = await server.client().get('/api/v1/auth/me', { cookie });
      assertError(res, 401, 'unauthenticated');
    }
  });

  test('password change: wrong current password and short new password are 422; afterwards only the new password works', async () => {
    const user = await newMember('first-password-123');
    const a = await server.login(user.email, user.password);
    const b = await server.login(user.email, user.password);  // another device
    await enrol(a);  // an expert changes nothing before enrolling a second factor

    assertError(await a.post('/api/v1/auth/password', { current_password: 'not-my-password', new_password: 'second-password-456' }),
      422, 'validation', { fields: ['current_password'] });
    assertError(await a.post('/api/v1/auth/password', { current_password: user.password, new_password: 'short' }),
      422, 'validation', { fields: ['new_password'] });
    assertError(await a.post('/api/v1/auth/password', {}), 422, 'validation', { fields: ['current_password', 'new_password'] });
    assertError(await a.post('/api/v1/auth/password', { current_password: user.password, new_password: 'second-password-456' }, { csrf: false }),
      403, 'csrf');
    // None of that changed the password.
    assert.equal((await server.client().login(user.email, user.password)).status, 200);

    const res = await a.post('/api/v1/auth/password', { current_password: user.password, new_password: 'second-password-456' });
    assert.equal(res.status, 204, res.text);

    const old = await server.client().login(user.email, user.password);
    assertError(old, 401, 'unauthenticated');
    assert.equal((await server.client().login(user.email, 'second-password-456')).status, 200);
    assert.equal((await a.get('/api/v1/auth/me')).status, 200, 'the session that changed the password stays valid');
    assertError(await b.get('/api/v1/auth/me'), 401, 'unauthenticated');

    const audit = await secretariat.get(`/api/v1/audit?entity=user&entity_id=${user.id}`);
    assert.equal(audit.status, 200);
    const entry = audit.data.items.find((x) => x.action === 'change_password');
    assert.ok(entry, `no change_password audit entry: ${audit.text}`);
    assert.equal(entry.actor_id, user.id);
    assert.equal(entry.actor_name, '認証 テスト');
    assert.ok(!JSON.stringify(entry).includes('second-password-456'), 'the audit log must not contain the password');
  });
});
