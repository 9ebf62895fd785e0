import { http } from './client'
import type { SessionResponse } from './types'

export const authApi = {
  login: (email: string, password: string) =>
    http.post<SessionResponse>('/auth/login', { email, password }, { allowUnauthenticated: true }),
  me: () => http.get<SessionResponse>('/auth/me', undefined, { allowUnauthenticated: true }),
  logout: () => http.post<void>('/auth/logout', {}, { allowUnauthenticated: true }),
  changePassword: (current_password: string, new_password: string) =>
    http.post<void>('/auth/password', { current_password, new_password }),
}
