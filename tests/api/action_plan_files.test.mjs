// 【様式3】 as files over HTTP: the .xlsx opens in LibreOffice with the form's text and keeps its
// drop-downs through a LibreOffice round trip; a copy edited with openpyxl (a rating changed, a
// row added) is previewed, then imported as a new version that keeps the rows' links; bad files
// (「特高」, an unknown 改善分野, a deadline before the programme, another workbook, a renamed
// PDF, a zip bomb) are refused by row and column with nothing stored. The PDF embeds its font.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { convertWithLibreOffice, editWithOpenpyxl, pdfFonts, pdfText, readXlsx, xlsxZipBomb } from './office.mjs';
import { conformingClient } from './openapi-schema.mjs';
import { DEMO, MAKER, assertError, openapiDocument, startServer } from './server.mjs';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const FIRST_ROW = 8; // below the two header rows
let server, jimu, expert1, owner1, engagement;
const at = (p = '') => `/api/v1/engagements/${engagement.id}/action-plan${p}`;

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
  // A plan built from the demo's key finding and two 様式2 categories.
  let version = (await expert1.get(`/api/v1/engagements/${engagement.id}/rules-check`)).data.version;
  for (const [no, result, content] of [[1, 'new', '=委員会を置く'], [7, 'revised', 'バックアップ手順を改定']]) {
    const res = await expert1.put(`/api/v1/engagements/${engagement.id}/rules-check/rows/${no}`,
      { result, content, assignee: '総務 花子', due_date: '2027-03-31', version });
    assert.equal(res.status, 200, res.text);
    version = res.data.version;
  }
  const built = await expert1.post(at('/build'), { version: 0 });
  assert.equal(built.status, 200, built.text);
  assert.ok(built.data.added >= 3);
});
after(() => server?.stop());

async function download(client, ext, type) {
  const res = await fetch(`${server.baseUrl}${at(`.${ext}`)}`, { headers: { cookie: `shido_session=${client.cookie}` } });
  assert.equal(res.status, 200);
  assert.equal(res.headers.get('content-type'), type);
  assert.match(res.headers.get('content-disposition'), /filename\*=UTF-8''/);
  return Buffer.from(await res.arrayBuffer());
}
const upload = (client, path, bytes, type = XLSX) =>
  client.request('POST', at(path), { body: bytes, headers: { 'Content-Type': type } });

// The sheet's row (1-based) of a measure, by its 管理番号 in column A.
function rowOf(sheet, id) {
  const index = sheet.rows.findIndex((r) => String(r[0]) === String(id));
  assert.ok(index >= 0, `管理番号 ${id} in the sheet`);
  return index + 1;
}

test('the export opens in LibreOffice with the form and keeps its drop-downs', async () => {
  const bytes = await download(expert1, 'xlsx', XLSX);
  const text = (await pdfText(await convertWithLibreOffice(bytes, 'xlsx'))).replace(/\s+/g, '');
  for (const wanted of ['【様式3】業界ガイドライン適合のための対策実行計画書', MAKER, '記入に当たっての注意事項',
    '絞り込み', '実施可否', '予算、要員等の懸念点', '組織的対策', '技術的対策']) {
    assert.ok(text.includes(wanted), `PDF has ${wanted}`);
  }
  const sheet = Object.values(await readXlsx(bytes))[0];
  assert.ok(sheet.rows.some((r) => r.includes("'=委員会を置く")), 'formula-like text is neutralised');
  const lists = sheet.validations.filter((v) => v.type === 'list');
  const columns = lists.map((v) => v.range.replace(/[0-9:]+.*$/, '')).sort();
  assert.deepEqual(columns, ['B', 'E', 'F', 'G', 'H', 'I', 'M'], JSON.stringify(lists));
  assert.ok(lists.find((v) => v.range.startsWith('F')).formula.includes('高,中,低'));

  const resaved = await convertWithLibreOffice(bytes, 'xlsx', 'xlsx:Calc MS Excel 2007 XML');
  const again = Object.values(await readXlsx(resaved))[0];
  assert.equal(again.validations.filter((v) => v.type === 'list').length, 7, 'LibreOffice kept the drop-downs');
  // What LibreOffice saved reads back unchanged.
  const preview = await upload(expert1, '/import/preview', resaved);
  assert.equal(preview.status, 200, preview.text);
  assert.deepEqual(preview.data.changes.changed, [], JSON.stringify(preview.data.changes));
  assert.equal(preview.data.changes.added.length, 0);
  assert.equal(preview.data.changes.removed.length, 0);
});

