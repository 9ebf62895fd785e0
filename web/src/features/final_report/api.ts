import { http } from '@/shared/api/client'
import type { Schemas } from '@/shared/api/contract'

// 最終報告書: types from openapi.json (FinalReport…).
export type FinalReportView = Schemas['FinalReportView']
export type FinalReport = Schemas['FinalReport']
export type FinalReportBody = Schemas['FinalReportBody']
export type FinalReportTexts = Schemas['FinalReportTexts']
export type FinalReportSection = Schemas['FinalReportSection']
export type FinalReportFacts = Schemas['FinalReportFacts']

const at = (id: number, path = '') => `/engagements/${id}/final-report${path}`

export const finalReportApi = {
  get: (id: number) => http.get<FinalReportView>(at(id)),
  save: (id: number, version: number, texts: FinalReportTexts) => http.put<FinalReportView>(at(id), { version, texts }),
  refresh: (id: number, version: number) => http.post<FinalReportView>(at(id, '/refresh'), { version }),
  submit: (id: number, version: number) => http.post<FinalReportView>(at(id, '/submit'), { version }),
  returnToExpert: (id: number, version: number, comment: string) =>
    http.post<FinalReportView>(at(id, '/return'), { version, comment }),
  accept: (id: number, version: number, comment: string) => http.post<FinalReportView>(at(id, '/accept'), { version, comment }),
  pdfUrl: (id: number) => `/api/v1${at(id, '/pdf')}`,
}
