// Live checking of session dates: whenever the dates given by `source` change, the check endpoint
// is called after `delay` ms of quiet (at once when nothing is shown yet, e.g. the saved plan when
// the page opens). An answer is shown only while its dates are still the newest: answers to
// dates that have changed since (late or out of order) are dropped. `accept()` shows a result
// obtained otherwise (the 日程案 answer carries its own check), newer than anything in flight.
import { onScopeDispose, ref, shallowRef, watch } from 'vue'
import { messageOf } from '@/shared/api/client'
import type { PlanCheck, PlanSessions } from './plan'

/** What one check is about: an engagement's dates. */
export interface PlanCheckInput {
  engagementId: number
  sessions: PlanSessions
}

export const PLAN_CHECK_DELAY_MS = 300

function keyOf(input: PlanCheckInput): string {
  return JSON.stringify({ engagementId: input.engagementId, sessions: input.sessions })
}

export function usePlanCheck(
  /** The dates to check; null: nothing to check (not allowed, or a field is half typed). */
  source: () => PlanCheckInput | null,
  check: (input: PlanCheckInput) => Promise<PlanCheck>,
  { delay = PLAN_CHECK_DELAY_MS }: { delay?: number } = {},
) {
  /** The check of the dates `source` gave last (or, while pending, of the ones before). */
  const result = shallowRef<PlanCheck | null>(null)
  /** The newest dates wait for quiet or for their answer. */
  const pending = ref(false)
  /** The newest check failed (a message to show instead of the result). */
  const error = ref('')

  let seq = 0 // the request whose answer may be shown; bumped whenever the dates move on
  let timer: ReturnType<typeof setTimeout> | undefined
  let shownKey: string | null = null // the dates (JSON) of result / error
  let sentKey: string | null = null // the dates (JSON) of the request in flight that counts

  function cancelTimer(): void {
    if (timer !== undefined) clearTimeout(timer)
    timer = undefined
  }

  async function run(key: string): Promise<void> {
    timer = undefined
    const mine = ++seq
    sentKey = key
    pending.value = true
    try {
      const answer = await check(JSON.parse(key) as PlanCheckInput)
      if (mine !== seq) return
      result.value = answer
      error.value = ''
    } catch (e) {
      if (mine !== seq) return
      result.value = null
      error.value = `日程の注意点を確認できませんでした。${messageOf(e)}`
    } finally {
      if (mine === seq) {
        sentKey = null
        shownKey = key
        pending.value = false
      }
    }
  }

  function changed(key: string | null): void {
    cancelTimer()
    if (key !== null && key === sentKey) {
      pending.value = true // back to the dates whose answer is on its way
      return
    }
    seq++ // whatever is in flight is for other dates now
    sentKey = null
    if (key === null) {
      shownKey = null
      result.value = null
      error.value = ''
      pending.value = false
      return
    }
    if (key === shownKey) {
      pending.value = false // back to the dates already shown
      return
    }
    pending.value = true
    if (shownKey === null && !error.value) void run(key)
    else timer = setTimeout(() => void run(key), delay)
  }

  const stop = watch(
    () => {
      const s = source()
      return s === null ? null : keyOf(s)
    },
    (key) => changed(key),
    { immediate: true },
  )

  /** Shows `answer` as the check of `input`; any request still on its way is dropped. */
  function accept(input: PlanCheckInput, answer: PlanCheck): void {
    cancelTimer()
    seq++
    sentKey = null
    shownKey = keyOf(input)
    result.value = answer
    error.value = ''
    pending.value = false
  }

  onScopeDispose(() => {
    cancelTimer()
    seq++
    stop()
  })

  return { result, pending, error, accept }
}
