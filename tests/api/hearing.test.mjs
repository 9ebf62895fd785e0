// 【様式1】ヒアリングシート over HTTP on the demo's maker engagement: the expert prepares and
// fills items one field at a time, marks answers unclear, adds an item; the owner reads but
// does not write; the secretariat reads nothing before submission and then only the submitted
// copy; the exports open in LibreOffice with the Japanese text and a neutralised formula, and
// the PDFs embed their fonts.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { convertWithLibreOffice, pdfFonts, pdfText, readXlsx } from './office.mjs';
import { conformingClient } from './openapi-schema.mjs';
import { DEMO, MAKER, assertError, openapiDocument, startServer } from './server.mjs';

let server, jimu, expert1, expert2, owner1, engagement;
const at = (p) => `/api/v1/engagements/${engagement.id}/hearing${p}`;
const FORMULA = '=HYPERLINK("http://evil.example","click")';

// The file's bytes (the JSON client keeps text only), checked against the documented type.
async function download(client, p) {
  const res = await fetch(server.baseUrl + p, { headers: { cookie: `shido_session=${client.cookie}` } });
  const bytes = Buffer.from(await res.arrayBuffer());
  return { status: res.status, type: res.headers.get('content-type'), disposition: res.headers.get('content-disposition'), bytes };
}

function itemOf(sheet, key) {
  for (const s of sheet.sections) for (const i of s.items) if (i.key === key) return i;
  return undefined;
}

before(async () => {
  server = await startServer();
  const doc = await openapiDocument();
  const login = async (email) => conformingClient(doc, await server.login(email));
  jimu = await login(DEMO.secretariat);
  expert1 = await login(DEMO.expert1);
  expert2 = await login(DEMO.expert2);
  owner1 = await login(DEMO.owner1);
  engagement = (await jimu.get('/api/v1/engagements?limit=200')).data.items.find((e) => e.company_name === MAKER);
  assert.ok(engagement, 'demo maker engagement');
});
after(() => server?.stop());

test('a fresh sheet is the 様式1 template; hints are the expert\'s only', async () => {
  const res = await expert1.get(at(''));
  assert.equal(res.status, 200, res.text);
  assert.equal(res.data.sheet.title, '【様式1】ヒアリングシート');
  assert.equal(res.data.sheet.result_header, 'ヒアリング結果（今回の指導で考慮すべき点）');
  assert.equal(res.data.sections.length, 7);
  assert.equal(res.data.status.state, 'not_started');
  assert.ok(res.data.guidance.length > 0);
  const owner = await owner1.get(at(''));
  assert.equal(owner.status, 200);
  assert.deepEqual(owner.data.guidance, []);
  assert.ok(owner.data.sections.every((s) => s.hint === '' && s.items.every((i) => i.hint === '')));
  assertError(await jimu.get(at('')), 403, 'forbidden');
  assertError(await expert2.get(at('')), 403, 'forbidden');
  assertError(await jimu.get(at('/submitted')), 409, 'conflict');
  assertError(await jimu.get(at('/submitted.xlsx')), 409, 'conflict');
});

test('each field saves on its own; a stale version is a 409 and changes nothing', async () => {
  const prep = await expert1.patch(at('/items/5.3'), { preparation: 'Web サイトにクラウド受発注の記載', version: 0 });
  assert.equal(prep.status, 200, prep.text);
  assert.equal(prep.data.version, 1);
  const result = await expert1.patch(at('/items/5.3'), { result: FORMULA, version: 1 });
  assert.equal(result.status, 200, result.text);
  assert.equal(result.data.preparation, 'Web サイトにクラウド受発注の記載');
  assert.equal(result.data.result, FORMULA);
  assertError(await expert1.patch(at('/items/5.3'), { result: '古い画面から', version: 1 }), 409, 'conflict');
  assert.equal(itemOf((await owner1.get(at(''))).data, '5.3').result, FORMULA);
  assertError(await expert1.patch(at('/items/5.3'), { result: 'x', version: 2, colour: 'red' }), 422, 'validation', { fields: ['colour'] });
  assertError(await expert1.patch(at('/items/5.3'), { unclear: 'yes', version: 2 }), 422, 'validation', { fields: ['unclear'] });
  assertError(await expert1.patch(at('/items/9.9'), { result: 'x', version: 0 }), 404, 'not_found');
  assertError(await owner1.patch(at('/items/5.3'), { result: '経営者の書き込み', version: 2 }), 403, 'forbidden');
  const sheet = (await expert1.get(at(''))).data;
  assert.equal(sheet.status.state, 'draft');
});

test('the expert adds an item under a section and may delete only added items', async () => {
  const added = await expert1.post(at('/items'), { section_no: 5, label: '工場の制御系ネットワーク' });
  assert.equal(added.status, 201, added.text);
  assert.match(added.data.key, /^x\d+$/);
  assert.equal(added.data.added, true);
  const sections = (await expert1.get(at(''))).data.sections;
  assert.equal(sections[4].items.at(-1).key, added.data.key);
  assertError(await expert1.post(at('/items'), { section_no: 8, label: 'x' }), 422, 'validation', { fields: ['section_no'] });
  assertError(await expert1.request('DELETE', at('/items/5.1?version=1')), 409, 'conflict');
  const extra = await expert1.post(at('/items'), { section_no: 1, label: '消す項目' });
  const deleted = await expert1.request('DELETE', at(`/items/${extra.data.key}?version=1`));
  assert.equal(deleted.status, 200, deleted.text);
  assert.equal(itemOf((await expert1.get(at(''))).data, extra.data.key), undefined);
});

