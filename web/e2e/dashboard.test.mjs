// The secretariat's dashboard: counts at the top that filter when clicked (and change with the
// filters), the table with a chip per session, filters in the address, the experts' workload,
// 「Excelで出力」, reassigning an expert with confirmation, and no serious axe violation.
import { createRequire } from 'node:module'
import { readFile } from 'node:fs/promises'
import { scenario, login, api, assert, DEMO } from './helpers.mjs'

const require = createRequire(import.meta.url)
const AXE = await readFile(require.resolve('axe-core/axe.min.js'), 'utf8')
const RUN = Date.now().toString(36)

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

const countOf = async (page, testid) => Number((await page.getByTestId(testid).innerText()).replace(/[^\d]/g, ''))

scenario(
  'dashboard: counts filter by state, the table follows, Excel export, reassigning an expert',
  async (page) => {
    await login(page, DEMO.secretariat.email)
    const industry = `E2E業種${RUN}`
    const company = await api(page, 'POST', '/companies', { name: `進捗確認 ${RUN}`, industry })
    assert.equal(company.status, 201)
    const unplanned = await api(page, 'POST', '/engagements', { company_id: company.body.id })
    assert.equal(unplanned.status, 201)
    const planned = await api(page, 'POST', '/engagements', {
      company_id: company.body.id,
      sessions: [{ no: 1, planned_date: '2031-04-01' }],
    })
    assert.equal(planned.status, 201)
    // An expert of this run's own, so that other specs' experts keep exactly their engagements.
    const expertName = `E2E専門家 ${RUN}`
    const expert = await api(page, 'POST', '/users', {
      email: `e2e-dash-${RUN}@example.jp`,
      name: expertName,
      role: 'expert',
    })
    assert.equal(expert.status, 201)

    await page.getByRole('navigation').getByRole('link', { name: 'ダッシュボード', exact: true }).click()
    await page.waitForURL((url) => url.pathname === '/dashboard')
    await page.getByRole('heading', { level: 1, name: 'ダッシュボード' }).waitFor()
    await page.getByTestId('dashboard-row').first().waitFor()
    const all = await countOf(page, 'count-engagements')
    const unplannedCount = Number((await page.getByTestId('state-unplanned').innerText()).match(/([\d,]+)件/)[1].replace(/,/g, ''))
    assert.ok(unplannedCount >= 1 && unplannedCount < all, `未計画 ${unplannedCount} of ${all}`)
    assert.deepEqual(await seriousAxeViolations(page), [], 'dashboard: axe')

    // The 未計画 count is a filter: the counts and the table follow, the address keeps it.
    await page.getByTestId('state-unplanned').click()
    await page.waitForURL((url) => url.searchParams.get('state') === 'unplanned')
    await page.getByTestId('count-engagements').filter({ hasText: String(unplannedCount.toLocaleString('ja-JP')) }).waitFor()
    assert.notEqual(await countOf(page, 'count-engagements'), all, 'the count changed with the filter')
    assert.equal(await page.getByTestId('state-unplanned').getAttribute('aria-pressed'), 'true')
    await page.getByTestId('dashboard-result-count').filter({ hasText: `全 ${unplannedCount.toLocaleString('ja-JP')} 件` }).waitFor()

    // Narrowed to our industry: just the undated engagement, every session 未計画.
    await page.getByLabel('業種', { exact: true }).selectOption(industry)
    await page.waitForURL((url) => url.searchParams.get('industry') === industry)
    await page.getByTestId('count-engagements').filter({ hasText: /^1件$/ }).waitFor()
    const rows = page.getByTestId('dashboard-row')
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="dashboard-row"]').length === 1)
    const chips = await rows.first().getByTestId('progress-chip').allInnerTexts()
    assert.ok(chips.length >= 3 && chips.every((c) => /第\d+回\s*未計画/.test(c)), chips.join(' / '))
    // The state counts ignore the state filter: 予定 still counts the dated one.
    await page.getByTestId('state-planned').filter({ hasText: '1件' }).waitFor()

    // Reload keeps the filters (they live in the address).
    await page.reload()
    await page.getByTestId('count-engagements').filter({ hasText: /^1件$/ }).waitFor()
    assert.equal(await page.getByLabel('現在の回の状況', { exact: true }).inputValue(), 'unplanned')

    // The table as Excel, with the same filters.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('dashboard-xlsx').click()])
    assert.match(download.suggestedFilename(), /^指導案件一覧_\d{4}-\d{2}-\d{2}\.xlsx$/)
    const href = await page.getByTestId('dashboard-xlsx').getAttribute('href')
    assert.match(href, /state=unplanned/)
    const xlsx = await page.request.get(href)
    assert.equal(xlsx.status(), 200)
    assert.equal((await xlsx.body()).subarray(0, 2).toString(), 'PK')

    // Reassigning: choose, confirm, and the row shows the new expert.
    await rows.first().getByTestId('reassign').click()
    await page.getByTestId('reassign-panel').waitFor()
    await page.getByLabel('新しい担当専門家').selectOption({ label: expertName })
    await page.getByRole('button', { name: '次へ（確認）' }).click()
    await page.getByTestId('reassign-confirm-text').filter({ hasText: `「未割当」から「${expertName}」` }).waitFor()
    assert.deepEqual(await seriousAxeViolations(page), [], 'reassign panel: axe')
    await page.getByRole('button', { name: '変更を確定' }).click()
    await page.getByTestId('alert-success').filter({ hasText: expertName }).waitFor()
    await rows.first().getByTestId('dashboard-expert').filter({ hasText: expertName }).waitFor()

    // The experts' workload counts the new expert's engagement.
    await page.getByTestId('workload-row').filter({ hasText: expertName }).filter({ hasText: '1' }).waitFor()
  },
  { timeout: 90_000 },
)

scenario('dashboard: only for the secretariat', async (page) => {
  await login(page, DEMO.expert1.email)
  assert.equal(await page.getByRole('navigation').getByRole('link', { name: 'ダッシュボード', exact: true }).count(), 0)
  await page.goto('/dashboard')
  await page.waitForURL((url) => url.pathname === '/forbidden')
})
