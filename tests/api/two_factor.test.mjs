// Two-factor sign-in and the sessions a person can see, against a real server: enrolment, the
// login in two steps with a code this test computes, codes and recovery codes working once,
// wrong, expired and forged challenges, the enrolment gate, the secretariat's reset (its mail in
// the outbox), the sessions list and signing out one session or all others.
//
// People who must use a second factor are made with `shido user add` (the demo's accounts are
// exempt, which the login page of a demo says).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { addUser, enrol, signIn, signInWithSecondFactor, stepAt, totpAt } from './second_factor.mjs';
import { DEMO, MAKER, assertError, startServer } from './server.mjs';

const CHROME = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36';

describe('two-factor sign-in', () => {
  let server, jimu;

  before(async () => {
    server = await startServer();
    jimu = await server.login(DEMO.secretariat);
  });
  after(() => server?.stop());

  test('the TOTP of this test agrees with RFC 6238', () => {
    const secret = Buffer.from('12345678901234567890');
    assert.equal(totpAt(secret, Math.floor(59 / 30), 8), '94287082');
    assert.equal(totpAt(secret, Math.floor(1111111109 / 30), 8), '07081804');
    assert.equal(totpAt(secret, Math.floor(20000000000 / 30), 8), '65353130');
  });

  test('a demo says its accounts skip the second factor', async () => {
    const res = await server.client().get('/api/v1/auth/sign-in-options');
    assert.equal(res.status, 200, res.text);
    assert.deepEqual(res.data, { demo_accounts_skip_second_factor: true, password_min_length: 10 });
    const me = await jimu.get('/api/v1/auth/me');
    assert.deepEqual(me.data.two_factor, { enabled: false, required: false, enrolment_required: false });
  });

  test('an expert without a second factor may only enrol, see their sessions and sign out', async () => {
    const expert = await addUser(server, { role: 'expert' });
    const c = await signIn(server, expert);
    const me = await c.get('/api/v1/auth/me');
    assert.equal(me.status, 200);
    assert.deepEqual(me.data.two_factor, { enabled: false, required: true, enrolment_required: true });
    for (const path of ['/api/v1/engagements', '/api/v1/notifications', '/api/v1/meta'])
      assertError(await c.get(path), 403, 'two_factor_enrolment_required');
    const refused = assertError(await c.post('/api/v1/auth/password', { current_password: expert.password, new_password: 'another-password-1' }),
      403, 'two_factor_enrolment_required');
    assert.match(refused.message, /二要素認証の登録が必要です/);
    for (const path of ['/api/v1/me/two-factor', '/api/v1/me/sessions', '/api/v1/auth/sign-in-options'])
      assert.equal((await c.get(path)).status, 200, path);

    const status = await c.get('/api/v1/me/two-factor');
    assert.deepEqual(status.data, { enabled: false, required: true, confirmed_at: null, recovery_codes_left: 0 });
    const { secret, recoveryCodes, enrolment } = await enrol(c);
    assert.match(secret, /^[A-Z2-7]{32}$/);
    assert.equal(enrolment.otpauth_uri,
      `otpauth://totp/shido:${encodeURIComponent(expert.email)}?secret=${secret}&issuer=shido&algorithm=SHA1&digits=6&period=30`);
    assert.match(enrolment.qr_svg, /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" viewBox="0 0 \d+ \d+"/);
    assert.equal(recoveryCodes.length, 10);
    for (const code of recoveryCodes) assert.match(code, /^[a-hjkmnp-z2-9]{4}-[a-hjkmnp-z2-9]{4}$/);
    // The same session opens everything now.
    assert.equal((await c.get('/api/v1/engagements')).status, 200);
    assert.deepEqual((await c.get('/api/v1/auth/me')).data.two_factor, { enabled: true, required: true, enrolment_required: false });
    const after = await c.get('/api/v1/me/two-factor');
    assert.equal(after.data.enabled, true);
    assert.equal(after.data.recovery_codes_left, 10);
    assert.ok(after.data.confirmed_at > 0);
    // A second enrolment is refused while one is confirmed.
    assertError(await c.post('/api/v1/me/two-factor/enrolment'), 409, 'conflict');
    // The audit log has it, without the secret.
    const audit = await jimu.get(`/api/v1/audit?action=enable_two_factor&entity=user&entity_id=${expert.id}`);
    assert.equal(audit.status, 200, audit.text);
    assert.equal(audit.data.items.length, 1);
    assert.ok(!JSON.stringify(audit.data).includes(secret), 'the secret is in the audit log');
  });

  test('sign in with a code: a code works once, a wrong one is refused and audited', async () => {
    const expert = await addUser(server, { role: 'expert' });
    const { secret, step } = await enrol(await signIn(server, expert));

    const code = totpAt(secret, step + 1);
    const { client, first, second } = await signInWithSecondFactor(server, expert, { code });
    assert.deepEqual(Object.keys(first.data).sort(), ['challenge', 'second_factor_required']);
    assert.equal(first.setCookies.filter((l) => /^shido_session=[^;]+/.test(l)).length, 0, 'a cookie before the second factor');
    assert.equal(second.status, 200, second.text);
    assert.equal(second.data.user.email, expert.email);
    assert.deepEqual(second.data.two_factor, { enabled: true, required: true, enrolment_required: false });
    assert.ok(second.setCookies.some((l) => /^shido_session=[^;]+/.test(l)));
    assert.equal((await client.get('/api/v1/engagements')).status, 200);

    // The same code again: refused, even with a new challenge.
    const replay = await signInWithSecondFactor(server, expert, { code });
    const used = assertError(replay.second, 401, 'unauthenticated');
    assert.match(used.message, /使用済み/);
    // A wrong code.
    const wrong = await signInWithSecondFactor(server, expert, { code: code === '000000' ? '111111' : '000000' });
    assert.equal(assertError(wrong.second, 401, 'unauthenticated').message, '確認コードが正しくありません。');
    assert.ok(!wrong.second.setCookies.some((l) => /^shido_session=[^;]+/.test(l)));
    const failed = await jimu.get(`/api/v1/audit?action=login_failed&entity_id=${expert.id}`);
    assert.equal(failed.data.items.length, 2, failed.text);  // the replay and the wrong code
    assert.ok(failed.data.items.every((e) => e.after.second_factor === true), failed.text);
  });

  test('a recovery code works once', async () => {
    const expert = await addUser(server, { role: 'expert' });
    const { recoveryCodes } = await enrol(await signIn(server, expert));
    const ok = await signInWithSecondFactor(server, expert, { recovery_code: recoveryCodes[0].toUpperCase() });
    assert.equal(ok.second.status, 200, ok.second.text);
    assert.equal((await ok.client.get('/api/v1/me/two-factor')).data.recovery_codes_left, 9);
    const again = await signInWithSecondFactor(server, expert, { recovery_code: recoveryCodes[0] });
    assertError(again.second, 401, 'unauthenticated');
  });

  test('five wrong codes end the challenge; forged and malformed challenges are refused', async () => {
    const expert = await addUser(server, { role: 'expert' });
    const { secret, step } = await enrol(await signIn(server, expert));
    const { client, first } = await signInWithSecondFactor(server, expert, { code: '000000' });
    for (let i = 0; i < 4; ++i)
      assertError(await client.post('/api/v1/auth/login/second-factor', { challenge: first.data.challenge, code: '000000' }), 401, 'unauthenticated');
    assertError(await client.post('/api/v1/auth/login/second-factor', { challenge: first.data.challenge, code: totpAt(secret, step + 1) }),
      429, 'too_many_requests');

    const c = server.client();
    assertError(await c.post('/api/v1/auth/login/second-factor', { challenge: 'forged-challenge-token', code: totpAt(secret, step + 1) }), 401, 'unauthenticated');
    assertError(await c.post('/api/v1/auth/login/second-factor', { challenge: first.data.challenge }), 422, 'validation', { fields: ['code'] });
    assertError(await c.post('/api/v1/auth/login/second-factor', { code: '123456' }), 422, 'validation', { fields: ['challenge'] });
    assertError(await c.post('/api/v1/auth/login/second-factor', { challenge: 'x', code: '1' }, { headers: { Origin: 'https://evil.example' } }), 403, 'csrf');
    // A new login gives a new challenge that takes the right code.
    const fresh = await signInWithSecondFactor(server, expert, { code: totpAt(secret, step + 1) });
    assert.equal(fresh.second.status, 200, fresh.second.text);
  });

  test('renewing recovery codes needs a current code; company members may turn it off, others not', async () => {
    const companies = (await jimu.get('/api/v1/companies')).data.items;
    const maker = companies.find((x) => x.name === MAKER);
    const member = await addUser(server, { role: 'company', companyId: maker.id, companyRole: 'manager' });
    const c = await signIn(server, member);
    assert.deepEqual((await c.get('/api/v1/auth/me')).data.two_factor, { enabled: false, required: false, enrolment_required: false });
    assertError(await c.post('/api/v1/me/two-factor/disable', { password: member.password }), 409, 'conflict');
    const { secret, step, recoveryCodes } = await enrol(c);
    assertError(await c.post('/api/v1/me/two-factor/recovery-codes', { code: '000000' }), 422, 'validation', { fields: ['code'] });
    const renewed = await c.post('/api/v1/me/two-factor/recovery-codes', { code: totpAt(secret, step + 1) });
    assert.equal(renewed.status, 200, renewed.text);
    assert.equal(renewed.data.recovery_codes.length, 10);
    assert.ok(!renewed.data.recovery_codes.includes(recoveryCodes[0]));
    const old = await signInWithSecondFactor(server, member, { recovery_code: recoveryCodes[0] });
    assertError(old.second, 401, 'unauthenticated');

    assertError(await c.post('/api/v1/me/two-factor/disable', { password: 'not-my-password' }), 422, 'validation', { fields: ['password'] });
    const off = await c.post('/api/v1/me/two-factor/disable', { password: member.password });
    assert.equal(off.status, 204, off.text);
    assert.equal((await c.get('/api/v1/me/two-factor')).data.enabled, false);
    await signIn(server, member);  // one step again

    const expert = await addUser(server, { role: 'expert' });
    const e = await signIn(server, expert);
    await enrol(e);
    assertError(await e.post('/api/v1/me/two-factor/disable', { password: expert.password }), 403, 'forbidden');
  });

  test('the secretariat resets a second factor: sessions end, the person is told by mail, audited', async () => {
    const expert = await addUser(server, { role: 'expert' });
    const { secret, step } = await enrol(await signIn(server, expert));
    const { client } = await signInWithSecondFactor(server, expert, { code: totpAt(secret, step + 1) });
    assert.equal((await client.get('/api/v1/engagements')).status, 200);

    const other = await addUser(server, { role: 'expert' });
    const otherClient = await signIn(server, other);
    await enrol(otherClient);
    assertError(await otherClient.request('DELETE', `/api/v1/users/${expert.id}/two-factor`), 403, 'forbidden');

    const reset = await jimu.request('DELETE', `/api/v1/users/${expert.id}/two-factor`);
    assert.equal(reset.status, 204, reset.text);
    assertError(await client.get('/api/v1/engagements'), 401, 'unauthenticated');
    assertError(await jimu.request('DELETE', `/api/v1/users/${expert.id}/two-factor`), 409, 'conflict');
    assertError(await jimu.request('DELETE', '/api/v1/users/999999/two-factor'), 404, 'not_found');

    const outbox = await jimu.get('/api/v1/outbox?limit=200');
    const mail = outbox.data.items.find((r) => r.recipient_address === expert.email);
    assert.ok(mail, `no mail to ${expert.email}`);
    assert.match(mail.subject, /二要素認証/);
    const audit = await jimu.get(`/api/v1/audit?action=reset_two_factor&entity_id=${expert.id}`);
    assert.equal(audit.data.items.length, 1, audit.text);

    // The next login is one step, and the person must enrol again.
    const again = await signIn(server, expert);
    assert.equal((await again.get('/api/v1/auth/me')).data.two_factor.enrolment_required, true);
    assertError(await again.get('/api/v1/engagements'), 403, 'two_factor_enrolment_required');
  });

  test('sessions: the list shows device and address; sign out one, then all others', async () => {
    const expert = await addUser(server, { role: 'expert' });
    const laptop = server.client();
    const res = await laptop.request('POST', '/api/v1/auth/login',
      { json: { email: expert.email, password: expert.password }, headers: { 'User-Agent': CHROME } });
    assert.equal(res.status, 200, res.text);
    laptop.csrf = res.data.csrf_token;
    const phone = await signIn(server, expert);
    const tablet = await signIn(server, expert);

    const list = await laptop.get('/api/v1/me/sessions');
    assert.equal(list.status, 200, list.text);
    assert.equal(list.data.items.length, 3);
    const current = list.data.items.filter((s) => s.current);
    assert.equal(current.length, 1);
    assert.equal(current[0].device, 'Chrome（Windows）');
    assert.equal(current[0].user_agent, CHROME);
    assert.equal(current[0].client_address, '127.0.0.1');
    for (const s of list.data.items) {
      assert.ok(!res.setCookies.join().includes(s.id), 'a session id is the token');
      assert.ok(s.created_at > 0 && s.last_seen_at >= s.created_at);
    }
    // Another person's session id ends nothing.
    const stranger = await addUser(server, { role: 'expert' });
    const strangerClient = await signIn(server, stranger);
    assertError(await strangerClient.request('DELETE', `/api/v1/me/sessions/${list.data.items[1].id}`), 404, 'not_found');

    const phoneId = (await phone.get('/api/v1/me/sessions')).data.items.find((s) => s.current).id;
    const ended = await laptop.request('DELETE', `/api/v1/me/sessions/${phoneId}`);
    assert.equal(ended.status, 204, ended.text);
    assert.ok(!ended.setCookies.some((l) => l.startsWith('shido_session=;')), 'the laptop lost its cookie');
    assertError(await phone.get('/api/v1/auth/me'), 401, 'unauthenticated');
    assert.equal((await laptop.get('/api/v1/me/sessions')).data.items.length, 2);

    const others = await laptop.post('/api/v1/me/sessions/sign-out-others');
    assert.equal(others.status, 204, others.text);
    assertError(await tablet.get('/api/v1/auth/me'), 401, 'unauthenticated');
    const left = await laptop.get('/api/v1/me/sessions');
    assert.deepEqual(left.data.items.map((s) => s.current), [true]);

    // Signing out the current session clears the cookie.
    const self = await laptop.request('DELETE', `/api/v1/me/sessions/${left.data.items[0].id}`);
    assert.equal(self.status, 204);
    assert.ok(self.setCookies.some((l) => l.startsWith('shido_session=;')), self.setCookies.join());
    assertError(await laptop.get('/api/v1/auth/me'), 401, 'unauthenticated');

    const audit = await jimu.get(`/api/v1/audit?entity=user&entity_id=${expert.id}`);
    const actions = audit.data.items.map((e) => e.action);
    assert.equal(actions.filter((a) => a === 'sign_out_session').length, 2, audit.text);
    assert.equal(actions.filter((a) => a === 'sign_out_other_sessions').length, 1, audit.text);
  });
});
