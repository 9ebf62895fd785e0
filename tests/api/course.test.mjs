// The course as it is run, over HTTP: an engagement made and assigned by the secretariat, its
// preparation tasks, the company's confirmations, a session recorded and held, requests for
// next time, the 実施報告 through submission, return, resubmission and acceptance, its PDF,
// who read the company's records, and reassignment taking access away at once.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { conformingClient } from './openapi-schema.mjs';
import { CARRIER, DEMO, DEMO_NAMES, assertError, openapiDocument, startServer } from './server.mjs';

let server, jimu, expert1, expert2, owner2, engagement;

// Japan's calendar date, as the server means "today".
function japanDate(offsetDays = 0) {
  const t = new Date(Date.now() + 9 * 3600_000 + offsetDays * 86400_000);
  return t.toISOString().slice(0, 10);
}
const today = japanDate();

const at = (p) => `/api/v1/engagements/${engagement.id}${p}`;

before(async () => {
  server = await startServer();
  // Every answer below is also checked against openapi.json (status documented, body fits).
  const doc = await openapiDocument();
  const login = async (email) => conformingClient(doc, await server.login(email));
  jimu = await login(DEMO.secretariat);
  expert1 = await login(DEMO.expert1);
  expert2 = await login(DEMO.expert2);
  owner2 = await login(DEMO.owner2);
  const companies = (await jimu.get('/api/v1/companies?limit=200')).data.items;
  const carrier = companies.find((c) => c.name === CARRIER);
  const users = (await jimu.get('/api/v1/users?limit=200')).data.items;
  const expert = users.find((u) => u.email === DEMO.expert1);
  const created = await jimu.post('/api/v1/engagements', {
    company_id: carrier.id, expert_id: expert.id,
    sessions: [{ no: 1, planned_date: today }, { no: 2, planned_date: japanDate(14) }],
  });
  assert.equal(created.status, 201, created.text);
  engagement = created.data;
});
after(() => server?.stop());

test('the course makes each side its preparation tasks, due the day before the session', async () => {
  const res = await owner2.get(at('/tasks'));
  assert.equal(res.status, 200, res.text);
  const first = res.data.items.filter((t) => t.session_no === 1);
  assert.ok(first.some((t) => t.side === 'company' && t.title.includes('自社診断')), 'company task from the course');
  assert.ok(first.some((t) => t.side === 'expert' && t.title.includes('ヒアリングシート')), 'expert task from the course');
  for (const t of first) assert.equal(t.due_date, japanDate(-1));
  assert.ok(first.every((t) => t.overdue), 'due yesterday and open: overdue');
  assert.equal(res.data.overdue, res.data.items.filter((t) => t.overdue).length);
  assert.ok(res.data.items.filter((t) => t.session_no === 3).every((t) => t.due_date === null), 'undated session: no due date');
  // Asking again makes nothing twice.
  assert.equal((await owner2.get(at('/tasks'))).data.items.length, res.data.items.length);
});

test('each side ticks off its own tasks; the other side and the secretariat cannot', async () => {
  const tasks = (await owner2.get(at('/tasks'))).data.items;
  const companyTask = tasks.find((t) => t.side === 'company');
  const expertTask = tasks.find((t) => t.side === 'expert');
  const done = await owner2.patch(at(`/tasks/${companyTask.id}`), { done: true });
  assert.equal(done.status, 200, done.text);
  assert.equal(done.data.done, true);
  assert.equal(done.data.overdue, false);
  assert.equal(done.data.done_by_name, owner2.user.name);
  assertError(await owner2.patch(at(`/tasks/${expertTask.id}`), { done: true }), 403, 'forbidden');
  assertError(await expert1.patch(at(`/tasks/${companyTask.id}`), { done: false }), 403, 'forbidden');
  assertError(await jimu.patch(at(`/tasks/${expertTask.id}`), { done: true }), 403, 'forbidden');
  assert.equal((await expert1.patch(at(`/tasks/${expertTask.id}`), { done: true })).status, 200);
  assertError(await expert1.patch(at(`/tasks/${expertTask.id}`), { done: 'yes' }), 422, 'validation', { fields: ['done'] });
  assertError(await expert1.patch(at('/tasks/999999'), { done: true }), 404, 'not_found');
});

