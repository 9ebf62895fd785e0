// Notifications: the secretariat assigns an expert, the expert's bell shows the unread count,
// the notifications page lists it and opens the engagement; the secretariat's 送信待ちメール page
// lists the e-mail (this server has no SMTP server: it stays 送信待ち) with its state. axe checks
// both pages.
import { createRequire } from 'node:module'
import { readFile } from 'node:fs/promises'
import { scenario, extraPage, login, api, openMenu, assert, createActiveUser, DEMO } from './helpers.mjs'

const require = createRequire(import.meta.url)
const AXE_SOURCE = await readFile(require.resolve('axe-core/axe.min.js'), 'utf8')
const RUN = Date.now().toString(36)

async function checkAxe(page, what) {
  await page.evaluate(AXE_SOURCE)
  const violations = await page.evaluate(async () => {
    // @ts-ignore: injected above
    const result = await window.axe.run(document, { resultTypes: ['violations'] })
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.slice(0, 5).map((n) => n.target.join(' ')).join(' | ')}`)
  })
  assert.deepEqual(violations, [], `${what}: axe found serious or critical violations`)
}

scenario('assigning an expert shows in their bell; the secretariat reads the outbox', async (page) => {
  await login(page, DEMO.secretariat.email)
  // An expert and a company of this run only, so the demo's engagements stay as they are.
  const email = `notify-${RUN}@example.jp`
  const password = 'notify-password-2026'
  const expert = { body: await createActiveUser(page, { email, name: `通知 専門家${RUN}`, role: 'expert' }, password) }
  const company = await api(page, 'POST', '/companies', { name: `通知確認 ${RUN} 株式会社` })
  assert.equal(company.status, 201, JSON.stringify(company.body))
  const engagement = await api(page, 'POST', '/engagements', { company_id: company.body.id, expert_id: expert.body.id })
  assert.equal(engagement.status, 201, JSON.stringify(engagement.body))

  const theirs = await extraPage({ viewport: { width: 1280, height: 800 }, mobile: false })
  try {
    await login(theirs.page, email, password)
    const bell = theirs.page.getByTestId('notification-bell')
    await bell.getByTestId('unread-count').filter({ hasText: '1' }).waitFor()
    await theirs.page.getByRole('link', { name: /^通知\s*（未読\s*1\s*件）$/ }).waitFor()
    await bell.click()
    await theirs.page.getByRole('heading', { level: 1, name: '通知' }).waitFor()
    const item = theirs.page.getByTestId('notification-item').first()
    await item.getByText(`専門家の割り当て：通知確認 ${RUN} 株式会社`).waitFor()
    await item.getByText('未読', { exact: true }).waitFor()
    await checkAxe(theirs.page, 'notifications page')
    await item.getByRole('button', { name: 'ページを開く' }).click()
    await theirs.page.waitForURL((url) => url.pathname === `/engagements/${engagement.body.id}`)
    await bell.getByTestId('unread-count').waitFor({ state: 'detached' })
    await theirs.page.getByRole('link', { name: /^通知\s*（未読なし）$/ }).waitFor()
    assert.deepEqual(theirs.problems, [])
  } finally {
    await theirs.close()
  }

  await openMenu(page)
  await page.getByRole('link', { name: '送信待ちメール' }).click()
  await page.getByRole('heading', { level: 1, name: '送信待ちメール' }).waitFor()
  // The e2e server sends through the test mail server: the assignment is waiting or already sent
  // (the expert's invitation, a mail of its own, is listed too).
  const row = page.getByTestId('outbox-item').filter({ hasText: email }).filter({ hasText: `専門家の割り当て：通知確認 ${RUN} 株式会社` })
  await row.waitFor()
  assert.match(await row.getByTestId('outbox-state').textContent(), /^(送信待ち|送信済み)$/)
  await checkAxe(page, 'outbox page')
  await page.getByLabel('状態').selectOption('failed')
  await page.getByTestId('outbox-pager').waitFor()
  assert.equal(await page.getByTestId('outbox-item').filter({ hasText: email }).count(), 0)
})
