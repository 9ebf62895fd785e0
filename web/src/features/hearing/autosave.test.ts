import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { ApiError } from '@/shared/api/client'
import { ItemAutosave, type AutosaveState, type HearingPatch, type SavedItem } from './autosave'

function setup(answer?: (patch: HearingPatch, version: number) => Promise<SavedItem>) {
  const state: AutosaveState = { status: 'idle', message: '', version: 0 }
  const sent: Array<[HearingPatch, number]> = []
  const item: SavedItem = { version: 0, preparation: '', result: '', unclear: false }
  const conflicts: ApiError[] = []
  const saver = new ItemAutosave({
    state,
    delayMs: 500,
    send:
      answer ??
      (async (patch, version) => {
        sent.push([patch, version])
        Object.assign(item, patch, { version: version + 1 })
        return { ...item }
      }),
    onSaved: () => {},
    onConflict: (e) => conflicts.push(e),
  })
  return { state, sent, saver, conflicts }
}

describe('ItemAutosave', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it('sends a field once typing has paused, with only that field', async () => {
    const { state, sent, saver } = setup()
    saver.change('result', 'あ')
    saver.change('result', 'あい')
    expect(state.status).toBe('pending')
    await vi.advanceTimersByTimeAsync(499)
    expect(sent).toEqual([])
    await vi.advanceTimersByTimeAsync(1)
    expect(sent).toEqual([[{ result: 'あい' }, 0]])
    expect(state.status).toBe('saved')
    expect(state.version).toBe(1)
  })

  it('sends two fields one after the other, each with the version the first returned', async () => {
    const { sent, saver } = setup()
    saver.change('preparation', '事前')
    saver.change('unclear', true, 0)
    await vi.advanceTimersByTimeAsync(600)
    expect(sent).toEqual([
      [{ unclear: true }, 0],
      [{ preparation: '事前' }, 1],
    ])
  })

  it('a conflict stops the queue and reports it; what was typed is not sent again by itself', async () => {
    const { state, saver, conflicts } = setup(async () => {
      throw new ApiError(409, 'conflict', '他の人が先に更新しました。')
    })
    saver.change('result', '私の文')
    await vi.advanceTimersByTimeAsync(500)
    expect(state.status).toBe('conflict')
    expect(state.message).toBe('他の人が先に更新しました。')
    expect(conflicts).toHaveLength(1)
    expect(saver.busy).toBe(false)
  })

  it('overwrite after a conflict sends the typed text with the newer version', async () => {
    const { sent, saver, state } = setup()
    state.version = 1
    await saver.overwrite(4, { result: '私の文' })
    expect(sent).toEqual([[{ result: '私の文' }, 4]])
    expect(state.version).toBe(5)
  })

  it('a network error keeps the change for the next try', async () => {
    let fail = true
    const sent: HearingPatch[] = []
    const { state, saver } = setup(async (patch, version) => {
      if (fail) throw new ApiError(0, 'network', '通信できませんでした。')
      sent.push(patch)
      return { version: version + 1, preparation: '', result: String(patch.result), unclear: false }
    })
    saver.change('result', '残す')
    await vi.advanceTimersByTimeAsync(500)
    expect(state.status).toBe('error')
    fail = false
    await saver.flush('result')
    expect(sent).toEqual([{ result: '残す' }])
    expect(state.status).toBe('saved')
  })
})
