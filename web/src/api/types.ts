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
    /** Row-level problems (CSV import). */
    details?: { row: number; column: string | number; message: string }[]
  }
}

// ---- 自社診断 (self-assessment) ----

export type ChoiceKey = 'done' | 'partial' | 'not_done' | 'unknown'
export type RespondentRole = 'owner' | 'manager' | 'staff'
export type RespondentSource = 'link' | 'paper' | 'csv'
export type RespondentStatus = 'invited' | 'answering' | 'submitted' | 'revoked' | 'expired'
export type RoundStatus = 'open' | 'closed'
export type Level = 'high' | 'medium' | 'low'
export type Difficulty = 'easy' | 'medium' | 'hard'

export interface InstrumentChoice {
  key: ChoiceKey
  label: string
  points: number
  follow_up?: boolean
}

export interface InstrumentBand {
  key: string
  min: number
  max: number
  label: string
  meaning: string
}

export interface InstrumentPart {
  no: number
  title: string
  item_nos: number[]
}

export interface InstrumentItem {
  no: number
  part_no: number
  topic: string
  question: string
  check_points: string[]
  example_measures: string[]
}

export interface Instrument {
  id: string
  version: number
  title: string
  edition: string
  choices: InstrumentChoice[]
  bands: InstrumentBand[]
  parts: InstrumentPart[]
  items: InstrumentItem[]
}

export interface Round {
  id: number
  engagement_id: number
  name: string
  instrument_id: string
  status: RoundStatus
  created_at: string
  respondent_count: number
  submitted_count: number
}

export interface Respondent {
  id: number
  role: RespondentRole
  role_label: string
  name: string
  department: string
  source: RespondentSource
  status: RespondentStatus
  answered_count: number
  submitted_at: string | null
  /** "YYYY-MM-DD" */
  expires_at: string | null
  created_at: string
}

export interface PartResult {
  part_no: number
  title: string
  points: number
  max_points: number
  min_points: number
}

export interface DiagnosisResult {
  total: number
  band: { key: string; label: string; meaning: string }
  parts: PartResult[]
  unknown_count: number
}

export interface Finding {
  item_no: number
  notes: string
  finding: string
  urgency: Level | null
  importance: Level | null
  difficulty: Difficulty | null
  key_area: boolean
  updated_at: string | null
}

export type FindingInput = Omit<Finding, 'item_no' | 'updated_at'>

/** item no (as a string, "1".."25") → choice key */
export type Answers = Record<string, ChoiceKey>

export interface RoundDetail {
  round: Round
  instrument: Instrument
  respondents: Respondent[]
}

export interface InviteInput {
  role: RespondentRole
  name?: string
  department?: string
  count?: number
  /** "YYYY-MM-DD" */
  expires_at?: string
}

export interface IssuedLink {
  respondent: Respondent
  token: string
  url: string
}

export interface PaperInput {
  role: RespondentRole
  name?: string
  department?: string
  answers: Answers
}

export interface ItemGroupStats {
  respondents: number
  counts: Record<ChoiceKey, number>
  mean_points: number
}

export interface ItemAnalysis {
  item_no: number
  all: ItemGroupStats
  by_role: Partial<Record<RespondentRole, ItemGroupStats>>
  role_gap: number
  unknown_count: number
  everyone_done: boolean
  needs_drill_down: boolean
}

export interface GroupPartMeans {
  respondents: number
  total_mean: number
  part_percent: number[]
}

export interface RespondentAnalysis {
  respondent_id: number
  role: RespondentRole
  role_label: string
  name: string
  department: string
  result: DiagnosisResult
}

export interface RoundAnalysis {
  round: Round
  respondents: RespondentAnalysis[]
  items: ItemAnalysis[]
  all: GroupPartMeans
  by_role: Partial<Record<RespondentRole, GroupPartMeans>>
  gap_items: number[]
  drill_down_items: number[]
  progress: Record<RespondentRole, { invited: number; submitted: number }>
}

export interface FindingsResponse {
  items: Finding[]
  priorities: Finding[]
}

export interface RoundComparison {
  from: Round
  to: Round
  before_total_mean: number
  after_total_mean: number
  items: { item_no: number; before_mean: number; after_mean: number }[]
}

/** GET /answer/{token}: what the respondent sees. */
export interface AnswerSheet {
  respondent: {
    role: RespondentRole
    role_label: string
    name: string
    department: string
    status: RespondentStatus
  }
  company_name: string
  round_name: string
  instrument: Instrument
  answers: Partial<Answers>
  result: DiagnosisResult | null
}

export interface ErrorDetail {
  row: number
  column: string | number
  message: string
}
