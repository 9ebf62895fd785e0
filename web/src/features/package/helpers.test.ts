import { describe, expect, it } from 'vitest'
import type { PackagePart, PackageReadiness } from './api'
import { canViewPackage, packageCounts, partLine } from './helpers'

const part = (over: Partial<PackagePart>): PackagePart => ({
  key: 'basic_policy', label: '情報セキュリティ基本方針', file_name: '情報セキュリティ基本方針.pdf', present: false,
  version: null, approved_by: null, approved_at: null, missing_reason: 'まだ事務局に提出されていません', ...over,
})

describe('package helpers', () => {
  it('shows the reason of a missing part and the version and approval of a present one', () => {
    expect(partLine(part({}), (s) => s)).toBe('まだ事務局に提出されていません')
    const present = part({ present: true, version: 2, approved_by: '製作 太郎', approved_at: '2026-12-01T10:00:00Z', missing_reason: null })
    expect(partLine(present, () => '12/1 19:00')).toBe('第2版・承認 製作 太郎・12/1 19:00')
    expect(partLine(part({ present: true, version: 1, missing_reason: null }), (s) => s)).toBe('第1版')
  })

  it('counts the parts in the package', () => {
    const p: PackageReadiness = { title: '提出パッケージ', file_name: 'a.zip', complete: false, parts: [part({ present: true }), part({})] }
    expect(packageCounts(p)).toEqual({ present: 1, total: 2 })
  })

  it('is shown to the secretariat, the assigned expert and the owner only', () => {
    expect(['secretariat', 'expert', 'owner', 'manager', 'none'].filter(canViewPackage)).toEqual(['secretariat', 'expert', 'owner'])
  })
})
