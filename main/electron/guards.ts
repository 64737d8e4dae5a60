import type { WebContents } from 'electron'

// Where the app's own pages live: the built renderer's index.html, or the
// dev server electron-vite starts in development.
export interface AppOrigin {
  fileUrl: string
  devUrl: string | null
}

// Whether a URL is one of the app's own pages (parsed, never by substring).
export function isAppUrl(raw: string, origin: AppOrigin): boolean {
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    return false
  }
  if (url.protocol === 'file:') {
    return url.pathname === new URL(origin.fileUrl).pathname
  }
  return origin.devUrl != null && url.origin === new URL(origin.devUrl).origin
}

export function isExternalWebUrl(raw: string): boolean {
  try {
    const { protocol } = new URL(raw)
    return protocol === 'https:' || protocol === 'http:'
  } catch {
    return false
  }
}

// No navigation away from the app and no new windows from a page: links
// to the web open in the system browser, everything else is refused.
export function guardContents(
  contents: WebContents,
  origin: AppOrigin,
  openExternal: (url: string) => void,
): void {
  contents.on('will-navigate', (event, url) => {
    if (isAppUrl(url, origin)) return
    event.preventDefault()
    if (isExternalWebUrl(url)) openExternal(url)
  })
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.setWindowOpenHandler(({ url }) => {
    if (isExternalWebUrl(url) && !isAppUrl(url, origin)) openExternal(url)
    return { action: 'deny' }
  })
}
