// The self-assessment (自社診断) from start to finish: expert1 opens a round, invites the owner,
// a manager and three anonymous staff; everybody answers by link, item by item, resumes and
// submits; the results, the analysis, the findings and their priorities, the comparison of two
// rounds and the downloads are checked against values recomputed here from the instrument.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  ITEM_COUNT, LABELS, POINTS, ROLE_GAP_THRESHOLD, analyse, answerItems, answerPath, assertClose, assertResult,
  cast, download, expectedBand, invite, openRound, prioritise, putAnswer, respondentsOf, sheet, submit, unzip,
} from './diagnosis.mjs';
import { JAPANESE, MAKER, assertError, startServer } from './server.mjs';

// Five answer sheets (D 実施している, P 一部, N 実施していない, U わからない), chosen so that
// items 1–5 are done by everybody (drill-down), the owner and the manager say done where the
// staff do not (items 6–10: role gaps of 4, 3.33, 2.67, exactly 2.0 and 4), and the totals
// fall into every band but the top one.
const SHEETS = {
  owner: sheet('DDDDD DDDDD DDDDD DDDDD DDDPU'),   // 93 入門レベルの対策に一部不足
  manager: sheet('DDDDD DDDDD DDDDD PPPPP NNNUU'), // 68 入門レベルの対策が不十分
  staff: [
    sheet('DDDDD NNNNN DDDDD DDDDD DDDDD'),       // 80
    sheet('DDDDD NNPPN PPPPP NNNNN UUUUU'),       // 29 早急な改善が必要
    sheet('DDDDD NPPDN PPDDU DDPPN UDDDD'),       // 66
  ],
};

