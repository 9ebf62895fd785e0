// アンケート in the browser, on the demo engagement of サンプル製作所: the owner answers on a
// phone-sized screen (an unanswered item keeps the submission back) and submits it; the
// secretariat reads it from the engagement page and sees the results across engagements and per
// expert as charts; the expert sees only that it was submitted (no link, no answers: 403).
import { scenario, login, api, assert, DEMO, SEISAKUSHO, openMenu } from './helpers.mjs'

const PHONE = { width: 360, height: 740 }

async function makerEngagement(page) {
  const list = await api(page, 'GET', '/engagements?limit=200')
  const engagement = list.body.items.find((e) => e.company_name === SEISAKUSHO)
  assert.ok(engagement, 'the demo engagement of サンプル製作所')
  return engagement
}

scenario(
  'phone: the owner answers the アンケート from the engagement page and submits it',
  async (page) => {
    await login(page, DEMO.owner1.email)
    const engagement = await makerEngagement(page)
    await page.goto(`/engagements/${engagement.id}`)
    await page.getByTestId('document-4-survey').getByRole('link', { name: 'アンケート' }).click()
    await page.getByRole('heading', { level: 1, name: '専門家指導についての評価アンケート' }).waitFor()
    const form = (await api(page, 'GET', `/engagements/${engagement.id}/survey`)).body
    if (form.state !== 'submitted') {
      const [last, ...rest] = [...form.survey.items].reverse()
      for (const item of rest.reverse()) {
        // The whole box is the tap target: click the label's text, not the small circle.
        await page.getByTestId(`survey-item-${item.key}`).getByText('満足', { exact: true }).tap()
      }
      await page.getByTestId('survey-comment-good_points').fill('自社の業務に合わせて説明してもらえた')
      await page.getByTestId('survey-save').tap()
      await page.getByTestId('survey-saved').waitFor()
      // One item left: the confirmation names it and keeps the submission back.
      await page.getByTestId('survey-submit').tap()
      const confirm = page.getByTestId('survey-confirm')
      await confirm.getByText(last.label).waitFor()
      assert.equal(await page.getByTestId('survey-confirm-submit').isDisabled(), true)
      await page.getByTestId(`survey-item-${last.key}`).getByText('とても満足', { exact: true }).tap()
      await page.getByTestId('survey-confirm-submit').tap()
      await page.getByTestId('survey-submitted-at').waitFor()
    }
    assert.equal(await page.getByTestId('survey-state').textContent(), '提出済')
    // Read-only now: the answers are shown as text, there are no buttons to change them.
    assert.equal(await page.getByTestId('survey-save').count(), 0)
    assert.match(await page.getByTestId('survey-answer-overall').textContent(), /とても満足/)
    const width = await page.evaluate(() => document.documentElement.scrollWidth)
    assert.ok(width <= PHONE.width, `no sideways scrolling on a phone (${width}px)`)
  },
  { viewport: PHONE, contextOptions: { hasTouch: true, isMobile: true } },
)

scenario('the secretariat reads the submitted アンケート and sees the results as charts', async (page) => {
  await login(page, DEMO.secretariat.email)
  const engagement = await makerEngagement(page)
  await page.goto(`/engagements/${engagement.id}`)
  await page.getByTestId('document-4-survey').getByRole('link', { name: 'アンケート' }).click()
  await page.getByTestId('survey-state').getByText('提出済').waitFor()
  assert.match(await page.getByTestId('survey-answer-overall').textContent(), /とても満足/)
  await page.getByText('自社の業務に合わせて説明してもらえた').waitFor()

  await openMenu(page)
  await page.getByRole('link', { name: 'アンケート集計' }).click()
  await page.getByRole('heading', { level: 1, name: 'アンケート集計' }).waitFor()
  await page.getByTestId('survey-items-table').waitFor()
  assert.ok(Number(await page.getByTestId('survey-responses').textContent()) >= 1)
  await page.locator('[data-testid="chart"] svg').nth(1).waitFor()
  assert.equal(await page.getByTestId('chart').count(), 2)
  const experts = page.getByTestId('survey-experts-table')
  await experts.getByRole('rowheader', { name: DEMO.expert1.name }).waitFor()

  // Filtered by the expert, then by a period with no submissions.
  await page.getByTestId('survey-filter-expert').selectOption({ label: DEMO.expert1.name })
  await page.getByTestId('survey-filter-apply').click()
  await experts.getByRole('rowheader', { name: DEMO.expert1.name }).waitFor()
  assert.equal(await experts.getByRole('rowheader').count(), 1)
  await page.getByTestId('survey-filter-from').fill('2099-01-01')
  await page.getByTestId('survey-filter-apply').click()
  await page.getByText('この条件で提出されたアンケートはありません。').waitFor()
})

scenario(
  'the expert sees only that the アンケート was submitted: no link, and the answers are refused',
  async (page) => {
    await login(page, DEMO.expert1.email)
    const engagement = await makerEngagement(page)
    await page.goto(`/engagements/${engagement.id}`)
    const row = page.getByTestId('document-4-survey')
    await row.getByTestId('document-state').getByText('提出済').waitFor()
    assert.equal(await row.getByRole('link').count(), 0, 'no link to the アンケート for the expert')
    assert.equal((await api(page, 'GET', `/engagements/${engagement.id}/survey/response`)).status, 403)
    assert.equal((await api(page, 'GET', `/engagements/${engagement.id}/survey`)).status, 403)
    assert.equal((await api(page, 'GET', '/survey/results')).status, 403)
    await page.goto(`/engagements/${engagement.id}/survey`)
    await page.waitForURL((url) => url.pathname === '/forbidden')
  },
  { allowHttpErrors: [{ path: /^\/api\/v1\/(engagements\/\d+\/)?survey/, status: 403 }] },
)
