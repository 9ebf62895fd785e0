// Autosave of one hearing item: each field (事前準備メモ, 結果, 不明瞭) is sent on its own shortly
// after typing stops, one request at a time per item (the item has one version, so a second
// field waits for the first answer and sends the version it returned). A 409 keeps what was
// typed and hands the newer text to the page, which shows both.
import { ApiError } from '@/shared/api/client'

export type HearingField = 'preparation' | 'result' | 'unclear'
export type HearingPatch = { preparation?: string; result?: string; unclear?: boolean }
export type SaveStatus = 'idle' | 'pending' | 'saving' | 'saved' | 'conflict' | 'error'

export interface SavedItem {
  version: number
  preparation: string
  result: string
  unclear: boolean
}

export interface AutosaveState {
  status: SaveStatus
  message: string
  version: number
}

export interface AutosaveOptions<T extends SavedItem> {
  state: AutosaveState
  send: (patch: HearingPatch, version: number) => Promise<T>
  /** The stored item after a save. */
  onSaved: (item: T) => void
  /** A 409: somebody saved first; reload and show the newer text (what was typed stays). */
  onConflict: (error: ApiError) => void
  delayMs?: number
}

export const STATUS_TEXT: Record<SaveStatus, string> = {
  idle: '',
  pending: '未保存の変更があります',
  saving: '保存中…',
  saved: '保存済み',
  conflict: '他の人が先に保存しました',
  error: '保存できませんでした',
}

export class ItemAutosave<T extends SavedItem> {
  private readonly timers = new Map<HearingField, ReturnType<typeof setTimeout>>()
  private readonly pending = new Map<HearingField, string | boolean>()
  private queue: Promise<void> = Promise.resolve()

  constructor(private readonly opts: AutosaveOptions<T>) {}

  /** A field changed: save it after the pause (at once for the checkbox). */
  change(field: HearingField, value: string | boolean, delayMs = this.opts.delayMs ?? 800): void {
    this.pending.set(field, value)
    this.opts.state.status = 'pending'
    this.opts.state.message = ''
    const previous = this.timers.get(field)
    if (previous) clearTimeout(previous)
    this.timers.set(
      field,
      setTimeout(() => {
        this.timers.delete(field)
        void this.flush(field)
      }, delayMs),
    )
  }

  /** Sends what is waiting for `field` now (after any save in flight); resolves when done. */
  flush(field: HearingField): Promise<void> {
    this.queue = this.queue.then(() => this.send(field))
    return this.queue
  }

  /** After a conflict: take the newer version and send the typed text again (overwrite). */
  overwrite(version: number, fields: HearingPatch): Promise<void> {
    this.opts.state.version = version
    for (const [k, v] of Object.entries(fields)) if (v !== undefined) this.pending.set(k as HearingField, v)
    let all = Promise.resolve()
    for (const k of Object.keys(fields) as HearingField[]) all = this.flush(k)
    return all
  }

  get busy(): boolean {
    return this.timers.size > 0 || this.pending.size > 0 || this.opts.state.status === 'saving'
  }

  private async send(field: HearingField): Promise<void> {
    if (!this.pending.has(field)) return
    const value = this.pending.get(field)
    this.pending.delete(field)
    const state = this.opts.state
    state.status = 'saving'
    try {
      const saved = await this.opts.send({ [field]: value } as HearingPatch, state.version)
      state.version = saved.version
      state.status = this.pending.size > 0 || this.timers.size > 0 ? 'pending' : 'saved'
      state.message = ''
      this.opts.onSaved(saved)
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) {
        state.status = 'conflict'
        state.message = e.message
        this.pending.clear()
        this.opts.onConflict(e)
      } else {
        state.status = 'error'
        state.message = e instanceof Error ? e.message : String(e)
        // Kept, so the next change (or a retry) sends it again.
        if (!this.pending.has(field)) this.pending.set(field, value as string | boolean)
      }
    }
  }
}
