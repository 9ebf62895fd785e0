import type { PackagePart, PackageReadiness } from './api'

// Who sees the package on the engagement page: those the server lets read submitted documents.
export const canViewPackage = (relation: string) =>
  relation === 'secretariat' || relation === 'expert' || relation === 'owner'

// The line under a part's name: what the manifest will say about it.
export function partLine(part: PackagePart, formatDateTime: (iso: string) => string): string {
  if (!part.present) return part.missing_reason ?? '不足'
  const bits = [`第${part.version}版`]
  if (part.approved_by) bits.push(`承認 ${part.approved_by}`)
  if (part.approved_at) bits.push(formatDateTime(part.approved_at))
  return bits.join('・')
}

export function packageCounts(p: PackageReadiness): { present: number; total: number } {
  return { present: p.parts.filter((part) => part.present).length, total: p.parts.length }
}
