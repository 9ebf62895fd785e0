import { http } from './client'
import type { AuditEntry, AuditFilter, ItemList } from './types'

export const auditApi = {
  list: (filter: AuditFilter = {}) =>
    http
      .get<ItemList<AuditEntry>>('/audit', { entity: filter.entity, entity_id: filter.entity_id })
      .then((r) => r.items),
}
