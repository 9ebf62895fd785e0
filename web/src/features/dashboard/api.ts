import { buildUrl, http } from '@/shared/api/client'
import type { ListQuery, ResponseOf, Schemas } from '@/shared/api/contract'

export type DashboardEngagement = Schemas['DashboardEngagement']
export type DashboardSummary = Schemas['DashboardSummary']
export type ExpertWorkload = Schemas['ExpertWorkload']
export type SessionProgress = Schemas['SessionProgress']

/** Filters (industry, expert_id: an id or "none", status, state, q) and paging. */
export type DashboardQuery = ListQuery<'/dashboard/engagements'>
export type DashboardFilters = Omit<DashboardQuery, 'after' | 'limit'>

function clean(query: DashboardFilters): DashboardFilters {
  return { ...query, q: query.q?.trim() || undefined }
}

export const dashboardApi = {
  engagements: (query: DashboardQuery = {}) =>
    http.get<ResponseOf<'/dashboard/engagements', 'get'>>('/dashboard/engagements', {
      ...clean(query),
      after: query.after,
      limit: query.limit,
    }),
  summary: (query: DashboardFilters = {}) =>
    http.get<ResponseOf<'/dashboard/summary', 'get'>>('/dashboard/summary', { ...clean(query) }),
  experts: (query: ListQuery<'/dashboard/experts'> = {}) =>
    http.get<ResponseOf<'/dashboard/experts', 'get'>>('/dashboard/experts', { ...query }),
  /** The filtered table as .xlsx (a plain link: the browser downloads it). */
  xlsxUrl: (query: DashboardFilters = {}) => buildUrl('/dashboard/engagements.xlsx', { ...clean(query) }),
}
