// An engagement's sessions, as many as its course has (three, four, five…): their titles from the
// course, the edit form's fields and the changes to send (PATCH: per field, absent keeps, null
// clears, a value sets), and the texts of the read-only timeline and the list. Pure: no Vue, no I/O.
import type { Schemas } from '@/shared/api/contract'
import { formatDate, safeHttpUrl, todayIso } from '@/shared/lib/format'

export type EngagementSession = Schemas['EngagementSession']
export type SessionInput = Schemas['SessionDateInput']
export type SessionMode = NonNullable<EngagementSession['mode']>
export type Curriculum = Schemas['Curriculum']
export type CurriculumSession = Schemas['CurriculumSession']

/** 実施方法 (the API's keys; /meta has no list of them). */
export const SESSION_MODES: readonly { key: SessionMode; label: string }[] = [
  { key: 'visit', label: '訪問' },
  { key: 'web', label: 'Web会議' },
]

export function modeLabel(mode: SessionMode): string {
  return SESSION_MODES.find((m) => m.key === mode)?.label ?? mode
}

/** The sessions by number (a copy; the API sends them by number already). */
export function sortedSessions(sessions: readonly EngagementSession[] | null | undefined): EngagementSession[] {
  return [...(sessions ?? [])].sort((a, b) => a.no - b.no)
}

/**
 * The sessions of `curriculum` if it is the engagement's course (same id), else null: /meta
 * describes today's course, an engagement keeps the one it was opened on.
 */
export function courseSessions(curriculum: Curriculum | null | undefined, courseId: string | null | undefined): CurriculumSession[] | null {
  if (!curriculum || !courseId || curriculum.id !== courseId) return null
  return curriculum.sessions
}

/** A session's title: the course's when known, else 「第N回」. */
export function sessionTitle(no: number, course: readonly CurriculumSession[] | null): string {
  return course?.find((c) => c.no === no)?.title?.trim() || `第${no}回`
}

// ---- the edit form ----

/** The fields of one session in the form ('' = empty; mode '' = 未定). */
export interface SessionDraft {
  no: number
  planned_date: string
  start_time: string
  end_time: string
  mode: SessionMode | ''
  meeting_tool: string
  meeting_url: string
  place: string
}

type DraftField = Exclude<keyof SessionDraft, 'no'>
export const DRAFT_FIELDS: readonly DraftField[] = [
  'planned_date',
  'start_time',
  'end_time',
  'mode',
  'meeting_tool',
  'meeting_url',
  'place',
]

export function draftOf(s: EngagementSession): SessionDraft {
  return {
    no: s.no,
    planned_date: s.planned_date ?? '',
    start_time: s.start_time ?? '',
    end_time: s.end_time ?? '',
    mode: s.mode ?? '',
    meeting_tool: s.meeting_tool ?? '',
    meeting_url: s.meeting_url ?? '',
    place: s.place ?? '',
  }
}

export function draftsOf(sessions: readonly EngagementSession[] | null | undefined): SessionDraft[] {
  return sortedSessions(sessions).map(draftOf)
}

/**
 * What a draft stands for (null = empty): text trimmed, and only the details of the chosen
 * 実施方法 — Web会議 keeps the tool and URL, 訪問 the place, 未定 none — so switching the method
 * clears what no longer applies instead of keeping it out of sight.
 */
export function effectiveValues(d: SessionDraft): Record<DraftField, string | null> {
  const text = (v: string) => v.trim() || null
  return {
    planned_date: text(d.planned_date),
    start_time: text(d.start_time),
    end_time: text(d.end_time),
    mode: d.mode || null,
    meeting_tool: d.mode === 'web' ? text(d.meeting_tool) : null,
    meeting_url: d.mode === 'web' ? text(d.meeting_url) : null,
    place: d.mode === 'visit' ? text(d.place) : null,
  }
}

/**
 * The sessions to send: for each session whose values differ from the saved ones, its number and
 * only the fields that changed (null clears one). Sessions the engagement does not have are
 * compared with an empty one. Nothing changed: [].
 */
export function sessionChanges(saved: readonly EngagementSession[], drafts: readonly SessionDraft[]): SessionInput[] {
  const out: SessionInput[] = []
  for (const d of drafts) {
    const now = effectiveValues(d)
    const before = saved.find((s) => s.no === d.no)
    const change: Record<string, string | number | null> = { no: d.no }
    let changed = false
    for (const field of DRAFT_FIELDS) {
      const old = before?.[field] ?? null
      if ((old === '' ? null : old) === now[field]) continue
      change[field] = now[field] // mode: one of the draft's, 'visit' | 'web' | null
      changed = true
    }
    if (changed) out.push(change as SessionInput)
  }
  return out
}

