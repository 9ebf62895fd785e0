// Calendars: a session's .ics and the private subscription feed, fetched from a real server and
// parsed with a real iCalendar parser (Debian's python3-icalendar, via tests/support/inspect_ics.py).
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { CARRIER, DEMO, MAKER, assertError, repoRoot, startServer } from './server.mjs';

const INSPECT = path.join(repoRoot, 'tests', 'support', 'inspect_ics.py');

// The calendar as python3-icalendar reads it: {name, timezones, events: [{uid, summary, dtstart…}]}.
function parseIcs(text) {
  return new Promise((resolve, reject) => {
    const child = spawn('/usr/bin/python3', [INSPECT], { stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '', err = '';
    child.stdout.on('data', (d) => { out += d; });
    child.stderr.on('data', (d) => { err += d; });
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) reject(new Error(`inspect_ics.py failed (${code}; apt-get install -y python3-icalendar):\n${err}\n${text.slice(0, 500)}`));
      else resolve(JSON.parse(out));
    });
    child.stdin.end(text);
  });
}

const uid = (engagementId, no) => `engagement-${engagementId}-session-${no}@shido`;

describe('calendars', () => {
  let server, jimu, expert1, expert2, owner2, maker, carrier;

  const engagementOf = async (company) =>
    (await jimu.get('/api/v1/engagements?limit=200')).data.items.find((e) => e.company_name === company);

  const sessionIcs = (client, e, no) => client.get(`/api/v1/engagements/${e.id}/sessions/${no}/calendar.ics`);

  // Issues (or rotates) the client's feed and returns the path of its URL.
  async function issueFeed(client) {
    const res = await client.post('/api/v1/me/calendar-feed', {});
    assert.equal(res.status, 201, res.text);
    assert.match(res.data.url, /^http:\/\/127\.0\.0\.1:\d+\/api\/v1\/calendar-feeds\/[A-Za-z0-9_-]{43}\/calendar\.ics$/);
    return new URL(res.data.url).pathname;
  }

  async function poll(feedPath) {
    const res = await server.client().get(feedPath);  // no session: the token is the credential
    assert.equal(res.status, 200, res.text);
    assert.equal(res.headers.get('content-type'), 'text/calendar; charset=utf-8');
    return parseIcs(res.text);
  }

  async function assertFeedGone(feedPath) {
    const res = await server.client().get(feedPath);
    const error = assertError(res, 404, 'not_found');
    assert.match(error.message, /購読URL/);
    assert.doesNotMatch(res.text, /BEGIN:VCALENDAR|専門家|@demo\.shido\.jp/, 'nothing of the feed or its owner leaks');
  }

  before(async () => {
    server = await startServer();
    [jimu, expert1, expert2, owner2] = await Promise.all(
      [DEMO.secretariat, DEMO.expert1, DEMO.expert2, DEMO.owner2].map((email) => server.login(email)));
    maker = await engagementOf(MAKER);
    carrier = await engagementOf(CARRIER);
  });
  after(() => server?.stop());

  test('a session .ics: Tokyo time, summary, location, escaped text, stable UID, SEQUENCE from the version', async () => {
    const update = await expert1.patch(`/api/v1/engagements/${maker.id}`, {
      version: maker.version,
      sessions: [{ no: 1, start_time: '10:00', end_time: '12:00', mode: 'web', meeting_tool: 'Teams, 社外; 共有',
        meeting_url: 'https://teams.example.com/l/meetup?id=a,b;c' }],
    });
    assert.equal(update.status, 200, update.text);
    maker = update.data;

    const res = await sessionIcs(expert1, maker, 1);
    assert.equal(res.status, 200, res.text);
    assert.equal(res.headers.get('content-type'), 'text/calendar; charset=utf-8');
    const disposition = res.headers.get('content-disposition');
    assert.match(disposition, /^attachment;/);
    assert.equal(decodeURIComponent(disposition.split("filename*=UTF-8''")[1]), `${MAKER}_第1回_2026-12-03.ics`);
    const cal = await parseIcs(res.text);
    assert.equal(cal.version, '2.0');
    assert.deepEqual(cal.timezones.map((z) => z.tzid), ['Asia/Tokyo']);
    for (const rule of cal.timezones[0].rules) assert.deepEqual([rule.from, rule.to], [32400, 32400]);
    assert.equal(cal.events.length, 1);
    const [ev] = cal.events;
    assert.equal(ev.uid, uid(maker.id, 1));
    assert.equal(ev.summary, `第1回 指導: ${MAKER}`);
    assert.equal(ev.dtstart.tzid, 'Asia/Tokyo');
    assert.equal(ev.dtstart.iso, '2026-12-03T10:00:00+09:00');
    assert.equal(ev.dtend.iso, '2026-12-03T12:00:00+09:00');
    assert.equal(ev.location, 'Web会議（Teams, 社外; 共有）', 'commas and semicolons survive escaping');
    assert.equal(ev.url, 'https://teams.example.com/l/meetup?id=a,b;c');
    assert.match(ev.description, /^テーマ: 事業と情報システムの把握/);
    assert.match(ev.description, /\n会議URL: https:\/\/teams\.example\.com\/l\/meetup\?id=a,b;c\n/);
    assert.match(ev.description, new RegExp(`指導案件: http://127\\.0\\.0\\.1:\\d+/engagements/${maker.id}$`));
    assert.equal(ev.sequence, maker.version);
    assert.equal(ev.status, 'CONFIRMED');

    // Changed again: the same UID with a higher SEQUENCE, so calendar programs replace the event.
    const moved = await jimu.patch(`/api/v1/engagements/${maker.id}`, { version: maker.version, sessions: [{ no: 1, start_time: null }] });
    assert.equal(moved.status, 200, moved.text);
    maker = moved.data;
    const again = (await parseIcs((await sessionIcs(expert1, maker, 1)).text)).events[0];
    assert.equal(again.uid, ev.uid);
    assert.ok(again.sequence > ev.sequence);
    assert.equal(again.dtstart.is_date, true, 'a date without a start time is an all-day event');
    assert.equal(again.dtstart.iso, '2026-12-03');
    assert.equal(again.dtend.iso, '2026-12-04');
  });

  test('a session .ics: undated or unknown sessions and other engagements are refused with the error body', async () => {
    assert.match(assertError(await sessionIcs(jimu, carrier, 2), 404, 'not_found').message, /日程/);
    assertError(await sessionIcs(jimu, carrier, 5), 404, 'not_found');
    const foreign = await sessionIcs(expert1, carrier, 1);
    assert.ok([403, 404].includes(foreign.status), foreign.text);
    assert.doesNotMatch(foreign.text, /BEGIN:VCALENDAR/);
    assertError(await server.client().get(`/api/v1/engagements/${maker.id}/sessions/1/calendar.ics`), 401, 'unauthenticated');
    const own = await sessionIcs(owner2, carrier, 1);
    assert.equal(own.status, 200, 'company members may add their own sessions');
    assert.equal((await parseIcs(own.text)).events[0].dtstart.iso, '2027-01-12');
  });

  test('the feed: created once, shows the visible dated sessions, follows reassignment, audited', async () => {
    const status = await expert2.get('/api/v1/me/calendar-feed');
    assert.deepEqual(status.data, { active: false, created_at: null, last_polled_at: null });
    const feedPath = await issueFeed(expert2);
    const after = (await expert2.get('/api/v1/me/calendar-feed')).data;
    assert.equal(after.active, true);
    assert.equal(after.last_polled_at, null);
    assert.ok(!('url' in after), 'the URL is shown only when issued');

    const cal = await poll(feedPath);
    assert.deepEqual(cal.events.map((e) => e.uid), [uid(carrier.id, 1)], 'only the dated session of their own engagement');
    assert.equal(cal.refresh, 'PT1H');
    assert.match(cal.name, /専門家 二郎/);
    assert.equal(cal.events[0].summary, `第1回 指導: ${CARRIER}`);
    assert.ok((await expert2.get('/api/v1/me/calendar-feed')).data.last_polled_at, 'the poll is recorded');

    // The secretariat's feed holds every engagement's dated sessions, the same UIDs as the downloads.
    const all = await poll(await issueFeed(jimu));
    const uids = all.events.map((e) => e.uid);
    for (const no of [1, 2, 3, 4]) assert.ok(uids.includes(uid(maker.id, no)), `maker session ${no}`);
    assert.ok(uids.includes(uid(carrier.id, 1)));
    assert.ok(!uids.includes(uid(carrier.id, 2)), 'sessions without a date are left out');
    for (const ev of all.events.filter((e) => !e.dtstart.is_date)) assert.equal(ev.dtstart.tzid, 'Asia/Tokyo');

    // Reassigned away: expert1 loses the maker's sessions at the next poll, expert2 gains them.
    const mine = await issueFeed(expert1);
    assert.equal((await poll(mine)).events.filter((e) => e.uid.startsWith(`engagement-${maker.id}-`)).length, 4);
    const reassigned = await jimu.patch(`/api/v1/engagements/${maker.id}`, { version: maker.version, expert_id: expert2.user.id });
    assert.equal(reassigned.status, 200, reassigned.text);
    maker = reassigned.data;
    assert.deepEqual((await poll(mine)).events, [], 'no engagement of expert1 is left');
    const theirs = (await poll(feedPath)).events.map((e) => e.uid);
    assert.ok(theirs.includes(uid(maker.id, 1)) && theirs.includes(uid(carrier.id, 1)));

    const audit = await jimu.get(`/api/v1/audit?entity=calendar_feed&entity_id=${expert2.user.id}`);
    assert.equal(audit.status, 200, audit.text);
    assert.deepEqual(audit.data.items.map((e) => e.action), ['issue_calendar_feed']);
    assert.doesNotMatch(audit.text, /token|hash/, 'the audit holds no token nor its hash');
  });

  test('the feed: rotating ends the old URL, revoking ends it, both audited; junk tokens are the same 404', async () => {
    const first = await issueFeed(owner2);
    const second = await issueFeed(owner2);
    assert.notEqual(first, second);
    await assertFeedGone(first);
    assert.equal((await poll(second)).events.length, 1);
    const revoked = await owner2.request('DELETE', '/api/v1/me/calendar-feed');
    assert.equal(revoked.status, 204, revoked.text);
    await assertFeedGone(second);
    assert.equal((await owner2.request('DELETE', '/api/v1/me/calendar-feed')).status, 204, 'revoking again changes nothing');
    assert.equal((await owner2.get('/api/v1/me/calendar-feed')).data.active, false);
    await assertFeedGone(`/api/v1/calendar-feeds/${'A'.repeat(43)}/calendar.ics`);
    assertError(await server.client().get('/api/v1/calendar-feeds/not%20a%20token/calendar.ics'), 404, 'not_found');

    const audit = await jimu.get(`/api/v1/audit?entity=calendar_feed&entity_id=${owner2.user.id}`);
    assert.deepEqual(audit.data.items.map((e) => e.action), ['revoke_calendar_feed', 'issue_calendar_feed', 'issue_calendar_feed']);
    // State-changing calls need the CSRF token like every other.
    assertError(await owner2.post('/api/v1/me/calendar-feed', {}, { csrf: false }), 403, 'csrf');
  });
});
