// 【様式2】関連規程類の点検結果シート over HTTP: the sheet set category by category, its summary,
// the .xlsx opened by LibreOffice (text present, the drop-down kept through a LibreOffice round
// trip), a file edited with openpyxl read back, and bad files (an unknown result, a formula, a
// renamed PDF, a zip bomb) refused with Japanese errors and nothing stored.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { convertWithLibreOffice, editWithOpenpyxl, pdfText, readXlsx, xlsxZipBomb } from './office.mjs';
import { conformingClient } from './openapi-schema.mjs';
import { DEMO, MAKER, assertError, openapiDocument, startServer } from './server.mjs';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
let server, jimu, expert1, owner1, engagement;
const at = (p = '') => `/api/v1/engagements/${engagement.id}/rules-check${p}`;

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

async function download(client) {
  const res = await fetch(`${server.baseUrl}${at('.xlsx')}`, { headers: { cookie: `shido_session=${client.cookie}` } });
  assert.equal(res.status, 200);
  assert.equal(res.headers.get('content-type'), XLSX);
  assert.match(res.headers.get('content-disposition'), /filename\*=UTF-8''/);
  return Buffer.from(await res.arrayBuffer());
}

const upload = (client, bytes, version, type = XLSX) =>
  client.request('POST', at(`/import?version=${version}`), { body: bytes, headers: { 'Content-Type': type } });

let labels;  // key → label of the four results

test('the sheet starts blank; the expert sets all 11 categories and sees the summary', async () => {
  const first = await owner1.get(at());
  assert.equal(first.status, 200, first.text);
  assert.equal(first.data.state, 'not_started');
  assert.equal(first.data.rows.length, 11);
  assert.equal(first.data.form.sheet_title, '【様式2】関連規程類の点検結果シート');
  assert.equal(first.data.rows[0].outline, '情報セキュリティ管理体制の構築や点検、情報共有などのルールを定めます。');
  assert.equal(first.data.rows[10].category_key, 'ipa-3.1/11');
  labels = Object.fromEntries(first.data.form.results.map((r) => [r.key, r.label]));
  const keys = ['new', 'revised', 'unchanged', 'not_needed'];
  let version = first.data.version;
  for (let no = 1; no <= 11; no += 1) {
    const res = await expert1.put(at(`/rows/${no}`), {
      result: keys[(no - 1) % 4], content: no === 1 ? '=1+1 の式に見える内容' : `第${no}区分の規程`,
      assignee: '総務 山田', due_date: '2027-03-31', upkeep: '年1回の研修で周知する', version,
    });
    assert.equal(res.status, 200, res.text);
    version = res.data.version;
  }
  const sheet = await expert1.get(at());
  assert.equal(sheet.data.state, 'draft');
  assert.deepEqual(sheet.data.summary.by_result, { new: 3, revised: 3, unchanged: 3, not_needed: 2 });
  assert.equal(sheet.data.summary.unset, 0);
  assert.deepEqual(sheet.data.summary.action_plan_categories, [1, 2, 5, 6, 9, 10]);
  assert.ok(sheet.data.rows[1].feeds_action_plan);
  assert.ok(!sheet.data.rows[2].feeds_action_plan);
});

test('bad rows, stale versions and the secretariat are refused; nothing changes', async () => {
  const before = (await expert1.get(at())).data;
  assertError(await expert1.put(at('/rows/1'), { result: '新規', version: before.version }), 422, 'validation', { fields: ['result'] });
  assertError(await expert1.put(at('/rows/1'), { result: 'new', colour: 'red', version: before.version }), 422, 'validation', { fields: ['colour'] });
  assertError(await expert1.put(at('/rows/1'), { result: 'new', version: before.version - 1 }), 409, 'conflict');
  assertError(await expert1.put(at('/rows/12'), { result: 'new', version: before.version }), 404, 'not_found');
  assertError(await jimu.get(at()), 403, 'forbidden');
  assertError(await jimu.put(at('/rows/1'), { result: 'new', version: before.version }), 403, 'forbidden');
  const after = (await expert1.get(at())).data;
  assert.deepEqual(after, before);
});

test('the export opens in LibreOffice with the Japanese text, and keeps its drop-down', async () => {
  const bytes = await download(expert1);
  const text = (await pdfText(await convertWithLibreOffice(bytes, 'xlsx'))).replace(/\s+/g, '');
  for (const wanted of ['【様式2】関連規程類の点検結果シート', MAKER, '関連規程/ガイド類', '組織的対策', 'テレワークにおける対策', '総務山田']) {
    assert.ok(text.includes(wanted), `PDF has ${wanted}`);
  }
  const book = await readXlsx(bytes);
  const sheet = Object.values(book)[0];
  assert.equal(sheet.rows[0][0], '【様式2】関連規程類の点検結果シート');
  assert.equal(sheet.rows[5][4], "'=1+1 の式に見える内容", 'a text that looks like a formula is neutralised');
  assert.equal(sheet.rows[5][3], labels.new);
  const validation = sheet.validations.find((v) => v.type === 'list');
  assert.ok(validation, JSON.stringify(sheet.validations));
  assert.equal(validation.range, 'D6:D16');
  for (const label of Object.values(labels)) assert.ok(validation.formula.includes(label), `${label} in ${validation.formula}`);

  const resaved = await convertWithLibreOffice(bytes, 'xlsx', 'xlsx:Calc MS Excel 2007 XML');
  const again = Object.values(await readXlsx(resaved))[0];
  const kept = again.validations.find((v) => v.type === 'list');
  assert.ok(kept, `LibreOffice kept the drop-down: ${JSON.stringify(again.validations)}`);
  assert.equal(kept.range, 'D6:D16');
  for (const label of Object.values(labels)) assert.ok(kept.formula.includes(label));
  // And what LibreOffice saved reads back as the same sheet.
  const version = (await expert1.get(at())).data.version;
  const res = await upload(expert1, resaved, version);
  assert.equal(res.status, 200, res.text);
  assert.equal(res.data.rows[0].content, '=1+1 の式に見える内容');
  assert.equal(res.data.rows[0].due_date, '2027-03-31');
});

