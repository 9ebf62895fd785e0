// 自社診断 end to end: the expert opens a round, invites an owner, a manager and three anonymous
// staff, every link is answered on its own phone-sized browser, and the expert reads the
// analysis (totals, role gap, drill-down, charts), records findings and downloads the exports.
// Also: a revoked link and a superseded (reissued) link show the server's Japanese message.
import { mkdir, readFile } from 'node:fs/promises'
import { scenario, extraPage, login, assert, DEMO, SEISAKUSHO, ARTIFACTS } from './helpers.mjs'

const RUN = Date.now().toString(36)
const PHONE = { width: 360, height: 740 }
const ANSWER_ERRORS = [
  { path: /^\/api\/v1\/answer\//, status: 403 },
  { path: /^\/api\/v1\/answer\//, status: 404 },
  { path: /^\/api\/v1\/answer\//, status: 410 },
]

const LABEL = { done: '実施している', partial: '一部実施している', not_done: '実施していない', unknown: 'わからない' }
const POINTS = { done: 4, partial: 2, not_done: 0, unknown: -1 }

/** Answers for items 1..25 from ranges: [[from, to, choice], …]. */
function sheet(ranges) {
  const out = {}
  for (const [from, to, choice] of ranges) for (let no = from; no <= to; no++) out[no] = choice
  assert.equal(Object.keys(out).length, 25)
  return out
}
const total = (answers) => Object.values(answers).reduce((s, c) => s + POINTS[c], 0)

// Items 1–5: everyone says 実施している (drill down: really?). Items 6–10: the owner says
// 実施している, the staff say 実施していない (a role gap). わからない appears too.
const SHEETS = {
  owner: sheet([[1, 24, 'done'], [25, 25, 'unknown']]),
  manager: sheet([[1, 5, 'done'], [6, 18, 'partial'], [19, 25, 'not_done']]),
  staff1: sheet([[1, 5, 'done'], [6, 10, 'not_done'], [11, 20, 'partial'], [21, 24, 'unknown'], [25, 25, 'not_done']]),
  staff2: sheet([[1, 5, 'done'], [6, 10, 'not_done'], [11, 25, 'partial']]),
  staff3: sheet([[1, 5, 'done'], [6, 10, 'not_done'], [11, 22, 'done'], [23, 25, 'unknown']]),
}

async function assertNoHorizontalScroll(page) {
  const { scroll, client } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
  }))
  assert.ok(scroll <= client, `page is wider than the screen: ${scroll} > ${client}`)
}

/** Runs fn on a fresh phone-sized browser (no staff cookies); fails on console errors. */
async function asRespondent(name, fn, allowHttpErrors = []) {
  const { page, problems, close } = await extraPage({ viewport: PHONE, allowHttpErrors })
  try {
    await fn(page)
    assert.deepEqual(problems, [], `${name}: unexpected console errors, page errors or dialogs`)
  } catch (err) {
    await mkdir(ARTIFACTS, { recursive: true })
    await page.screenshot({ path: `${ARTIFACTS}respondent_${name}.png`, fullPage: true }).catch(() => {})
    if (problems.length) console.error(`[${name}] page problems:\n  ${problems.join('\n  ')}`)
    throw err
  } finally {
    await close()
  }
}

async function waitSaved(page, no) {
  await page.getByTestId(`status-${no}`).getByText('保存済み').waitFor()
}

/** Answers the items of the part on screen; returns the item numbers answered. */
async function answerPart(page, answers, { only } = {}) {
  const questions = page.locator('fieldset[data-testid^="question-"]')
  await questions.first().waitFor()
  const ids = await questions.evaluateAll((els) => els.map((e) => Number(e.dataset.testid.replace('question-', ''))))
  const done = []
  for (const no of ids) {
    if (only && !only(no)) continue
    await page.getByTestId(`question-${no}`).getByRole('radio', { name: LABEL[answers[no]], exact: true }).check()
    done.push(no)
  }
  if (done.length) await waitSaved(page, done[done.length - 1])
  return done
}

