// Pure rules of the account pages: the link token in the address's fragment, the answer of a
// login (a session or a second-factor challenge), where a person who must enrol a second factor
// may go, and the password rule as the client checks it before the server does.

import type { SessionResponse } from '@/shared/api/contract'
import type { LoginResult } from './api'

/**
 * The token of an account link (`/account/setup#t=<token>`). It sits in the fragment so that no
 * server or proxy log ever sees it. Null when absent or not token-shaped.
 */
export function tokenFromHash(hash: string | null | undefined): string | null {
  if (!hash) return null
  const params = new URLSearchParams(hash.replace(/^#/, ''))
  const t = params.get('t')?.trim() ?? ''
  return /^[A-Za-z0-9._~-]{8,512}$/.test(t) ? t : null
}

/** The second step's challenge when the login answered with one, else null. */
export function challengeOf(res: LoginResult): string | null {
  if ('second_factor_required' in res && res.second_factor_required) return res.challenge
  return null
}

/** The session when the login answered with one. */
export function sessionOf(res: LoginResult): SessionResponse | null {
  return 'user' in res ? res : null
}

/** The page where a person whose second factor is required but missing enrols it. */
export const ENROLMENT_PATH = '/account/two-factor'

/** Pages a person may open while the enrolment is required (everything else is refused). */
const ALLOWED_WHILE_ENROLLING = new Set(['two-factor-enrol', 'not-found'])

/**
 * Where the router sends a signed-in person: null = let them through. While the second factor
 * is required but not enrolled only the enrolment page (and public pages) are open.
 */
export function enrolmentRedirect(
  enrolmentRequired: boolean,
  to: { name?: string | symbol | null; public?: boolean },
): string | null {
  if (!enrolmentRequired) return null
  if (to.public) return null
  if (typeof to.name === 'string' && ALLOWED_WHILE_ENROLLING.has(to.name)) return null
  return ENROLMENT_PATH
}

/** A six-digit authenticator code: digits only (spaces people type are dropped), or null. */
export function normaliseTotp(input: string): string | null {
  const digits = input.replace(/[\s\u3000-]/g, '').replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
  return /^\d{6}$/.test(digits) ? digits : null
}

/** A recovery code (`xxxx-xxxx`), lower-cased and trimmed, or null when it cannot be one. */
export function normaliseRecoveryCode(input: string): string | null {
  const code = input.trim().toLowerCase().replace(/\s+/g, '')
  const plain = code.replace(/-/g, '')
  if (!/^[a-z0-9]{8}$/.test(plain)) return null
  return `${plain.slice(0, 4)}-${plain.slice(4)}`
}

/** The client-side password check (the server also refuses common passwords and the address). */
export function passwordProblem(password: string, minLength: number, email = ''): string | null {
  if (!password) return 'パスワードを入力してください。'
  if ([...password].length < minLength) return `パスワードは${minLength}文字以上で入力してください。`
  if (email && password.trim().toLowerCase() === email.trim().toLowerCase())
    return 'メールアドレスと同じパスワードは使えません。'
  return null
}

/** The confirmation field's message, or null when both match. */
export function confirmProblem(password: string, confirm: string): string | null {
  return password === confirm ? null : '確認用のパスワードが一致しません。'
}

/** The password rule as shown next to the field. */
export function passwordRule(minLength: number): string {
  return `${minLength}文字以上。よく使われるパスワードやメールアドレスと同じものは使えません。推測されにくい長いフレーズがおすすめです。`
}

/** The recovery codes as a text file's content (one a line, with a heading). */
export function recoveryCodesText(codes: readonly string[], email: string): string {
  return [`shido 回復コード（${email}）`, '各コードは1回だけ使えます。', '', ...codes, ''].join('\n')
}

/**
 * The server-made SVG of the enrolment QR code as an image address: shown in an <img>, where an
 * SVG can run no script and touch no page (never inserted as markup).
 */
export function svgDataUrl(svg: string): string {
  const bytes = new TextEncoder().encode(svg)
  let binary = ''
  for (const b of bytes) binary += String.fromCharCode(b)
  return `data:image/svg+xml;base64,${btoa(binary)}`
}
