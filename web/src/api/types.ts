// Types of the shido JSON API (/api/v1). Field names follow the server's JSON exactly.

export type Role = 'secretariat' | 'expert' | 'company'
export type CompanyRole = 'owner' | 'manager'
export type EngagementStatus = 'planned' | 'in_progress' | 'completed' | 'cancelled'

export interface User {
  id: number
  email: string
  name: string
  role: Role
  company_id: number | null
  company_role: CompanyRole | null
  /** Present in /users lists; false for disabled accounts. */
  active?: boolean
}

export interface SessionResponse {
  user: User
  csrf_token: string
}

export interface LabelledKey<K extends string = string> {
  key: K
  label: string
}

export interface CurriculumSession {
  no: number
  title: string
  theme: string
  deliverables: string[]
  /** Optional detail from the programme's guide (shown when the server sends it). */
  agenda?: string[]
  expert_prepares?: string[]
  company_prepares?: string[]
}

export interface Meta {
  roles: LabelledKey<Role>[]
  engagement_statuses: LabelledKey<EngagementStatus>[]
  curriculum: {
    id?: string
    version?: number
    title: string
    sessions: CurriculumSession[]
  }
}

export interface Company {
  id: number
  name: string
  industry: string
  employee_count: number | null
  address: string
  website: string
  representative_title: string
  representative_name: string
  created_at: string
  updated_at: string
}

/** Editable fields of a company (POST body; PATCH takes any subset). */
export type CompanyInput = Pick<
  Company,
  | 'name'
  | 'industry'
  | 'employee_count'
  | 'address'
  | 'website'
  | 'representative_title'
  | 'representative_name'
>

export interface SessionPlan {
  no: number
  planned_date: string | null
}

export interface Engagement {
  id: number
  company_id: number
  company_name: string
  expert_id: number | null
  expert_name: string | null
  status: EngagementStatus
  version: number
  sessions: SessionPlan[]
  created_at: string
  updated_at: string
}

export interface EngagementCreate {
  company_id: number
  expert_id?: number | null
  status?: EngagementStatus
  sessions?: SessionPlan[]
}

export interface EngagementPatch {
  version: number
  expert_id?: number | null
  status?: EngagementStatus
  sessions?: SessionPlan[]
}

export interface EngagementFilter {
  status?: EngagementStatus | ''
  expert_id?: number | ''
  q?: string
}

export interface UserCreate {
  email: string
  name: string
  role: Role
  password: string
  company_id?: number | null
  company_role?: CompanyRole | null
}

export interface AuditEntry {
  id: number
  at: string
  actor_id: number | null
  actor_name: string | null
  action: string
  entity: string
  entity_id: number | null
  before: Record<string, unknown> | null
  after: Record<string, unknown> | null
}

export interface AuditFilter {
  entity?: string
  entity_id?: number
}

export interface ItemList<T> {
  items: T[]
}

export type ErrorCode =
  | 'validation'
  | 'bad_request'
  | 'unauthenticated'
  | 'forbidden'
  | 'csrf'
  | 'not_found'
  | 'conflict'
  | 'payload_too_large'
  | 'too_many_requests'
  | 'internal'

export interface ErrorBody {
  error: {
    code: ErrorCode | string
    message: string
    fields?: Record<string, string>
  }
}
