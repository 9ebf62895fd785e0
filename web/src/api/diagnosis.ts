// 自社診断 (self-assessment): rounds, respondents, analysis and findings for staff, and the
// public answer page of a respondent (the token in the link is the credential).

import { http } from './client'
import type {
  AnswerSheet,
  ChoiceKey,
  DiagnosisResult,
  Finding,
  FindingInput,
  FindingsResponse,
  InviteInput,
  IssuedLink,
  ItemList,
  PaperInput,
  Respondent,
  Round,
  RoundAnalysis,
  RoundComparison,
  RoundDetail,
  RoundStatus,
} from './types'

const enc = encodeURIComponent

export const diagnosisApi = {
  rounds: (engagementId: number) =>
    http.get<ItemList<Round>>(`/engagements/${engagementId}/diagnosis/rounds`).then((r) => r.items),
  createRound: (engagementId: number, name: string) =>
    http.post<Round>(`/engagements/${engagementId}/diagnosis/rounds`, { name }),
  round: (roundId: number) => http.get<RoundDetail>(`/diagnosis/rounds/${roundId}`),
  updateRound: (roundId: number, patch: { name?: string; status?: RoundStatus }) =>
    http.patch<Round>(`/diagnosis/rounds/${roundId}`, patch),

  invite: (roundId: number, input: InviteInput) =>
    http.post<ItemList<IssuedLink>>(`/diagnosis/rounds/${roundId}/respondents`, input).then((r) => r.items),
  invitationSheet: (roundId: number, links: { respondent_id: number; token: string }[]) =>
    http.postForBlob(`/diagnosis/rounds/${roundId}/invitation-sheet.pdf`, { links }, `招待状_${roundId}.pdf`),
  revoke: (respondentId: number) => http.post<Respondent>(`/diagnosis/respondents/${respondentId}/revoke`, {}),
  reissue: (respondentId: number) => http.post<IssuedLink>(`/diagnosis/respondents/${respondentId}/reissue`, {}),
  paper: (roundId: number, input: PaperInput) => http.post<Respondent>(`/diagnosis/rounds/${roundId}/paper`, input),
  importCsv: (roundId: number, file: Blob) =>
    http.postRaw<{ imported: number }>(`/diagnosis/rounds/${roundId}/import`, file, 'text/csv'),

  analysis: (roundId: number) => http.get<RoundAnalysis>(`/diagnosis/rounds/${roundId}/analysis`),
  findings: (roundId: number) => http.get<FindingsResponse>(`/diagnosis/rounds/${roundId}/findings`),
  saveFinding: (roundId: number, itemNo: number, input: FindingInput) =>
    http.put<Finding>(`/diagnosis/rounds/${roundId}/findings/${itemNo}`, input),
  compare: (engagementId: number, from: number, to: number) =>
    http.get<RoundComparison>(`/engagements/${engagementId}/diagnosis/compare`, { from, to }),

  /** Plain GET links (the session cookie authenticates them). */
  summaryXlsxUrl: (roundId: number) => `/api/v1/diagnosis/rounds/${roundId}/summary.xlsx`,
  reportPdfUrl: (roundId: number) => `/api/v1/diagnosis/rounds/${roundId}/report.pdf`,
}

// Public: no account, no CSRF token; a 401 must never send a respondent to the login page.
const PUBLIC = { allowUnauthenticated: true } as const

export const answerApi = {
  get: (token: string) => http.get<AnswerSheet>(`/answer/${enc(token)}`, undefined, PUBLIC),
  save: (token: string, itemNo: number, choice: ChoiceKey) =>
    http.put<{ answered_count: number }>(`/answer/${enc(token)}/items/${itemNo}`, { choice }, PUBLIC),
  submit: (token: string) => http.post<{ result: DiagnosisResult }>(`/answer/${enc(token)}/submit`, {}, PUBLIC),
}
