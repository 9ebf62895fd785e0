import { describe, expect, it } from 'vitest'
import { instrument } from '@/shared/testing/fixtures'
import { answeredCount, itemsOfPart, parseStep, partOfItem, resumeStep, unansweredItems } from './progress'

describe('progress and resume', () => {
  const ins = instrument()

  it('counts answers and lists the open items', () => {
    const answers = { '1': 'done', '2': 'unknown', '7': 'partial' } as const
    expect(answeredCount(ins, answers)).toBe(3)
    expect(unansweredItems(ins, answers)).toHaveLength(22)
    expect(unansweredItems(ins, answers)[0]).toBe(3)
  })

  it('resumes at the intro, at the first open part, or at the confirm page', () => {
    expect(resumeStep(ins, {})).toBe('intro')
    const firstPart: Record<string, 'done'> = { '1': 'done', '2': 'done', '3': 'done', '4': 'done', '5': 'done' }
    expect(resumeStep(ins, firstPart)).toBe(2)
    expect(resumeStep(ins, { '1': 'done' })).toBe(1)
    const all = Object.fromEntries(ins.items.map((i) => [String(i.no), 'done' as const]))
    expect(resumeStep(ins, all)).toBe('confirm')
  })

  it('parses the step query', () => {
    expect(parseStep('2', ins)).toBe(2)
    expect(parseStep('confirm', ins)).toBe('confirm')
    expect(parseStep('9', ins)).toBeNull()
    expect(parseStep(['1'], ins)).toBeNull()
    expect(parseStep(undefined, ins)).toBeNull()
  })

  it('finds items of a part and the part of an item', () => {
    expect(itemsOfPart(ins, 1).map((i) => i.no)).toEqual([1, 2, 3, 4, 5])
    expect(partOfItem(ins, 19)).toBe(3)
  })
})
