// Accessibility: axe-core checks the main pages on a phone (360 px) and on a desktop screen, and
// fails on every serious or critical violation. axe runs inside the page through the DevTools
// protocol (page.evaluate), so the server's Content-Security-Policy stays as it is.
import { createRequire } from 'node:module'
import { readFile } from 'node:fs/promises'
import { scenario, extraPage, login, assert, DEMO, SEISAKUSHO } from './helpers.mjs'

const require = createRequire(import.meta.url)
const AXE_SOURCE = await readFile(require.resolve('axe-core/axe.min.js'), 'utf8')
const RUN = Date.now().toString(36)
const SCREENS = {
  phone: { width: 360, height: 740 },
  desktop: { width: 1280, height: 800 },
}

/** Runs axe on the page as it is now; fails with a readable list of serious/critical problems. */
async function checkAxe(page, what) {
  await page.evaluate(AXE_SOURCE)
  const violations = await page.evaluate(async () => {
    // @ts-ignore: injected above
    const result = await window.axe.run(document, { resultTypes: ['violations'] })
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
    }))
  })
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
  assert.deepEqual(
    serious.map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.targets.join(' | ')}`),
    [],
    `${what}: axe found serious or critical violations`,
  )
  return violations
}

/** Calls the API from inside the signed-in page (same cookies, CSRF token from /auth/me). */
async function api(page, method, path, body) {
  return page.evaluate(
    async ({ method, path, body }) => {
      const me = await (await fetch('/api/v1/auth/me')).json()
      const res = await fetch(`/api/v1${path}`, {
        method,
        headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': me.csrf_token },
        body: body === undefined ? undefined : JSON.stringify(body),
      })
      return { status: res.status, body: await res.json() }
    },
    { method, path, body },
  )
}

for (const [screen, viewport] of Object.entries(SCREENS)) {
  scenario(
    `accessibility (${screen}): login, engagement list and detail, session page, owner's engagement page, round, analysis, answer page`,
    async (page) => {
      await page.goto('/login')
      await page.getByRole('heading', { level: 1, name: 'ログイン' }).waitFor()
      await checkAxe(page, 'login')
      await page.goto('/account/forgot')
      await page.getByLabel('メールアドレス').waitFor()
      await checkAxe(page, 'forgotten password')

      await login(page, DEMO.expert1.email)
      await page.getByTestId('engagement-company').first().waitFor()
      await checkAxe(page, 'engagement list')

      await page.getByTestId('engagement-company').filter({ hasText: SEISAKUSHO }).first().click()
      await page.getByTestId('session-4').waitFor()
      await checkAxe(page, 'engagement detail')
      const engagementId = Number(new URL(page.url()).pathname.split('/').pop())

      // The course as it is run: the session page (review, dates, record editor, 実施報告 form).
      // アカウント設定: password, second factor, signed-in sessions.
      await page.goto('/account')
      await page.getByTestId('two-factor-state').waitFor()
      await page.getByTestId('session-item').first().waitFor()
      await checkAxe(page, 'account settings')

      await page.goto(`/engagements/${engagementId}/sessions/1`)
      await page.getByTestId('record').waitFor()
      await page.getByTestId('report').locator('form').waitFor()
      await checkAxe(page, 'session page (expert)')
      await page.goto(`/engagements/${engagementId}`)
      await page.getByTestId('session-4').waitFor()

      // The demo round has five paper sheets: its analysis has every table and chart.
      const rounds = await api(page, 'GET', `/engagements/${engagementId}/diagnosis/rounds`)
      assert.equal(rounds.status, 200)
      const demo = rounds.body.items.find((r) => r.submitted_count > 0)
      assert.ok(demo, 'a round with submitted answer sheets')

      await page.goto(`/diagnosis/rounds/${demo.id}`)
      await page.getByTestId('respondent-row').first().waitFor()
      await checkAxe(page, 'round (respondents)')

      await page.getByTestId('tab-analysis').click()
      await page.getByTestId('respondent-results').waitFor()
      await page.getByTestId('chart').first().locator('svg').waitFor()
      await checkAxe(page, 'round (analysis)')
      if (screen === 'phone') {
        // The wide tables scroll sideways on a phone: keyboard users can focus them to scroll.
        const results = page.getByRole('region', { name: '回答者ごとの合計点と判定' })
        assert.equal(await results.getAttribute('tabindex'), '0')
        await results.focus()
        await page.keyboard.press('ArrowRight')
        await page.waitForFunction(() => {
          const box = document.querySelector('[role="region"][aria-label="回答者ごとの合計点と判定"]')
          return !!box && box.scrollLeft > 0
        })
      }

      // The owner's engagement page: tasks, 依頼・調整事項 and 閲覧記録.
      const owner = await extraPage({ viewport, mobile: screen === 'phone' })
      try {
        await login(owner.page, DEMO.owner1.email)
        await owner.page.goto(`/engagements/${engagementId}`)
        await owner.page.getByTestId('tasks').getByTestId('task-due').first().waitFor()
        await owner.page.getByTestId('information-handling').waitFor()
        await owner.page.getByTestId('record-reads').locator('p').first().waitFor()
        await checkAxe(owner.page, 'engagement detail (owner)')
        assert.deepEqual(owner.problems, [], 'owner page: console errors, page errors or dialogs')
      } finally {
        await owner.close()
      }

      // The answer page, through a fresh link of a round of its own.
      const round = await api(page, 'POST', `/engagements/${engagementId}/diagnosis/rounds`, { name: `a11y ${screen} ${RUN}` })
      assert.equal(round.status, 201)
      const invited = await api(page, 'POST', `/diagnosis/rounds/${round.body.id}/respondents`, { role: 'staff' })
      assert.equal(invited.status, 201)
      const url = invited.body.items[0].url
      const respondent = await extraPage({ viewport })
      try {
        await respondent.page.goto(url)
        await respondent.page.getByTestId('answer-start').waitFor()
        await checkAxe(respondent.page, 'answer page (intro)')
        await respondent.page.getByTestId('answer-start').click()
        await respondent.page.getByRole('radio').first().waitFor()
        await checkAxe(respondent.page, 'answer page (questions)')
        assert.deepEqual(respondent.problems, [], 'answer page: console errors, page errors or dialogs')
      } finally {
        await respondent.close()
      }
    },
    { viewport, timeout: 90_000 },
  )
}
