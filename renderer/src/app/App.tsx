import { useEffect } from 'react'
import { request } from '../api.js'
import { useConsoleStore } from '../stores/useConsoleStore.js'
import { DialogHost } from '../ui/DialogHost.js'
import { ToastHost } from '../ui/ToastHost.js'
import { BuyerApp } from '../views/buyer/BuyerApp.js'
import { MerchantApp } from '../views/merchant/MerchantApp.js'
import { Welcome } from '../views/welcome/Welcome.js'
import { useRoute } from './useRoute.js'

// Picks the window's role from the URL hash.
export function App() {
  const route = useRoute()
  const refresh = useConsoleStore((s) => s.refresh)

  useEffect(() => {
    void refresh()
  }, [refresh])

  // Tells main which side this window shows (where buyer warnings go).
  useEffect(() => {
    void request('window:hello', { role: route.area })
  }, [route.area])

  useEffect(() => {
    document.title = route.area === 'merchant'
      ? 'Tradepost — Merchant'
      : route.area === 'buyer' ? 'Tradepost — Shopping' : 'Tradepost'
  }, [route.area])

  return (
    <>
      {route.area === 'merchant' && <MerchantApp route={route} />}
      {route.area === 'buyer' && <BuyerApp route={route} />}
      {route.area === 'welcome' && <Welcome />}
      <ToastHost />
      <DialogHost />
    </>
  )
}
