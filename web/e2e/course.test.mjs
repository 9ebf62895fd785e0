// The course as it is run, in the browser, with every role in its own browser: the secretariat
// opens an engagement for サンプル運輸 with an expert of its own (a fresh 専門家 each run, so that
// the demo experts keep exactly the engagements the other specs expect); the expert plans the dates; the company's
// owner confirms participants and information handling and ticks off a task (the overdue ones
// stand out); the expert records session 1, marks it held, writes and submits the 実施報告; the
// secretariat returns it with a comment, the expert resubmits, the secretariat accepts; the
// engagement page shows each state; the owner finds the secretariat in 閲覧記録.
// Creates a new engagement on each run.
import { scenario, extraPage, login, api, assert, createActiveUser, DEMO, UNYU } from './helpers.mjs'

const japanDate = (days = 0) => new Date(Date.now() + 9 * 3600_000 + days * 86400_000).toISOString().slice(0, 10)
const TODAY = japanDate()
const LATER = japanDate(14)
const RUN = Date.now().toString(36)
const EXPERT = { email: `course-${RUN}@example.jp`, name: `専門家 指導${RUN}` }

/** The progress chip of session `no` on the engagement page. */
async function progressOn(page, id, no) {
  await page.goto(`/engagements/${id}`)
  const chip = page.getByTestId(`session-progress-${no}`).getByTestId('progress-chip')
  await chip.waitFor()
  return (await chip.textContent())?.trim()
}

async function asUser(email) {
  const p = await extraPage({ viewport: { width: 1280, height: 900 }, mobile: false })
  await login(p.page, email)
  return p
}

