import { http } from '@/shared/api/client'
import type { Engagement, EngagementCreate, EngagementPatch, QueryOf, ResponseOf } from '@/shared/api/contract'

/** The list's filters, as the contract names them. */
export type EngagementQuery = QueryOf<'/engagements', 'get'>

export const engagementsApi = {
  list: (query: EngagementQuery = {}) =>
    http.get<ResponseOf<'/engagements', 'get'>>('/engagements', { ...query, q: query.q?.trim() }).then((r) => r.items),
  get: (id: number) => http.get<Engagement>(`/engagements/${id}`),
  create: (input: EngagementCreate) => http.post<Engagement>('/engagements', input),
  update: (id: number, patch: EngagementPatch) => http.patch<Engagement>(`/engagements/${id}`, patch),
}
