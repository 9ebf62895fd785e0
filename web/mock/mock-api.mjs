// A stand-in for the shido server, for front-end work only: serves dist/ with SPA fallback and an
// in-memory version of the /api/v1 contract (same demo users as the real `shido demo`).
// NOT the product: no persistence, no hashing. Usage: node mock/mock-api.mjs [--port 8099]
import http from 'node:http'
import { readFile, stat } from 'node:fs/promises'
import { randomBytes } from 'node:crypto'
import { extname, join, normalize } from 'node:path'
import { fileURLToPath } from 'node:url'

const DIST = fileURLToPath(new URL('../dist/', import.meta.url))
const portArg = process.argv.indexOf('--port')
const PORT = portArg > 0 ? Number(process.argv[portArg + 1]) : 8099
const PASSWORD = 'demo-password-2026'
const now = () => new Date().toISOString()

const META = {
  roles: [
    { key: 'secretariat', label: '事務局' },
    { key: 'expert', label: '専門家' },
    { key: 'company', label: '企業' },
  ],
  engagement_statuses: [
    { key: 'planned', label: '準備中' },
    { key: 'in_progress', label: '指導中' },
    { key: 'completed', label: '完了' },
    { key: 'cancelled', label: '中止' },
  ],
  curriculum: {
    title: '標準的な進め方（全4回）',
    sessions: [
      { no: 1, title: '第1回', theme: '事業とITの理解、リスクの把握', deliverables: ['自社診断結果のまとめ', '実施報告'] },
      { no: 2, title: '第2回', theme: '基本方針と規程、改善分野の絞り込み', deliverables: ['情報セキュリティ基本方針', '整備状況確認一覧表（様式2）', '自社診断結果と課題整理', '実施報告'] },
      { no: 3, title: '第3回', theme: '重点対策と優先順位', deliverables: ['実施報告'] },
      { no: 4, title: '第4回', theme: '振り返りとまとめ', deliverables: ['対策実行計画書（様式3）', '点検結果（様式2）', '自社診断結果報告', 'アンケート', '最終報告書'] },
    ],
  },
}

let seq = 100
const users = [
  { id: 1, email: 'jimu@demo.shido.jp', name: '事務局 花子', role: 'secretariat', company_id: null, company_role: null, password: PASSWORD },
  { id: 2, email: 'expert1@demo.shido.jp', name: '専門家 一郎', role: 'expert', company_id: null, company_role: null, password: PASSWORD },
  { id: 3, email: 'expert2@demo.shido.jp', name: '専門家 二郎', role: 'expert', company_id: null, company_role: null, password: PASSWORD },
  { id: 4, email: 'owner1@demo.shido.jp', name: '製作 太郎', role: 'company', company_id: 1, company_role: 'owner', password: PASSWORD },
  { id: 5, email: 'owner2@demo.shido.jp', name: '運輸 次郎', role: 'company', company_id: 2, company_role: 'owner', password: PASSWORD },
]
const company = (id, name, industry) => ({
  id, name, industry, employee_count: 30, address: '東京都千代田区1-1', website: 'https://example.co.jp/',
  representative_title: '代表取締役', representative_name: '山田 太郎', created_at: now(), updated_at: now(),
})
const companies = [company(1, '株式会社サンプル製作所', '製造業'), company(2, 'サンプル運輸株式会社', '運輸業')]
const sess = (dates) => dates.map((d, i) => ({ no: i + 1, planned_date: d }))
const engagements = [
  { id: 1, company_id: 1, expert_id: 2, status: 'in_progress', version: 1, sessions: sess(['2026-01-15', '2026-02-01', null, null]), created_at: now(), updated_at: now() },
  { id: 2, company_id: 2, expert_id: 3, status: 'planned', version: 1, sessions: sess([null, null, null, null]), created_at: now(), updated_at: now() },
]
const audit = []
const sessions = new Map() // token -> { userId, csrf }

const publicUser = ({ password, ...u }) => u
const view = (e) => ({
  ...e,
  company_name: companies.find((c) => c.id === e.company_id)?.name ?? '',
  expert_name: users.find((u) => u.id === e.expert_id)?.name ?? null,
})
function record(actor, action, entity, id, before, after) {
  audit.unshift({ id: ++seq, at: now(), actor_id: actor.id, actor_name: actor.name, action, entity, entity_id: id, before, after })
}

