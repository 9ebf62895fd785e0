// Helpers of the self-assessment (自社診断) API tests: the demo cast, answering by link, the
// scoring rules recomputed independently of the server, binary downloads and CSV bodies.
// Not a test file itself (node --test only runs *.test.mjs here).
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { inflateRawSync } from 'node:zlib';
import { CARRIER, DEMO, JAPANESE, MAKER, allPages } from './server.mjs';

// The documented rules: 実施している 4, 一部実施している 2, 実施していない 0, わからない -1;
// bands 100 / 70–99 / 50–69 / ≤49; a role gap from a difference of 2.0 mean points.
export const POINTS = { done: 4, partial: 2, not_done: 0, unknown: -1 };
export const LABELS = { done: '実施している', partial: '一部実施している', not_done: '実施していない', unknown: 'わからない' };
export const ROLE_GAP_THRESHOLD = 2.0;
export const ITEM_COUNT = 25;
export function expectedBand(total) {
  if (total === 100) return 'reached';
  if (total >= 70) return 'partly';
  if (total >= 50) return 'insufficient';
  return 'danger';
}

// 'DDPNU…' (25 letters, spaces ignored) → { "1": "done", … }
const LETTER = { D: 'done', P: 'partial', N: 'not_done', U: 'unknown' };
export function sheet(letters) {
  const compact = letters.replace(/\s+/g, '');
  assert.equal(compact.length, ITEM_COUNT, `a sheet needs ${ITEM_COUNT} answers: ${letters}`);
  return Object.fromEntries([...compact].map((ch, i) => [String(i + 1), LETTER[ch]]));
}

// Logged-in demo users and the two demo engagements.
export async function cast(server) {
  const [secretariat, expert1, expert2, owner1, owner2] = await Promise.all(
    [DEMO.secretariat, DEMO.expert1, DEMO.expert2, DEMO.owner1, DEMO.owner2].map((e) => server.login(e)));
  const engagements = (await secretariat.get('/api/v1/engagements')).data.items;
  const maker = engagements.find((e) => e.company_name === MAKER);
  const carrier = engagements.find((e) => e.company_name === CARRIER);
  assert.ok(maker && carrier, 'demo engagements missing');
  assert.equal(maker.expert_id, expert1.user.id);
  return { secretariat, expert1, expert2, owner1, owner2, maker, carrier };
}

export async function openRound(client, engagementId, name = '第1回') {
  const res = await client.post(`/api/v1/engagements/${engagementId}/diagnosis/rounds`, { name });
  assert.equal(res.status, 201, res.text);
  return res.data;
}

export async function invite(client, roundId, body) {
  const res = await client.post(`/api/v1/diagnosis/rounds/${roundId}/respondents`, body);
  assert.equal(res.status, 201, res.text);
  return res.data.items;
}

// A respondent's browser: no session, only the link token.
export const answerPath = (token, rest = '') => `/api/v1/answer/${token}${rest}`;
export async function putAnswer(server, token, itemNo, choice) {
  return server.client().request('PUT', answerPath(token, `/items/${itemNo}`), { json: { choice } });
}
// Saves the given answers one request at a time, checking the running count.
export async function answerItems(server, token, answers, itemNos = Object.keys(answers).map(Number)) {
  for (const no of itemNos) {
    const res = await putAnswer(server, token, no, answers[no]);
    assert.equal(res.status, 200, `item ${no}: ${res.text}`);
    assert.ok(Number.isInteger(res.data.answered_count) && res.data.answered_count >= 1);
  }
}
export async function submit(server, token) {
  return server.client().request('POST', answerPath(token, '/submit'));
}
export async function answerAndSubmit(server, token, answers) {
  await answerItems(server, token, answers);
  const res = await submit(server, token);
  assert.equal(res.status, 200, res.text);
  return res.data.result;
}

// The score of one sheet from the instrument as the API shows it (recomputed here).
export function score(instrument, answers) {
  const points = Object.fromEntries(instrument.choices.map((c) => [c.key, c.points]));
  const followUp = new Set(instrument.choices.filter((c) => c.follow_up).map((c) => c.key));
  const best = Math.max(...instrument.choices.map((c) => c.points));
  const worst = Math.min(...instrument.choices.map((c) => c.points));
  let total = 0, unknown = 0;
  for (const key of Object.values(answers)) {
    assert.ok(key in points, `unknown choice ${key}`);
    total += points[key];
    if (followUp.has(key)) unknown += 1;
  }
  const parts = instrument.parts.map((p) => ({
    part_no: p.no,
    title: p.title,
    points: p.item_nos.reduce((sum, no) => sum + (answers[no] ? points[answers[no]] : 0), 0),
    max_points: p.item_nos.length * best,
    min_points: p.item_nos.length * worst,
  }));
  return { total, band: expectedBand(total), parts, unknown_count: unknown };
}