async function openRoundPage(page, roundName) {
  await login(page, DEMO.expert1.email)
  await page.getByTestId('engagement-company').filter({ hasText: SEISAKUSHO }).first().click()
  await page.getByTestId('diagnosis-link').click()
  await page.getByRole('heading', { level: 1, name: '自社診断' }).waitFor()
  await page.getByLabel(/^回の名前/).fill(roundName)
  await page.getByTestId('create-round').click()
  await page.getByTestId('round-title').filter({ hasText: roundName }).waitFor()
  return Number(new URL(page.url()).pathname.split('/')[3])
}

async function invite(page, { role, name, count }) {
  const form = page.getByTestId('invite-form')
  await form.getByLabel(/^役割/).selectOption({ label: role })
  if (name) {
    await form.getByLabel('氏名を指定して1名分').check()
    await form.getByLabel(/^氏名/).fill(name)
  } else {
    await form.getByLabel('匿名のリンクをまとめて発行').check()
    await form.getByLabel(/^人数/).fill(String(count))
  }
  const before = await page.getByTestId('issued-link').count()
  await page.getByTestId('invite-submit').click()
  await page.waitForFunction(
    (n) => document.querySelectorAll('[data-testid="issued-link"]').length === n,
    before + (count ?? 1),
  )
}

async function issuedLinks(page) {
  const rows = page.getByTestId('issued-link')
  const n = await rows.count()
  const out = []
  for (let i = 0; i < n; i++) {
    const row = rows.nth(i)
    out.push({
      who: (await row.locator('.link-item__who').textContent())?.trim() ?? '',
      url: await row.getByTestId('issued-link-url').inputValue(),
    })
  }
  return out
}

async function answerAll(page, url, answers, { reloadMidway = false } = {}) {
  await page.goto(url)
  await page.getByTestId('answer-company').filter({ hasText: SEISAKUSHO }).waitFor()
  await assertNoHorizontalScroll(page)
  await page.getByTestId('answer-start').click()

  // Part 1
  await page.getByRole('heading', { level: 1, name: '基本的対策' }).waitFor()
  await answerPart(page, answers)
  await assertNoHorizontalScroll(page)
  await page.getByTestId('answer-next').click()

  // Part 2 (optionally: half of it, then reload: the answers must still be there)
  await page.getByRole('heading', { level: 1, name: '従業員としての対策' }).waitFor()
  if (reloadMidway) {
    await answerPart(page, answers, { only: (no) => no <= 9 })
    await page.getByTestId('answered-count').filter({ hasText: '9/25' }).waitFor()
    await page.reload()
    await page.getByRole('heading', { level: 1, name: '従業員としての対策' }).waitFor()
    await page.getByTestId('answered-count').filter({ hasText: '9/25' }).waitFor()
    for (const no of [6, 9]) {
      const radio = page.getByTestId(`question-${no}`).getByRole('radio', { name: LABEL[answers[no]], exact: true })
      assert.ok(await radio.isChecked(), `item ${no} keeps its answer after reload`)
    }
    assert.equal(
      await page.getByTestId('question-10').locator('input:checked').count(),
      0,
      'item 10 is still unanswered after reload',
    )
    // Reopening the link without ?step= resumes at the first unanswered part.
    await page.goto(url)
    await page.getByRole('heading', { level: 1, name: '従業員としての対策' }).waitFor()
    await answerPart(page, answers, { only: (no) => no > 9 })
  } else {
    await answerPart(page, answers)
  }
  await page.getByTestId('answer-next').click()

  // Part 3
  await page.getByRole('heading', { level: 1, name: '組織としての対策' }).waitFor()
  await answerPart(page, answers)
  await page.getByTestId('answered-count').filter({ hasText: '25/25' }).waitFor()
  await page.getByTestId('answer-next').click()

  // Confirm and submit
  await page.getByRole('heading', { level: 1, name: '回答の確認' }).waitFor()
  await page.getByTestId('all-answered').waitFor()
  await page.getByTestId('answer-submit').click()
  await page.getByRole('heading', { level: 1, name: '診断結果' }).waitFor()
  const shown = Number((await page.getByTestId('result-total').textContent())?.trim())
  assert.equal(shown, total(answers), 'the result page shows the total score')
  await page.getByTestId('result-band').waitFor()
  assert.equal(await page.getByTestId('result-part').count(), 3)
  const unknown = Object.values(answers).filter((c) => c === 'unknown').length
  assert.match((await page.getByTestId('result-unknown').textContent()) ?? '', new RegExp(`${unknown}問`))
  await assertNoHorizontalScroll(page)

  // The link now shows the result again, not the questions.
  await page.reload()
  await page.getByRole('heading', { level: 1, name: '診断結果' }).waitFor()
}

