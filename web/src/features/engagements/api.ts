import { http } from '@/shared/api/client'
import type { Engagement, EngagementCreate, EngagementPatch, ListQuery, ResponseOf } from '@/shared/api/contract'

/** Filters (status, q, expert_id), order (sort) and paging (after, limit). */
export type EngagementQuery = ListQuery<'/engagements'>
/** The list's order: newest first (default) or by company name. */
export type EngagementSort = NonNullable<EngagementQuery['sort']>

export const engagementsApi = {
  list: (query: EngagementQuery = {}) =>
    http.get<ResponseOf<'/engagements', 'get'>>('/engagements', { ...query, q: query.q?.trim() }),
  get: (id: number) => http.get<Engagement>(`/engagements/${id}`),
  create: (input: EngagementCreate) => http.post<Engagement>('/engagements', input),
  update: (id: number, patch: EngagementPatch) => http.patch<Engagement>(`/engagements/${id}`, patch),
}
