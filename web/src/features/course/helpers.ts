// Pure helpers for the course as it is run (no Vue, no I/O): who may do what on an engagement
// (the same table as the server's policy), labels of the course's states, tasks by session and
// side, due texts, the record's and the report's editable copies.
//
// The labels of the report states, deliverable states, session progress and task sides are spelled
// here as in the server's tables (src/core/course/*.cpp); /meta now lists them too
// (session_progresses, report_states, …) and should replace these tables.

import type {
  AgendaEntry,
  CurriculumSession,
  DeliverableState,
  Engagement,
  KeyLabel,
  ParticipantKind,
  ReportBody,
  ReportInput,
  ReportState,
  SessionProgress,
  SessionRecordInput,
  SessionRecordView,
  Task,
  TaskSide,
  User,
  WebExperience,
} from '@/shared/api/contract'
import { formatDate } from '@/shared/lib/format'

// ---- who may do what (mirrors src/core/access/access_policy.cpp) ----

export type Relation = 'secretariat' | 'expert' | 'owner' | 'manager' | 'none'

export function relationOf(user: User | null | undefined, e: Engagement | null | undefined): Relation {
  if (!user || !e) return 'none'
  if (user.role === 'secretariat') return 'secretariat'
  if (user.role === 'expert') return e.expert_id === user.id ? 'expert' : 'none'
  if (user.role === 'company' && user.company_id === e.company_id) return user.company_role === 'owner' ? 'owner' : 'manager'
  return 'none'
}

export const can = {
  viewRecords: (r: Relation) => r === 'expert' || r === 'owner',
  writeRecords: (r: Relation) => r === 'expert',
  workTasks: (r: Relation) => r === 'expert' || r === 'owner' || r === 'manager',
  confirm: (r: Relation) => r === 'expert' || r === 'owner' || r === 'manager',
  acknowledge: (r: Relation) => r === 'owner' || r === 'manager',
  viewReports: (r: Relation) => r === 'secretariat' || r === 'expert' || r === 'owner',
  reviewReports: (r: Relation) => r === 'secretariat',
  viewRecordReads: (r: Relation) => r === 'owner',
  plan: (r: Relation) => r === 'secretariat' || r === 'expert',
}

/** The side whose tasks the user ticks: the company's people theirs, the expert the expert's. */
export function ownSide(r: Relation): TaskSide | null {
  if (r === 'owner' || r === 'manager') return 'company'
  if (r === 'expert') return 'expert'
  return null
}

// ---- labels ----

export const PROGRESS: Record<SessionProgress, { label: string; tone: string }> = {
  unplanned: { label: '未計画', tone: 'grey' },
  planned: { label: '予定', tone: 'blue' },
  held: { label: '実施済', tone: 'teal' },
  report_submitted: { label: '報告提出', tone: 'amber' },
  report_returned: { label: '報告差戻し', tone: 'red' },
  report_accepted: { label: '報告受理', tone: 'green' },
}

export function progressLabel(p: string | null | undefined): string {
  return (p && PROGRESS[p as SessionProgress]?.label) || 'その他の状態'
}

export const REPORT_STATES: Record<ReportState, string> = {
  draft: '下書き',
  submitted: '提出済',
  returned: '差戻し',
  accepted: '受理',
}

export const DELIVERABLE_STATES: readonly { key: DeliverableState; label: string }[] = [
  { key: 'not_started', label: '未着手' },
  { key: 'in_progress', label: '作成中' },
  { key: 'done', label: '完成' },
]

export const WEB_EXPERIENCE: readonly { key: WebExperience; label: string }[] = [
  { key: '', label: '未回答' },
  { key: 'none', label: 'なし' },
  { key: 'experienced', label: 'あり' },
]

export const SIDES: Record<TaskSide, string> = { company: '企業', expert: '専門家' }

export const ORIGINS: Record<Task['origin'], string> = {
  course: '進め方',
  added: '追加',
  request: '提供依頼',
}

export function kindLabel(kinds: readonly KeyLabel[], key: string): string {
  return kinds.find((k) => k.key === key)?.label ?? 'その他'
}

/** 「経営層、IT担当者が参加者にいません。」 or '' when nobody is missing. */
export function missingKindsText(missing: readonly ParticipantKind[], kinds: readonly KeyLabel[]): string {
  if (missing.length === 0) return ''
  return `${missing.map((k) => kindLabel(kinds, k)).join('、')}が参加者にいません。`
}

