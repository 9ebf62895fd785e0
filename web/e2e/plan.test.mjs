import { scenario, login, api, assert, DEMO, SEISAKUSHO } from './helpers.mjs'

// Session planning on the engagement page: a proposal from the day preparation starts fills the
// form (not saved), the dates are checked as they change (warnings never block, dates out of
// order do, also on the server), and company users get none of it.

// A Monday whose plain proposal (1 week, then 2 weeks each) would fall on two public holidays
// (成人の日 2027-01-11, 天皇誕生日 2027-02-23): the proposal must move those off them and still
// give no warning at all.
const START = '2027-01-04'
const HOLIDAYS = ['2027-01-11', '2027-02-23']
const SATURDAY = '2027-01-23'
const BEFORE_SESSION_2 = '2027-01-20'

/** A session's date in the edit form (each session is a group named by its title). */
const dateField = (page, no) => page.getByTestId(`edit-session-${no}`).getByLabel('実施予定日', { exact: true })

/** The weekday (0 = Sunday) of a YYYY-MM-DD date. */
const weekday = (iso) => new Date(`${iso}T00:00:00Z`).getUTCDay()

/** 2027-06-14 → 2027年6月14日 (as the timeline shows it). */
const japanese = (iso) => {
  const [y, m, d] = iso.split('-').map(Number)
  return `${y}年${m}月${d}日`
}

async function openOwnEngagement(page) {
  await page.getByTestId('engagement-company').filter({ hasText: SEISAKUSHO }).first().click()
  await page.getByTestId('engagement-title').filter({ hasText: SEISAKUSHO }).waitFor()
  await page.getByTestId('session-1').waitFor()
  return Number(new URL(page.url()).pathname.split('/').pop())
}

/** The saved dates, one per session of the engagement's course (by number). */
async function savedDates(page, id) {
  const res = await api(page, 'GET', `/engagements/${id}`)
  assert.equal(res.status, 200)
  assert.ok(res.body.sessions.length >= 3, 'the course has sessions 1–3 at least (the spec moves 2 and 3)')
  return [...res.body.sessions].sort((a, b) => a.no - b.no).map((s) => s.planned_date ?? null)
}

