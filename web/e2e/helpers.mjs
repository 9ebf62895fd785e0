// Shared set-up for the end-to-end specs: one headless Chromium per spec file (Debian's
// /usr/bin/chromium through playwright-core, never a downloaded browser), a fresh context per
// test, console errors and dialogs fail the test, and a screenshot is saved on failure.
import { test, after } from 'node:test'
import assert from 'node:assert/strict'
import { mkdir } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { chromium } from 'playwright-core'

export const BASE_URL = (process.env.SHIDO_BASE_URL ?? 'http://127.0.0.1:8080').replace(/\/+$/, '')
export const PASSWORD = process.env.SHIDO_DEMO_PASSWORD ?? 'demo-password-2026'
export const ARTIFACTS = fileURLToPath(new URL('./artifacts/', import.meta.url))

export const DEMO = {
  secretariat: { email: 'jimu@demo.shido.jp', name: '事務局 花子', role: '事務局' },
  expert1: { email: 'expert1@demo.shido.jp', name: '専門家 一郎', role: '専門家' },
  expert2: { email: 'expert2@demo.shido.jp', name: '専門家 二郎', role: '専門家' },
  owner1: { email: 'owner1@demo.shido.jp', role: '企業' },
  owner2: { email: 'owner2@demo.shido.jp', role: '企業' },
}
export const SEISAKUSHO = '株式会社サンプル製作所'
export const UNYU = 'サンプル運輸株式会社'

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

let browserPromise = null
function getBrowser() {
  // launch() (not launchPersistentContext) gives every run a fresh temporary profile.
  browserPromise ??= chromium.launch({
    executablePath: process.env.SHIDO_CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
  })
  return browserPromise
}

after(async () => {
  if (browserPromise) await (await browserPromise).close()
})

// The browser logs every 4xx/5xx response as a console error. These are the expected ones:
// probing the session while signed out, and a refused login.
const EXPECTED_HTTP_ERRORS = [
  { path: '/api/v1/auth/me', status: 401 },
  { path: '/api/v1/auth/login', status: 401 },
]

function watchPage(page, allowHttpErrors) {
  const expected = [...EXPECTED_HTTP_ERRORS, ...allowHttpErrors]
  const problems = []
  page.on('console', (msg) => {
    if (msg.type() !== 'error') return
    const text = msg.text()
    const url = msg.location()?.url ?? ''
    const status = /status of (\d{3})/.exec(text)?.[1]
    if (text.startsWith('Failed to load resource') && status) {
      const path = url ? new URL(url, BASE_URL).pathname : ''
      if (expected.some((x) => (x.path instanceof RegExp ? x.path.test(path) : x.path === path) && String(x.status) === status)) return
    }
    problems.push(`console.error: ${text}${url ? ` (${url})` : ''}`)
  })
  page.on('pageerror', (err) => problems.push(`pageerror: ${err.message}`))
  page.on('dialog', async (dialog) => {
    problems.push(`dialog (${dialog.type()}): ${dialog.message()}`)
    await dialog.dismiss().catch(() => {})
  })
  return problems
}

function fileNameFor(name) {
  return name.replace(/[^\p{L}\p{N}_-]+/gu, '_').slice(0, 80)
}

/**
 * Declares one test that gets a fresh page. Options: viewport {width,height}; allowHttpErrors
 * [{path, status}] for API errors the test provokes on purpose (the browser logs them as errors);
 * contextOptions: more options of browser.newContext() (e.g. bypassCSP).
 * The test fails if the page logged an unexpected console error, threw, or opened a dialog.
 * fn gets the page and the test context.
 */
