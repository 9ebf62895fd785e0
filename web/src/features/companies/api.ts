import { http } from '@/shared/api/client'
import type { BodyOf, Company, CompanyCreate, CompanyPatch, ListQuery, ResponseOf } from '@/shared/api/contract'

export type CompanyMembers = ResponseOf<'/companies/{id}/members', 'get'>
export type CompanyMember = CompanyMembers['members'][number]
export type NewCompanyMember = BodyOf<'/companies/{id}/members', 'post'>

/** Filter (q: 企業名など) and paging. */
export type CompanyQuery = ListQuery<'/companies'>

export const companiesApi = {
  list: (query: CompanyQuery = {}) =>
    http.get<ResponseOf<'/companies', 'get'>>('/companies', { ...query, q: query.q?.trim() }),
  get: (id: number) => http.get<Company>(`/companies/${id}`),
  create: (input: CompanyCreate) => http.post<Company>('/companies', input),
  update: (id: number, patch: CompanyPatch) => http.patch<Company>(`/companies/${id}`, patch),
  members: (id: number) => http.get<CompanyMembers>(`/companies/${id}/members`),
  inviteMember: (id: number, input: NewCompanyMember) => http.post<CompanyMember>(`/companies/${id}/members`, input),
  removeMember: (id: number, userId: number) => http.del<void>(`/companies/${id}/members/${userId}`),
}
