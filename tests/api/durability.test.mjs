// What the server acknowledged survives `kill -9`: SQLite in WAL mode with synchronous=NORMAL
// loses nothing committed when the process dies (only an OS crash could drop the last commits).
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { Client, DEMO, DEMO_PASSWORD, contentDir, repoRoot, runShido, shidoBin } from './server.mjs';

const onPostgres = Boolean(process.env.SHIDO_TEST_DB_URL);

function freePort() {
  return new Promise((resolve) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
  });
}

async function serve(dbUrl, dir) {
  const port = await freePort();
  const child = spawn(shidoBin, ['serve', '--db', dbUrl, '--port', String(port), '--static', dir,
                                 '--content', contentDir, '--log-level', 'warn'], { cwd: repoRoot, stdio: 'ignore' });
  const exited = new Promise((resolve) => child.on('exit', resolve));
  const baseUrl = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 200; ++i) {
    try { if ((await fetch(`${baseUrl}/healthz`)).status === 200) return { child, exited, baseUrl }; } catch { /* starting */ }
    await new Promise((r) => setTimeout(r, 50));
  }
  child.kill('SIGKILL');
  throw new Error('server did not start');
}

test('a company created just before kill -9 is there after the restart', { skip: onPostgres && 'SQLite only: PostgreSQL durability is the server\'s own' }, async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'shido-durable-'));
  const dbUrl = `sqlite:${path.join(dir, 'd.db')}`;
  try {
    await runShido(['demo', '--db', dbUrl, '--content', contentDir]);
    const first = await serve(dbUrl, dir);
    const client = new Client(first.baseUrl);
    assert.equal((await client.login(DEMO.secretariat, DEMO_PASSWORD)).status, 200);
    const names = [];
    for (let i = 0; i < 20; ++i) {
      names.push(`耐久テスト株式会社${i}`);
      const res = await client.post('/api/v1/companies', { name: names[i] });
      assert.equal(res.status, 201);
    }
    first.child.kill('SIGKILL');
    await first.exited;

    const second = await serve(dbUrl, dir);
    try {
      const again = new Client(second.baseUrl);
      assert.equal((await again.login(DEMO.secretariat, DEMO_PASSWORD)).status, 200);
      const list = await again.get('/api/v1/companies');
      const stored = list.data.items.map((c) => c.name);
      for (const name of names) assert.ok(stored.includes(name), `${name} was lost`);
    } finally {
      second.child.kill('SIGTERM');
      await second.exited;
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
