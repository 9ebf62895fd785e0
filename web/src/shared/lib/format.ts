// Pure formatting helpers (no Vue, no I/O): dates, numbers and audit values, all in Japanese.

const WEEKDAYS = ['日', '月', '火', '水', '木', '金', '土']
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/

/** "2026-01-10" -> "2026年1月10日（土）"; null or "" -> fallback. Parsed as a calendar date, not UTC. */
export function formatDate(value: string | null | undefined, fallback = '未定'): string {
  if (!value) return fallback
  const m = DATE_RE.exec(value)
  if (!m) return value
  const y = Number(m[1])
  const mo = Number(m[2])
  const d = Number(m[3])
  const date = new Date(y, mo - 1, d)
  if (date.getFullYear() !== y || date.getMonth() !== mo - 1 || date.getDate() !== d) return value
  return `${y}年${mo}月${d}日（${WEEKDAYS[date.getDay()]}）`
}

/** ISO-8601 timestamp -> "2026/01/10 13:30" in the browser's time zone. */
export function formatDateTime(value: string | null | undefined): string {
  if (!value) return ''
  const date = new Date(value)
  if (Number.isNaN(date.getTime())) return value
  const pad = (n: number) => String(n).padStart(2, '0')
  return (
    `${date.getFullYear()}/${pad(date.getMonth() + 1)}/${pad(date.getDate())} ` +
    `${pad(date.getHours())}:${pad(date.getMinutes())}`
  )
}

/** Today as "YYYY-MM-DD" in local time. */
export function todayIso(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`
}

export function formatCount(n: number | null | undefined, unit = '名'): string {
  if (n === null || n === undefined) return '未登録'
  return `${n.toLocaleString('ja-JP')}${unit}`
}

/** Only http(s) URLs become links; anything else (javascript:, data:) stays plain text. */
export function safeHttpUrl(value: string | null | undefined): string | null {
  if (!value) return null
  try {
    const url = new URL(value)
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null
  } catch {
    return null
  }
}

/** Accepts only same-app paths for ?redirect= (no open redirects). */
export function safeRedirect(value: unknown, fallback = '/engagements'): string {
  if (typeof value !== 'string') return fallback
  if (!value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return fallback
  if (value.startsWith('/login')) return fallback
  return value
}

/** Percent for a progress bar, 0..100, safe against a zero total. */
export function percent(part: number, whole: number): number {
  if (!whole || whole <= 0) return 0
  return Math.max(0, Math.min(100, Math.round((part / whole) * 100)))
}

/** A Unix time in seconds (as the API sends for account facts) as 「2026/12/02 10:30」. */
export function formatUnixTime(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds)) return ''
  return formatDateTime(new Date(seconds * 1000).toISOString())
}
