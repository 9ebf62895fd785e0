// The one place that talks HTTP to the shido server.
// - Every call goes to /api/v1 with JSON in and out.
// - State-changing calls (POST/PATCH/PUT/DELETE) carry the CSRF token in X-CSRF-Token.
// - Every failure becomes an ApiError with a Japanese message for the user; raw bodies are never shown.
// - A 401 on an ordinary call tells the app (onUnauthorized) so it can send the user to /login.
// - Public calls (the respondent's answer page) pass allowUnauthenticated: no CSRF token is needed
//   there and a 401 never redirects.
// - Besides JSON: raw uploads (CSV, `rawBody`) and binary downloads (`requestBlob`, PDF/xlsx).

import type { ErrorBody, ErrorDetail, SessionResponse } from './contract'

export const API_BASE = '/api/v1'

export class ApiError extends Error {
  readonly status: number
  readonly code: string
  readonly fields: Record<string, string>
  /** Row-level problems (e.g. a CSV import): 行, 列, 内容. */
  readonly details: ErrorDetail[]

  constructor(
    status: number,
    code: string,
    message: string,
    fields: Record<string, string> = {},
    details: ErrorDetail[] = [],
  ) {
    super(message)
    this.name = 'ApiError'
    this.status = status
    this.code = code
    this.fields = fields
    this.details = details
  }
}

/** Status 0: the request never got an HTTP answer. */
export const NETWORK_ERROR_MESSAGE =
  'サーバーに接続できませんでした。ネットワーク接続を確認して、もう一度お試しください。'

const FALLBACK_BY_STATUS: Record<number, [string, string]> = {
  400: ['bad_request', 'リクエストの内容に誤りがあります。'],
  401: ['unauthenticated', 'ログインが必要です。'],
  403: ['forbidden', 'この操作を行う権限がありません。'],
  404: ['not_found', '対象のデータが見つかりません。'],
  409: ['conflict', '他の人が先に更新しました。再読み込みしてください。'],
  413: ['payload_too_large', '送信するデータが大きすぎます。'],
  422: ['validation', '入力内容を確認してください。'],
  429: ['too_many_requests', '操作が集中しています。しばらく待ってから再度お試しください。'],
  // From a proxy in front of the servers: the request may have been carried out before the
  // connection broke, so sending it again blindly could make a second copy.
  502: ['unavailable', 'サーバーとの通信が途中で切れました。保存されたかどうかを画面を再読み込みして確かめてから、必要ならもう一度操作してください。'],
  504: ['unavailable', 'サーバーの応答が時間内にありませんでした。保存されたかどうかを画面を再読み込みして確かめてから、必要ならもう一度操作してください。'],
}

function fallbackFor(status: number): [string, string] {
  return (
    FALLBACK_BY_STATUS[status] ??
    (status >= 500
      ? ['internal', 'サーバーでエラーが発生しました。時間をおいて再度お試しください。']
      : ['bad_request', `リクエストを処理できませんでした（HTTP ${status}）。`])
  )
}

function isErrorBody(value: unknown): value is ErrorBody {
  if (typeof value !== 'object' || value === null) return false
  const err = (value as { error?: unknown }).error
  return (
    typeof err === 'object' &&
    err !== null &&
    typeof (err as { message?: unknown }).message === 'string'
  )
}

function cleanFields(fields: unknown): Record<string, string> {
  const out: Record<string, string> = {}
  if (typeof fields !== 'object' || fields === null) return out
  for (const [k, v] of Object.entries(fields)) {
    if (typeof v === 'string') out[k] = v
  }
  return out
}

function cleanDetails(details: unknown): ErrorDetail[] {
  if (!Array.isArray(details)) return []
  const out: ErrorDetail[] = []
  for (const d of details) {
    if (typeof d !== 'object' || d === null) continue
    const { row, column, message } = d as Record<string, unknown>
    if (typeof message !== 'string') continue
    out.push({
      row: typeof row === 'number' ? row : Number(row) || 0,
      column: typeof column === 'string' ? column : typeof column === 'number' ? String(column) : '',
      message,
    })
  }
  return out
}

