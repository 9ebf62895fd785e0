// Accounts people manage themselves, in the browser as a new user would (issue 11): the
// secretariat invites an expert, who sets a password from the e-mail (caught by the test mail
// server, SHIDO_MAIL_RECORDS), enrols a second factor (the code computed here with node:crypto),
// signs out and in again with a code and with a recovery code; the owner of サンプル製作所 invites
// a manager, who sets a password, and removes them again (the last owner cannot remove
// themself); a forgotten password is reset by e-mail. Every account is new on each run (the run
// id in the address), so the spec depends on no other spec's data and leaves the demo as it is.
import {
  scenario,
  extraPage,
  login,
  api,
  assert,
  openMenu,
  linkFromMail,
  linkCount,
  nextTotp,
  totpAt,
  createActiveUser,
  DEMO,
  SEISAKUSHO,
} from './helpers.mjs'

const RUN = Date.now().toString(36)
const NEW_PASSWORD = `e2e-新しい合言葉-${RUN}`

async function logout(page) {
  await openMenu(page)
  await page.getByRole('button', { name: 'ログアウト' }).click()
  await page.waitForURL((url) => url.pathname === '/login')
}

/** Fills the password form of /account/setup or /account/reset and submits it. */
async function setPassword(page, password, button) {
  await page.getByLabel(/^新しいパスワード（必須）$/).fill(password)
  await page.getByLabel('新しいパスワード（確認）').fill(password)
  await page.getByRole('button', { name: button }).click()
}

scenario('the login page of the demo says its accounts sign in without a second factor', async (page) => {
  await page.goto('/login')
  await page.getByTestId('demo-note').getByText('二要素認証なしでログインできます', { exact: false }).waitFor()
  await page.getByRole('link', { name: 'パスワードをお忘れの方' }).click()
  await page.waitForURL((url) => url.pathname === '/account/forgot')
  await page.getByRole('heading', { level: 1, name: 'パスワードの再設定' }).waitFor()
})

