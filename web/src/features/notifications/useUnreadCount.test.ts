import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

const unreadCount = vi.fn(async () => ({ unread: 3 }))
vi.mock('./api', () => ({ notificationsApi: { unreadCount: () => unreadCount() } }))

const { useUnreadCount } = await import('./useUnreadCount')

describe('useUnreadCount', () => {
  beforeEach(() => {
    vi.useFakeTimers()
    unreadCount.mockClear()
  })
  afterEach(() => {
    useUnreadCount().stop()
    vi.useRealTimers()
  })

  it('asks at start and about once a minute, not on every navigation', async () => {
    const counter = useUnreadCount()
    counter.start()
    counter.start() // a second header does not start a second timer
    await vi.waitFor(() => expect(counter.unread.value).toBe(3))
    expect(unreadCount).toHaveBeenCalledTimes(1)
    await counter.refreshIfStale() // navigation right after: the count is fresh
    expect(unreadCount).toHaveBeenCalledTimes(1)
    await vi.advanceTimersByTimeAsync(60_000)
    expect(unreadCount).toHaveBeenCalledTimes(2)
    await vi.advanceTimersByTimeAsync(16_000)
    await counter.refreshIfStale() // 16 s after the last answer: ask again
    expect(unreadCount).toHaveBeenCalledTimes(3)
  })

  it('keeps the count a page has set and forgets it when stopped', async () => {
    const counter = useUnreadCount()
    counter.set(0)
    expect(counter.unread.value).toBe(0)
    counter.stop()
    expect(counter.unread.value).toBeNull()
  })
})
