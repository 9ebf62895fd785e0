import { describe, expect, it } from 'vitest'
import { inputsOf, moveWithinArea, newDraft, rowErrors, type DraftRow } from './helpers'

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
})