test('a file edited with openpyxl is read back: half-width brackets, dates, cleared cells', async () => {
  const bytes = await download(owner1);
  const edited = await editWithOpenpyxl(bytes, `
ws['D6'] = '既存のものを見直し改定した(改定予定)'
ws['D7'] = '特に対応無しと判断した(既存のまま)'
ws['D8'] = None
ws['G6'] = datetime.datetime(2027, 6, 30)
ws['F7'] = '情報システム課 佐藤'
ws['H16'] = 'テレワーク規程を朝礼で説明する'`);
  const version = (await owner1.get(at())).data.version;
  const res = await upload(owner1, edited, version);
  assert.equal(res.status, 200, res.text);
  assert.equal(res.data.version, version + 1);
  const rows = res.data.rows;
  assert.equal(rows[0].result, 'revised');
  assert.equal(rows[0].due_date, '2027-06-30');
  assert.equal(rows[1].result, 'unchanged');
  assert.equal(rows[1].assignee, '情報システム課 佐藤');
  assert.equal(rows[2].result, null);
  assert.equal(rows[10].upkeep, 'テレワーク規程を朝礼で説明する');
  assert.equal(rows[3].content, '第4区分の規程');
});

test('bad files are refused with Japanese errors by row and column, and nothing is stored', async () => {
  const before = (await expert1.get(at())).data;
  const bytes = await download(expert1);
  const unknown = await editWithOpenpyxl(bytes, "ws['D9'] = '検討中'\nws['E10'] = '=SUM(1,2)'");
  const error = assertError(await upload(expert1, unknown, before.version), 422, 'validation');
  const where = error.details.map((d) => `${d.row}${d.column}`).sort();
  assert.deepEqual(where, ['10E', '9D'], JSON.stringify(error.details));
  for (const d of error.details) assert.match(d.message, /[ぁ-ん]/);
  assert.match(error.details.find((d) => d.column === 'E').message, /数式/);

  const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(2000, 0x20)]);
  const renamed = assertError(await upload(expert1, pdf, before.version), 422, 'validation');
  assert.match(renamed.message, /Excel ファイル \(\.xlsx\) ではありません/);

  const bomb = await xlsxZipBomb();
  assert.ok(bomb.length < 200_000, `the bomb is small: ${bomb.length}`);
  const started = Date.now();
  const refused = assertError(await upload(expert1, bomb, before.version), 422, 'validation');
  assert.match(refused.message, /上限/);
  assert.ok(Date.now() - started < 5000, 'refused without inflating 100 MB');

  assertError(await upload(expert1, bytes, before.version, 'application/json'), 400, 'bad_request');
  assertError(await upload(expert1, Buffer.alloc(0), before.version), 422, 'validation');
  const after = (await expert1.get(at())).data;
  assert.deepEqual(after, before);
  assertError(await upload(jimu, bytes, before.version), 403, 'forbidden');
});

test('the expert submits; the secretariat reads the snapshot, later changes make a draft again', async () => {
  const sheet = (await expert1.get(at())).data;
  assertError(await owner1.post(at('/submit'), { version: sheet.version }), 403, 'forbidden');
  assertError(await jimu.get(at('/submitted')), 409, 'conflict');
  const submitted = await expert1.post(at('/submit'), { version: sheet.version });
  assert.equal(submitted.status, 200, submitted.text);
  assert.equal(submitted.data.state, 'submitted');
  const read = await jimu.get(at('/submitted'));
  assert.equal(read.status, 200, read.text);
  assert.equal(read.data.version, sheet.version);
  assert.deepEqual(read.data.rows, sheet.rows);
  const changed = await owner1.put(at('/rows/4'), { result: 'new', version: sheet.version });
  assert.equal(changed.status, 200, changed.text);
  assert.equal(changed.data.state, 'draft');
  assert.equal((await jimu.get(at('/submitted'))).data.rows[3].result, sheet.rows[3].result);
  const audit = await jimu.get(`/api/v1/audit?entity=rules_check&engagement_id=${engagement.id}&limit=200`);
  const actions = audit.data.items.map((e) => e.action);
  for (const a of ['create', 'update', 'import_rules_check', 'submit_rules_check']) assert.ok(actions.includes(a), `${a} audited`);
});
