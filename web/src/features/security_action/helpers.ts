import type { SecurityActionReadiness } from './api'

// "2 / 3": how many of ★★'s conditions shido has seen met.
export function twoStarProgress(r: SecurityActionReadiness): string {
  const done = r.two_star.conditions.filter((c) => c.done).length
  return `${done} / ${r.two_star.conditions.length}`
}
