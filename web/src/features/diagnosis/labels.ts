// Labels of the self-assessment's keys, from /meta (respondent roles and statuses, round
// statuses). The keys themselves are the contract's enums; the order of the roles is fixed.

import { computed } from 'vue'
import type { RespondentRole } from '@/shared/api/contract'
import { useMeta } from '@/shared/composables/useMeta'

/** The respondent roles in the order they are shown: 経営者, 管理者, 従業員. */
export const RESPONDENT_ROLE_KEYS: readonly RespondentRole[] = ['owner', 'manager', 'staff']

export function useDiagnosisLabels() {
  const { label } = useMeta()
  const respondentRoleLabel = (key: string | null | undefined) => label('respondent_roles', key)
  return {
    respondentRoles: computed(() => RESPONDENT_ROLE_KEYS.map((key) => ({ key, label: respondentRoleLabel(key) }))),
    respondentRoleLabel,
    respondentStatusLabel: (key: string | null | undefined) => label('respondent_statuses', key),
    roundStatusLabel: (key: string | null | undefined) => label('round_statuses', key),
  }
}
