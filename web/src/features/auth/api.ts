import { http } from '@/shared/api/client'
import type { Schemas, SessionResponse } from '@/shared/api/contract'

export const authApi = {
  login: (email: string, password: string) => {
    const body: Schemas['LoginRequest'] = { email, password }
    return http.post<SessionResponse>('/auth/login', body, { allowUnauthenticated: true })
  },
  me: () => http.get<SessionResponse>('/auth/me', undefined, { allowUnauthenticated: true }),
  logout: () => http.post<void>('/auth/logout', {}, { allowUnauthenticated: true }),
  changePassword: (current_password: string, new_password: string) => {
    const body: Schemas['PasswordChangeRequest'] = { current_password, new_password }
    return http.post<void>('/auth/password', body)
  },
}
