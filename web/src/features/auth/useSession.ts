// The signed-in user, shared by the whole app. The session cookie itself is HttpOnly and
// never visible here; we only keep the user and the CSRF token the server hands out.

import { computed, reactive, readonly } from 'vue'
import { authApi } from './api'
import { ApiError, setCsrfToken } from '@/shared/api/client'
import type { Role, SessionResponse, User } from '@/shared/api/contract'

const state = reactive({
  user: null as User | null,
  loaded: false,
})

let pending: Promise<void> | null = null

function apply(res: SessionResponse): void {
  state.user = res.user
  state.loaded = true
  setCsrfToken(res.csrf_token)
}

function clear(): void {
  state.user = null
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
        setCsrfToken(null)
        state.loaded = e instanceof ApiError && e.status === 401
      })
      .finally(() => {
        pending = null
      })
  }
  return pending
}

async function login(email: string, password: string): Promise<User> {
  const res = await authApi.login(email, password)
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

export function useSession() {
  return {
    state: readonly(state),
    user: computed(() => state.user),
    role: computed<Role | null>(() => state.user?.role ?? null),
    isSecretariat: computed(() => state.user?.role === 'secretariat'),
    ensureLoaded,
    login,
    logout,
    clear,
    apply,
  }
}
