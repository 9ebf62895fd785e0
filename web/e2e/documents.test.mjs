// 成果物 on the engagement page and the dashboard, as people find them: the expert opens the
// engagement from the list and sees each document under its session with its state, follows the
// link to the hearing sheet, and after handing it in sees 提出済; the secretariat's dashboard then
// lists it for that engagement.
import { scenario, login, api, assert, searchEngagements, DEMO, UNYU } from './helpers.mjs'

scenario('the engagement page lists each document under its session and follows it to 提出済', async (page) => {
  await login(page, DEMO.expert2.email)
  await searchEngagements(page, UNYU)
  await page.getByTestId('engagement-company').filter({ hasText: UNYU }).first().click()
  const card = page.getByTestId('documents')
  await card.getByRole('heading', { name: '成果物' }).waitFor()

  const hearing = card.getByTestId('document-1-hearing_sheet')
  await hearing.getByTestId('document-state').getByText('未着手').waitFor()
  await card.getByTestId('document-2-basic_policy').waitFor()
  await card.getByTestId('document-4-rules_check').getByText('（見直し）').waitFor()

  await hearing.getByRole('link', { name: 'ヒアリングシート（様式1）' }).click()
  await page.getByTestId('hearing-title').waitFor()
  const id = Number(new URL(page.url()).pathname.split('/')[2])
  assert.ok(id > 0, page.url())

  // The sheet itself is tested in hearing.test.mjs; here one answer and the hand-in are enough.
  const saved = await api(page, 'PATCH', `/engagements/${id}/hearing/items/1`, { result: '一般貨物の輸送。拠点は2か所。', version: 0 })
  assert.equal(saved.status, 200, JSON.stringify(saved.body))
  assert.equal((await api(page, 'POST', `/engagements/${id}/hearing/submit`, {})).status, 200)

  await page.goto(`/engagements/${id}`)
  await page.getByTestId('document-1-hearing_sheet').getByTestId('document-state').getByText('提出済').waitFor()
})

scenario('the dashboard shows which documents were handed in', async (page) => {
  await login(page, DEMO.secretariat.email)
  await page.goto('/dashboard')
  const row = page.getByRole('row').filter({ hasText: UNYU })
  await row.getByTestId('submitted-documents').getByText('ヒアリングシート（様式1）').waitFor()
})
