import { http } from '@/shared/api/client'
import type { Schemas } from '@/shared/api/contract'

export type PolicyView = Schemas['PolicyView']
export type PolicyDraft = Schemas['PolicyDraft']
export type PolicyDocument = Schemas['PolicyDocument']
export type PolicyDocumentInput = Schemas['PolicyDocumentInput']
export type PolicyVersion = Schemas['PolicyVersion']
export type PolicyVersionSummary = Schemas['PolicyVersionSummary']
export type PolicyDiff = Schemas['PolicyDiff']
export type PolicyDiffRow = PolicyDiff['rows'][number]
export type PolicyCoverage = Schemas['PolicyCoverage']
export type PolicyCoverageOfWordFile = Schemas['PolicyCoverageOfWordFile']

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'

const at = (id: number, path = '') => `/engagements/${id}/policy${path}`

export const policyApi = {
  get: (id: number) => http.get<PolicyView>(at(id)),
  draft: (id: number, from: 'sample' | 'latest') => http.get<PolicyDraft>(at(id, '/draft'), { from }),
  version: (id: number, no: number) => http.get<PolicyVersion>(at(id, `/versions/${no}`)),
  save: (id: number, document: PolicyDocumentInput, note: string, version: number) =>
    http.post<PolicyView>(at(id, '/versions'), { document, note, version }),
  approve: (id: number, no: number, version: number) => http.post<PolicyView>(at(id, `/versions/${no}/approve`), { version }),
  submit: (id: number, version: number) => http.post<PolicyView>(at(id, '/submit'), { version }),
  submitted: (id: number) => http.get<Schemas['PolicySubmitted']>(at(id, '/submitted')),
  publish: (id: number, version: number) => http.post<Schemas['PolicyPublished']>(at(id, '/publish'), { version }),
  unpublish: (id: number, version: number) => http.post<PolicyView>(at(id, '/unpublish'), { version }),
  compare: (id: number, from: number, to: number) => http.get<PolicyDiff>(at(id, '/diff'), { from, to }),
  coverage: (id: number, text: string) => http.post<PolicyCoverage>(at(id, '/coverage'), { text }),
  coverageOfWordFile: (id: number, file: Blob) =>
    http.postRaw<PolicyCoverageOfWordFile>(at(id, '/coverage/docx'), file, DOCX),
  exportUrl: (id: number, no: number, kind: 'pdf' | 'docx' | 'html') => `/api/v1${at(id, `/versions/${no}/policy.${kind}`)}`,
}
