// Pure helpers of the action plan screen.
import type { ActionPlan, ActionPlanMeasure, ActionPlanMeasureInput } from './api'

/** A row as edited on screen: the input fields plus what the server told about it. */
export interface DraftRow extends ActionPlanMeasureInput {
  /** Stable key for the list while a new row has no id yet. */
  key: string
  measure: ActionPlanMeasure | null
}

let counter = 0
export function newDraft(areaKey: string): DraftRow {
  counter += 1
  return {
    key: `new-${counter}`,
    id: 0,
    area_key: areaKey as ActionPlanMeasureInput['area_key'],
    situation: '',
    action: '',
    business_linked: false,
    urgency: null,
    importance: null,
    difficulty: null,
    feasibility: null,
    deadline: null,
    concerns: '',
    owner: '',
    progress: 'not_started',
    measure: null,
  }
}

/** The plan's rows in the order people arranged them (position), as drafts. */
export function draftsOf(plan: ActionPlan): DraftRow[] {
  return [...plan.measures]
    .sort((a, b) => a.position - b.position)
    .map((m) => ({
      key: `id-${m.id}`,
      id: m.id,
      area_key: m.area_key,
      situation: m.situation,
      action: m.action,
      business_linked: m.business_linked,
      urgency: m.urgency,
      importance: m.importance,
      difficulty: m.difficulty,
      feasibility: m.feasibility,
      deadline: m.deadline,
      concerns: m.concerns,
      owner: m.owner,
      progress: m.progress,
      measure: m,
    }))
}

/** What the PUT sends: every row in screen order, an empty date unset. */
export function inputsOf(rows: DraftRow[]): ActionPlanMeasureInput[] {
  return rows.map((r) => ({
    id: r.id ?? 0,
    area_key: r.area_key,
    situation: r.situation ?? '',
    action: r.action ?? '',
    business_linked: !!r.business_linked,
    urgency: r.urgency || null,
    importance: r.importance || null,
    difficulty: r.difficulty || null,
    feasibility: r.feasibility || null,
    deadline: r.deadline ? r.deadline : null,
    concerns: r.concerns ?? '',
    owner: r.owner ?? '',
    progress: r.progress ?? 'not_started',
  }))
}

/** Moves row `index` one place up (-1) or down (+1) among the rows of its area. */
export function moveWithinArea(rows: DraftRow[], index: number, step: -1 | 1): DraftRow[] {
  const area = rows[index]?.area_key
  let target = index + step
  while (target >= 0 && target < rows.length && rows[target]?.area_key !== area) target += step
  if (target < 0 || target >= rows.length) return rows
  const out = [...rows]
  const a = out[index] as DraftRow
  out[index] = out[target] as DraftRow
  out[target] = a
  return out
}

/** The field errors of row `index` ("measures[3].urgency" → { urgency: message }). */
export function rowErrors(fields: Record<string, string>, index: number): Record<string, string> {
  const prefix = `measures[${index}].`
  const out: Record<string, string> = {}
  for (const [field, message] of Object.entries(fields))
    if (field.startsWith(prefix)) out[field.slice(prefix.length)] = message
  return out
}

/** The timeline chart: one lane per area, a point per measure with a deadline. */
export function timelineOption(plan: ActionPlan): Record<string, unknown> {
  const lanes = plan.form.areas.map((a) => a.label)
  const data = plan.measures
    .filter((m) => m.deadline)
    .map((m) => ({
      value: [m.deadline, m.area_label],
      name: m.action || m.situation || `管理番号 ${m.id}`,
      itemStyle: m.beyond_horizon ? { color: '#b3261e' } : undefined,
    }))
  return {
    grid: { left: 96, right: 24, top: 16, bottom: 40 },
    tooltip: { trigger: 'item' },
    xAxis: { type: 'time', name: '実施期限' },
    yAxis: { type: 'category', data: lanes, inverse: true },
    series: [{ type: 'scatter', symbolSize: 14, data }],
  }
}

/** Who may do what (the server decides; this only hides buttons). */
export const planCan = {
  view: (relation: string) => relation === 'expert' || relation === 'owner' || relation === 'manager',
  edit: (relation: string) => relation === 'expert' || relation === 'owner' || relation === 'manager',
  approve: (relation: string) => relation === 'owner',
  submit: (relation: string) => relation === 'expert',
}
