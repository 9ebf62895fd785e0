// Audit entries as Japanese text (pure: no Vue, no I/O): which fields changed, with their labels
// and values. Keys in values (statuses, roles) are shown with the labels of /meta, passed in.

import type { MetaListName, SessionPlan } from '@/shared/api/contract'
import { formatDate, formatDateTime } from '@/shared/lib/format'
import { DIFFICULTY_OPTIONS, LEVEL_OPTIONS, SOURCE_LABELS } from '@/features/diagnosis/helpers'

/** The label of a key in one of /meta's lists. */
export type LabelOf = (list: MetaListName, key: string) => string

/** Field names as people read them (/meta does not serve these). */
export const FIELD_LABELS: Record<string, string> = {
  id: 'ID',
  company_id: '企業ID',
  company_name: '企業名',
  expert_id: '担当専門家ID',
  expert_name: '担当専門家',
  status: 'ステータス',
  sessions: '実施予定日',
  version: '版',
  name: '名称',
  industry: '業種',
  employee_count: '従業員数',
  address: '所在地',
  website: 'ウェブサイト',
  representative_title: '代表者役職',
  representative_name: '代表者氏名',
  email: 'メールアドレス',
  role: '役割',
  company_role: '企業内の役割',
  active: '有効',
  created_at: '作成日時',
  updated_at: '更新日時',
  // 自社診断
  engagement_id: '指導案件ID',
  instrument_id: '診断の版',
  respondent_count: '回答者数',
  submitted_count: '提出数',
  round_id: '回ID',
  department: '部署',
  source: '回答方法',
  answered_count: '回答済みの問数',
  answers: '回答',
  submitted_at: '提出日時',
  expires_at: '回答期限',
  imported: '取り込んだ回答数',
  item_no: '項目番号',
  notes: '掘り下げメモ',
  finding: '課題',
  urgency: '緊急度',
  importance: '重要度',
  difficulty: '難易度',
  key_area: '重点改善領域',
}

/** Which /meta list labels a field's values, by entity. */
const VALUE_LISTS: Record<string, Record<string, MetaListName>> = {
  engagement: { status: 'engagement_statuses' },
  user: { role: 'roles', company_role: 'company_roles' },
  diagnosis_round: { status: 'round_statuses' },
  respondent: { status: 'respondent_statuses', role: 'respondent_roles' },
}

const OTHER_VALUE_LABELS: Record<string, Record<string, string>> = {
  source: SOURCE_LABELS,
  urgency: Object.fromEntries(LEVEL_OPTIONS.map((o) => [o.key, o.label])),
  importance: Object.fromEntries(LEVEL_OPTIONS.map((o) => [o.key, o.label])),
  difficulty: Object.fromEntries(DIFFICULTY_OPTIONS.map((o) => [o.key, o.label])),
}

const HIDDEN_FIELDS = new Set(['id', 'version', 'created_at', 'updated_at', 'password', 'password_hash', 'role_label'])
const DATE_TIME_FIELDS = new Set(['submitted_at'])

export interface AuditChange {
  field: string
  label: string
  before: string
  after: string
}

function isSessionList(v: unknown): v is SessionPlan[] {
  return (
    Array.isArray(v) &&
    v.every((s) => typeof s === 'object' && s !== null && typeof (s as SessionPlan).no === 'number')
  )
}

/** One audit value as Japanese text. */
export function formatAuditValue(entity: string, field: string, value: unknown, labelOf: LabelOf): string {
  if (value === null || value === undefined || value === '') return '（なし）'
  const list = VALUE_LISTS[entity]?.[field]
  if (list && typeof value === 'string') return labelOf(list, value)
  const other = OTHER_VALUE_LABELS[field]
  if (other && typeof value === 'string') return other[value] ?? value
  if (field === 'sessions' && isSessionList(value)) {
    return [...value]
      .sort((a, b) => a.no - b.no)
      .map((s) => `第${s.no}回 ${formatDate(s.planned_date)}`)
      .join('、')
  }
  if (field === 'expires_at' && typeof value === 'string') return formatDate(value)
  if (DATE_TIME_FIELDS.has(field) && typeof value === 'string') return formatDateTime(value)
  if (field === 'answers' && typeof value === 'object' && !Array.isArray(value)) {
    return `${Object.keys(value as object).length}問`
  }
  if (typeof value === 'boolean') return value ? 'はい' : 'いいえ'
  if (typeof value === 'string' || typeof value === 'number') return String(value)
  try {
    return JSON.stringify(value)
  } catch {
    return String(value)
  }
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null)
}

/** The fields that differ between before and after, in a stable order, as display strings. */
export function auditChanges(
  entity: string,
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
  labelOf: LabelOf,
): AuditChange[] {
  const keys: string[] = []
  for (const k of Object.keys(before ?? {})) keys.push(k)
  for (const k of Object.keys(after ?? {})) if (!keys.includes(k)) keys.push(k)
  const out: AuditChange[] = []
  for (const field of keys) {
    if (HIDDEN_FIELDS.has(field)) continue
    // An id beside its readable name (expert_id + expert_name): show only the name.
    const nameKey = field.endsWith('_id') ? field.slice(0, -3) + '_name' : ''
    if (nameKey && keys.includes(nameKey)) continue
    const b = before?.[field]
    const a = after?.[field]
    if (before && after && same(a, b)) continue
    if (!before && (a === null || a === undefined || a === '')) continue
    if (!after && (b === null || b === undefined || b === '')) continue
    out.push({
      field,
      label: FIELD_LABELS[field] ?? '項目',
      before: before ? formatAuditValue(entity, field, b, labelOf) : '',
      after: after ? formatAuditValue(entity, field, a, labelOf) : '',
    })
  }
  return out
}
