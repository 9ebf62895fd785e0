import { http } from '@/shared/api/client'
import type { ListQuery, ResponseOf } from '@/shared/api/contract'

/** Filters (entity, entity_id, engagement_id, action) and paging; newest first. */
export type AuditQuery = ListQuery<'/audit'>

export const auditApi = {
  list: (query: AuditQuery = {}) => http.get<ResponseOf<'/audit', 'get'>>('/audit', query),
}
