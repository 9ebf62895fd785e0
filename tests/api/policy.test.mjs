// 情報セキュリティ基本方針 over HTTP: the draft from the guide's sample with the company's data,
// versions kept, a 制定日 that is not a date refused, the comparison of two versions, the check
// of a pasted policy, approval by the owner only, an approved version that refuses change,
// submission and what the secretariat reads, and the exports opened as a person would: the
// .docx read back by python3-docx and converted by LibreOffice, the PDF's fonts embedded, the
// web page with a company name like <script> escaped.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { conformingClient } from './openapi-schema.mjs';
import { convertWithLibreOffice, pdfFonts, pdfText, readDocx } from './office.mjs';
import { DEMO, assertError, openapiDocument, startServer } from './server.mjs';
import { addAccount } from './accounts.mjs';

const COMPANY = `<script>alert("x")</script>&製作所${Date.now() % 100000}`;
let server, jimu, expert1, owner, engagement;

const at = (p = '') => `/api/v1/engagements/${engagement.id}/policy${p}`;

// The bytes of a download (the JSON client reads text; a .docx or PDF is binary).
async function download(client, path) {
  const res = await fetch(server.baseUrl + path, { headers: { Cookie: `shido_session=${client.cookie}` } });
  return { status: res.status, type: res.headers.get('content-type'), disposition: res.headers.get('content-disposition'), bytes: Buffer.from(await res.arrayBuffer()) };
}

before(async () => {
  server = await startServer();
  const doc = await openapiDocument();
  const login = async (email, password) => conformingClient(doc, await server.login(email, password));
  jimu = await login(DEMO.secretariat);
  expert1 = await login(DEMO.expert1);
  const company = await jimu.post('/api/v1/companies', {
    name: COMPANY, industry: '製造業', representative_title: '代表取締役社長', representative_name: '山田 太郎' });
  assert.equal(company.status, 201, company.text);
  const users = (await jimu.get('/api/v1/users?limit=200')).data.items;
  const expert = users.find((u) => u.email === DEMO.expert1);
  const created = await jimu.post('/api/v1/engagements', { company_id: company.data.id, expert_id: expert.id });
  assert.equal(created.status, 201, created.text);
  engagement = created.data;
  const email = `policy-owner-${Date.now()}@example.jp`;
  await addAccount(server, { email, name: '方針 経営者', role: 'company', company_id: company.data.id, company_role: 'owner', password: 'owner-password-2026' });
  owner = await login(email, 'owner-password-2026');
});
after(() => server?.stop());

let draft;

test('the draft is the guide\'s sample with the company\'s name and representative', async () => {
  const empty = await owner.get(at());
  assert.equal(empty.status, 200, empty.text);
  assert.equal(empty.data.status.state, 'not_started');
  assert.equal(empty.data.version, 0);
  assert.deepEqual(empty.data.asset_scopes.map((s) => s.key), ['customer_entrusted', 'own', 'both']);
  const res = await owner.get(at('/draft?from=sample'));
  assert.equal(res.status, 200, res.text);
  draft = res.data.document;
  assert.equal(draft.company_name, COMPANY);
  assert.equal(draft.representative_title, '代表取締役社長');
  assert.equal(draft.representative_name, '山田 太郎');
  assert.deepEqual(draft.articles.map((a) => a.title),
    ['経営者の責任', '社内体制の整備', '従業員の取組み', '法令及び契約上の要求事項の遵守', '違反及び事故への対応']);
  assert.equal(res.data.based_on, null);
  assert.equal(res.data.proposal.asset_scope, draft.asset_scope);
});

test('a 制定日 that is not a date is refused and nothing is stored', async () => {
  const bad = await owner.post(at('/versions'), { document: { ...draft, established_on: '2025-02-30' }, version: 0 });
  const error = assertError(bad, 422, 'validation', { fields: ['established_on'] });
  assert.match(error.fields.established_on, /制定日/);
  assertError(await owner.post(at('/versions'), { document: { ...draft, surprise: 1 }, version: 0 }), 422, 'validation', { fields: ['surprise'] });
  assert.equal((await owner.get(at())).data.versions.length, 0);
});

