// 提出パッケージ over HTTP: before the documents exist the ZIP is refused with a Japanese 409
// naming each missing one; with the demo engagement's policy approved and submitted, 様式2 set
// and submitted and the self-assessment round closed, the ZIP is unzipped (python3 zipfile),
// its names are UTF-8 flagged, the manifest's SHA-256 values match, and every file inside opens
// in LibreOffice headless (the text, the 様式2 drop-down, embedded Japanese fonts).
// SECURITY ACTION readiness follows the same facts.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { after, before, test } from 'node:test';
import { convertWithLibreOffice, pdfFonts, pdfText, readXlsx } from './office.mjs';
import { conformingClient } from './openapi-schema.mjs';
import { DEMO, MAKER, assertError, openapiDocument, startServer } from './server.mjs';

const run = promisify(execFile);
let server, jimu, expert1, owner1, engagement;
const at = (p = '') => `/api/v1/engagements/${engagement.id}${p}`;
const FOLDER = `${MAKER}_提出パッケージ`;

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

async function downloadZip(client, query = '') {
  const res = await fetch(`${server.baseUrl}${at(`/package.zip${query}`)}`, { headers: { cookie: `shido_session=${client.cookie}` } });
  const bytes = Buffer.from(await res.arrayBuffer());
  return { status: res.status, type: res.headers.get('content-type'), disposition: res.headers.get('content-disposition'), bytes };
}

