// Pure helpers for 自社診断 (no Vue, no I/O): labels, progress, the CSV template, reminder text,
// and readings of the analysis. The instrument itself (items, choices, bands) always comes from
// the server; nothing here hard-codes programme content.

import type {
  Engagement,
  User,
  ChoiceKey,
  Difficulty,
  InstrumentBand,
  InstrumentChoice,
  IssuedLink,
  ItemAnalysis,
  ItemGroupStats,
  Level,
  Respondent,
  RespondentRole,
  RespondentSource,
} from '@/shared/api/contract'
import { RESPONDENT_ROLE_KEYS } from './labels'

export const SOURCE_LABELS: Record<RespondentSource, string> = {
  link: 'リンク',
  paper: '紙',
  csv: 'CSV',
}

export const LEVEL_OPTIONS: { key: Level; label: string }[] = [
  { key: 'high', label: '高' },
  { key: 'medium', label: '中' },
  { key: 'low', label: '低' },
]

export const DIFFICULTY_OPTIONS: { key: Difficulty; label: string }[] = [
  { key: 'easy', label: '易' },
  { key: 'medium', label: '中' },
  { key: 'hard', label: '難' },
]

export function levelLabel(v: Level | null | undefined): string {
  return LEVEL_OPTIONS.find((o) => o.key === v)?.label ?? '未設定'
}

export function difficultyLabel(v: Difficulty | null | undefined): string {
  return DIFFICULTY_OPTIONS.find((o) => o.key === v)?.label ?? '未設定'
}

/** The priority rule the server applies, in words (shown beside the priority list). */
export const PRIORITY_RULE =
  '重点改善領域 → 緊急度（高い順） → 重要度（高い順） → 難易度（易しい順） → 項目番号 の順に並べています。未設定の評価は最後に回ります。'

/** "3.25" → "3.3"; whole numbers keep one decimal so columns line up. */
export function formatMean(n: number | null | undefined, digits = 1): string {
  if (n === null || n === undefined || Number.isNaN(n)) return '—'
  return n.toFixed(digits)
}

/** Signed difference: "+1.5", "−0.5", "±0.0". */
export function formatDelta(n: number, digits = 1): string {
  const s = Math.abs(n).toFixed(digits)
  if (Number(s) === 0) return `±${s}`
  return n > 0 ? `+${s}` : `−${s}`
}

export function bandFor(total: number, bands: InstrumentBand[]): InstrumentBand | null {
  const t = Math.round(total)
  return bands.find((b) => t >= b.min && t <= b.max) ?? null
}

export function choiceLabel(choices: InstrumentChoice[], key: string | null | undefined): string {
  if (!key) return '未回答'
  return choices.find((c) => c.key === key)?.label ?? key
}

/** The name to show for a respondent ("（匿名）" for anonymous links). */
export function respondentName(r: { name: string; department?: string }): string {
  const name = r.name.trim() || '（匿名）'
  return r.department?.trim() ? `${name}（${r.department.trim()}）` : name
}

export function canRevoke(r: Respondent): boolean {
  return r.source === 'link' && (r.status === 'invited' || r.status === 'answering' || r.status === 'expired')
}

export function canReissue(r: Respondent): boolean {
  return r.source === 'link' && r.status !== 'submitted'
}

export function canRemind(r: Respondent): boolean {
  return r.source === 'link' && (r.status === 'invited' || r.status === 'answering')
}

/** The CSV the import accepts: a header row with Japanese column names, UTF-8 with a BOM for Excel. */
export function csvTemplate(itemCount = 25): string {
  const header = ['役割', '氏名', '部署']
  for (let no = 1; no <= itemCount; no++) header.push(String(no))
  return '\uFEFF' + header.join(',') + '\r\n'
}

/** One line per link, for pasting into a mail or chat. */
export function linesForCopy(links: IssuedLink[]): string {
  return links
    .map((l) => `${l.respondent.role_label} ${respondentName(l.respondent)}: ${l.url}`)
    .join('\n')
}

export interface ReminderInput {
  companyName?: string
  roundName: string
  name: string
  url: string
  expiresAt?: string | null
  answeredCount?: number
  itemCount?: number
}

