import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { effectScope, nextTick, ref } from 'vue'
import { ApiError } from '@/shared/api/client'
import type { PlanCheck, PlanSessions } from './plan'
import { usePlanCheck, type PlanCheckInput } from './usePlanCheck'

function deferred<T>() {
  let resolve!: (v: T) => void
  let reject!: (e: unknown) => void
  const promise = new Promise<T>((res, rej) => {
    resolve = res
    reject = rej
  })
  return { promise, resolve, reject }
}

const sessions = (...dates: (string | null)[]): PlanSessions => dates.map((planned_date, i) => ({ no: i + 1, planned_date }))
const answer = (tag: string): PlanCheck => ({
  sessions: [],
  warnings: [{ kind: 'weekend', session_no: 1, message: tag }],
  problem: null,
})
const tagOf = (r: PlanCheck | null) => r?.warnings[0]?.message ?? null

/** Runs usePlanCheck in its own scope with the dates in a ref; `calls` holds each request's input. */
function setup(first: PlanCheckInput | null, respond: (input: PlanCheckInput) => Promise<PlanCheck>) {
  const input = ref<PlanCheckInput | null>(first)
  const calls: PlanCheckInput[] = []
  const scope = effectScope()
  const plan = scope.run(() =>
    usePlanCheck(
      () => input.value,
      (i) => {
        calls.push(i)
        return respond(i)
      },
    ),
  )!
  return { input, calls, plan, scope }
}

const on = (engagementId: number, ...dates: (string | null)[]): PlanCheckInput => ({ engagementId, sessions: sessions(...dates) })

/** Lets resolved promises and Vue's watcher flush run. */
async function settle() {
  for (let i = 0; i < 5; i++) {
    await nextTick()
    await Promise.resolve()
  }
}

beforeEach(() => {
  vi.useFakeTimers()
})
afterEach(() => {
  vi.useRealTimers()
})

