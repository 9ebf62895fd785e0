// アンケート over HTTP: the owner answers and submits it on the demo engagement; bad answers are
// refused naming the item and nothing is stored; only the secretariat reads the answers (the
// expert and managers get 403, the expert sees only the status); the results across engagements
// and per expert carry the means worked out by hand.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { conformingClient } from './openapi-schema.mjs';
import { CARRIER, DEMO, DEMO_NAMES, MAKER, assertError, openapiDocument, startServer } from './server.mjs';

let server, jimu, expert1, expert2, owner1, owner2, maker, carrier, form;
const at = (e, p = '') => `/api/v1/engagements/${e.id}/survey${p}`;
// Every item rated `choice`, except the keys in `skip`.
const ratings = (choice, skip = []) =>
  Object.fromEntries(form.items.filter((i) => !skip.includes(i.key)).map((i) => [i.key, choice]));

before(async () => {
  server = await startServer();
  const doc = await openapiDocument();
  const login = async (email) => conformingClient(doc, await server.login(email));
  jimu = await login(DEMO.secretariat);
  expert1 = await login(DEMO.expert1);
  expert2 = await login(DEMO.expert2);
  owner1 = await login(DEMO.owner1);
  owner2 = await login(DEMO.owner2);
  const list = (await jimu.get('/api/v1/engagements?limit=200')).data.items;
  maker = list.find((e) => e.company_name === MAKER);
  carrier = list.find((e) => e.company_name === CARRIER);
  assert.ok(maker && carrier, 'the demo engagements');
});
after(() => server?.stop());

test('the owner gets the form and an empty draft; nobody else opens it', async () => {
  const res = await owner1.get(at(maker));
  assert.equal(res.status, 200, res.text);
  form = res.data.survey;
  assert.equal(form.title, '専門家指導についての評価アンケート');
  assert.deepEqual(form.scale.map((c) => [c.key, c.label, c.value]), [
    ['5', 'とても満足', 5], ['4', '満足', 4], ['3', 'どちらともいえない', 3], ['2', 'やや不満', 2], ['1', '不満', 1]]);
  assert.ok(form.items.length >= 8);
  assert.equal(res.data.state, 'not_started');
  assert.equal(res.data.version, 0);
  assert.equal(res.data.unanswered.length, form.items.length);
  for (const client of [expert1, jimu, owner2])
    assertError(await client.get(at(maker)), 403, 'forbidden');
  assertError(await server.client().get(at(maker)), 401, 'unauthenticated');
  assertError(await expert1.put(at(maker), { ratings: {}, version: 0 }), 403, 'forbidden');
});

test('bad answers name the item; nothing is stored', async () => {
  const bad = await owner1.put(at(maker), { ratings: { ...ratings('4'), overall: '6', speed: '5' }, comments: { colour: 'x' }, version: 0 });
  assertError(bad, 422, 'validation', { fields: ['ratings.overall', 'ratings.speed', 'comments.colour'] });
  assert.match(bad.data.error.fields['ratings.overall'], /今回の指導に全体として満足している/);
  assertError(await owner1.put(at(maker), { ratings: { overall: 5 }, version: 0 }), 422, 'validation', { fields: ['ratings.overall'] });
  assertError(await owner1.put(at(maker), { ratings: {}, extra: 1, version: 0 }), 422, 'validation', { fields: ['extra'] });
  assertError(await owner1.put(at(maker), { ratings: {} }), 422, 'validation', { fields: ['version'] });
  const long = 'あ'.repeat(form.comments[0].max_chars + 1);
  assertError(await owner1.put(at(maker), { comments: { [form.comments[0].key]: long }, version: 0 }), 422, 'validation',
    { fields: [`comments.${form.comments[0].key}`] });
  assert.equal((await owner1.get(at(maker))).data.version, 0);
});

