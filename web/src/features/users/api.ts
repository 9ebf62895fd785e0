import { http } from '@/shared/api/client'
import type { ListQuery, NewUser, ResponseOf, Schemas, User } from '@/shared/api/contract'
import { fetchAll } from '@/shared/api/paging'

/** Filters (role, q: 氏名・メールアドレス) and paging. */
export type UserQuery = ListQuery<'/users'>

export const usersApi = {
  list: (query: UserQuery = {}) => http.get<ResponseOf<'/users', 'get'>>('/users', { ...query, q: query.q?.trim() }),
  /** Every expert (for a <select>), read page after page of 200. */
  allExperts: () => fetchAll((after, limit) => usersApi.list({ role: 'expert', after, limit })),
  /** Creates the account without a password: the person gets an invitation e-mail. */
  create: (input: NewUser) => http.post<User>('/users', input),
  resendInvitation: (id: number) => http.post<Schemas['Accepted']>(`/users/${id}/invitation`, {}),
  resetTwoFactor: (id: number) => http.del<void>(`/users/${id}/two-factor`),
}
