import { describe, expect, it } from 'vitest'
import type { Engagement, Task, User } from '@/shared/api/contract'
import {
  agendaHint,
  can,
  dueText,
  japanToday,
  missingKindsText,
  ownSide,
  overdueOf,
  plannedMinutes,
  progressLabel,
  relationOf,
  reportEditable,
  reportFormOf,
  reportInputOf,
  returnComment,
  tasksBySession,
  emptyReportBody,
} from './helpers'

const user = (over: Partial<User>): User => ({
  id: 1, email: 'a@b.jp', name: 'x', role: 'company', company_id: 7, company_role: 'owner', active: true, status: 'active', two_factor_enabled: false, ...over,
})
const engagement = { id: 3, company_id: 7, expert_id: 5 } as Engagement
const task = (over: Partial<Task>): Task => ({
  id: 1, session_no: 1, side: 'company', title: 't', origin: 'course', requested_in: null, due_date: '2026-12-03',
  done: false, done_at: null, done_by_name: null, overdue: false, due_soon: false, ...over,
})

describe('who may do what', () => {
  it('follows the relation to the engagement', () => {
    expect(relationOf(user({ role: 'secretariat', company_id: null, company_role: null }), engagement)).toBe('secretariat')
    expect(relationOf(user({ id: 5, role: 'expert', company_id: null, company_role: null }), engagement)).toBe('expert')
    expect(relationOf(user({ id: 6, role: 'expert', company_id: null, company_role: null }), engagement)).toBe('none')
    expect(relationOf(user({}), engagement)).toBe('owner')
    expect(relationOf(user({ company_role: 'manager' }), engagement)).toBe('manager')
    expect(relationOf(user({ company_id: 8 }), engagement)).toBe('none')
    expect(relationOf(null, engagement)).toBe('none')
  })
  it('keeps the working records from the secretariat', () => {
    expect(can.viewRecords('secretariat')).toBe(false)
    expect(can.viewRecords('owner')).toBe(true)
    expect(can.writeRecords('owner')).toBe(false)
    expect(can.reviewReports('secretariat')).toBe(true)
    expect(can.viewRecordReads('owner')).toBe(true)
    expect(can.viewRecordReads('manager')).toBe(false)
    expect(can.acknowledge('expert')).toBe(false)
    expect(ownSide('manager')).toBe('company')
    expect(ownSide('expert')).toBe('expert')
    expect(ownSide('secretariat')).toBeNull()
  })
})

describe('tasks', () => {
  it('groups by session and side, every session of the engagement listed', () => {
    const groups = tasksBySession([task({ id: 1 }), task({ id: 2, side: 'expert' }), task({ id: 3, session_no: 3 })], [1, 2, 3])
    expect(groups.map((g) => g.no)).toEqual([1, 2, 3])
    expect(groups[0]!.company.map((t) => t.id)).toEqual([1])
    expect(groups[0]!.expert.map((t) => t.id)).toEqual([2])
    expect(groups[1]!.company).toEqual([])
  })
  it('says overdue in words, not by colour alone', () => {
    expect(dueText(task({ overdue: true }))).toMatch(/^期限切れ（.*まで）$/)
    expect(dueText(task({ due_soon: true }))).toMatch(/^期限間近/)
    expect(dueText(task({ due_date: null }))).toBe('期限なし')
    expect(dueText(task({ done: true, overdue: false }))).toBe('完了')
    expect(overdueOf([task({ overdue: true }), task({ side: 'expert', overdue: true })], 'company')).toHaveLength(1)
  })
})

describe('labels and hints', () => {
  it('names progress and missing participant kinds', () => {
    expect(progressLabel('report_returned')).toBe('報告差戻し')
    expect(progressLabel('nonsense')).toBe('その他の状態')
    const kinds = [{ key: 'executive', label: '経営層' }, { key: 'it_person', label: 'IT担当者' }]
    expect(missingKindsText(['executive', 'it_person'], kinds)).toBe('経営層、IT担当者が参加者にいません。')
    expect(missingKindsText([], kinds)).toBe('')
  })
  it('finds the timetable point of an agenda item by its title', () => {
    const course = { timetable: { start: '13:30', items: [{ minutes: 10, title: '休憩', points: '' }, { minutes: 60, title: '理解', points: '聞き漏らしを防ぐ' }] } }
    expect(agendaHint(course as never, { title: '理解' })).toBe('聞き漏らしを防ぐ')
    expect(agendaHint(course as never, { title: '他' })).toBe('')
    expect(agendaHint(null, { title: '理解' })).toBe('')
    expect(plannedMinutes([{ planned_minutes: 10 }, { planned_minutes: null }, { planned_minutes: 40 }])).toBe(50)
  })
})

describe('実施報告', () => {
  it('copies a body for the form and sends empty dates and times as null', () => {
    const body = { ...emptyReportBody(), held_on: '', start_time: '13:30', deliverables: [{ name: 'a', state: 'done' as const, note: '' }] }
    const copy = reportFormOf(body)
    copy.deliverables[0]!.name = 'b'
    expect(body.deliverables[0]!.name).toBe('a')
    const input = reportInputOf(body, 2)
    expect(input.held_on).toBeNull()
    expect(input.start_time).toBe('13:30')
    expect(input.version).toBe(2)
  })
  it('is editable only while with the expert; the last return comment is shown', () => {
    expect(reportEditable(null)).toBe(true)
    expect(reportEditable('returned')).toBe(true)
    expect(reportEditable('submitted')).toBe(false)
    expect(reportEditable('accepted')).toBe(false)
    const steps = [
      { to: 'returned' as const, comment: '古い' },
      { to: 'submitted' as const, comment: '' },
      { to: 'returned' as const, comment: '時間を追記' },
    ]
    expect(returnComment({ state: 'returned', steps })).toBe('時間を追記')
    expect(returnComment({ state: 'submitted', steps })).toBe('')
  })
  it('knows Japan\'s date', () => {
    expect(japanToday(new Date('2026-12-01T16:00:00Z'))).toBe('2026-12-02')
    expect(japanToday(new Date('2026-12-01T14:00:00Z'))).toBe('2026-12-01')
  })
})
