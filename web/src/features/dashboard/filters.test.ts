import { describe, expect, it } from 'vitest'
import { apiFilters, filterFromQuery, hasAnyFilter, queryOfFilter } from './filters'

describe('dashboard filters in the address', () => {
  it('reads known values and drops the rest', () => {
    expect(
      filterFromQuery({ industry: '製造業', expert_id: '12', status: 'in_progress', state: 'held', q: 'サンプル' }),
    ).toEqual({ industry: '製造業', expert_id: '12', status: 'in_progress', state: 'held', q: 'サンプル' })
    expect(filterFromQuery({ expert_id: 'none' }).expert_id).toBe('none')
    expect(filterFromQuery({ expert_id: '0', status: 'open', state: 'done', q: ['a', 'b'] })).toEqual({
      industry: '',
      expert_id: '',
      status: '',
      state: '',
      q: '',
    })
  })

  it('writes only the filters in use, and round-trips', () => {
    const f = { industry: '', expert_id: 'none', status: '' as const, state: 'report_submitted' as const, q: ' 商事 ' }
    expect(queryOfFilter(f)).toEqual({ expert_id: 'none', state: 'report_submitted', q: '商事' })
    expect(filterFromQuery(queryOfFilter(f))).toEqual({ ...f, q: '商事' })
    expect(apiFilters(f)).toEqual({
      industry: undefined,
      expert_id: 'none',
      status: undefined,
      state: 'report_submitted',
      q: '商事',
    })
    expect(hasAnyFilter(f)).toBe(true)
    expect(hasAnyFilter({ industry: '', expert_id: '', status: '', state: '', q: '  ' })).toBe(false)
  })
})
