import { http } from './client'
import type { Meta } from './contract'

export const metaApi = {
  get: () => http.get<Meta>('/meta'),
}
