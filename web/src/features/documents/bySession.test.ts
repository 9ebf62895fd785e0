import { describe, expect, it } from 'vitest'
import type { DocumentOverviewItem } from '@/shared/api/contract'
import { documentsBySession } from './bySession'

const item = (kind: DocumentOverviewItem['kind'], sessions: DocumentOverviewItem['sessions']): DocumentOverviewItem => ({
  kind,
  kind_label: kind,
  state: 'draft',
  state_label: '作成中',
  updated_at: null,
  submitted_at: null,
  sessions,
})

describe('documentsBySession', () => {
  it('lists each document under every session that makes or reviews it, in session order', () => {
    const groups = documentsBySession([
      item('basic_policy', [{ no: 2, review: false }, { no: 4, review: true }]),
      item('hearing_sheet', [{ no: 1, review: false }]),
    ])
    expect(groups.map((g) => g.no)).toEqual([1, 2, 4])
    expect(groups[2]?.documents).toEqual([{ item: expect.objectContaining({ kind: 'basic_policy' }), review: true }])
  })

  it('keeps a document that no session names', () => {
    const groups = documentsBySession([item('rules_check', [])])
    expect(groups).toEqual([{ no: 0, documents: [{ item: expect.objectContaining({ kind: 'rules_check' }), review: false }] }])
  })
})
