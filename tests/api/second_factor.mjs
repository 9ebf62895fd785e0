// Helpers for tests of the second factor: TOTP codes computed here (RFC 6238, HMAC-SHA-1,
// 6 digits, 30 s) as an authenticator app would, and accounts made with `shido user add` (the
// demo's are exempt from the second factor, a person the test makes is not).
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import { Client, contentDir, repoRoot, shidoBin, uniqueSuffix } from './server.mjs';

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

export function base32Decode(text) {
  let bits = 0, value = 0;
  const out = [];
  for (const ch of text.replace(/=+$/, '').toUpperCase()) {
    const index = BASE32.indexOf(ch);
    if (index < 0) throw new Error(`not base32: ${text}`);
    value = (value << 5) | index;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

// The time step of `seconds` (Unix time).
export const stepAt = (seconds = Date.now() / 1000) => Math.floor(seconds / 30);

// The code of time step `step` for a secret given as raw bytes (Buffer) or base32.
export function totpAt(secret, step, digits = 6) {
  const key = Buffer.isBuffer(secret) ? secret : base32Decode(secret);
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(step));
  const mac = crypto.createHmac('sha1', key).update(counter).digest();
  const offset = mac[mac.length - 1] & 0x0f;
  const number = ((mac[offset] & 0x7f) << 24) | (mac[offset + 1] << 16) | (mac[offset + 2] << 8) | mac[offset + 3];
  return String(number % 10 ** digits).padStart(digits, '0');
}

// A new account made with `shido user add` on the server's database (the password goes in on
// standard input). role: secretariat | expert | company (then companyId, companyRole).
export async function addUser(server, { role, name = '二要素 テスト', companyId, companyRole, password = 'second-factor-pass-1' }) {
  const email = `tf-${role}-${uniqueSuffix()}@example.jp`;
  const args = ['user', 'add', '--db', server.dbUrl, '--content', contentDir, '--email', email, '--name', name, '--role', role];
  if (companyId) args.push('--company-id', String(companyId), '--company-role', companyRole ?? 'manager');
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('SHIDO_')));
  const output = await new Promise((resolve, reject) => {
    const child = spawn(shidoBin, args, { cwd: repoRoot, env, stdio: ['pipe', 'pipe', 'pipe'] });
    let text = '';
    child.stdout.on('data', (d) => { text += d; });
    child.stderr.on('data', (d) => { text += d; });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(text) : reject(new Error(`shido user add: ${code}\n${text}`))));
    child.stdin.end(`${password}\n`);
  });
  const id = Number(/user created: id (\d+)/.exec(output)?.[1]);
  assert.ok(id > 0, output);
  return { id, email, password, role };
}

// Logs `user` in with the password only (asserts the session, not a challenge).
export async function signIn(server, user) {
  const c = new Client(server.baseUrl);
  const res = await c.login(user.email, user.password);
  assert.equal(res.status, 200, res.text);
  assert.ok(res.data.csrf_token, `expected a session: ${res.text}`);
  return c;
}

// Enrols the signed-in client's second factor: {secret, recoveryCodes, step} (the step whose
// code confirmed it: the next code to use is the one of step + 1).
export async function enrol(client) {
  const started = await client.post('/api/v1/me/two-factor/enrolment');
  assert.equal(started.status, 200, started.text);
  const step = stepAt();
  const confirmed = await client.post('/api/v1/me/two-factor/confirm', { code: totpAt(started.data.secret, step) });
  assert.equal(confirmed.status, 200, confirmed.text);
  return { secret: started.data.secret, recoveryCodes: confirmed.data.recovery_codes, step, enrolment: started.data };
}

// Both steps of a login with a second factor; answer: {code} or {recovery_code}. Returns the
// client (signed in when the second step succeeded) and both responses.
export async function signInWithSecondFactor(server, user, answer) {
  const c = new Client(server.baseUrl);
  const first = await c.post('/api/v1/auth/login', { email: user.email, password: user.password });
  assert.equal(first.status, 200, first.text);
  assert.equal(first.data.second_factor_required, true, first.text);
  const second = await c.post('/api/v1/auth/login/second-factor', { challenge: first.data.challenge, ...answer });
  if (second.status === 200) {
    c.csrf = second.data.csrf_token;
    c.user = second.data.user;
  }
  return { client: c, first, second };
}
