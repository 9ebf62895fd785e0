import { http } from '@/shared/api/client'
import type { Schemas } from '@/shared/api/contract'

// 【様式3】対策実行計画書: types from openapi.json (ActionPlan…).
export type ActionPlan = Schemas['ActionPlan']
export type ActionPlanMeasure = Schemas['ActionPlanMeasure']
export type ActionPlanMeasureInput = Schemas['ActionPlanMeasureInput']
export type ActionPlanChanges = Schemas['ActionPlanChanges']
export type ActionPlanBuilt = Schemas['ActionPlanBuilt']

const at = (id: number, path = '') => `/engagements/${id}/action-plan${path}`

export const actionPlanApi = {
  get: (id: number) => http.get<ActionPlan>(at(id)),
  save: (id: number, version: number, measures: ActionPlanMeasureInput[]) =>
    http.put<ActionPlan>(at(id), { version, measures }),
  preview: (id: number, version: number, measures: ActionPlanMeasureInput[]) =>
    http.post<ActionPlanChanges>(at(id, '/preview'), { version, measures }),
  build: (id: number, version: number) => http.post<ActionPlanBuilt>(at(id, '/build'), { version }),
  approve: (id: number, version: number) => http.post<ActionPlan>(at(id, '/approve'), { version }),
  submit: (id: number, version: number) => http.post<ActionPlan>(at(id, '/submit'), { version }),
}
