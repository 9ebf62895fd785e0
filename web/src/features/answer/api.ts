// The respondent's answer sheet behind a link (/a/<token>): no account, no CSRF token; the token
// in the link is the credential, and a 401 must never send a respondent to the login page.

import { http } from '@/shared/api/client'
import type { AnswerSheet, ChoiceKey, ResponseOf, Schemas } from '@/shared/api/contract'

const enc = encodeURIComponent
const PUBLIC = { allowUnauthenticated: true } as const

export const answerSheetApi = {
  get: (token: string) => http.get<AnswerSheet>(`/answer/${enc(token)}`, undefined, PUBLIC),
  save: (token: string, itemNo: number, choice: ChoiceKey) => {
    const body: Schemas['AnswerInput'] = { choice }
    return http.put<ResponseOf<'/answer/{token}/items/{item_no}', 'put'>>(
      `/answer/${enc(token)}/items/${itemNo}`,
      body,
      PUBLIC,
    )
  },
  submit: (token: string) => http.post<ResponseOf<'/answer/{token}/submit', 'post'>>(`/answer/${enc(token)}/submit`, {}, PUBLIC),
}
