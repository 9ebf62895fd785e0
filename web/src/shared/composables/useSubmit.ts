// State for one form: busy flag, a message for the whole form, and per-field messages
// (from client-side checks or from the server's error.fields).

import { reactive, ref } from 'vue'
import { ApiError, messageOf } from '@/shared/api/client'

export function useSubmit() {
  const busy = ref(false)
  const error = ref('')
  const errorCode = ref('')
  const success = ref('')
  const fields = reactive<Record<string, string>>({})

  function clear(): void {
    error.value = ''
    errorCode.value = ''
    success.value = ''
    for (const k of Object.keys(fields)) delete fields[k]
  }

  /** Sets client-side field errors; returns true when there are none. */
  function check(errors: Record<string, string | false | null | undefined>): boolean {
    clear()
    for (const [k, v] of Object.entries(errors)) if (v) fields[k] = v
    if (Object.keys(fields).length > 0) {
      error.value = '入力内容に誤りがあります。各項目のメッセージを確認してください。'
      errorCode.value = 'validation'
      return false
    }
    return true
  }

  /** Runs fn with busy set; on failure shows the server's message and field messages. */
  async function run<T>(fn: () => Promise<T>): Promise<T | undefined> {
    if (busy.value) return undefined
    busy.value = true
    error.value = ''
    errorCode.value = ''
    success.value = ''
    for (const k of Object.keys(fields)) delete fields[k]
    try {
      return await fn()
    } catch (e) {
      error.value = messageOf(e)
      if (e instanceof ApiError) {
        errorCode.value = e.code
        Object.assign(fields, e.fields)
      }
      return undefined
    } finally {
      busy.value = false
    }
  }

  return { busy, error, errorCode, success, fields, clear, check, run }
}
