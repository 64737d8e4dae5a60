import { subscribe } from './api.js'
import { hrefOfView, navigate, parseHash } from './app/route.js'
import { shortId } from './lib/format.js'
import { warningReason, type Tone } from './lib/labels.js'
import { useBoardStore } from './stores/useBoardStore.js'
import { useBuyerCatalogStore } from './stores/useBuyerCatalogStore.js'
import { useBuyerStore } from './stores/useBuyerStore.js'
import { useCatalogStore } from './stores/useCatalogStore.js'
import { useDemoStore } from './stores/useDemoStore.js'
import { useSessionStore } from './stores/useSessionStore.js'
import { useSettingsStore } from './stores/useSettingsStore.js'
import { useShopStore } from './stores/useShopStore.js'
import { useTrainingStore } from './stores/useTrainingStore.js'
import { useUiStore, type Toast } from './stores/useUiStore.js'

// Feeds every event from main into the store that holds its data.
export function wireEvents(): () => void {
  const toast = (text: string, tone: Tone, link?: Toast['link']) =>
    useUiStore.getState().toast(text, tone, link)

  const offs = [
    subscribe('shop:status', (status) => {
      const wasRunning = useShopStore.getState().status?.running === true
      useShopStore.getState().setStatus(status)
      if (status.running && !wasRunning) {
        if (useBoardStore.getState().load !== 'idle') void useBoardStore.getState().fetch()
        if (useCatalogStore.getState().load !== 'idle') void useCatalogStore.getState().fetch()
        if (useSettingsStore.getState().load !== 'idle') void useSettingsStore.getState().fetch(true)
      }
    }),
    subscribe('merchant:changed', ({ trading, processing }) => {
      useBoardStore.getState().applyChange(trading, processing)
    }),
    subscribe('merchant:product', (product) => {
      useCatalogStore.getState().applyProduct(product)
    }),
    subscribe('merchant:settings', (settings) => {
      useSettingsStore.getState().apply(settings)
    }),
    // `merchant:attention` is not followed: the page counts the trades
    // that need attention itself, from the board (one source of truth).
    subscribe('demo:status', (status) => {
      useDemoStore.getState().apply(status)
    }),
    subscribe('training:progress', (run) => {
      useTrainingStore.getState().apply(run)
    }),
    subscribe('buyer:shops', ({ shops, activeShopId }) => {
      const session = useSessionStore.getState()
      const before = session.shops.find((s) => s.shopId === activeShopId)?.status
      session.setShops(shops, activeShopId)
      const buyer = useBuyerStore.getState()
      if (buyer.load !== 'idle' && buyer.shop?.shopId !== activeShopId) void buyer.loadState()
      const now = shops.find((s) => s.shopId === activeShopId)?.status
      const catalog = useBuyerCatalogStore.getState()
      if (now === 'online' && before !== 'online' && activeShopId != null && catalog.shopId === activeShopId) {
        void catalog.fetch(activeShopId)
      }
    }),
    subscribe('buyer:trade', ({ shopId, trade }) => {
      useBuyerStore.getState().applyTrade(shopId, trade)
    }),
    subscribe('buyer:order', ({ shopId, order }) => {
      const buyer = useBuyerStore.getState()
      const before = buyer.orders.find((o) => o.requestId === order.requestId)?.state
      buyer.applyOrder(shopId, order)
      // Only for orders that waited (made offline), not ones placed at once.
      const waited = Date.parse(order.updatedAt) - Date.parse(order.createdAt) > 3000
      const pending = (before === 'queued' || before === 'sent') && waited
      if (pending && order.state === 'placed' && order.tradingId != null) {
        toast(`Your order was placed: trade ${shortId(order.tradingId)}`, 'success')
      } else if (pending && order.state === 'refused') {
        toast('The shop did not accept one of your orders — see My trades', 'danger')
      }
    }),
    subscribe('buyer:warning', ({ shopId, warning }) => {
      useBuyerStore.getState().applyWarning(shopId, warning)
      if (useBuyerStore.getState().shop?.shopId === shopId) {
        toast(`New warning: ${warningReason(warning.reason)[0]}`, 'warning')
      }
    }),
    subscribe('ui:navigate', ({ view, tradingId }) => {
      navigate(hrefOfView(view, tradingId))
    }),
    subscribe('ui:dialog', (dialog) => {
      useUiStore.getState().pushDialog(dialog)
    }),
    // Browser host only: notifications and new windows, done in the page.
    // Notes are about the buyer's trades: not shown in a merchant window.
    subscribe('ui:notify', ({ title, body }) => {
      if (parseHash(window.location.hash).area === 'merchant') return
      toast(body === '' ? title : `${title}: ${body}`, 'info')
    }),
    subscribe('ui:openWindow', ({ hash }) => {
      const href = `${window.location.pathname}${window.location.search}${hash}`
      const opened = window.open(href, '_blank')
      if (opened == null) toast('The browser blocked the new window.', 'info', { href, label: 'Open it here' })
    }),
  ]
  return () => offs.forEach((off) => off())
}
