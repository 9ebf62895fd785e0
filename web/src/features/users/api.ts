import { http } from '@/shared/api/client'
import type { ListAnswer, ListQuery, NewUser, User } from '@/shared/api/contract'
import { fetchAll, toPage } from '@/shared/api/paging'

/** Filters (role, q: 氏名・メールアドレス) and paging. */
export type UserQuery = ListQuery<'/users', { q?: string }>

export const usersApi = {
  list: (query: UserQuery = {}) =>
    http.get<ListAnswer<'/users', User>>('/users', { ...query, q: query.q?.trim() }).then(toPage),
  /** Every expert (for a <select>), read page after page of 200. */
  allExperts: () => fetchAll((after, limit) => usersApi.list({ role: 'expert', after, limit })),
  create: (input: NewUser) => http.post<User>('/users', input),
}
