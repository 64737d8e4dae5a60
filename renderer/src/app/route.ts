import type { View } from '../../../shared/contract/types.js'

// The window's place, read from and written to the URL hash:
// #/merchant/board/T-…, #/buyer/trades/T-…, #/buyer/cart, … ; no hash is
// the welcome screen.

export type MerchantView = 'board' | 'catalog' | 'shop'
export type BuyerView = 'catalog' | 'cart' | 'trades' | 'warnings' | 'connect'

export type Route =
  | { area: 'welcome' }
  | { area: 'merchant'; view: MerchantView; tradingId?: string }
  | { area: 'buyer'; view: BuyerView; tradingId?: string }

const MERCHANT_VIEWS: readonly MerchantView[] = ['board', 'catalog', 'shop']
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
  return { area: 'welcome' }
}

export function hrefOf(route: Route): string {
  if (route.area === 'welcome') return '#/'
  const id = route.tradingId != null ? `/${encodeURIComponent(route.tradingId)}` : ''
  return `#/${route.area}/${route.view}${id}`
}

export function hrefOfView(view: View, tradingId?: string): string {
  return tradingId != null ? `#/${view}/${encodeURIComponent(tradingId)}` : `#/${view}`
}

export function navigate(href: string): void {
  if (window.location.hash !== href) window.location.hash = href
}
