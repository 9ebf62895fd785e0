import { describe, expect, it } from 'vitest'
import type { ActionPlan } from './api'
import { inputsOf, moveWithinArea, newDraft, rowErrors, timelineOption, type DraftRow } from './helpers'

const row = (area: string, action: string): DraftRow => ({ ...newDraft(area), action })

describe('action plan helpers', () => {
  it('sends every row with an empty date unset and new rows as id 0', () => {
    const r = row('technical', 'パッチを当てる')
    r.deadline = ''
    r.urgency = 'high'
    const [input] = inputsOf([r])
    expect(input).toMatchObject({ id: 0, area_key: 'technical', deadline: null, urgency: 'high', action: 'パッチを当てる' })
  })

  it('moves a row past the rows of other areas, and not beyond the ends', () => {
    const rows = [row('technical', 'a'), row('human', 'b'), row('technical', 'c')]
    expect(moveWithinArea(rows, 2, -1).map((r) => r.action)).toEqual(['c', 'b', 'a'])
    expect(moveWithinArea(rows, 0, -1)).toBe(rows)
    expect(moveWithinArea(rows, 1, 1)).toBe(rows)
  })

  it('picks the field errors of one row', () => {
    const fields = { 'measures[1].urgency': '2行目の緊急度は…', 'measures[10].owner': 'x', version: 'v' }
    expect(rowErrors(fields, 1)).toEqual({ urgency: '2行目の緊急度は…' })
    expect(rowErrors(fields, 0)).toEqual({})
  })

  it('draws a point per measure with a deadline, in its area lane, far ones marked', () => {
    const plan = {
      form: { areas: [{ key: 'technical', label: '技術的対策' }, { key: 'human', label: '人的対策' }] },
      measures: [
        { id: 1, deadline: '2027-03-31', area_label: '技術的対策', action: 'パッチ', situation: '', beyond_horizon: false },
        { id: 2, deadline: '2028-12-31', area_label: '人的対策', action: '', situation: '教育がない', beyond_horizon: true },
        { id: 3, deadline: null, area_label: '人的対策', action: '期限なし', situation: '', beyond_horizon: false },
      ],
    } as unknown as ActionPlan
    const option = timelineOption(plan) as { yAxis: { data: string[] }; series: { data: { value: string[]; name: string; itemStyle?: unknown }[] }[] }
    expect(option.yAxis.data).toEqual(['技術的対策', '人的対策'])
    const points = option.series[0]?.data ?? []
    expect(points.map((p) => p.value)).toEqual([['2027-03-31', '技術的対策'], ['2028-12-31', '人的対策']])
    expect(points[1]?.name).toBe('教育がない')
    expect(points[0]?.itemStyle).toBeUndefined()
    expect(points[1]?.itemStyle).toBeDefined()
  })
})
