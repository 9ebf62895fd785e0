// Pure helpers of the basic policy's page (no Vue, no I/O): who may do what (the same table as
// the server's policy for documents), the editable copy of a version and whether it changed,
// the preamble's lead as the reader sees it, and the labels of the document states.

import type { PolicyDocument, PolicyDocumentInput, PolicyView } from './api'
import type { Relation } from '@/features/course/helpers'

export const canPolicy = {
  view: (r: Relation) => r === 'expert' || r === 'owner' || r === 'manager',
  edit: (r: Relation) => r === 'expert' || r === 'owner' || r === 'manager',
  approve: (r: Relation) => r === 'owner',
  submit: (r: Relation) => r === 'expert',
  viewSubmitted: (r: Relation) => r === 'secretariat' || r === 'expert' || r === 'owner',
}

export interface EditableArticle {
  key: number // a stable key for v-for while articles are added and removed
  title: string
  text: string
}

export interface EditablePolicy {
  title: string
  asset_scope: string
  preamble: string
  articles: EditableArticle[]
  established_on: string
  company_name: string
  representative_title: string
  representative_name: string
}

let nextKey = 1

export function editableOf(d: PolicyDocument): EditablePolicy {
  return {
    title: d.title,
    asset_scope: d.asset_scope,
    preamble: d.preamble,
    articles: d.articles.map((a) => ({ key: nextKey++, title: a.title, text: a.text })),
    established_on: d.established_on ?? '',
    company_name: d.company_name,
    representative_title: d.representative_title,
    representative_name: d.representative_name,
  }
}

export function blankArticle(): EditableArticle {
  return { key: nextKey++, title: '', text: '' }
}

/** What is sent: articles without their keys, an empty 制定日 as null. */
export function inputOf(e: EditablePolicy): PolicyDocumentInput {
  return {
    title: e.title,
    asset_scope: e.asset_scope,
    preamble: e.preamble,
    articles: e.articles.map((a) => ({ title: a.title, text: a.text })),
    established_on: e.established_on || null,
    company_name: e.company_name,
    representative_title: e.representative_title,
    representative_name: e.representative_name,
  }
}

/** True when the form differs from what it was loaded from (unsaved changes). */
export function isChanged(e: EditablePolicy | null, from: EditablePolicy | null): boolean {
  if (!e || !from) return false
  return JSON.stringify(inputOf(e)) !== JSON.stringify(inputOf(from))
}

/** 「株式会社○○（以下、当社）は、お客様からお預かりした」: the lead before the preamble's text. */
export function leadOf(view: Pick<PolicyView, 'preamble_lead' | 'asset_scopes'>, e: Pick<EditablePolicy, 'company_name' | 'asset_scope'>): string {
  const scope = view.asset_scopes.find((s) => s.key === e.asset_scope)?.label ?? ''
  return view.preamble_lead.split('{company_name}').join(e.company_name).split('{asset_scope}').join(scope)
}

export const POLICY_STATE_TONES: Record<string, string> = {
  not_started: 'grey',
  draft: 'blue',
  approved: 'teal',
  submitted: 'green',
}
