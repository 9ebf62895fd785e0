// Stored markup must come back as text, everywhere it is shown. Every text field people see
// rendered elsewhere gets a payload that RUNS if it is ever inserted as HTML (inline event
// handlers that fire on their own: <img onerror>, <svg onload>, <details ontoggle>, an iframe's
// srcdoc; quotes that break out of an attribute; Vue's {{ }}), through the UI where there is a
// form, otherwise through the API. Then every page that shows them is visited, and each time:
// window.__xss is still undefined, no element carries an on* attribute, a javascript: URL, a
// srcdoc, or is a <script>/<iframe>/<object>/<embed> in the body, and every payload is visible
// literally (the page's innerText contains it).
//
// The browser contexts of these scenarios ignore the server's Content-Security-Policy
// (bypassCSP): the CSP would block the inline handlers too, and this spec tests the first layer,
// the escaping, on its own. The CSP itself is checked at the end.
import {
  scenario,
  extraPage,
  login,
  api,
  assert,
  activateAccount,
  createActiveUser,
  DEMO,
  PASSWORD,
} from './helpers.mjs'

const RUN = Date.now().toString(36)
const BYPASS_CSP = { contextOptions: { bypassCSP: true } }
const DESKTOP = { width: 1280, height: 800 }

// One payload per field; the run id keeps reruns on one database apart.
const X = {
  companyName: `"><img src=x onerror=window.__xss=1>株式会社XSS ${RUN}`,
  industry: `<svg onload=window.__xss=1>製造業`,
  address: `<iframe srcdoc="<script>parent.__xss=1</script>"></iframe>東京都千代田区`,
  // The front end accepts only http(s) URLs without spaces; the quote breaks out of an href.
  website: `https://example.jp/?q="><svg/onload=window.__xss=1>`,
  repTitle: `<script>window.__xss=1</script>代表取締役`,
  repName: `'><img src=x onerror=window.__xss=1>山田 太郎`,
  expertName: `<img src=x onerror=window.__xss=1>専門家 ${RUN}`,
  ownerName: `<details open ontoggle=window.__xss=1>経営者 ${RUN}`,
  round1: `<svg onload=window.__xss=1>第1回 ${RUN}`,
  round2: `"><img src=x onerror=window.__xss=1>第2回 ${RUN}`,
  respondentName: `'"><svg onload=window.__xss=1>回答 一郎`,
  respondentDept: `<img src=x onerror=window.__xss=1>総務部`,
  paperName: `<details open ontoggle=window.__xss=1>紙 次郎`,
  paperDept: `{{constructor.constructor('window.__xss=1')()}}製造部`,
  // One line: the server refuses line breaks in the notes today (使用できない制御文字), although
  // the form is a multi-line textarea.
  notes: `<img src=x onerror=window.__xss=1>掘り下げメモ <b>太字ではない</b>`,
  finding: `<svg onload=window.__xss=1>課題 {{ 7*7 }} ${RUN}`,
}
const EXPERT_EMAIL = `xss-expert-${RUN}@e2e.shido.jp`
const OWNER_EMAIL = `xss-owner-${RUN}@e2e.shido.jp`
const REPRESENTATIVE = `${X.repTitle} ${X.repName}`
const ALL_PARTIAL = Object.fromEntries(Array.from({ length: 25 }, (_, i) => [String(i + 1), 'partial']))

// What the run stored, for the later scenarios.
const stored = {}

/** Everything on the page that stored text must never become. */
async function injected(page) {
  return page.evaluate(() => {
    const found = []
    // @ts-ignore
    if (typeof window.__xss !== 'undefined') found.push(`window.__xss = ${String(window.__xss)}`)
    for (const el of document.body.querySelectorAll('*')) {
      const tag = el.localName
      if (['script', 'iframe', 'object', 'embed', 'frame'].includes(tag)) found.push(`<${tag}> element`)
      for (const name of el.getAttributeNames()) {
        const value = el.getAttribute(name) ?? ''
        if (/^on/i.test(name)) found.push(`<${tag} ${name}="${value}">`)
        if (name === 'srcdoc') found.push(`<${tag} srcdoc>`)
        if (['href', 'src', 'action', 'formaction', 'xlink:href', 'data'].includes(name.toLowerCase())) {
          const compact = value.replace(/[\u0000-\u0020]+/g, '').toLowerCase()
          if (/^(javascript|vbscript|data:text\/html)/.test(compact)) found.push(`<${tag} ${name}="${value}">`)
        }
      }
    }
    return found
  })
}

