import { describe, expect, it } from 'vitest'
import type { RulesCheck, RulesCheckRow } from './api'
import { actionPlanNames, rowInputOf, rulesCan, summaryLines } from './helpers'

const row = (over: Partial<RulesCheckRow>): RulesCheckRow => ({
  category_no: 1, category_key: 'ipa-3.1/1', name: '組織的対策', outline: '…', result: null, content: '',
  assignee: '', due_date: null, upkeep: '', feeds_action_plan: false, ...over,
})

const sheet = {
  form: {
    results: [
      { key: 'new', label: '新規に作成した（作成予定）' },
      { key: 'revised', label: '既存のものを見直し改定した（改定予定）' },
      { key: 'unchanged', label: '特に対応無しと判断した（既存のまま）' },
      { key: 'not_needed', label: '当面は作成の必要なしと判断した' },
    ],
  },
  summary: { by_result: { new: 2, revised: 1, unchanged: 0, not_needed: 0 }, unset: 8, total: 11, action_plan_categories: [1, 3] },
  rows: [row({ feeds_action_plan: true }), row({ category_no: 2, name: '人的対策' }), row({ category_no: 3, name: '情報資産管理', feeds_action_plan: true })],
} as unknown as RulesCheck

describe('rules helpers', () => {
  it('sends the whole row with an empty date unset', () => {
    expect(rowInputOf(row({ result: 'new', due_date: '' as unknown as null, content: 'x' }), 4)).toEqual({
      result: 'new', content: 'x', assignee: '', due_date: null, upkeep: '', version: 4,
    })
    expect(rowInputOf(row({ due_date: '2027-03-31' }), 1).due_date).toBe('2027-03-31')
  })
  it('lists every result with its count and the unset last', () => {
    const lines = summaryLines(sheet)
    expect(lines.map((l) => l.count)).toEqual([2, 1, 0, 0, 8])
    expect(lines[4]?.label).toBe('未選択')
  })
  it('names the categories that feed the action plan', () => {
    expect(actionPlanNames(sheet)).toEqual(['1. 組織的対策', '3. 情報資産管理'])
  })
  it('only the expert submits', () => {
    expect(rulesCan.submit('expert')).toBe(true)
    expect(rulesCan.submit('owner')).toBe(false)
    expect(rulesCan.view('secretariat')).toBe(false)
  })
})
