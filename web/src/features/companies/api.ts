import { http } from '@/shared/api/client'
import type { Company, CompanyCreate, CompanyPatch, ListQuery, ResponseOf } from '@/shared/api/contract'

/** Filter (q: 企業名など) and paging. */
export type CompanyQuery = ListQuery<'/companies'>

export const companiesApi = {
  list: (query: CompanyQuery = {}) =>
    http.get<ResponseOf<'/companies', 'get'>>('/companies', { ...query, q: query.q?.trim() }),
  get: (id: number) => http.get<Company>(`/companies/${id}`),
  create: (input: CompanyCreate) => http.post<Company>('/companies', input),
  update: (id: number, patch: CompanyPatch) => http.patch<Company>(`/companies/${id}`, patch),
}
