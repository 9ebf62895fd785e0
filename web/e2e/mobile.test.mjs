import { scenario, login, listedCompanies, searchEngagements, openMenu, assert, DEMO, SEISAKUSHO, UNYU } from './helpers.mjs'

const PHONE = { width: 360, height: 740 }

async function assertNoHorizontalScroll(page) {
  const { scroll, client } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
  }))
  assert.ok(scroll <= client, `page is wider than the screen: ${scroll} > ${client}`)
}

scenario(
  'phone: the engagement list shows cards and fits 360px',
  async (page) => {
    await login(page, DEMO.secretariat.email)
    assert.ok((await listedCompanies(page)).length >= 1)
    await page.getByTestId('engagement-cards').waitFor()
    assert.equal(await page.getByTestId('engagement-table').count(), 0, 'no table on a phone')
    await assertNoHorizontalScroll(page)

    // The menu folds away; opened, it offers the account actions.
    await openMenu(page)
    await page.getByRole('button', { name: 'ログアウト' }).waitFor()
    await assertNoHorizontalScroll(page)

    // The keyword filter finds one; its card opens the detail page, which also fits.
    await searchEngagements(page, UNYU)
    await assertNoHorizontalScroll(page)
    await page.getByTestId('engagement-company').filter({ hasText: UNYU }).first().click()
    await page.getByTestId('session-4').waitFor()
    await assertNoHorizontalScroll(page)
  },
  { viewport: PHONE },
)

scenario(
  'phone: expert logs in and out',
  async (page) => {
    await login(page, DEMO.expert1.email)
    assert.deepEqual([...new Set(await listedCompanies(page))], [SEISAKUSHO])
    await openMenu(page)
    await page.getByRole('button', { name: 'ログアウト' }).click()
    await page.waitForURL((url) => url.pathname === '/login')
    await assertNoHorizontalScroll(page)
  },
  { viewport: PHONE },
)