scenario(
  'self-assessment: invite, answer on phones, analyse, record findings, download',
  async (page) => {
    const roundName = `E2E 第1回前 ${RUN}`
    const roundId = await openRoundPage(page, roundName)

    await invite(page, { role: '経営者', name: '山田 社長' })
    await invite(page, { role: '管理者', name: '佐藤 課長' })
    await invite(page, { role: '従業員', count: 3 })
    const links = await issuedLinks(page)
    assert.equal(links.length, 5, 'five links are shown')
    for (const l of links) assert.match(l.url, /^https?:\/\/[^/]+\/a\/[^/?#]+$/, `an absolute /a/<token> link: ${l.url}`)
    assert.equal(new Set(links.map((l) => l.url)).size, 5, 'every link differs')
    assert.match(links[0].who, /経営者/)
    assert.match(links[1].who, /管理者/)
    for (const l of links.slice(2)) assert.match(l.who, /従業員/)

    // The invitation sheet is a PDF download.
    const [pdfDownload] = await Promise.all([page.waitForEvent('download'), page.getByTestId('print-invitations').click()])
    assert.match(pdfDownload.suggestedFilename(), /\.pdf$/)
    const pdfPath = await pdfDownload.path()
    assert.equal((await readFile(pdfPath)).subarray(0, 5).toString(), '%PDF-')

    // Respondents are listed by role, none submitted yet.
    await page.getByTestId('group-owner').getByText('山田 社長').waitFor()
    await page.getByTestId('group-staff').getByTestId('respondent-row').nth(2).waitFor()
    assert.equal(await page.getByTestId('group-staff').getByTestId('respondent-row').count(), 3)

    // Every link answered on its own phone.
    const plan = [
      ['owner', links[0].url, SHEETS.owner, {}],
      ['manager', links[1].url, SHEETS.manager, {}],
      ['staff1', links[2].url, SHEETS.staff1, { reloadMidway: true }],
      ['staff2', links[3].url, SHEETS.staff2, {}],
      ['staff3', links[4].url, SHEETS.staff3, {}],
    ]
    for (const [name, url, answers, opts] of plan) {
      await asRespondent(name, (p) => answerAll(p, url, answers, opts))
    }

    // Back as the expert: everyone submitted.
    await page.reload()
    await page.getByTestId('round-submitted').filter({ hasText: '5' }).waitFor()
    // The respondents are read by role after the round itself.
    await page.waitForFunction(
      () => document.querySelectorAll('[data-testid="respondent-row"][data-status="submitted"]').length === 5,
    )
    assert.equal(await page.locator('[data-testid="respondent-row"]').count(), 5)

    // Analysis: totals and bands, role gap, わからない, drill-down with check points, charts.
    await page.getByTestId('tab-analysis').click()
    await page.getByTestId('respondent-results').waitFor()
    const totals = (await page.getByTestId('respondent-total').allTextContents()).map((t) => Number(t.trim()))
    assert.deepEqual(
      [...totals].sort((a, b) => a - b),
      Object.values(SHEETS).map(total).sort((a, b) => a - b),
      'per-respondent totals',
    )
    assert.equal(await page.getByTestId('respondent-band').count(), 5)
    const mean = Number((await page.getByTestId('company-mean').textContent())?.trim())
    const expectedMean = Object.values(SHEETS).map(total).reduce((a, b) => a + b, 0) / 5
    assert.ok(Math.abs(mean - expectedMean) < 0.06, `company mean ${mean} ≈ ${expectedMean}`)

    const gaps = page.getByTestId('gap-item')
    await gaps.first().waitFor()
    const gapText = (await page.getByTestId('gap-section').textContent()) ?? ''
    for (const no of [6, 7, 8, 9, 10]) assert.match(gapText, new RegExp(`問${no}\\b`), `item ${no} has a role gap`)
    const opposite = (await page.getByTestId('gap-opposite').first().textContent()) ?? ''
    assert.match(opposite, /経営者は主に「実施している」/)
    assert.match(opposite, /従業員は主に「実施していない」/)

    assert.ok((await page.getByTestId('unknown-item').count()) >= 1, 'わからない items are listed')

    const drillText = (await page.getByTestId('drill-section').textContent()) ?? ''
    for (const no of [1, 2, 3, 4, 5]) assert.match(drillText, new RegExp(`問${no}\\b`), `item ${no} needs drill-down`)
    assert.match(drillText, /全員が「実施している」と回答/)
    assert.match(drillText, /掘り下げるチェックポイント/)
    assert.ok((await page.getByTestId('drill-item').first().locator('.checkpoints li').count()) >= 1)

    await page.waitForFunction(() => document.querySelectorAll('[data-testid="chart"] svg, [data-testid="chart"] canvas').length >= 2)
    for (const label of await page.getByTestId('chart').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')))) {
      assert.ok(label && label.length > 10, 'charts carry an aria-label')
    }
    await page.getByTestId('radar-table').waitFor()

    // 課題整理: two findings; the key area comes first in the priority list.
    await page.getByTestId('tab-findings').click()
    await page.getByTestId('priority-section').waitFor()
    for (const [no, text, urgency, importance, difficulty, key] of [
      [7, '誤送信を防ぐ仕組みがない', '中', '中', '難', false],
      [6, '添付ファイルの扱いが従業員に周知されていない', '高', '高', '易', true],
    ]) {
      const box = page.getByTestId(`finding-${no}`)
      await box.locator('summary').first().click()
      await box.getByLabel('掘り下げメモ').fill(`経営者は実施、従業員は未実施と回答（問${no}）`)
      await box.getByLabel('課題', { exact: true }).fill(text)
      await box.getByLabel('緊急度', { exact: true }).selectOption({ label: urgency })
      await box.getByLabel('重要度', { exact: true }).selectOption({ label: importance })
      await box.getByLabel('難易度', { exact: true }).selectOption({ label: difficulty })
      if (key) await box.getByLabel('重点改善領域にする').check()
      await page.getByTestId(`finding-save-${no}`).click()
      await box.getByText(`問${no}を保存しました。`).waitFor()
    }
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="priority-row"]').length === 2)
    const order = await page.getByTestId('priority-row').allTextContents()
    assert.match(order[0], /問6/, 'the key area is first')
    assert.match(order[1], /問7/)

    // Reload: the findings are stored.
    await page.reload()
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="priority-row"]').length === 2)

    // Downloads: the summary workbook and the report.
    const xlsx = await page.request.get(`/api/v1/diagnosis/rounds/${roundId}/summary.xlsx`)
    assert.equal(xlsx.status(), 200)
    assert.match(xlsx.headers()['content-type'] ?? '', /spreadsheetml/)
    assert.equal((await xlsx.body()).subarray(0, 2).toString(), 'PK')
    const pdf = await page.request.get(`/api/v1/diagnosis/rounds/${roundId}/report.pdf`)
    assert.equal(pdf.status(), 200)
    assert.match(pdf.headers()['content-type'] ?? '', /application\/pdf/)
    const [reportDownload] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-pdf').click()])
    assert.match(reportDownload.suggestedFilename(), /\.pdf$/)
    const [xlsxDownload] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-xlsx').click()])
    assert.match(xlsxDownload.suggestedFilename(), /\.xlsx$/)
  },
  { timeout: 240_000 },
)

