import { describe, expect, it } from 'vitest'
import type { FinalReportFacts, FinalReportView } from './api'
import { editable, missingRequired, scoreRows, shownBody, textsOf } from './helpers'

const facts = {
  sessions: [],
  diagnosis: { first: { name: '初回', respondents: 3, total_mean: 41.66, band_label: '要改善' }, final: null, changes: [] },
  policy: { state: 'draft', approved_number: null, approved_by: null, approved_at: null, published: false },
  rules: { state: 'not_started', counts: [], unset: 0, total: 0 },
  plan_state: 'not_started',
  plan: null,
} satisfies FinalReportFacts

const texts = { overview: '概要', diagnosis: '', policy: '', rules: '', plan: '', support: '', evaluation: '' }

function view(over: Partial<FinalReportView>): FinalReportView {
  return {
    title: '最終報告書',
    company_name: 'テスト',
    working_copy: true,
    sections: [
      { key: 'overview', heading: '実施概要', max_chars: 4000, required: true, generated: true },
      { key: 'evaluation', heading: '専門家の所見・評価', max_chars: 8000, required: true, generated: false },
    ],
    report: null,
    draft: { texts, facts },
    ...over,
  }
}

describe('final report helpers', () => {
  it('starts the editor from the draft, then from the working copy', () => {
    expect(textsOf(view({})).overview).toBe('概要')
    const report = { state: 'draft' as const, body: { texts: { ...texts, overview: '保存済' }, facts }, submitted: null, version: 2, steps: [], updated_at: '' }
    expect(textsOf(view({ report, draft: null })).overview).toBe('保存済')
  })
  it('lets the author edit only while the report is with them', () => {
    expect(editable(view({}))).toBe(true)
    const base = { body: null, submitted: null, version: 1, steps: [], updated_at: '' }
    expect(editable(view({ report: { ...base, state: 'returned' } }))).toBe(true)
    expect(editable(view({ report: { ...base, state: 'submitted' } }))).toBe(false)
    expect(editable(view({ report: { ...base, state: 'accepted' } }))).toBe(false)
    expect(editable(view({ working_copy: false }))).toBe(false)
  })
  it('shows others only the submitted copy', () => {
    expect(shownBody(view({ working_copy: false, draft: null }))).toBeNull()
  })
  it('names the required sections still empty, full-width spaces counting as empty', () => {
    expect(missingRequired(view({}), { ...texts, evaluation: '\u3000 ' })).toEqual(['専門家の所見・評価'])
    expect(missingRequired(view({}), { ...texts, evaluation: '所見' })).toEqual([])
  })
  it('makes one score row without a final round and two with one', () => {
    expect(scoreRows(facts)).toEqual([{ label: '初回', name: '初回', respondents: 3, total: '41.7', band: '要改善' }])
    const both = { ...facts, diagnosis: { ...facts.diagnosis, final: { name: '最終', respondents: 4, total_mean: 70, band_label: '良好' } } }
    expect(scoreRows(both).map((r) => r.label)).toEqual(['初回', '最終回'])
  })
})