describe('self-assessment: the whole flow', () => {
  let server, who, round, instrument;
  const links = {};  // owner, manager, staff: [IssuedLink]

  before(async () => {
    server = await startServer();
    who = await cast(server);
  });
  after(() => server?.stop());

  test('expert1 opens a round on their engagement; it is listed and starts empty', async () => {
    const res = await who.expert1.post(`/api/v1/engagements/${who.maker.id}/diagnosis/rounds`, { name: '第1回（指導開始時）' });
    assert.equal(res.status, 201, res.text);
    round = res.data;
    assert.equal(round.engagement_id, who.maker.id);
    assert.equal(round.name, '第1回（指導開始時）');
    assert.equal(round.status, 'open');
    assert.equal(round.instrument_id, 'ipa-5min-3.1');
    assert.equal(round.respondent_count, 0);
    assert.equal(round.submitted_count, 0);
    assert.match(round.created_at, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);

    const list = await who.expert1.get(`/api/v1/engagements/${who.maker.id}/diagnosis/rounds`);
    assert.equal(list.status, 200);
    // The demo data holds one round already (デモ：第1回前); the new one is listed after it.
    assert.deepEqual(list.data.items.at(-1), round);
    assert.ok(list.data.items.some((r) => r.name === 'デモ：第1回前' && r.submitted_count === 5));

    const detail = await who.expert1.get(`/api/v1/diagnosis/rounds/${round.id}`);
    assert.equal(detail.status, 200);
    assert.deepEqual(detail.data.round, round);
    assert.deepEqual(Object.keys(detail.data).sort(), ['instrument', 'round'], 'respondents are listed on their own route');
    assert.deepEqual(await respondentsOf(who.expert1, round.id), []);
    instrument = detail.data.instrument;
  });

  test('the instrument carries the documented scores, bands and 25 items in 3 parts', () => {
    assert.equal(instrument.id, 'ipa-5min-3.1');
    assert.equal(instrument.title, '5分でできる！情報セキュリティ自社診断');
    assert.deepEqual(Object.fromEntries(instrument.choices.map((c) => [c.key, c.points])), POINTS);
    assert.deepEqual(Object.fromEntries(instrument.choices.map((c) => [c.key, c.label])), LABELS);
    assert.deepEqual(instrument.choices.filter((c) => c.follow_up).map((c) => c.key), ['unknown']);
    assert.deepEqual(instrument.items.map((i) => i.no), Array.from({ length: ITEM_COUNT }, (_, i) => i + 1));
    assert.deepEqual(instrument.parts.map((p) => p.item_nos.length), [5, 13, 7]);
    assert.deepEqual(instrument.parts.flatMap((p) => p.item_nos), instrument.items.map((i) => i.no));
    for (const item of instrument.items) {
      assert.match(item.question, JAPANESE);
      assert.ok(instrument.parts.find((p) => p.no === item.part_no).item_nos.includes(item.no));
    }
    // Every possible total falls into exactly the band the rule names.
    for (let total = -25; total <= 100; ++total) {
      const bands = instrument.bands.filter((b) => total >= b.min && total <= b.max);
      assert.equal(bands.length, 1, `total ${total}`);
      assert.equal(bands[0].key, expectedBand(total), `total ${total}`);
    }
  });

  test('invitations: a named owner, a named manager and 3 anonymous staff links', async () => {
    links.owner = await invite(who.expert1, round.id, { role: 'owner', name: '製作 太郎', department: '経営' });
    links.manager = await invite(who.expert1, round.id, { role: '管理者', name: '製造 花子', department: '製造部' });
    links.staff = await invite(who.expert1, round.id, { role: 'staff', count: 3, department: '製造部', name: '匿名のはず' });
    assert.equal(links.owner.length, 1);
    assert.equal(links.manager.length, 1);
    assert.equal(links.staff.length, 3);

    const all = [...links.owner, ...links.manager, ...links.staff];
    for (const link of all) {
      // At least 128 bits: 22 base64url characters carry 132.
      assert.match(link.token, /^[A-Za-z0-9_-]{22,}$/);
      assert.ok(Buffer.from(link.token, 'base64url').length >= 16, `token too short: ${link.token}`);
      assert.ok(link.url.endsWith(`/a/${link.token}`), link.url);
      assert.equal(new URL(link.url).pathname, `/a/${link.token}`);
      assert.equal(new URL(link.url).origin, server.baseUrl);
      assert.equal(link.respondent.round_id, round.id);
      assert.equal(link.respondent.status, 'invited');
      assert.equal(link.respondent.source, 'link');
      assert.equal(link.respondent.answered_count, 0);
      assert.equal(link.respondent.submitted_at, null);
    }
    assert.equal(new Set(all.map((l) => l.token)).size, all.length, 'tokens are unique');
    assert.equal(links.owner[0].respondent.role, 'owner');
    assert.equal(links.owner[0].respondent.role_label, '経営者');
    assert.equal(links.owner[0].respondent.name, '製作 太郎');
    assert.equal(links.manager[0].respondent.role, 'manager');  // given as the label 管理者
    assert.equal(links.manager[0].respondent.name, '製造 花子');
    for (const l of links.staff) {
      assert.equal(l.respondent.role, 'staff');
      assert.equal(l.respondent.name, '', 'count links are anonymous');
      assert.equal(l.respondent.department, '製造部');
    }

    // Tokens are shown once: neither the round nor the analysis repeats them.
    const detail = await who.expert1.get(`/api/v1/diagnosis/rounds/${round.id}`);
    assert.equal(detail.data.round.respondent_count, 5);
    const respondents = await who.expert1.get(`/api/v1/diagnosis/rounds/${round.id}/respondents`);
    assert.equal(respondents.status, 200, respondents.text);
    assert.deepEqual(respondents.data.items.map((r) => r.id), all.map((l) => l.respondent.id));
    assert.equal(respondents.data.total, 5);
    assert.equal(respondents.data.next_after, null);
    for (const l of all) {
      assert.ok(!detail.text.includes(l.token), 'the round detail leaks a token');
      assert.ok(!respondents.text.includes(l.token), 'the respondent list leaks a token');
    }
    const analysis = await who.expert1.get(`/api/v1/diagnosis/rounds/${round.id}/analysis`);
    for (const l of all) assert.ok(!analysis.text.includes(l.token), 'the analysis leaks a token');
    assert.deepEqual(analysis.data.progress,
      { owner: { invited: 1, submitted: 0 }, manager: { invited: 1, submitted: 0 }, staff: { invited: 3, submitted: 0 } });
    assert.equal(analysis.data.pending.length, 5);
  });

  test('a respondent opens the questionnaire by link, without logging in', async () => {
    const res = await server.client().get(answerPath(links.owner[0].token));
    assert.equal(res.status, 200, res.text);
    assert.equal(res.data.company_name, MAKER);
    assert.equal(res.data.round_name, round.name);
    assert.equal(res.data.round_open, true);
    assert.deepEqual(res.data.respondent, { role: 'owner', role_label: '経営者', name: '製作 太郎', department: '経営', status: 'invited' });
    assert.deepEqual(res.data.instrument, instrument);
    assert.deepEqual(res.data.answers, {});
    assert.equal(res.data.result, null);
  });

  test('everybody answers half, resumes (GET shows the saved answers), changes one, finishes and submits', async () => {
    const people = [
      [links.owner[0], SHEETS.owner], [links.manager[0], SHEETS.manager],
      ...links.staff.map((l, i) => [l, SHEETS.staff[i]]),
    ];
    await Promise.all(people.map(async ([link, answers]) => {
      const token = link.token;
      const firstHalf = Array.from({ length: 12 }, (_, i) => i + 1);
      await answerItems(server, token, answers, firstHalf);

      // Later, on another device: the saved answers come back.
      const resumed = await server.client().get(answerPath(token));
      assert.equal(resumed.status, 200);
      assert.deepEqual(resumed.data.answers, Object.fromEntries(firstHalf.map((n) => [String(n), answers[n]])));
      assert.equal(resumed.data.respondent.status, 'answering');
      assert.equal(resumed.data.result, null);

      // Changing an answer replaces it (the count does not grow).
      const changed = await putAnswer(server, token, 1, answers[1] === 'unknown' ? 'done' : 'unknown');
      assert.equal(changed.status, 200);
      assert.equal(changed.data.answered_count, 12);
      const back = await putAnswer(server, token, 1, answers[1]);
      assert.equal(back.data.answered_count, 12);

      for (let no = 13; no <= ITEM_COUNT; ++no) {
        const res = await putAnswer(server, token, no, answers[no]);
        assert.equal(res.status, 200, res.text);
        assert.equal(res.data.answered_count, no);
      }
      const full = await server.client().get(answerPath(token));
      assert.deepEqual(full.data.answers, answers);

      const submitted = await submit(server, token);
      assert.equal(submitted.status, 200, submitted.text);
      assertResult(submitted.data.result, instrument, answers, link.respondent.role);

      const afterwards = await server.client().get(answerPath(token));
      assert.equal(afterwards.status, 200);
      assert.equal(afterwards.data.respondent.status, 'submitted');
      assert.deepEqual(afterwards.data.answers, answers);
      assert.deepEqual(afterwards.data.result, submitted.data.result);
    }));
  });

  test('the results are the recomputed scores, わからない counting -1, in the documented bands', async () => {
    const res = await who.expert1.get(`/api/v1/diagnosis/rounds/${round.id}/analysis`);
    assert.equal(res.status, 200);
    const byId = Object.fromEntries(res.data.respondents.map((r) => [r.respondent_id, r]));
    const expectTotals = [
      [links.owner[0], SHEETS.owner, 93, 'partly'],
      [links.manager[0], SHEETS.manager, 68, 'insufficient'],
      [links.staff[0], SHEETS.staff[0], 80, 'partly'],
      [links.staff[1], SHEETS.staff[1], 29, 'danger'],
      [links.staff[2], SHEETS.staff[2], 66, 'insufficient'],
    ];
    assert.equal(res.data.respondents.length, 5);
    for (const [link, answers, total, band] of expectTotals) {
      const r = byId[link.respondent.id];
      assert.ok(r, `respondent ${link.respondent.id} missing from the analysis`);
      assert.equal(r.role, link.respondent.role);
      assert.equal(r.name, link.respondent.name);
      assertResult(r.result, instrument, answers, r.role);
      assert.equal(r.result.total, total);
      assert.equal(r.result.band.key, band);
    }
    // The manager's two わからない: -2 in part 3 (items 24, 25), and flagged.
    const manager = byId[links.manager[0].respondent.id].result;
    assert.equal(manager.unknown_count, 2);
    assert.deepEqual(manager.parts.map((p) => p.points), [20, 46, 2]);
  });

  test('the analysis: per-role means, role gaps sorted by gap, drill-down items, progress', async () => {
    const res = await who.expert1.get(`/api/v1/diagnosis/rounds/${round.id}/analysis`);
    const a = res.data;
    const sheets = [
      { role: 'owner', answers: SHEETS.owner }, { role: 'manager', answers: SHEETS.manager },
      ...SHEETS.staff.map((answers) => ({ role: 'staff', answers })),
    ];
    const expected = analyse(instrument, sheets);

    assert.equal(a.role_gap_threshold, ROLE_GAP_THRESHOLD);
    assert.equal(a.round.submitted_count, 5);
    const withoutRadar = (g) => ({ respondents: g.respondents, total_mean: g.total_mean });
    assertClose(withoutRadar(a.all), withoutRadar(expected.all), 'all');
    assert.deepEqual(Object.keys(a.by_role).sort(), ['manager', 'owner', 'staff']);
    for (const role of Object.keys(expected.by_role))
      assertClose(withoutRadar(a.by_role[role]), withoutRadar(expected.by_role[role]), `by_role.${role}`);
    assertClose(a.all.total_mean, (93 + 68 + 80 + 29 + 66) / 5);
    assertClose(a.by_role.owner.total_mean, 93);
    assertClose(a.by_role.manager.total_mean, 68);
    assertClose(a.by_role.staff.total_mean, (80 + 29 + 66) / 3);
    assert.equal(a.items.length, ITEM_COUNT);
    a.items.forEach((item, i) => assertClose(item, expected.items[i], `items[${i}]`));

    // Owner and manager say 実施している where all staff say 実施していない: the largest gap.
    assertClose(a.items[5].by_role.owner.mean_points, 4);
    assertClose(a.items[5].by_role.staff.mean_points, 0);
    assertClose(a.items[5].role_gap, 4);
    assert.deepEqual(a.gap_items, expected.gap_items);
    // Gaps of 4: staff (6, 10) or the manager (21–23) say 実施していない where the owner says 実施している.
    assert.deepEqual(a.gap_items.slice(0, 5), [6, 10, 21, 22, 23], 'largest gap first, ties by item number');
    assert.ok(a.gap_items.includes(9), 'a gap of exactly 2.0 counts');
    assertClose(a.items[8].role_gap, 2);
    assert.ok(!a.gap_items.includes(11), 'a gap of 1.33 does not');
    for (let i = 1; i < a.gap_items.length; ++i)
      assert.ok(a.items[a.gap_items[i - 1] - 1].role_gap >= a.items[a.gap_items[i] - 1].role_gap);

    // Items 1–5: everybody says 実施している → drill down (is it really so?).
    for (const no of [1, 2, 3, 4, 5]) assert.equal(a.items[no - 1].everyone_done, true);
    assert.deepEqual(a.drill_down_items, expected.drill_down_items);
    assert.deepEqual(a.drill_down_items, [...a.drill_down_items].sort((x, y) => x - y));
    assert.deepEqual(a.drill_down_items.filter((n) => n <= 10), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    assert.equal(a.items[24].unknown_count, 3);  // the owner, the manager and one staff member

    assert.deepEqual(a.progress,
      { owner: { invited: 1, submitted: 1 }, manager: { invited: 1, submitted: 1 }, staff: { invited: 3, submitted: 3 } });
    assert.deepEqual(a.pending, []);
  });

  test('radar values: the mean part score as a % of the part maximum, a negative mean shown as 0 % (rule 3)', async () => {
    const a = (await who.expert1.get(`/api/v1/diagnosis/rounds/${round.id}/analysis`)).data;
    const expected = analyse(instrument, [
      { role: 'owner', answers: SHEETS.owner }, { role: 'manager', answers: SHEETS.manager },
      ...SHEETS.staff.map((answers) => ({ role: 'staff', answers })),
    ]);
    assert.equal(a.all.part_percent.length, instrument.parts.length);
    // The owner alone: part 3 (items 19–25) scores 4·5 + 2 − 1 = 21 of 28.
    assertClose(a.by_role.owner.part_percent[2], 21 * 100 / 28);
    // Staff, part 3: 28, −5 (only わからない and 実施していない) and 17 → mean 40/3 of 28 = 47.6 %.
    // (Clamping each sheet at 0 before averaging would give 53.6 %.)
    assertClose(a.by_role.staff.part_percent[2], (40 / 3) * 100 / 28);
    assertClose(a.all.part_percent, expected.all.part_percent, 'all.part_percent');
    for (const role of ['owner', 'manager', 'staff'])
      assertClose(a.by_role[role].part_percent, expected.by_role[role].part_percent, `by_role.${role}.part_percent`);
  });

  test('progress counts follow invitations that are not answered yet', async () => {
    const late = await invite(who.expert1, round.id, { role: 'staff', count: 2 });
    await answerItems(server, late[0].token, SHEETS.staff[0], [1, 2]);
    const a = (await who.expert1.get(`/api/v1/diagnosis/rounds/${round.id}/analysis`)).data;
    assert.deepEqual(a.progress.staff, { invited: 5, submitted: 3 });
    assert.deepEqual(a.pending.map((p) => [p.id, p.status, p.answered_count]),
      [[late[0].respondent.id, 'answering', 2], [late[1].respondent.id, 'invited', 0]]);
    assert.equal(a.respondents.length, 5, 'unsubmitted sheets are not analysed');
    // Revoked links leave the progress.
    const revoked = await who.expert1.post(`/api/v1/diagnosis/respondents/${late[1].respondent.id}/revoke`);
    assert.equal(revoked.status, 200, revoked.text);
    assert.equal(revoked.data.status, 'revoked');
    const again = (await who.expert1.get(`/api/v1/diagnosis/rounds/${round.id}/analysis`)).data;
    assert.deepEqual(again.progress.staff, { invited: 4, submitted: 3 });
    assert.deepEqual(again.pending.map((p) => p.id), [late[0].respondent.id]);
  });

  test('findings: PUT and GET per item, and the priorities in the documented order', async () => {
    const put = (no, body) => who.expert1.request('PUT', `/api/v1/diagnosis/rounds/${round.id}/findings/${no}`, { json: body });
    const inputs = {
      6: { key_area: true, urgency: 'medium', finding: 'OSの更新が従業員任せ', notes: '経営者は実施と回答、従業員は全員未実施' },
      10: { key_area: true, urgency: 'high', importance: 'low', finding: 'パスワードの使い回し' },
      8: { urgency: 'high', importance: 'high', difficulty: 'easy', finding: '共有設定の見直し' },
      9: { urgency: 'high', importance: 'high', difficulty: 'hard', finding: '無線LANの暗号化' },
      7: { urgency: 'high', importance: 'medium', finding: 'ウイルス対策ソフトの更新' },
      3: { urgency: '高', importance: '低', finding: 'ラベルで指定' },  // Japanese labels are accepted
      1: { finding: '評価未設定の課題' },
      2: { notes: 'メモだけ（課題にはしない）' },
    };
    for (const [no, body] of Object.entries(inputs)) {
      const res = await put(no, body);
      assert.equal(res.status, 200, res.text);
      assert.equal(res.data.item_no, Number(no));
      assert.match(res.data.updated_at, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    }
    // A second PUT replaces the whole finding.
    const replaced = await put(1, { finding: '評価未設定の課題（修正）', difficulty: null });
    assert.equal(replaced.status, 200);
    assert.equal(replaced.data.finding, '評価未設定の課題（修正）');

    const res = await who.expert1.get(`/api/v1/diagnosis/rounds/${round.id}/findings`);
    assert.equal(res.status, 200);
    assert.deepEqual(res.data.items.map((f) => f.item_no), [1, 2, 3, 6, 7, 8, 9, 10]);
    const f3 = res.data.items.find((f) => f.item_no === 3);
    assert.deepEqual([f3.urgency, f3.importance, f3.difficulty, f3.key_area], ['high', 'low', null, false]);
    const f6 = res.data.items.find((f) => f.item_no === 6);
    assert.equal(f6.notes, inputs[6].notes);
    assert.equal(f6.key_area, true);
    assert.equal(res.data.items.find((f) => f.item_no === 2).finding, '');

    const order = res.data.priorities.map((f) => f.item_no);
    assert.deepEqual(order, prioritise(res.data.items));
    assert.deepEqual(order, [10, 6, 8, 9, 7, 3, 1], 'key areas, urgency, importance, ease, item number; notes-only left out');
    assert.deepEqual(res.data.priorities.find((f) => f.item_no === 10), res.data.items.find((f) => f.item_no === 10));
  });

  test('two rounds are compared: mean totals and per-item means', async () => {
    const second = await openRound(who.expert1, who.maker.id, '第2回（指導終了時）');
    const allDone = sheet('DDDDD DDDDD DDDDD DDDDD DDDDD');
    const mostly = sheet('DDDDD DDDDD DDDDD DDDDD DDDPN');
    for (const [role, answers] of [['owner', allDone], ['staff', mostly]]) {
      const res = await who.expert1.post(`/api/v1/diagnosis/rounds/${second.id}/paper`, { role, answers });
      assert.equal(res.status, 201, res.text);
    }
    const secondAnalysis = (await who.expert1.get(`/api/v1/diagnosis/rounds/${second.id}/analysis`)).data;
    const owner = secondAnalysis.respondents.find((r) => r.role === 'owner');
    assertResult(owner.result, instrument, allDone, 'paper owner');
    assert.equal(owner.result.band.key, 'reached');

    const res = await who.expert1.get(`/api/v1/engagements/${who.maker.id}/diagnosis/compare?from=${round.id}&to=${second.id}`);
    assert.equal(res.status, 200, res.text);
    assert.equal(res.data.from.id, round.id);
    assert.equal(res.data.to.id, second.id);
    assertClose(res.data.before_total_mean, (93 + 68 + 80 + 29 + 66) / 5);
    assertClose(res.data.after_total_mean, (100 + 94) / 2);
    const first = (await who.expert1.get(`/api/v1/diagnosis/rounds/${round.id}/analysis`)).data;
    assert.equal(res.data.items.length, ITEM_COUNT);
    res.data.items.forEach((item, i) => {
      assert.equal(item.item_no, i + 1);
      assertClose(item.before_mean, first.items[i].all.mean_points);
      assertClose(item.after_mean, secondAnalysis.items[i].all.mean_points);
    });
    assertClose(res.data.items[5].before_mean, (4 + 4 + 0 + 0 + 0) / 5);
    assertClose(res.data.items[24].after_mean, (4 + 0) / 2);
  });

  test('summary.xlsx is an Excel workbook with a Japanese file name', async () => {
    const res = await download(who.expert1, 'GET', `/api/v1/diagnosis/rounds/${round.id}/summary.xlsx`);
    assert.equal(res.status, 200, res.text);
    assert.equal(res.headers.get('content-type'), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    assert.deepEqual([...res.bytes.subarray(0, 4)], [0x50, 0x4b, 0x03, 0x04], 'a ZIP (PK) file');
    const files = unzip(res.bytes);
    assert.ok(files['xl/workbook.xml'] && files['[Content_Types].xml'], 'an OOXML workbook');
    const strings = files['xl/sharedStrings.xml'].toString('utf8');
    for (const text of [MAKER, round.name, '製作 太郎', 'OSの更新が従業員任せ', '経営者', '従業員'])
      assert.ok(strings.includes(text), `the workbook does not show ${text}`);
    const disposition = res.headers.get('content-disposition');
    assert.match(disposition, /^attachment;/);
    const name = decodeURIComponent(/filename\*=UTF-8''([^;]+)/.exec(disposition)[1]);
    assert.ok(name.startsWith(`${MAKER}_自社診断結果のまとめ_${round.name}_`), name);
    assert.match(name, /_\d{4}-\d\d-\d\d\.xlsx$/);
    assert.equal(res.headers.get('cache-control'), 'no-store');
  });

  test('report.pdf is a PDF', async () => {
    const res = await download(who.expert1, 'GET', `/api/v1/diagnosis/rounds/${round.id}/report.pdf`);
    assert.equal(res.status, 200, res.text);
    assert.equal(res.headers.get('content-type'), 'application/pdf');
    assert.equal(res.bytes.subarray(0, 5).toString('latin1'), '%PDF-');
    assert.match(res.bytes.subarray(-32).toString('latin1'), /%%EOF\s*$/);
    const name = decodeURIComponent(/filename\*=UTF-8''([^;]+)/.exec(res.headers.get('content-disposition'))[1]);
    assert.ok(name.startsWith(`${MAKER}_自社診断結果報告_`) && name.endsWith('.pdf'), name);
  });

  test('invitation-sheet.pdf prints live links of the round; a token of another round is a 422', async () => {
    const fresh = await invite(who.expert1, round.id, { role: 'staff', count: 3 });
    const body = { links: fresh.map((l) => ({ respondent_id: l.respondent.id, token: l.token })) };
    const res = await download(who.expert1, 'POST', `/api/v1/diagnosis/rounds/${round.id}/invitation-sheet.pdf`, body);
    assert.equal(res.status, 200, res.text);
    assert.equal(res.headers.get('content-type'), 'application/pdf');
    assert.equal(res.bytes.subarray(0, 5).toString('latin1'), '%PDF-');
    const name = decodeURIComponent(/filename\*=UTF-8''([^;]+)/.exec(res.headers.get('content-disposition'))[1]);
    assert.ok(name.startsWith(`${MAKER}_自社診断_招待状_`), name);

    const other = await openRound(who.expert1, who.maker.id, '別の回');
    const [foreign] = await invite(who.expert1, other.id, { role: 'staff' });
    const bad = await who.expert1.post(`/api/v1/diagnosis/rounds/${round.id}/invitation-sheet.pdf`,
      { links: [...body.links, { respondent_id: foreign.respondent.id, token: foreign.token }] });
    assertError(bad, 422, 'validation', { fields: [`links.${foreign.respondent.id}`] });
    assert.deepEqual(Object.keys(bad.data.error.fields), [`links.${foreign.respondent.id}`]);
    // The right round but the token of another respondent: refused as well.
    const swapped = await who.expert1.post(`/api/v1/diagnosis/rounds/${round.id}/invitation-sheet.pdf`,
      { links: [{ respondent_id: fresh[0].respondent.id, token: fresh[1].token }] });
    assertError(swapped, 422, 'validation', { fields: [`links.${fresh[0].respondent.id}`] });
    assertError(await who.expert1.post(`/api/v1/diagnosis/rounds/${round.id}/invitation-sheet.pdf`, { links: [] }), 422, 'validation', { fields: ['links'] });
    assertError(await who.expert1.post(`/api/v1/diagnosis/rounds/${round.id}/invitation-sheet.pdf`, { links: [{ respondent_id: '1', token: 5 }] }), 422, 'validation', { fields: ['links'] });
  });
});