// Unzips with Python's zipfile (not our reader): every entry's name, its UTF-8 flag, its bytes.
async function unzip(bytes) {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'shido-package-'));
  try {
    const file = path.join(dir, 'p.zip');
    await writeFile(file, bytes);
    const out = path.join(dir, 'out');
    const { stdout } = await run('/usr/bin/python3', ['-c', `import sys, json, zipfile
z = zipfile.ZipFile(sys.argv[1])
assert z.testzip() is None
z.extractall(sys.argv[2])
print(json.dumps([{"name": i.filename, "utf8": bool(i.flag_bits & 0x800)} for i in z.infolist()], ensure_ascii=False))`, file, out]);
    const entries = JSON.parse(stdout);
    const files = {};
    for (const e of entries) files[e.name] = await readFile(path.join(out, e.name));
    return { entries, files };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const sha256 = async (bytes) => {
  const { createHash } = await import('node:crypto');
  return createHash('sha256').update(bytes).digest('hex');
};

test('before the documents exist: every part missing, the ZIP refused naming them', async () => {
  const readiness = await jimu.get(at('/package'));
  assert.equal(readiness.status, 200, readiness.text);
  assert.equal(readiness.data.complete, false);
  assert.equal(readiness.data.file_name, `${FOLDER}.zip`);
  assert.deepEqual(readiness.data.parts.map((p) => p.key),
    ['basic_policy', 'rules_check', 'action_plan', 'diagnosis_summary', 'diagnosis_report', 'final_report']);
  for (const part of readiness.data.parts) {
    assert.equal(part.present, false, part.key);
    assert.match(part.missing_reason, /[ぁ-んァ-ン]/, part.key);
  }
  const refused = await jimu.get(at('/package.zip'));
  const error = assertError(refused, 409, 'package_incomplete');
  for (const name of ['情報セキュリティ基本方針', '【様式2】関連規程類の点検結果シート', '【様式3】対策実行計画書', '最終報告書'])
    assert.ok(error.message.includes(`「${name}」`), `${name} in ${error.message}`);
  assert.match(error.message, /まだ事務局に提出されていません/);
  assert.match(error.message, /締め切った自社診断の回がありません/);
  assert.deepEqual(error.details.map((d) => d.column),
    ['basic_policy', 'rules_check', 'action_plan', 'diagnosis_summary', 'diagnosis_report', 'final_report']);
  assertError(await jimu.get(at('/package.zip?partial=yes')), 422, 'validation', { fields: ['partial'] });
});

test('SECURITY ACTION: nothing done yet, the next step is the self-assessment', async () => {
  const res = await owner1.get(at('/security-action'));
  assert.equal(res.status, 200, res.text);
  assert.equal(res.data.one_star.commitments.length, 5);
  assert.match(res.data.notice, /認証/);
  assert.equal(res.data.site_url, 'https://security-shien.ipa.go.jp/security/');
  assert.equal(res.data.two_star.ready, false);
  assert.deepEqual(res.data.two_star.conditions.map((c) => c.done), [false, false, false]);
  assert.equal(res.data.two_star.next_step, res.data.two_star.conditions[0].next_step);
});

test('the close: policy approved and submitted, 様式2 submitted, the round closed', async () => {
  const policy = await owner1.get(at('/policy'));
  assert.equal(policy.status, 200, policy.text);
  const approved = await owner1.post(at('/policy/versions/1/approve'), { version: policy.data.version });
  assert.equal(approved.status, 200, approved.text);
  const published = await owner1.post(at('/policy/publish'), { version: approved.data.version });
  assert.equal(published.status, 200, published.text);
  const submittedPolicy = await expert1.post(at('/policy/submit'), { version: (await expert1.get(at('/policy'))).data.version });
  assert.equal(submittedPolicy.status, 200, submittedPolicy.text);

  let version = (await expert1.get(at('/rules-check'))).data.version;
  for (let no = 1; no <= 11; no += 1) {
    const res = await expert1.put(at(`/rules-check/rows/${no}`), {
      result: ['new', 'revised', 'unchanged', 'not_needed'][(no - 1) % 4], content: `第${no}区分の規程`,
      assignee: '総務 山田', due_date: '2027-03-31', upkeep: '年1回の研修で周知する', version,
    });
    assert.equal(res.status, 200, res.text);
    version = res.data.version;
  }
  const submittedRules = await expert1.post(at('/rules-check/submit'), { version });
  assert.equal(submittedRules.status, 200, submittedRules.text);

  const rounds = await expert1.get(at('/diagnosis/rounds'));
  const round = rounds.data.items[0];
  const closed = await expert1.patch(`/api/v1/diagnosis/rounds/${round.id}`, { status: 'closed' });
  assert.equal(closed.status, 200, closed.text);

  const readiness = await jimu.get(at('/package'));
  assert.equal(readiness.status, 200, readiness.text);
  const byKey = Object.fromEntries(readiness.data.parts.map((p) => [p.key, p]));
  for (const key of ['basic_policy', 'rules_check', 'diagnosis_summary', 'diagnosis_report'])
    assert.equal(byKey[key].present, true, key);
  assert.equal(byKey.basic_policy.version, 1);
  assert.equal(byKey.basic_policy.approved_by, '製作 太郎');
  assert.ok(byKey.basic_policy.approved_at);
  // 様式3 and the final report are not handed in yet: named as missing.
  assert.equal(byKey.action_plan.present, false);
  assert.equal(byKey.final_report.present, false);
  const refused = assertError(await jimu.get(at('/package.zip')), 409, 'package_incomplete');
  assert.ok(refused.message.includes('「【様式3】対策実行計画書」'));
  assert.ok(!refused.message.includes('「情報セキュリティ基本方針」'));

  const sa = await owner1.get(at('/security-action'));
  assert.equal(sa.data.two_star.ready, true);
  assert.deepEqual(sa.data.two_star.conditions.map((c) => c.done), [true, true, true]);
});

test('the ZIP: UTF-8 names in the company folder, manifest hashes right, every file opens', async () => {
  const zip = await downloadZip(jimu, '?partial=true');
  assert.equal(zip.status, 200, zip.bytes.toString());
  assert.equal(zip.type, 'application/zip');
  assert.equal(zip.disposition, `attachment; filename="download"; filename*=UTF-8''${encodeURIComponent(`${FOLDER}.zip`)}`);
  const { entries, files } = await unzip(zip.bytes);
  for (const e of entries) {
    assert.ok(e.utf8, `${e.name} has the UTF-8 flag`);
    assert.ok(e.name.startsWith(`${FOLDER}/`), e.name);
  }
  assert.deepEqual(entries.map((e) => e.name.slice(FOLDER.length + 1)),
    ['目録.csv', '目録.json', '情報セキュリティ基本方針.pdf', '【様式2】関連規程類の点検結果シート.xlsx', '自社診断結果.xlsx', '自社診断結果.pdf']);
  const manifest = JSON.parse(files[`${FOLDER}/目録.json`].toString('utf8'));
  assert.equal(manifest.company_name, MAKER);
  for (const e of manifest.entries) {
    if (!e.present) { assert.match(e.missing_reason, /提出されていません/); continue; }
    const bytes = files[`${FOLDER}/${e.file_name}`];
    assert.equal(await sha256(bytes), e.sha256, e.file_name);
    assert.equal(bytes.length, e.size);
  }
  const csv = files[`${FOLDER}/目録.csv`];
  assert.deepEqual([...csv.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
  const csvText = csv.toString('utf8');
  assert.match(csvText, /"【様式3】対策実行計画書","【様式3】対策実行計画書\.xlsx","不足"/);
  assert.ok(csvText.includes(manifest.entries[0].sha256));

  const policyPdf = files[`${FOLDER}/情報セキュリティ基本方針.pdf`];
  assert.match((await pdfText(policyPdf)).replace(/\s+/g, ''), /情報セキュリティ基本方針/);
  const reportPdf = files[`${FOLDER}/自社診断結果.pdf`];
  assert.ok((await pdfText(reportPdf)).replace(/\s+/g, '').includes(MAKER));
  for (const pdf of [policyPdf, reportPdf]) {
    const fonts = await pdfFonts(pdf);
    assert.ok(fonts.length > 0 && fonts.every((f) => f.embedded), JSON.stringify(fonts));
  }
  const rules = files[`${FOLDER}/【様式2】関連規程類の点検結果シート.xlsx`];
  const rulesText = (await pdfText(await convertWithLibreOffice(rules, 'xlsx'))).replace(/\s+/g, '');
  for (const wanted of ['【様式2】関連規程類の点検結果シート', MAKER, '第1区分の規程', '総務山田']) assert.ok(rulesText.includes(wanted), wanted);
  const resaved = await convertWithLibreOffice(rules, 'xlsx', 'xlsx:Calc MS Excel 2007 XML');
  const kept = Object.values(await readXlsx(resaved))[0].validations.find((v) => v.type === 'list');
  assert.ok(kept, 'the 様式2 drop-down survives LibreOffice');
  assert.equal(kept.range, 'D6:D16');
  const summary = files[`${FOLDER}/自社診断結果.xlsx`];
  const summaryText = (await pdfText(await convertWithLibreOffice(summary, 'xlsx'))).replace(/\s+/g, '');
  assert.ok(summaryText.includes(MAKER), summaryText.slice(0, 300));
});

test('the whole package: 様式3 approved and handed in, the final report accepted', async () => {
  const built = await expert1.post(at('/action-plan/build'), { version: 0 });
  assert.equal(built.status, 200, built.text);
  const version = built.data.plan.version;
  assert.equal((await owner1.post(at('/action-plan/approve'), { version })).status, 200);
  assert.equal((await expert1.post(at('/action-plan/submit'), { version })).status, 200);
  const draft = (await expert1.get(at('/final-report'))).data.draft;
  const written = await expert1.put(at('/final-report'), { version: 0, texts: { ...draft.texts, evaluation: '経営者の関与が強く、定着が見込める。' } });
  assert.equal(written.status, 200, written.text);
  const handedIn = await expert1.post(at('/final-report/submit'), { version: written.data.report.version });
  assert.equal(handedIn.status, 200, handedIn.text);
  const accepted = await jimu.post(at('/final-report/accept'), { version: handedIn.data.report.version });
  assert.equal(accepted.status, 200, accepted.text);

  const zip = await downloadZip(jimu, '');
  assert.equal(zip.status, 200, zip.bytes.toString());
  const { entries, files } = await unzip(zip.bytes);
  assert.deepEqual(entries.map((e) => e.name.slice(FOLDER.length + 1)),
    ['目録.csv', '目録.json', '情報セキュリティ基本方針.pdf', '【様式2】関連規程類の点検結果シート.xlsx', '【様式3】対策実行計画書.xlsx',
      '自社診断結果.xlsx', '自社診断結果.pdf', '最終報告書.pdf']);
  const manifest = JSON.parse(files[`${FOLDER}/目録.json`].toString('utf8'));
  assert.ok(manifest.entries.every((e) => e.present), JSON.stringify(manifest.entries));
  for (const e of manifest.entries) assert.equal(await sha256(files[`${FOLDER}/${e.file_name}`]), e.sha256, e.file_name);
  const planEntry = manifest.entries.find((e) => e.key === 'action_plan');
  assert.equal(planEntry.version, version);
  assert.equal(planEntry.approved_by, '製作 太郎');

  const plan = files[`${FOLDER}/【様式3】対策実行計画書.xlsx`];
  const planText = (await pdfText(await convertWithLibreOffice(plan, 'xlsx'))).replace(/\s+/g, '');
  for (const wanted of ['【様式3】業界ガイドライン適合のための対策実行計画書', MAKER, '記入に当たっての注意事項', '承認']) assert.ok(planText.includes(wanted), wanted);
  const resaved = await convertWithLibreOffice(plan, 'xlsx', 'xlsx:Calc MS Excel 2007 XML');
  const lists = Object.values(await readXlsx(resaved))[0].validations.filter((v) => v.type === 'list');
  assert.equal(lists.length, 7, 'the 様式3 drop-downs survive LibreOffice');
  const report = files[`${FOLDER}/最終報告書.pdf`];
  assert.ok((await pdfText(report)).replace(/\s+/g, '').includes('経営者の関与が強く'));
  const fonts = await pdfFonts(report);
  assert.ok(fonts.length > 0 && fonts.every((f) => f.embedded), JSON.stringify(fonts));
});

test('the expert and the owner download it too; a read by the secretariat is logged', async () => {
  assert.equal((await downloadZip(expert1, '?partial=true')).status, 200);
  assert.equal((await downloadZip(owner1, '?partial=true')).status, 200);
  const reads = await owner1.get(at('/record-reads?limit=200'));
  assert.equal(reads.status, 200, reads.text);
  assert.ok(reads.data.items.some((r) => r.record === '提出された成果物' && r.reader_name === '事務局 花子' && r.path.endsWith('/package.zip')), reads.text.slice(0, 600));
});
