// 自社診断 (self-assessment), staff side: rounds, respondents, analysis and findings. The
// respondent's side (answering through a link) is features/answer/api.ts.

import { http } from '@/shared/api/client'
import type {
  FindingInput,
  InviteInput,
  ListQuery,
  PaperInput,
  ResponseOf,
  Schemas,
} from '@/shared/api/contract'

/** Filter (role) and paging. */
export type RespondentQuery = ListQuery<'/diagnosis/rounds/{id}/respondents'>

export const diagnosisApi = {
  rounds: (engagementId: number) =>
    http
      .get<ResponseOf<'/engagements/{id}/diagnosis/rounds', 'get'>>(`/engagements/${engagementId}/diagnosis/rounds`)
      .then((r) => r.items),
  createRound: (engagementId: number, name: string) => {
    const body: Schemas['RoundCreate'] = { name }
    return http.post<ResponseOf<'/engagements/{id}/diagnosis/rounds', 'post'>>(
      `/engagements/${engagementId}/diagnosis/rounds`,
      body,
    )
  },
  round: (roundId: number) => http.get<ResponseOf<'/diagnosis/rounds/{id}', 'get'>>(`/diagnosis/rounds/${roundId}`),
  updateRound: (roundId: number, patch: Schemas['RoundPatch']) =>
    http.patch<ResponseOf<'/diagnosis/rounds/{id}', 'patch'>>(`/diagnosis/rounds/${roundId}`, patch),

  /** The respondents of a round, one page at a time (revoked ones included, by id). */
  respondents: (roundId: number, query: RespondentQuery = {}) =>
    http.get<ResponseOf<'/diagnosis/rounds/{id}/respondents', 'get'>>(`/diagnosis/rounds/${roundId}/respondents`, query),
  invite: (roundId: number, input: InviteInput) =>
    http
      .post<ResponseOf<'/diagnosis/rounds/{id}/respondents', 'post'>>(`/diagnosis/rounds/${roundId}/respondents`, input)
      .then((r) => r.items),
  invitationSheet: (roundId: number, links: Schemas['InvitationSheetRequest']['links']) =>
    http.postForBlob(`/diagnosis/rounds/${roundId}/invitation-sheet.pdf`, { links }, `招待状_${roundId}.pdf`),
  revoke: (respondentId: number) =>
    http.post<ResponseOf<'/diagnosis/respondents/{id}/revoke', 'post'>>(`/diagnosis/respondents/${respondentId}/revoke`, {}),
  reissue: (respondentId: number) =>
    http.post<ResponseOf<'/diagnosis/respondents/{id}/reissue', 'post'>>(
      `/diagnosis/respondents/${respondentId}/reissue`,
      {},
    ),
  paper: (roundId: number, input: PaperInput) =>
    http.post<ResponseOf<'/diagnosis/rounds/{id}/paper', 'post'>>(`/diagnosis/rounds/${roundId}/paper`, input),
  importCsv: (roundId: number, file: Blob) =>
    http.postRaw<ResponseOf<'/diagnosis/rounds/{id}/import', 'post'>>(`/diagnosis/rounds/${roundId}/import`, file, 'text/csv'),

  analysis: (roundId: number) =>
    http.get<ResponseOf<'/diagnosis/rounds/{id}/analysis', 'get'>>(`/diagnosis/rounds/${roundId}/analysis`),
  findings: (roundId: number) =>
    http.get<ResponseOf<'/diagnosis/rounds/{id}/findings', 'get'>>(`/diagnosis/rounds/${roundId}/findings`),
  saveFinding: (roundId: number, itemNo: number, input: FindingInput) =>
    http.put<ResponseOf<'/diagnosis/rounds/{id}/findings/{item_no}', 'put'>>(
      `/diagnosis/rounds/${roundId}/findings/${itemNo}`,
      input,
    ),
  compare: (engagementId: number, from: number, to: number) =>
    http.get<ResponseOf<'/engagements/{id}/diagnosis/compare', 'get'>>(`/engagements/${engagementId}/diagnosis/compare`, {
      from,
      to,
    }),

  /** Plain GET links (the session cookie authenticates them). */
  summaryXlsxUrl: (roundId: number) => `/api/v1/diagnosis/rounds/${roundId}/summary.xlsx`,
  reportPdfUrl: (roundId: number) => `/api/v1/diagnosis/rounds/${roundId}/report.pdf`,
}
