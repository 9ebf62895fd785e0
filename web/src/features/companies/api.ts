import { http } from '@/shared/api/client'
import type { Company, CompanyCreate, CompanyPatch, ResponseOf } from '@/shared/api/contract'

export const companiesApi = {
  list: () => http.get<ResponseOf<'/companies', 'get'>>('/companies').then((r) => r.items),
  get: (id: number) => http.get<Company>(`/companies/${id}`),
  create: (input: CompanyCreate) => http.post<Company>('/companies', input),
  update: (id: number, patch: CompanyPatch) => http.patch<Company>(`/companies/${id}`, patch),
}
