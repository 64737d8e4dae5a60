import { useSyncExternalStore } from 'react'
import { parseHash, type Route } from './route.js'

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange)
  return () => window.removeEventListener('hashchange', onChange)
}

function snapshot(): string {
  return window.location.hash
}

// The route of this window, following the URL hash.
export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, snapshot)
  return parseHash(hash)
}
