// Copy to the clipboard, with a fallback for plain-http hosts (no Clipboard API there) and a
// status message for an aria-live region ("コピーしました").

import { ref } from 'vue'

export async function copyText(text: string): Promise<boolean> {
  try {
    if (typeof navigator !== 'undefined' && navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text)
      return true
    }
  } catch {
    // not allowed (no permission, document not focused): try the old way
  }
  const ta = document.createElement('textarea')
  ta.value = text
  ta.setAttribute('readonly', '')
  ta.style.position = 'fixed'
  ta.style.top = '0'
  ta.style.left = '0'
  ta.style.opacity = '0'
  document.body.appendChild(ta)
  const active = document.activeElement as HTMLElement | null
  ta.select()
  let ok = false
  try {
    ok = document.execCommand('copy')
  } catch {
    ok = false
  }
  ta.remove()
  active?.focus({ preventScroll: true })
  return ok
}

export function useClipboard() {
  const status = ref('')
  /** Which item was copied last (to mark its button). */
  const lastKey = ref<string | null>(null)
  let timer: ReturnType<typeof setTimeout> | null = null

  async function copy(text: string, key = '', what = ''): Promise<boolean> {
    const ok = await copyText(text)
    lastKey.value = ok ? key : null
    status.value = ok
      ? `${what ? what + 'を' : ''}コピーしました。`
      : 'コピーできませんでした。文字を選択してコピーしてください。'
    if (timer) clearTimeout(timer)
    timer = setTimeout(() => {
      lastKey.value = null
    }, 4000)
    return ok
  }

  return { status, lastKey, copy }
}