test('the owner saves a draft, cannot submit it incomplete, then submits; it is frozen', async () => {
  const draft = await owner1.put(at(maker), { ratings: ratings('5', ['overall']), comments: { good_points: '説明が丁寧でした' }, version: 0 });
  assert.equal(draft.status, 200, draft.text);
  assert.equal(draft.data.state, 'draft');
  assert.deepEqual(draft.data.unanswered, ['overall']);
  assertError(await owner1.put(at(maker), { ratings: {}, version: 0 }), 409, 'conflict');
  const incomplete = await owner1.post(at(maker, '/submit'), { version: draft.data.version });
  assertError(incomplete, 422, 'validation', { fields: ['ratings.overall'] });
  assert.match(incomplete.data.error.message, /未回答/);
  // Before submission the secretariat reads nothing, the expert never.
  assertError(await jimu.get(at(maker, '/response')), 409, 'conflict');
  const full = await owner1.put(at(maker), { ratings: { ...ratings('5'), overall: '4' }, comments: { good_points: '説明が丁寧でした' }, version: draft.data.version });
  assert.equal(full.status, 200, full.text);
  const submitted = await owner1.post(at(maker, '/submit'), { version: full.data.version });
  assert.equal(submitted.status, 200, submitted.text);
  assert.equal(submitted.data.state, 'submitted');
  assert.match(submitted.data.submitted_at, /^\d{4}-\d{2}-\d{2}T/);
  assertError(await owner1.put(at(maker), { ratings: {}, version: submitted.data.version }), 409, 'conflict');
  assertError(await owner1.post(at(maker, '/submit'), { version: submitted.data.version }), 409, 'conflict');
  const reread = await owner1.get(at(maker));
  assert.equal(reread.data.state, 'submitted');
  assert.equal(reread.data.answers.ratings.overall, '4');
});

test('the secretariat reads the submitted answers; the expert sees only the status', async () => {
  const res = await jimu.get(at(maker, '/response'));
  assert.equal(res.status, 200, res.text);
  assert.equal(res.data.answers.comments.good_points, '説明が丁寧でした');
  assert.equal(res.data.company_name, MAKER);
  for (const client of [expert1, owner1])
    assertError(await client.get(at(maker, '/response')), 403, 'forbidden');
  const docs = await expert1.get(`/api/v1/engagements/${maker.id}/documents`);
  assert.equal(docs.status, 200, docs.text);
  const survey = docs.data.items.find((i) => i.kind === 'survey');
  assert.equal(survey.state, 'submitted');
  assert.equal(survey.kind_label, 'アンケート');
  assert.ok(!JSON.stringify(docs.data).includes('説明が丁寧でした'));
  const audit = await jimu.get(`/api/v1/audit?engagement_id=${maker.id}&entity=survey_response&limit=50`);
  assert.equal(audit.status, 200, audit.text);
  const actions = audit.data.items.map((e) => e.action);
  for (const a of ['create', 'update', 'submit_survey']) assert.ok(actions.includes(a), `${a} audited`);
});

test('results across engagements and per expert, filtered by expert and period', async () => {
  const carrierDraft = await owner2.put(at(carrier), { ratings: { ...ratings('2'), overall: '3' }, version: 0 });
  assert.equal(carrierDraft.status, 200, carrierDraft.text);
  assert.equal((await owner2.post(at(carrier, '/submit'), { version: carrierDraft.data.version })).status, 200);
  const res = await jimu.get('/api/v1/survey/results');
  assert.equal(res.status, 200, res.text);
  const n = form.items.length;
  assert.equal(res.data.overall.responses, 2);
  const first = res.data.overall.items[0];
  assert.equal(first.mean, (5 + 2) / 2);
  assert.equal(first.count, 2);
  assert.deepEqual(first.distribution, [1, 0, 0, 1, 0]);
  const overall = res.data.overall.items.find((i) => i.key === 'overall');
  assert.equal(overall.mean, (4 + 3) / 2);
  const mean = (5 * (n - 1) + 4 + 2 * (n - 1) + 3) / (2 * n);
  assert.ok(Math.abs(res.data.overall.overall_mean - mean) < 1e-9);
  assert.deepEqual(res.data.experts.map((e) => [e.label, e.results.responses]), [[DEMO_NAMES.expert1, 1], [DEMO_NAMES.expert2, 1]]);
  assert.equal(res.data.industries.length, 2);
  const expertId = res.data.experts[0].expert_id;
  const one = await jimu.get(`/api/v1/survey/results?expert_id=${expertId}`);
  assert.equal(one.data.overall.responses, 1);
  assert.equal(one.data.filter.expert_id, expertId);
  const future = await jimu.get('/api/v1/survey/results?from=2099-01-01');
  assert.equal(future.data.overall.responses, 0);
  assert.equal(future.data.overall.overall_mean, null);
  assertError(await jimu.get('/api/v1/survey/results?from=2026-13-01'), 422, 'validation', { fields: ['from'] });
  for (const client of [expert1, expert2, owner1])
    assertError(await client.get('/api/v1/survey/results'), 403, 'forbidden');
});
