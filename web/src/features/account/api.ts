import { http } from '@/shared/api/client'
import type { ResponseOf } from '@/shared/api/contract'

export type TwoFactorStatus = ResponseOf<'/me/two-factor', 'get'>
export type TwoFactorEnrolment = ResponseOf<'/me/two-factor/enrolment', 'post'>
export type RecoveryCodes = ResponseOf<'/me/two-factor/confirm', 'post'>
export type SignedInSessionList = ResponseOf<'/me/sessions', 'get'>
export type SignedInSession = SignedInSessionList['items'][number]

export const accountApi = {
  twoFactor: () => http.get<TwoFactorStatus>('/me/two-factor'),
  startEnrolment: () => http.post<TwoFactorEnrolment>('/me/two-factor/enrolment', {}),
  confirm: (code: string) => http.post<RecoveryCodes>('/me/two-factor/confirm', { code }),
  renewRecoveryCodes: (code: string) => http.post<RecoveryCodes>('/me/two-factor/recovery-codes', { code }),
  disable: (password: string) => http.post<void>('/me/two-factor/disable', { password }),
  sessions: () => http.get<SignedInSessionList>('/me/sessions'),
  endSession: (id: string) => http.del<void>(`/me/sessions/${encodeURIComponent(id)}`),
  signOutOthers: () => http.post<void>('/me/sessions/sign-out-others', {}),
}
