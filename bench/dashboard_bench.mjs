// The secretariat's dashboard under 10,000 engagements (run by bench/dashboard_bench.sh; not a
// test). Against a running server that serves web/dist and holds the generated engagements:
//  1. API: after a warm-up, `--requests` sequential requests per endpoint on one keep-alive
//     connection (loopback), each timed from sending to the last byte: p50, p99, max. The first
//     page and a filtered page (state and industry) each with their counts (the page sends the
//     two at once: "page + counts" is the time until both have answered), and the experts.
//  2. Browser: Debian's chromium through web/node_modules/playwright-core; the secretariat logs
//     in through the form, then a navigation to /dashboard (and to a filtered /dashboard) is
//     timed from its start until the table's first row and the counts are both visible (in the
//     page: performance.now() at the first animation frame that shows them). One warm-up run,
//     then `--runs`; median and max. Target: server p99 < 50 ms, browser < 300 ms.
//
//   node bench/dashboard_bench.mjs --base http://127.0.0.1:8080 [--requests 300] [--runs 7] [--label sqlite]
import { createRequire } from 'node:module'
import { performance } from 'node:perf_hooks'

const require = createRequire(new URL('../web/package.json', import.meta.url))
const { chromium } = require('playwright-core')

const args = Object.fromEntries(process.argv.slice(2).reduce((pairs, a, i, all) => {
  if (a.startsWith('--')) pairs.push([a.slice(2), all[i + 1]])
  return pairs
}, []))
const base = (args.base ?? 'http://127.0.0.1:8080').replace(/\/+$/, '')
const requests = Number(args.requests ?? 300)
const runs = Number(args.runs ?? 7)
const label = args.label ?? ''
const email = args.email ?? 'jimu@demo.shido.jp'
const password = process.env.SHIDO_DEMO_PASSWORD ?? 'demo-password-2026'
const FILTER = `state=report_submitted&industry=${encodeURIComponent('製造業')}`
const SERVER_TARGET_MS = 50
const BROWSER_TARGET_MS = 300

const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)]
}
const median = (xs) => quantile(xs, 0.5)

async function login() {
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password }),
  })
  if (res.status !== 200) throw new Error(`login: ${res.status}`)
  const cookie = /shido_session=([^;]+)/.exec(res.headers.get('set-cookie') ?? '')?.[1]
  await res.arrayBuffer()
  return `shido_session=${cookie}`
}

async function timed(cookie, path) {
  const started = performance.now()
  const res = await fetch(`${base}${path}`, { headers: { cookie } })
  const body = await res.arrayBuffer()
  const ms = performance.now() - started
  if (res.status !== 200) throw new Error(`${path}: ${res.status}`)
  return { ms, bytes: body.byteLength, body }
}

async function apiBench(cookie) {
  const cases = [
    ['first page', ['/api/v1/dashboard/engagements']],
    ['counts', ['/api/v1/dashboard/summary']],
    ['first page + counts', ['/api/v1/dashboard/engagements', '/api/v1/dashboard/summary']],
    ['filtered page', [`/api/v1/dashboard/engagements?${FILTER}`]],
    ['filtered counts', [`/api/v1/dashboard/summary?${FILTER}`]],
    ['filtered page + counts', [`/api/v1/dashboard/engagements?${FILTER}`, `/api/v1/dashboard/summary?${FILTER}`]],
    ["experts' workload", ['/api/v1/dashboard/experts']],
  ]
  const out = []
  for (const [name, paths] of cases) {
    const one = async () => {
      const started = performance.now()
      const answers = await Promise.all(paths.map((p) => timed(cookie, p)))
      return { ms: performance.now() - started, bytes: answers.reduce((a, r) => a + r.bytes, 0), answers }
    }
    for (let i = 0; i < 20; i++) await one()  // warm-up
    const times = []
    let last
    for (let i = 0; i < requests; i++) {
      last = await one()
      times.push(last.ms)
    }
    const facts = JSON.parse(Buffer.from(last.answers[0].body).toString('utf8'))
    const shown = facts.items ? `${facts.items.length} of ${facts.total}` : `${facts.engagements} engagements`
    out.push({ name, p50: median(times), p99: quantile(times, 0.99), max: Math.max(...times), bytes: last.bytes, shown })
  }
  return out
}

const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync']

