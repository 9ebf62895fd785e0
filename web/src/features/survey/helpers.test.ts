import { describe, expect, it } from 'vitest'
import type { User } from '@/shared/api/contract'
import type { SurveyResponse, SurveyResults } from './api'
import { choiceText, expertMeansOption, itemMeansOption, meanText, surveyCan, surveyInputOf, surveyLinked, unansweredLabels } from './helpers'

const user = (over: Partial<User>): User => ({ id: 1, email: 'a@example.jp', name: 'a', role: 'expert', company_id: null, company_role: null, ...over }) as User

const form = {
  id: 'guidance-1',
  version: 1,
  title: '評価',
  intro: '',
  scale: [
    { key: '5', label: 'とても満足', value: 5 },
    { key: '1', label: '不満', value: 1 },
  ],
  items: [
    { key: 'clear', label: '分かりやすかった' },
    { key: 'overall', label: '全体' },
  ],
  comments: [{ key: 'good', label: 'よかった点', max_chars: 100 }],
}

const response = { survey: form } as unknown as SurveyResponse

const aggregate = (means: (number | null)[], responses = 2) => ({
  responses,
  overall_mean: means[0] ?? null,
  items: form.items.map((i, n) => ({ key: i.key, label: i.label, count: responses, mean: means[n] ?? null, distribution: [1, 1] })),
})

describe('survey helpers', () => {
  it('lets only the owner answer and only the secretariat read', () => {
    expect(surveyCan.answer(user({ role: 'company', company_id: 3, company_role: 'owner' }))).toBe(true)
    expect(surveyCan.answer(user({ role: 'company', company_id: 3, company_role: 'manager' }))).toBe(false)
    expect(surveyCan.answer(user({ role: 'expert' }))).toBe(false)
    expect(surveyCan.read(user({ role: 'secretariat' }))).toBe(true)
    expect(surveyLinked(user({ role: 'expert' }))).toBe(false)
    expect(surveyLinked(null)).toBe(false)
  })

  it('sends unanswered items as null and leaves blank comments out', () => {
    expect(surveyInputOf({ clear: '5', overall: null }, { good: '  ', other: 'よい' }, 3)).toEqual({
      ratings: { clear: '5', overall: null },
      comments: { other: 'よい' },
      version: 3,
    })
    expect(unansweredLabels(response, { clear: '5', overall: null })).toEqual(['全体'])
  })

  it('writes means and choices in words', () => {
    expect(meanText(4.25)).toBe('4.3')
    expect(meanText(null)).toBe('—')
    expect(choiceText(response, '5')).toBe('5 とても満足')
    expect(choiceText(response, undefined)).toBe('未回答')
  })

  it('builds the bars from the results', () => {
    const results = {
      survey: form,
      filter: { expert_id: null, from: null, to: null },
      overall: aggregate([4.5, null]),
      experts: [{ expert_id: 7, label: '専門家 一郎', results: aggregate([3.333], 3) }],
      industries: [],
    } as unknown as SurveyResults
    const items = itemMeansOption(results)
    expect(items.yAxis.data).toEqual(['全体', '分かりやすかった'])
    expect(items.series[0]!.data).toEqual([0, 4.5])
    expect(items.xAxis.max).toBe(5)
    const experts = expertMeansOption(results)
    expect(experts.xAxis.data).toEqual(['専門家 一郎（3件）'])
    expect(experts.series[0]!.data).toEqual([3.33])
  })
})