scenario(
  'self-assessment: a revoked link and a superseded link show the Japanese error; remind gives a new link',
  async (page) => {
    await openRoundPage(page, `E2E 失効 ${RUN}`)
    await invite(page, { role: '従業員', count: 2 })
    const [first, second] = await issuedLinks(page)

    // The first respondent starts answering.
    await asRespondent('before-remind', async (p) => {
      await p.goto(first.url)
      await p.getByTestId('answer-start').click()
      await answerPart(p, SHEETS.staff2, { only: (no) => no <= 2 })
    })

    // リマインド: a new link inside a ready-to-send message; the old link stops working.
    const rows = page.locator('[data-testid="respondent-row"]')
    await rows.first().waitFor()
    await page.reload()
    const answering = page.locator('[data-testid="respondent-row"][data-status="answering"]')
    await answering.getByTestId('respondent-answered').filter({ hasText: '2/25' }).waitFor()
    await answering.getByTestId('remind').click()
    const message = await page.getByTestId('reminder-message').inputValue()
    const newUrl = /https?:\/\/\S+\/a\/\S+/.exec(message)?.[0]
    assert.ok(newUrl && newUrl !== first.url, 'the reminder carries a new link')
    assert.match(message, /2\/25/)

    await asRespondent(
      'superseded',
      async (p) => {
        await p.goto(first.url)
        const err = p.getByTestId('answer-fatal')
        await err.waitFor()
        assert.match((await err.textContent()) ?? '', /[ぁ-んァ-ン一-龥]/, 'a Japanese message')
        assert.equal(await p.locator('fieldset').count(), 0, 'no questions shown')
      },
      ANSWER_ERRORS,
    )
    // The new link resumes with the answers kept.
    await asRespondent('reissued', async (p) => {
      await p.goto(newUrl)
      await p.getByTestId('answered-count').filter({ hasText: '2/25' }).waitFor()
    })

    // 無効化: the second link shows the server's Japanese message and nothing else.
    const invited = page.locator('[data-testid="respondent-row"][data-status="invited"]')
    await invited.getByTestId('revoke').click()
    await invited.getByTestId('revoke-confirm').click()
    await page.locator('[data-testid="respondent-row"][data-status="revoked"]').waitFor()
    await asRespondent(
      'revoked',
      async (p) => {
        await p.goto(second.url)
        const err = p.getByTestId('answer-fatal')
        await err.waitFor()
        const text = ((await err.textContent()) ?? '').trim()
        assert.match(text, /[ぁ-んァ-ン一-龥]/, `a Japanese message, got: ${text}`)
        assert.doesNotMatch(text, /[{}]/)
        assert.equal(await p.locator('fieldset').count(), 0, 'no questions shown')
        assert.equal(new URL(p.url()).pathname.startsWith('/a/'), true, 'no redirect to the login page')
      },
      ANSWER_ERRORS,
    )

    // An unknown link: same.
    await asRespondent(
      'unknown',
      async (p) => {
        await p.goto('/a/this-link-does-not-exist')
        await p.getByTestId('answer-fatal').waitFor()
        assert.equal(new URL(p.url()).pathname, '/a/this-link-does-not-exist')
      },
      ANSWER_ERRORS,
    )
  },
  { timeout: 120_000 },
)

