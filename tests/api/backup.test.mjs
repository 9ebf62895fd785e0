// `shido backup` while the server takes writes, `shido restore` into a new database, and a
// server on the restored database: what was acknowledged before the backup began is there.
// (tests/storage/backup compares every table of the two databases.)
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { DEMO, allPages, freshDatabase, runShido, startServer, uniqueSuffix } from './server.mjs';

// Creates companies four at a time until stopped; `acknowledged` holds the names answered 201.
function startWriting(client, prefix) {
  const acknowledged = [];
  let stopped = false;
  const writer = async (lane) => {
    for (let i = 0; !stopped; ++i) {
      const name = `${prefix}-${lane}-${i}`;
      const res = await client.post('/api/v1/companies', { name });
      assert.equal(res.status, 201, res.text);
      acknowledged.push(name);
    }
  };
  const lanes = Promise.all([0, 1, 2, 3].map(writer));
  return { acknowledged, stop: () => { stopped = true; return lanes; } };
}

async function companyNames(client) {
  return new Set((await allPages(client, '/api/v1/companies')).map((c) => c.name));
}

async function until(condition) {
  while (!condition()) await new Promise((r) => setTimeout(r, 20));
}

test('a backup taken under load restores into a new database that a server runs on', async () => {
  const source = await startServer();
  const dir = await mkdtemp(path.join(os.tmpdir(), 'shido-backup-'));
  const file = path.join(dir, 'nightly.backup');
  let restored;
  try {
    const admin = await source.login(DEMO.secretariat);
    const load = startWriting(admin, `バックアップ試験${uniqueSuffix()}`);
    await until(() => load.acknowledged.length >= 20);
    const beforeBackup = [...load.acknowledged];
    const { stdout } = await runShido(['backup', '--db', source.dbUrl, '--out', file]);
    const duringBackup = load.acknowledged.length;
    await until(() => load.acknowledged.length >= duringBackup + 20);
    await load.stop();
    assert.match(stdout, /backup written: .*nightly\.backup \(\d+ bytes\)/);

    const target = await freshDatabase();
    const restore = await runShido(['restore', '--in', file, '--db', target.url]);
    assert.match(restore.stdout, /restored: /);
    restored = await startServer({ database: target });
    const names = await companyNames(await restored.login(DEMO.secretariat));
    for (const name of beforeBackup) assert.ok(names.has(name), `${name} was acknowledged before the backup but is missing`);
    const now = await companyNames(admin);
    assert.ok(names.size < now.size, 'the writes after the backup are not in it');
    for (const name of names) assert.ok(now.has(name), `${name} is in the copy but not in the source`);

    // A restore never mixes two databases: the source (which has tables) is refused.
    await assert.rejects(runShido(['restore', '--in', file, '--db', source.dbUrl]), /already has tables/);
  } finally {
    await restored?.stop();
    await source.stop();
    await rm(dir, { recursive: true, force: true });
  }
});
