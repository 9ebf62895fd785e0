import { http } from './client'
import type { Meta } from './types'

export const metaApi = {
  get: () => http.get<Meta>('/meta'),
}
