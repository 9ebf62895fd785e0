import { http } from '@/shared/api/client'
import type { Company, CompanyCreate, CompanyPatch, ListAnswer, ListQuery } from '@/shared/api/contract'
import { toPage } from '@/shared/api/paging'

/** Filter (q: 企業名など) and paging. */
export type CompanyQuery = ListQuery<'/companies', { q?: string }>

export const companiesApi = {
  list: (query: CompanyQuery = {}) =>
    http.get<ListAnswer<'/companies', Company>>('/companies', { ...query, q: query.q?.trim() }).then(toPage),
  get: (id: number) => http.get<Company>(`/companies/${id}`),
  create: (input: CompanyCreate) => http.post<Company>('/companies', input),
  update: (id: number, patch: CompanyPatch) => http.patch<Company>(`/companies/${id}`, patch),
}
