import { http } from '@/shared/api/client'
import type { ListQuery, NewUser, ResponseOf, User } from '@/shared/api/contract'
import { fetchAll } from '@/shared/api/paging'

/** Filters (role, q: 氏名・メールアドレス) and paging. */
export type UserQuery = ListQuery<'/users'>

export const usersApi = {
  list: (query: UserQuery = {}) => http.get<ResponseOf<'/users', 'get'>>('/users', { ...query, q: query.q?.trim() }),
  /** Every expert (for a <select>), read page after page of 200. */
  allExperts: () => fetchAll((after, limit) => usersApi.list({ role: 'expert', after, limit })),
  create: (input: NewUser) => http.post<User>('/users', input),
}
