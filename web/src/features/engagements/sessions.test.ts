import { describe, expect, it } from 'vitest'
import {
  courseSessions,
  draftErrors,
  draftOf,
  draftsOf,
  effectiveValues,
  fieldKey,
  meetingLink,
  modeText,
  nextSessionLabel,
  sessionChanges,
  sessionTitle,
  staleErrorKeys,
  timeRangeText,
  type Curriculum,
  type EngagementSession,
  type SessionDraft,
} from './sessions'

const session = (no: number, over: Partial<EngagementSession> = {}): EngagementSession => ({
  no,
  planned_date: null,
  start_time: null,
  end_time: null,
  mode: null,
  meeting_tool: null,
  meeting_url: null,
  place: null,
  held_on: null,
  report_state: null,
  progress: 'unplanned',
  ...over,
})

const curriculum = (id: string, count: number): Curriculum => ({
  id,
  version: 1,
  title: 'コース',
  sessions: Array.from({ length: count }, (_, i) => ({
    no: i + 1,
    title: `第${i + 1}回 テーマ${i + 1}`,
    theme: '',
    expert_prepares: [],
    company_prepares: [],
    agenda: [],
    deliverables: [],
    tools: [],
    timetable: null,
  })),
  participant_kinds: [],
  information_handling: { version: 1, points: [] },
})

describe('titles', () => {
  it('takes the course of /meta only when it is the engagement\'s course', () => {
    expect(courseSessions(curriculum('standard-4', 4), 'standard-4')).toHaveLength(4)
    expect(courseSessions(curriculum('standard-4', 4), 'short-3')).toBeNull()
    expect(courseSessions(null, 'standard-4')).toBeNull()
    expect(courseSessions(curriculum('standard-4', 4), '')).toBeNull()
  })

  it('names a session from the course, else 「第N回」 (also beyond the course)', () => {
    const course = courseSessions(curriculum('c5', 5), 'c5')
    expect(sessionTitle(5, course)).toBe('第5回 テーマ5')
    expect(sessionTitle(6, course)).toBe('第6回')
    expect(sessionTitle(2, null)).toBe('第2回')
  })
})

describe('drafts', () => {
  it('has one draft per session, as many as the engagement has, by number', () => {
    const drafts = draftsOf([session(3), session(1), session(2)])
    expect(drafts.map((d) => d.no)).toEqual([1, 2, 3])
    expect(draftsOf([1, 2, 3, 4, 5].map((n) => session(n)))).toHaveLength(5)
  })

  it('shows nulls as empty fields and 未定 as mode ""', () => {
    expect(draftOf(session(1, { start_time: '13:30', mode: 'web', meeting_url: 'https://x.example/' }))).toEqual({
      no: 1,
      planned_date: '',
      start_time: '13:30',
      end_time: '',
      mode: 'web',
      meeting_tool: '',
      meeting_url: 'https://x.example/',
      place: '',
    })
  })

  it('keeps only the details of the method chosen, trimmed', () => {
    const d: SessionDraft = {
      ...draftOf(session(1)),
      mode: 'visit',
      place: '  本社 会議室 ',
      meeting_tool: 'Zoom',
      meeting_url: 'https://zoom.example/j/1',
    }
    expect(effectiveValues(d)).toMatchObject({ mode: 'visit', place: '本社 会議室', meeting_tool: null, meeting_url: null })
    expect(effectiveValues({ ...d, mode: 'web' })).toMatchObject({ place: null, meeting_tool: 'Zoom', meeting_url: 'https://zoom.example/j/1' })
    expect(effectiveValues({ ...d, mode: '' })).toMatchObject({ mode: null, place: null, meeting_tool: null, meeting_url: null })
  })
})

describe('sessionChanges', () => {
  const saved = [
    session(1, { planned_date: '2027-01-12', start_time: '10:00', end_time: '12:00', mode: 'visit', place: '本社' }),
    session(2, { planned_date: '2027-01-26' }),
    session(3),
  ]

  it('sends nothing when nothing changed', () => {
    expect(sessionChanges(saved, draftsOf(saved))).toEqual([])
  })

  it('sends only the sessions that changed and only their changed fields', () => {
    const drafts = draftsOf(saved)
    drafts[1]!.start_time = '13:30'
    drafts[1]!.end_time = '16:30'
    expect(sessionChanges(saved, drafts)).toEqual([{ no: 2, start_time: '13:30', end_time: '16:30' }])
  })

  it('clears an emptied field with null (absent would keep it)', () => {
    const drafts = draftsOf(saved)
    drafts[0]!.planned_date = ''
    drafts[0]!.start_time = ''
    expect(sessionChanges(saved, drafts)).toEqual([{ no: 1, planned_date: null, start_time: null }])
  })

  it('switching 訪問 → Web会議 sets the method and its details and clears the place', () => {
    const drafts = draftsOf(saved)
    Object.assign(drafts[0]!, { mode: 'web', meeting_tool: 'Teams', meeting_url: 'https://teams.example/m/1' })
    expect(sessionChanges(saved, drafts)).toEqual([
      { no: 1, mode: 'web', meeting_tool: 'Teams', meeting_url: 'https://teams.example/m/1', place: null },
    ])
  })

  it('to 未定 clears the method and its details; a place typed and hidden again sends nothing', () => {
    const drafts = draftsOf(saved)
    drafts[0]!.mode = ''
    expect(sessionChanges(saved, drafts)).toEqual([{ no: 1, mode: null, place: null }])
    const other = draftsOf(saved)
    Object.assign(other[2]!, { mode: '', place: '会議室' }) // typed under 訪問, then 未定 again
    expect(sessionChanges(saved, other)).toEqual([])
  })

  it('ignores whitespace-only edits and treats a stored "" as empty', () => {
    const drafts = draftsOf(saved)
    drafts[0]!.place = ' 本社 '
    expect(sessionChanges(saved, drafts)).toEqual([])
    const blank = [session(1, { place: '' })]
    expect(sessionChanges(blank, draftsOf(blank))).toEqual([])
  })

  it('works for any number of sessions', () => {
    const five = [1, 2, 3, 4, 5].map((n) => session(n))
    const drafts = draftsOf(five)
    drafts[4]!.planned_date = '2027-03-01'
    expect(sessionChanges(five, drafts)).toEqual([{ no: 5, planned_date: '2027-03-01' }])
  })
})

