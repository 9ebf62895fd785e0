import { http } from './client'
import type { Engagement, EngagementCreate, EngagementFilter, EngagementPatch, ItemList } from './types'

export const engagementsApi = {
  list: (filter: EngagementFilter = {}) =>
    http
      .get<ItemList<Engagement>>('/engagements', {
        status: filter.status,
        expert_id: filter.expert_id,
        q: filter.q?.trim(),
      })
      .then((r) => r.items),
  get: (id: number) => http.get<Engagement>(`/engagements/${id}`),
  create: (input: EngagementCreate) => http.post<Engagement>('/engagements', input),
  update: (id: number, patch: EngagementPatch) => http.patch<Engagement>(`/engagements/${id}`, patch),
}
