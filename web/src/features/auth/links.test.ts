import { describe, expect, it } from 'vitest'
import {
  challengeOf,
  confirmProblem,
  ENROLMENT_PATH,
  enrolmentRedirect,
  normaliseRecoveryCode,
  normaliseTotp,
  passwordProblem,
  recoveryCodesText,
  sessionOf,
  svgDataUrl,
  tokenFromHash,
} from './links'
import type { SessionResponse } from '@/shared/api/contract'

const session: SessionResponse = {
  user: {
    id: 1, email: 'a@b.jp', name: 'x', role: 'expert', company_id: null, company_role: null, active: true,
    status: 'active', two_factor_enabled: true,
  },
  csrf_token: 'c',
  two_factor: { enabled: true, required: true, enrolment_required: false },
}

describe('tokenFromHash', () => {
  it('reads t from the fragment', () => {
    expect(tokenFromHash('#t=abcDEF0123456789_-xyz')).toBe('abcDEF0123456789_-xyz')
    expect(tokenFromHash('t=abcdefgh12345678')).toBe('abcdefgh12345678')
    expect(tokenFromHash('#x=1&t=abcdefgh12345678')).toBe('abcdefgh12345678')
  })
  it('refuses what is absent or not token-shaped', () => {
    expect(tokenFromHash('')).toBeNull()
    expect(tokenFromHash(null)).toBeNull()
    expect(tokenFromHash('#t=')).toBeNull()
    expect(tokenFromHash('#t=short')).toBeNull()
    expect(tokenFromHash('#t=<script>alert(1)</script>')).toBeNull()
    expect(tokenFromHash('#token=abcdefgh12345678')).toBeNull()
  })
})

describe('login answers', () => {
  it('tells a challenge from a session', () => {
    expect(challengeOf({ second_factor_required: true, challenge: 'ch' })).toBe('ch')
    expect(sessionOf({ second_factor_required: true, challenge: 'ch' })).toBeNull()
    expect(challengeOf(session)).toBeNull()
    expect(sessionOf(session)).toBe(session)
  })
})

describe('enrolmentRedirect', () => {
  it('lets everybody through while no enrolment is required', () => {
    expect(enrolmentRedirect(false, { name: 'engagements' })).toBeNull()
  })
  it('sends every private page to the enrolment page while it is required', () => {
    expect(enrolmentRedirect(true, { name: 'engagements' })).toBe(ENROLMENT_PATH)
    expect(enrolmentRedirect(true, { name: 'account' })).toBe(ENROLMENT_PATH)
    expect(enrolmentRedirect(true, { name: 'home' })).toBe(ENROLMENT_PATH)
    expect(enrolmentRedirect(true, { name: undefined })).toBe(ENROLMENT_PATH)
  })
  it('keeps the enrolment page itself and public pages open', () => {
    expect(enrolmentRedirect(true, { name: 'two-factor-enrol' })).toBeNull()
    expect(enrolmentRedirect(true, { name: 'login', public: true })).toBeNull()
    expect(enrolmentRedirect(true, { name: 'account-setup', public: true })).toBeNull()
  })
})

describe('codes', () => {
  it('accepts six digits, with spaces and full-width digits', () => {
    expect(normaliseTotp('123456')).toBe('123456')
    expect(normaliseTotp(' 123 456 ')).toBe('123456')
    expect(normaliseTotp('１２３４５６')).toBe('123456')
    expect(normaliseTotp('12345')).toBeNull()
    expect(normaliseTotp('12345a')).toBeNull()
  })
  it('normalises recovery codes', () => {
    expect(normaliseRecoveryCode('ABCD-EFGH')).toBe('abcd-efgh')
    expect(normaliseRecoveryCode(' abcdefgh ')).toBe('abcd-efgh')
    expect(normaliseRecoveryCode('abcd-efg')).toBeNull()
    expect(normaliseRecoveryCode('abcd efgh!')).toBeNull()
  })
})

describe('passwords', () => {
  it('checks length (in characters), the address and the confirmation', () => {
    expect(passwordProblem('', 10)).toMatch('入力')
    expect(passwordProblem('短いパスワード', 10)).toMatch('10文字以上')
    expect(passwordProblem('日本語のとても長い合言葉です', 10)).toBeNull()
    expect(passwordProblem('user@example.jp', 10, 'USER@example.jp')).toMatch('メールアドレス')
    expect(confirmProblem('a', 'b')).toMatch('一致しません')
    expect(confirmProblem('a', 'a')).toBeNull()
  })
})

describe('svgDataUrl', () => {
  it('encodes the SVG as base64 (UTF-8 safe), never as markup', () => {
    const url = svgDataUrl('<svg xmlns="http://www.w3.org/2000/svg"><title>日本</title></svg>')
    expect(url.startsWith('data:image/svg+xml;base64,')).toBe(true)
    const bytes = Uint8Array.from(atob(url.split(',')[1]!), (c) => c.charCodeAt(0))
    expect(new TextDecoder().decode(bytes)).toContain('<title>日本</title>')
  })
})

describe('recoveryCodesText', () => {
  it('lists every code on its own line', () => {
    const text = recoveryCodesText(['aaaa-bbbb', 'cccc-dddd'], 'a@b.jp')
    expect(text.split('\n')).toContain('aaaa-bbbb')
    expect(text).toContain('a@b.jp')
  })
})
