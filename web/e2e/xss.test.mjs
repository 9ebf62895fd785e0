import { scenario, login, listedCompanies, assert, DEMO } from './helpers.mjs'

// The payload must come back as text everywhere. A run id keeps reruns on one database apart.
const RUN = Date.now().toString(36)
const NAME = `<script>window.__xss=1</script>テスト ${RUN}`

async function assertNoXss(page) {
  assert.equal(await page.evaluate(() => typeof window.__xss), 'undefined', 'window.__xss must stay undefined')
  assert.equal(await page.locator('main script').count(), 0, 'no script element inside the page content')
}

scenario('secretariat registers a company and an engagement; markup in the name is shown literally', async (page) => {
  await login(page, DEMO.secretariat.email)

  // 企業登録
  await page.getByRole('navigation').getByRole('link', { name: '企業', exact: true }).click()
  await page.getByRole('link', { name: '企業を登録' }).click()
  await page.getByLabel('企業名').fill(NAME)
  await page.getByLabel('業種').fill('情報通信業')
  await page.getByLabel('従業員数').fill('12')
  await page.getByRole('button', { name: '登録する' }).click()
  await page.waitForURL((url) => url.pathname === '/companies')
  await page.getByTestId('company-name').filter({ hasText: NAME }).first().waitFor()
  assert.ok((await page.getByTestId('company-name').allTextContents()).includes(NAME))
  await assertNoXss(page)

  // 案件登録
  // The company is searched among all companies (search as you type), then chosen.
  await page.goto('/engagements/new')
  await page.getByRole('searchbox', { name: '指導先企業を検索' }).fill(RUN)
  const company = page.getByRole('combobox', { name: /^指導先企業/ })
  await company.locator('option', { hasText: NAME }).waitFor({ state: 'attached' })
  await company.selectOption({ label: NAME })
  await page.getByLabel('第1回').fill('2026-04-10')
  await page.getByRole('button', { name: '登録する' }).click()
  await page.waitForURL((url) => /^\/engagements\/\d+$/.test(url.pathname))
  const title = page.getByTestId('engagement-title')
  await title.waitFor()
  assert.equal((await title.textContent())?.trim(), NAME)
  assert.equal((await page.getByTestId('company-name').textContent())?.trim(), NAME)
  await assertNoXss(page)

  // Edit the status (PATCH with version and CSRF token); the change shows in 変更履歴.
  await page.getByTestId('edit-engagement').click()
  await page.getByLabel('ステータス', { exact: true }).selectOption({ label: '指導中' })
  await page.getByRole('button', { name: '保存' }).click()
  await page.getByText('保存しました。').waitFor()
  await page.getByRole('heading', { name: '変更履歴' }).waitFor()
  await page.getByTestId('audit-entry').first().waitFor()
  await assertNoXss(page)

  // And the list shows it as text too.
  await page.goto('/engagements')
  const names = await listedCompanies(page)
  assert.ok(names.includes(NAME), 'new engagement listed with the literal name')
  await assertNoXss(page)
})
