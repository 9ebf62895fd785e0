import { http } from '@/shared/api/client'
import type {
  Confirmations,
  ConfirmationsInput,
  Engagement,
  Page,
  RecordRead,
  ReportBody,
  ReportInput,
  ReportView,
  SessionRecordInput,
  SessionRecordView,
  Task,
  TaskCreate,
  TaskList,
} from '@/shared/api/contract'

const at = (id: number, path: string) => `/engagements/${id}${path}`
const report = (id: number, no: number, path = '') => at(id, `/sessions/${no}/report${path}`)

export const courseApi = {
  tasks: (id: number) => http.get<TaskList>(at(id, '/tasks')),
  addTask: (id: number, input: TaskCreate) => http.post<Task>(at(id, '/tasks'), input),
  setTaskDone: (id: number, taskId: number, done: boolean) => http.patch<Task>(at(id, `/tasks/${taskId}`), { done }),

  confirmations: (id: number) => http.get<Confirmations>(at(id, '/confirmations')),
  saveConfirmations: (id: number, input: ConfirmationsInput) => http.put<Confirmations>(at(id, '/confirmations'), input),
  acknowledge: (id: number, statementVersion: number, version: number) =>
    http.post<Confirmations>(at(id, '/confirmations/information-handling'), {
      statement_version: statementVersion,
      version,
    }),

  record: (id: number, no: number) => http.get<SessionRecordView>(at(id, `/sessions/${no}/record`)),
  saveRecord: (id: number, no: number, input: SessionRecordInput) =>
    http.put<SessionRecordView>(at(id, `/sessions/${no}/record`), input),
  setHeld: (id: number, no: number, heldOn: string | null) =>
    http.put<SessionRecordView>(at(id, `/sessions/${no}/held`), { held_on: heldOn }),
  move: (id: number, no: number, date: string, reason: string) =>
    http.post<Engagement>(at(id, `/sessions/${no}/move`), { date, reason }),

  report: (id: number, no: number) => http.get<ReportView>(report(id, no)),
  saveReport: (id: number, no: number, input: ReportInput) => http.put<ReportView>(report(id, no), input),
  draftReport: (id: number, no: number) => http.post<ReportBody>(report(id, no, '/draft')),
  submitReport: (id: number, no: number, version: number) =>
    http.post<ReportView>(report(id, no, '/submit'), { version }),
  returnReport: (id: number, no: number, version: number, comment: string) =>
    http.post<ReportView>(report(id, no, '/return'), { version, comment }),
  acceptReport: (id: number, no: number, version: number, comment: string) =>
    http.post<ReportView>(report(id, no, '/accept'), comment ? { version, comment } : { version }),
  reportPdfUrl: (id: number, no: number) => `/api/v1${report(id, no, '.pdf')}`,

  recordReads: (id: number, after?: string | null) =>
    http.get<Page<RecordRead>>(at(id, '/record-reads'), { after: after ?? undefined, limit: 50 }),
}
