import { useLayoutEffect, useRef } from 'react'

// Sets CSS properties through the CSSOM (which the page's CSP allows),
// never through a style attribute (which it blocks).
export function useCssProps<E extends HTMLElement>(props: Record<string, string>) {
  const ref = useRef<E>(null)
  const key = JSON.stringify(props)
  useLayoutEffect(() => {
    const el = ref.current
    if (el == null) return
    for (const [name, value] of Object.entries(props)) el.style.setProperty(name, value)
  }, [key])
  return ref
}
