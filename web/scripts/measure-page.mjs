// Measures the JavaScript a page downloads: signs in, opens the page in a fresh browser context
// and adds up every .js response (bytes as served, and each file's brotli size, quality 11).
// Not a test; for reports. Usage:
//   SHIDO_BASE_URL=http://127.0.0.1:8080 node scripts/measure-page.mjs /diagnosis/rounds/1/analysis
import { brotliCompressSync, constants } from 'node:zlib'
import { chromium } from 'playwright-core'

const base = (process.env.SHIDO_BASE_URL ?? 'http://127.0.0.1:8080').replace(/\/+$/, '')
const target = process.argv[2] ?? '/engagements'
const email = process.env.SHIDO_EMAIL ?? 'expert1@demo.shido.jp'
const password = process.env.SHIDO_DEMO_PASSWORD ?? 'demo-password-2026'

const browser = await chromium.launch({
  executablePath: process.env.SHIDO_CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu'],
})
try {
  const login = await browser.newContext({ baseURL: base })
  const res = await login.request.post('/api/v1/auth/login', {
    data: { email, password },
    headers: { Origin: base },
  })
  if (!res.ok()) throw new Error(`login failed: ${res.status()}`)
  const state = await login.storageState()
  await login.close()

  const context = await browser.newContext({ baseURL: base, storageState: state })
  const page = await context.newPage()
  /** @type {Map<string, Buffer>} */
  const scripts = new Map()
  page.on('response', async (r) => {
    if (!new URL(r.url()).pathname.endsWith('.js')) return
    try {
      scripts.set(r.url(), await r.body())
    } catch {
      // a response without a body (redirect): nothing to count
    }
  })
  await page.goto(target, { waitUntil: 'networkidle' })
  await page.waitForTimeout(500)
  let raw = 0
  let br = 0
  for (const [url, body] of [...scripts].sort((a, b) => b[1].length - a[1].length)) {
    const b = brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length
    raw += body.length
    br += b
    console.log(`${String(body.length).padStart(8)} ${String(b).padStart(8)}  ${new URL(url).pathname}`)
  }
  console.log(`${String(raw).padStart(8)} ${String(br).padStart(8)}  total JS (${scripts.size} files): bytes, brotli`)
} finally {
  await browser.close()
}
