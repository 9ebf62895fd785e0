// The dashboard's filters as they live in the address (?industry=&expert_id=&status=&state=&q=),
// so that reload, back and a shared link keep them.
import type { LocationQuery } from 'vue-router'
import type { EngagementStatus } from '@/shared/api/contract'
import type { DashboardFilters, SessionProgress } from './api'

export const PROGRESSES: SessionProgress[] = [
  'unplanned',
  'planned',
  'held',
  'report_submitted',
  'report_returned',
  'report_accepted',
]
const STATUSES: EngagementStatus[] = ['planned', 'in_progress', 'completed', 'cancelled']

export interface FilterDraft {
  industry: string
  expert_id: string
  status: EngagementStatus | ''
  state: SessionProgress | ''
  q: string
}

export const EMPTY_FILTER: FilterDraft = { industry: '', expert_id: '', status: '', state: '', q: '' }

function text(value: LocationQuery[string] | undefined): string {
  return typeof value === 'string' ? value : ''
}

/** The filters of the address; unknown values are dropped (a stale or edited link). */
export function filterFromQuery(query: LocationQuery): FilterDraft {
  const expert = text(query.expert_id)
  const status = text(query.status) as EngagementStatus
  const state = text(query.state) as SessionProgress
  return {
    industry: text(query.industry),
    expert_id: expert === 'none' || /^[1-9]\d*$/.test(expert) ? expert : '',
    status: STATUSES.includes(status) ? status : '',
    state: PROGRESSES.includes(state) ? state : '',
    q: text(query.q),
  }
}

/** The address query of these filters (empty ones left out). */
export function queryOfFilter(f: FilterDraft): Record<string, string> {
  const query: Record<string, string> = {}
  if (f.industry) query.industry = f.industry
  if (f.expert_id) query.expert_id = f.expert_id
  if (f.status) query.status = f.status
  if (f.state) query.state = f.state
  if (f.q.trim()) query.q = f.q.trim()
  return query
}

/** The API query of these filters. */
export function apiFilters(f: FilterDraft): DashboardFilters {
  return {
    industry: f.industry || undefined,
    expert_id: f.expert_id || undefined,
    status: f.status || undefined,
    state: f.state || undefined,
    q: f.q.trim() || undefined,
  }
}

export function hasAnyFilter(f: FilterDraft): boolean {
  return !!(f.industry || f.expert_id || f.status || f.state || f.q.trim())
}
