// 【様式2】関連規程類の点検結果シート in the browser: on the demo engagement of サンプル製作所 the expert
// sets all 11 categories (each choice saved as it is made), sees the summary and the categories
// that go to the action plan, downloads the .xlsx, and an import of an edited file with an unknown
// result shows the error with its row and column (nothing stored).
import { execFile } from 'node:child_process'
import { createRequire } from 'node:module'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { scenario, login, api, assert, DEMO, SEISAKUSHO } from './helpers.mjs'

const run = promisify(execFile)
const AXE_SOURCE = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')

/** axe-core on the page as it is: no serious or critical violation (as a11y.test.mjs checks). */
async function checkAxe(page) {
  await page.evaluate(AXE_SOURCE)
  const serious = await page.evaluate(async () => {
    // @ts-ignore: injected above
    const result = await window.axe.run(document, { resultTypes: ['violations'] })
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.impact} ${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`)
  })
  assert.deepEqual(serious, [], 'axe found serious or critical violations on the rules check page')
}
const KEYS = ['new', 'revised', 'unchanged', 'not_needed']

scenario(
  'the expert sets all 11 categories, sees the summary, downloads the sheet, and an import error names row and column',
  async (page) => {
    await login(page, DEMO.expert1.email)
    const list = await api(page, 'GET', '/engagements?limit=200')
    const engagement = list.body.items.find((e) => e.company_name === SEISAKUSHO)
    assert.ok(engagement, 'the demo engagement of サンプル製作所')
    await page.goto(`/engagements/${engagement.id}/rules-check`)
    await page.getByRole('heading', { level: 1, name: '【様式2】関連規程類の点検結果シート' }).waitFor()

    for (let no = 1; no <= 11; no += 1) {
      const select = page.getByTestId(`rules-result-${no}`)
      await select.selectOption(KEYS[(no - 1) % 4])
      await page.getByTestId(`rules-saved-${no}`).waitFor()
    }
    await page.getByLabel('担当').first().fill('総務 山田')
    await page.getByLabel('担当').first().blur()
    await page.getByTestId('rules-saved-1').waitFor()

    const summary = page.getByTestId('rules-summary')
    await summary.getByText('新規に作成した（作成予定）：3件').waitFor()
    assert.match(await page.getByTestId('rules-count-not_needed').textContent(), /2件/)
    assert.match(await page.getByTestId('rules-count-unset').textContent(), /0件/)
    assert.match(await page.getByTestId('rules-plan').textContent(), /1\. 組織的対策.*2\. 人的対策/)

    // After a reload the choices are there: they were stored, not only shown.
    await page.reload()
    assert.equal(await page.getByTestId('rules-result-11').inputValue(), 'unchanged')

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('rules-export').click()])
    assert.match(download.suggestedFilename(), /^株式会社サンプル製作所_関連規程類の点検結果\.xlsx$/)
    const dir = await mkdtemp(path.join(os.tmpdir(), 'shido-e2e-rules-'))
    try {
      const file = path.join(dir, 'edited.xlsx')
      await download.saveAs(file)
      await run('/usr/bin/python3', ['-c', `import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb.worksheets[0]
assert ws['B6'].value == '組織的対策', ws['B6'].value
ws['D8'] = '検討中'
wb.save(sys.argv[1])`, file])
      await page.getByTestId('rules-file').setInputFiles(file)
      await page.getByTestId('rules-import').click()
      const errors = page.getByTestId('rules-import-errors')
      await errors.waitFor()
      const cells = await errors.locator('tbody tr').first().locator('td').allTextContents()
      assert.deepEqual(cells.slice(0, 2), ['8', 'D'])
      assert.match(cells[2], /検討中/)
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
    await checkAxe(page)
    // Nothing was stored by the refused import.
    const sheet = await api(page, 'GET', `/engagements/${engagement.id}/rules-check`)
    assert.equal(sheet.body.rows[2].result, 'unchanged')
  },
  { timeout: 90_000, allowHttpErrors: [{ path: /\/rules-check\/import$/, status: 422 }] },
)