let view;

test('every save is a new version; a stale version is a conflict', async () => {
  const first = await owner.post(at('/versions'), { document: { ...draft, established_on: '2025-04-01' }, note: 'サンプルから', version: 0 });
  assert.equal(first.status, 201, first.text);
  assert.equal(first.data.status.state, 'draft');
  assertError(await expert1.post(at('/versions'), { document: draft, version: 0 }), 409, 'conflict');
  const changed = structuredClone(draft);
  changed.established_on = '2025-04-01';
  changed.articles[0].text = '当社は、経営者主導で組織的かつ継続的に情報セキュリティの改善に努めます。';
  changed.articles.push({ title: '委託先の管理', text: '当社は、委託先の情報セキュリティを確認します。' });
  const second = await expert1.post(at('/versions'), { document: changed, version: first.data.version });
  assert.equal(second.status, 201, second.text);
  view = second.data;
  assert.deepEqual(view.versions.map((v) => v.number), [1, 2]);
  assert.equal(view.latest.document.articles.length, 6);
  const next = await owner.get(at('/draft'));
  assert.equal(next.data.based_on, 2);
});

test('two versions compare side by side, the changed characters marked', async () => {
  const res = await expert1.get(at('/diff?from=1&to=2'));
  assert.equal(res.status, 200, res.text);
  const changed = res.data.rows.filter((r) => r.change === 'changed');
  assert.equal(changed.length, 1);
  assert.equal(changed[0].section, '1. 経営者の責任');
  assert.equal(changed[0].left_segments.filter((s) => s.changed).map((s) => s.text).join(''), '・向上');
  const added = res.data.rows.filter((r) => r.change === 'added');
  assert.deepEqual(added.map((r) => r.right), ['6. 委託先の管理', '当社は、委託先の情報セキュリティを確認します。']);
  assertError(await expert1.get(at('/diff?from=1&to=99')), 404, 'not_found');
  assertError(await expert1.get(at('/diff?from=1')), 422, 'validation', { fields: ['to'] });
});

test('a pasted policy shows which of the sample\'s articles it covers', async () => {
  const res = await expert1.post(at('/coverage'), { text: '当社は経営陣の責任のもと、全社員に教育を行います。' });
  assert.equal(res.status, 200, res.text);
  assert.deepEqual(res.data.articles.map((a) => a.covered), [true, false, true, false, false]);
  assert.equal(res.data.missing, 3);
  assertError(await expert1.post(at('/coverage'), { text: '' }), 422, 'validation', { fields: ['text'] });
});

test('only the owner approves; an approved version is never changed', async () => {
  assertError(await expert1.post(at('/versions/2/approve'), { version: view.version }), 403, 'forbidden');
  assertError(await jimu.post(at('/versions/2/approve'), { version: view.version }), 403, 'forbidden');
  assertError(await owner.post(at('/versions/2/approve'), { version: view.version + 9 }), 409, 'conflict');
  const approved = await owner.post(at('/versions/2/approve'), { version: view.version });
  assert.equal(approved.status, 200, approved.text);
  assert.equal(approved.data.status.state, 'approved');
  const v2 = approved.data.versions[1];
  assert.equal(v2.approved_by_name, '方針 経営者');
  assert.ok(v2.approved_at);
  const refused = assertError(await expert1.put(at('/versions/2'), { note: '書き換え', version: approved.data.version }), 409, 'conflict');
  assert.match(refused.message, /新しい版/);
  assert.equal((await owner.get(at('/versions/2'))).data.note, '');
  view = approved.data;
});

