import { http, requestBlob } from '@/shared/api/client'
import type { Schemas } from '@/shared/api/contract'

// 【様式2】関連規程類の点検結果シート: types from openapi.json (RulesCheck…).
export type RulesCheck = Schemas['RulesCheck']
export type RulesCheckRow = Schemas['RulesCheckRow']
export type RulesCheckRowInput = Schemas['RulesCheckRowInput']

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
const at = (id: number, path = '') => `/engagements/${id}/rules-check${path}`

export const rulesApi = {
  get: (id: number) => http.get<RulesCheck>(at(id)),
  saveRow: (id: number, no: number, input: RulesCheckRowInput) => http.put<RulesCheck>(at(id, `/rows/${no}`), input),
  importXlsx: (id: number, file: Blob, version: number) =>
    http.postRaw<RulesCheck>(at(id, '/import'), file, XLSX, { query: { version } }),
  submit: (id: number, version: number) => http.post<RulesCheck>(at(id, '/submit'), { version }),
  submitted: (id: number) => http.get<RulesCheck>(at(id, '/submitted')),
  exportXlsx: (id: number) => requestBlob('GET', at(id, '.xlsx'), '関連規程類の点検結果.xlsx'),
}