test('tasks can be added; the company adds only its own; bad input names the field', async () => {
  const added = await owner2.post(at('/tasks'), { session_no: 2, side: 'company', title: '会社案内を用意する' });
  assert.equal(added.status, 201, added.text);
  assert.equal(added.data.origin, 'added');
  assert.equal(added.data.due_date, japanDate(13));
  assertError(await owner2.post(at('/tasks'), { session_no: 2, side: 'expert', title: 'x' }), 422, 'validation', { fields: ['side'] });
  const bad = await expert1.post(at('/tasks'), { session_no: 9, side: 'expert', title: '', due_date: '2026-02-30' });
  assertError(bad, 422, 'validation', { fields: ['session_no', 'title', 'due_date'] });
  assertError(await expert1.post(at('/tasks'), { session_no: 1, side: 'expert', title: 'x', extra: 1 }), 422, 'validation', { fields: ['extra'] });
  assertError(await expert1.post(at('/tasks'), [1, 2]), 400, 'bad_request');
});

test('the company confirms participants and acknowledges how its information is handled', async () => {
  const empty = (await owner2.get(at('/confirmations'))).data;
  assert.equal(empty.version, 0);
  assert.deepEqual(empty.missing_kinds, ['executive', 'business_leader', 'it_person']);
  assert.ok(empty.information_handling.points.length > 0);
  const saved = await owner2.put(at('/confirmations'), {
    version: 0,
    participants: [{ name: '運輸 太郎', title: '代表取締役', kind: 'executive' }, { name: '佐藤 次郎', title: '課長', kind: 'business_leader' }],
    meeting_room: '本社 2階会議室', projector: 'あり', web_experience: 'experienced', web_tool: 'Teams', special_request: '',
  });
  assert.equal(saved.status, 200, saved.text);
  assert.deepEqual(saved.data.missing_kinds, ['it_person']);
  assert.equal(saved.data.arrangements.by_name, owner2.user.name);
  assertError(await owner2.put(at('/confirmations'), { version: 0, participants: [] }), 409, 'conflict');
  assertError(await owner2.put(at('/confirmations'), { version: saved.data.version, participants: [{ name: '', kind: 'boss' }] }), 422, 'validation', { fields: ['participants.0.name', 'participants.0.kind'] });
  const statement = saved.data.information_handling.version;
  assertError(await expert1.post(at('/confirmations/information-handling'), { statement_version: statement, version: saved.data.version }), 403, 'forbidden');
  const ack = await owner2.post(at('/confirmations/information-handling'), { statement_version: statement, version: saved.data.version });
  assert.equal(ack.status, 200, ack.text);
  assert.equal(ack.data.information_handling.acknowledged.by_name, owner2.user.name);
  assertError(await jimu.put(at('/confirmations'), { version: ack.data.version }), 403, 'forbidden');
});

test('session 1 is recorded from the course\'s timetable; the secretariat cannot read the record', async () => {
  const first = await expert1.get(at('/sessions/1/record'));
  assert.equal(first.status, 200, first.text);
  const record = first.data.record;
  assert.equal(record.version, 0);
  assert.deepEqual(record.agenda.map((a) => a.planned_minutes), [10, 60, 10, 40, 40, 10, 10]);
  assert.ok(record.attendees.some((a) => a.name === '運輸 太郎'), 'confirmed participants are the attendees');
  assert.ok(record.attendees.some((a) => a.side === 'expert' && a.name === DEMO_NAMES.expert1));
  record.agenda[1].actual_start = '13:40';
  record.agenda[1].actual_end = '14:45';
  record.agenda[1].notes = '受発注は紙とExcel。\n顧客情報は共有フォルダ。';
  const editable = (r) => ({ attendees: r.attendees, agenda: r.agenda, decisions: r.decisions, version: r.version });
  const saved = await expert1.put(at('/sessions/1/record'), { ...editable(record), decisions: '基本方針の案を次回までに作る' });
  assert.equal(saved.status, 200, saved.text);
  assert.equal(saved.data.record.version, 1);
  assertError(await expert1.put(at('/sessions/1/record'), { ...editable(record), version: 0 }), 409, 'conflict');
  assertError(await expert1.put(at('/sessions/1/record'), { ...editable(saved.data.record), updated_at: 'x' }), 422, 'validation', { fields: ['updated_at'] });
  const late = structuredClone(saved.data.record);
  late.agenda[0].actual_start = '14:00';
  late.agenda[0].actual_end = '13:00';
  assertError(await expert1.put(at('/sessions/1/record'), editable(late)), 422, 'validation', { fields: ['agenda.0.actual_end'] });
  assertError(await jimu.get(at('/sessions/1/record')), 403, 'forbidden');
  assert.equal((await owner2.get(at('/sessions/1/record'))).status, 200);
  assertError(await expert1.get(at('/sessions/9/record')), 404, 'not_found');
});