describe('field keys and errors', () => {
  it('keys the date at sessions.N and the other fields under it', () => {
    expect(fieldKey(2, 'planned_date')).toBe('sessions.2')
    expect(fieldKey(2, 'end_time')).toBe('sessions.2.end_time')
    expect(fieldKey(5, 'meeting_url')).toBe('sessions.5.meeting_url')
  })

  it('checks date and time formats only (the rules between fields are the server\'s)', () => {
    const d = draftOf(session(1))
    const errors = draftErrors([
      { ...d, planned_date: '2027/01/12', start_time: '25:00', end_time: '09:00' },
      { ...d, no: 2, start_time: '16:00', end_time: '13:00' },
    ])
    expect(errors['sessions.1']).toBe('日付の形式が正しくありません。')
    expect(errors['sessions.1.start_time']).toMatch(/HH:MM/)
    expect(errors['sessions.1.end_time']).toBe(false)
    expect(errors['sessions.2.end_time']).toBe(false)
  })

  it('drops the errors of the fields edited', () => {
    const before = draftsOf([session(1, { start_time: '16:00', end_time: '13:00' }), session(2)])
    const keys = ['sessions', 'sessions.1', 'sessions.2', 'sessions.1.end_time', 'sessions.2.meeting_url', 'expert_id']
    const startMoved = before.map((d) => ({ ...d }))
    startMoved[0]!.start_time = '10:00'
    expect(staleErrorKeys(before, startMoved, keys)).toEqual(['sessions.1.end_time'])
    const dateMoved = before.map((d) => ({ ...d }))
    dateMoved[1]!.planned_date = '2027-02-01'
    expect(staleErrorKeys(before, dateMoved, keys)).toEqual(['sessions', 'sessions.1', 'sessions.2'])
    const modeMoved = before.map((d) => ({ ...d }))
    modeMoved[1]!.mode = 'visit'
    expect(staleErrorKeys(before, modeMoved, keys)).toEqual(['sessions.2.meeting_url'])
    expect(staleErrorKeys(before, before, keys)).toEqual([])
  })
})

describe('display', () => {
  it('shows the time range with 〜', () => {
    expect(timeRangeText({ start_time: '13:30', end_time: '16:30' })).toBe('13:30〜16:30')
    expect(timeRangeText({ start_time: '13:30', end_time: null })).toBe('13:30〜')
    expect(timeRangeText({ start_time: null, end_time: '16:30' })).toBe('〜16:30')
    expect(timeRangeText({ start_time: null, end_time: null })).toBe('')
  })

  it('shows the method with its tool or place', () => {
    expect(modeText({ mode: 'visit', place: '本社 2階 会議室', meeting_tool: 'Zoom' })).toBe('訪問（本社 2階 会議室）')
    expect(modeText({ mode: 'web', place: '本社', meeting_tool: 'Teams' })).toBe('Web会議（Teams）')
    expect(modeText({ mode: 'web', place: null, meeting_tool: ' ' })).toBe('Web会議')
    expect(modeText({ mode: 'visit', place: null, meeting_tool: null })).toBe('訪問')
    expect(modeText({ mode: null, place: '本社', meeting_tool: null })).toBe('')
  })

  it('links only http(s) meeting URLs of a Web会議', () => {
    expect(meetingLink({ mode: 'web', meeting_url: 'https://teams.example/l/meetup?id=1' })).toBe('https://teams.example/l/meetup?id=1')
    expect(meetingLink({ mode: 'web', meeting_url: 'HTTP://zoom.example/j/1' })).toBe('http://zoom.example/j/1')
    expect(meetingLink({ mode: 'web', meeting_url: 'javascript:alert(1)' })).toBeNull()
    expect(meetingLink({ mode: 'web', meeting_url: 'data:text/html,<b>x</b>' })).toBeNull()
    expect(meetingLink({ mode: 'web', meeting_url: '//evil.example/' })).toBeNull()
    expect(meetingLink({ mode: 'web', meeting_url: 'teams.example/x' })).toBeNull()
    expect(meetingLink({ mode: 'visit', meeting_url: 'https://teams.example/x' })).toBeNull()
    expect(meetingLink({ mode: 'web', meeting_url: null })).toBeNull()
  })

  it('names the next session of all of them, with its time', () => {
    const sessions = [
      session(1, { planned_date: '2027-01-12' }),
      session(2, { planned_date: '2027-01-26', start_time: '13:30', end_time: '16:30' }),
      session(5, { planned_date: '2027-03-09' }),
    ]
    expect(nextSessionLabel(sessions, '2027-01-20')).toBe('第2回 2027年1月26日（火） 13:30〜16:30')
    expect(nextSessionLabel(sessions, '2027-02-01')).toBe('第5回 2027年3月9日（火）')
    expect(nextSessionLabel(sessions, '2027-04-01')).toBe('予定日はすべて経過')
    expect(nextSessionLabel([session(1), session(2)], '2027-01-01')).toBe('日程未定')
  })
})