/** Builds an ApiError from a failed response, whatever its body looks like. */
export async function errorFromResponse(res: Response): Promise<ApiError> {
  const [code, message] = fallbackFor(res.status)
  let body: unknown = null
  try {
    const text = await res.text()
    body = text ? JSON.parse(text) : null
  } catch {
    body = null
  }
  if (isErrorBody(body)) {
    const e = body.error
    return new ApiError(
      res.status,
      typeof e.code === 'string' && e.code ? e.code : code,
      e.message.trim() || message,
      cleanFields(e.fields),
      cleanDetails(e.details),
    )
  }
  return new ApiError(res.status, code, message)
}

// ---- session-wide state kept by the client ----

let csrfToken: string | null = null
let unauthorizedHandler: (() => void) | null = null
let enrolmentHandler: (() => void) | null = null

export function setCsrfToken(token: string | null): void {
  csrfToken = token
}

export function getCsrfToken(): string | null {
  return csrfToken
}

/** Called when an ordinary request answers 401 (the session ended or never existed). */
export function onUnauthorized(handler: (() => void) | null): void {
  unauthorizedHandler = handler
}

/**
 * Called when a request answers 403 `two_factor_enrolment_required` (the second factor is
 * required for this account and not enrolled yet): the app sends the person to the enrolment page.
 */
export function onEnrolmentRequired(handler: (() => void) | null): void {
  enrolmentHandler = handler
}

export const ENROLMENT_REQUIRED = 'two_factor_enrolment_required'

// ---- requests ----

export type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE'
export type QueryValue = string | number | boolean | null | undefined

export interface RequestOptions {
  query?: Record<string, QueryValue>
  body?: unknown
  /** Do not call the unauthorized handler on 401 (login and the session probe handle it). */
  allowUnauthenticated?: boolean
  signal?: AbortSignal
  /** Send these bytes as the body instead of JSON (e.g. a CSV file), with this Content-Type. */
  rawBody?: { data: Blob | ArrayBuffer | string; contentType: string }
}

export function buildUrl(path: string, query?: Record<string, QueryValue>): string {
  let url = API_BASE + path
  if (query) {
    const params = new URLSearchParams()
    for (const [k, v] of Object.entries(query)) {
      if (v === undefined || v === null || v === '') continue
      params.append(k, String(v))
    }
    const qs = params.toString()
    if (qs) url += '?' + qs
  }
  return url
}

async function send(method: Method, url: string, opts: RequestOptions, accept = 'application/json'): Promise<Response> {
  const headers: Record<string, string> = { Accept: accept }
  const init: RequestInit = { method, headers, credentials: 'same-origin', signal: opts.signal }
  if (method !== 'GET') {
    if (csrfToken) headers['X-CSRF-Token'] = csrfToken
    if (opts.rawBody) {
      headers['Content-Type'] = opts.rawBody.contentType
      init.body = opts.rawBody.data
    } else {
      headers['Content-Type'] = 'application/json'
      init.body = JSON.stringify(opts.body ?? {})
    }
  }
  try {
    return await fetch(url, init)
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e
    throw new ApiError(0, 'network', NETWORK_ERROR_MESSAGE)
  }
}

/** Fetches a fresh CSRF token from /auth/me; true when the session is still alive. */
async function refreshCsrfToken(): Promise<boolean> {
  try {
    const res = await fetch(API_BASE + '/auth/me', {
      headers: { Accept: 'application/json' },
      credentials: 'same-origin',
    })
    if (!res.ok) return false
    const data = (await res.json()) as SessionResponse
    if (typeof data.csrf_token !== 'string') return false
    csrfToken = data.csrf_token
    return true
  } catch {
    return false
  }
}

