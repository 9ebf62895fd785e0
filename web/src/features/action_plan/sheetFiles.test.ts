import { describe, expect, it } from 'vitest'
import { changeLines, type ActionPlanChanges } from './sheetFiles'

describe('changeLines', () => {
  it('names each change with the column label and keeps empty values readable', () => {
    const changes = {
      added: [{ id: 0, action: '研修を年2回行う' }],
      removed: [{ id: 4, action: '', situation: '古い対策' }],
      changed: [{ id: 7, fields: [{ field: 'urgency', before: 'medium', after: 'high' }, { field: 'owner', before: '', after: '総務' }] }],
    } as unknown as ActionPlanChanges
    expect(changeLines(changes, { urgency: '緊急度', owner: '担当' }, { 中: '中', medium: '中', high: '高' })).toEqual([
      '追加: 研修を年2回行う',
      '削除: 管理番号 4 古い対策',
      '変更: 管理番号 7 の緊急度「中」→「高」',
      '変更: 管理番号 7 の担当「（空欄）」→「総務」',
    ])
  })
})
