import { describe, expect, it } from 'vitest'
import { auditChanges, formatAuditValue, type LabelOf } from './changes'

const LABELS: Record<string, Record<string, string>> = {
  engagement_statuses: { planned: '準備中', in_progress: '指導中' },
  round_statuses: { open: '回答受付中', closed: '締切' },
  respondent_statuses: { submitted: '提出済み' },
  respondent_roles: { staff: '従業員' },
  roles: { expert: '専門家' },
}
const labelOf: LabelOf = (list, key) => LABELS[list]?.[key] ?? 'その他'

describe('auditChanges', () => {
  it('lists changed fields with Japanese labels and values', () => {
    const changes = auditChanges(
      'engagement',
      { status: 'planned', version: 1, expert_id: 2, expert_name: '専門家 一郎' },
      { status: 'in_progress', version: 2, expert_id: 3, expert_name: '専門家 二郎' },
      labelOf,
    )
    expect(changes).toEqual([
      { field: 'status', label: 'ステータス', before: '準備中', after: '指導中' },
      { field: 'expert_name', label: '担当専門家', before: '専門家 一郎', after: '専門家 二郎' },
    ])
  })

  it('shows non-empty fields of a created entity', () => {
    const changes = auditChanges('company', null, { name: 'A社', industry: '', id: 5 }, labelOf)
    expect(changes).toEqual([{ field: 'name', label: '名称', before: '', after: 'A社' }])
  })

  it('labels a status by its entity, and never shows a raw key or field name', () => {
    expect(auditChanges('diagnosis_round', { status: 'open' }, { status: 'closed' }, labelOf)).toEqual([
      { field: 'status', label: 'ステータス', before: '回答受付中', after: '締切' },
    ])
    const sheet = auditChanges(
      'respondent',
      null,
      { role: 'staff', role_label: '従業員', status: 'submitted', source: 'paper', answers: { '1': 'done', '2': 'unknown' }, mystery: 'x' },
      labelOf,
    )
    expect(sheet).toEqual([
      { field: 'role', label: '役割', before: '', after: '従業員' },
      { field: 'status', label: 'ステータス', before: '', after: '提出済み' },
      { field: 'source', label: '回答方法', before: '', after: '紙' },
      { field: 'answers', label: '回答', before: '', after: '2問' },
      { field: 'mystery', label: '項目', before: '', after: 'x' },
    ])
  })
})

describe('formatAuditValue', () => {
  it('formats session lists, empty values and objects', () => {
    expect(
      formatAuditValue(
        'engagement',
        'sessions',
        [
          { no: 2, planned_date: null },
          { no: 1, planned_date: '2026-01-10' },
        ],
        labelOf,
      ),
    ).toBe('第1回 2026年1月10日（土）、第2回 未定')
    expect(formatAuditValue('engagement', 'x', null, labelOf)).toBe('（なし）')
    expect(formatAuditValue('engagement', 'x', { a: 1 }, labelOf)).toBe('{"a":1}')
    expect(formatAuditValue('diagnosis_finding', 'urgency', 'high', labelOf)).toBe('高')
    expect(formatAuditValue('user', 'role', 'expert', labelOf)).toBe('専門家')
  })
})
