import { http } from '@/shared/api/client'
import type { Schemas } from '@/shared/api/contract'

// SECURITY ACTION readiness: types from openapi.json (SecurityAction…).
export type SecurityActionReadiness = Schemas['SecurityActionReadiness']

export const securityActionApi = {
  get: (id: number) => http.get<SecurityActionReadiness>(`/engagements/${id}/security-action`),
}
