import { describe, expect, it } from 'vitest'
import {
  formatDate,
  formatDateTime,
  formatUnixTime,
  percent,
  safeHttpUrl,
  safeRedirect,
} from './format'

describe('formatDate', () => {
  it('formats a calendar date with the weekday, without UTC shifts', () => {
    expect(formatDate('2026-01-10')).toBe('2026年1月10日（土）')
    expect(formatDate('2026-12-31')).toBe('2026年12月31日（木）')
  })
  it('uses the fallback for empty values and keeps unparseable ones', () => {
    expect(formatDate(null)).toBe('未定')
    expect(formatDate('', '-')).toBe('-')
    expect(formatDate('2026-02-30')).toBe('2026-02-30')
    expect(formatDate('soon')).toBe('soon')
  })
})

describe('formatUnixTime', () => {
  it('formats Unix seconds like formatDateTime and is empty without a value', () => {
    expect(formatUnixTime(Date.UTC(2026, 0, 10, 4, 5) / 1000)).toMatch(/^2026\/01\/1[01] \d{2}:05$/)
    expect(formatUnixTime(null)).toBe('')
    expect(formatUnixTime(Number.NaN)).toBe('')
  })
})

describe('formatDateTime', () => {
  it('returns the input when it is not a date', () => {
    expect(formatDateTime('not a date')).toBe('not a date')
    expect(formatDateTime(null)).toBe('')
  })
  it('formats as YYYY/MM/DD HH:MM', () => {
    expect(formatDateTime('2026-01-10T04:05:00Z')).toMatch(/^2026\/01\/1[01] \d{2}:05$/)
  })
})

describe('safety helpers', () => {
  it('links only http(s) URLs', () => {
    expect(safeHttpUrl('https://example.jp/')).toBe('https://example.jp/')
    expect(safeHttpUrl('javascript:alert(1)')).toBeNull()
    expect(safeHttpUrl('data:text/html,x')).toBeNull()
    expect(safeHttpUrl('example.jp')).toBeNull()
  })
  it('redirects only within the app', () => {
    expect(safeRedirect('/engagements/5')).toBe('/engagements/5')
    expect(safeRedirect('//evil.example/')).toBe('/engagements')
    expect(safeRedirect('/\\evil.example/')).toBe('/engagements')
    expect(safeRedirect('https://evil.example/')).toBe('/engagements')
    expect(safeRedirect('/login?x=1')).toBe('/engagements')
    expect(safeRedirect(undefined)).toBe('/engagements')
  })
})

describe('percent', () => {
  it('keeps percentages within 0..100', () => {
    expect(percent(3, 5)).toBe(60)
    expect(percent(1, 0)).toBe(0)
    expect(percent(7, 5)).toBe(100)
  })
})