// ---- tasks ----

export interface SessionTasks {
  no: number
  company: Task[]
  expert: Task[]
}

/** The tasks of every session, by number, each side in the server's order. */
export function tasksBySession(tasks: readonly Task[], sessionNos: readonly number[]): SessionTasks[] {
  const nos = [...new Set([...sessionNos, ...tasks.map((t) => t.session_no)])].sort((a, b) => a - b)
  return nos.map((no) => ({
    no,
    company: tasks.filter((t) => t.session_no === no && t.side === 'company'),
    expert: tasks.filter((t) => t.session_no === no && t.side === 'expert'),
  }))
}

/** The due text of a task: 「期限切れ（12月3日まで）」, 「期限間近（…まで）」, 「…まで」, 「期限なし」, 「完了」. */
export function dueText(t: Pick<Task, 'due_date' | 'overdue' | 'due_soon' | 'done'>): string {
  if (t.done) return '完了'
  if (!t.due_date) return '期限なし'
  const date = `${formatDate(t.due_date)}まで`
  if (t.overdue) return `期限切れ（${date}）`
  if (t.due_soon) return `期限間近（${date}）`
  return date
}

export function overdueOf(tasks: readonly Task[], side: TaskSide | null): Task[] {
  return tasks.filter((t) => t.overdue && (side === null || t.side === side))
}

// ---- the session record ----

/** The points to watch for an agenda item, from the course's timetable (matched by title). */
export function agendaHint(course: CurriculumSession | null | undefined, entry: Pick<AgendaEntry, 'title'>): string {
  const item = course?.timetable?.items.find((i) => i.title === entry.title)
  return item?.points ?? ''
}

/** The body of a PUT …/record from what was read (the record as shown is edited in place). */
export function recordInputOf(view: SessionRecordView): SessionRecordInput {
  const r = view.record
  return {
    attendees: r.attendees.map((a) => ({ name: a.name, title: a.title, side: a.side })),
    agenda: r.agenda.map((a) => ({
      title: a.title,
      planned_minutes: a.planned_minutes,
      actual_start: a.actual_start || null,
      actual_end: a.actual_end || null,
      notes: a.notes,
    })),
    decisions: r.decisions,
    version: r.version,
  }
}

/** Total planned minutes of the agenda. */
export function plannedMinutes(agenda: readonly { planned_minutes?: number | null }[]): number {
  return agenda.reduce((sum, a) => sum + (a.planned_minutes ?? 0), 0)
}

// ---- 実施報告 ----

export function emptyReportBody(): ReportBody {
  return {
    held_on: null,
    start_time: null,
    end_time: null,
    mode: null,
    place: '',
    attendees: '',
    activities: '',
    deliverables: [],
    next_steps: '',
    requests: '',
    remarks: '',
    include_record: false,
  }
}

/** A copy of a body for the form (editing it never touches what was read). */
export function reportFormOf(body: ReportBody | null | undefined): ReportBody {
  const b = body ?? emptyReportBody()
  return { ...b, deliverables: b.deliverables.map((d) => ({ ...d })) }
}

/** The body of a PUT …/report: empty times and dates as null. */
export function reportInputOf(form: ReportBody, version: number): ReportInput {
  return {
    ...form,
    held_on: form.held_on || null,
    start_time: form.start_time || null,
    end_time: form.end_time || null,
    mode: form.mode || null,
    deliverables: form.deliverables.map((d) => ({ name: d.name, state: d.state, note: d.note })),
    version,
  }
}

/** The expert may change the report while it is with them (not yet saved, draft or returned). */
export function reportEditable(state: ReportState | null | undefined): boolean {
  return !state || state === 'draft' || state === 'returned'
}

/** The comment of the last return, shown prominently while the report is returned. */
export function returnComment(report: { state: ReportState; steps: { to: ReportState; comment: string }[] } | null): string {
  if (!report || report.state !== 'returned') return ''
  const step = [...report.steps].reverse().find((s) => s.to === 'returned')
  return step?.comment ?? ''
}

/** Japan's calendar date (the server's "today"). */
export function japanToday(now: Date = new Date()): string {
  return new Date(now.getTime() + 9 * 3600_000).toISOString().slice(0, 10)
}