// Asserts that an API result equals the recomputed score.
export function assertResult(result, instrument, answers, label = '') {
  const expected = score(instrument, answers);
  assert.equal(result.total, expected.total, `${label} total`);
  assert.equal(result.max_total, 100, `${label} max_total`);
  assert.equal(result.band.key, expected.band, `${label} band of ${expected.total}`);
  const band = instrument.bands.find((b) => b.key === expected.band);
  assert.equal(result.band.label, band.label);
  assert.match(result.band.label, JAPANESE);
  assert.deepEqual(result.parts, expected.parts, `${label} parts`);
  assert.equal(result.unknown_count, expected.unknown_count, `${label} unknown_count`);
}

// A download (xlsx, pdf): the raw bytes, which Client.request would decode as text.
export async function download(client, method, urlPath, json) {
  const headers = { Cookie: `shido_session=${client.cookie}` };
  if (method !== 'GET') { headers['X-CSRF-Token'] = client.csrf; headers['Content-Type'] = 'application/json'; }
  const res = await fetch(client.baseUrl + urlPath, { method, headers, body: json === undefined ? undefined : JSON.stringify(json) });
  const bytes = Buffer.from(await res.arrayBuffer());
  let data = null;
  if ((res.headers.get('content-type') || '').includes('application/json')) data = JSON.parse(bytes.toString('utf8'));
  return { status: res.status, headers: res.headers, bytes, data, text: data ? bytes.toString('utf8') : '' };
}

export async function importCsv(client, roundId, body, contentType = 'text/csv; charset=utf-8') {
  return client.request('POST', `/api/v1/diagnosis/rounds/${roundId}/import`,
    { body, headers: contentType ? { 'Content-Type': contentType } : {} });
}

