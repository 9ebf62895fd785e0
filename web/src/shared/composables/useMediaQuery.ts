import { onBeforeUnmount, ref } from 'vue'

/** A reactive boolean that follows a CSS media query. */
export function useMediaQuery(query: string) {
  const mql = typeof window !== 'undefined' && window.matchMedia ? window.matchMedia(query) : null
  const matches = ref(mql?.matches ?? false)
  const update = (e: MediaQueryListEvent) => {
    matches.value = e.matches
  }
  mql?.addEventListener('change', update)
  onBeforeUnmount(() => mql?.removeEventListener('change', update))
  return matches
}

/** True on screens wide enough for tables (tablets and desktops). */
export function useWideScreen() {
  return useMediaQuery('(min-width: 48rem)')
}
