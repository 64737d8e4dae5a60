import type { View } from '../../../shared/contract/types.js'

// The window's place, read from and written to the URL hash:
// #/merchant/board/T-…, #/buyer/trades/T-…, #/buyer/cart, #/receipt/T-…
// (a printable receipt), … ; no hash is the welcome screen.

export type MerchantView = 'board' | 'dashboard' | 'catalog' | 'shop' | 'training'
export type BuyerView = 'catalog' | 'cart' | 'trades' | 'warnings' | 'connect'

export type Route =
  | { area: 'welcome' }
  | { area: 'merchant'; view: MerchantView; tradingId?: string }
  | { area: 'buyer'; view: BuyerView; tradingId?: string }
  // `pdf`: the app is printing it to a file itself, so the page must not
  // open the print dialog.
  | { area: 'receipt'; tradingId: string; pdf?: boolean }

const MERCHANT_VIEWS: readonly MerchantView[] = ['board', 'dashboard', 'catalog', 'shop', 'training']
const BUYER_VIEWS: readonly BuyerView[] = ['catalog', 'cart', 'trades', 'warnings', 'connect']

function pick<V extends string>(views: readonly V[], value: string | undefined, fallback: V): V {
  return views.find((v) => v === value) ?? fallback
}

export function parseHash(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter((p) => p !== '')
  const [area, view, id] = parts.map((p) => decodeURIComponent(p))
  const tradingId = id != null && id !== '' ? { tradingId: id } : {}
  if (area === 'merchant') {
    return { area, view: pick(MERCHANT_VIEWS, view, 'board'), ...tradingId }
  }
  if (area === 'buyer') {
    return { area, view: pick(BUYER_VIEWS, view, 'catalog'), ...tradingId }
  }
  if (area === 'receipt' && view != null && view !== '') {
    return { area, tradingId: view, ...(id === 'pdf' ? { pdf: true } : {}) }
  }
  return { area: 'welcome' }
}

export function hrefOf(route: Route): string {
  if (route.area === 'welcome') return '#/'
  if (route.area === 'receipt') return `#/receipt/${encodeURIComponent(route.tradingId)}`
  const id = route.tradingId != null ? `/${encodeURIComponent(route.tradingId)}` : ''
  return `#/${route.area}/${route.view}${id}`
}

export function hrefOfView(view: View, tradingId?: string): string {
  return tradingId != null ? `#/${view}/${encodeURIComponent(tradingId)}` : `#/${view}`
}

export function navigate(href: string): void {
  if (window.location.hash !== href) window.location.hash = href
}
