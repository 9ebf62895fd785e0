import { describe, expect, it } from 'vitest'
import { datesFromPlan, isIsoDate, planMessages, sessionsFromDates, type PlanCheck } from './plan'

const check = (over: Partial<PlanCheck> = {}): PlanCheck => ({
  sessions: [
    { no: 1, title: '第1回', planned_date: '2027-06-14' },
    { no: 2, title: '第2回', planned_date: '2027-06-28' },
    { no: 3, title: '第3回', planned_date: null },
    { no: 4, title: '第4回', planned_date: '2027-07-26' },
  ],
  warnings: [],
  problem: null,
  ...over,
})

describe('sessionsFromDates', () => {
  it('numbers the fields from 1 and sends empty fields as null', () => {
    expect(sessionsFromDates(['2027-06-14', '', '2027-07-12', ''])).toEqual([
      { no: 1, planned_date: '2027-06-14' },
      { no: 2, planned_date: null },
      { no: 3, planned_date: '2027-07-12' },
      { no: 4, planned_date: null },
    ])
  })

  it('gives nothing to check while a field is not a whole date', () => {
    expect(sessionsFromDates(['2027-06-14', '2027-6-1', '', ''])).toBeNull()
    expect(sessionsFromDates(['27-06-14'])).toBeNull()
  })

  it('gives the same sessions for the same dates (the check key of the saved plan and of the form)', () => {
    expect(JSON.stringify(sessionsFromDates(['', '2027-01-01']))).toBe(JSON.stringify(sessionsFromDates(['', '2027-01-01'])))
  })
})

describe('datesFromPlan', () => {
  it('fills the fields by session number, empty where the plan has no date', () => {
    expect(datesFromPlan(check().sessions, 4)).toEqual(['2027-06-14', '2027-06-28', '', '2027-07-26'])
  })

  it('places sessions by their number, whatever their order, and ignores unknown ones', () => {
    const sessions = [
      { no: 3, title: '第3回', planned_date: '2027-07-12' },
      { no: 1, title: '第1回', planned_date: '2027-06-14' },
      { no: 5, title: '第5回', planned_date: '2027-08-09' },
      { no: 0, title: '?', planned_date: '2027-01-01' },
    ]
    expect(datesFromPlan(sessions, 4)).toEqual(['2027-06-14', '', '2027-07-12', ''])
  })

  it('fills as many fields as the engagement has sessions (a course of three, of five)', () => {
    const five = [1, 2, 3, 4, 5].map((no) => ({ no, title: `第${no}回`, planned_date: `2027-0${no}-01` }))
    expect(datesFromPlan(five, 5)).toEqual(['2027-01-01', '2027-02-01', '2027-03-01', '2027-04-01', '2027-05-01'])
    expect(datesFromPlan(five, 3)).toEqual(['2027-01-01', '2027-02-01', '2027-03-01'])
    expect(sessionsFromDates(datesFromPlan(five, 5))?.map((s) => s.no)).toEqual([1, 2, 3, 4, 5])
  })

  it('round-trips with sessionsFromDates', () => {
    const dates = datesFromPlan(check().sessions, 4)
    expect(sessionsFromDates(dates)).toEqual(check().sessions.map(({ no, planned_date }) => ({ no, planned_date })))
  })
})

describe('planMessages', () => {
  it('lists the warnings in the server order and the problem apart', () => {
    const m = planMessages(
      check({
        warnings: [
          { kind: 'weekend', session_no: 2, message: '第2回（2027-06-26）は土曜日です。' },
          { kind: 'long_preparation', session_no: 3, message: '第3回の準備期間が2週間を超えています（第2回から16日）。' },
        ],
        problem: '第3回は第2回より後の日付にしてください。',
      }),
    )
    expect(m.warnings).toEqual(['第2回（2027-06-26）は土曜日です。', '第3回の準備期間が2週間を超えています（第2回から16日）。'])
    expect(m.problem).toBe('第3回は第2回より後の日付にしてください。')
  })

  it('has nothing to say without a check, and treats a blank problem as none', () => {
    expect(planMessages(null)).toEqual({ problem: null, warnings: [] })
    expect(planMessages(check({ problem: '  ' })).problem).toBeNull()
  })
})

describe('isIsoDate', () => {
  it('accepts YYYY-MM-DD only', () => {
    expect(isIsoDate('2027-01-04')).toBe(true)
    expect(isIsoDate('')).toBe(false)
    expect(isIsoDate('2027/01/04')).toBe(false)
  })
})
