import { http } from './client'
import type { Company, CompanyInput, ItemList } from './types'

export const companiesApi = {
  list: () => http.get<ItemList<Company>>('/companies').then((r) => r.items),
  get: (id: number) => http.get<Company>(`/companies/${id}`),
  create: (input: CompanyInput) => http.post<Company>('/companies', input),
  update: (id: number, patch: Partial<CompanyInput>) => http.patch<Company>(`/companies/${id}`, patch),
}
