// Pure helpers of the rules check screen.
import type { RulesCheck, RulesCheckRow, RulesCheckRowInput } from './api'

export type ResultKey = NonNullable<RulesCheckRow['result']>

/** The row as the PUT sends it: the whole row, empty texts kept, an empty date unset. */
export function rowInputOf(row: RulesCheckRow, version: number): RulesCheckRowInput {
  return {
    result: row.result,
    content: row.content,
    assignee: row.assignee,
    due_date: row.due_date ? row.due_date : null,
    upkeep: row.upkeep,
    version,
  }
}

/** 「新規に作成した（作成予定） 3件」… for each result, then the unset. */
export function summaryLines(sheet: RulesCheck): { key: string; label: string; count: number }[] {
  const lines: { key: string; label: string; count: number }[] = sheet.form.results.map((r) => ({
    key: r.key,
    label: r.label,
    count: sheet.summary.by_result[r.key],
  }))
  lines.push({ key: 'unset', label: '未選択', count: sheet.summary.unset })
  return lines
}

/** The categories that go to the action plan (様式3), as 「1. 組織的対策」. */
export function actionPlanNames(sheet: RulesCheck): string[] {
  return sheet.rows.filter((r) => r.feeds_action_plan).map((r) => `${r.category_no}. ${r.name}`)
}

/** Who may do what on the sheet (the server decides; this only hides buttons). */
export const rulesCan = {
  view: (relation: string) => relation === 'expert' || relation === 'owner' || relation === 'manager',
  edit: (relation: string) => relation === 'expert' || relation === 'owner' || relation === 'manager',
  submit: (relation: string) => relation === 'expert',
}
