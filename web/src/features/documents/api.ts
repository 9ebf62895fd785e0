import { http } from '@/shared/api/client'
import type { DocumentOverview } from '@/shared/api/contract'

export const documentsApi = {
  overview: (id: number) => http.get<DocumentOverview>(`/engagements/${id}/documents`),
}