/** Sends the request; on a stale CSRF token refreshes it once and retries; throws ApiError on failure. */
async function sendChecked(method: Method, path: string, opts: RequestOptions, accept?: string): Promise<Response> {
  const url = buildUrl(path, opts.query)
  let res = await send(method, url, opts, accept)

  // A stale CSRF token (e.g. after the session was renewed in another tab): refresh once, retry once.
  if (res.status === 403 && method !== 'GET') {
    const err = await errorFromResponse(res.clone())
    if (err.code === 'csrf' && (await refreshCsrfToken())) {
      res = await send(method, url, opts, accept)
    }
  }

  if (!res.ok) {
    const err = await errorFromResponse(res)
    if (res.status === 401 && !opts.allowUnauthenticated) unauthorizedHandler?.()
    if (res.status === 403 && err.code === ENROLMENT_REQUIRED) enrolmentHandler?.()
    throw err
  }
  return res
}

export async function request<T>(method: Method, path: string, opts: RequestOptions = {}): Promise<T> {
  const res = await sendChecked(method, path, opts)
  if (res.status === 204) return undefined as T
  const text = await res.text()
  if (!text) return undefined as T
  try {
    return JSON.parse(text) as T
  } catch {
    throw new ApiError(res.status, 'internal', 'サーバーから不正な応答がありました。')
  }
}

export interface BlobResponse {
  blob: Blob
  /** From Content-Disposition when the server names the file; otherwise the caller's fallback. */
  filename: string
}

/** The file name in a Content-Disposition header (filename*=UTF-8'' first, then filename=). */
export function filenameFromDisposition(header: string | null, fallback: string): string {
  if (!header) return fallback
  const star = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(header)
  if (star?.[1]) {
    try {
      return decodeURIComponent(star[1].trim().replace(/^"|"$/g, ''))
    } catch {
      // fall through to the plain form
    }
  }
  const plain = /filename\s*=\s*("([^"]*)"|[^;]+)/.exec(header)
  const name = (plain?.[2] ?? plain?.[1] ?? '').trim()
  return name || fallback
}

/** A call whose answer is a file (PDF, xlsx): same CSRF and error handling, the body as a Blob. */
export async function requestBlob(
  method: Method,
  path: string,
  fallbackName: string,
  opts: RequestOptions = {},
): Promise<BlobResponse> {
  const res = await sendChecked(method, path, opts, '*/*')
  const blob = await res.blob()
  return { blob, filename: filenameFromDisposition(res.headers.get('Content-Disposition'), fallbackName) }
}

/** Hands a Blob to the browser as a download (no navigation, works under the strict CSP). */
export function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob)
  const a = document.createElement('a')
  a.href = url
  a.download = filename
  a.rel = 'noopener'
  a.style.display = 'none'
  document.body.appendChild(a)
  a.click()
  a.remove()
  // Give the browser time to start the download before the URL is released.
  setTimeout(() => URL.revokeObjectURL(url), 60_000)
}

export const http = {
  get: <T>(path: string, query?: Record<string, QueryValue>, opts: RequestOptions = {}) =>
    request<T>('GET', path, { ...opts, query }),
  post: <T>(path: string, body?: unknown, opts: RequestOptions = {}) =>
    request<T>('POST', path, { ...opts, body }),
  patch: <T>(path: string, body?: unknown, opts: RequestOptions = {}) =>
    request<T>('PATCH', path, { ...opts, body }),
  put: <T>(path: string, body?: unknown, opts: RequestOptions = {}) =>
    request<T>('PUT', path, { ...opts, body }),
  del: <T>(path: string, opts: RequestOptions = {}) => request<T>('DELETE', path, opts),
  /** POST with a JSON body; the answer is a file. */
  postForBlob: (path: string, body: unknown, fallbackName: string, opts: RequestOptions = {}) =>
    requestBlob('POST', path, fallbackName, { ...opts, body }),
  /** POST the given bytes as they are (e.g. a CSV file) with their Content-Type; JSON answer. */
  postRaw: <T>(path: string, data: Blob | ArrayBuffer | string, contentType: string, opts: RequestOptions = {}) =>
    request<T>('POST', path, { ...opts, rawBody: { data, contentType } }),
}

/** A message for any thrown value, fit to show the user. */
export function messageOf(e: unknown): string {
  if (e instanceof ApiError) return e.message
  return '予期しないエラーが発生しました。ページを再読み込みしてください。'
}
