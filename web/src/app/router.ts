import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router'
import type { Role } from '@/shared/api/contract'
import { useSession } from '@/features/auth/useSession'
import { useMeta } from '@/shared/composables/useMeta'
import { safeRedirect } from '@/shared/lib/format'
import { ENROLMENT_PATH, enrolmentRedirect } from '@/features/auth/links'
import LoginView from '@/features/auth/LoginView.vue'
import EngagementListView from '@/features/engagements/EngagementListView.vue'
import ForbiddenView from './ForbiddenView.vue'
import NotFoundView from './NotFoundView.vue'

declare module 'vue-router' {
  interface RouteMeta {
    /** Page title (Japanese), shown in the tab. */
    title?: string
    /** Reachable without signing in. */
    public?: boolean
    /** Only these roles may open the page; absent = any signed-in user. */
    roles?: Role[]
    /**
     * A page for people without an account (the respondent's answer page): no session probe,
     * no header, never a redirect to /login.
     */
    bare?: boolean
  }
}

const SECRETARIAT: Role[] = ['secretariat']

// The sign-in page and the engagement list (where everybody lands) are in the main bundle; every
// other screen loads on demand. The respondent's phone never downloads the staff views, and the
// chart library is fetched only on the analysis pages.
const AccountView = () => import('@/features/account/AccountView.vue')
const TwoFactorEnrolView = () => import('@/features/account/TwoFactorEnrolView.vue')
const ForgotPasswordView = () => import('@/features/account/ForgotPasswordView.vue')
const AccountLinkView = () => import('@/features/account/AccountLinkView.vue')
const CalendarFeedView = () => import('@/features/calendar/CalendarFeedView.vue')
const EngagementCreateView = () => import('@/features/engagements/EngagementCreateView.vue')
const EngagementDetailView = () => import('@/features/engagements/EngagementDetailView.vue')
const CompanyListView = () => import('@/features/companies/CompanyListView.vue')
const CompanyFormView = () => import('@/features/companies/CompanyFormView.vue')
const UserListView = () => import('@/features/users/UserListView.vue')
const UserCreateView = () => import('@/features/users/UserCreateView.vue')
const AuditLogView = () => import('@/features/audit/AuditLogView.vue')
const AnswerSheetView = () => import('@/features/answer/AnswerSheetView.vue')
const DiagnosisRoundsView = () => import('@/features/diagnosis/DiagnosisRoundsView.vue')
const RoundView = () => import('@/features/diagnosis/RoundView.vue')
const NotificationListView = () => import('@/features/notifications/NotificationListView.vue')
const OutboxView = () => import('@/features/notifications/OutboxView.vue')
const DashboardView = () => import('@/features/dashboard/DashboardView.vue')
const CourseSessionView = () => import('@/features/course/SessionView.vue')
const HearingSheetView = () => import('@/features/hearing/HearingSheetView.vue')
const RulesCheckView = () => import('@/features/rules/RulesCheckView.vue')
const ActionPlanView = () => import('@/features/action_plan/ActionPlanView.vue')
const FinalReportView = () => import('@/features/final_report/FinalReportView.vue')
const PolicyPage = () => import('@/features/policy/PolicyPage.vue')
const SurveyView = () => import('@/features/survey/SurveyView.vue')
const SurveyResultsView = () => import('@/features/survey/SurveyResultsView.vue')

