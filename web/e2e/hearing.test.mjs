// 【様式1】ヒアリングシート in the browser, on the demo engagement of サンプル製作所: the expert
// prepares and fills items (each field saves on its own, 保存中 → 保存済み), marks two answers
// unclear, reloads and finds everything kept; the .xlsx opens in LibreOffice with the Japanese
// text and the PDF embeds its fonts; at session 2 the two unclear items are listed first and
// one is resolved with a note. Texts carry a run id, so the spec runs again on the same data.
import { createRequire } from 'node:module'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { convertWithLibreOffice, pdfFonts, pdfText } from '../../tests/api/office.mjs'
import { scenario, login, api, assert, DEMO, SEISAKUSHO } from './helpers.mjs'

const RUN = Date.now().toString(36)
const AXE = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')

async function seriousAxeViolations(page) {
  await page.evaluate(AXE)
  return page.evaluate(async () => {
    // @ts-ignore: injected above
    const result = await window.axe.run(document, { resultTypes: ['violations'] })
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`)
  })
}

async function savedState(page, key) {
  await page.getByTestId(`hearing-state-${key}`).filter({ hasText: '保存済み' }).waitFor()
}

async function downloadBytes(page, testId) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()])
  const dir = await mkdtemp(path.join(os.tmpdir(), 'shido-hearing-e2e-'))
  try {
    const file = path.join(dir, download.suggestedFilename())
    await download.saveAs(file)
    return { name: download.suggestedFilename(), bytes: await readFile(file) }
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

async function markUnclear(page, key) {
  const box = page.getByTestId(`hearing-unclear-${key}`)
  if (await box.isChecked()) {
    await box.uncheck()
    await savedState(page, key)
  }
  await box.check()
  await savedState(page, key)
}

scenario(
  'the expert fills the hearing sheet, two unclear answers come back at session 2, the exports open',
  async (page) => {
    await login(page, DEMO.expert1.email)
    const list = await api(page, 'GET', '/engagements?limit=200')
    const engagement = list.body.items.find((e) => e.company_name === SEISAKUSHO)
    assert.ok(engagement, 'demo engagement of サンプル製作所')
    const id = engagement.id

    await page.goto(`/engagements/${id}/hearing`)
    await page.getByTestId('hearing-title').filter({ hasText: '【様式1】ヒアリングシート' }).waitFor()
    assert.equal(await page.getByTestId('hearing-section-5').locator('li.hearing-item').count() >= 9, true)

    const prep = `Web サイト：従業員約30名、工場1か所（${RUN}）`
    await page.getByTestId('hearing-prep-1').fill(prep)
    await page.getByTestId('hearing-state-1').filter({ hasText: /保存中|保存済み|未保存/ }).waitFor()
    await savedState(page, '1')
    const result = `金属部品の製造。取引先は自動車部品メーカー（${RUN}）`
    await page.getByTestId('hearing-result-1').fill(result)
    await savedState(page, '1')
    await page.getByTestId('hearing-result-5.9').fill(`バックアップは取っているらしい（${RUN}）`)
    await savedState(page, '5.9')
    await markUnclear(page, '5.9')
    await markUnclear(page, '7.2')

    // Everything was stored: a reload shows it.
    await page.reload()
    await page.getByTestId('hearing-title').waitFor()
    assert.equal(await page.getByTestId('hearing-prep-1').inputValue(), prep)
    assert.equal(await page.getByTestId('hearing-result-1').inputValue(), result)
    assert.equal(await page.getByTestId('hearing-unclear-5.9').isChecked(), true)
    assert.equal(await page.getByTestId('hearing-unclear-7.2').isChecked(), true)
    assert.notEqual(await page.getByTestId('hearing-status').textContent(), '未着手')
    assert.deepEqual(await seriousAxeViolations(page), [], 'hearing sheet: axe')

    // The exports download and open.
    const xlsx = await downloadBytes(page, 'hearing-xlsx')
    assert.equal(xlsx.name, `ヒアリングシート_${SEISAKUSHO}.xlsx`)
    const converted = (await pdfText(await convertWithLibreOffice(xlsx.bytes, 'xlsx'))).replace(/\s+/g, '')
    for (const text of ['【様式1】ヒアリングシート', SEISAKUSHO, result])
      assert.ok(converted.includes(text.replace(/\s+/g, '')), `LibreOffice shows ${text}`)
    const pdf = await downloadBytes(page, 'hearing-pdf')
    assert.equal(pdf.name, `ヒアリングシート_${SEISAKUSHO}.pdf`)
    // pdftotext -layout interleaves the columns of a wrapped cell: a piece within one line.
    const pdfFlat = (await pdfText(pdf.bytes)).replace(/\s+/g, '')
    for (const text of ['【様式1】ヒアリングシート', '金属部品の製造。', '要確認']) assert.ok(pdfFlat.includes(text), `the PDF shows ${text}`)
    const fonts = await pdfFonts(pdf.bytes)
    assert.ok(fonts.length > 0 && fonts.every((f) => f.embedded), JSON.stringify(fonts))

    // Session 2 starts with the two unclear answers; one is resolved there.
    await page.goto(`/engagements/${id}/sessions/2`)
    const review = page.getByTestId('hearing-review')
    await review.waitFor()
    await review.getByTestId('hearing-review-5.9').waitFor()
    await review.getByTestId('hearing-review-7.2').waitFor()
    assert.deepEqual(await seriousAxeViolations(page), [], 'session 2 with the review: axe')
    await review.getByTestId('hearing-review-note-5.9').fill(`外付けディスクに週1回（${RUN}）`)
    await review.getByTestId('hearing-review-resolve-5.9').click()
    await review.getByTestId('hearing-review-resolved').filter({ hasText: '5.9' }).waitFor()
    assert.equal(await review.getByTestId('hearing-review-5.9').count(), 0)

    await page.goto(`/engagements/${id}/hearing`)
    await page.getByTestId('hearing-title').waitFor()
    assert.equal(await page.getByTestId('hearing-unclear-5.9').isChecked(), false)
    assert.match(await page.getByTestId('hearing-result-5.9').inputValue(), /【第2回で確認 \d{4}-\d{2}-\d{2}】外付けディスクに週1回/)
  },
  { timeout: 240_000 },
)
