import type { DocumentKind, DocumentOverviewItem, DocumentState } from '@/shared/api/contract'

// The page of each document (route names of the document features).
export const DOCUMENT_ROUTE: Record<DocumentKind, string> = {
  hearing_sheet: 'hearing-sheet',
  basic_policy: 'policy',
  rules_check: 'rules-check',
  action_plan: 'action-plan',
  final_report: 'final-report',
  survey: 'survey',
}

export const STATE_TONE: Record<DocumentState, string> = {
  not_started: 'grey',
  draft: 'amber',
  approved: 'teal',
  submitted: 'green',
}

export interface SessionDocuments {
  no: number
  documents: { item: DocumentOverviewItem; review: boolean }[]
}

// The documents grouped under the sessions that make them or review them again, in session
// order; a document no session names is listed under no session (0).
export function documentsBySession(items: DocumentOverviewItem[]): SessionDocuments[] {
  const sessions = new Map<number, SessionDocuments>()
  const at = (no: number) => {
    if (!sessions.has(no)) sessions.set(no, { no, documents: [] })
    return sessions.get(no)!
  }
  for (const item of items) {
    if (item.sessions.length === 0) at(0).documents.push({ item, review: false })
    for (const s of item.sessions) at(s.no).documents.push({ item, review: s.review })
  }
  return [...sessions.values()].sort((a, b) => a.no - b.no)
}
