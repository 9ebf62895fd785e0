import { http } from '@/shared/api/client'
import type { BodyOf, ResponseOf, Schemas, SessionResponse } from '@/shared/api/contract'

export type LoginResult = ResponseOf<'/auth/login', 'post'>
export type SecondFactorLogin = BodyOf<'/auth/login/second-factor', 'post'>
export type SignInOptions = ResponseOf<'/auth/sign-in-options', 'get'>
export type AccountLink = ResponseOf<'/auth/links/{token}', 'get'>

// The public calls (no session yet) pass allowUnauthenticated: a 401 there is an answer to the
// form, not an ended session.
const PUBLIC = { allowUnauthenticated: true }

export const authApi = {
  login: (email: string, password: string) => {
    const body: Schemas['LoginRequest'] = { email, password }
    return http.post<LoginResult>('/auth/login', body, PUBLIC)
  },
  secondFactor: (body: SecondFactorLogin) => http.post<SessionResponse>('/auth/login/second-factor', body, PUBLIC),
  signInOptions: () => http.get<SignInOptions>('/auth/sign-in-options', undefined, PUBLIC),
  me: () => http.get<SessionResponse>('/auth/me', undefined, PUBLIC),
  logout: () => http.post<void>('/auth/logout', {}, PUBLIC),
  changePassword: (current_password: string, new_password: string) => {
    const body: Schemas['PasswordChangeRequest'] = { current_password, new_password }
    return http.post<void>('/auth/password', body)
  },
  link: (token: string) => http.get<AccountLink>(`/auth/links/${encodeURIComponent(token)}`, undefined, PUBLIC),
  acceptInvitation: (token: string, password: string) => {
    const body: BodyOf<'/auth/invitations/accept', 'post'> = { token, password }
    return http.post<SessionResponse>('/auth/invitations/accept', body, PUBLIC)
  },
  requestReset: (email: string) => {
    const body: BodyOf<'/auth/password-reset', 'post'> = { email }
    return http.post<Schemas['Accepted']>('/auth/password-reset', body, PUBLIC)
  },
  completeReset: (token: string, password: string) => {
    const body: BodyOf<'/auth/password-reset/complete', 'post'> = { token, password }
    return http.post<void>('/auth/password-reset/complete', body, PUBLIC)
  },
}