scenario(
  'self-assessment: paper entry, CSV import (errors listed, then imported) and round comparison',
  async (page) => {
    const roundName = `E2E 最終 ${RUN}`
    const roundId = await openRoundPage(page, roundName)

    // Paper: every item is required.
    await page.getByTestId('paper-section').locator('summary').click()
    const paper = page.getByTestId('paper-form')
    await paper.getByLabel(/^役割/).selectOption({ label: '経営者' })
    await paper.getByLabel(/^氏名/).fill('紙 太郎')
    await page.getByTestId('paper-submit').click()
    await paper.getByRole('alert').filter({ hasText: '未入力の項目' }).waitFor()
    for (let no = 1; no <= 25; no++) {
      await page.getByTestId(`paper-item-${no}`).getByRole('radio', { name: no <= 20 ? '実施している' : '一部実施している', exact: true }).check()
    }
    await page.getByTestId('paper-submit').click()
    await paper.getByText('紙の回答を登録しました').waitFor()
    await page.getByTestId('group-owner').getByText('紙 太郎').waitFor()

    // CSV: a template to download; a file with an error imports nothing and lists the problem.
    await page.getByTestId('csv-section').locator('summary').click()
    const [template] = await Promise.all([page.waitForEvent('download'), page.getByTestId('csv-template').click()])
    assert.match(template.suggestedFilename(), /\.csv$/)
    const header = (await readFile(await template.path(), 'utf8')).replace(/^\uFEFF/, '').trim()
    assert.equal(header, '役割,氏名,部署,' + Array.from({ length: 25 }, (_, i) => i + 1).join(','))

    const row = (role, name, values) => [role, name, '製造部', ...values].join(',')
    const good = [
      header,
      row('従業員', 'CSV 一郎', Array(25).fill(2)),
      row('staff', '', Array.from({ length: 25 }, (_, i) => (i < 10 ? 4 : 0))),
    ]
    const bad = [...good.slice(0, 2), row('従業員', 'CSV 二郎', [...Array(24).fill(4), 9])]
    await page.setInputFiles('#csv-file', { name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from(bad.join('\r\n') + '\r\n') })
    await page.getByTestId('csv-submit').click()
    const errors = page.getByTestId('csv-errors')
    await errors.waitFor()
    assert.ok((await errors.locator('tbody tr').count()) >= 1, 'the problem rows are listed')
    // Nothing imported, as the server has it (the page does not reload its list after a refusal).
    const stored = await page.request.get(`/api/v1/diagnosis/rounds/${roundId}/respondents?limit=200`)
    assert.equal(stored.status(), 200)
    assert.deepEqual((await stored.json()).items.map((r) => r.name), ['紙 太郎'], 'nothing imported: only the paper sheet is stored')
    assert.equal(await page.getByText('CSV 一郎').count(), 0, 'nothing imported')

    await page.setInputFiles('#csv-file', { name: 'good.csv', mimeType: 'text/csv', buffer: Buffer.from('\uFEFF' + good.join('\r\n') + '\r\n') })
    await page.getByTestId('csv-submit').click()
    await page.getByText('2件の回答を取り込みました。').waitFor()
    await page.getByTestId('group-staff').getByText('CSV 一郎').waitFor()
    await page.getByTestId('round-submitted').filter({ hasText: '3' }).waitFor()

    // Close the round: invitations stop.
    await page.getByRole('button', { name: '回の設定' }).click()
    await page.getByTestId('close-round').click()
    await page.getByTestId('close-round-confirm').click()
    await page.getByTestId('round-status').filter({ hasText: '締切' }).waitFor()
    assert.equal(await page.getByTestId('invite-form').count(), 0)

    // Compare with an earlier round of the same engagement.
    await page.getByRole('link', { name: '自社診断', exact: true }).click()
    const compare = page.getByTestId('round-compare')
    await compare.waitFor()
    await compare.getByLabel('比較先（後）').selectOption({ label: roundName })
    await page.getByTestId('compare-run').click()
    await page.getByTestId('compare-result').waitFor()
    assert.equal(await page.getByTestId('compare-row').count(), 25)
  },
  { timeout: 120_000, allowHttpErrors: [{ path: /^\/api\/v1\/diagnosis\/rounds\/\d+\/import$/, status: 422 }] },
)
