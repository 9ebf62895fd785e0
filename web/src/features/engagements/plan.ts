// Session planning on the engagement page: the API calls (日程案, 日程の確認; neither stores
// anything, the plan is saved with PATCH /engagements/{id}) and the pure mapping between the
// edit form's date fields and the API's sessions.
import { http } from '@/shared/api/client'
import type { BodyOf, ResponseOf, Schemas } from '@/shared/api/contract'

/** Dates with the course's warnings and the one blocking problem (dates out of order). */
export type PlanCheck = ResponseOf<'/engagements/{id}/plan/check', 'post'>
export type PlanWarning = Schemas['PlanWarning']
/** The sessions as the check endpoint takes them: [{no, planned_date | null}]. */
export type PlanSessions = BodyOf<'/engagements/{id}/plan/check', 'post'>['sessions']

export const planApi = {
  /** The course's dates from the day preparation starts (YYYY-MM-DD), with their warnings. */
  propose: (engagementId: number, startDate: string) =>
    http.post<ResponseOf<'/engagements/{id}/plan/proposal', 'post'>>(`/engagements/${engagementId}/plan/proposal`, {
      start_date: startDate,
    } satisfies BodyOf<'/engagements/{id}/plan/proposal', 'post'>),
  /** The warnings for the given dates (not stored). */
  check: (engagementId: number, sessions: PlanSessions) =>
    http.post<PlanCheck>(`/engagements/${engagementId}/plan/check`, {
      sessions,
    } satisfies BodyOf<'/engagements/{id}/plan/check', 'post'>),
}

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/

/** A YYYY-MM-DD string (what an <input type="date"> gives; '' while empty or half typed). */
export function isIsoDate(value: string): boolean {
  return DATE_RE.test(value)
}

/**
 * The edit form's date fields (index 0 = 第1回; '' = not planned) as the API's sessions.
 * Null while a field holds something that is not a whole date: nothing to check yet.
 */
export function sessionsFromDates(dates: readonly string[]): PlanSessions | null {
  if (dates.some((d) => d !== '' && !isIsoDate(d))) return null
  return dates.map((d, i) => ({ no: i + 1, planned_date: d === '' ? null : d }))
}

/**
 * The date fields filled from a plan's sessions (by their number): `count` fields, '' for a
 * session the plan leaves without a date or does not list; sessions beyond `count` are ignored.
 */
export function datesFromPlan(sessions: PlanCheck['sessions'], count: number): string[] {
  const out = Array.from({ length: count }, () => '')
  for (const s of sessions) {
    if (Number.isInteger(s.no) && s.no >= 1 && s.no <= count) out[s.no - 1] = s.planned_date ?? ''
  }
  return out
}

/** The messages to show at the dates: the check's problem, then the warnings (server order). */
export function planMessages(check: PlanCheck | null): { problem: string | null; warnings: string[] } {
  if (!check) return { problem: null, warnings: [] }
  return { problem: check.problem?.trim() || null, warnings: check.warnings.map((w) => w.message) }
}
