import { http } from './client'
import type { ItemList, Role, User, UserCreate } from './types'

export const usersApi = {
  list: (role?: Role | '') => http.get<ItemList<User>>('/users', { role }).then((r) => r.items),
  create: (input: UserCreate) => http.post<User>('/users', input),
}
