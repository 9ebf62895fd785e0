// Long lists: the engagement list is read page by page (「全 N 件」, 「さらに表示」, filters start
// again from the first page), and the audit log shows every action and entity with the labels of
// /meta (never a raw key such as change_password).
import { scenario, login, listedCompanies, assert, DEMO, PASSWORD } from './helpers.mjs'

const RUN = Date.now().toString(36)

/** Calls the API from inside the signed-in page (same cookies, CSRF token from /auth/me). */
async function api(page, method, path, body) {
  return page.evaluate(
    async ({ method, path, body }) => {
      const me = await (await fetch('/api/v1/auth/me')).json()
      const res = await fetch(`/api/v1${path}`, {
        method,
        headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': me.csrf_token },
        body: body === undefined ? undefined : JSON.stringify(body),
      })
      const text = await res.text()
      return { status: res.status, body: text ? JSON.parse(text) : null }
    },
    { method, path, body },
  )
}

scenario(
  'engagement list: the first page, 「さらに表示」 for the next, and a filter starts again',
  async (page) => {
    await login(page, DEMO.secretariat.email)
    // One company with 55 engagements: more than one page of 50 whatever else is stored.
    const company = await api(page, 'POST', '/companies', { name: `ページ送り ${RUN}` })
    assert.equal(company.status, 201)
    for (let i = 0; i < 55; i++) {
      const e = await api(page, 'POST', '/engagements', { company_id: company.body.id })
      assert.equal(e.status, 201)
    }
    const all = (await api(page, 'GET', '/engagements?limit=1')).body.total
    assert.ok(all >= 57)

    await page.reload()
    await page.getByTestId('result-count').filter({ hasText: `全 ${all.toLocaleString('ja-JP')} 件` }).waitFor()
    assert.equal(await page.getByTestId('engagement-item').count(), 50, 'the first page holds 50')
    await page.getByTestId('engagement-pager-more').click()
    await page.waitForFunction(
      (n) => document.querySelectorAll('[data-testid="engagement-item"]').length === n,
      Math.min(all, 100),
    )
    const ids = await page.getByTestId('engagement-company').evaluateAll((as) => as.map((a) => a.getAttribute('href')))
    assert.equal(new Set(ids).size, ids.length, 'no engagement is listed twice')

    // A filter starts again from the first page.
    await page.getByLabel('キーワード').fill(`ページ送り ${RUN}`)
    await page.getByRole('button', { name: '検索' }).click()
    await page.getByTestId('result-count').filter({ hasText: '全 55 件（50 件を表示中）' }).waitFor()
    assert.equal(await page.getByTestId('engagement-item').count(), 50)
    await page.getByTestId('engagement-pager-more').click()
    await page.getByTestId('result-count').filter({ hasText: /^全 55 件$/ }).waitFor()
    assert.equal(await page.getByTestId('engagement-item').count(), 55)
    assert.equal(await page.getByTestId('engagement-pager-more').count(), 0, 'no more pages')
    assert.deepEqual([...new Set(await listedCompanies(page))], [`ページ送り ${RUN}`])
  },
  { timeout: 120_000 },
)

scenario('audit log: actions and entities in Japanese, filtered by entity from /meta', async (page) => {
  await login(page, DEMO.secretariat.email)
  const meta = (await api(page, 'GET', '/meta')).body
  // A password change (and back) puts change_password into the log.
  const other = `${PASSWORD}-${RUN}`
  const changed = await api(page, 'POST', '/auth/password', { current_password: PASSWORD, new_password: other })
  try {
    assert.ok(changed.status < 300, `password change answered ${changed.status}`)
  } finally {
    if (changed.status < 300) {
      const back = await api(page, 'POST', '/auth/password', { current_password: other, new_password: PASSWORD })
      assert.ok(back.status < 300, `password change back answered ${back.status}`)
    }
  }

  await page.goto('/audit')
  await page.getByTestId('audit-entry').first().waitFor()
  const tags = await page.locator('[data-testid="audit-entry"] .tag').allTextContents()
  assert.ok(tags.length > 0)
  for (const tag of tags) {
    assert.doesNotMatch(tag, /^[\x20-\x7e]+$/, `a raw key is shown: ${tag}`)
    assert.notEqual(tag.trim(), 'その他の操作', 'every action of the demo has a label')
  }
  const known = new Set(meta.audit_actions.map((a) => a.label))
  for (const tag of tags) assert.ok(known.has(tag.trim()), `label from /meta: ${tag}`)

  // The entity filter offers /meta's entities; choosing one shows only that entity (the demo and
  // the password change above have written user entries).
  const entity = meta.audit_entities.find((e) => e.key === 'user')
  assert.ok(entity, 'user is an audit entity')
  await page.getByLabel('対象', { exact: true }).selectOption({ label: entity.label })
  await page.getByRole('button', { name: '表示', exact: true }).click()
  await page.waitForFunction(
    (label) => {
      const heads = [...document.querySelectorAll('[data-testid="audit-entry"] .audit-entry__head')]
      return heads.length > 0 && heads.every((h) => h.textContent?.includes(label))
    },
    entity.label,
  )
  await page.getByTestId('audit-pager-count').filter({ hasText: /^全 / }).waitFor()
})
