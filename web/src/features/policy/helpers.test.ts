import { describe, expect, it } from 'vitest'
import { blankArticle, canPolicy, editableOf, inputOf, isChanged, leadOf } from './helpers'
import type { PolicyDocument } from './api'

const doc: PolicyDocument = {
  title: '情報セキュリティ基本方針',
  asset_scope: 'own',
  preamble: '情報資産を守ります。',
  articles: [{ title: '経営者の責任', text: '改善に努めます。' }],
  established_on: null,
  company_name: 'サンプル製作所',
  representative_title: '代表取締役',
  representative_name: '山田 太郎',
}

describe('policy helpers', () => {
  it('only the owner approves and only the expert submits', () => {
    expect(canPolicy.approve('owner')).toBe(true)
    expect(canPolicy.approve('expert')).toBe(false)
    expect(canPolicy.submit('expert')).toBe(true)
    expect(canPolicy.submit('owner')).toBe(false)
    expect(canPolicy.view('secretariat')).toBe(false)
    expect(canPolicy.viewSubmitted('secretariat')).toBe(true)
  })

  it('round-trips a document and sends an empty date as null', () => {
    const e = editableOf(doc)
    expect(inputOf(e)).toEqual(doc)
    e.established_on = '2025-04-01'
    expect(inputOf(e).established_on).toBe('2025-04-01')
  })

  it('notices unsaved changes, also an added article', () => {
    const loaded = editableOf(doc)
    const e = editableOf(doc)
    expect(isChanged(e, loaded)).toBe(false)
    e.articles.push(blankArticle())
    expect(isChanged(e, loaded)).toBe(true)
    expect(isChanged(null, loaded)).toBe(false)
  })

  it('fills the lead with the company and the chosen scope', () => {
    const view = {
      preamble_lead: '{company_name}（以下、当社）は、{asset_scope}',
      asset_scopes: [
        { key: 'own', label: '当社の' },
        { key: 'customer_entrusted', label: 'お客様からお預かりした' },
      ],
    }
    expect(leadOf(view, { company_name: 'A社', asset_scope: 'customer_entrusted' })).toBe('A社（以下、当社）は、お客様からお預かりした')
  })
})
