// Notifications and e-mail against a real mail server on loopback (aiosmtpd from Debian's
// python3-aiosmtpd, started here: smtp_server.py). Checks that each message arrives once with
// its Japanese subject decoded; that a server that is down leaves visible retry state
// (attempts, next try, last error) and the message arrives once when it is back; that a
// refusing server (451) exhausts the attempts into `failed`, a 550 fails at once, and the
// secretariat's re-queue sends it. And the in-app side: own notifications only.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DEMO, MAKER, assertError, startServer } from './server.mjs';
import { mailServer, until } from './mail.mjs';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

describe('notifications and e-mail through a real SMTP server', () => {
  let smtp, server, jimu, expert1, expert2, maker;

  // The newest outbox row to `address`, as the secretariat sees it.
  const newestTo = async (address) => (await jimu.get('/api/v1/outbox?limit=200')).data.items.find((r) => r.recipient_address === address);
  const assign = async (expert) => {
    const current = (await jimu.get(`/api/v1/engagements/${maker.id}`)).data;
    const res = await jimu.patch(`/api/v1/engagements/${maker.id}`, { version: current.version, expert_id: expert.user.id });
    assert.equal(res.status, 200, res.text);
  };
  const copiesOf = async (messageId) => (await smtp.messages()).filter((m) => m.message_id === messageId).length;

  before(async () => {
    smtp = await mailServer();
    await smtp.start();
    server = await startServer({
      serveArgs: ['--smtp-url', `smtp://127.0.0.1:${smtp.port}`, '--smtp-from', 'shido@example.jp',
        '--smtp-retry-delays', '1', '--smtp-max-attempts', '3', '--outbox-poll-ms', '100'],
    });
    [jimu, expert1, expert2] = await Promise.all([server.login(DEMO.secretariat), server.login(DEMO.expert1), server.login(DEMO.expert2)]);
    maker = (await jimu.get('/api/v1/engagements?limit=200')).data.items.find((e) => e.company_name === MAKER);
  });
  after(async () => { await server?.stop(); await smtp?.close(); });

  test('the demo assignments arrive once each, with the Japanese subject decoded', async () => {
    // (A demo session may fall on tomorrow, Japan time: its 明日の指導 mails go out as well.)
    await until('the demo messages sent', async () => (await jimu.get('/api/v1/outbox?status=queued')).data.total === 0
      && (await jimu.get('/api/v1/outbox?status=sent')).data.total >= 2);
    const messages = (await smtp.messages()).filter((m) => m.subject.startsWith('専門家の割り当て'));
    assert.equal(messages.length, 2);
    const toExpert1 = messages.find((m) => m.rcpt_tos[0] === DEMO.expert1);
    assert.ok(toExpert1, JSON.stringify(messages));
    assert.equal(toExpert1.subject, `専門家の割り当て：${MAKER}`);
    assert.equal(toExpert1.mail_from, 'shido@example.jp');
    assert.equal(toExpert1.charset, 'utf-8');
    assert.match(toExpert1.body, /担当専門家に割り当てられました/);
    assert.match(toExpert1.body, new RegExp(`${server.baseUrl}/engagements/${maker.id}`));
    const row = (await jimu.get('/api/v1/outbox?limit=200')).data.items.find((r) => r.message_id === toExpert1.message_id);
    assert.equal(row.status, 'sent');
    assert.equal(row.recipient_address, DEMO.expert1);
    assert.equal(row.attempts, 1);
    assert.equal(row.message_id, toExpert1.message_id);
  });

  test('own notifications: list, unread count, mark read; another user\'s id is 404', async () => {
    const mine = await expert1.get('/api/v1/notifications');
    assert.equal(mine.status, 200, mine.text);
    assert.ok(mine.data.items.some((n) => n.kind === 'expert_assigned' && n.kind_label === '専門家の割り当て'), mine.text);
    const theirs = (await expert2.get('/api/v1/notifications')).data.items[0];
    assertError(await expert1.post('/api/v1/notifications/read', { ids: [theirs.id] }), 404, 'not_found');
    assertError(await expert1.post('/api/v1/notifications/read', { ids: 'all' }), 422, 'validation', { fields: ['ids'] });
    assert.equal((await expert1.get('/api/v1/notifications/unread-count')).data.unread, mine.data.total);
    const read = await expert1.post('/api/v1/notifications/read', { ids: [mine.data.items[0].id] });
    assert.equal(read.status, 200, read.text);
    assert.equal(read.data.unread, mine.data.total - 1);
    const theirsUnread = (await expert2.get('/api/v1/notifications/unread-count')).data.unread;
    assert.equal(theirsUnread, (await expert2.get('/api/v1/notifications?unread=true')).data.total);
    assert.ok(theirsUnread >= 1);
    assert.equal((await expert1.post('/api/v1/notifications/read-all', {})).data.unread, 0);
    assert.equal((await server.client().get('/api/v1/notifications/unread-count')).status, 401);
    assertError(await expert1.get('/api/v1/outbox'), 403, 'forbidden');
  });

  test('server down: the retry state is visible; back up: delivered once', async () => {
    await smtp.stop();
    const unreadBefore = (await expert2.get('/api/v1/notifications/unread-count')).data.unread;
    await assign(expert2);
    const waiting = await until('a failed attempt', async () => {
      const row = await newestTo(DEMO.expert2);
      return row && row.subject.startsWith('専門家の割り当て') && row.attempts >= 1 && row.last_error ? row : null;
    });
    assert.equal(waiting.status, 'queued');
    assert.ok(waiting.next_attempt_at, JSON.stringify(waiting));
    assert.match(waiting.last_error, /connect|refused|Couldn't/i);
    assert.equal((await expert2.get('/api/v1/notifications/unread-count')).data.unread, unreadBefore + 1);
    await smtp.start();
    await until('delivery after the server is back', async () => (await jimu.get(`/api/v1/outbox?status=sent`)).data.items.some((r) => r.id === waiting.id));
    await sleep(500);  // a duplicate would arrive within the next polls
    assert.equal(await copiesOf(waiting.message_id), 1);
  });

  test('a refusing server: attempts and backoff, then failed; the secretariat re-queues it', async () => {
    await smtp.refuse('451 4.3.0 try again later');
    await assign(expert1);
    const failed = await until('failed after 3 attempts', async () => {
      const row = (await jimu.get('/api/v1/outbox?status=failed')).data.items[0];
      return row?.attempts === 3 ? row : null;
    });
    assert.match(failed.last_error, /451/);
    assert.equal(failed.next_attempt_at, null);
    assert.equal(await copiesOf(failed.message_id), 0);
    assertError(await expert1.post(`/api/v1/outbox/${failed.id}/retry`, {}), 403, 'forbidden');
    await smtp.accept();
    const requeued = await jimu.post(`/api/v1/outbox/${failed.id}/retry`, {});
    assert.equal(requeued.status, 200, requeued.text);
    assert.equal(requeued.data.attempts, 0);
    await until('sent after the re-queue', async () => (await jimu.get('/api/v1/outbox?status=sent')).data.items.some((r) => r.id === failed.id));
    assert.equal(await copiesOf(failed.message_id), 1);
    assertError(await jimu.post(`/api/v1/outbox/${failed.id}/retry`, {}), 409, 'conflict');
    const audit = await jimu.get(`/api/v1/audit?entity=outbox_message&entity_id=${failed.id}`);
    assert.equal(audit.data.total, 1);

    await smtp.refuse('550 5.1.1 no such mailbox');
    await assign(expert2);
    const refused = await until('failed at once on 550', async () => {
      const row = (await jimu.get('/api/v1/outbox?status=failed')).data.items[0];
      return row && row.id !== failed.id ? row : null;
    });
    assert.equal(refused.attempts, 1);
    assert.match(refused.last_error, /550/);
    await smtp.accept();
  });
});
