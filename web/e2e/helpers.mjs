// Shared set-up for the end-to-end specs: one headless Chromium per spec file (Debian's
// /usr/bin/chromium through playwright-core, never a downloaded browser), a fresh context per
// test, console errors and dialogs fail the test, and a screenshot is saved on failure.
import { test, after } from 'node:test'
import assert from 'node:assert/strict'
import { createHmac } from 'node:crypto'
import { mkdir, readFile } from 'node:fs/promises'
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

/**
 * Signs in through the login form and waits for the engagement list. An account enrolled by
 * activateAccount() (or with a secret given) answers the second step with a code computed here.
 */
export async function login(page, email, password = PASSWORD, { totpSecret } = {}) {
  await page.goto('/login')
  await page.getByLabel('メールアドレス').fill(email)
  await page.getByLabel(/^パスワード/).fill(password)
  await page.getByRole('button', { name: 'ログイン' }).click()
  const secondStep = page.getByTestId('second-factor')
  const list = page.getByRole('heading', { level: 1, name: '指導案件一覧' })
  await secondStep.or(list).first().waitFor()
  if (await secondStep.isVisible()) {
    const secret = totpSecret ?? SECRETS.get(email.toLowerCase())
    assert.ok(secret, `${email} asks for a second factor, and the test knows no secret for it`)
    await page.getByLabel('確認コード（6桁）').fill(await nextTotp(secret))
    await page.getByRole('button', { name: '確認してログイン' }).click()
    await page.waitForURL((url) => url.pathname === '/engagements')
  }
  await page.getByRole('heading', { level: 1, name: '指導案件一覧' }).waitFor()
}

// ---- e-mail and the second factor ----

/** The JSON lines file of tests/api/smtp_server.py (scripts/test.sh starts it for the e2e stage). */
export const MAIL_RECORDS = process.env.SHIDO_MAIL_RECORDS ?? ''

/** Every message the mail server caught for this address, oldest first. */
export async function mailsTo(email) {
  assert.ok(MAIL_RECORDS, 'SHIDO_MAIL_RECORDS must name the records file of tests/api/smtp_server.py')
  const text = await readFile(MAIL_RECORDS, 'utf8').catch(() => '')
  const want = email.toLowerCase()
  return text
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line))
    .filter((m) => (m.rcpt_tos ?? []).some((r) => r.toLowerCase() === want))
}

/**
 * Waits for a new mail to `email` whose body holds an app link (`/account/setup` or
 * `/account/reset`) and returns its token. `skip`: how many such mails were there before.
 */
export async function linkFromMail(email, kind, { skip = 0, timeout = 20_000 } = {}) {
  const re = new RegExp(`/account/${kind}#t=([A-Za-z0-9._~-]+)`)
  const until = Date.now() + timeout
  for (;;) {
    const links = (await mailsTo(email)).map((m) => re.exec(m.body ?? '')?.[1]).filter(Boolean)
    if (links.length > skip) return links[links.length - 1]
    assert.ok(Date.now() < until, `no /account/${kind} mail for ${email} within ${timeout} ms`)
    await new Promise((r) => setTimeout(r, 150))
  }
}

/** How many mails with a /account/<kind> link `email` has received. */
export async function linkCount(email, kind) {
  return (await mailsTo(email)).filter((m) => (m.body ?? '').includes(`/account/${kind}#t=`)).length
}

function base32Decode(text) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'
  let bits = 0
  let value = 0
  const out = []
  for (const ch of text.replace(/[\s=-]/g, '').toUpperCase()) {
    const i = alphabet.indexOf(ch)
    assert.ok(i >= 0, `not base32: ${text}`)
    value = (value << 5) | i
    bits += 5
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 0xff)
      bits -= 8
    }
  }
  return Buffer.from(out)
}

/** RFC 6238 (SHA-1, 6 digits, 30 s) for the given time step. */
export function totpAt(secret, step) {
  const counter = Buffer.alloc(8)
  counter.writeBigUInt64BE(BigInt(step))
  const mac = createHmac('sha1', base32Decode(secret)).update(counter).digest()
  const offset = mac[mac.length - 1] & 0x0f
  const code = (mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000
  return String(code).padStart(6, '0')
}

// The server takes each time step once and accepts one step ahead: the next code is for the step
// after the last one used (waiting only when that would be two steps ahead).
const SECRETS = new Map()
const LAST_STEP = new Map()
export async function nextTotp(secret) {
  const now = () => Math.floor(Date.now() / 1000 / 30)
  const step = Math.max(now(), (LAST_STEP.get(secret) ?? -1) + 1)
  while (step > now() + 1) await new Promise((r) => setTimeout(r, 500))
  LAST_STEP.set(secret, step)
  return totpAt(secret, step)
}

/** Remembers an account's authenticator secret, so that login() can answer its second step. */
export function rememberSecret(email, secret) {
  SECRETS.set(email.toLowerCase(), secret)
}

/**
 * Makes an invited account usable as a person would, without the browser pages: takes the
 * invitation link from the mail, sets the password, and (where the role requires it) enrols a
 * second factor whose secret login() then uses. Returns the secret, or null.
 */
export async function activateAccount(email, password = PASSWORD) {
  const token = await linkFromMail(email, 'setup')
  const p = await extraPage({ mobile: false })
  try {
    await p.page.goto('/account/forgot')
    const call = (method, path, body, csrf) =>
      p.page.evaluate(
        async ({ method, path, body, csrf }) => {
          const headers = { 'Content-Type': 'application/json' }
          if (csrf) headers['X-CSRF-Token'] = csrf
          const res = await fetch(`/api/v1${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) })
          const text = await res.text()
          return { status: res.status, body: text ? JSON.parse(text) : null }
        },
        { method, path, body, csrf },
      )
    const accepted = await call('POST', '/auth/invitations/accept', { token, password })
    assert.equal(accepted.status, 200, JSON.stringify(accepted.body))
    if (!accepted.body.two_factor?.enrolment_required) return null
    const csrf = accepted.body.csrf_token
    const enrolment = await call('POST', '/me/two-factor/enrolment', {}, csrf)
    assert.equal(enrolment.status, 200, JSON.stringify(enrolment.body))
    const secret = enrolment.body.secret
    const confirmed = await call('POST', '/me/two-factor/confirm', { code: await nextTotp(secret) }, csrf)
    assert.equal(confirmed.status, 200, JSON.stringify(confirmed.body))
    rememberSecret(email, secret)
    assert.deepEqual(p.problems, [], 'activateAccount: page problems')
    return secret
  } finally {
    await p.close()
  }
}

/**
 * The secretariat (signed in on `page`) creates an account (invited) and it is activated at once:
 * for specs that need a person of their own. Returns the created user.
 */
export async function createActiveUser(page, input, password = PASSWORD) {
  const made = await api(page, 'POST', '/users', input)
  assert.equal(made.status, 201, JSON.stringify(made.body))
  await activateAccount(input.email, password)
  return made.body
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