// CSV text from rows of cells (quoted where needed, CRLF line ends as Excel writes them).
export function csv(rows) {
  const cell = (v) => (/[",\r\n]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v));
  return rows.map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
}
export const HEADER_EN = ['role', 'name', 'department', ...Array.from({ length: ITEM_COUNT }, (_, i) => String(i + 1))];
export const HEADER_JA = ['役割', '氏名', '部署', ...Array.from({ length: ITEM_COUNT }, (_, i) => `項目${i + 1}`)];
// One CSV row: answers as points (4/2/0/-1) or as Japanese labels.
export function csvRow(role, name, department, answers, as = 'points') {
  return [role, name, department, ...Array.from({ length: ITEM_COUNT }, (_, i) => {
    const key = answers[String(i + 1)];
    return as === 'labels' ? LABELS[key] : String(POINTS[key]);
  })];
}

// UTF-8 text → CP932 (Windows Shift_JIS) bytes, as Excel saves a Japanese CSV.
export async function toCp932(text) {
  const { stdout } = await new Promise((resolve, reject) => {
    const child = execFile('iconv', ['-f', 'UTF-8', '-t', 'CP932'], { encoding: 'buffer', maxBuffer: 1 << 20 },
      (error, out, err) => (error ? reject(new Error(`iconv: ${error.message} ${err}`)) : resolve({ stdout: out })));
    child.stdin.end(Buffer.from(text, 'utf8'));
  });
  return stdout;
}

// Everything about a round a refused call could have touched, as `client` (who may see it) sees it.
export async function roundState(client, roundId) {
  const [detail, analysis, findings, respondents] = await Promise.all([
    client.get(`/api/v1/diagnosis/rounds/${roundId}`),
    client.get(`/api/v1/diagnosis/rounds/${roundId}/analysis`),
    client.get(`/api/v1/diagnosis/rounds/${roundId}/findings`),
    respondentsOf(client, roundId),
  ]);
  for (const r of [detail, analysis, findings]) assert.equal(r.status, 200, r.text);
  return { detail: detail.data, analysis: analysis.data, findings: findings.data, respondents };
}

// Every respondent of a round (all pages of GET /diagnosis/rounds/{id}/respondents), by id.
export async function respondentsOf(client, roundId, query = '') {
  return allPages(client, `/api/v1/diagnosis/rounds/${roundId}/respondents${query}`);
}

// The id of the newest audit entry (entries are never deleted: an unchanged id means no new entry).
export async function lastAuditId(secretariat) {
  const res = await secretariat.get('/api/v1/audit');
  assert.equal(res.status, 200, res.text);
  return res.data.items.length ? res.data.items[0].id : 0;
}

// The analysis of submitted sheets [{role, answers}] recomputed from the documented rules.
export function analyse(instrument, sheets) {
  const points = Object.fromEntries(instrument.choices.map((c) => [c.key, c.points]));
  const best = instrument.choices.reduce((a, c) => (c.points > a.points ? c : a)).key;
  const followUp = new Set(instrument.choices.filter((c) => c.follow_up).map((c) => c.key));
  const roles = ['owner', 'manager', 'staff'].filter((r) => sheets.some((s) => s.role === r));
  const stats = (group, no) => {
    const counts = Object.fromEntries(instrument.choices.map((c) => [c.key, 0]));
    let sum = 0;
    for (const s of group) { counts[s.answers[no]] += 1; sum += points[s.answers[no]]; }
    return { respondents: group.length, counts, mean_points: group.length ? sum / group.length : 0 };
  };
  const items = instrument.items.map(({ no }) => {
    const byRole = Object.fromEntries(roles.map((r) => [r, stats(sheets.filter((s) => s.role === r), no)]));
    const means = Object.values(byRole).map((s) => s.mean_points);
    const all = stats(sheets, no);
    const roleGap = means.length ? Math.max(...means) - Math.min(...means) : 0;
    const everyoneDone = all.respondents > 0 && all.counts[best] === all.respondents;
    return {
      item_no: no, all, by_role: byRole, role_gap: roleGap,
      unknown_count: sheets.filter((s) => followUp.has(s.answers[no])).length,
      everyone_done: everyoneDone,
      needs_drill_down: everyoneDone || roleGap >= ROLE_GAP_THRESHOLD,
    };
  });
  const means = (group) => {
    const scores = group.map((s) => score(instrument, s.answers));
    const n = group.length;
    return {
      respondents: n,
      total_mean: n ? scores.reduce((a, s) => a + s.total, 0) / n : 0,
      // Rule 3: the group's mean part score as a percentage of the part's maximum; a negative
      // mean shows as 0 %.
      part_percent: instrument.parts.map((_, p) => (n ? Math.max(0, scores.reduce((a, s) => a + s.parts[p].points, 0) / n) * 100 / scores[0].parts[p].max_points : 0)),
    };
  };
  const gapItems = items.filter((i) => i.role_gap >= ROLE_GAP_THRESHOLD)
    .sort((a, b) => b.role_gap - a.role_gap || a.item_no - b.item_no).map((i) => i.item_no);
  return {
    items,
    all: means(sheets),
    by_role: Object.fromEntries(roles.map((r) => [r, means(sheets.filter((s) => s.role === r))])),
    gap_items: gapItems,
    drill_down_items: items.filter((i) => i.needs_drill_down).map((i) => i.item_no),
  };
}

// Numbers from JSON: compare floating means with a tolerance, everything else exactly.
export function assertClose(actual, expected, at = '$') {
  if (typeof expected === 'number') {
    assert.equal(typeof actual, 'number', `${at}: ${JSON.stringify(actual)}`);
    assert.ok(Math.abs(actual - expected) < 1e-9, `${at}: ${actual} ≠ ${expected}`);
  } else if (Array.isArray(expected)) {
    assert.ok(Array.isArray(actual), `${at}: not an array`);
    assert.equal(actual.length, expected.length, `${at}: length`);
    expected.forEach((e, i) => assertClose(actual[i], e, `${at}[${i}]`));
  } else if (expected && typeof expected === 'object') {
    assert.ok(actual && typeof actual === 'object', `${at}: not an object`);
    assert.deepEqual(Object.keys(actual).sort(), Object.keys(expected).sort(), `${at}: keys`);
    for (const k of Object.keys(expected)) assertClose(actual[k], expected[k], `${at}.${k}`);
  } else {
    assert.equal(actual, expected, at);
  }
}

// The priority rule of findings, recomputed: key areas first; then higher urgency, higher
// importance, easier difficulty (unset lowest / hardest); then item number; unrated findings
// without a finding text are left out.
export function prioritise(findings) {
  const rank = { high: 3, medium: 2, low: 1 };
  const ease = { easy: 3, medium: 2, hard: 1 };
  const key = (f) => [f.key_area ? 0 : 1, -(rank[f.urgency] ?? 0), -(rank[f.importance] ?? 0), -(ease[f.difficulty] ?? 0), f.item_no];
  return findings
    .filter((f) => f.finding !== '' || f.urgency || f.importance || f.difficulty || f.key_area)
    .sort((a, b) => { const x = key(a), y = key(b); for (let i = 0; i < x.length; ++i) if (x[i] !== y[i]) return x[i] - y[i]; return 0; })
    .map((f) => f.item_no);
}

// The files of a ZIP archive (an xlsx) as { name: Buffer }: just enough of the format for the
// archives libxlsxwriter writes (stored or deflated entries, no ZIP64).
export function unzip(bytes) {
  const eocd = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  assert.ok(eocd >= 0, 'no end of central directory: not a ZIP file');
  const count = bytes.readUInt16LE(eocd + 10);
  let at = bytes.readUInt32LE(eocd + 16);
  const files = {};
  for (let i = 0; i < count; ++i) {
    assert.equal(bytes.readUInt32LE(at), 0x02014b50, 'bad central directory entry');
    const method = bytes.readUInt16LE(at + 10);
    const size = bytes.readUInt32LE(at + 20);
    const nameLength = bytes.readUInt16LE(at + 28);
    const extraLength = bytes.readUInt16LE(at + 30);
    const commentLength = bytes.readUInt16LE(at + 32);
    const local = bytes.readUInt32LE(at + 42);
    const name = bytes.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    const start = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
    const data = bytes.subarray(start, start + size);
    files[name] = method === 8 ? inflateRawSync(data) : Buffer.from(data);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return files;
}