/**
 * The page shows every text literally (waits for each line of each), and nothing stored turned
 * into markup or ran.
 */
async function showsLiterally(page, where, texts) {
  for (const text of texts) {
    for (const line of text.split('\n')) {
      const ok = await page
        .waitForFunction((t) => document.body.innerText.includes(t), line, { timeout: 10_000 })
        .then(() => true, () => false)
      if (!ok) {
        const found = await injected(page)
        assert.fail(`${where}: ${JSON.stringify(line)} is not shown as text${found.length ? `; found: ${found.join(', ')}` : ''}`)
      }
    }
  }
  await assertClean(page, where)
}

async function assertClean(page, where) {
  // Handlers such as onerror fire a moment after the element is inserted.
  await page.waitForTimeout(150)
  assert.deepEqual(await injected(page), [], `${where}: stored text became markup or ran`)
}

/** The <select> offers an option whose text is exactly `text`. */
async function offersOption(select, text, where) {
  await select.waitFor()
  let texts = []
  for (const until = Date.now() + 10_000; Date.now() < until; await new Promise((r) => setTimeout(r, 100))) {
    texts = (await select.locator('option').allTextContents()).map((t) => t.trim())
    if (texts.includes(text)) return
  }
  assert.fail(`${where}: no option ${JSON.stringify(text)} among ${JSON.stringify(texts)}`)
}

