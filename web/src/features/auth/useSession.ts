// The signed-in user, shared by the whole app. The session cookie itself is HttpOnly and
// never visible here; we only keep the user, the second factor's state and the CSRF token the
// server hands out.

import { computed, reactive, readonly } from 'vue'
import { authApi, type SecondFactorLogin } from './api'
import { challengeOf, sessionOf } from './links'
import { ApiError, setCsrfToken } from '@/shared/api/client'
import type { Role, SessionResponse, User } from '@/shared/api/contract'

type TwoFactorState = SessionResponse['two_factor']

const state = reactive({
  user: null as User | null,
  twoFactor: null as TwoFactorState | null,
  loaded: false,
})

let pending: Promise<void> | null = null

function apply(res: SessionResponse): void {
  state.user = res.user
  state.twoFactor = res.two_factor
  state.loaded = true
  setCsrfToken(res.csrf_token)
}

function clear(): void {
  state.user = null
  state.twoFactor = null
  state.loaded = true
  setCsrfToken(null)
}

/** Asks the server once who we are; later calls reuse the answer. */
function ensureLoaded(): Promise<void> {
  if (state.loaded) return Promise.resolve()
  if (!pending) {
    pending = authApi
      .me()
      .then(apply)
      .catch((e: unknown) => {
        // 401: not signed in. Anything else (server down): treat as signed out for now, but
        // ask again on the next navigation.
        state.user = null
        state.twoFactor = null
        setCsrfToken(null)
        state.loaded = e instanceof ApiError && e.status === 401
      })
      .finally(() => {
        pending = null
      })
  }
  return pending
}

/** Asks the server again (after enrolling or when a 403 said the state changed). */
async function reload(): Promise<void> {
  state.loaded = false
  await ensureLoaded()
}

/** What the password step gave: signed in, or a challenge for the second step. */
export type LoginStep = { user: User } | { challenge: string }

async function login(email: string, password: string): Promise<LoginStep> {
  const res = await authApi.login(email, password)
  const challenge = challengeOf(res)
  if (challenge) return { challenge }
  const session = sessionOf(res)
  if (!session) throw new ApiError(500, 'internal', 'サーバーから不正な応答がありました。')
  apply(session)
  return { user: session.user }
}

async function secondFactor(body: SecondFactorLogin): Promise<User> {
  const res = await authApi.secondFactor(body)
  apply(res)
  return res.user
}

async function logout(): Promise<void> {
  try {
    await authApi.logout()
  } finally {
    clear()
  }
}

/** A 403 said the second factor must be enrolled first. */
function requireEnrolment(): void {
  if (state.twoFactor) state.twoFactor = { ...state.twoFactor, required: true, enabled: false, enrolment_required: true }
}

/** The enrolment was confirmed: the rest of the app is open again. */
function enrolled(): void {
  if (state.twoFactor) state.twoFactor = { ...state.twoFactor, enabled: true, enrolment_required: false }
}

export function useSession() {
  return {
    state: readonly(state),
    user: computed(() => state.user),
    role: computed<Role | null>(() => state.user?.role ?? null),
    isSecretariat: computed(() => state.user?.role === 'secretariat'),
    enrolmentRequired: computed(() => state.twoFactor?.enrolment_required === true),
    twoFactor: computed(() => state.twoFactor),
    ensureLoaded,
    reload,
    login,
    secondFactor,
    logout,
    clear,
    apply,
    requireEnrolment,
    enrolled,
  }
}
