import { describe, expect, it } from 'vitest'
import type { Engagement, ItemAnalysis, User } from '@/shared/api/contract'
import { choices, instrument } from '@/shared/testing/fixtures'
import {
  bandFor,
  canManageDiagnosis,
  canReadFindings,
  canRecordFindings,
  countsText,
  csvTemplate,
  dominantChoice,
  formatDelta,
  formatMean,
  linesForCopy,
  readGap,
  reminderMessage,
  respondentName,
} from './helpers'

describe('numbers', () => {
  it('formats means and deltas', () => {
    expect(formatMean(3)).toBe('3.0')
    expect(formatMean(71.256)).toBe('71.3')
    expect(formatMean(null)).toBe('—')
    expect(formatDelta(1.25)).toBe('+1.3')
    expect(formatDelta(-0.5)).toBe('−0.5')
    expect(formatDelta(0.01)).toBe('±0.0')
  })

  it('finds the band of a (mean) total', () => {
    const ins = instrument()
    expect(bandFor(100, ins.bands)?.key).toBe('reached')
    expect(bandFor(99.6, ins.bands)?.key).toBe('reached')
    expect(bandFor(70, ins.bands)?.key).toBe('partly')
    expect(bandFor(49.4, ins.bands)?.key).toBe('danger')
    expect(bandFor(-25, ins.bands)?.key).toBe('danger')
  })

})

describe('texts', () => {
  it('makes a CSV template with a BOM and Japanese headers', () => {
    const csv = csvTemplate(25)
    expect(csv.charCodeAt(0)).toBe(0xfeff)
    expect(csv.slice(1)).toBe('役割,氏名,部署,' + Array.from({ length: 25 }, (_, i) => i + 1).join(',') + '\r\n')
  })

  it('names anonymous respondents', () => {
    expect(respondentName({ name: '', department: '' })).toBe('（匿名）')
    expect(respondentName({ name: '山田', department: '営業部' })).toBe('山田（営業部）')
  })

  it('writes a reminder with the new link and the deadline', () => {
    const text = reminderMessage({
      companyName: '株式会社サンプル製作所',
      roundName: '第1回前',
      name: '山田 太郎',
      url: 'https://example.test/a/abc',
      expiresAt: '2026-05-01',
      answeredCount: 10,
      itemCount: 25,
    })
    expect(text).toContain('山田 太郎 様')
    expect(text).toContain('https://example.test/a/abc')
    expect(text).toContain('2026年5月1日')
    expect(text).toContain('10/25')
    expect(reminderMessage({ roundName: 'x', name: '', url: 'u' })).toContain('ご担当者様')
  })

  it('lists links one per line', () => {
    const r = {
      id: 1,
      round_id: 1,
      role: 'staff' as const,
      role_label: '従業員',
      name: '',
      department: '',
      source: 'link' as const,
      status: 'invited' as const,
      answered_count: 0,
      submitted_at: null,
      expires_at: null,
      created_at: '',
    }
    expect(linesForCopy([{ respondent: r, token: 't', url: 'https://x/a/t' }])).toBe('従業員 （匿名）: https://x/a/t')
  })
})

describe('gaps', () => {
  const stats = (done: number, partial: number, notDone: number, unknown: number) => {
    const n = done + partial + notDone + unknown
    return {
      respondents: n,
      counts: { done, partial, not_done: notDone, unknown },
      mean_points: n ? (4 * done + 2 * partial - unknown) / n : 0,
    }
  }

  it('reads the sharpest gap: owner 実施している vs staff 実施していない', () => {
    const item: ItemAnalysis = {
      item_no: 6,
      all: stats(1, 0, 3, 0),
      by_role: { owner: stats(1, 0, 0, 0), staff: stats(0, 0, 3, 0) },
      role_gap: 4,
      unknown_count: 0,
      everyone_done: false,
      needs_drill_down: true,
    }
    const g = readGap(item, choices)
    expect(g).toMatchObject({ high: 'owner', low: 'staff', highChoice: 'done', lowChoice: 'not_done', opposite: true })
    expect(countsText(item.by_role.staff, choices)).toBe('実施していない 3')
  })

  it('needs two roles', () => {
    const item: ItemAnalysis = {
      item_no: 1,
      all: stats(1, 0, 0, 0),
      by_role: { owner: stats(1, 0, 0, 0) },
      role_gap: 0,
      unknown_count: 0,
      everyone_done: true,
      needs_drill_down: true,
    }
    expect(readGap(item, choices)).toBeNull()
  })

  it('breaks ties toward the better answer', () => {
    expect(dominantChoice(stats(1, 0, 1, 0), choices)).toBe('done')
    expect(dominantChoice(undefined, choices)).toBeNull()
  })
})

const user = (u: Partial<User>) => ({ id: 1, email: '', name: '', company_id: null, company_role: null, ...u }) as User

describe('canManageDiagnosis', () => {
  const engagement = { id: 1, company_id: 10, expert_id: 5 } as Engagement

  it('lets the secretariat, the assigned expert and the owner manage', () => {
    expect(canManageDiagnosis(user({ role: 'secretariat' }), engagement)).toBe(true)
    expect(canManageDiagnosis(user({ id: 5, role: 'expert' }), engagement)).toBe(true)
    expect(canManageDiagnosis(user({ id: 6, role: 'expert' }), engagement)).toBe(false)
    expect(canManageDiagnosis(user({ role: 'company', company_id: 10, company_role: 'owner' }), engagement)).toBe(true)
    expect(canManageDiagnosis(user({ role: 'company', company_id: 10, company_role: 'manager' }), engagement)).toBe(false)
    expect(canManageDiagnosis(user({ role: 'company', company_id: 11, company_role: 'owner' }), engagement)).toBe(false)
    expect(canManageDiagnosis(null, engagement)).toBe(false)
  })
})

describe('canRecordFindings', () => {
  const engagement = { id: 1, expert_id: 5, company_id: 9 } as Engagement
  it('is the assigned expert only: not the owner who reads them, not the secretariat', () => {
    expect(canRecordFindings(user({ role: 'secretariat' }), engagement)).toBe(false)
    expect(canRecordFindings(user({ id: 5, role: 'expert' }), engagement)).toBe(true)
    expect(canRecordFindings(user({ id: 6, role: 'expert' }), engagement)).toBe(false)
    expect(canRecordFindings(user({ role: 'company', company_role: 'owner', company_id: 9 }), engagement)).toBe(false)
    expect(canRecordFindings(null, engagement)).toBe(false)
  })
})

describe('canReadFindings', () => {
  const engagement = { id: 1, expert_id: 5, company_id: 9 } as Engagement
  it('is the assigned expert and the owner: the secretariat does not read working records', () => {
    expect(canReadFindings(user({ role: 'secretariat' }), engagement)).toBe(false)
    expect(canReadFindings(user({ id: 5, role: 'expert' }), engagement)).toBe(true)
    expect(canReadFindings(user({ id: 6, role: 'expert' }), engagement)).toBe(false)
    expect(canReadFindings(user({ role: 'company', company_role: 'owner', company_id: 9 }), engagement)).toBe(true)
    expect(canReadFindings(user({ role: 'company', company_role: 'manager', company_id: 9 }), engagement)).toBe(false)
    expect(canReadFindings(user({ role: 'company', company_role: 'owner', company_id: 8 }), engagement)).toBe(false)
  })
})
