// A one-shot message that survives one navigation ("登録しました" after a redirect).

import { ref } from 'vue'

const message = ref('')
let shownOn: string | null = null

export function useFlash() {
  return {
    message,
    /** Shows text on the next page. */
    set(text: string) {
      message.value = text
      shownOn = null
    },
    /** Called after every navigation: keeps the message for the first page, then clears it. */
    onNavigated(path: string) {
      if (!message.value) return
      if (shownOn === null) shownOn = path
      else if (shownOn !== path) {
        message.value = ''
        shownOn = null
      }
    },
    clear() {
      message.value = ''
      shownOn = null
    },
  }
}
