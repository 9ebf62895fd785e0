import { createRequire } from 'node:module'
import { readFile } from 'node:fs/promises'
import { scenario, login, api, assert, DEMO, SEISAKUSHO } from './helpers.mjs'

// A session's time and 実施方法 on the engagement page: the expert sets 第1回 to 13:30–16:30 by
// Web会議 with a URL (only the changed fields are sent), sees it after a reload with the URL as
// a safe link; an end time before the start is refused by the server with the Japanese message
// at the end time (and a bad URL at the URL), nothing saved; then 訪問 with a place, which clears
// the meeting's tool and URL. The company sees the same, read only. Changes session 1 of
// サンプル製作所's engagement (its date is left alone); every run uses its own URL and place.

const RUN = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`
const URL_1 = `https://teams.example.com/l/meetup-join/e2e-${RUN}?ctx=a&b=1`
// Markup in the place must come back as text.
const PLACE = `本社 2階 <b>会議室</b> ${RUN}`

const AXE_SOURCE = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')

/** axe-core on the page as it is (the form with its errors): no serious or critical violation. */
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

/** 第1回 in the edit form (a group with its own fields). */
const editSession = (page) => page.getByTestId('edit-session-1')
/** 第1回 in the read-only timeline. */
const shownSession = (page) => page.getByTestId('session-1')

async function openOwnEngagement(page) {
  await page.getByTestId('engagement-company').filter({ hasText: SEISAKUSHO }).first().click()
  await page.getByTestId('engagement-title').filter({ hasText: SEISAKUSHO }).waitFor()
  await shownSession(page).waitFor()
  return Number(new URL(page.url()).pathname.split('/').pop())
}

async function saved(page, id) {
  const res = await api(page, 'GET', `/engagements/${id}`)
  assert.equal(res.status, 200)
  return res.body
}
const first = (engagement) => engagement.sessions.find((s) => s.no === 1)

/** The error message a control points to with aria-describedby (and is marked invalid). */
async function errorOf(page, control) {
  assert.equal(await control.getAttribute('aria-invalid'), 'true')
  const ids = ((await control.getAttribute('aria-describedby')) ?? '').split(/\s+/).filter((x) => x.endsWith('-error'))
  assert.equal(ids.length, 1, 'the control is described by its error')
  return ((await page.locator(`[id="${ids[0]}"]`).textContent()) ?? '').trim()
}

/** The JSON bodies of the PATCHes the page sends to the engagement. */
function patches(page) {
  const bodies = []
  page.on('request', (req) => {
    if (req.method() === 'PATCH' && /\/api\/v1\/engagements\/\d+$/.test(new URL(req.url()).pathname)) {
      bodies.push(req.postDataJSON())
    }
  })
  return bodies
}

