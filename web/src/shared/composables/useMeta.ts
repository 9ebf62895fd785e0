// /meta: the Japanese labels of every key the API uses (roles, statuses, audit actions and
// entities, respondent roles and statuses, round statuses) and the four-session curriculum,
// fetched once per page load. Labels come only from here; a key /meta does not know is shown
// with a neutral Japanese word, never as the raw key.

import { computed, ref } from 'vue'
import { metaApi } from '@/shared/api/meta'
import type { KeyLabel, Meta, MetaListName } from '@/shared/api/contract'

const meta = ref<Meta | null>(null)
const error = ref<string>('')
let pending: Promise<Meta | null> | null = null

function load(): Promise<Meta | null> {
  if (meta.value) return Promise.resolve(meta.value)
  if (!pending) {
    pending = metaApi
      .get()
      .then((m) => {
        meta.value = m
        error.value = ''
        return m
      })
      .catch((e: unknown) => {
        error.value = e instanceof Error ? e.message : '基本情報を読み込めませんでした。'
        return null
      })
      .finally(() => {
        pending = null
      })
  }
  return pending
}

/** Shown for a key that /meta does not list (a newer server, say). */
const UNKNOWN: Record<MetaListName, string> = {
  roles: 'その他の役割',
  engagement_statuses: 'その他の状態',
  company_roles: 'その他の役割',
  audit_actions: 'その他の操作',
  audit_entities: 'その他',
  respondent_roles: 'その他の役割',
  respondent_statuses: 'その他の状態',
  round_statuses: 'その他の状態',
  session_modes: '未定',
  session_progresses: 'その他の状態',
  report_states: 'その他の状態',
  deliverable_states: 'その他の状態',
  task_sides: 'その他',
  task_origins: 'その他',
  document_kinds: 'その他の成果物',
  document_states: 'その他の状態',
}

function options(list: MetaListName): KeyLabel[] {
  return meta.value?.[list] ?? []
}

/** The label of a key; '' while /meta is loading or for an empty key. */
function label(list: MetaListName, key: string | null | undefined): string {
  if (key === null || key === undefined || key === '' || !meta.value) return ''
  return options(list).find((o) => o.key === key)?.label ?? UNKNOWN[list]
}

export function useMeta() {
  return {
    meta,
    error,
    load,
    loaded: computed(() => meta.value !== null),
    options,
    label,
    statusOptions: computed(() => options('engagement_statuses')),
    roleOptions: computed(() => options('roles')),
    statusLabel: (key: string | null | undefined) => label('engagement_statuses', key),
    roleLabel: (key: string | null | undefined) => label('roles', key),
    curriculum: computed(() => meta.value?.curriculum ?? null),
  }
}