const routes: RouteRecordRaw[] = [
  // The secretariat starts at the dashboard; everybody else at their engagements.
  {
    path: '/',
    name: 'home',
    component: EngagementListView,
    // Runs after the global guard, so the session is known by then.
    beforeEnter: () => ({ name: useSession().isSecretariat.value ? 'dashboard' : 'engagements', replace: true }),
  },
  {
    path: '/login',
    name: 'login',
    component: LoginView,
    meta: { title: 'ログイン', public: true },
  },
  // The links of the account e-mails carry their token in the fragment (#t=…): public pages.
  {
    path: '/account/forgot',
    name: 'password-forgot',
    component: ForgotPasswordView,
    meta: { title: 'パスワードの再設定', public: true },
  },
  {
    path: '/account/setup',
    name: 'account-setup',
    component: AccountLinkView,
    props: { purpose: 'invitation' },
    meta: { title: 'アカウントの設定', public: true },
  },
  {
    path: '/account/reset',
    name: 'password-reset',
    component: AccountLinkView,
    props: { purpose: 'password_reset' },
    meta: { title: 'パスワードの再設定', public: true },
  },
  {
    path: '/account',
    name: 'account',
    component: AccountView,
    meta: { title: 'アカウント設定' },
  },
  {
    path: ENROLMENT_PATH,
    name: 'two-factor-enrol',
    component: TwoFactorEnrolView,
    meta: { title: '二要素認証の設定' },
  },
  { path: '/password', redirect: '/account' },
  {
    path: '/calendar',
    name: 'calendar-feed',
    component: CalendarFeedView,
    meta: { title: 'カレンダー連携' },
  },
  {
    path: '/engagements',
    name: 'engagements',
    component: EngagementListView,
    meta: { title: '指導案件一覧' },
  },
  {
    path: '/dashboard',
    name: 'dashboard',
    component: DashboardView,
    meta: { title: 'ダッシュボード', roles: SECRETARIAT },
  },
  {
    path: '/engagements/new',
    name: 'engagement-new',
    component: EngagementCreateView,
    meta: { title: '指導案件の登録', roles: SECRETARIAT },
  },
  {
    path: '/engagements/:id(\\d+)',
    name: 'engagement',
    component: EngagementDetailView,
    props: (route) => ({ id: Number(route.params.id) }),
    meta: { title: '指導案件詳細' },
  },
  {
    path: '/engagements/:id(\\d+)/diagnosis',
    name: 'diagnosis',
    component: DiagnosisRoundsView,
    props: (route) => ({ id: Number(route.params.id) }),
    meta: { title: '自社診断' },
  },
  {
    path: '/engagements/:id(\\d+)/sessions/:no(\\d+)',
    name: 'course-session',
    component: CourseSessionView,
    props: (route) => ({ id: Number(route.params.id), no: Number(route.params.no) }),
    meta: { title: '指導の回' },
  },
  {
    path: '/engagements/:id(\\d+)/hearing',
    name: 'hearing-sheet',
    component: HearingSheetView,
    props: (route) => ({ id: Number(route.params.id) }),
    meta: { title: 'ヒアリングシート' },
  },
  {
    path: '/engagements/:id(\\d+)/rules-check',
    name: 'rules-check',
    component: RulesCheckView,
    props: (route) => ({ id: Number(route.params.id) }),
    meta: { title: '関連規程類の点検結果' },
  },
  {
    path: '/engagements/:id(\\d+)/action-plan',
    name: 'action-plan',
    component: ActionPlanView,
    props: (route) => ({ id: Number(route.params.id) }),
    meta: { title: '対策実行計画書' },
  },
  {
    // The owner answers; the secretariat reads what was submitted; the expert never opens it.
    path: '/engagements/:id(\\d+)/survey',
    name: 'survey',
    component: SurveyView,
    props: (route) => ({ id: Number(route.params.id) }),
    meta: { title: 'アンケート', roles: ['company', 'secretariat'] },
  },
  {
    path: '/survey/results',
    name: 'survey-results',
    component: SurveyResultsView,
    meta: { title: 'アンケート集計', roles: SECRETARIAT },
  },
  {
    path: '/engagements/:id(\\d+)/final-report',
    name: 'final-report',
    component: FinalReportView,
    props: (route) => ({ id: Number(route.params.id) }),
    meta: { title: '最終報告書' },
  },
  {
    path: '/engagements/:id(\\d+)/policy',
    name: 'policy',
    component: PolicyPage,
    props: (route) => ({ id: Number(route.params.id) }),
    meta: { title: '情報セキュリティ基本方針' },
  },
  {
    path: '/diagnosis/rounds/:rid(\\d+)/:tab(respondents|analysis|findings)?',
    name: 'diagnosis-round',
    component: RoundView,
    props: (route) => ({
      rid: Number(route.params.rid),
      tab: typeof route.params.tab === 'string' && route.params.tab ? route.params.tab : 'respondents',
    }),
    meta: { title: '自社診断の回' },
  },
  {
    path: '/a/:token',
    name: 'answer',
    component: AnswerSheetView,
    props: (route) => ({ token: String(route.params.token) }),
    meta: { title: '情報セキュリティ自社診断', public: true, bare: true },
  },
  {
    path: '/companies',
    name: 'companies',
    component: CompanyListView,
    meta: { title: '企業一覧', roles: SECRETARIAT },
  },
  {
    path: '/companies/new',
    name: 'company-new',
    component: CompanyFormView,
    meta: { title: '企業の登録', roles: SECRETARIAT },
  },
  {
    path: '/companies/:id(\\d+)/edit',
    name: 'company-edit',
    component: CompanyFormView,
    props: (route) => ({ id: Number(route.params.id) }),
    meta: { title: '企業情報の編集', roles: SECRETARIAT },
  },
  {
    path: '/users',
    name: 'users',
    component: UserListView,
    meta: { title: 'ユーザー一覧', roles: SECRETARIAT },
  },
  {
    path: '/users/new',
    name: 'user-new',
    component: UserCreateView,
    meta: { title: 'ユーザーの登録', roles: SECRETARIAT },
  },
  {
    path: '/audit',
    name: 'audit',
    component: AuditLogView,
    meta: { title: '監査ログ', roles: SECRETARIAT },
  },
  {
    path: '/notifications',
    name: 'notifications',
    component: NotificationListView,
    meta: { title: '通知' },
  },
  {
    path: '/outbox',
    name: 'outbox',
    component: OutboxView,
    meta: { title: '送信待ちメール', roles: SECRETARIAT },
  },
  {
    path: '/forbidden',
    name: 'forbidden',
    component: ForbiddenView,
    meta: { title: '権限がありません' },
  },
  {
    path: '/:pathMatch(.*)*',
    name: 'not-found',
    component: NotFoundView,
    meta: { title: 'ページが見つかりません', public: true },
  },
]

