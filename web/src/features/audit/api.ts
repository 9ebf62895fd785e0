import { http } from '@/shared/api/client'
import type { QueryOf, ResponseOf } from '@/shared/api/contract'

export type AuditQuery = QueryOf<'/audit', 'get'>

export const auditApi = {
  list: (query: AuditQuery = {}) => http.get<ResponseOf<'/audit', 'get'>>('/audit', query).then((r) => r.items),
}
