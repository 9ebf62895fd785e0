// カレンダー連携: expert1 issues a subscription URL in the UI (the header menu's 「カレンダー連携」),
// copies it, a calendar program (no cookies) fetches it, the page passes axe; on the engagement
// page 「カレンダーに追加 (.ics)」 downloads 第1回 as an .ics; stopping the URL in the UI ends it.
import { createRequire } from 'node:module'
import { readFile } from 'node:fs/promises'
import { scenario, login, openMenu, assert, BASE_URL, DEMO, SEISAKUSHO } from './helpers.mjs'

const AXE_SOURCE = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')

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

const FEED_URL = /^https?:\/\/[^/]+\/api\/v1\/calendar-feeds\/[A-Za-z0-9_-]{43}\/calendar\.ics$/

scenario(
  'expert1 issues the calendar subscription URL, copies it, downloads a session .ics and stops the URL',
  async (page) => {
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: BASE_URL })
    await login(page, DEMO.expert1.email)
    await openMenu(page)
    await page.getByTestId('calendar-link').click()
    await page.getByRole('heading', { level: 1, name: 'カレンダー連携' }).waitFor()
    const state = page.getByTestId('calendar-feed-state')
    await state.waitFor()
    // A URL left by an earlier run against the same server is re-issued (asked on the page).
    if ((await state.textContent())?.trim() === '発行済み') {
      await page.getByTestId('calendar-feed-issue').click()
      await page.getByTestId('calendar-feed-confirm').click()
    } else {
      await page.getByTestId('calendar-feed-issue').click()
    }
    const field = page.getByLabel(/あなたの購読URL/)
    await field.waitFor()
    const url = await field.inputValue()
    assert.match(url, FEED_URL)
    assert.equal((await state.textContent())?.trim(), '発行済み')
    await page.getByText('このURLを知っている人は誰でも').waitFor()

    await page.getByTestId('calendar-feed-copy').click()
    await page.getByText(/購読URLをコピーしました|コピーできませんでした/).waitFor()
    const clipboard = await page.evaluate(() => navigator.clipboard.readText().catch(() => null))
    if (clipboard !== null) assert.equal(clipboard, url)
    await checkAxe(page, 'カレンダー連携')

    // A calendar program: no session cookie, the token in the URL is the credential.
    const polled = await fetch(url)
    assert.equal(polled.status, 200)
    assert.equal(polled.headers.get('content-type'), 'text/calendar; charset=utf-8')
    const feed = await polled.text()
    assert.match(feed, /^BEGIN:VCALENDAR\r\n/)
    assert.match(feed, /SUMMARY:第1回 指導: 株式会社サンプル製作所/)

    // 「カレンダーに追加 (.ics)」 on the engagement page: 第1回 as a file.
    await page.goto('/engagements')
    await page.getByTestId('engagement-company').filter({ hasText: SEISAKUSHO }).first().click()
    const session1 = page.getByTestId('session-1')
    await session1.waitFor()
    const id = Number(new URL(page.url()).pathname.split('/').pop())
    const link = session1.getByRole('link', { name: /第1回の予定をカレンダーに追加/ })
    assert.equal((await link.textContent())?.trim(), 'カレンダーに追加 (.ics)')
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()])
    assert.match(download.suggestedFilename(), /^株式会社サンプル製作所_第1回_\d{4}-\d{2}-\d{2}\.ics$/)
    const ics = await readFile(await download.path(), 'utf8')
    assert.match(ics, /BEGIN:VEVENT\r\n/)
    assert.ok(ics.includes(`UID:engagement-${id}-session-1@shido`), ics)
    assert.match(ics, /BEGIN:VTIMEZONE\r\nTZID:Asia\/Tokyo/)
    await checkAxe(page, '指導案件詳細（カレンダーに追加）')

    // Stopped in the UI: the URL answers 404 from then on.
    await page.goto('/calendar')
    await page.getByTestId('calendar-feed-revoke').click()
    await page.getByTestId('calendar-feed-confirm').click()
    await page.getByText('購読URLを停止しました。').waitFor()
    assert.equal((await state.textContent())?.trim(), '未発行')
    const gone = await fetch(url)
    assert.equal(gone.status, 404)
    assert.equal((await gone.json()).error.code, 'not_found')
  },
)
