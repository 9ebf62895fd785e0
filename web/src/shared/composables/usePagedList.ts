// A list read page by page (keyset cursors): the first page, then 「さらに表示」 appends the next.
// reload() starts again from the first page (filters changed: the cursor no longer fits them);
// an answer that arrives after a newer reload() is dropped.

import { computed, ref, shallowRef, type Ref } from 'vue'
import { messageOf } from '@/shared/api/client'
import type { Page } from '@/shared/api/contract'

export function usePagedList<T>(fetchPage: (after: string | undefined) => Promise<Page<T>>) {
  const items = shallowRef<T[]>([]) as Ref<T[]>
  /** Rows matching the filters (null until the first page has arrived). */
  const total = ref<number | null>(null)
  const nextAfter = ref<string | null>(null)
  /** The first page is being loaded. */
  const loading = ref(false)
  /** A further page is being loaded. */
  const loadingMore = ref(false)
  const error = ref('')
  /** The first page has arrived (for the current filters). */
  const loaded = ref(false)
  let generation = 0
  /** What failed last: the first page or a further one (for retry()). */
  let failed: 'first' | 'more' | null = null

  async function reload(): Promise<void> {
    const mine = ++generation
    loading.value = true
    loadingMore.value = false
    error.value = ''
    try {
      const page = await fetchPage(undefined)
      if (mine !== generation) return
      items.value = page.items
      total.value = page.total
      nextAfter.value = page.next_after
      loaded.value = true
      failed = null
    } catch (e) {
      if (mine !== generation) return
      // What is on screen belongs to other filters now: show only the message.
      items.value = []
      total.value = null
      nextAfter.value = null
      loaded.value = false
      error.value = messageOf(e)
      failed = 'first'
    } finally {
      if (mine === generation) loading.value = false
    }
  }

  async function more(): Promise<void> {
    const after = nextAfter.value
    if (!after || loading.value || loadingMore.value) return
    const mine = generation
    loadingMore.value = true
    error.value = ''
    try {
      const page = await fetchPage(after)
      if (mine !== generation) return
      items.value = [...items.value, ...page.items]
      total.value = page.total
      nextAfter.value = page.next_after === after ? null : page.next_after
      failed = null
    } catch (e) {
      if (mine !== generation) return
      error.value = messageOf(e)
      failed = 'more'
    } finally {
      if (mine === generation) loadingMore.value = false
    }
  }

  /** Tries again what failed last. */
  function retry(): Promise<void> {
    return failed === 'more' ? more() : reload()
  }

  /** Replaces one row in place (after an edit), keeping the pages read so far. */
  function replace(match: (item: T) => boolean, next: T): void {
    items.value = items.value.map((item) => (match(item) ? next : item))
  }

  return {
    items,
    total,
    loading,
    loadingMore,
    error,
    loaded,
    hasMore: computed(() => nextAfter.value !== null),
    reload,
    more,
    retry,
    replace,
  }
}

export type PagedList<T> = ReturnType<typeof usePagedList<T>>
