import { scenario, login, searchEngagements, assert, DEMO, UNYU } from './helpers.mjs'

// Optimistic locking: a save based on a stale version gets 409 and the server's message, with a
// way to reload; after reloading, the save goes through.
scenario(
  'a stale edit shows the conflict message and can be reloaded',
  async (page) => {
    await login(page, DEMO.secretariat.email)
    await searchEngagements(page, UNYU)
    await page.getByTestId('engagement-company').filter({ hasText: UNYU }).first().click()
    await page.getByTestId('engagement-title').filter({ hasText: UNYU }).waitFor()
    const id = Number(new URL(page.url()).pathname.split('/').pop())

    await page.getByTestId('edit-engagement').click()
    await page.getByTestId('edit-session-3').getByLabel('実施予定日').fill('2027-03-03')

    // Someone else saves first (same session, straight through the API).
    const status = await page.evaluate(async (engagementId) => {
      const me = await (await fetch('/api/v1/auth/me')).json()
      const cur = await (await fetch(`/api/v1/engagements/${engagementId}`)).json()
      const res = await fetch(`/api/v1/engagements/${engagementId}`, {
        method: 'PATCH',
        headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': me.csrf_token },
        body: JSON.stringify({
          version: cur.version,
          sessions: [{ no: 4, planned_date: '2027-04-04' }],
        }),
      })
      return res.status
    }, id)
    assert.equal(status, 200)

    await page.getByRole('button', { name: '保存' }).click()
    const alert = page.getByRole('alert')
    await alert.waitFor()
    const text = (await alert.textContent()) ?? ''
    assert.match(text, /更新/, `conflict message expected, got: ${text}`)
    assert.doesNotMatch(text, /[{}]/)

    await page.getByRole('button', { name: '最新の内容を再読み込み' }).click()
    await page.getByTestId('edit-engagement').click()
    await page.getByTestId('edit-session-3').getByLabel('実施予定日').fill('2027-03-03')
    await page.getByRole('button', { name: '保存' }).click()
    await page.getByText('保存しました。').waitFor()
    await page.getByTestId('session-3').getByText('2027年3月3日').waitFor()
    await page.getByTestId('session-4').getByText('2027年4月4日').waitFor()
  },
  { allowHttpErrors: [{ path: /^\/api\/v1\/engagements\/\d+$/, status: 409 }] },
)
