import { chromium } from 'playwright-core'
const BASE = 'http://127.0.0.1:8097'
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--headless'] })
const ctx = await browser.newContext({ viewport: { width: 360, height: 740 }, baseURL: BASE, locale: 'ja-JP', isMobile: true, hasTouch: true })
const page = await ctx.newPage()
page.on('console', (m) => m.type() === 'error' && console.log('console', m.text()))
await page.goto('/login')
await page.getByLabel('メールアドレス').fill('expert1@demo.shido.jp')
await page.getByLabel(/^パスワード/).fill('demo-password-2026')
await page.getByRole('button', { name: 'ログイン' }).click()
await page.waitForURL((u) => u.pathname === '/engagements')
for (const path of ['/engagements/1', '/engagements/1/diagnosis', '/diagnosis/rounds/1', '/diagnosis/rounds/1/analysis', '/diagnosis/rounds/1/findings']) {
  await page.goto(path)
  await page.waitForTimeout(1500)
  const r = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth])
  console.log(path, r)
}
await page.goto('/diagnosis/rounds/1/analysis')
await page.waitForTimeout(1500)
const cards = await page.locator('main section.card').all()
let i = 0
for (const c of cards.slice(0, 4)) await c.screenshot({ path: `/tmp/shots/pa-${i++}.png` })
await browser.close()