test('a session is held on a day that has come; requests become the company\'s tasks for next time', async () => {
  assertError(await expert1.put(at('/sessions/1/held'), { held_on: japanDate(1) }), 422, 'validation', { fields: ['held_on'] });
  const held = await expert1.put(at('/sessions/1/held'), { held_on: today });
  assert.equal(held.status, 200, held.text);
  assert.equal(held.data.held_on, today);
  const request = await expert1.post(at('/tasks'), { session_no: 2, side: 'company', title: 'ネットワーク構成図を提供する', requested_in: 1 });
  assert.equal(request.status, 201, request.text);
  assert.equal(request.data.origin, 'request');
  assertError(await owner2.post(at('/tasks'), { session_no: 2, side: 'company', title: 'x', requested_in: 1 }), 422, 'validation', { fields: ['requested_in'] });
  const second = (await expert1.get(at('/sessions/2/record'))).data;
  assert.equal(second.previous.decisions, '基本方針の案を次回までに作る');
  assert.deepEqual(second.open_requests.map((t) => t.title), ['ネットワーク構成図を提供する']);
  const progress = (await jimu.get(at(''))).data.sessions.map((s) => s.progress);
  assert.deepEqual(progress.slice(0, 3), ['held', 'planned', 'unplanned']);
});

test('a session not held can be moved with a reason; not into the past, not once held', async () => {
  const moved = await expert1.post(at('/sessions/2/move'), { date: japanDate(16), reason: '先方の都合' });
  assert.equal(moved.status, 200, moved.text);
  assert.equal(moved.data.sessions[1].planned_date, japanDate(16));
  const record = (await expert1.get(at('/sessions/2/record'))).data;
  assert.equal(record.moves.at(-1).reason, '先方の都合');
  assertError(await expert1.post(at('/sessions/2/move'), { date: japanDate(-3), reason: 'x' }), 422, 'validation', { fields: ['date'] });
  assertError(await expert1.post(at('/sessions/2/move'), { date: japanDate(20) }), 422, 'validation', { fields: ['reason'] });
  assertError(await expert1.post(at('/sessions/1/move'), { date: japanDate(2), reason: 'x' }), 409, 'conflict');
  const tasks = (await expert1.get(at('/tasks'))).data.items;
  assert.ok(tasks.filter((t) => t.session_no === 2 && t.origin === 'course').every((t) => t.due_date === japanDate(15)), 'course tasks follow the move');
});