export function scenario(
  name,
  fn,
  { viewport = { width: 1280, height: 800 }, timeout = 60_000, allowHttpErrors = [], contextOptions = {} } = {},
) {
  test(name, { timeout }, async (t) => {
    const browser = await getBrowser()
    const context = await browser.newContext({
      viewport,
      locale: 'ja-JP',
      timezoneId: 'Asia/Tokyo',
      baseURL: BASE_URL,
      ...contextOptions,
    })
    const page = await context.newPage()
    page.setDefaultTimeout(10_000)
    const problems = watchPage(page, allowHttpErrors)
    try {
      await fn(page, t)
      assert.deepEqual(problems, [], 'unexpected console errors, page errors or dialogs')
    } catch (err) {
      await mkdir(ARTIFACTS, { recursive: true })
      const path = `${ARTIFACTS}${fileNameFor(name)}.png`
      await page.screenshot({ path, fullPage: true }).catch(() => {})
      if (problems.length) console.error(`[${name}] page problems:\n  ${problems.join('\n  ')}`)
      console.error(`[${name}] screenshot: ${path}`)
      throw err
    } finally {
      await context.close()
    }
  })
}

/**
 * Opens a second, separate browser context inside a scenario (e.g. a respondent's phone: no
 * cookies shared with the staff page). Returns { page, problems, close }; the caller asserts
 * that problems stays empty. Options as for scenario(), and mobile (default true: touch, phone).
 */
export async function extraPage({
  viewport = { width: 360, height: 740 },
  allowHttpErrors = [],
  mobile = true,
  contextOptions = {},
} = {}) {
  const browser = await getBrowser()
  const context = await browser.newContext({
    viewport,
    locale: 'ja-JP',
    timezoneId: 'Asia/Tokyo',
    baseURL: BASE_URL,
    hasTouch: mobile,
    isMobile: mobile,
    ...contextOptions,
  })
  const page = await context.newPage()
  page.setDefaultTimeout(10_000)
  const problems = watchPage(page, allowHttpErrors)
  return { page, problems, close: () => context.close() }
}

/** Signs in through the login form and waits for the engagement list. */
export async function login(page, email, password = PASSWORD) {
  await page.goto('/login')
  await page.getByLabel('メールアドレス').fill(email)
  await page.getByLabel(/^パスワード/).fill(password)
  await page.getByRole('button', { name: 'ログイン' }).click()
  await page.waitForURL((url) => url.pathname === '/engagements')
  await page.getByRole('heading', { level: 1, name: '指導案件一覧' }).waitFor()
}

/** The company names of the engagements listed (after the list has loaded). */
export async function listedCompanies(page) {
  await page.getByTestId('result-count').waitFor()
  return page.getByTestId('engagement-company').allTextContents()
}

/**
 * The secretariat's list holds every engagement (many pages): finds one by its company name with
 * the keyword filter (in the address, as the filter form puts it) and waits for the list.
 */
export async function searchEngagements(page, companyName) {
  await page.goto(`/engagements?q=${encodeURIComponent(companyName)}`)
  await page.getByTestId('engagement-company').filter({ hasText: companyName }).first().waitFor()
}

/** Opens the header menu on narrow screens (no-op where it is always shown). */
export async function openMenu(page) {
  const toggle = page.getByRole('button', { name: 'メニュー', exact: true })
  if (await toggle.isVisible()) await toggle.click()
}

/**
 * Calls the API from inside the page (its cookies; the CSRF token from /auth/me when signed in).
 * Returns { status, body } (body: parsed JSON or null).
 */
export async function api(page, method, path, body) {
  return page.evaluate(
    async ({ method, path, body }) => {
      const headers = { 'Content-Type': 'application/json' }
      if (method !== 'GET') {
        const me = await fetch('/api/v1/auth/me')
        if (me.ok) headers['X-CSRF-Token'] = (await me.json()).csrf_token
      }
      const res = await fetch(`/api/v1${path}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
      })
      const text = await res.text()
      let parsed = null
      try {
        parsed = text ? JSON.parse(text) : null
      } catch {
        parsed = null
      }
      return { status: res.status, body: parsed }
    },
    { method, path, body },
  )
}

export { assert }