/** A ready-to-send reminder in Japanese (the link inside is the newly issued one). */
export function reminderMessage(input: ReminderInput): string {
  const who = input.name.trim() ? `${input.name.trim()} 様` : 'ご担当者様'
  const lines = [
    who,
    '',
    `「5分でできる！情報セキュリティ自社診断」（${input.roundName}）へのご回答のお願いです。`,
  ]
  if (input.answeredCount && input.itemCount && input.answeredCount > 0) {
    lines.push(
      `現在 ${input.answeredCount}/${input.itemCount} 問まで回答いただいています。続きから回答できます（回答済みの内容は保存されています）。`,
    )
  } else {
    lines.push('25問、5分ほどで回答できます。回答は自動で保存されます。')
  }
  lines.push('', '下記のリンクから回答してください。', input.url)
  if (input.expiresAt) {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(input.expiresAt)
    const date = m ? `${Number(m[1])}年${Number(m[2])}月${Number(m[3])}日` : input.expiresAt
    lines.push('', `回答期限：${date}`)
  }
  lines.push('', '※以前お送りしたリンクは使えなくなりました。こちらのリンクをお使いください。')
  if (input.companyName) lines.push('', input.companyName)
  return lines.join('\n')
}

/** The choice most respondents of a group picked (ties: the better-scoring choice first). */
export function dominantChoice(stats: ItemGroupStats | undefined, choices: InstrumentChoice[]): ChoiceKey | null {
  if (!stats || stats.respondents === 0) return null
  let best: InstrumentChoice | null = null
  let bestCount = 0
  for (const c of [...choices].sort((a, b) => b.points - a.points)) {
    const n = stats.counts?.[c.key] ?? 0
    if (n > bestCount) {
      best = c
      bestCount = n
    }
  }
  return best?.key ?? null
}

export interface GapReading {
  high: RespondentRole
  low: RespondentRole
  highMean: number
  lowMean: number
  highChoice: ChoiceKey | null
  lowChoice: ChoiceKey | null
  /** The sharpest case: one role says 実施している while another says 実施していない. */
  opposite: boolean
}

/** Which roles differ most on an item, and what each of them mostly answered. */
export function readGap(item: ItemAnalysis, choices: InstrumentChoice[]): GapReading | null {
  const present = RESPONDENT_ROLE_KEYS.filter((k) => (item.by_role[k]?.respondents ?? 0) > 0)
  if (present.length < 2) return null
  let high = present[0] as RespondentRole
  let low = present[0] as RespondentRole
  for (const k of present) {
    if ((item.by_role[k]?.mean_points ?? 0) > (item.by_role[high]?.mean_points ?? 0)) high = k
    if ((item.by_role[k]?.mean_points ?? 0) < (item.by_role[low]?.mean_points ?? 0)) low = k
  }
  if (high === low) return null
  const highChoice = dominantChoice(item.by_role[high], choices)
  const lowChoice = dominantChoice(item.by_role[low], choices)
  return {
    high,
    low,
    highMean: item.by_role[high]?.mean_points ?? 0,
    lowMean: item.by_role[low]?.mean_points ?? 0,
    highChoice,
    lowChoice,
    opposite: highChoice === 'done' && (lowChoice === 'not_done' || lowChoice === 'unknown'),
  }
}

/** "実施している 2・一部実施している 1" (zero counts left out). */
export function countsText(stats: ItemGroupStats | undefined, choices: InstrumentChoice[]): string {
  if (!stats || stats.respondents === 0) return '回答なし'
  const parts = choices
    .map((c) => ({ label: c.label, n: stats.counts?.[c.key] ?? 0 }))
    .filter((x) => x.n > 0)
    .map((x) => `${x.label} ${x.n}`)
  return parts.join('・') || '回答なし'
}


/**
 * Who may manage a round (invite, revoke, enter answers, read the findings): the secretariat, the
 * engagement's expert, and the company's owner. Other members of the company read only. The
 * server enforces the same rule; this only decides which controls to show.
 */
export function canManageDiagnosis(user: User | null, engagement: Engagement | null): boolean {
  if (!user || !engagement) return false
  if (user.role === 'secretariat') return true
  if (user.role === 'expert') return engagement.expert_id === user.id
  if (user.role === 'company') return user.company_role === 'owner' && user.company_id === engagement.company_id
  return false
}

/**
 * Who records findings (課題整理): the secretariat and the engagement's expert. The owner reads
 * them; the server's policy (`shido policy`, record_findings) is the same.
 */
export function canRecordFindings(user: User | null, engagement: Engagement | null): boolean {
  if (!user || !engagement) return false
  return user.role === 'expert' && engagement.expert_id === user.id
}

/** The drill-down notes are a working record: the expert and the owner read them, the secretariat does not. */
export function canReadFindings(user: User | null, engagement: Engagement | null): boolean {
  if (!user || !engagement) return false
  if (user.role === 'expert') return engagement.expert_id === user.id
  return user.role === 'company' && user.company_role === 'owner' && user.company_id === engagement.company_id
}
