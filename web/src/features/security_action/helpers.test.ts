import { describe, expect, it } from 'vitest'
import type { SecurityActionReadiness } from './api'
import { twoStarProgress } from './helpers'

const condition = (done: boolean) => ({ label: 'x', done, done_text: '済', next_step: '次' })

describe('security action helpers', () => {
  it('counts the ★★ conditions met', () => {
    const r = { two_star: { conditions: [condition(true), condition(false), condition(true)] } } as SecurityActionReadiness
    expect(twoStarProgress(r)).toBe('2 / 3')
  })
})
