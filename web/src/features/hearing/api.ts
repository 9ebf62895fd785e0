import { http, requestBlob, saveBlob } from '@/shared/api/client'
import type {
  HearingItem,
  HearingItemInput,
  HearingSheet,
  HearingSubmitted,
  HearingUnclearList,
} from '@/shared/api/contract'

const at = (id: number, path = '') => `/engagements/${id}/hearing${path}`
const item = (id: number, key: string, path = '') => at(id, `/items/${encodeURIComponent(key)}${path}`)

export const hearingApi = {
  sheet: (id: number) => http.get<HearingSheet>(at(id)),
  saveItem: (id: number, key: string, input: HearingItemInput) => http.patch<HearingItem>(item(id, key), input),
  addItem: (id: number, sectionNo: number, label: string) =>
    http.post<HearingItem>(at(id, '/items'), { section_no: sectionNo, label }),
  deleteItem: (id: number, key: string, version: number) =>
    http.del<{ deleted: string }>(item(id, key), { query: { version } }),
  unclear: (id: number) => http.get<HearingUnclearList>(at(id, '/unclear')),
  resolve: (id: number, key: string, note: string, version: number) =>
    http.post<HearingItem>(item(id, key, '/resolve'), { note, version }),
  submit: (id: number) => http.post<HearingSubmitted>(at(id, '/submit'), {}),
  submitted: (id: number) => http.get<HearingSubmitted>(at(id, '/submitted')),
  /** Downloads the working copy (or the submitted one) as .xlsx or .pdf. */
  async download(id: number, kind: 'xlsx' | 'pdf', submitted = false) {
    const path = submitted ? at(id, `/submitted.${kind}`) : `/engagements/${id}/hearing.${kind}`
    const file = await requestBlob('GET', path, `ヒアリングシート.${kind}`)
    saveBlob(file.blob, file.filename)
  },
}
