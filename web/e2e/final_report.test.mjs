// 最終報告書 in the browser on the demo engagement of サンプル製作所, each role in its own browser:
// the expert opens the report from the engagement page's documents, finds the draft written from
// the engagement, adds the evaluation and submits; the secretariat returns it once with a comment
// (required); the expert sees why, revises and resubmits; the secretariat accepts it; the owner
// reads the accepted copy; the PDF downloads and holds the text with an embedded font.
import { execFile } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { scenario, extraPage, login, api, assert, DEMO, SEISAKUSHO } from './helpers.mjs'

const run = promisify(execFile)

scenario(
  'the expert submits the final report, the secretariat returns it once, then accepts the revised one',
  async (page) => {
    const expert = await extraPage({ viewport: { width: 1280, height: 800 }, mobile: false })
    const ep = expert.page
    try {
      // ---- 専門家: from the engagement page to the draft ----
      await login(ep, DEMO.expert1.email)
      const list = await api(ep, 'GET', '/engagements?limit=200')
      const engagement = list.body.items.find((e) => e.company_name === SEISAKUSHO)
      assert.ok(engagement, 'the demo engagement of サンプル製作所')
      const id = engagement.id
      await ep.goto(`/engagements/${id}`)
      await ep.getByRole('link', { name: /最終報告書/ }).first().click()
      await ep.waitForURL((url) => url.pathname === `/engagements/${id}/final-report`)
      await ep.getByRole('heading', { level: 1, name: '最終報告書' }).waitFor()
      assert.match(await ep.getByTestId('final-report-overview').inputValue(), /第1回/)
      assert.match(await ep.getByTestId('final-report-diagnosis').inputValue(), /初回/)
      await ep.getByTestId('final-report-scores').getByText('初回').first().waitFor()

      // The evaluation is required: the page says so before anything is sent.
      await ep.getByTestId('final-report-submit').click()
      await ep.getByText('「専門家の所見・評価」を入力してから提出してください。').first().waitFor()
      await ep.getByTestId('final-report-evaluation').fill('経営者が主導して、基本方針の策定まで進みました。')
      await ep.getByTestId('final-report-submit').click()
      await ep.getByTestId('final-report-state').filter({ hasText: '提出済' }).waitFor()

      // ---- 事務局: the submitted copy, returned with a comment ----
      await login(page, DEMO.secretariat.email)
      await page.goto(`/engagements/${id}/final-report`)
      await page.getByTestId('final-report-read-evaluation').filter({ hasText: '基本方針の策定まで' }).waitFor()
      await page.getByTestId('final-report-return').click()
      await page.getByText('差戻しの理由を入力してください。').first().waitFor()
      await page.getByTestId('final-report-comment').fill('継続支援の提案を書いてください。')
      await page.getByTestId('final-report-return').click()
      await page.getByTestId('final-report-state').filter({ hasText: '差戻し' }).waitFor()

      // ---- 専門家: sees why, revises, resubmits ----
      await ep.reload()
      await ep.getByTestId('final-report-returned').filter({ hasText: '継続支援の提案を書いてください。' }).waitFor()
      assert.match(await ep.getByTestId('final-report-evaluation').inputValue(), /基本方針の策定まで/, 'the working copy is kept')
      await ep.getByTestId('final-report-support').fill('次年度は従業員教育の定着を支援します。')
      await ep.getByTestId('final-report-submit').click()
      await ep.getByTestId('final-report-state').filter({ hasText: '提出済' }).waitFor()

      // ---- 事務局: accepts ----
      await page.reload()
      await page.getByTestId('final-report-read-support').filter({ hasText: '従業員教育の定着' }).waitFor()
      await page.getByTestId('final-report-accept').click()
      await page.getByTestId('final-report-state').filter({ hasText: '受理' }).waitFor()
      const steps = page.getByTestId('final-report-steps')
      await steps.getByText('「継続支援の提案を書いてください。」').waitFor()
      assert.equal(await steps.locator('li').count(), 4)

      // The PDF downloads and opens: the text is there and the Japanese font is embedded.
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('final-report-pdf').click()])
      assert.match(download.suggestedFilename(), /最終報告書\.pdf$/)
      const dir = await mkdtemp(path.join(os.tmpdir(), 'shido-final-'))
      try {
        const file = path.join(dir, 'report.pdf')
        await download.saveAs(file)
        const { stdout: text } = await run('pdftotext', [file, '-'])
        const flat = text.replace(/\s+/g, '')
        for (const expected of ['最終報告書', '専門家の所見・評価', '従業員教育の定着を支援します。', '継続支援の提案を書いてください。'])
          assert.ok(flat.includes(expected), `${expected} in the PDF`)
        const { stdout: fonts } = await run('pdffonts', [file])
        assert.match(fonts, /IPAex\S*\s.*\syes\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+/, fonts)
      } finally {
        await rm(dir, { recursive: true, force: true })
      }
      assert.deepEqual(expert.problems, [], 'the expert\'s page had no errors')
    } finally {
      await expert.close()
    }

    // ---- 経営者: reads the accepted copy, no review buttons ----
    const owner = await extraPage({ viewport: { width: 1280, height: 800 }, mobile: false })
    try {
      await login(owner.page, DEMO.owner1.email)
      const list = await api(owner.page, 'GET', '/engagements?limit=200')
      const id = list.body.items.find((e) => e.company_name === SEISAKUSHO).id
      await owner.page.goto(`/engagements/${id}/final-report`)
      await owner.page.getByTestId('final-report-state').filter({ hasText: '受理' }).waitFor()
      await owner.page.getByTestId('final-report-read-support').filter({ hasText: '従業員教育の定着' }).waitFor()
      assert.equal(await owner.page.getByTestId('final-report-accept').count(), 0)
      assert.deepEqual(owner.problems, [])
    } finally {
      await owner.close()
    }
  },
  { timeout: 120_000 },
)
