// Pure formatting helpers (no Vue, no I/O): dates, numbers and audit values, all in Japanese.

import type { SessionPlan } from '@/shared/api/contract'
import { FIELD_LABELS, ROLE_LABELS, STATUS_LABELS, COMPANY_ROLE_LABELS, labelFrom } from './labels'

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

/** Returns the four sessions (1..4) in order, filling gaps with planned_date null. */
export function normalizeSessions(sessions: SessionPlan[] | null | undefined, count = 4): SessionPlan[] {
  const out: SessionPlan[] = []
  for (let no = 1; no <= count; no++) {
    const found = sessions?.find((s) => s.no === no)
    out.push({ no, planned_date: found?.planned_date ?? null })
  }
  return out
}

/** A short schedule summary for lists: the next session on or after today. */
export function nextSessionLabel(sessions: SessionPlan[], today: string = todayIso()): string {
  const dated = normalizeSessions(sessions).filter((s) => s.planned_date)
  if (dated.length === 0) return '日程未定'
  const next = dated.find((s) => (s.planned_date as string) >= today)
  if (!next) return '予定日はすべて経過'
  return `第${next.no}回 ${formatDate(next.planned_date)}`
}

// ---- audit values ----

export interface AuditChange {
  field: string
  label: string
  before: string
  after: string
}

const HIDDEN_AUDIT_FIELDS = new Set(['id', 'version', 'created_at', 'updated_at', 'password', 'password_hash'])

function isSessionList(v: unknown): v is SessionPlan[] {
  return (
    Array.isArray(v) &&
    v.every((s) => typeof s === 'object' && s !== null && typeof (s as SessionPlan).no === 'number')
  )
}

/** One audit value as Japanese text. */
export function formatAuditValue(field: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return '（なし）'
  if (field === 'status' && typeof value === 'string') return labelFrom(STATUS_LABELS, value)
  if (field === 'role' && typeof value === 'string') return labelFrom(ROLE_LABELS, value)
  if (field === 'company_role' && typeof value === 'string') return labelFrom(COMPANY_ROLE_LABELS, value)
  if (field === 'sessions' && isSessionList(value)) {
    return [...value]
      .sort((a, b) => a.no - b.no)
      .map((s) => `第${s.no}回 ${formatDate(s.planned_date)}`)
      .join('、')
  }
  if (typeof value === 'boolean') return value ? 'はい' : 'いいえ'
  if (typeof value === 'string' || typeof value === 'number') return String(value)
  try {
    return JSON.stringify(value)
  } catch {
    return String(value)
  }
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null)
}

/** The fields that differ between before and after, in a stable order, as display strings. */
export function auditChanges(
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
): AuditChange[] {
  const keys: string[] = []
  for (const k of Object.keys(before ?? {})) keys.push(k)
  for (const k of Object.keys(after ?? {})) if (!keys.includes(k)) keys.push(k)
  const out: AuditChange[] = []
  for (const field of keys) {
    if (HIDDEN_AUDIT_FIELDS.has(field)) continue
    // An id beside its readable name (expert_id + expert_name): show only the name.
    const nameKey = field.endsWith('_id') ? field.slice(0, -3) + '_name' : ''
    if (nameKey && keys.includes(nameKey)) continue
    const b = before?.[field]
    const a = after?.[field]
    if (before && after && same(a, b)) continue
    if (!before && (a === null || a === undefined || a === '')) continue
    if (!after && (b === null || b === undefined || b === '')) continue
    out.push({
      field,
      label: FIELD_LABELS[field] ?? field,
      before: before ? formatAuditValue(field, b) : '',
      after: after ? formatAuditValue(field, a) : '',
    })
  }
  return out
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
