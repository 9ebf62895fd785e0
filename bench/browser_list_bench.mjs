// The engagement list in a real browser (run by bench/browser_list_bench.sh; not a test).
// Against a running server that serves web/dist and holds the generated engagements: for each
// run, a fresh browser context logs in as the secretariat through the login form (the app then
// shows the list), and a navigation to /engagements is timed from its start until the first
// list row ([data-testid="engagement-item"], the rows of the table or the phone cards) is
// visible, measured inside the page (performance.now() at the first animation frame that shows
// a row) and from node. Once the page is idle (the experts' drop-down reads its own pages
// after the list): the JS heap in use (CDP Performance.getMetrics, then again after a forced
// garbage collection), the rows rendered against the list's total, the list request's own time
// and size, the API requests the navigation made and when the last one ended (Resource Timing),
// the renderer's main-thread time (script, style, layout) and the last run's waterfall. One
// warm-up run is not counted; prints every run and the medians. Target: median < 300 ms.
//
//   node bench/browser_list_bench.mjs --base http://127.0.0.1:8080 [--runs 7] [--label sqlite]
//     [--email jimu@demo.shido.jp] [--width 1280]
//
// Chromium is Debian's /usr/bin/chromium driven by web/node_modules/playwright-core (never a
// downloaded browser), with the flags of web/e2e/helpers.mjs.
import { createRequire } from 'node:module'
import { performance } from 'node:perf_hooks'

const require = createRequire(new URL('../web/package.json', import.meta.url))
const { chromium } = require('playwright-core')

const args = Object.fromEntries(process.argv.slice(2).reduce((pairs, a, i, all) => {
  if (a.startsWith('--')) pairs.push([a.slice(2), all[i + 1]])
  return pairs
}, []))
const base = (args.base ?? 'http://127.0.0.1:8080').replace(/\/+$/, '')
const runs = Number(args.runs ?? 7)
const label = args.label ?? ''
const email = args.email ?? 'jimu@demo.shido.jp'
const password = process.env.SHIDO_DEMO_PASSWORD ?? 'demo-password-2026'
const width = Number(args.width ?? 1280)
const ROW = '[data-testid="engagement-item"]'
const TARGET_MS = 300

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

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b)
  const m = s.length >> 1
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2
}
const mb = (bytes) => (bytes / 1048576).toFixed(1)

async function oneRun(browser) {
  const context = await browser.newContext({
    viewport: { width, height: 800 },
    locale: 'ja-JP',
    timezoneId: 'Asia/Tokyo',
    baseURL: base,
  })
  const page = await context.newPage()
  page.setDefaultTimeout(30_000)
  const problems = []
  page.on('pageerror', (err) => problems.push(`pageerror: ${err.message}`))
  try {
    // Log in through the form; the app lands on the list.
    await page.goto('/login')
    await page.getByLabel('メールアドレス').fill(email)
    await page.getByLabel(/^パスワード/).fill(password)
    const loginStart = performance.now()
    await page.getByRole('button', { name: 'ログイン' }).click()
    await page.waitForURL((url) => url.pathname === '/engagements')
    await page.locator(ROW).first().waitFor({ state: 'visible' })
    const loginToRows = performance.now() - loginStart

    // The timed navigation: a new document for /engagements (assets from the HTTP cache, as
    // for a returning user), until the first frame that shows a row.
    // Main-thread time of the renderer (CDP Performance metrics, seconds, cumulative).
    const cdp = await context.newCDPSession(page)
    await cdp.send('Performance.enable')
    const metrics = async () => Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]))
    const before = await metrics()
    const started = performance.now()
    await page.goto('/engagements', { waitUntil: 'commit' })
    const inPage = await page.waitForFunction((sel) => {
      const row = document.querySelector(sel)
      if (!row) return false
      const box = row.getBoundingClientRect()
      return box.height > 0 && box.width > 0 ? performance.now() : false
    }, ROW, { polling: 'raf', timeout: 30_000 }).then((h) => h.jsonValue())
    const fromNode = performance.now() - started
    // Until the page stops loading (the experts' drop-down reads its own pages after the list).
    await page.waitForLoadState('networkidle')

    const facts = await page.evaluate((sel) => {
      const list = performance.getEntriesByType('resource')
        .filter((e) => new URL(e.name).pathname === '/api/v1/engagements')
        .at(-1)
      return {
        rows: document.querySelectorAll(sel).length,
        count: document.querySelector('[data-testid="result-count"]')?.textContent?.trim() ?? '',
        listMs: list ? list.responseEnd - list.startTime : null,
        listBytes: list ? list.encodedBodySize : null,
        domNodes: document.getElementsByTagName('*').length,
        expertOptions: document.querySelectorAll('#filter-expert option').length - 1,
        // The navigation's waterfall: the document, scripts, styles and API requests (ms since
        // the navigation started), and when the last of them ended.
        waterfall: [performance.getEntriesByType('navigation')[0], ...performance.getEntriesByType('resource')]
          .filter(Boolean)
          .map((e) => {
            const u = new URL(e.name)
            const name = u.pathname.startsWith('/api/') ? u.pathname.replace('/api/v1', '') + u.search.slice(0, 24)
              : e.entryType === 'navigation' ? 'document' : u.pathname.split('/').pop()
            return { name, start: e.startTime, end: e.responseEnd }
          }),
      }
    }, ROW)
    const after = await metrics()
    const spent = (name) => ((after[name] ?? 0) - (before[name] ?? 0)) * 1000
    const mainThread = { script: spent('ScriptDuration'), layout: spent('LayoutDuration'), style: spent('RecalcStyleDuration'), task: spent('TaskDuration') }
    const heap = after.JSHeapUsedSize ?? 0
    await cdp.send('HeapProfiler.collectGarbage')
    const heapAfterGc = (await metrics()).JSHeapUsedSize ?? 0
    if (problems.length) throw new Error(problems.join('; '))
    facts.idle = Math.max(...facts.waterfall.map((e) => e.end))
    facts.api = facts.waterfall.filter((e) => e.name.startsWith('/'))
    return { inPage, fromNode, loginToRows, heap, heapAfterGc, mainThread, ...facts }
  } finally {
    await context.close()
  }
}