test('the expert submits the approved version; the secretariat reads only that', async () => {
  assertError(await jimu.get(at()), 403, 'forbidden');
  assertError(await jimu.get(at('/submitted')), 409, 'conflict');
  assertError(await jimu.get(at('/submitted/policy.pdf')), 409, 'conflict');
  assertError(await owner.post(at('/submit'), { version: view.version }), 403, 'forbidden');
  const submitted = await expert1.post(at('/submit'), { version: view.version });
  assert.equal(submitted.status, 200, submitted.text);
  assert.equal(submitted.data.status.state, 'submitted');
  assert.equal(submitted.data.submitted_number, 2);
  const read = await jimu.get(at('/submitted'));
  assert.equal(read.status, 200, read.text);
  assert.equal(read.data.number, 2);
  const pdf = await download(jimu, at('/submitted/policy.pdf'));
  assert.equal(pdf.status, 200);
  assert.match((await pdfText(pdf.bytes)).replace(/\s+/g, ''), /委託先の管理/);
  const audit = await jimu.get(`/api/v1/audit?engagement_id=${engagement.id}&entity=policy_version&limit=50`);
  assert.equal(audit.status, 200, audit.text);
  const actions = audit.data.items.map((e) => e.action).sort();
  assert.deepEqual(actions, ['approve_policy', 'create', 'create', 'submit_policy']);
});

test('the PDF embeds a Japanese font and holds the policy\'s text', async () => {
  const pdf = await download(owner, at('/versions/2/policy.pdf'));
  assert.equal(pdf.status, 200);
  assert.equal(pdf.type, 'application/pdf');
  assert.match(pdf.disposition, /filename\*=UTF-8''/);
  const fonts = await pdfFonts(pdf.bytes);
  assert.ok(fonts.length > 0 && fonts.every((f) => f.embedded), JSON.stringify(fonts));
  assert.ok(fonts.some((f) => /IPAex/.test(f.name)), JSON.stringify(fonts));
  const text = (await pdfText(pdf.bytes)).replace(/\s+/g, '');
  for (const part of ['情報セキュリティ基本方針', '1.経営者の責任', '5.違反及び事故への対応', '制定日:2025年4月1日', '代表取締役社長山田太郎'])
    assert.ok(text.includes(part), `${part} missing in ${text.slice(0, 400)}`);
});

