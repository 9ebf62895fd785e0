import { chromium } from 'playwright-core'
const BASE = 'http://127.0.0.1:8097'
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--headless'] })
for (const [w, h, tag] of [[1280, 900, 'desk'], [360, 740, 'phone']]) {
  const ctx = await browser.newContext({ viewport: { width: w, height: h }, baseURL: BASE, locale: 'ja-JP' })
  const page = await ctx.newPage()
  page.on('console', (m) => m.type() === 'error' && console.log('console', m.text()))
  await page.goto('/login')
  await page.getByLabel('メールアドレス').fill('expert1@demo.shido.jp')
  await page.getByLabel(/^パスワード/).fill('demo-password-2026')
  await page.getByRole('button', { name: 'ログイン' }).click()
  await page.waitForURL((u) => u.pathname === '/engagements')
  const rounds = await page.evaluate(async () => (await (await fetch('/api/v1/engagements/1/diagnosis/rounds')).json()))
  const rid = rounds.items.find((r) => r.submitted_count >= 5)?.id ?? rounds.items[0].id
  await page.goto('/engagements/1')
  await page.getByTestId('diagnosis-card').waitFor()
  await page.screenshot({ path: `/tmp/shots/${tag}-engagement.png`, fullPage: true })
  await page.goto('/engagements/1/diagnosis')
  await page.waitForTimeout(800)
  await page.screenshot({ path: `/tmp/shots/${tag}-rounds.png`, fullPage: true })
  for (const t of ['', '/analysis', '/findings']) {
    await page.goto(`/diagnosis/rounds/${rid}${t}`)
    await page.waitForTimeout(1500)
    await page.screenshot({ path: `/tmp/shots/${tag}-round${t.replace('/', '-')}.png`, fullPage: true })
  }
  await ctx.close()
}
await browser.close()
