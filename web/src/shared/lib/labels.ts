// Japanese labels. /meta is the source for roles and statuses; these are the fallbacks used
// until /meta has loaded (and for keys /meta does not carry).

import type { CompanyRole, EngagementStatus, Role } from '@/shared/api/contract'

export const ROLE_LABELS: Record<Role, string> = {
  secretariat: '事務局',
  expert: '専門家',
  company: '企業',
}

export const STATUS_LABELS: Record<EngagementStatus, string> = {
  planned: '準備中',
  in_progress: '指導中',
  completed: '完了',
  cancelled: '中止',
}

export const COMPANY_ROLE_LABELS: Record<CompanyRole, string> = {
  owner: '経営者',
  manager: '担当者',
}

export const ACTION_LABELS: Record<string, string> = {
  create: '作成',
  update: '更新',
  delete: '削除',
  login: 'ログイン',
  logout: 'ログアウト',
  password_change: 'パスワード変更',
}

export const ENTITY_LABELS: Record<string, string> = {
  engagement: '指導案件',
  company: '企業',
  user: 'ユーザー',
}

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
  created_at: '作成日時',
  updated_at: '更新日時',
}

export function labelFrom(map: Record<string, string>, key: string | null | undefined): string {
  if (key === null || key === undefined || key === '') return ''
  return map[key] ?? key
}