function send(res, status, body) {
  if (body === undefined) { res.writeHead(status); return res.end() }
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' })
  res.end(JSON.stringify(body))
}
const fail = (res, status, code, message, fields) => send(res, status, { error: { code, message, ...(fields ? { fields } : {}) } })

function visibleEngagements(u) {
  if (u.role === 'secretariat') return engagements
  if (u.role === 'expert') return engagements.filter((e) => e.expert_id === u.id)
  return engagements.filter((e) => e.company_id === u.company_id)
}

async function readBody(req) {
  let data = ''
  for await (const chunk of req) data += chunk
  if (!data) return {}
  return JSON.parse(data)
}

async function api(req, res, path, query) {
  const cookie = /(?:^|;\s*)shido_session=([^;]+)/.exec(req.headers.cookie ?? '')?.[1]
  const s = cookie ? sessions.get(cookie) : undefined
  const me = s ? users.find((u) => u.id === s.userId) : undefined
  let body = {}
  if (req.method !== 'GET') {
    if (!(req.headers['content-type'] ?? '').startsWith('application/json')) return fail(res, 400, 'bad_request', 'Content-Type が不正です。')
    try { body = await readBody(req) } catch { return fail(res, 400, 'bad_request', 'JSON の形式が正しくありません。') }
  }
  if (path === '/auth/login' && req.method === 'POST') {
    const u = users.find((x) => x.email === body.email && x.password === body.password)
    if (!u) return fail(res, 401, 'unauthenticated', 'メールアドレスまたはパスワードが正しくありません。')
    const token = randomBytes(16).toString('hex')
    const csrf = randomBytes(16).toString('hex')
    sessions.set(token, { userId: u.id, csrf })
    res.setHeader('Set-Cookie', `shido_session=${token}; Path=/; HttpOnly; SameSite=Lax`)
    return send(res, 200, { user: publicUser(u), csrf_token: csrf })
  }
  if (path === '/meta' && req.method === 'GET') return send(res, 200, META)
  if (!me) return fail(res, 401, 'unauthenticated', 'ログインしてください。')
  if (req.method !== 'GET' && req.headers['x-csrf-token'] !== s.csrf) return fail(res, 403, 'csrf', '画面を再読み込みしてから、もう一度お試しください。')
  if (path === '/auth/me') return send(res, 200, { user: publicUser(me), csrf_token: s.csrf })
  if (path === '/auth/logout' && req.method === 'POST') {
    sessions.delete(cookie)
    res.setHeader('Set-Cookie', 'shido_session=; Path=/; HttpOnly; Max-Age=0')
    return send(res, 204)
  }
  if (path === '/auth/password' && req.method === 'POST') {
    if (body.current_password !== me.password) return fail(res, 400, 'validation', '入力内容に誤りがあります。', { current_password: '現在のパスワードが正しくありません。' })
    if (typeof body.new_password !== 'string' || body.new_password.length < 10) return fail(res, 400, 'validation', '入力内容に誤りがあります。', { new_password: '10文字以上で入力してください。' })
    me.password = body.new_password
    return send(res, 204)
  }
  const sec = me.role === 'secretariat'
  if (path === '/users') {
    if (!sec) return fail(res, 403, 'forbidden', 'この操作を行う権限がありません。')
    if (req.method === 'GET') return send(res, 200, { items: users.filter((u) => !query.get('role') || u.role === query.get('role')).map(publicUser) })
    const fields = {}
    if (!body.name) fields.name = '氏名を入力してください。'
    if (!body.email) fields.email = 'メールアドレスを入力してください。'
    if (users.some((u) => u.email === body.email)) fields.email = 'このメールアドレスは既に登録されています。'
    if (!body.password || body.password.length < 10) fields.password = '10文字以上で入力してください。'
    if (Object.keys(fields).length) return fail(res, 422, 'validation', '入力内容に誤りがあります。', fields)
    const u = { id: ++seq, email: body.email, name: body.name, role: body.role, company_id: body.company_id ?? null, company_role: body.company_role ?? null, password: body.password }
    users.push(u)
    record(me, 'create', 'user', u.id, null, publicUser(u))
    return send(res, 201, publicUser(u))
  }
  if (path === '/companies') {
    if (req.method === 'GET') {
      const vis = sec ? companies : companies.filter((c) => visibleEngagements(me).some((e) => e.company_id === c.id))
      return send(res, 200, { items: vis })
    }
    if (!sec) return fail(res, 403, 'forbidden', 'この操作を行う権限がありません。')
    if (!body.name) return fail(res, 422, 'validation', '入力内容に誤りがあります。', { name: '企業名を入力してください。' })
    const c = { ...company(++seq, '', ''), industry: '', address: '', website: '', representative_title: '', representative_name: '', employee_count: null, ...body }
    companies.push(c)
    record(me, 'create', 'company', c.id, null, c)
    return send(res, 201, c)
  }
  let m = /^\/companies\/(\d+)$/.exec(path)
  if (m) {
    const c = companies.find((x) => x.id === Number(m[1]))
    const visible = c && (sec || visibleEngagements(me).some((e) => e.company_id === c.id))
    if (!visible) return fail(res, 404, 'not_found', '企業が見つかりません。')
    if (req.method === 'GET') return send(res, 200, c)
    if (!sec) return fail(res, 403, 'forbidden', 'この操作を行う権限がありません。')
    const before = { ...c }
    Object.assign(c, body, { updated_at: now() })
    record(me, 'update', 'company', c.id, before, { ...c })
    return send(res, 200, c)
  }
  if (path === '/engagements') {
    if (req.method === 'GET') {
      let items = visibleEngagements(me).map(view)
      if (query.get('status')) items = items.filter((e) => e.status === query.get('status'))
      if (query.get('expert_id')) items = items.filter((e) => e.expert_id === Number(query.get('expert_id')))
      if (query.get('q')) items = items.filter((e) => e.company_name.includes(query.get('q')))
      return send(res, 200, { items })
    }
    if (!sec) return fail(res, 403, 'forbidden', 'この操作を行う権限がありません。')
    if (!companies.some((c) => c.id === body.company_id)) return fail(res, 422, 'validation', '入力内容に誤りがあります。', { company_id: '企業を選択してください。' })
    const e = { id: ++seq, company_id: body.company_id, expert_id: body.expert_id ?? null, status: body.status ?? 'planned', version: 1, sessions: body.sessions ?? sess([null, null, null, null]), created_at: now(), updated_at: now() }
    engagements.push(e)
    record(me, 'create', 'engagement', e.id, null, view(e))
    return send(res, 201, view(e))
  }
  m = /^\/engagements\/(\d+)$/.exec(path)
  if (m) {
    const e = visibleEngagements(me).find((x) => x.id === Number(m[1]))
    if (!e) return fail(res, 404, 'not_found', '指導案件が見つかりません。')
    if (req.method === 'GET') return send(res, 200, view(e))
    if (me.role === 'company' || (me.role === 'expert' && body.expert_id !== undefined)) return fail(res, 403, 'forbidden', 'この操作を行う権限がありません。')
    if (body.version !== e.version) return fail(res, 409, 'conflict', '他の人が先に更新しました。再読み込みしてください。')
    const before = view(e)
    for (const k of ['expert_id', 'status', 'sessions']) if (body[k] !== undefined) e[k] = body[k]
    e.version++
    e.updated_at = now()
    record(me, 'update', 'engagement', e.id, before, view(e))
    return send(res, 200, view(e))
  }
  if (path === '/audit') {
    if (!sec) return fail(res, 403, 'forbidden', 'この操作を行う権限がありません。')
    let items = audit
    if (query.get('entity')) items = items.filter((a) => a.entity === query.get('entity'))
    if (query.get('entity_id')) items = items.filter((a) => a.entity_id === Number(query.get('entity_id')))
    return send(res, 200, { items })
  }
  return fail(res, 404, 'not_found', '見つかりません。')
}

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml' }

async function serveStatic(res, path) {
  let file = normalize(join(DIST, decodeURIComponent(path)))
  if (!file.startsWith(DIST)) file = join(DIST, 'index.html')
  try {
    if (!(await stat(file)).isFile()) throw new Error('dir')
  } catch {
    file = join(DIST, 'index.html')
  }
  res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' })
  res.end(await readFile(file))
}

http
  .createServer(async (req, res) => {
    const url = new URL(req.url, 'http://localhost')
    try {
      if (url.pathname.startsWith('/api/v1/')) return await api(req, res, url.pathname.slice(7), url.searchParams)
      if (url.pathname.startsWith('/api/')) return fail(res, 404, 'not_found', '見つかりません。')
      return await serveStatic(res, url.pathname)
    } catch (e) {
      console.error(e)
      return fail(res, 500, 'internal', 'サーバーでエラーが発生しました。')
    }
  })
  .listen(PORT, '127.0.0.1', () => console.log(`mock shido on http://127.0.0.1:${PORT}`))
