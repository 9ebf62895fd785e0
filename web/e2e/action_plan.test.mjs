// 【様式3】対策実行計画書 in the browser on the demo engagement of サンプル製作所: the expert opens
// the plan from the engagement page's documents, builds it from the key finding and 様式2 (a
// category marked revised in session 2), sees the thread and the timeline chart, edits a rating
// and a deadline beyond a year (flagged), saves; a bad deadline is shown at its row; the owner
// approves and sees who approved and when; the expert then hands it to the secretariat.
import { createRequire } from 'node:module'
import { readFile } from 'node:fs/promises'
import { scenario, extraPage, login, api, assert, DEMO, SEISAKUSHO } from './helpers.mjs'

const AXE_SOURCE = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')

/** axe-core on the page as it is: no serious or critical violation (as a11y.test.mjs checks). */
async function checkPlanAxe(page) {
  await page.evaluate(AXE_SOURCE)
  const serious = await page.evaluate(async () => {
    // @ts-ignore: injected above
    const result = await window.axe.run(document, { resultTypes: ['violations'] })
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.impact} ${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`)
  })
  assert.deepEqual(serious, [], 'axe found serious or critical violations on the action plan page')
}

async function openPlan(page) {
  const list = await api(page, 'GET', '/engagements?limit=200')
  const engagement = list.body.items.find((e) => e.company_name === SEISAKUSHO)
  assert.ok(engagement, 'the demo engagement of サンプル製作所')
  return engagement
}

scenario(
  'the expert builds the plan, edits and saves it; the owner approves it',
  async (page) => {
    await login(page, DEMO.expert1.email)
    const engagement = await openPlan(page)
    // 様式2 (session 2): category 4 revised, so the plan has a rule to take over.
    const rules = await api(page, 'GET', `/engagements/${engagement.id}/rules-check`)
    const saved = await api(page, 'PUT', `/engagements/${engagement.id}/rules-check/rows/4`, {
      result: 'revised', content: 'パスワードとアクセス権の規程を改定', assignee: '総務 花子', due_date: '2027-03-31', version: rules.body.version,
    })
    assert.equal(saved.status, 200)

    // From the engagement page, as a new user would.
    await page.goto(`/engagements/${engagement.id}`)
    await page.getByRole('link', { name: /対策実行計画書/ }).first().click()
    await page.waitForURL((url) => url.pathname === `/engagements/${engagement.id}/action-plan`)
    await page.getByRole('heading', { level: 1, name: '【様式3】業界ガイドライン適合のための対策実行計画書' }).waitFor()

    await page.getByTestId('ap-build').click()
    await page.getByTestId('ap-message').getByText(/件の対策を追加しました/).waitFor()
    const thread = await page.getByTestId('ap-priority').textContent()
    assert.match(thread, /診断項目4.*課題「重要情報のアクセス権が部署ごとに設定されていない」.*規程「4\. アクセス制御及び認証」/)
    assert.doesNotMatch(await page.getByTestId('ap-coverage').textContent(), /未対応/)
    await page.getByTestId('chart').first().waitFor()
    assert.ok((await page.locator('[data-testid="chart"] svg').count()) > 0, 'the timeline is drawn')
    await checkPlanAxe(page)

    // A deadline before the programme started is refused at its row; nothing is lost on screen.
    await page.getByTestId('ap-deadline-0').fill('2026-01-05')
    await page.getByTestId('ap-save').click()
    await page.getByTestId('ap-row-error-0').getByText(/1行目の実施期限（2026-01-05）が指導の開始日/).waitFor()
    assert.equal(await page.getByTestId('ap-deadline-0').inputValue(), '2026-01-05')

    await page.getByTestId('ap-urgency-0').selectOption('low')
    await page.getByTestId('ap-feasibility-0').selectOption('feasible')
    await page.getByTestId('ap-deadline-0').fill('2028-12-25')
    await page.getByTestId('ap-save').click()
    await page.getByTestId('ap-message').getByText('保存しました。').waitFor()
    await page.getByTestId('ap-far-0').waitFor()
    await page.reload()
    assert.equal(await page.getByTestId('ap-urgency-0').inputValue(), 'low')
    assert.match(await page.getByTestId('ap-state').textContent(), /作成中/)
    assert.equal(await page.getByTestId('ap-approve').count(), 0, 'the expert does not approve')

    // The owner, in a browser of their own, approves the saved version.
    const owner = await extraPage({ viewport: { width: 1280, height: 900 }, mobile: false })
    try {
      await login(owner.page, DEMO.owner1.email)
      await owner.page.goto(`/engagements/${engagement.id}/action-plan`)
      await owner.page.getByTestId('ap-approve').click()
      await owner.page.getByTestId('ap-approval').getByText(/製作 太郎 さんが/).waitFor()
      assert.match(await owner.page.getByTestId('ap-state').textContent(), /承認済/)
      assert.deepEqual(owner.problems, [])
    } finally {
      await owner.close()
    }
    await page.reload()
    await page.getByTestId('ap-submit').click()
    await page.getByTestId('ap-submitted').waitFor()
  },
  { timeout: 90_000, allowHttpErrors: [{ path: /\/action-plan$/, status: 422 }] },
)