export const router = createRouter({
  history: createWebHistory(),
  routes,
  scrollBehavior(to, _from, saved) {
    if (saved) return saved
    // In-page targets such as an unanswered question (#q-7) on the answer page.
    if (to.hash && /^#[\w-]+$/.test(to.hash)) return { el: to.hash, top: 80 }
    return { top: 0 }
  },
})

router.beforeEach(async (to) => {
  // Respondents have no account: do not even ask who is signed in.
  if (to.meta.bare) return true
  const session = useSession()
  await session.ensureLoaded()
  const user = session.user.value

  // Labels come from /meta: have them before the first page is drawn (once per page load).
  // (Not while a second factor must be enrolled: every route but enrolment answers 403 then.)
  if (user && !session.enrolmentRequired.value) await useMeta().load()

  if (to.name === 'login') {
    return user ? safeRedirect(to.query.redirect) : true
  }
  if (to.meta.public) return true
  if (!user) {
    return { name: 'login', query: to.fullPath === '/' ? {} : { redirect: to.fullPath } }
  }
  // A second factor that is required but not set up yet: only its page is open.
  const enrol = enrolmentRedirect(session.enrolmentRequired.value, { name: to.name, public: to.meta.public })
  if (enrol) return enrol === to.path ? true : { path: enrol, replace: true }
  if (to.meta.roles && !to.meta.roles.includes(user.role)) {
    return { name: 'forbidden', replace: true }
  }
  return true
})

router.afterEach((to) => {
  if (to.meta.bare) {
    document.title = to.meta.title ?? '情報セキュリティ自社診断'
    return
  }
  document.title = to.meta.title ? `${to.meta.title} | shido 指導管理` : 'shido 指導管理'
})
