// Pure helpers for the respondent's answer sheet (no Vue, no I/O): progress, where a returning
// respondent continues, and the ?step= of the page. The edition itself always comes from the server.

import type { Answers, Instrument } from '@/shared/api/contract'

export function isAnswered(answers: Partial<Answers>, no: number): boolean {
  return !!answers[String(no)]
}

export function answeredCount(instrument: Instrument, answers: Partial<Answers>): number {
  return instrument.items.filter((i) => isAnswered(answers, i.no)).length
}

export function unansweredItems(instrument: Instrument, answers: Partial<Answers>): number[] {
  return instrument.items.filter((i) => !isAnswered(answers, i.no)).map((i) => i.no)
}

/** Items of a part, in the order the part lists them. */
export function itemsOfPart(instrument: Instrument, partNo: number) {
  const part = instrument.parts.find((p) => p.no === partNo)
  if (!part) return []
  return part.item_nos
    .map((no) => instrument.items.find((i) => i.no === no))
    .filter((i): i is NonNullable<typeof i> => !!i)
}

export function partOfItem(instrument: Instrument, itemNo: number): number {
  return (
    instrument.parts.find((p) => p.item_nos.includes(itemNo))?.no ??
    instrument.items.find((i) => i.no === itemNo)?.part_no ??
    instrument.parts[0]?.no ??
    1
  )
}

export type AnswerStep = 'intro' | 'confirm' | number

/**
 * Where a returning respondent continues: the intro when nothing is answered yet, the part of the
 * first unanswered item, or the confirm page when everything is answered.
 */
export function resumeStep(instrument: Instrument, answers: Partial<Answers>): AnswerStep {
  const open = unansweredItems(instrument, answers)
  if (open.length === instrument.items.length) return 'intro'
  const first = open[0]
  if (first === undefined) return 'confirm'
  return partOfItem(instrument, first)
}

/** Parses the ?step= query value; anything unknown is null. */
export function parseStep(value: unknown, instrument: Instrument): AnswerStep | null {
  if (value === 'intro' || value === 'confirm') return value
  if (typeof value === 'string' && /^\d+$/.test(value)) {
    const n = Number(value)
    if (instrument.parts.some((p) => p.no === n)) return n
  }
  return null
}