scenario(
  'secretariat, expert and owner take session 1 from plan to an accepted 実施報告',
  async (page) => {
    // ---- 事務局: the engagement, assigned to 一郎 ----
    await login(page, DEMO.secretariat.email)
    // Invited by e-mail; the test sets the password and enrols the second factor as the expert would.
    await createActiveUser(page, { email: EXPERT.email, name: EXPERT.name, role: 'expert' })
    await page.goto('/engagements/new')
    await page.getByRole('searchbox', { name: '指導先企業を検索' }).fill('サンプル運輸')
    const picker = page.getByRole('combobox', { name: /^指導先企業/ })
    await picker.locator('option', { hasText: UNYU }).waitFor({ state: 'attached' })
    await picker.selectOption({ label: UNYU })
    const expertChoice = page.getByLabel(/^担当専門家/)
    await expertChoice.locator('option', { hasText: EXPERT.name }).waitFor({ state: 'attached' })
    await expertChoice.selectOption({ label: EXPERT.name })
    await page.getByRole('button', { name: '登録する' }).click()
    await page.waitForURL((url) => /^\/engagements\/\d+$/.test(url.pathname))
    const id = Number(new URL(page.url()).pathname.split('/').pop())
    assert.equal(await progressOn(page, id, 1), '未計画')

    const expert = await asUser(EXPERT.email)
    const owner = await asUser(DEMO.owner2.email)
    try {
      // ---- 専門家: the dates, with the existing plan form ----
      const ep = expert.page
      await ep.goto(`/engagements/${id}`)
      await ep.getByTestId('edit-engagement').click()
      await ep.getByTestId('edit-session-1').getByLabel('実施予定日', { exact: true }).fill(TODAY)
      await ep.getByTestId('edit-session-2').getByLabel('実施予定日', { exact: true }).fill(LATER)
      await ep.getByRole('button', { name: '保存', exact: true }).click()
      await ep.getByText('保存しました。').waitFor()
      assert.equal((await ep.getByTestId('session-progress-1').getByTestId('progress-chip').textContent())?.trim(), '予定')

      // ---- 企業（経営者）: overdue tasks stand out; participants; information handling; a task ----
      const op = owner.page
      await op.goto('/engagements')
      await op.getByTestId('overdue-notice').filter({ hasText: '期限切れの準備タスク' }).waitFor()
      await op.goto(`/engagements/${id}`)
      const overdue = op.getByTestId('overdue-alert')
      await overdue.waitFor()
      assert.match(await overdue.textContent(), /期限切れの準備タスクが \d+ 件/)
      assert.ok((await op.getByTestId('task-due').filter({ hasText: '期限切れ' }).count()) > 0, '「期限切れ」 in words')
      await op.getByTestId('missing-kinds').waitFor()

      await op.getByTestId('edit-confirmations').click()
      await op.getByLabel('氏名（1人目）').fill('運輸 太郎')
      await op.getByLabel('役職').first().fill('代表取締役')
      await op.getByLabel('区分').first().selectOption('executive')
      await op.getByTestId('add-participant').click()
      await op.getByLabel('氏名（2人目）').fill('佐藤 次郎')
      await op.getByLabel('区分').nth(1).selectOption('it_person')
      await op.getByLabel('会議室').fill('本社 2階会議室')
      await op.getByLabel('Web会議の経験').selectOption('experienced')
      await op.getByTestId('save-confirmations').click()
      await op.getByText('依頼・調整事項を保存しました。').waitFor()
      assert.match(await op.getByTestId('missing-kinds').textContent(), /業務プロセスに詳しいリーダー/)
      assert.match(await op.getByTestId('participants').textContent(), /運輸 太郎/)
      await op.getByTestId('acknowledge').click()
      await op.getByTestId('acknowledged').filter({ hasText: '了承しました' }).waitFor()

      const companyTasks = op.locator('section[aria-labelledby="tasks-s1"]').getByTestId('task-check')
      await companyTasks.first().check()
      await op.locator('section[aria-labelledby="tasks-s1"]').getByTestId('task-due').filter({ hasText: '完了' }).first().waitFor()

      // ---- 専門家: the record of session 1, held today, the report from it, submitted ----
      await ep.goto(`/engagements/${id}/sessions/1`)
      await ep.getByTestId('record').waitFor()
      const firstItem = ep.getByTestId('agenda-1')
      await firstItem.getByLabel('開始').fill('13:40')
      await firstItem.getByLabel('終了').fill('14:40')
      await firstItem.getByLabel('メモ').fill('受発注は紙とExcel。顧客情報は共有フォルダ。')
      await ep.getByTestId('record-decisions').fill('基本方針の案を次回までに作る')
      await ep.getByTestId('save-record').click()
      await ep.getByText('指導の記録を保存しました。').waitFor()
      await ep.getByTestId('request-title').fill('ネットワーク構成図を提供する')
      await ep.getByTestId('request-add').click()
      await ep.getByTestId('requests-made').filter({ hasText: 'ネットワーク構成図' }).waitFor()

      assert.equal(await ep.getByLabel('実施日', { exact: true }).first().inputValue(), TODAY, 'today by default')
      await ep.getByTestId('mark-held').click()
      await ep.getByText('実施済みにしました。').waitFor()
      await ep.getByTestId('held-on').filter({ hasText: '月' }).waitFor()

      await ep.getByTestId('report-from-record').click()
      await ep.getByText('指導の記録から下書きを作りました。').waitFor()
      assert.match(await ep.getByTestId('report-activities-input').inputValue(), /受発注は紙とExcel/)
      await ep.getByTestId('report-include-record').check()
      await ep.getByTestId('report-submit').click()
      await ep.getByTestId('report-state').filter({ hasText: '提出済' }).waitFor()
      assert.equal(await progressOn(page, id, 1), '報告提出')

      // ---- 事務局: the submitted copy; returned with a comment (required) ----
      await page.goto(`/engagements/${id}/sessions/1`)
      await page.getByTestId('report-body').waitFor()
      assert.equal(await page.getByTestId('record').count(), 0, 'the secretariat never sees the record')
      assert.match(await page.getByTestId('report-activities').textContent(), /受発注/)
      await page.getByTestId('report-return').click()
      await page.getByText('差戻しの理由を入力してください。').waitFor()
      await page.getByTestId('review-comment').fill('実施時間を追記してください。')
      await page.getByTestId('report-return').click()
      await page.getByTestId('report-state').filter({ hasText: '差戻し' }).waitFor()
      assert.equal(await progressOn(page, id, 1), '報告差戻し')

      // ---- 専門家: sees why, adds the times, resubmits ----
      await ep.goto(`/engagements/${id}/sessions/1`)
      await ep.getByTestId('returned-comment').filter({ hasText: '実施時間を追記してください。' }).waitFor()
      await ep.getByLabel('開始時刻').fill('13:30')
      await ep.getByLabel('終了時刻').fill('16:30')
      await ep.getByTestId('report-submit').click()
      await ep.getByTestId('report-state').filter({ hasText: '提出済' }).waitFor()

      // ---- 事務局: accepts ----
      await page.goto(`/engagements/${id}/sessions/1`)
      await page.getByTestId('report-accept').click()
      await page.getByTestId('report-state').filter({ hasText: '受理' }).waitFor()
      const steps = await page.getByTestId('report-steps').textContent()
      assert.match(steps, /実施時間を追記してください。/)
      assert.equal(await progressOn(page, id, 1), '報告受理')
      assert.equal(await progressOn(page, id, 2), '予定')

      // ---- 企業（経営者）: who opened the company's records ----
      await op.goto(`/engagements/${id}`)
      await op.getByTestId('record-read').filter({ hasText: DEMO.secretariat.name }).first().waitFor()
      assert.ok((await op.getByTestId('record-read').filter({ hasText: EXPERT.name }).count()) > 0)

      assert.deepEqual(expert.problems, [], 'expert page problems')
      assert.deepEqual(owner.problems, [], 'owner page problems')
    } finally {
      await expert.close()
      await owner.close()
    }
  },
  { timeout: 180_000 },
)
