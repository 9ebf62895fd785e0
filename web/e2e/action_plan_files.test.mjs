// 【様式3】 edited in a spreadsheet, in the browser: on the demo engagement of サンプル製作所 the
// expert downloads the plan's .xlsx, changes a rating and adds a row in it (openpyxl stands in
// for Excel), uploads it, reads the preview of the changes, imports it as a new version; a copy
// with 「特高」 shows the error at its row and column; then the owner approves the imported plan.
import { execFile } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { scenario, login, api, assert, DEMO, SEISAKUSHO } from './helpers.mjs'

const run = promisify(execFile)

async function edited(download, dir, name, edits) {
  const file = path.join(dir, name)
  await download.saveAs(file)
  await run('/usr/bin/python3', ['-c', `import sys, datetime, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb.worksheets[0]
${edits}
wb.save(sys.argv[1])`, file])
  return file
}

scenario(
  'the expert edits the plan in a spreadsheet, previews and imports it; the owner approves it',
  async (page) => {
    await login(page, DEMO.expert1.email)
    const list = await api(page, 'GET', '/engagements?limit=200')
    const engagement = list.body.items.find((e) => e.company_name === SEISAKUSHO)
    assert.ok(engagement, 'the demo engagement of サンプル製作所')
    let plan = (await api(page, 'GET', `/engagements/${engagement.id}/action-plan`)).body
    if (plan.version === 0) {
      plan = (await api(page, 'POST', `/engagements/${engagement.id}/action-plan/build`, { version: 0 })).body.plan
    }
    assert.ok(plan.measures.length > 0, 'the plan has rows to edit')
    await page.goto(`/engagements/${engagement.id}/action-plan`)
    await page.getByTestId('plan-export-xlsx').waitFor()

    const dir = await mkdtemp(path.join(os.tmpdir(), 'shido-e2e-plan-'))
    try {
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('plan-export-xlsx').click()])
      assert.match(download.suggestedFilename(), /^株式会社サンプル製作所_対策実行計画書\.xlsx$/)
      const bad = await edited(download, dir, 'bad.xlsx', "ws['F8'] = '特高'")
      await page.getByTestId('plan-file').setInputFiles(bad)
      await page.getByTestId('plan-import-check').click()
      const errors = page.getByTestId('plan-import-errors')
      await errors.waitFor()
      const cells = await errors.locator('tbody tr').first().locator('td').allTextContents()
      assert.deepEqual(cells.slice(0, 2), ['8', 'F'])
      assert.match(cells[2], /特高/)

      const good = await edited(download, dir, 'good.xlsx', `
ws['F8'] = '高' if ws['F8'].value == '低' else '低'
last = ws.max_row + 1
ws.cell(row=last, column=2, value='物理的対策')
ws.cell(row=last, column=4, value='来客の入退室を記録する')
ws.cell(row=last, column=9, value='可')
ws.cell(row=last, column=10, value=datetime.date(2027, 5, 31))`)
      await page.getByTestId('plan-file').setInputFiles(good)
      await page.getByTestId('plan-import-check').click()
      const preview = page.getByTestId('plan-import-preview')
      await preview.waitFor()
      await preview.getByText('追加: 来客の入退室を記録する').waitFor()
      await preview.getByText(/の緊急度「.*」→「[高低]」/).waitFor()
      await page.getByTestId('plan-import-apply').click()
      await page.getByText('ファイルの内容を取り込みました').waitFor()
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
    const after = (await api(page, 'GET', `/engagements/${engagement.id}/action-plan`)).body
    assert.equal(after.version, plan.version + 1)
    assert.ok(after.measures.some((m) => m.action === '来客の入退室を記録する' && m.area_key === 'physical'))

    await page.context().clearCookies()
    await login(page, DEMO.owner1.email)
    await page.goto(`/engagements/${engagement.id}/action-plan`)
    // The approval block may already show an earlier version's approval: wait for the answer.
    const approving = page.waitForResponse((r) => r.url().endsWith('/action-plan/approve') && r.request().method() === 'POST')
    await page.getByTestId('ap-approve').click()
    assert.equal((await approving).status(), 200)
    await page.getByTestId('ap-approval').waitFor()
    const approved = (await api(page, 'GET', `/engagements/${engagement.id}/action-plan`)).body
    assert.equal(approved.state, 'approved')
  },
  { timeout: 120_000, allowHttpErrors: [{ path: /\/action-plan\/import\/preview$/, status: 422 }] },
)
