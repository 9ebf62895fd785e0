import { chromium } from 'playwright-core'
const [,, path, width, tag, sel = 'section.card, .card, .empty'] = process.argv
const BASE = 'http://127.0.0.1:8097'
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--headless'] })
const ctx = await browser.newContext({ viewport: { width: Number(width), height: 800 }, baseURL: BASE, locale: 'ja-JP' })
const page = await ctx.newPage()
if (!path.startsWith('/a/')) {
  await page.goto('/login')
  await page.getByLabel('メールアドレス').fill('expert1@demo.shido.jp')
  await page.getByLabel(/^パスワード/).fill('demo-password-2026')
  await page.getByRole('button', { name: 'ログイン' }).click()
  await page.waitForURL((u) => u.pathname === '/engagements')
}
await page.goto(path)
await page.waitForTimeout(1500)
await page.screenshot({ path: `/tmp/shots/${tag}-top.png` })
const els = await page.locator(sel).all()
let i = 0
for (const el of els.slice(0, 12)) {
  await el.screenshot({ path: `/tmp/shots/${tag}-${i++}.png` }).catch(() => {})
}
console.log('shots', i)
await browser.close()