test('edited in a spreadsheet: previewed, then imported as a new version keeping the links', async () => {
  const plan = (await expert1.get(at())).data;
  const first = plan.measures.find((m) => m.sources.some((s) => s.kind === 'finding'));
  const bytes = await download(expert1, 'xlsx', XLSX);
  const sheet = Object.values(await readXlsx(bytes))[0];
  const row = rowOf(sheet, first.id);
  const last = sheet.rows.length + 1;
  const edited = await editWithOpenpyxl(bytes, `
ws['F${row}'] = '低'
ws['L${row}'] = '情報システム 佐藤'
ws['A${last}'] = None
ws['B${last}'] = '人的対策'
ws['D${last}'] = '全従業員に年1回の研修を行う'
ws['F${last}'] = '中'
ws['I${last}'] = '可'
ws['J${last}'] = datetime.date(2027, 6, 30)`);
  const preview = await upload(expert1, '/import/preview', edited);
  assert.equal(preview.status, 200, preview.text);
  assert.equal(preview.data.version, plan.version);
  assert.equal(preview.data.changes.added.length, 1);
  assert.equal(preview.data.changes.added[0].action, '全従業員に年1回の研修を行う');
  const changed = preview.data.changes.changed.find((c) => c.id === first.id);
  assert.ok(changed, JSON.stringify(preview.data.changes));
  assert.deepEqual(changed.fields.map((f) => f.field).sort(), ['owner', 'urgency']);
  assert.equal((await expert1.get(at())).data.version, plan.version, 'the preview stores nothing');

  assertError(await upload(expert1, `/import?version=${plan.version - 1}`, edited), 409, 'conflict');
  const imported = await upload(expert1, `/import?version=${plan.version}`, edited);
  assert.equal(imported.status, 200, imported.text);
  assert.equal(imported.data.version, plan.version + 1);
  const kept = imported.data.measures.find((m) => m.id === first.id);
  assert.equal(kept.urgency, 'low');
  assert.equal(kept.owner, '情報システム 佐藤');
  assert.deepEqual(kept.sources, first.sources, 'the link to the finding is kept');
  const added = imported.data.measures.find((m) => m.action === '全従業員に年1回の研修を行う');
  assert.equal(added.area_key, 'human');
  assert.equal(added.deadline, '2027-06-30');
  assert.deepEqual(added.sources, []);
});

test('bad files are refused by row and column; nothing is stored', async () => {
  const before = (await expert1.get(at())).data;
  const bytes = await download(expert1, 'xlsx', XLSX);
  const sheet = Object.values(await readXlsx(bytes))[0];
  const row = rowOf(sheet, before.measures[0].id);
  const bad = await editWithOpenpyxl(bytes, `
ws['F${row}'] = '特高'
ws['B${row}'] = '経営的対策'
ws['J${row}'] = '2020-01-31'
ws['K${row}'] = '=SUM(1,2)'
ws['A${row + 1}'] = '99999'`);
  const refused = assertError(await upload(expert1, `/import?version=${before.version}`, bad), 422, 'validation');
  const byColumn = Object.fromEntries(refused.details.map((d) => [`${d.column}${d.row}`, d.message]));
  assert.match(byColumn[`F${row}`], /緊急度「特高」は選択肢にありません/);
  assert.match(byColumn[`B${row}`], /改善分野「経営的対策」/);
  assert.match(byColumn[`J${row}`], /指導の開始日/);
  assert.match(byColumn[`K${row}`], /数式/);
  assert.match(byColumn[`A${row + 1}`], /管理番号「99999」/);
  assertError(await upload(expert1, '/import/preview', bad), 422, 'validation');

  const rulesSheet = await fetch(`${server.baseUrl}/api/v1/engagements/${engagement.id}/rules-check.xlsx`,
    { headers: { cookie: `shido_session=${expert1.cookie}` } });
  const other = assertError(await upload(expert1, `/import?version=${before.version}`,
    Buffer.from(await rulesSheet.arrayBuffer())), 422, 'validation');
  assert.ok(other.details.some((d) => /様式3/.test(d.message)), JSON.stringify(other.details));

  const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(2000, 0x20)]);
  assert.match(assertError(await upload(expert1, `/import?version=${before.version}`, pdf), 422, 'validation').message,
    /Excel ファイル \(\.xlsx\) ではありません/);
  assert.match(assertError(await upload(expert1, `/import?version=${before.version}`, await xlsxZipBomb()), 422, 'validation').message,
    /上限/);
  assertError(await upload(expert1, `/import?version=${before.version}`, bytes, 'application/json'), 400, 'bad_request');
  assertError(await upload(jimu, `/import?version=${before.version}`, bytes), 403, 'forbidden');
  assert.deepEqual((await expert1.get(at())).data, before);
});

test('the PDF carries the plan with the Japanese font embedded', async () => {
  const pdf = await download(owner1, 'pdf', 'application/pdf');
  const text = (await pdfText(pdf)).replace(/\s+/g, '');
  assert.ok(text.includes('対策実行計画書'));
  assert.ok(text.includes('全従業員に年1回の研修を行う'));
  assert.ok(text.includes('記入に当たっての注意事項'));
  const fonts = await pdfFonts(pdf);
  assert.ok(fonts.some((f) => /IPAexGothic/.test(f.name)) && fonts.every((f) => f.embedded), JSON.stringify(fonts));
  assertError(await jimu.get(at('.pdf')), 403, 'forbidden');
});
