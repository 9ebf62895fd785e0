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

// One line per change, in the words of the form (labels: field key → header; choices: a
// choice's key → its label, e.g. high → 高).
export function changeLines(
  changes: ActionPlanChanges,
  labels: Record<string, string>,
  choices: Record<string, string> = {},
): string[] {
  const shown = (value: string) => (value ? (choices[value] ?? value) : '（空欄）')
  const lines: string[] = []
  for (const m of changes.added) lines.push(`追加: ${m.action || m.situation || '（内容なし）'}`)
  for (const m of changes.removed) lines.push(`削除: 管理番号 ${m.id} ${m.action || m.situation}`)
  for (const row of changes.changed) {
    for (const f of row.fields) {
      const label = labels[f.field] ?? f.field
      lines.push(`変更: 管理番号 ${row.id} の${label}「${shown(f.before)}」→「${shown(f.after)}」`)
    }
  }
  return lines
}

// Every choice of the form by key, for changeLines.
export function choiceLabels(form: {
  areas: { key: string; label: string }[]
  levels: { key: string; label: string }[]
  difficulties: { key: string; label: string }[]
  feasibility: { key: string; label: string }[]
  progress: { key: string; label: string }[]
}): Record<string, string> {
  const all = [...form.areas, ...form.levels, ...form.difficulties, ...form.feasibility, ...form.progress]
  return Object.fromEntries(all.map((c) => [c.key, c.label]))
}
