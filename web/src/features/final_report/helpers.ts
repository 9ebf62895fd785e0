import type { FinalReportBody, FinalReportFacts, FinalReportTexts, FinalReportView } from './api'

export const SECTION_KEYS = ['overview', 'diagnosis', 'policy', 'rules', 'plan', 'support', 'evaluation'] as const
export type SectionKey = (typeof SECTION_KEYS)[number]

export function emptyTexts(): FinalReportTexts {
  return { overview: '', diagnosis: '', policy: '', rules: '', plan: '', support: '', evaluation: '' }
}

/** The texts the editor starts from: the working copy, else the server's draft. */
export function textsOf(view: FinalReportView | null): FinalReportTexts {
  const body: FinalReportBody | null | undefined = view?.report?.body ?? view?.draft
  return { ...emptyTexts(), ...(body?.texts ?? {}) }
}

/** The body a reader sees: the working copy for the author, else the submitted copy. */
export function shownBody(view: FinalReportView | null): FinalReportBody | null {
  if (!view) return null
  if (view.working_copy) return view.report?.body ?? view.draft ?? null
  return view.report?.submitted ?? null
}

export function editable(view: FinalReportView | null): boolean {
  if (!view?.working_copy) return false
  const state = view.report?.state
  return !state || state === 'draft' || state === 'returned'
}

/** Required sections still empty, by heading (the same rule the server applies on submit). */
export function missingRequired(view: FinalReportView | null, texts: FinalReportTexts): string[] {
  return (view?.sections ?? []).filter((s) => s.required && !texts[s.key].replace(/[\s\u3000]/g, '')).map((s) => s.heading)
}

/** The first vs final round as table rows (the final row only when there is a later round). */
export function scoreRows(facts: FinalReportFacts | undefined): { label: string; name: string; respondents: number; total: string; band: string }[] {
  const d = facts?.diagnosis
  if (!d?.first) return []
  const row = (label: string, r: NonNullable<typeof d.first>) => ({
    label,
    name: r.name,
    respondents: r.respondents,
    total: r.total_mean.toFixed(1),
    band: r.band_label,
  })
  return d.final ? [row('初回', d.first), row('最終回', d.final)] : [row('初回', d.first)]
}
