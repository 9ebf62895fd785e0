// Pure helpers of the アンケート screens: who may do what, the body of a save, and the charts'
// options built from the results (plain data, so they are tested without a browser).
import type { User } from '@/shared/api/contract'
import type { SurveyAggregate, SurveyInput, SurveyResponse, SurveyResults } from './api'

/** Only the owner answers; only the secretariat reads the answers (the expert never). */
export const surveyCan = {
  answer: (user: User | null | undefined) => user?.role === 'company' && user.company_role === 'owner',
  read: (user: User | null | undefined) => user?.role === 'secretariat',
}

/** The page exists for the owner and the secretariat; nobody else gets a link to it. */
export const surveyLinked = (user: User | null | undefined) => surveyCan.answer(user) || surveyCan.read(user)

/** The whole draft as the PUT sends it: unanswered items as null, blank comments left out. */
export function surveyInputOf(
  ratings: Record<string, string | null>,
  comments: Record<string, string>,
  version: number,
): SurveyInput {
  const c: Record<string, string> = {}
  for (const [key, text] of Object.entries(comments)) if (text.trim() !== '') c[key] = text
  return { ratings: { ...ratings }, comments: c, version }
}

/** The labels of the items not answered yet, in the form's order. */
export function unansweredLabels(response: SurveyResponse, ratings: Record<string, string | null>): string[] {
  return response.survey.items.filter((i) => !ratings[i.key]).map((i) => i.label)
}

/** 4.25 → 「4.3」; no rating → 「—」. */
export function meanText(mean: number | null | undefined): string {
  return mean === null || mean === undefined ? '—' : mean.toFixed(1)
}

/** The label of a choice key on the form's scale (「5 とても満足」). */
export function choiceText(response: SurveyResponse, key: string | undefined): string {
  const choice = response.survey.scale.find((c) => c.key === key)
  return choice ? `${choice.value} ${choice.label}` : '未回答'
}

const scaleMax = (results: SurveyResults) => Math.max(...results.survey.scale.map((c) => c.value))

/** Horizontal bars: the mean of every item over all responses (items top to bottom). */
export function itemMeansOption(results: SurveyResults, aggregate: SurveyAggregate = results.overall) {
  const items = [...aggregate.items].reverse()
  return {
    grid: { left: 8, right: 24, top: 8, bottom: 24, containLabel: true },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'value', min: 0, max: scaleMax(results) },
    yAxis: { type: 'category', data: items.map((i) => i.label), axisLabel: { width: 180, overflow: 'break' } },
    series: [{ type: 'bar', name: '平均', data: items.map((i) => (i.mean === null ? 0 : Number(i.mean.toFixed(2)))) }],
  }
}

/** Bars per expert: each expert's mean of every rating, with the number of responses. */
export function expertMeansOption(results: SurveyResults) {
  return {
    grid: { left: 8, right: 24, top: 8, bottom: 24, containLabel: true },
    tooltip: { trigger: 'axis' },
    xAxis: {
      type: 'category',
      data: results.experts.map((e) => `${e.label}（${e.results.responses}件）`),
      axisLabel: { interval: 0, overflow: 'break' },
    },
    yAxis: { type: 'value', min: 0, max: scaleMax(results) },
    series: [
      {
        type: 'bar',
        name: '全項目の平均',
        data: results.experts.map((e) => (e.results.overall_mean === null ? 0 : Number(e.results.overall_mean.toFixed(2)))),
      },
    ],
  }
}