describe('usePlanCheck', () => {
  it('checks the first dates at once (the saved plan when the page opens)', async () => {
    const { calls, plan, scope } = setup(on(7, '2027-06-14'), async (i) => answer(`A${i.engagementId}`))
    expect(calls).toHaveLength(1)
    expect(plan.pending.value).toBe(true)
    await settle()
    expect(tagOf(plan.result.value)).toBe('A7')
    expect(plan.pending.value).toBe(false)
    scope.stop()
  })

  it('waits for 300 ms of quiet after a change and asks once for the last dates', async () => {
    const { input, calls, plan, scope } = setup(on(1, '2027-06-14'), async (i) => answer(String(i.sessions[0]?.planned_date)))
    await settle()
    input.value = on(1, '2027-06-15')
    await settle()
    vi.advanceTimersByTime(200)
    input.value = on(1, '2027-06-16')
    await settle()
    vi.advanceTimersByTime(299)
    expect(calls).toHaveLength(1)
    expect(plan.pending.value).toBe(true)
    expect(tagOf(plan.result.value)).toBe('2027-06-14') // the old check stays until the new one answers
    vi.advanceTimersByTime(1)
    await settle()
    expect(calls.map((c) => c.sessions[0]?.planned_date)).toEqual(['2027-06-14', '2027-06-16'])
    expect(tagOf(plan.result.value)).toBe('2027-06-16')
    expect(plan.pending.value).toBe(false)
    scope.stop()
  })

  it('drops a late answer to older dates: the newer answer stays', async () => {
    const slow = deferred<PlanCheck>()
    const answers = [Promise.resolve(answer('first')), slow.promise, Promise.resolve(answer('new'))]
    const { input, plan, scope } = setup(on(1, '2027-06-14'), () => answers.shift()!)
    await settle()
    input.value = on(1, '2027-06-21') // → the slow request
    await settle()
    vi.advanceTimersByTime(300)
    await settle()
    input.value = on(1, '2027-06-28') // → answered at once
    await settle()
    vi.advanceTimersByTime(300)
    await settle()
    expect(tagOf(plan.result.value)).toBe('new')
    slow.resolve(answer('old'))
    await settle()
    expect(tagOf(plan.result.value)).toBe('new')
    expect(plan.pending.value).toBe(false)
    scope.stop()
  })

  it('drops an answer that comes after the dates moved on, even before the next request is sent', async () => {
    const slow = deferred<PlanCheck>()
    const answers = [Promise.resolve(answer('first')), slow.promise]
    const { input, plan, scope } = setup(on(1, '2027-06-14'), () => answers.shift() ?? Promise.resolve(answer('later')))
    await settle()
    input.value = on(1, '2027-06-21')
    await settle()
    vi.advanceTimersByTime(300) // the request for 06-21 is on its way
    input.value = on(1, '2027-06-22') // …and the dates change again
    await settle()
    slow.resolve(answer('for 06-21'))
    await settle()
    expect(tagOf(plan.result.value)).toBe('first')
    expect(plan.pending.value).toBe(true)
    vi.advanceTimersByTime(300)
    await settle()
    expect(tagOf(plan.result.value)).toBe('later')
    scope.stop()
  })

  it('asks nothing when the dates come back to the ones shown', async () => {
    const { input, calls, plan, scope } = setup(on(1, '2027-06-14'), async () => answer('x'))
    await settle()
    input.value = on(1, '2027-06-15')
    await settle()
    input.value = on(1, '2027-06-14')
    await settle()
    expect(plan.pending.value).toBe(false)
    vi.advanceTimersByTime(1000)
    await settle()
    expect(calls).toHaveLength(1)
    scope.stop()
  })

  it('checks again for another engagement with the same dates', async () => {
    const { input, calls, scope } = setup(on(1, '2027-06-14'), async () => answer('x'))
    await settle()
    input.value = on(2, '2027-06-14')
    await settle()
    vi.advanceTimersByTime(300)
    await settle()
    expect(calls.map((c) => c.engagementId)).toEqual([1, 2])
    scope.stop()
  })

  it('shows an accepted result (the 日程案) without asking, over a request still on its way', async () => {
    const slow = deferred<PlanCheck>()
    const answers = [Promise.resolve(answer('saved')), slow.promise]
    const { input, calls, plan, scope } = setup(on(1, '2027-06-14'), () => answers.shift()!)
    await settle()
    input.value = on(1, '2027-06-20')
    await settle()
    vi.advanceTimersByTime(300)
    const proposal = on(1, '2027-06-14', '2027-06-28')
    plan.accept(proposal, answer('proposal'))
    input.value = on(1, '2027-06-14', '2027-06-28') // the form is filled with the proposal
    await settle()
    slow.resolve(answer('stale'))
    vi.advanceTimersByTime(1000)
    await settle()
    expect(tagOf(plan.result.value)).toBe('proposal')
    expect(plan.pending.value).toBe(false)
    expect(calls).toHaveLength(2)
    scope.stop()
  })

  it('shows a failed check as a message and clears the old result', async () => {
    const answers = [
      Promise.resolve(answer('ok')),
      Promise.reject(new ApiError(422, 'validation', '入力内容を確認してください。')),
    ]
    const { input, plan, scope } = setup(on(1, '2027-06-14'), () => answers.shift()!)
    await settle()
    input.value = on(1, '2027-06-15')
    await settle()
    vi.advanceTimersByTime(300)
    await settle()
    expect(plan.result.value).toBeNull()
    expect(plan.error.value).toBe('日程の注意点を確認できませんでした。入力内容を確認してください。')
    expect(plan.pending.value).toBe(false)
    scope.stop()
  })

  it('forgets everything when there is nothing to check, and drops the answer on its way', async () => {
    const slow = deferred<PlanCheck>()
    const { input, calls, plan, scope } = setup(on(1, '2027-06-14'), () => slow.promise)
    input.value = null
    await settle()
    slow.resolve(answer('late'))
    await settle()
    expect(plan.result.value).toBeNull()
    expect(plan.pending.value).toBe(false)
    expect(calls).toHaveLength(1)
    scope.stop()
  })

  it('asks nothing after its scope has ended', async () => {
    const { input, calls, scope } = setup(on(1, '2027-06-14'), async () => answer('x'))
    await settle()
    input.value = on(1, '2027-06-15')
    await settle()
    scope.stop()
    vi.advanceTimersByTime(1000)
    await settle()
    expect(calls).toHaveLength(1)
  })

  it('does nothing for users who may not plan (no dates from the start)', async () => {
    const { calls, plan, scope } = setup(null, async () => answer('x'))
    await settle()
    vi.advanceTimersByTime(1000)
    expect(calls).toHaveLength(0)
    expect(plan.result.value).toBeNull()
    expect(plan.pending.value).toBe(false)
    scope.stop()
  })
})
