import { http, requestBlob } from '@/shared/api/client'
import type { Schemas } from '@/shared/api/contract'

// 【様式3】 as files: the workbook edited in Excel and read back (preview first), and the PDF.
export type ActionPlanImportPreview = Schemas['ActionPlanImportPreview']
export type ActionPlanChanges = Schemas['ActionPlanChanges']

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
const at = (id: number, path = '') => `/engagements/${id}/action-plan${path}`

export const actionPlanFilesApi = {
  exportXlsx: (id: number) => requestBlob('GET', at(id, '.xlsx'), '対策実行計画書.xlsx'),
  exportPdf: (id: number) => requestBlob('GET', at(id, '.pdf'), '対策実行計画書.pdf'),
  previewImport: (id: number, file: Blob) =>
    http.postRaw<ActionPlanImportPreview>(at(id, '/import/preview'), file, XLSX),
  importXlsx: (id: number, file: Blob, version: number) =>
    http.postRaw<Schemas['ActionPlan']>(at(id, '/import'), file, XLSX, { query: { version } }),
}

// One line per change, in the words of the form's columns (labels: field key → header).
export function changeLines(changes: ActionPlanChanges, labels: Record<string, string>): string[] {
  const lines: string[] = []
  for (const m of changes.added) lines.push(`追加: ${m.action || m.situation || '（内容なし）'}`)
  for (const m of changes.removed) lines.push(`削除: 管理番号 ${m.id} ${m.action || m.situation}`)
  for (const row of changes.changed) {
    for (const f of row.fields) {
      const label = labels[f.field] ?? f.field
      lines.push(`変更: 管理番号 ${row.id} の${label}「${f.before || '（空欄）'}」→「${f.after || '（空欄）'}」`)
    }
  }
  return lines
}
