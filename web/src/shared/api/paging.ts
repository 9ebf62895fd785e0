// Reading paged lists (keyset cursors): every list answers {items, total, next_after}.

import type { Page } from './contract'

/** The largest page the server gives (limit=200). */
export const MAX_PAGE_SIZE = 200

/**
 * Every row of a list, page after page of the largest size (for a <select> of all experts, say).
 * Stops after maxPages pages so that a broken cursor can never loop for ever.
 */
export async function fetchAll<T>(
  fetchPage: (after: string | undefined, limit: number) => Promise<Page<T>>,
  maxPages = 50,
): Promise<T[]> {
  const out: T[] = []
  let after: string | undefined
  for (let i = 0; i < maxPages; i++) {
    const page = await fetchPage(after, MAX_PAGE_SIZE)
    out.push(...page.items)
    if (!page.next_after || page.next_after === after) break
    after = page.next_after
  }
  return out
}