scenario(
  'the secretariat invites an expert, who sets a password, enrols a second factor and signs in with a code',
  async (page) => {
    const expert = { email: `acct-expert-${RUN}@example.jp`, name: `招待 専門家${RUN}` }
    await login(page, DEMO.secretariat.email)
    await page.goto('/users/new')
    await page.getByLabel('氏名').fill(expert.name)
    await page.getByLabel('メールアドレス').fill(expert.email)
    await page.getByLabel('役割').selectOption({ label: '専門家' })
    assert.equal(await page.getByLabel(/パスワード/).count(), 0, 'the secretariat never types the password')
    await page.getByRole('button', { name: '招待メールを送信' }).click()
    await page.waitForURL((url) => url.pathname === '/users')
    await page.getByText(`${expert.name} さん（${expert.email}）に招待メールを送信しました`, { exact: false }).waitFor()
    await page.getByLabel('キーワード').fill(expert.email)
    const row = page.getByTestId('user-item').filter({ hasText: expert.email })
    await row.getByTestId('user-status').filter({ hasText: '招待中' }).waitFor()

    // 再送: a second mail, and only its link works.
    const first = await linkFromMail(expert.email, 'setup')
    await row.getByRole('button', { name: `${expert.name} さんに招待メールを再送` }).click()
    await row.getByText('招待メールを再送しました', { exact: false }).waitFor()
    const token = await linkFromMail(expert.email, 'setup', { skip: 1 })
    assert.notEqual(token, first)

    // ---- the expert, on a phone: the link from the e-mail ----
    const phone = await extraPage({
      allowHttpErrors: [
        { path: `/api/v1/auth/links/${first}`, status: 404 },
        { path: '/api/v1/auth/login/second-factor', status: 401 },
      ],
    })
    try {
      const p = phone.page
      await p.goto(`/account/setup#t=${first}`)
      await p.getByTestId('link-invalid').getByText('招待メールの再送を依頼してください', { exact: false }).waitFor()

      await p.goto(`/account/setup#t=${token}`)
      await p.getByRole('heading', { level: 1, name: 'アカウントの設定' }).waitFor()
      assert.equal((await p.getByTestId('link-email').textContent())?.trim(), expert.email)
      assert.equal((await p.getByTestId('link-name').textContent())?.trim(), expert.name)
      // Client-side rule first: too short, then a mismatch.
      await setPassword(p, 'short', 'パスワードを設定してログイン')
      await p.getByText('10文字以上で入力してください', { exact: false }).waitFor()
      await p.getByLabel(/^新しいパスワード（必須）$/).fill(NEW_PASSWORD)
      await p.getByLabel('新しいパスワード（確認）').fill(`${NEW_PASSWORD}x`)
      await p.getByRole('button', { name: 'パスワードを設定してログイン' }).click()
      await p.getByText('確認用のパスワードが一致しません。').waitFor()
      await setPassword(p, NEW_PASSWORD, 'パスワードを設定してログイン')

      // Signed in, and sent to the enrolment page: nothing else is open until it is done.
      await p.waitForURL((url) => url.pathname === '/account/two-factor')
      await p.getByRole('heading', { level: 1, name: '二要素認証の設定' }).waitFor()
      await p.goto('/engagements')
      await p.waitForURL((url) => url.pathname === '/account/two-factor')

      await p.getByRole('button', { name: '二要素認証を設定する' }).click()
      const qr = p.getByRole('img', { name: '認証アプリに登録するためのQRコード' })
      await qr.waitFor()
      assert.match(await qr.getAttribute('src'), /^data:image\/svg\+xml;base64,/)
      assert.ok(await qr.evaluate((img) => img.complete && img.naturalWidth > 0), 'the QR code is drawn')
      const secret = (await p.getByTestId('totp-secret').textContent())?.trim()
      assert.match(secret, /^[A-Z2-7]+=*$/)
      await p.getByLabel('確認コード（6桁）').fill(await nextTotp(secret))
      await p.getByRole('button', { name: '確認して有効にする' }).click()
      await p.getByTestId('recovery-codes').waitFor()
      const codes = await p.getByTestId('recovery-code').allTextContents()
      assert.equal(codes.length, 10, 'ten recovery codes')
      for (const c of codes) assert.match(c.trim(), /^[a-z0-9]{4}-[a-z0-9]{4}$/)
      await p.getByRole('button', { name: '回復コードを保管しました。続ける' }).click()
      await p.waitForURL((url) => url.pathname === '/engagements')
      await p.getByRole('heading', { level: 1, name: '指導案件一覧' }).waitFor()

      // Out and in again: the password, then a code.
      await logout(p)
      await p.getByLabel('メールアドレス').fill(expert.email)
      await p.getByLabel(/^パスワード/).fill(NEW_PASSWORD)
      await p.getByRole('button', { name: 'ログイン' }).click()
      const code = p.getByLabel('確認コード（6桁）')
      await code.waitFor()
      assert.equal(await code.getAttribute('inputmode'), 'numeric')
      assert.equal(await code.getAttribute('autocomplete'), 'one-time-code')
      // A wrong code: a Japanese message, still on the second step.
      const wrong = totpAt(secret, Math.floor(Date.now() / 30_000) + 5) // a code of a step far ahead: never valid now
      await code.fill(wrong)
      await p.getByRole('button', { name: '確認してログイン' }).click()
      const refused = p.getByRole('alert')
      await refused.waitFor()
      assert.match((await refused.textContent()) ?? '', /[\u3040-\u30ff\u4e00-\u9fff]/)
      await code.fill(await nextTotp(secret))
      await p.getByRole('button', { name: '確認してログイン' }).click()
      await p.waitForURL((url) => url.pathname === '/engagements')

      // And with a recovery code instead.
      await logout(p)
      await p.getByLabel('メールアドレス').fill(expert.email)
      await p.getByLabel(/^パスワード/).fill(NEW_PASSWORD)
      await p.getByRole('button', { name: 'ログイン' }).click()
      await p.getByRole('button', { name: '回復コードを使う' }).click()
      await p.getByLabel('回復コード').fill(codes[0].trim().toUpperCase())
      await p.getByRole('button', { name: '確認してログイン' }).click()
      await p.waitForURL((url) => url.pathname === '/engagements')

      // アカウント設定: the second factor is on, nine codes left, and this device is listed.
      await openMenu(p)
      await p.getByRole('link', { name: 'アカウント設定' }).click()
      await p.getByRole('heading', { level: 1, name: 'アカウント設定' }).waitFor()
      await p.getByTestId('two-factor-state').filter({ hasText: '有効' }).filter({ hasText: '残りの回復コード 9 個' }).waitFor()
      await p.getByTestId('session-item').filter({ has: p.getByTestId('session-current') }).waitFor()
      assert.deepEqual(phone.problems, [])
    } finally {
      await phone.close()
    }

    // ---- 事務局: the expert is 有効 with 2FA 設定済み; a reset is asked first, then done ----
    await page.reload()
    await page.getByLabel('キーワード').fill(expert.email)
    await row.getByTestId('user-status').filter({ hasText: '有効' }).waitFor()
    await row.getByTestId('user-2fa').filter({ hasText: '設定済み' }).waitFor()
    await row.getByRole('button', { name: `${expert.name} さんの二要素認証をリセット` }).click()
    await row.getByRole('button', { name: 'リセットする' }).click()
    await page.getByTestId('user-item').filter({ hasText: expert.email }).getByTestId('user-2fa').filter({ hasText: '未設定' }).waitFor()
  },
  { timeout: 150_000 },
)