async function main() {
  const browser = await chromium.launch({
    executablePath: process.env.SHIDO_CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
  })
  const results = []
  try {
    await oneRun(browser)  // warm-up: the browser's first context, the server's first requests
    for (let i = 0; i < runs; i++) results.push(await oneRun(browser))
  } finally {
    await browser.close()
  }

  console.log(`\nengagement list in Chromium (${label}), ${width}px wide, ${runs} runs after one warm-up`)
  console.log('run  nav→rows(page)  nav→rows(node)  nav→idle  login→rows  list req  list bytes  rows  API reqs  DOM nodes  heap MB  heap MB after GC')
  results.forEach((r, i) => {
    console.log(`${String(i + 1).padStart(3)}  ${r.inPage.toFixed(0).padStart(11)} ms  ${r.fromNode.toFixed(0).padStart(11)} ms  ${r.idle.toFixed(0).padStart(5)} ms  ${r.loginToRows.toFixed(0).padStart(7)} ms  ${(r.listMs ?? NaN).toFixed(1).padStart(5)} ms  ${String(r.listBytes ?? '-').padStart(10)}  ${String(r.rows).padStart(4)}  ${String(r.api.length).padStart(8)}  ${String(r.domNodes).padStart(9)}  ${mb(r.heap).padStart(7)}  ${mb(r.heapAfterGc).padStart(16)}`)
  })
  const m = (key) => median(results.map((r) => r[key]))
  const last = results.at(-1)
  console.log(`\nmedian: navigation → first rows visible ${m('inPage').toFixed(0)} ms in the page (${m('fromNode').toFixed(0)} ms seen from node); ` +
    `login click → rows ${m('loginToRows').toFixed(0)} ms; JS heap ${mb(m('heap'))} MB (${mb(m('heapAfterGc'))} MB after GC)`)
  console.log(`waterfall of the last run (ms from navigation start): ${last.waterfall
    .map((e) => `${e.name} ${e.start.toFixed(0)}–${e.end.toFixed(0)}`).join(', ')}; rows visible ${last.inPage.toFixed(0)}`)
  const mt = (key) => median(results.map((r) => r.mainThread[key])).toFixed(0)
  console.log(`renderer main thread until idle (median): tasks ${mt('task')} ms, of which script ${mt('script')} ms, style ${mt('style')} ms, layout ${mt('layout')} ms`)
  console.log(`experts in the filter's drop-down: ${last.expertOptions}; page idle (all requests answered) after ${m('idle').toFixed(0)} ms`)
  console.log(`rows rendered: ${last.rows} (${last.count || 'no count shown'})` +
    (/全\s*([\d,]+)/.test(last.count) && Number(/全\s*([\d,]+)/.exec(last.count)[1].replace(/,/g, '')) <= last.rows
      ? ' — the page renders every row' : ' — one page, not the whole list'))
  const ok = m('inPage') < TARGET_MS
  console.log(`target: navigation → rows < ${TARGET_MS} ms (median): ${ok ? 'ok' : 'MISSED'}`)
  process.exitCode = 0
}

main().catch((err) => {
  console.error(err)
  process.exit(1)
})
