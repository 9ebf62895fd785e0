import { describe, expect, it } from 'vitest'
import { accountActionsFor, twoFactorLabel, userStatusLabel } from './labels'

describe('user labels', () => {
  it('names the three states in Japanese', () => {
    expect(userStatusLabel('invited')).toBe('招待中')
    expect(userStatusLabel('active')).toBe('有効')
    expect(userStatusLabel('disabled')).toBe('無効')
  })
  it('shows the second factor only for accounts in use', () => {
    expect(twoFactorLabel({ status: 'invited', two_factor_enabled: false })).toBe('—')
    expect(twoFactorLabel({ status: 'active', two_factor_enabled: true })).toBe('設定済み')
    expect(twoFactorLabel({ status: 'active', two_factor_enabled: false })).toBe('未設定')
  })
  it('offers re-sending to invited accounts and a reset to enrolled ones', () => {
    expect(accountActionsFor({ status: 'invited', two_factor_enabled: false })).toEqual({ resendInvitation: true, resetTwoFactor: false })
    expect(accountActionsFor({ status: 'active', two_factor_enabled: true })).toEqual({ resendInvitation: false, resetTwoFactor: true })
    expect(accountActionsFor({ status: 'disabled', two_factor_enabled: true })).toEqual({ resendInvitation: false, resetTwoFactor: false })
  })
})