scenario(
  'the owner invites a manager, who sets a password; the owner removes them and cannot remove themself',
  async (page) => {
    const manager = { email: `acct-manager-${RUN}@example.jp`, name: `招待 管理者${RUN}` }
    await login(page, DEMO.owner1.email)
    await page.getByTestId('engagement-company').filter({ hasText: SEISAKUSHO }).first().click()
    const panel = page.getByTestId('company-members')
    await panel.getByTestId('member-item').first().waitFor()
    await panel.getByTestId('member-experts').getByText(DEMO.expert1.name).waitFor()

    const form = panel.getByTestId('member-invite')
    await form.getByLabel('氏名').fill(manager.name)
    await form.getByLabel('メールアドレス').fill(manager.email)
    await form.getByRole('button', { name: '招待メールを送信' }).click()
    await panel.getByText(`${manager.name} さん（${manager.email}）に招待メールを送信しました。`).waitFor()
    const row = panel.getByTestId('member-item').filter({ hasText: manager.email })
    await row.getByTestId('member-status').filter({ hasText: '招待中' }).waitFor()

    // ---- the manager: the link, a password, signed in (no second factor needed) ----
    const token = await linkFromMail(manager.email, 'setup')
    const theirs = await extraPage()
    try {
      const p = theirs.page
      await p.goto(`/account/setup#t=${token}`)
      await setPassword(p, NEW_PASSWORD, 'パスワードを設定してログイン')
      await p.waitForURL((url) => url.pathname === '/engagements')
      await p.getByTestId('engagement-company').filter({ hasText: SEISAKUSHO }).first().waitFor()
      assert.deepEqual(theirs.problems, [])
    } finally {
      await theirs.close()
    }

    await page.reload()
    await row.getByTestId('member-status').filter({ hasText: '有効' }).waitFor()
    await row.getByRole('button', { name: `${manager.name} さんを削除` }).click()
    await row.getByRole('button', { name: '削除する' }).click()
    await panel.getByText(`${manager.name} さんを削除しました。`, { exact: false }).waitFor()

    // The last owner: refused, in Japanese, nothing changed.
    const me = panel.getByTestId('member-item').filter({ hasText: DEMO.owner1.email })
    await me.getByRole('button', { name: /さんを削除$/ }).click()
    await me.getByRole('button', { name: '削除する' }).click()
    const alert = panel.getByRole('alert')
    await alert.waitFor()
    assert.match((await alert.textContent()) ?? '', /[\u3040-\u30ff\u4e00-\u9fff]/)
    await me.getByTestId('member-status').filter({ hasText: '有効' }).waitFor()
  },
  { timeout: 90_000, allowHttpErrors: [{ path: /^\/api\/v1\/companies\/\d+\/members\/\d+$/, status: 409 }] },
)

scenario(
  'a forgotten password is reset by e-mail; the link works once; the same answer for an unknown address',
  async (page) => {
    const person = { email: `acct-reset-${RUN}@example.jp`, name: `再設定 管理者${RUN}` }
    // A company manager of this run, activated from the invitation mail.
    await login(page, DEMO.secretariat.email)
    const companies = await api(page, 'GET', `/companies?q=${encodeURIComponent('サンプル運輸')}`)
    const company = companies.body.items[0]
    await createActiveUser(
      page,
      { email: person.email, name: person.name, role: 'company', company_id: company.id, company_role: 'manager' },
      NEW_PASSWORD,
    )
    await logout(page)

    const sentText = '入力されたアドレスにアカウントがあれば、再設定用のメールを送信しました'
    const before = await linkCount(person.email, 'reset')
    for (const email of [`nobody-${RUN}@example.jp`, person.email]) {
      await page.goto('/login')
      await page.getByRole('link', { name: 'パスワードをお忘れの方' }).click()
      // The login page has a メールアドレス field too: fill only once the reset page is shown.
      await page.getByRole('heading', { level: 1, name: 'パスワードの再設定' }).waitFor()
      await page.getByLabel('メールアドレス').fill(email)
      await page.getByRole('button', { name: '再設定用のメールを送る' }).click()
      await page.getByTestId('reset-sent').getByText(sentText, { exact: false }).waitFor()
    }
    const token = await linkFromMail(person.email, 'reset', { skip: before })

    const other = `e2e-再設定後-${RUN}`
    await page.goto(`/account/reset#t=${token}`)
    await page.getByRole('heading', { level: 1, name: 'パスワードの再設定' }).waitFor()
    assert.equal((await page.getByTestId('link-email').textContent())?.trim(), person.email)
    await setPassword(page, other, 'パスワードを再設定する')
    await page.waitForURL((url) => url.pathname === '/login')
    await page.getByText('パスワードを再設定しました。新しいパスワードでログインしてください。').waitFor()
    await login(page, person.email, other)

    // The link is spent.
    await page.goto(`/account/reset#t=${token}`)
    await page.getByTestId('link-invalid').getByText('もう一度「パスワードをお忘れの方」から', { exact: false }).waitFor()
  },
  {
    timeout: 90_000,
    allowHttpErrors: [{ path: /^\/api\/v1\/auth\/links\/[^/]+$/, status: 404 }],
  },
)
