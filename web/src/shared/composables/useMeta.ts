// /meta (labels and the four-session curriculum), fetched once per page load.

import { computed, ref } from 'vue'
import { metaApi } from '@/shared/api/meta'
import type { EngagementStatus, Meta, Role } from '@/shared/api/contract'
import { ROLE_LABELS, STATUS_LABELS } from '@/shared/lib/labels'

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

const statusOptions = computed(() =>
  meta.value?.engagement_statuses?.length
    ? meta.value.engagement_statuses
    : (Object.entries(STATUS_LABELS) as [EngagementStatus, string][]).map(([key, label]) => ({ key, label })),
)

const roleOptions = computed(() =>
  meta.value?.roles?.length
    ? meta.value.roles
    : (Object.entries(ROLE_LABELS) as [Role, string][]).map(([key, label]) => ({ key, label })),
)

function statusLabel(key: string | null | undefined): string {
  if (!key) return ''
  return statusOptions.value.find((s) => s.key === key)?.label ?? STATUS_LABELS[key as EngagementStatus] ?? key
}

function roleLabel(key: string | null | undefined): string {
  if (!key) return ''
  return roleOptions.value.find((r) => r.key === key)?.label ?? ROLE_LABELS[key as Role] ?? key
}

export function useMeta() {
  return {
    meta,
    error,
    load,
    statusOptions,
    roleOptions,
    statusLabel,
    roleLabel,
    curriculum: computed(() => meta.value?.curriculum ?? null),
  }
}