scenario(
  'stored markup is shown as text: company (list, form, picker), users, engagement (detail, history, list)',
  async (page) => {
    // ---- 事務局: the company through its form ----
    await login(page, DEMO.secretariat.email)
    await page.getByRole('navigation').getByRole('link', { name: '企業', exact: true }).click()
    await page.getByRole('link', { name: '企業を登録' }).click()
    await page.getByLabel('企業名').fill(X.companyName)
    await page.getByLabel('業種').fill(X.industry)
    await page.getByLabel('従業員数').fill('12')
    await page.getByLabel('所在地').fill(X.address)
    await page.getByLabel('代表者役職').fill(X.repTitle)
    await page.getByLabel('代表者氏名').fill(X.repName)
    // A javascript: URL is refused by the form …
    await page.getByLabel('ウェブサイト').fill('javascript:window.__xss=1')
    await page.getByRole('button', { name: '登録する' }).click()
    await page.getByText('ウェブサイトは http:// または https:// で始まるURLを入力してください。').waitFor()
    assert.equal(new URL(page.url()).pathname, '/companies/new')
    // … and by the server, however it is spelt.
    for (const website of ['javascript:window.__xss=1', 'JavaScript:window.__xss=1', ' javascript:window.__xss=1',
      'javascript://https://example.jp/%0Awindow.__xss=1', 'data:text/html,<script>window.__xss=1</script>']) {
      const res = await api(page, 'POST', '/companies', { name: `URL ${RUN}`, website })
      assert.equal(res.status, 422, `website ${JSON.stringify(website)} must be refused: ${JSON.stringify(res.body)}`)
      assert.ok(res.body?.error?.fields?.website, `the error names the website field: ${JSON.stringify(res.body)}`)
    }
    await page.getByLabel('ウェブサイト').fill(X.website)
    await page.getByRole('button', { name: '登録する' }).click()
    await page.waitForURL((url) => url.pathname === '/companies')
    await page.getByLabel('絞り込み').fill(RUN)
    await page.getByTestId('company-name').filter({ hasText: X.companyName }).first().waitFor()
    await showsLiterally(page, 'company list', [X.companyName, X.industry, REPRESENTATIVE])
    const companies = await api(page, 'GET', `/companies?q=${encodeURIComponent(RUN)}`)
    const company = companies.body.items.find((c) => c.name === X.companyName)
    assert.ok(company, 'the company is stored with its name exactly as typed')
    assert.deepEqual(
      [company.industry, company.address, company.website, company.representative_title, company.representative_name],
      [X.industry, X.address, X.website, X.repTitle, X.repName],
      'every field is stored exactly as typed',
    )
    stored.companyId = company.id

    // The edit form shows the stored values in its inputs.
    await page.goto(`/companies/${company.id}/edit`)
    await page.getByLabel('企業名').waitFor()
    for (const [id, value] of [['company-name', X.companyName], ['company-industry', X.industry], ['company-address', X.address],
      ['company-website', X.website], ['company-rep-title', X.repTitle], ['company-rep-name', X.repName]]) {
      const ok = await page
        .waitForFunction(({ id, v }) => document.getElementById(id)?.value === v, { id, v: value }, { timeout: 10_000 })
        .then(() => true, () => false)
      assert.ok(ok, `company edit form: #${id} holds ${JSON.stringify(value)}, got ${JSON.stringify(await page.locator(`#${id}`).inputValue())}`)
    }
    await assertClean(page, 'company edit form')

    // ---- 事務局: an expert through the user form, a company user through the API ----
    await page.goto('/users/new')
    await page.getByLabel('氏名').fill(X.expertName)
    await page.getByLabel('メールアドレス').fill(EXPERT_EMAIL)
    await page.getByLabel('役割').selectOption({ label: '専門家' })
    await page.getByRole('button', { name: '招待メールを送信' }).click()
    await page.waitForURL((url) => url.pathname === '/users')
    // Both accept their invitation (the expert also enrols a second factor) as they would.
    await activateAccount(EXPERT_EMAIL)
    const owner = await createActiveUser(page, {
      email: OWNER_EMAIL, name: X.ownerName, role: 'company', company_id: company.id, company_role: 'owner',
    })
    stored.ownerId = owner.id
    await page.reload()
    await page.getByLabel('キーワード').fill(RUN)
    await page.getByTestId('user-item').nth(1).waitFor()
    await showsLiterally(page, 'user list', [X.expertName, X.ownerName, X.companyName])

    // ---- 事務局: the engagement through its form, assigned to the expert ----
    await page.goto('/engagements/new')
    await page.getByRole('searchbox', { name: '指導先企業を検索' }).fill(RUN)
    const picker = page.getByRole('combobox', { name: /^指導先企業/ })
    await picker.locator('option', { hasText: X.companyName }).waitFor({ state: 'attached' })
    await offersOption(picker, X.companyName, 'company picker')
    await picker.selectOption({ label: X.companyName })
    const expertSelect = page.getByLabel(/^担当専門家/)
    await offersOption(expertSelect, X.expertName, 'expert choice')
    await expertSelect.selectOption({ label: X.expertName })
    await page.getByLabel('第1回').fill('2026-12-10')
    await assertClean(page, 'engagement form')
    await page.getByRole('button', { name: '登録する' }).click()
    await page.waitForURL((url) => /^\/engagements\/\d+$/.test(url.pathname))
    stored.engagementId = Number(new URL(page.url()).pathname.split('/').pop())
    await page.getByTestId('engagement-title').filter({ hasText: X.companyName }).waitFor()
    assert.equal((await page.getByTestId('engagement-title').textContent())?.trim(), X.companyName)
    assert.equal((await page.getByTestId('expert-name').textContent())?.trim(), X.expertName)
    await showsLiterally(page, 'engagement detail', [X.companyName, X.industry, X.address, REPRESENTATIVE, X.website, X.expertName])
    // The website is a link to exactly the stored URL (quotes percent-encoded, never breaking out).
    const site = page.getByRole('link', { name: X.website, exact: true })
    assert.equal(await site.getAttribute('href'), new URL(X.website).href)
    // Its change history (created, then the status edited) shows the entries as text too.
    await page.getByTestId('edit-engagement').click()
    await page.getByLabel('ステータス', { exact: true }).selectOption({ label: '指導中' })
    await page.getByRole('button', { name: '保存' }).click()
    await page.getByText('保存しました。').waitFor()
    await page.getByTestId('audit-entry').nth(1).waitFor()
    await assertClean(page, 'engagement change history')

    // The list (filtered by the run id) and its expert filter.
    await page.goto(`/engagements?q=${encodeURIComponent(RUN)}`)
    await page.getByTestId('engagement-company').filter({ hasText: X.companyName }).first().waitFor()
    await showsLiterally(page, 'engagement list', [X.companyName, X.expertName])
    await offersOption(page.getByLabel('担当専門家', { exact: true }), X.expertName, 'engagement list expert filter')
  },
  // The javascript: websites sent straight to the API are refused (422) on purpose.
  { ...BYPASS_CSP, timeout: 120_000, allowHttpErrors: [{ path: '/api/v1/companies', status: 422 }] },
)

scenario(
  'stored markup is shown as text: the expert\'s rounds, respondents, answer page, analysis, findings, comparison',
  async (page) => {
    assert.ok(stored.engagementId, 'the previous scenario stored the company, users and engagement')
    // ---- the expert with the markup name ----
    await login(page, EXPERT_EMAIL)
    assert.equal((await page.getByTestId('user-name').textContent())?.trim(), X.expertName)
    await showsLiterally(page, 'header and engagement list (expert)', [X.expertName, X.companyName])

    await page.getByTestId('engagement-company').filter({ hasText: X.companyName }).first().click()
    await page.getByTestId('diagnosis-link').click()
    await page.getByRole('heading', { level: 1, name: '自社診断' }).waitFor()
    await page.getByLabel(/^回の名前/).fill(X.round1)
    await page.getByTestId('create-round').click()
    await page.getByTestId('round-title').filter({ hasText: X.round1 }).waitFor()
    assert.equal((await page.getByTestId('round-title').textContent())?.trim(), `自社診断：${X.round1}`)
    const roundId = Number(new URL(page.url()).pathname.split('/')[3])
    await showsLiterally(page, 'round page', [X.round1, X.companyName])

    // A named invitation with a department, through the form.
    const form = page.getByTestId('invite-form')
    await form.getByLabel(/^役割/).selectOption({ label: '従業員' })
    await form.getByLabel('氏名を指定して1名分').check()
    await form.getByLabel(/^氏名/).fill(X.respondentName)
    await form.getByLabel(/^部署/).fill(X.respondentDept)
    await page.getByTestId('invite-submit').click()
    await page.getByTestId('issued-link').first().waitFor()
    const url = await page.getByTestId('issued-link-url').first().inputValue()
    await showsLiterally(page, 'issued links', [`${X.respondentName}（${X.respondentDept}）`])

    // A paper sheet with a name and a department (API), and a second round to compare with.
    const paper = await api(page, 'POST', `/diagnosis/rounds/${roundId}/paper`,
      { role: 'manager', name: X.paperName, department: X.paperDept, answers: ALL_PARTIAL })
    assert.equal(paper.status, 201, JSON.stringify(paper.body))
    const second = await api(page, 'POST', `/engagements/${stored.engagementId}/diagnosis/rounds`, { name: X.round2 })
    assert.equal(second.status, 201, JSON.stringify(second.body))
    const paper2 = await api(page, 'POST', `/diagnosis/rounds/${second.body.id}/paper`,
      { role: 'owner', name: X.paperName, department: X.paperDept, answers: { ...ALL_PARTIAL, 1: 'done' } })
    assert.equal(paper2.status, 201, JSON.stringify(paper2.body))

    // ---- the respondent's phone: the answer page shows company, round, name and department ----
    const phone = await extraPage({ ...BYPASS_CSP })
    try {
      await phone.page.goto(url)
      await phone.page.getByTestId('answer-start').waitFor()
      assert.equal((await phone.page.getByTestId('answer-company').textContent())?.trim(), X.companyName)
      await showsLiterally(phone.page, 'answer page (intro)', [X.companyName, X.round1, X.respondentName, X.respondentDept])
      await phone.page.getByTestId('answer-start').click()
      await phone.page.getByRole('radio').first().waitFor()
      await showsLiterally(phone.page, 'answer page (questions)', [X.companyName])
      const token = new URL(url).pathname.split('/').pop()
      for (let no = 1; no <= 25; no++) {
        const res = await api(phone.page, 'PUT', `/answer/${token}/items/${no}`, { choice: no <= 5 ? 'done' : 'not_done' })
        assert.equal(res.status, 200)
      }
      assert.equal((await api(phone.page, 'POST', `/answer/${token}/submit`)).status, 200)
      await phone.page.reload()
      await phone.page.getByRole('heading', { level: 1, name: '診断結果' }).waitFor()
      await showsLiterally(phone.page, 'answer page (result)', [X.companyName, X.round1])
      assert.deepEqual(phone.problems, [], 'answer page: console errors, page errors or dialogs')
    } finally {
      await phone.close()
    }

    // ---- back as the expert: respondents, analysis, findings ----
    await page.reload()
    await page.getByTestId('round-submitted').filter({ hasText: '2' }).waitFor()
    await showsLiterally(page, 'round respondents', [X.round1, `${X.respondentName}（${X.respondentDept}）`, `${X.paperName}（${X.paperDept}）`])

    await page.getByTestId('tab-analysis').click()
    await page.getByTestId('respondent-results').waitFor()
    await page.getByTestId('chart').first().locator('svg').waitFor()
    await showsLiterally(page, 'analysis', [`${X.respondentName}（${X.respondentDept}）`, `${X.paperName}（${X.paperDept}）`])

    await page.getByTestId('tab-findings').click()
    await page.getByTestId('priority-section').waitFor()
    const box = page.getByTestId('finding-1')
    await box.locator('summary').first().click()
    await box.getByLabel('掘り下げメモ').fill(X.notes)
    await box.getByLabel('課題', { exact: true }).fill(X.finding)
    await box.getByLabel('緊急度', { exact: true }).selectOption({ label: '高' })
    await page.getByTestId('finding-save-1').click()
    await box.getByText('問1を保存しました。').waitFor()
    await page.reload()
    await page.getByTestId('priority-row').first().waitFor()
    await showsLiterally(page, 'findings (priority list)', [X.finding])
    await page.getByTestId('finding-1').locator('summary').first().click()
    assert.equal(await page.getByTestId('finding-1').getByLabel('掘り下げメモ').inputValue(), X.notes)
    await assertClean(page, 'findings (editor)')

    // Rounds page: both rounds, and their comparison.
    await page.goto(`/engagements/${stored.engagementId}/diagnosis`)
    await page.getByTestId('round-link').filter({ hasText: X.round2 }).waitFor()
    await showsLiterally(page, 'rounds list', [X.round1, X.round2, X.companyName])
    const compare = page.getByTestId('round-compare')
    await offersOption(compare.getByLabel('比較元（前）'), X.round1, 'compare from')
    await compare.getByLabel('比較元（前）').selectOption({ label: X.round1 })
    await compare.getByLabel('比較先（後）').selectOption({ label: X.round2 })
    await page.getByTestId('compare-run').click()
    await page.getByTestId('compare-result').waitFor()
    await showsLiterally(page, 'round comparison', [X.round1, X.round2])
    stored.roundId = roundId
  },
  { ...BYPASS_CSP, timeout: 150_000 },
)

scenario(
  'stored markup is shown as text: the company user\'s header, engagement, findings and analysis',
  async (page) => {
    assert.ok(stored.roundId, 'the previous scenarios stored the round')
    await login(page, OWNER_EMAIL)
    assert.equal((await page.getByTestId('user-name').textContent())?.trim(), X.ownerName)
    await showsLiterally(page, 'header and engagement list (company user)', [X.ownerName, X.companyName, X.expertName])
    await page.goto(`/engagements/${stored.engagementId}`)
    await page.getByTestId('engagement-title').filter({ hasText: X.companyName }).waitFor()
    await showsLiterally(page, 'engagement detail (company user)', [X.companyName, X.industry, X.address, REPRESENTATIVE, X.website, X.expertName])
    await page.goto(`/diagnosis/rounds/${stored.roundId}/findings`)
    await page.getByTestId('priority-row').first().waitFor()
    await page.getByTestId('finding-1').locator('summary').first().click()
    await showsLiterally(page, 'findings (company user)', [X.finding, X.round1])
    // The notes: as text where the editor is read-only, else in the (editable) textarea. The owner
    // gets the editor today although the server refuses the owner's save (403: record_findings).
    const notes = page.getByTestId('finding-1').getByLabel('掘り下げメモ')
    if (await notes.count()) assert.equal(await notes.inputValue(), X.notes)
    else await showsLiterally(page, 'findings (read-only notes)', [X.notes])
    await page.goto(`/diagnosis/rounds/${stored.roundId}/analysis`)
    await page.getByTestId('respondent-results').waitFor()
    await showsLiterally(page, 'analysis (company user)', [`${X.paperName}（${X.paperDept}）`])
  },
  BYPASS_CSP,
)

scenario(
  'stored markup is shown as text: the audit log',
  async (page) => {
    assert.ok(stored.roundId, 'the previous scenarios stored their records')
    await login(page, DEMO.secretariat.email)
    await page.goto('/audit')
    await page.getByTestId('audit-entry').first().waitFor()
    const show = async (entity, id, texts) => {
      await page.getByLabel('対象', { exact: true }).selectOption({ label: entity })
      await page.getByLabel('対象ID').fill(id === null ? '' : String(id))
      await page.getByRole('button', { name: '表示', exact: true }).click()
      await page.waitForFunction(
        (label) => {
          const heads = [...document.querySelectorAll('[data-testid="audit-entry"] .audit-entry__head')]
          return heads.length > 0 && heads.every((h) => h.textContent?.includes(label))
        },
        entity,
      )
      await showsLiterally(page, `audit log (${entity})`, texts)
    }
    await show('企業', stored.companyId, [X.companyName, X.industry, X.address, X.website, X.repTitle, X.repName])
    await show('ユーザー', stored.ownerId, [X.ownerName])
    await show('自社診断の回', stored.roundId, [X.round1, X.expertName])
    // The newest respondent and finding entries are this run's.
    await show('自社診断の回答者', null, [X.paperName, X.paperDept, X.expertName])
    await show('課題整理', null, [X.notes, X.finding, X.expertName])
  },
  BYPASS_CSP,
)

scenario('a javascript: redirect after login goes to the engagement list instead', async (page) => {
  await page.goto(`/login?redirect=${encodeURIComponent('javascript:window.__xss=1')}`)
  await page.getByLabel('メールアドレス').fill(DEMO.expert1.email)
  await page.getByLabel(/^パスワード/).fill(PASSWORD)
  await page.getByRole('button', { name: 'ログイン' }).click()
  await page.waitForURL((url) => url.pathname === '/engagements')
  await assertClean(page, 'after login with a javascript: redirect')
}, BYPASS_CSP)

scenario('the second layer: pages are served with a CSP that forbids inline scripts and handlers', async (page) => {
  for (const path of ['/', '/login', '/a/some-token', `/engagements/${stored.engagementId ?? 1}`]) {
    const res = await page.request.get(path)
    assert.equal(res.status(), 200, path)
    const csp = res.headers()['content-security-policy'] ?? ''
    const scripts = /(?:^|;)\s*script-src ([^;]*)/.exec(csp)?.[1] ?? /(?:^|;)\s*default-src ([^;]*)/.exec(csp)?.[1]
    assert.ok(scripts, `${path}: a script-src in the CSP: ${csp}`)
    assert.doesNotMatch(scripts, /'unsafe-inline'|'unsafe-eval'|'unsafe-hashes'|\*|data:/, `${path}: ${csp}`)
    assert.match(csp, /object-src 'none'/, `${path}: ${csp}`)
  }
})
