// The two-factor secrets sealed at rest (`--secret-key-file`): the key file is made on first
// start, readable by the server's user only; secrets enrolled before the key are sealed when a
// server starts with it; a server without the key cannot check codes and says so; a key file
// that holds no key stops the server at start.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { promisify } from 'node:util';
import { assertError, freshDatabase, runShido, startServer } from './server.mjs';
import { addUser, enrol, signIn, signInWithSecondFactor, stepAt, totpAt } from './second_factor.mjs';

const run = promisify(execFile);
let dir, database, keyFile;
// Servers one after another on one database (each stop() would drop its database: not this one).
const shared = () => ({ url: database.url, drop: async () => {} });

// The stored value of a user's secret, when the engine is SQLite (read as an operator would).
async function storedSecret(userId) {
  if (!database.url.startsWith('sqlite:')) return null;
  const file = database.url.slice('sqlite:'.length);
  const { stdout } = await run('/usr/bin/python3', ['-c',
    'import sqlite3, sys; print(sqlite3.connect(sys.argv[1]).execute("SELECT secret FROM two_factor_secrets WHERE user_id = ?", (int(sys.argv[2]),)).fetchone()[0])',
    file, String(userId)]);
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
  const before = await storedSecret(user.id);
  if (before !== null) assert.equal(before, secret);

  const keyed = await startServer({ database: shared(), serveArgs: ['--secret-key-file', keyFile] });
  try {
    assert.equal((await stat(keyFile)).mode & 0o777, 0o600);
    const sealed = await storedSecret(user.id);
    if (sealed !== null) {
      assert.match(sealed, /^s1:[0-9a-f]+$/);
      assert.ok(!sealed.includes(secret));
    }
    const { second } = await signInWithSecondFactor(keyed, user, { code: totpAt(secret, Math.max(step + 1, stepAt())) });
    assert.equal(second.status, 200, second.text);
  } finally {
    await keyed.stop();
  }

  // Without the key nobody's code can be checked: an error that says so, not "wrong code".
  const keyless = await startServer({ database: shared() });
  try {
    const { second } = await signInWithSecondFactor(keyless, user, { code: totpAt(secret, stepAt()) });
    assertError(second, 500, 'internal');
    assert.match(second.data.error.message, /二要素認証の設定を読み取れません/);
  } finally {
    await keyless.stop();
  }
});

test('a key file that holds no key stops the server at start, naming the file', async () => {
  const bad = path.join(dir, 'bad.key');
  await writeFile(bad, 'not a key\n');
  await assert.rejects(
    runShido(['serve', '--db', database.url, '--port', '1', '--secret-key-file', bad]),
    (err) => err.message.includes('bad.key') && /64 hexadecimal/.test(err.message));
});
