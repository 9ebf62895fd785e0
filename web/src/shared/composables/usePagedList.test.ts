import { describe, expect, it, vi } from 'vitest'
import type { Page } from '@/shared/api/contract'
import { ApiError } from '@/shared/api/client'
import { fetchAll } from '@/shared/api/paging'
import { usePagedList } from './usePagedList'

const page = <T>(items: T[], total: number, next_after: string | null): Page<T> => ({ items, total, next_after })

function deferred<T>() {
  let resolve!: (v: T) => void
  const promise = new Promise<T>((r) => (resolve = r))
  return { promise, resolve }
}

describe('usePagedList', () => {
  it('loads the first page, then appends the next ones with the cursor', async () => {
    const fetchPage = vi.fn(async (after: string | undefined) =>
      after === undefined ? page([1, 2], 5, 'c2') : after === 'c2' ? page([3, 4], 5, 'c4') : page([5], 5, null),
    )
    const list = usePagedList(fetchPage)
    await list.reload()
    expect(list.items.value).toEqual([1, 2])
    expect(list.total.value).toBe(5)
    expect(list.hasMore.value).toBe(true)
    await list.more()
    await list.more()
    expect(list.items.value).toEqual([1, 2, 3, 4, 5])
    expect(list.hasMore.value).toBe(false)
    expect(fetchPage.mock.calls.map((c) => c[0])).toEqual([undefined, 'c2', 'c4'])
    await list.more()
    expect(fetchPage).toHaveBeenCalledTimes(3)
  })

  it('starts from the first page again on reload (filters changed)', async () => {
    let filter = 'a'
    const fetchPage = vi.fn(async (after: string | undefined) =>
      filter === 'a' ? page(after ? ['a2'] : ['a1'], 2, after ? null : 'ca') : page(['b1'], 1, null),
    )
    const list = usePagedList(fetchPage)
    await list.reload()
    await list.more()
    expect(list.items.value).toEqual(['a1', 'a2'])
    filter = 'b'
    await list.reload()
    expect(list.items.value).toEqual(['b1'])
    expect(list.total.value).toBe(1)
    expect(fetchPage.mock.calls.at(-1)?.[0]).toBeUndefined()
  })

  it('drops an answer that arrives after a newer reload', async () => {
    const slow = deferred<Page<string>>()
    const answers = [slow.promise, Promise.resolve(page(['new'], 1, null))]
    const list = usePagedList(() => answers.shift()!)
    const first = list.reload()
    await list.reload()
    slow.resolve(page(['old'], 1, null))
    await first
    expect(list.items.value).toEqual(['new'])
    expect(list.loading.value).toBe(false)
  })

  it('drops a further page that belongs to the filters before a reload', async () => {
    const slowMore = deferred<Page<string>>()
    let call = 0
    const list = usePagedList(() => {
      call++
      if (call === 1) return Promise.resolve(page(['a1'], 2, 'c'))
      if (call === 2) return slowMore.promise
      return Promise.resolve(page(['b1'], 1, null))
    })
    await list.reload()
    const more = list.more()
    await list.reload()
    slowMore.resolve(page(['a2'], 2, null))
    await more
    expect(list.items.value).toEqual(['b1'])
  })

  it('keeps what it has and shows the message when a page fails', async () => {
    let fail = false
    const list = usePagedList(async (after) => {
      if (fail) throw new ApiError(500, 'internal', 'サーバーでエラーが発生しました。')
      return page(after ? [2] : [1], 2, after ? null : 'c')
    })
    await list.reload()
    fail = true
    await list.more()
    expect(list.items.value).toEqual([1])
    expect(list.error.value).toBe('サーバーでエラーが発生しました。')
    expect(list.hasMore.value).toBe(true)
    fail = false
    await list.more()
    expect(list.items.value).toEqual([1, 2])
    expect(list.error.value).toBe('')
  })

  it('stops when the server repeats the cursor it was given', async () => {
    const list = usePagedList(async (after) => page([after ?? 'first'], 9, 'same'))
    await list.reload()
    await list.more()
    expect(list.hasMore.value).toBe(false)
  })
})

describe('paging helpers', () => {
  it('fetchAll pages through with the largest page size', async () => {
    const calls: [string | undefined, number][] = []
    const all = await fetchAll(async (after, limit) => {
      calls.push([after, limit])
      return after === undefined ? page([1, 2], 3, 'n') : page([3], 3, null)
    })
    expect(all).toEqual([1, 2, 3])
    expect(calls).toEqual([
      [undefined, 200],
      ['n', 200],
    ])
  })

  it('fetchAll never loops on a cursor that does not move', async () => {
    const fetchPage = vi.fn(async () => page([1], 9, 'stuck'))
    await fetchAll(fetchPage)
    expect(fetchPage).toHaveBeenCalledTimes(2)
  })
})

describe('usePagedList after a failed first page', () => {
  it('shows nothing of the old filters and retries the first page', async () => {
    let fail = false
    const list = usePagedList(async () => {
      if (fail) throw new ApiError(0, 'network', '接続できませんでした。')
      return page(['a'], 1, null)
    })
    await list.reload()
    fail = true
    await list.reload()
    expect(list.items.value).toEqual([])
    expect(list.loaded.value).toBe(false)
    expect(list.error.value).toBe('接続できませんでした。')
    fail = false
    await list.retry()
    expect(list.items.value).toEqual(['a'])
    expect(list.loaded.value).toBe(true)
  })
})
