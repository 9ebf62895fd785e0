import { scenario, login, listedCompanies, searchEngagements, assert, DEMO, SEISAKUSHO, UNYU } from './helpers.mjs'

function assertOnly(names, expected) {
  assert.ok(names.length >= 1, 'at least one engagement is listed')
  assert.deepEqual([...new Set(names)], [expected], `only ${expected} should be listed, got ${names.join(', ')}`)
}

scenario('secretariat sees every engagement and the admin menu', async (page) => {
  await login(page, DEMO.secretariat.email)
  assert.equal((await page.getByTestId('user-role').textContent())?.trim(), DEMO.secretariat.role)
  // Every engagement, page by page: the count covers both demo companies, and each is found.
  const total = Number(((await page.getByTestId('result-count').textContent()) ?? '').match(/全 ([\d,]+) 件/)?.[1].replace(/,/g, ''))
  assert.ok(total >= 2, `at least the two demo engagements are counted: ${total}`)
  await searchEngagements(page, SEISAKUSHO)
  assertOnly(await listedCompanies(page), SEISAKUSHO)
  await page.goto('/engagements')
  await page.getByTestId('result-count').waitFor()
  for (const item of ['企業', 'ユーザー', '監査ログ']) {
    await page.getByRole('navigation').getByRole('link', { name: item, exact: true }).waitFor()
  }
  await page.getByRole('search', { name: '指導案件の絞り込み' }).waitFor()

  // The free-text filter narrows the list.
  await page.getByLabel('キーワード').fill('運輸')
  await page.getByRole('button', { name: '検索' }).click()
  await page.waitForURL((url) => url.searchParams.get('q') === '運輸')
  // Wait for the filtered answer (the unfiltered first page may not hold サンプル製作所 at all, so
  // waiting for it to go away would prove nothing); then only サンプル運輸 is listed.
  await page
    .waitForFunction(
      (name) => {
        const shown = [...document.querySelectorAll('[data-testid="engagement-company"]')].map((a) => a.textContent?.trim())
        return shown.length > 0 && shown.every((n) => n === name)
      },
      UNYU,
    )
    .catch(() => {})
  assertOnly(await listedCompanies(page), UNYU)
})

scenario('expert1 sees only the engagement of サンプル製作所 and may edit it', async (page) => {
  await login(page, DEMO.expert1.email)
  assertOnly(await listedCompanies(page), SEISAKUSHO)
  assert.equal(await page.getByRole('navigation').getByRole('link', { name: '企業', exact: true }).count(), 0)
  assert.equal(await page.getByRole('link', { name: '案件を登録' }).count(), 0)

  await page.getByTestId('engagement-company').first().click()
  await page.getByTestId('engagement-title').filter({ hasText: SEISAKUSHO }).waitFor()
  await page.getByTestId('session-4').waitFor()
  await page.getByTestId('edit-engagement').waitFor()
  assert.equal(await page.getByRole('heading', { name: '変更履歴' }).count(), 0)
})

scenario('expert2 sees only the engagement of サンプル運輸', async (page) => {
  await login(page, DEMO.expert2.email)
  assertOnly(await listedCompanies(page), UNYU)
})

scenario('owner1 sees only its own engagement, read-only', async (page) => {
  await login(page, DEMO.owner1.email)
  assertOnly(await listedCompanies(page), SEISAKUSHO)
  await page.getByTestId('engagement-company').first().click()
  await page.getByTestId('engagement-title').filter({ hasText: SEISAKUSHO }).waitFor()
  await page.getByTestId('session-1').waitFor()
  assert.equal(await page.getByTestId('edit-engagement').count(), 0, 'company users get no edit controls')
})

scenario('owner2 sees only サンプル運輸 and cannot open secretariat pages', async (page) => {
  await login(page, DEMO.owner2.email)
  assertOnly(await listedCompanies(page), UNYU)
  await page.goto('/companies')
  await page.getByRole('heading', { level: 1, name: 'このページを表示する権限がありません' }).waitFor()
})
