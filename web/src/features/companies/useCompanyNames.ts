// Company names by id, for lists that carry only company_id (the user list): each company is
// asked for once per page load, and only when a row on screen needs it.

import { reactive } from 'vue'
import { companiesApi } from './api'

const names = reactive(new Map<number, string>())
const pending = new Set<number>()

export function useCompanyNames() {
  /** Asks for the names not known yet (failures are left out: the row shows the id). */
  function need(ids: Iterable<number | null | undefined>): void {
    for (const id of ids) {
      if (id === null || id === undefined || names.has(id) || pending.has(id)) continue
      pending.add(id)
      companiesApi
        .get(id)
        .then((c) => names.set(id, c.name))
        .catch(() => undefined)
        .finally(() => pending.delete(id))
    }
  }
  /** The name, or 「企業ID n」 until it is known. */
  function nameOf(id: number | null): string {
    if (id === null) return ''
    return names.get(id) ?? `企業ID ${id}`
  }
  return { need, nameOf, remember: (id: number, name: string) => names.set(id, name) }
}
