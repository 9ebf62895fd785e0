import { http } from '@/shared/api/client'
import type { ListQuery, ResponseOf } from '@/shared/api/contract'

export type NotificationQuery = ListQuery<'/notifications'>
export type OutboxQuery = ListQuery<'/outbox'>

export const notificationsApi = {
  list: (query: NotificationQuery = {}) =>
    http.get<ResponseOf<'/notifications', 'get'>>('/notifications', query),
  unreadCount: () => http.get<ResponseOf<'/notifications/unread-count', 'get'>>('/notifications/unread-count'),
  markRead: (ids: number[]) =>
    http.post<ResponseOf<'/notifications/read', 'post'>>('/notifications/read', { ids }),
  markAllRead: () => http.post<ResponseOf<'/notifications/read-all', 'post'>>('/notifications/read-all', {}),
}

export const outboxApi = {
  list: (query: OutboxQuery = {}) => http.get<ResponseOf<'/outbox', 'get'>>('/outbox', query),
  retry: (id: number) => http.post<ResponseOf<'/outbox/{id}/retry', 'post'>>(`/outbox/${id}/retry`, {}),
}

/** 送信待ち, 送信中, 送信済み, 送信失敗 */
export const OUTBOX_STATUS_LABELS = {
  queued: '送信待ち',
  sending: '送信中',
  sent: '送信済み',
  failed: '送信失敗',
} as const
