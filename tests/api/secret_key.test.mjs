// The two-factor secrets sealed at rest (`--secret-key-file`): the key file is made on first
// start, readable by the server's user only; secrets enrolled before the key are sealed when a
// server starts with it; a server without that key, or with a key file that holds no key, does
// not start and says why.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { promisify } from 'node:util';
import { freshDatabase, runShido, startServer } from './server.mjs';
import { addUser, enrol, signIn, signInWithSecondFactor, stepAt, totpAt } from './second_factor.mjs';

const run = promisify(execFile);
let dir, database, keyFile;
// Servers one after another on one database (each stop() would drop its database: not this one).
const shared = () => ({ url: database.url, drop: async () => {} });

// The stored value of a user's secret, read as an operator would (sqlite3 or psql).
async function storedSecret(userId) {
  const sql = `SELECT secret FROM two_factor_secrets WHERE user_id = ${Number(userId)}`;
  if (database.url.startsWith('sqlite:')) {
    const { stdout } = await run('/usr/bin/python3', ['-c',
      'import sqlite3, sys; print(sqlite3.connect(sys.argv[1]).execute(sys.argv[2]).fetchone()[0])',
      database.url.slice('sqlite:'.length), sql]);
    return stdout.trim();
  }
  const { stdout } = await run('psql', [database.url, '-tAc', sql]);
  return stdout.trim();
}

before(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'shido-secret-key-'));
  keyFile = path.join(dir, 'keys', 'secret.key');
  database = await freshDatabase();
  await runShido(['demo', '--db', database.url]);
});
after(async () => {
  await database?.drop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

test('a secret enrolled without a key is sealed when a server starts with one, and codes still work', async () => {
  const plain = await startServer({ database: shared() });
  const user = await addUser(plain, { role: 'expert' });
  const { secret, step } = await enrol(await signIn(plain, user));
  await plain.stop();
  assert.equal(await storedSecret(user.id), secret);

  const keyed = await startServer({ database: shared(), serveArgs: ['--secret-key-file', keyFile] });
  try {
    assert.equal((await stat(keyFile)).mode & 0o777, 0o600);
    const sealed = await storedSecret(user.id);
    assert.match(sealed, /^s1:[0-9a-f]+$/);
    assert.ok(!sealed.includes(secret));
    const { second } = await signInWithSecondFactor(keyed, user, { code: totpAt(secret, Math.max(step + 1, stepAt())) });
    assert.equal(second.status, 200, second.text);
  } finally {
    await keyed.stop();
  }

  // A server without the key, or with another key file, would fail every second-factor login:
  // it does not start, and says why.
  await assert.rejects(runShido(['serve', '--db', database.url, '--port', '1']),
    (err) => /1 two-factor secrets are sealed: start with --secret-key-file/.test(err.message));
  await assert.rejects(runShido(['serve', '--db', database.url, '--port', '1', '--secret-key-file', path.join(dir, 'other.key')]),
    (err) => err.message.includes('other.key') && /does not open 1 two-factor secrets/.test(err.message));
});

test('a key file that holds no key stops the server at start, naming the file', async () => {
  const bad = path.join(dir, 'bad.key');
  await writeFile(bad, 'not a key\n');
  await assert.rejects(
    runShido(['serve', '--db', database.url, '--port', '1', '--secret-key-file', bad]),
    (err) => err.message.includes('bad.key') && /64 hexadecimal/.test(err.message));
});