async function browserRun(browser, target) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'ja-JP', timezoneId: 'Asia/Tokyo', baseURL: base })
  const page = await context.newPage()
  page.setDefaultTimeout(30_000)
  try {
    await page.goto('/login')
    await page.getByLabel('メールアドレス').fill(email)
    await page.getByLabel(/^パスワード/).fill(password)
    await page.getByRole('button', { name: 'ログイン' }).click()
    await page.waitForURL((url) => url.pathname === '/engagements')
    await page.locator('[data-testid="engagement-item"]').first().waitFor()
    await page.goto('/dashboard')  // the dashboard's chunk into the HTTP cache, as for a returning user
    await page.locator('[data-testid="dashboard-row"]').first().waitFor()
    const started = performance.now()
    await page.goto(target, { waitUntil: 'commit' })
    const inPage = await page.waitForFunction(() => {
      const row = document.querySelector('[data-testid="dashboard-row"]')
      const count = document.querySelector('[data-testid="count-engagements"]')
      if (!row || !count) return false
      return row.getBoundingClientRect().height > 0 && count.getBoundingClientRect().height > 0 ? performance.now() : false
    }, null, { polling: 'raf', timeout: 30_000 }).then((h) => h.jsonValue())
    const fromNode = performance.now() - started
    const rows = await page.locator('[data-testid="dashboard-row"]').count()
    return { inPage, fromNode, rows }
  } finally {
    await context.close()
  }
}

async function browserBench() {
  const browser = await chromium.launch({ executablePath: process.env.SHIDO_CHROMIUM ?? '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS })
  const out = []
  try {
    for (const [name, target] of [['/dashboard', '/dashboard'], ['/dashboard (filtered)', `/dashboard?${FILTER}`]]) {
      await browserRun(browser, target)  // warm-up
      const results = []
      for (let i = 0; i < runs; i++) results.push(await browserRun(browser, target))
      out.push({
        name,
        median: median(results.map((r) => r.inPage)),
        max: Math.max(...results.map((r) => r.inPage)),
        node: median(results.map((r) => r.fromNode)),
        rows: results.at(-1).rows,
      })
    }
  } finally {
    await browser.close()
  }
  return out
}

async function main() {
  const cookie = await login()
  const api = await apiBench(cookie)
  const browser = args.browser === 'no' ? [] : await browserBench()
  const pad = (s, n) => String(s).padEnd(n)
  const num = (x, n = 7) => x.toFixed(1).padStart(n)
  console.log(`\ndashboard API on ${label}: ${requests} sequential requests each after 20 warm-up, one keep-alive connection`)
  console.log(`${pad('request', 24)} ${'p50 ms'.padStart(7)} ${'p99 ms'.padStart(7)} ${'max ms'.padStart(7)} ${'bytes'.padStart(8)}  rows`)
  for (const r of api)
    console.log(`${pad(r.name, 24)} ${num(r.p50)} ${num(r.p99)} ${num(r.max)} ${String(r.bytes).padStart(8)}  ${r.shown}${r.p99 < SERVER_TARGET_MS ? '' : '  (p99 over target)'}`)
  if (browser.length) {
    console.log(`\ndashboard in Chromium on ${label}: navigation → first row and counts visible, ${runs} runs after one warm-up`)
    console.log(`${pad('page', 24)} ${'median'.padStart(7)} ${'max'.padStart(7)} ${'node'.padStart(7)}  rows`)
    for (const r of browser)
      console.log(`${pad(r.name, 24)} ${num(r.median)} ${num(r.max)} ${num(r.node)}  ${r.rows}${r.median < BROWSER_TARGET_MS ? '' : '  (over target)'}`)
  }
  const worst = Math.max(...api.filter((r) => /page/.test(r.name)).map((r) => r.p99))
  console.log(`\ntargets: server p99 < ${SERVER_TARGET_MS} ms (worst page case ${worst.toFixed(1)} ms: ${worst < SERVER_TARGET_MS ? 'ok' : 'MISSED'})` +
    (browser.length ? `; browser < ${BROWSER_TARGET_MS} ms (worst median ${Math.max(...browser.map((r) => r.median)).toFixed(0)} ms: ${Math.max(...browser.map((r) => r.median)) < BROWSER_TARGET_MS ? 'ok' : 'MISSED'})` : ''))
}

main().catch((err) => {
  console.error(err)
  process.exit(1)
})
