// Session planning over HTTP: proposals from a start date, warnings for given dates, and the
// one rule that blocks saving (dates out of order), as the people who may plan see them.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { DEMO, MAKER, assertError, startServer } from './server.mjs';

let server, expert1, owner1, engagement;

before(async () => {
  server = await startServer();
  expert1 = await server.login(DEMO.expert1);
  owner1 = await server.login(DEMO.owner1);
  engagement = (await expert1.get('/api/v1/engagements')).data.items.find((e) => e.company_name === MAKER);
});
after(() => server?.stop());

const path = (what) => `/api/v1/engagements/${engagement.id}/plan/${what}`;

test('a proposal from a start date gives every session a working day and stores nothing', async () => {
  const res = await expert1.post(path('proposal'), { start_date: '2027-01-04' });
  assert.equal(res.status, 200, res.text);
  assert.deepEqual(res.data.sessions.map((s) => s.planned_date), ['2027-01-12', '2027-01-26', '2027-02-09', '2027-02-22']);
  assert.deepEqual(res.data.sessions.map((s) => s.title), ['第1回', '第2回', '第3回', '第4回']);
  assert.deepEqual(res.data.warnings, []);
  assert.equal(res.data.problem, null);
  const stored = (await expert1.get(`/api/v1/engagements/${engagement.id}`)).data;
  assert.deepEqual(stored.sessions, engagement.sessions);
});

test('given dates get the course\'s warnings in Japanese; order is the blocking problem', async () => {
  const res = await expert1.post(path('check'), {
    sessions: [{ no: 1, planned_date: '2027-01-09' }, { no: 2, planned_date: '2027-01-11' }, { no: 3, planned_date: '2027-03-01' }, { no: 4, planned_date: null }],
  });
  assert.equal(res.status, 200, res.text);
  const kinds = res.data.warnings.map((w) => `${w.kind}:${w.session_no}`);
  for (const expected of ['weekend:1', 'holiday:2', 'short_preparation:2', 'long_preparation:3', 'course_too_long:3'])
    assert.ok(kinds.includes(expected), `${expected} missing from ${kinds}`);
  assert.ok(res.data.warnings.find((w) => w.kind === 'holiday').message.includes('成人の日'));
  assert.equal(res.data.problem, null);

  const backwards = await expert1.post(path('check'), { sessions: [{ no: 1, planned_date: '2027-01-12' }, { no: 2, planned_date: '2027-01-05' }] });
  assert.equal(backwards.data.problem, '第2回は第1回より後の日付にしてください。');
  assert.ok(!backwards.data.warnings.some((w) => w.kind === 'short_preparation'), 'no negative gap is reported');
});

test('saving dates out of order is refused with the same message and changes nothing', async () => {
  const current = (await expert1.get(`/api/v1/engagements/${engagement.id}`)).data;
  const res = await expert1.patch(`/api/v1/engagements/${engagement.id}`, {
    version: current.version, sessions: [{ no: 3, planned_date: '2026-12-01' }],
  });
  const error = assertError(res, 422, 'validation', { fields: ['sessions'] });
  // The demo plans 第2回 on 17 December: 第3回 on the 1st would come before it.
  assert.equal(error.fields.sessions, '第3回は第2回より後の日付にしてください。');
  assert.deepEqual((await expert1.get(`/api/v1/engagements/${engagement.id}`)).data, current);
});

test('bad input is a structured error; the company cannot plan', async () => {
  assertError(await expert1.post(path('proposal'), { start_date: '2027-02-30' }), 422, 'validation', { fields: ['start_date'] });
  assertError(await expert1.post(path('proposal'), {}), 422, 'validation', { fields: ['start_date'] });
  assertError(await expert1.post(path('check'), { sessions: [{ no: 5, planned_date: '2027-01-05' }] }), 422, 'validation', { fields: ['sessions.5'] });
  assertError(await expert1.post(path('check'), { sessions: 'soon' }), 422, 'validation', { fields: ['sessions'] });
  assert.equal((await owner1.post(path('proposal'), { start_date: '2027-01-04' })).status, 403);
});

test('a session is planned with times, mode and place; absent fields are kept, null clears', async () => {
  const url = `/api/v1/engagements/${engagement.id}`;
  let current = (await expert1.get(url)).data;
  assert.equal(current.course_id, 'standard-4');
  assert.equal(current.sessions.length, 4);
  const web = await expert1.patch(url, { version: current.version, sessions: [{ no: 4, start_time: '13:30', end_time: '16:30', mode: 'web', meeting_tool: 'Teams', meeting_url: 'https://meet.example.jp/x' }] });
  assert.equal(web.status, 200, web.text);
  assert.deepEqual(web.data.sessions[3], { ...current.sessions[3], start_time: '13:30', end_time: '16:30', mode: 'web', meeting_tool: 'Teams', meeting_url: 'https://meet.example.jp/x', place: null });
  const visit = await expert1.patch(url, { version: web.data.version, sessions: [{ no: 4, mode: 'visit', meeting_url: null, meeting_tool: '', place: '本社会議室' }] });
  assert.equal(visit.status, 200, visit.text);
  assert.equal(visit.data.sessions[3].planned_date, current.sessions[3].planned_date);
  assert.equal(visit.data.sessions[3].start_time, '13:30');
  assert.equal(visit.data.sessions[3].meeting_url, null);
  assert.equal(visit.data.sessions[3].meeting_tool, null);
  assert.equal(visit.data.sessions[3].place, '本社会議室');
  current = visit.data;

  const bad = await expert1.patch(url, { version: current.version, sessions: [{ no: 4, start_time: '16:30', end_time: '09:00', mode: 'phone', meeting_url: 'javascript:alert(1)' }, { no: 5, planned_date: '2027-05-01' }] });
  assertError(bad, 422, 'validation', { fields: ['sessions.4.end_time', 'sessions.4.mode', 'sessions.4.meeting_url', 'sessions.5'] });
  assertError(await expert1.patch(url, { version: current.version, sessions: [{ no: 4, colour: 'red' }] }), 422, 'validation', { fields: ['sessions.4'] });
  assert.deepEqual((await expert1.get(url)).data, current);
});
