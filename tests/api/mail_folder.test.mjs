// Without a mail server (`--mail-dir`, as scripts/setup.sh serves the demo): each e-mail is an
// .eml file in the folder, so an invitation can still be followed from the message itself.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { promisify } from 'node:util';
import { DEMO, Client, runShido, startServer, uniqueSuffix } from './server.mjs';
import { linkToken, until } from './mail.mjs';
import { INVITATION_SUBJECT } from './accounts.mjs';

const run = promisify(execFile);
let folder, server, jimu;

// The message as a mail program reads it: Debian's Python decodes the headers and the body.
async function readEml(file) {
  const script = `import email, email.policy, json, sys
m = email.message_from_binary_file(open(sys.argv[1], 'rb'), policy=email.policy.default)
print(json.dumps({'to': m['To'], 'subject': m['Subject'], 'body': m.get_content()}))`;
  const { stdout } = await run('/usr/bin/python3', ['-c', script, file]);
  return JSON.parse(stdout);
}

async function messagesIn(dir) {
  const names = (await readdir(dir).catch(() => [])).filter((n) => n.endsWith('.eml'));
  return Promise.all(names.map(async (n) => ({ file: path.join(dir, n), ...(await readEml(path.join(dir, n))) })));
}

before(async () => {
  folder = path.join(await mkdtemp(path.join(os.tmpdir(), 'shido-mail-folder-')), 'mail');
  server = await startServer({ serveArgs: ['--mail-dir', folder, '--outbox-poll-ms', '100'] });
  jimu = await server.login(DEMO.secretariat);
});
after(async () => {
  await server?.stop();
  if (folder) await rm(path.dirname(folder), { recursive: true, force: true });
});

test('an invitation is written as an .eml file, readable only by the server, whose link works', async () => {
  const email = `folder-${uniqueSuffix()}@example.jp`;
  const made = await jimu.post('/api/v1/users', { email, name: 'ファイル 太郎', role: 'expert' });
  assert.equal(made.status, 201, made.text);
  const mail = await until(`the invitation to ${email} in ${folder}`, async () =>
    (await messagesIn(folder)).find((m) => m.to.includes(email) && m.subject.startsWith(INVITATION_SUBJECT)));
  assert.equal((await stat(mail.file)).mode & 0o777, 0o600);
  assert.match(mail.body, /ファイル 太郎 様/);
  // Sent means delivered to the folder: the outbox says so, and no temporary file is left.
  await until('the outbox row marked sent', async () =>
    (await jimu.get('/api/v1/outbox?limit=200')).data.items.find((r) => r.recipient_address === email && r.status === 'sent'));
  assert.deepEqual((await readdir(folder)).filter((n) => !n.endsWith('.eml')), []);

  const anonymous = new Client(server.baseUrl);
  const accepted = await anonymous.post('/api/v1/auth/invitations/accept', { token: linkToken(mail), password: 'folder-no-password' });
  assert.equal(accepted.status, 200, accepted.text);
  assert.equal(accepted.data.user.email, email);
});

test('a mail server and a mail folder together are refused at start', async () => {
  await assert.rejects(
    runShido(['serve', '--db', 'sqlite::memory:', '--mail-dir', folder, '--smtp-url', 'smtp://127.0.0.1:25']),
    (err) => /exclude each other/.test(`${err.stderr ?? ''}${err.message}`));
});
