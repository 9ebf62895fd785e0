// Loads data for a view: loading flag, error message, and a reload function.

import { ref, shallowRef, type Ref } from 'vue'
import { messageOf } from '@/shared/api/client'

export function useLoader<T>(fn: () => Promise<T>) {
  const data = shallowRef<T | null>(null) as Ref<T | null>
  const loading = ref(false)
  const error = ref('')
  let seq = 0

  async function load(): Promise<T | null> {
    const mine = ++seq
    loading.value = true
    error.value = ''
    try {
      const result = await fn()
      if (mine === seq) data.value = result
      return result
    } catch (e) {
      if (mine === seq) error.value = messageOf(e)
      return null
    } finally {
      if (mine === seq) loading.value = false
    }
  }

  return { data, loading, error, load }
}
