import { scenario, login, assert, DEMO, PASSWORD } from './helpers.mjs'

scenario('wrong password shows a Japanese error and stays on the login page', async (page) => {
  await page.goto('/login')
  await page.getByLabel('メールアドレス').fill(DEMO.expert1.email)
  await page.getByLabel(/^パスワード/).fill('wrong-password-123')
  await page.getByRole('button', { name: 'ログイン' }).click()
  const alert = page.getByRole('alert')
  await alert.waitFor()
  const text = (await alert.textContent())?.trim() ?? ''
  assert.match(text, /[\u3040-\u30ff\u4e00-\u9fff]/, `error should be Japanese: ${text}`)
  assert.doesNotMatch(text, /[{}]|"error"|unauthenticated/, `raw error leaked: ${text}`)
  assert.equal(new URL(page.url()).pathname, '/login')
  assert.equal(await page.getByLabel(/^パスワード/).inputValue(), '')
})

scenario('empty login form shows Japanese field messages without calling the server', async (page) => {
  await page.goto('/login')
  const logins = []
  page.on('request', (req) => {
    if (new URL(req.url()).pathname === '/api/v1/auth/login') logins.push(req.method())
  })
  await page.getByRole('button', { name: 'ログイン' }).click()
  await page.getByText('メールアドレスを入力してください。').waitFor()
  await page.getByText('パスワードを入力してください。').waitFor()
  await page.waitForTimeout(200)
  assert.deepEqual(logins, [], 'no login request is sent for an empty form')
})

scenario('signed-out visitors are sent to the login page', async (page) => {
  await page.goto('/engagements')
  await page.waitForURL((url) => url.pathname === '/login')
  await page.getByRole('heading', { level: 1, name: 'ログイン' }).waitFor()
})

scenario('header shows name and role; logout returns to the login page', async (page) => {
  await login(page, DEMO.expert1.email, PASSWORD)
  assert.equal((await page.getByTestId('user-name').textContent())?.trim(), DEMO.expert1.name)
  assert.equal((await page.getByTestId('user-role').textContent())?.trim(), DEMO.expert1.role)
  await page.getByRole('link', { name: 'アカウント設定' }).waitFor()

  await page.getByRole('button', { name: 'ログアウト' }).click()
  await page.waitForURL((url) => url.pathname === '/login')
  await page.getByText('ログアウトしました。').waitFor()

  // The session is gone on the server too: a protected page sends us back to the login page.
  await page.goto('/engagements')
  await page.waitForURL((url) => url.pathname === '/login')
  await page.getByRole('heading', { level: 1, name: 'ログイン' }).waitFor()
})
