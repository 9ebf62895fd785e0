// 情報セキュリティ基本方針 in the browser, on the demo engagement of サンプル製作所: the company's
// owner drafts the policy from the guide's sample (the company's name filled in), dates it and
// saves, revises an article and saves a second version; the expert compares the two versions
// side by side (the changed characters marked); the owner approves the newer one; each export
// downloads. Adds two versions on each run.
import { createRequire } from 'node:module'
import { readFile } from 'node:fs/promises'
import { scenario, extraPage, login, api, assert, DEMO, SEISAKUSHO } from './helpers.mjs'

const RUN = Date.now().toString(36)
const AXE_SOURCE = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')

/** axe-core on the page as it is now: no serious or critical violation. */
async function checkAxe(page, what) {
  await page.evaluate(AXE_SOURCE)
  const serious = await page.evaluate(async () => {
    // @ts-ignore: injected above
    const result = await window.axe.run(document, { resultTypes: ['violations'] })
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.slice(0, 5).map((n) => n.target.join(' ')).join(' | ')}`)
  })
  assert.deepEqual(serious, [], `${what}: axe found serious or critical violations`)
}

async function openPolicy(page, id) {
  await page.goto(`/engagements/${id}/policy`)
  await page.getByRole('heading', { level: 1, name: '情報セキュリティ基本方針' }).waitFor()
  await page.getByTestId('policy-state').waitFor()
}

scenario(
  'the company drafts its policy from the sample, the expert compares two versions, the owner approves',
  async (page) => {
    await login(page, DEMO.owner1.email)
    const list = await api(page, 'GET', '/engagements?limit=50')
    const engagement = list.body.items.find((e) => e.company_name === SEISAKUSHO)
    assert.ok(engagement, 'demo engagement of サンプル製作所')
    const id = engagement.id

    // ---- 経営者: from the sample ----
    await openPolicy(page, id)
    await page.getByTestId('policy-from-sample').click()
    const editor = page.getByRole('form', { name: '基本方針の編集' })
    await editor.waitFor()
    assert.equal(await page.getByLabel(/^会社名/).inputValue(), SEISAKUSHO)
    assert.equal(await page.getByTestId('policy-article-title').count(), 5)
    assert.equal(await page.getByTestId('policy-article-1').getByTestId('policy-article-title').inputValue(), '経営者の責任')
    await page.getByTestId('policy-established').fill('2026-04-01')
    await page.getByTestId('policy-note').fill(`サンプルから ${RUN}`)
    await page.getByTestId('policy-unsaved').waitFor()
    await page.getByTestId('policy-save').click()
    await page.getByText(/第\d+版として保存しました。/).waitFor()
    const first = Number((await page.getByText(/第\d+版として保存しました。/).textContent()).match(/第(\d+)版/)[1])

    // The second version: article 1 revised, an article added.
    await page.getByTestId('policy-article-1').getByTestId('policy-article-text').fill(`当社は、経営者主導で情報セキュリティの改善に努めます。${RUN}`)
    await page.getByTestId('policy-add-article').click()
    await page.getByTestId('policy-article-6').getByTestId('policy-article-title').fill('委託先の管理')
    await page.getByTestId('policy-article-6').getByTestId('policy-article-text').fill('当社は、委託先を適切に管理します。')
    await page.getByTestId('policy-save').click()
    await page.getByText(`第${first + 1}版として保存しました。`).waitFor()
    await page.getByTestId(`policy-version-${first + 1}`).waitFor()
    await checkAxe(page, 'the policy page with the editor')

    // ---- 専門家: compares the two versions ----
    const expert = await extraPage({ viewport: { width: 1280, height: 900 }, mobile: false })
    try {
      const ep = expert.page
      await login(ep, DEMO.expert1.email)
      await openPolicy(ep, id)
      await ep.getByTestId('policy-diff-from').selectOption(String(first))
      await ep.getByTestId('policy-diff-to').selectOption(String(first + 1))
      await ep.getByTestId('policy-compare').click()
      const diff = ep.getByTestId('policy-diff')
      await diff.waitFor()
      const changed = diff.locator('tr[data-change="changed"]')
      assert.equal(await changed.count(), 1)
      assert.match(await changed.locator('ins').first().textContent(), new RegExp(RUN))
      assert.ok((await diff.locator('tr[data-change="added"]').allTextContents()).some((t) => t.includes('6. 委託先の管理')))
      await checkAxe(ep, 'the comparison of two versions')
      assert.deepEqual(expert.problems, [])
      assert.equal(await ep.getByTestId(`policy-approve-${first + 1}`).count(), 0, 'the expert cannot approve')
    } finally {
      await expert.close()
    }

    // ---- 経営者: approves the newer version ----
    await page.getByTestId(`policy-approve-${first + 1}`).click()
    await page.getByText(`第${first + 1}版を承認しました。`).waitFor()
    assert.equal((await page.getByTestId('policy-state').textContent()).trim(), '承認済')
    assert.match(await page.getByTestId(`policy-version-${first + 1}`).textContent(), /承認済/)

    // Every export of the approved version downloads.
    const row = page.getByTestId(`policy-version-${first + 1}`)
    for (const [name, type] of [['PDF', 'application/pdf'], ['Word', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'], ['Webページ', 'text/html']]) {
      const href = await row.getByRole('link', { name, exact: true }).getAttribute('href')
      const got = await page.evaluate(async (url) => {
        const res = await fetch(url)
        return { status: res.status, type: res.headers.get('content-type'), size: (await res.arrayBuffer()).byteLength }
      }, href)
      assert.equal(got.status, 200, `${name}: ${href}`)
      assert.ok(got.type.startsWith(type), `${name}: ${got.type}`)
      assert.ok(got.size > 500, `${name}: ${got.size} bytes`)
    }
  },
  { timeout: 120_000 },
)
