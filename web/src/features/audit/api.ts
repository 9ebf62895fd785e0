import { http } from '@/shared/api/client'
import type { AuditEntry, ListAnswer, ListQuery } from '@/shared/api/contract'
import { toPage } from '@/shared/api/paging'

/** Filters (entity, entity_id, engagement_id, action) and paging; newest first. */
export type AuditQuery = ListQuery<'/audit', { action?: string }>

export const auditApi = {
  list: (query: AuditQuery = {}) => http.get<ListAnswer<'/audit', AuditEntry>>('/audit', query).then(toPage),
}