scenario(
  'expert1 sets a session\'s time and Web会議, is refused an end before the start, then sets 訪問 with a place',
  async (page) => {
    const sent = patches(page)
    await login(page, DEMO.expert1.email)
    const id = await openOwnEngagement(page)
    const initial = await saved(page, id)
    const date = first(initial).planned_date

    // ---- 13:30〜16:30 by Web会議 (Teams) with a URL ----
    await page.getByTestId('edit-engagement').click()
    const s1 = editSession(page)
    assert.equal(await s1.getByRole('group', { name: '実施方法' }).count(), 1)
    await s1.getByLabel('開始時刻').fill('13:30')
    await s1.getByLabel('終了時刻').fill('16:30')
    await s1.getByRole('radio', { name: 'Web会議' }).check()
    assert.equal(await s1.getByLabel('場所').count(), 0, 'no place for a Web会議')
    await s1.getByLabel('会議ツール').fill('Teams')
    await s1.getByLabel('会議URL').fill(URL_1)
    await page.getByRole('button', { name: '保存' }).click()
    await page.getByText('保存しました。').waitFor()

    // Only session 1 was sent, with only what changed (its date not among them).
    assert.equal(sent.length, 1)
    assert.equal(sent[0].sessions.length, 1)
    const change = sent[0].sessions[0]
    assert.equal(change.no, 1)
    assert.ok(!('planned_date' in change), `the date is not sent: ${JSON.stringify(change)}`)
    assert.equal(change.mode, 'web')
    assert.equal(change.meeting_url, URL_1)
    for (const key of Object.keys(change)) {
      assert.ok(['no', 'start_time', 'end_time', 'mode', 'meeting_tool', 'meeting_url', 'place'].includes(key), key)
    }
    const stored = (s) => [s.planned_date, s.start_time, s.end_time, s.mode, s.meeting_tool, s.meeting_url, s.place]
    let now = first(await saved(page, id))
    assert.deepEqual(stored(now), [date, '13:30', '16:30', 'web', 'Teams', URL_1, null])

    // ---- after a reload: 13:30〜16:30, Web会議（Teams）, the URL a link opening apart ----
    await page.reload()
    await shownSession(page).waitFor()
    await shownSession(page).getByText('13:30〜16:30').waitFor()
    assert.equal((await shownSession(page).getByTestId('session-time').textContent())?.trim(), '13:30〜16:30')
    assert.equal((await shownSession(page).getByTestId('session-mode').textContent())?.trim(), 'Web会議（Teams）')
    const link = shownSession(page).getByRole('link', { name: URL_1 })
    assert.equal(await link.getAttribute('href'), URL_1)
    assert.equal(await link.getAttribute('target'), '_blank')
    assert.equal(await link.getAttribute('rel'), 'noopener noreferrer')

    // ---- the end before the start (and a URL without http): refused at each field, nothing saved ----
    const versionBefore = (await saved(page, id)).version
    await page.getByTestId('edit-engagement').click()
    assert.equal(await s1.getByLabel('開始時刻').inputValue(), '13:30')
    assert.equal(await s1.getByRole('radio', { name: 'Web会議' }).isChecked(), true)
    await s1.getByLabel('終了時刻').fill('12:00')
    await s1.getByLabel('会議URL').fill('teams.example.com/no-scheme')
    await page.getByRole('button', { name: '保存' }).click()
    await page.getByRole('alert').waitFor()
    const end = s1.getByLabel('終了時刻')
    await s1.locator('#edit-end-1-error').waitFor()
    assert.equal(await errorOf(page, end), '終了時刻は開始時刻より後にしてください。')
    assert.match(await errorOf(page, s1.getByLabel('会議URL')), /http:\/\/ または https:\/\//)
    assert.equal(await s1.getByLabel('開始時刻').getAttribute('aria-invalid'), null, 'the start time is not blamed')
    assert.equal(await page.getByText('保存しました。').count(), 0)
    assert.equal(await page.getByRole('form', { name: '指導案件の編集' }).count(), 1, 'the form stays open')
    await checkAxe(page, 'edit form with session errors')
    now = await saved(page, id)
    assert.equal(now.version, versionBefore, 'nothing was saved')
    assert.equal(first(now).end_time, '16:30')
    assert.equal(first(now).meeting_url, URL_1)

    // Editing the end time takes its message away.
    await end.fill('16:30')
    await s1.locator('#edit-end-1-error').waitFor({ state: 'detached' })
    assert.equal(await end.getAttribute('aria-invalid'), null)

    // ---- 訪問 with a place: the meeting's tool and URL go ----
    await s1.getByRole('radio', { name: '訪問' }).check()
    assert.equal(await s1.getByLabel('会議URL').count(), 0, 'no URL field for a 訪問')
    await s1.getByLabel('場所').fill(PLACE)
    sent.length = 0
    await page.getByRole('button', { name: '保存' }).click()
    await page.getByText('保存しました。').waitFor()
    assert.deepEqual(sent[0].sessions, [{ no: 1, mode: 'visit', meeting_tool: null, meeting_url: null, place: PLACE }])
    now = first(await saved(page, id))
    assert.deepEqual(stored(now), [date, '13:30', '16:30', 'visit', null, null, PLACE])
    const mode = shownSession(page).getByTestId('session-mode')
    assert.equal((await mode.textContent())?.trim(), `訪問（${PLACE}）`)
    assert.equal(await mode.locator('b').count(), 0, 'the place is text, not markup')
    // The one link left is the session's 「カレンダーに追加 (.ics)」 download.
    const links = shownSession(page).getByRole('link').filter({ hasNotText: 'カレンダーに追加 (.ics)' })
    assert.equal(await links.count(), 0, 'no meeting link for a 訪問')
  },
  { allowHttpErrors: [{ path: /^\/api\/v1\/engagements\/\d+$/, status: 422 }], timeout: 90_000 },
)

scenario('the company sees the session\'s time and 実施方法, read only', async (page) => {
  await login(page, DEMO.owner1.email)
  await openOwnEngagement(page)
  assert.equal(await page.getByTestId('edit-engagement').count(), 0)
  await shownSession(page).getByText('13:30〜16:30').waitFor()
  assert.match((await shownSession(page).getByTestId('session-mode').textContent()) ?? '', /^訪問（本社 2階 <b>会議室<\/b> /)
})