test('実施報告: draft, submit, return with a comment, resubmit, accept; frozen after', async () => {
  const start = await expert1.get(at('/sessions/1/report'));
  assert.equal(start.status, 200, start.text);
  assert.equal(start.data.report, null);
  const draft = start.data.draft;
  assert.equal(draft.held_on, today);
  assert.match(draft.activities, /受発注は紙とExcel/);
  assert.match(draft.attendees, /運輸 太郎/);
  assert.match(draft.requests, /ネットワーク構成図/);
  assert.ok(draft.deliverables.some((d) => d.name === '自社診断結果のまとめ'));
  const notYet = await jimu.get(at('/sessions/1/report'));
  assert.equal(notYet.status, 200, notYet.text);
  assert.deepEqual([notYet.data.report, notYet.data.draft, notYet.data.working_copy], [null, null, false]);
  assertError(await jimu.get(at('/sessions/1/report.pdf')), 409, 'conflict');

  const saved = await expert1.put(at('/sessions/1/report'), { ...draft, include_record: true, version: 0 });
  assert.equal(saved.status, 200, saved.text);
  assert.equal(saved.data.report.state, 'draft');
  assert.equal((await jimu.get(at('/sessions/1/report'))).data.report, null, 'a draft stays the expert\'s');
  assertError(await jimu.post(at('/sessions/1/report/accept'), { version: saved.data.report.version }), 409, 'conflict');
  assertError(await owner2.post(at('/sessions/1/report/submit'), { version: saved.data.report.version }), 403, 'forbidden');

  const submitted = await expert1.post(at('/sessions/1/report/submit'), { version: saved.data.report.version });
  assert.equal(submitted.status, 200, submitted.text);
  assert.equal(submitted.data.report.state, 'submitted');
  const told = (await jimu.get('/api/v1/notifications?limit=50')).data.items;
  assert.ok(told.some((n) => n.kind === 'report_submitted' && n.engagement_id === engagement.id), 'the secretariat is told of the submission');
  const seen = (await jimu.get(at('/sessions/1/report'))).data;
  assert.equal(seen.working_copy, false);
  assert.equal(seen.report.body, null, 'the secretariat reads the submitted copy only');
  assert.match(seen.report.submitted.body.activities, /受発注/);
  assert.equal(seen.report.submitted.record.decisions, '基本方針の案を次回までに作る', 'the record came with it');
  assertError(await expert1.put(at('/sessions/1/report'), { ...draft, version: submitted.data.report.version }), 409, 'conflict');

  assertError(await jimu.post(at('/sessions/1/report/return'), { version: seen.report.version }), 422, 'validation', { fields: ['comment'] });
  assertError(await expert1.post(at('/sessions/1/report/return'), { version: seen.report.version, comment: 'x' }), 403, 'forbidden');
  const returned = await jimu.post(at('/sessions/1/report/return'), { version: seen.report.version, comment: '実施時間を追記してください。' });
  assert.equal(returned.status, 200, returned.text);
  assert.equal(returned.data.report.state, 'returned');
  const toldExpert = (await expert1.get('/api/v1/notifications?limit=50')).data.items;
  assert.ok(toldExpert.some((n) => n.kind === 'report_returned' && n.body.includes('実施時間を追記してください。')), 'the expert is told why');

  const mine = (await expert1.get(at('/sessions/1/report'))).data.report;
  assert.equal(mine.steps.at(-1).comment, '実施時間を追記してください。');
  const revised = await expert1.put(at('/sessions/1/report'), { ...mine.body, start_time: '13:30', end_time: '16:30', version: mine.version });
  assert.equal(revised.status, 200, revised.text);
  const again = await expert1.post(at('/sessions/1/report/submit'), { version: revised.data.report.version });
  assert.equal(again.data.report.state, 'submitted');
  assert.equal((await jimu.get(at('/sessions/1/report'))).data.report.submitted.body.start_time, '13:30');
  const accepted = await jimu.post(at('/sessions/1/report/accept'), { version: again.data.report.version });
  assert.equal(accepted.status, 200, accepted.text);
  assert.equal(accepted.data.report.state, 'accepted');
  assert.deepEqual(accepted.data.report.steps.map((s) => s.to), ['submitted', 'returned', 'submitted', 'accepted']);

  assertError(await expert1.put(at('/sessions/1/report'), { ...mine.body, version: accepted.data.report.version }), 409, 'conflict');
  assertError(await jimu.post(at('/sessions/1/report/return'), { version: accepted.data.report.version, comment: 'x' }), 409, 'conflict');
  assertError(await expert1.put(at('/sessions/1/held'), { held_on: null }), 409, 'conflict');
  assert.equal((await jimu.get(at(''))).data.sessions[0].progress, 'report_accepted');

  const pdf = await jimu.get(at('/sessions/1/report.pdf'));
  assert.equal(pdf.status, 200);
  assert.equal(pdf.headers.get('content-type'), 'application/pdf');
  assert.ok(pdf.text.startsWith('%PDF-'));
});

test('the owner sees who outside the company opened its records; nobody else does', async () => {
  const reads = await owner2.get(at('/record-reads'));
  assert.equal(reads.status, 200, reads.text);
  const who = new Set(reads.data.items.map((r) => `${r.reader_name}:${r.record}`));
  assert.ok(who.has(`${DEMO_NAMES.secretariat}:実施報告`), [...who].join(', '));
  assert.ok(who.has(`${DEMO_NAMES.expert1}:指導の記録`), [...who].join(', '));
  assert.ok(!reads.data.items.some((r) => r.reader_name === owner2.user.name), 'the company\'s own reads are not listed');
  assertError(await expert1.get(at('/record-reads')), 403, 'forbidden');
  assertError(await jimu.get(at('/record-reads')), 403, 'forbidden');
});

test('a reassigned expert loses access at once; the new one takes over', async () => {
  const users = (await jimu.get('/api/v1/users?limit=200')).data.items;
  const current = (await jimu.get(at(''))).data;
  const res = await jimu.patch(at(''), { version: current.version, expert_id: users.find((u) => u.email === DEMO.expert2).id });
  assert.equal(res.status, 200, res.text);
  assertError(await expert1.get(at('/sessions/1/record')), 403, 'forbidden');
  assertError(await expert1.put(at('/sessions/2/record'), { version: 0, agenda: [] }), 403, 'forbidden');
  assert.equal((await expert2.get(at('/sessions/2/record'))).status, 200);
});