/** Where the server puts a session field's error: the date at "sessions.N", the rest below it. */
export function fieldKey(no: number, field: DraftField): string {
  return field === 'planned_date' ? `sessions.${no}` : `sessions.${no}.${field}`
}

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/
const TIME_RE = /^([01]\d|2[0-3]):[0-5]\d$/

/**
 * The form's own checks before sending (what an <input type="date|time"> cannot hold when the
 * browser shows it as text). The rules between fields (end after start, dates in order, URLs)
 * are the server's, shown from its 422.
 */
export function draftErrors(drafts: readonly SessionDraft[]): Record<string, string | false> {
  const errors: Record<string, string | false> = {}
  for (const d of drafts) {
    const date = d.planned_date.trim()
    errors[fieldKey(d.no, 'planned_date')] = !!date && !DATE_RE.test(date) && '日付の形式が正しくありません。'
    for (const field of ['start_time', 'end_time'] as const) {
      const t = d[field].trim()
      errors[fieldKey(d.no, field)] = !!t && !TIME_RE.test(t) && '時刻はHH:MMの形式（例 13:30）で入力してください。'
    }
  }
  return errors
}

/**
 * The error keys that no longer describe the form after an edit from `before` to `after`: a
 * field's own; any date clears every date error and "sessions" (the order is about all of them);
 * either time clears the end time's (end after start); the method clears its details'.
 */
export function staleErrorKeys(before: readonly SessionDraft[], after: readonly SessionDraft[], keys: readonly string[]): string[] {
  const stale = new Set<string>()
  for (const a of after) {
    const b = before.find((x) => x.no === a.no)
    if (!b) continue
    for (const field of DRAFT_FIELDS) {
      if (a[field] === b[field]) continue
      stale.add(fieldKey(a.no, field))
      if (field === 'planned_date') {
        stale.add('sessions')
        for (const k of keys) if (/^sessions\.\d+$/.test(k)) stale.add(k)
      }
      if (field === 'start_time') stale.add(fieldKey(a.no, 'end_time'))
      if (field === 'mode') for (const f of ['meeting_tool', 'meeting_url', 'place'] as const) stale.add(fieldKey(a.no, f))
    }
  }
  return keys.filter((k) => stale.has(k))
}

// ---- display ----

/** 「13:30〜16:30」, 「13:30〜」, 「〜16:30」, or '' when neither time is set. */
export function timeRangeText(s: Pick<EngagementSession, 'start_time' | 'end_time'>): string {
  const start = s.start_time?.trim() ?? ''
  const end = s.end_time?.trim() ?? ''
  if (!start && !end) return ''
  return `${start}〜${end}`
}

/** 「訪問（本社 会議室）」, 「Web会議（Teams）」, 「訪問」, 「Web会議」, or '' when not decided. */
export function modeText(s: Pick<EngagementSession, 'mode' | 'meeting_tool' | 'place'>): string {
  if (!s.mode) return ''
  const detail = (s.mode === 'web' ? s.meeting_tool : s.place)?.trim()
  return detail ? `${modeLabel(s.mode)}（${detail}）` : modeLabel(s.mode)
}

/** The meeting URL as a link target, only for a Web会議 and only for http:// or https:// addresses. */
export function meetingLink(s: Pick<EngagementSession, 'mode' | 'meeting_url'>): string | null {
  if (s.mode !== 'web' || !s.meeting_url) return null
  const url = s.meeting_url.trim()
  return /^https?:\/\//i.test(url) ? safeHttpUrl(url) : null
}

/** A short schedule summary for lists: the next dated session on or after today, of all of them. */
export function nextSessionLabel(sessions: readonly EngagementSession[], today: string = todayIso()): string {
  const dated = sortedSessions(sessions).filter((s) => s.planned_date)
  if (dated.length === 0) return '日程未定'
  const next = dated.find((s) => (s.planned_date as string) >= today)
  if (!next) return '予定日はすべて経過'
  const time = timeRangeText(next)
  return `第${next.no}回 ${formatDate(next.planned_date)}${time ? ` ${time}` : ''}`
}
