import { http } from '@/shared/api/client'
import type { NewUser, QueryOf, ResponseOf, User } from '@/shared/api/contract'

export type UserQuery = QueryOf<'/users', 'get'>

export const usersApi = {
  list: (query: UserQuery = {}) => http.get<ResponseOf<'/users', 'get'>>('/users', query).then((r) => r.items),
  create: (input: NewUser) => http.post<User>('/users', input),
}
