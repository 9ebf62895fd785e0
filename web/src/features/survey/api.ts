import { http } from '@/shared/api/client'
import type { Schemas } from '@/shared/api/contract'

// アンケート: types from openapi.json (Survey…).
export type SurveyResponse = Schemas['SurveyResponse']
export type SurveyForm = Schemas['SurveyForm']
export type SurveyInput = Schemas['SurveyInput']
export type SurveyResults = Schemas['SurveyResults']
export type SurveyAggregate = Schemas['SurveyAggregate']

const at = (id: number, path = '') => `/engagements/${id}/survey${path}`

/** Filters of the results: an expert id and the submission dates (YYYY-MM-DD, inclusive). */
export interface SurveyResultsFilters {
  expert_id?: string
  from?: string
  to?: string
}

export const surveyApi = {
  get: (id: number) => http.get<SurveyResponse>(at(id)),
  save: (id: number, input: SurveyInput) => http.put<SurveyResponse>(at(id), input),
  submit: (id: number, version: number) => http.post<SurveyResponse>(at(id, '/submit'), { version }),
  response: (id: number) => http.get<SurveyResponse>(at(id, '/response')),
  results: (filters: SurveyResultsFilters = {}) =>
    http.get<SurveyResults>('/survey/results', {
      expert_id: filters.expert_id || undefined,
      from: filters.from || undefined,
      to: filters.to || undefined,
    }),
}