scenario(
  'expert1 makes a plan from a start date, sees the warnings and the problem, and saves it',
  async (page) => {
    await login(page, DEMO.expert1.email)
    const id = await openOwnEngagement(page)
    const before = await savedDates(page, id)

    // The saved plan is checked when the page opens (a live region next to the timeline).
    const saved = page.locator('#plan-check-saved')
    assert.equal(await saved.getAttribute('role'), 'status')
    await saved.locator('[data-testid="plan-warning"], [data-testid="plan-ok"]').first().waitFor()

    await page.getByTestId('edit-engagement').click()
    const check = page.locator('#plan-check-edit')
    assert.equal(await check.getAttribute('role'), 'status')

    // ---- the proposal fills every session's date: weekdays, in order, no warning; nothing saved ----
    await page.getByLabel('準備開始日').fill(START)
    await page.getByRole('button', { name: '開始日から日程案を作成' }).click()
    await page.getByText('日程案を入力しました。内容を確認して保存してください。').waitFor()
    const proposed = []
    for (let no = 1; no <= before.length; no++) proposed.push(await dateField(page, no).inputValue())
    assert.equal(await page.getByTestId(/^edit-session-\d+$/).count(), before.length, 'one group per session')
    for (const d of proposed) {
      assert.match(d, /^\d{4}-\d{2}-\d{2}$/, `every session has a date: ${proposed.join(', ')}`)
      assert.ok(![0, 6].includes(weekday(d)), `${d} is a weekday (${proposed.join(', ')})`)
    }
    assert.ok(proposed[0] > START, `the first session comes after the start date: ${proposed[0]}`)
    for (const h of HOLIDAYS) assert.ok(!proposed.includes(h), `no session on the holiday ${h}: ${proposed.join(', ')}`)
    for (let i = 1; i < proposed.length; i++) assert.ok(proposed[i] > proposed[i - 1], `dates in order: ${proposed.join(', ')}`)
    await check.getByTestId('plan-ok').waitFor()
    assert.equal(await check.getByTestId('plan-warning').count(), 0, 'the proposal has no warning')
    assert.equal(await check.getByTestId('plan-problem').count(), 0)
    assert.deepEqual(await savedDates(page, id), before, 'the proposal is not saved by itself')

    // ---- session 2 on a Saturday: a warning (saving stays possible) ----
    assert.equal(weekday(SATURDAY), 6)
    await dateField(page, 2).fill(SATURDAY)
    await check.getByTestId('plan-warning').filter({ hasText: '土曜日' }).waitFor()
    assert.match((await check.getByTestId('plan-warnings').textContent()) ?? '', /第2回/)
    assert.equal(await check.getByTestId('plan-problem').count(), 0)

    // ---- session 3 before session 2: the problem, and the server refuses to save ----
    await dateField(page, 3).fill(BEFORE_SESSION_2)
    const problem = check.getByTestId('plan-problem')
    await problem.filter({ hasText: '第3回は第2回より後の日付' }).waitFor()
    // The weekend warning is still listed next to the problem.
    await check.getByTestId('plan-warning').filter({ hasText: '土曜日' }).waitFor()

    await page.getByRole('button', { name: '保存' }).click()
    const refusal = page.getByTestId('dates-error')
    await refusal.waitFor()
    assert.match((await refusal.textContent()) ?? '', /第3回は第2回より後の日付/)
    await page.getByRole('alert').waitFor()
    assert.equal(await page.getByText('保存しました。').count(), 0)
    assert.equal(await page.getByRole('form', { name: '指導案件の編集' }).count(), 1, 'the form stays open')
    assert.equal(await dateField(page, 3).inputValue(), BEFORE_SESSION_2, 'the dates are kept for fixing')
    assert.deepEqual(await savedDates(page, id), before, 'nothing was saved')

    // ---- fixed: the refusal and the problem go, the warning stays, and the plan is saved ----
    const target = proposed.map((d, i) => (i === 1 ? SATURDAY : d))
    await dateField(page, 3).fill(target[2])
    await refusal.waitFor({ state: 'detached' })
    await problem.waitFor({ state: 'detached' })
    await check.getByTestId('plan-warning').filter({ hasText: '土曜日' }).waitFor()
    await page.getByRole('button', { name: '保存' }).click()
    // (A second run on the same database finds these dates already saved.)
    const unchanged = before.every((d, i) => d === target[i])
    await page.getByText(unchanged ? '変更はありません。' : '保存しました。').waitFor()
    assert.deepEqual(await savedDates(page, id), target)

    // ---- after a reload: the saved dates, and the saved plan's warning ----
    await page.reload()
    await page.getByTestId('engagement-title').filter({ hasText: SEISAKUSHO }).waitFor()
    for (const [i, d] of target.entries()) {
      await page.getByTestId(`session-${i + 1}`).getByText(japanese(d)).waitFor()
    }
    await page.locator('#plan-check-saved').getByTestId('plan-warning').filter({ hasText: '土曜日' }).waitFor()
    await page.getByTestId('edit-engagement').click()
    for (const [i, d] of target.entries()) assert.equal(await dateField(page, i + 1).inputValue(), d)
  },
  { allowHttpErrors: [{ path: /^\/api\/v1\/engagements\/\d+$/, status: 422 }], timeout: 90_000 },
)

scenario(
  'a company user sees no planning controls, and the server refuses them the check',
  async (page) => {
    const planRequests = []
    page.on('request', (req) => {
      if (/\/plan\//.test(new URL(req.url()).pathname)) planRequests.push(req.url())
    })
    await login(page, DEMO.owner1.email)
    const id = await openOwnEngagement(page)
    await page.waitForLoadState('networkidle')

    assert.equal(await page.getByTestId('edit-engagement').count(), 0)
    assert.equal(await page.getByTestId('plan-check').count(), 0, 'no plan check is shown')
    assert.equal(await page.getByTestId('plan-proposal').count(), 0)
    assert.equal(await page.getByRole('button', { name: '開始日から日程案を作成' }).count(), 0)
    assert.equal(await page.getByLabel('準備開始日').count(), 0)
    assert.deepEqual(planRequests, [], 'the page asks no plan check for a company user')

    const checked = await api(page, 'POST', `/engagements/${id}/plan/check`, { sessions: [{ no: 1, planned_date: START }] })
    assert.equal(checked.status, 403)
    const proposed = await api(page, 'POST', `/engagements/${id}/plan/proposal`, { start_date: START })
    assert.equal(proposed.status, 403)
  },
  { allowHttpErrors: [{ path: /^\/api\/v1\/engagements\/\d+\/plan\/(check|proposal)$/, status: 403 }] },
)
