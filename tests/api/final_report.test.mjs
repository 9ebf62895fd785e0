// 最終報告書 over HTTP: the expert's draft from the demo engagement, who sees which copy, the
// workflow (returned once with a comment, revised, accepted, then frozen), Japanese errors
// naming the field, stale versions, and the PDF read back with poppler (text, embedded font).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { pdfFonts, pdfText } from './office.mjs';
import { conformingClient } from './openapi-schema.mjs';
import { DEMO, MAKER, assertError, openapiDocument, startServer } from './server.mjs';

let server, jimu, expert1, owner1, engagement;
const at = (p = '') => `/api/v1/engagements/${engagement.id}/final-report${p}`;

async function download(client) {
  const res = await fetch(server.baseUrl + at('/pdf'), { headers: { Cookie: `shido_session=${client.cookie}` } });
  return { status: res.status, type: res.headers.get('content-type'), disposition: res.headers.get('content-disposition'), bytes: Buffer.from(await res.arrayBuffer()) };
}

before(async () => {
  server = await startServer();
  const doc = await openapiDocument();
  const login = async (email) => conformingClient(doc, await server.login(email));
  jimu = await login(DEMO.secretariat);
  expert1 = await login(DEMO.expert1);
  owner1 = await login(DEMO.owner1);
  const list = await expert1.get('/api/v1/engagements?limit=200');
  engagement = list.data.items.find((e) => e.company_name === MAKER);
  assert.ok(engagement, 'the demo engagement of the maker');
});
after(() => server?.stop());

test('the expert starts from a draft of the engagement; the others see nothing yet', async () => {
  const view = await expert1.get(at());
  assert.equal(view.status, 200);
  assert.equal(view.data.working_copy, true);
  assert.equal(view.data.report, null);
  assert.equal(view.data.sections.length, 7);
  assert.equal(view.data.sections[6].heading, '専門家の所見・評価');
  const draft = view.data.draft;
  assert.equal(draft.facts.sessions.length, 4);
  assert.match(draft.texts.overview, /第1回/);
  assert.ok(draft.facts.diagnosis.first, 'the demo has an answered round');
  assert.equal(draft.facts.diagnosis.final, null);
  assert.match(draft.texts.diagnosis, /初回/);
  for (const other of [jimu, owner1]) {
    const seen = await other.get(at());
    assert.equal(seen.status, 200);
    assert.equal(seen.data.working_copy, false);
    assert.equal(seen.data.report, null);
    assert.equal(seen.data.draft, null);
    assertError(await other.put(at(), { version: 0, texts: { evaluation: 'x' } }), 403, 'forbidden');
  }
  assertError(await jimu.get(at('/pdf')), 409, 'conflict');
});

test('bad input is refused in Japanese naming the field, and nothing is stored', async () => {
  assertError(await expert1.put(at(), { version: 0, texts: { evaluation: 'あ'.repeat(8001) } }), 422, 'validation', { fields: ['texts.evaluation'] });
  assertError(await expert1.put(at(), { version: 0, texts: { unknown: 'x' } }), 422, 'validation', { fields: ['texts.unknown'] });
  assertError(await expert1.put(at(), { version: 0, texts: { overview: 5 } }), 422, 'validation', { fields: ['texts.overview'] });
  assertError(await expert1.put(at(), { texts: {} }), 422, 'validation', { fields: ['version'] });
  assert.equal((await expert1.get(at())).data.report, null);
});

test('returned once with a comment, revised, resubmitted, accepted, then frozen; the PDF opens', async () => {
  const { draft } = (await expert1.get(at())).data;
  const saved = await expert1.put(at(), { version: 0, texts: { ...draft.texts, evaluation: '' } });
  assert.equal(saved.status, 200);
  assert.equal(saved.data.report.state, 'draft');
  assertError(await expert1.put(at(), { version: 0, texts: draft.texts }), 409, 'conflict');
  assertError(await expert1.post(at('/submit'), { version: saved.data.report.version }), 422, 'validation', { fields: ['texts.evaluation'] });
  const written = await expert1.put(at(), { version: saved.data.report.version, texts: { ...draft.texts, evaluation: '経営者の主導で対策が進みました。' } });
  const submitted = await expert1.post(at('/submit'), { version: written.data.report.version });
  assert.equal(submitted.data.report.state, 'submitted');
  assertError(await expert1.post(at('/return'), { version: submitted.data.report.version, comment: '自分で' }), 403, 'forbidden');
  assertError(await jimu.post(at('/return'), { version: submitted.data.report.version, comment: '' }), 422, 'validation', { fields: ['comment'] });

  const seen = await jimu.get(at());
  assert.equal(seen.data.report.body, null, 'the secretariat never gets the working copy');
  assert.equal(seen.data.report.submitted.texts.evaluation, '経営者の主導で対策が進みました。');
  const returned = await jimu.post(at('/return'), { version: seen.data.report.version, comment: '継続支援の提案も書いてください。' });
  assert.equal(returned.data.report.state, 'returned');

  const mine = (await expert1.get(at())).data.report;
  assert.equal(mine.steps.at(-1).comment, '継続支援の提案も書いてください。');
  const revised = await expert1.put(at(), { version: mine.version, texts: { ...mine.body.texts, support: '来期は教育の定着を支援します。' } });
  const refreshed = await expert1.post(at('/refresh'), { version: revised.data.report.version });
  assert.equal(refreshed.data.report.body.texts.support, '来期は教育の定着を支援します。', 'a refresh keeps the expert\'s own sections');
  const again = await expert1.post(at('/submit'), { version: refreshed.data.report.version });
  assertError(await jimu.post(at('/accept'), { version: again.data.report.version - 1 }), 409, 'conflict');
  const accepted = await jimu.post(at('/accept'), { version: again.data.report.version });
  assert.equal(accepted.data.report.state, 'accepted');
  assert.deepEqual(accepted.data.report.steps.map((s) => s.to), ['submitted', 'returned', 'submitted', 'accepted']);
  const frozen = await expert1.put(at(), { version: accepted.data.report.version, texts: {} });
  assertError(frozen, 409, 'conflict');
  assert.match(frozen.data.error.message, /受理/);
  assertError(await jimu.post(at('/return'), { version: accepted.data.report.version, comment: 'やはり' }), 409, 'conflict');

  const owner = await owner1.get(at());
  assert.equal(owner.data.report.state, 'accepted');
  assert.equal(owner.data.report.submitted.texts.support, '来期は教育の定着を支援します。');

  const pdf = await download(jimu);
  assert.equal(pdf.status, 200);
  assert.equal(pdf.type, 'application/pdf');
  assert.match(pdf.disposition, /filename\*=UTF-8''/);
  const text = (await pdfText(pdf.bytes)).replace(/\s+/g, '');
  for (const expected of ['最終報告書', MAKER, '実施概要', '専門家の所見・評価', '経営者の主導で対策が進みました。', '来期は教育の定着を支援します。', '継続支援の提案も書いてください。'])
    assert.ok(text.includes(expected.replace(/\s+/g, '')), `${expected} in the PDF`);
  const fonts = await pdfFonts(pdf.bytes);
  assert.ok(fonts.some((f) => /IPAex/.test(f.name) && f.embedded), JSON.stringify(fonts));
  const documents = await jimu.get(`/api/v1/engagements/${engagement.id}/documents`);
  if (documents.status === 200) {
    const item = JSON.stringify(documents.data);
    assert.match(item, /final_report/);
  }
});
