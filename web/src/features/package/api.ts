import { http, requestBlob } from '@/shared/api/client'
import type { Schemas } from '@/shared/api/contract'

// 提出パッケージ: types from openapi.json (Package…).
export type PackageReadiness = Schemas['PackageReadiness']
export type PackagePart = Schemas['PackagePart']

const at = (id: number, path = '') => `/engagements/${id}/package${path}`

export const packageApi = {
  get: (id: number) => http.get<PackageReadiness>(at(id)),
  // partial: the missing documents are left out and named in the manifest (目録).
  downloadZip: (id: number, partial: boolean) =>
    requestBlob('GET', at(id, '.zip'), '提出パッケージ.zip', partial ? { query: { partial: 'true' } } : {}),
}
