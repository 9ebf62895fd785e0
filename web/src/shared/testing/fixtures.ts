// Test data shaped by the API contract (used by unit tests only).
import type { Instrument } from '@/shared/api/contract'

export const choices = [
  { key: 'done' as const, label: '実施している', points: 4, follow_up: false },
  { key: 'partial' as const, label: '一部実施している', points: 2, follow_up: false },
  { key: 'not_done' as const, label: '実施していない', points: 0, follow_up: false },
  { key: 'unknown' as const, label: 'わからない', points: -1, follow_up: true },
]

export function instrument(): Instrument {
  const items = Array.from({ length: 25 }, (_, i) => ({
    no: i + 1,
    part_no: i < 5 ? 1 : i < 18 ? 2 : 3,
    topic: `topic ${i + 1}`,
    question: `q ${i + 1}`,
    check_points: [],
    example_measures: [],
  }))
  return {
    id: 'ipa-5min-3.1',
    version: 1,
    title: '5分でできる！情報セキュリティ自社診断',
    edition: '第3.1版',
    choices,
    bands: [
      { key: 'reached', min: 100, max: 100, label: 'A', meaning: '' },
      { key: 'partly', min: 70, max: 99, label: 'B', meaning: '' },
      { key: 'insufficient', min: 50, max: 69, label: 'C', meaning: '' },
      { key: 'danger', min: -25, max: 49, label: 'D', meaning: '' },
    ],
    parts: [
      { no: 1, title: '基本的対策', item_nos: [1, 2, 3, 4, 5] },
      { no: 2, title: '従業員としての対策', item_nos: items.filter((i) => i.part_no === 2).map((i) => i.no) },
      { no: 3, title: '組織としての対策', item_nos: items.filter((i) => i.part_no === 3).map((i) => i.no) },
    ],
    items,
  }
}
