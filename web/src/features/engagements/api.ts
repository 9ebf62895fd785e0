import { http } from '@/shared/api/client'
import type { Engagement, EngagementCreate, EngagementPatch, ListAnswer, ListQuery } from '@/shared/api/contract'
import { toPage } from '@/shared/api/paging'

/** The list's order: newest first (default) or by company name. */
export type EngagementSort = 'newest' | 'company'

/** Filters (status, q, expert_id), order and paging. */
export type EngagementQuery = ListQuery<'/engagements', { sort?: EngagementSort }>

export const engagementsApi = {
  list: (query: EngagementQuery = {}) =>
    http.get<ListAnswer<'/engagements', Engagement>>('/engagements', { ...query, q: query.q?.trim() }).then(toPage),
  get: (id: number) => http.get<Engagement>(`/engagements/${id}`),
  create: (input: EngagementCreate) => http.post<Engagement>('/engagements', input),
  update: (id: number, patch: EngagementPatch) => http.patch<Engagement>(`/engagements/${id}`, patch),
}