test('two unclear answers come back at session 2 and are resolved there with a note', async () => {
  for (const [key, result] of [['5.9', 'バックアップは取っているらしい'], ['7.2', '連絡網はあるが最新か不明']]) {
    const res = await expert1.patch(at(`/items/${key}`), { result, unclear: true, version: 0 });
    assert.equal(res.status, 200, res.text);
    assert.equal(res.data.unclear, true);
    assert.equal(res.data.unclear_by_name, expert1.user.name);
  }
  const list = await owner1.get(at('/unclear'));
  assert.equal(list.status, 200, list.text);
  assert.equal(list.data.review_at_session, 2);
  assert.deepEqual(list.data.items.map((i) => i.key), ['5.9', '7.2']);
  const resolved = await expert1.post(at('/items/5.9/resolve'), { note: '外付けディスクに週1回', version: 1 });
  assert.equal(resolved.status, 200, resolved.text);
  assert.equal(resolved.data.unclear, false);
  assert.match(resolved.data.result, /^バックアップは取っているらしい\n【第2回で確認 \d{4}-\d{2}-\d{2}】外付けディスクに週1回$/);
  assertError(await expert1.post(at('/items/5.9/resolve'), { note: 'again', version: 2 }), 409, 'conflict');
  assert.deepEqual((await expert1.get(at('/unclear'))).data.items.map((i) => i.key), ['7.2']);
});

test('the exports open in LibreOffice with the Japanese text and the formula neutralised', async () => {
  const xlsx = await download(expert1, `/api/v1/engagements/${engagement.id}/hearing.xlsx`);
  assert.equal(xlsx.status, 200);
  assert.equal(xlsx.type, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  assert.match(xlsx.disposition, /filename\*=UTF-8''/);
  assert.ok(decodeURIComponent(xlsx.disposition.split("''")[1]).startsWith(`ヒアリングシート_${MAKER}`));
  const book = await readXlsx(xlsx.bytes);
  const rows = book['ヒアリングシート'].rows;
  assert.equal(rows[0][0], '【様式1】ヒアリングシート');
  const row53 = rows.find((r) => String(r[1]).startsWith('5.3 '));
  assert.equal(row53[3], `'${FORMULA}`, 'a formula stays text');
  const converted = await pdfText(await convertWithLibreOffice(xlsx.bytes, 'xlsx'));
  const flat = converted.replace(/\s+/g, '');
  for (const text of ['【様式1】ヒアリングシート', MAKER, 'ヒアリング結果（今回の指導で考慮すべき点）', 'Webサイトにクラウド受発注の記載', '連絡網はあるが最新か不明'])
    assert.ok(flat.includes(text.replace(/\s+/g, '')), `LibreOffice shows ${text}`);

  const pdf = await download(owner1, `/api/v1/engagements/${engagement.id}/hearing.pdf`);
  assert.equal(pdf.status, 200);
  assert.equal(pdf.type, 'application/pdf');
  const text = (await pdfText(pdf.bytes)).replace(/\s+/g, '');
  assert.ok(text.includes('【様式1】ヒアリングシート') && text.includes('バックアップは取っているらしい'));
  const fonts = await pdfFonts(pdf.bytes);
  assert.ok(fonts.length > 0 && fonts.every((f) => f.embedded), JSON.stringify(fonts));
  assert.ok(fonts.some((f) => f.name.includes('IPAex')), JSON.stringify(fonts));
});

test('submitted: the secretariat reads the frozen copy, not later edits', async () => {
  assertError(await owner1.post(at('/submit'), {}), 403, 'forbidden');
  const submitted = await expert1.post(at('/submit'), {});
  assert.equal(submitted.status, 200, submitted.text);
  assert.equal(submitted.data.changed_since_submission, false);
  const later = await expert1.patch(at('/items/1'), { result: '提出後の追記', version: 0 });
  assert.equal(later.status, 200, later.text);

  const copy = await jimu.get(at('/submitted'));
  assert.equal(copy.status, 200, copy.text);
  const first = copy.data.sections[0].items[0];
  assert.equal(first.result, '', 'written after submission: not in the copy');
  assertError(await jimu.get(at('')), 403, 'forbidden');
  assertError(await jimu.get(at('.xlsx')), 403, 'forbidden');
  const sheet = (await expert1.get(at(''))).data;
  assert.equal(sheet.status.state, 'submitted');
  assert.ok(sheet.status.submitted_at);

  const xlsx = await download(jimu, `/api/v1/engagements/${engagement.id}/hearing/submitted.xlsx`);
  assert.equal(xlsx.status, 200);
  const rows = (await readXlsx(xlsx.bytes))['ヒアリングシート'].rows;
  assert.ok(String(rows[1][0]).includes('（提出された版）'));
  assert.ok(!rows.some((r) => r[3] === '提出後の追記'));
  const pdf = await download(jimu, `/api/v1/engagements/${engagement.id}/hearing/submitted.pdf`);
  assert.equal(pdf.status, 200);
  assert.ok((await pdfFonts(pdf.bytes)).every((f) => f.embedded));
  // The owner sees who outside the company read the submitted copy.
  const reads = await owner1.get(`/api/v1/engagements/${engagement.id}/record-reads`);
  assert.equal(reads.status, 200, reads.text);
  assert.ok(reads.data.items.some((r) => r.path.endsWith('/hearing/submitted') && r.reader_role === 'secretariat'), reads.text.slice(0, 400));
});
