// The unread count of the bell in the header: one shared value for the whole app, read when
// the header appears, about once a minute, after navigation (at most every 15 s, so clicking
// through pages does not flood the server) and whenever a page marks notifications read.

import { ref } from 'vue'
import { notificationsApi } from './api'

const unread = ref<number | null>(null)
const POLL_MS = 60_000
const NAVIGATION_GAP_MS = 15_000
let lastAsked = 0
let timer: ReturnType<typeof setInterval> | null = null
let inFlight: Promise<void> | null = null

async function refresh(): Promise<void> {
  if (inFlight) return inFlight
  lastAsked = Date.now()
  inFlight = notificationsApi
    .unreadCount()
    .then((res) => {
      unread.value = res.unread
    })
    .catch(() => {
      // Keep what is shown; the next poll tries again (a 401 is handled by the client).
    })
    .finally(() => {
      inFlight = null
    })
  return inFlight
}

export function useUnreadCount() {
  return {
    unread,
    refresh,
    /** After a navigation: ask again unless the count is fresh. */
    refreshIfStale: () => (Date.now() - lastAsked >= NAVIGATION_GAP_MS ? refresh() : Promise.resolve()),
    set: (count: number) => {
      unread.value = count
    },
    start() {
      if (timer) return
      void refresh()
      timer = setInterval(() => void refresh(), POLL_MS)
    },
    stop() {
      if (timer) clearInterval(timer)
      timer = null
      unread.value = null
    },
  }
}
