// A mail server on loopback for the tests that read what shido sends (aiosmtpd from Debian's
// python3-aiosmtpd, run by smtp_server.py), and the serve flags that point shido at it.
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => { const { port } = srv.address(); srv.close(() => resolve(port)); });
  });
}

// The mail server: start(), stop(), messages() (the records), refuse('451 …') / accept().
export async function mailServer() {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'shido-smtp-'));
  const records = path.join(dir, 'messages.jsonl');
  const mode = path.join(dir, 'mode');
  const port = await freePort();
  let child = null;
  const server = {
    port,
    async start() {
      child = spawn('/usr/bin/python3', [path.join(here, 'smtp_server.py'), String(port), records, mode], { stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      await new Promise((resolve, reject) => {
        child.stdout.on('data', (d) => { out += d; if (out.includes('ready')) resolve(); });
        child.stderr.on('data', (d) => { out += d; });
        child.on('exit', (code) => reject(new Error(`smtp_server.py exited ${code}: ${out}`)));
      });
    },
    async stop() {
      if (!child) return;
      const exited = new Promise((r) => child.on('exit', r));
      child.kill('SIGTERM');
      await exited;
      child = null;
    },
    async messages() {
      const text = await readFile(records, 'utf8').catch(() => '');
      return text.split('\n').filter(Boolean).map((line) => JSON.parse(line));
    },
    refuse: (reply) => writeFile(mode, reply),
    accept: () => writeFile(mode, ''),
    async close() { await server.stop(); await rm(dir, { recursive: true, force: true }); },
  };
  return server;
}

export async function until(what, check, timeout = 15_000) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}


// The `shido serve` flags that send mail to `smtp` quickly (the outbox is polled every 100 ms).
export function mailServeArgs(smtp) {
  return ['--smtp-url', `smtp://127.0.0.1:${smtp.port}`, '--smtp-from', 'shido@example.jp',
    '--smtp-retry-delays', '1', '--smtp-max-attempts', '3', '--outbox-poll-ms', '100'];
}

// The newest message to `address` whose subject starts with `subject`, once it has arrived.
export async function mailTo(smtp, address, subject, { after = 0 } = {}) {
  return until(`a mail "${subject}" to ${address}`, async () => {
    const found = (await smtp.messages()).filter((m) => m.rcpt_tos?.includes(address) && m.subject.startsWith(subject));
    return found.length > after ? found[found.length - 1] : null;
  });
}

// The token of the link in a mail (…/account/setup#t=TOKEN or …/account/reset#t=TOKEN).
export function linkToken(message) {
  const m = /\/account\/(?:setup|reset)#t=([A-Za-z0-9_-]+)/.exec(message.body);
  if (!m) throw new Error(`no account link in: ${message.body}`);
  return m[1];
}
