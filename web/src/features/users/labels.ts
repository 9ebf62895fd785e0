// Labels of an account's state (not in /meta: the contract's UserStatus has three fixed keys).
import type { Schemas, User } from '@/shared/api/contract'

export type UserStatus = Schemas['UserStatus']

const STATUS_LABELS: Record<UserStatus, string> = {
  invited: '招待中',
  active: '有効',
  disabled: '無効',
}

export function userStatusLabel(status: UserStatus): string {
  return STATUS_LABELS[status] ?? status
}

/** 二要素認証 as a short text for the list. */
export function twoFactorLabel(user: Pick<User, 'two_factor_enabled' | 'status'>): string {
  if (user.status === 'invited') return '—'
  return user.two_factor_enabled ? '設定済み' : '未設定'
}

/** Which account actions the secretariat is offered for a user. */
export function accountActionsFor(user: Pick<User, 'status' | 'two_factor_enabled'>): {
  resendInvitation: boolean
  resetTwoFactor: boolean
} {
  return {
    resendInvitation: user.status === 'invited',
    resetTwoFactor: user.status === 'active' && user.two_factor_enabled,
  }
}