test('the .docx is read back by python3-docx and opens in LibreOffice with the Japanese text', async () => {
  const docx = await download(owner, at('/versions/2/policy.docx'));
  assert.equal(docx.status, 200);
  assert.equal(docx.type, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
  const read = await readDocx(docx.bytes);
  assert.equal(read.paragraphs[0], '情報セキュリティ基本方針');
  assert.ok(read.paragraphs[1].startsWith(`${COMPANY}（以下、当社）は、`), read.paragraphs[1]);
  assert.ok(read.paragraphs.includes('4. 法令及び契約上の要求事項の遵守'));
  assert.ok(read.paragraphs.includes('6. 委託先の管理'));
  assert.ok(read.paragraphs.includes('代表取締役社長 山田 太郎'));
  const pdf = await convertWithLibreOffice(docx.bytes, 'docx');
  const text = (await pdfText(pdf)).replace(/\s+/g, '');
  assert.ok(text.includes('違反及び事故への対応'), text.slice(0, 400));
  assert.ok(text.includes('制定日:2025年4月1日'), text.slice(0, 400));
  const fonts = await pdfFonts(pdf);
  assert.ok(fonts.every((f) => f.embedded), JSON.stringify(fonts));
});

test('a policy kept as a Word file is read and checked; files that are not .docx are refused', async () => {
  const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
  const upload = (client, body, type = DOCX) =>
    client.request('POST', at('/coverage/docx'), { body, headers: { 'Content-Type': type } });
  const docx = await download(owner, at('/versions/2/policy.docx'));
  const checked = await upload(expert1, docx.bytes);
  assert.equal(checked.status, 200, checked.text);
  assert.ok(checked.data.text.startsWith('情報セキュリティ基本方針\n'), checked.data.text.slice(0, 80));
  assert.ok(checked.data.text.includes('違反及び事故への対応'));
  assert.equal(checked.data.missing, 0, JSON.stringify(checked.data.articles));

  const pdf = await download(owner, at('/versions/2/policy.pdf'));
  const renamed = await upload(expert1, pdf.bytes);
  assertError(renamed, 422, 'validation');
  assert.match(renamed.data.error.message, /Word ファイル \(\.docx\) ではありません/);
  // 60 MB of zeros in a Word file's main part, deflated to about 60 KB.
  const { execFileSync } = await import('node:child_process');
  const bomb = execFileSync('/usr/bin/python3', ['-c',
    "import io,sys,zipfile\nb=io.BytesIO()\nz=zipfile.ZipFile(b,'w',zipfile.ZIP_DEFLATED)\n" +
    "z.writestr('word/document.xml', b'\\0'*60_000_000)\nz.close()\nsys.stdout.buffer.write(b.getvalue())"],
  { maxBuffer: 8 << 20 });
  assert.ok(bomb.length < 200_000, `${bomb.length}`);
  const refused = await upload(expert1, bomb);
  assertError(refused, 422, 'validation');
  assert.match(refused.data.error.message, /上限/);
  assertError(await upload(expert1, docx.bytes, 'application/pdf'), 400, 'bad_request');
  assertError(await upload(jimu, docx.bytes), 403, 'forbidden');
});

test('the web page is self-contained and escapes a company name like <script>', async () => {
  const html = await download(owner, at('/versions/2/policy.html'));
  assert.equal(html.status, 200);
  assert.match(html.type, /^text\/html/);
  const page = html.bytes.toString('utf8');
  assert.ok(!page.includes('<script'), 'a raw <script> in the page');
  assert.ok(page.includes('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;製作所'));
  assert.match(page, /<html lang="ja">/);
  assert.match(page, /<meta charset="utf-8">/);
  assert.ok(!/\ssrc=|\shref=/.test(page), 'the page loads nothing from elsewhere');
});

test('readers without access to the documents are refused', async () => {
  const expert2 = await server.login(DEMO.expert2);
  assertError(await expert2.get(at()), 403, 'forbidden');
  assertError(await expert2.get(at('/versions/1/policy.docx')), 403, 'forbidden');
  const owner1 = await server.login(DEMO.owner1);
  assertError(await owner1.get(at('/submitted')), 403, 'forbidden');
});

test('the owner publishes the approved version at an unguessable URL and can switch it off', async () => {
  assertError(await expert1.post(at('/publish'), { version: 1 }), 403, 'forbidden');
  const current = (await owner.get(at())).data;
  const published = await owner.post(at('/publish'), { version: current.version });
  assert.equal(published.status, 200, published.text);
  const url = new URL(published.data.url);
  const token = url.pathname.split('/').pop();
  assert.match(token, /^[A-Za-z0-9_-]{32}$/, '192 bits, base64url');
  const page = await fetch(`${server.baseUrl}${url.pathname}`);  // nobody signed in
  assert.equal(page.status, 200);
  assert.match(page.headers.get('content-type'), /^text\/html/);
  assert.equal(page.headers.get('content-disposition'), null, 'shown, not downloaded');
  assert.match(page.headers.get('content-security-policy'), /default-src 'none'/);
  const html = await page.text();
  assert.ok(html.includes('6. 委託先の管理'));
  assert.ok(!html.includes('<script'));
  const after = (await owner.get(at())).data;
  assert.equal(after.public_number, 2);
  const off = await owner.post(at('/unpublish'), { version: after.version });
  assert.equal(off.status, 200, off.text);
  assert.equal(off.data.public_number, null);
  assert.equal((await fetch(`${server.baseUrl}${url.pathname}`)).status, 404);
  assertError(await owner.post(at('/unpublish'), { version: off.data.version }), 409, 'conflict');
});
