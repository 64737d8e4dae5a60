import { useEffect } from 'react'
import { request } from '../api.js'
import { useAttentionStore } from '../stores/useAttentionStore.js'
import { useConsoleStore } from '../stores/useConsoleStore.js'
import { DialogHost } from '../ui/DialogHost.js'
import { ToastHost } from '../ui/ToastHost.js'
import { BuyerApp } from '../views/buyer/BuyerApp.js'
import { MerchantApp } from '../views/merchant/MerchantApp.js'
import { ReceiptPage } from '../views/receipt/ReceiptPage.js'
import { Welcome } from '../views/welcome/Welcome.js'
import type { Route } from './route.js'
import { useRoute } from './useRoute.js'

// The window's title: its side, and on the merchant's side how many
// trades need attention, "(3) Tradepost — Merchant".
function titleOf(area: Route['area'], attention: number): string {
  if (area === 'buyer') return 'Tradepost — Shopping'
  if (area === 'receipt') return 'Receipt — Tradepost'
  if (area !== 'merchant') return 'Tradepost'
  return attention > 0 ? `(${attention}) Tradepost — Merchant` : 'Tradepost — Merchant'
}

// Picks the window's role from the URL hash.
export function App() {
  const route = useRoute()
  const refresh = useConsoleStore((s) => s.refresh)
  const attention = useAttentionStore((s) => s.overdue.size)
  const role = route.area === 'receipt' ? 'merchant' : route.area

  useEffect(() => {
    void refresh()
  }, [refresh])

  // Tells main which side this window shows (where buyer warnings go).
  useEffect(() => {
    void request('window:hello', { role })
  }, [role])

  useEffect(() => {
    document.title = titleOf(route.area, attention)
  }, [route.area, attention])

  return (
    <>
      {route.area === 'merchant' && <MerchantApp route={route} />}
      {route.area === 'buyer' && <BuyerApp route={route} />}
      {route.area === 'receipt' && <ReceiptPage tradingId={route.tradingId} pdf={route.pdf === true} />}
      {route.area === 'welcome' && <Welcome />}
      <ToastHost />
      <DialogHost />
    </>
  )
}
