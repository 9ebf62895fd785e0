import { createApp } from 'vue'
import App from '@/app/App.vue'
import { router } from '@/app/router'
import { onUnauthorized } from '@/shared/api/client'
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

createApp(App).use(router).mount('#app')
