import { createApp } from 'vue'
import App from '@/app/App.vue'
import { router } from '@/app/router'
import { onEnrolmentRequired, onUnauthorized } from '@/shared/api/client'
import { ENROLMENT_PATH } from '@/features/auth/links'
import { useSession } from '@/features/auth/useSession'
import './styles.css'

// Any 401 on an ordinary call means the session is gone: forget the user and go to the login page.
onUnauthorized(() => {
  const current = router.currentRoute.value
  // The respondent's answer page has no session to lose: never send it to /login.
  if (current.meta.bare) return
  useSession().clear()
  if (current.name !== 'login') {
    void router.push({
      name: 'login',
      query: { redirect: current.fullPath, reason: 'expired' },
    })
  }
})

// A 403 two_factor_enrolment_required: this account must enrol a second factor before anything
// else (the session said so too, but it may have changed since, e.g. after a reset).
onEnrolmentRequired(() => {
  const current = router.currentRoute.value
  if (current.meta.bare || current.path === ENROLMENT_PATH) return
  useSession().requireEnrolment()
  void router.push(ENROLMENT_PATH)
})

createApp(App).use(router).mount('#app')
