import { useSessionStore } from '../../stores/useSessionStore.js'
import { ConnectForm } from './ConnectForm.js'
import { SavedShops } from './SavedShops.js'

// Connect to a shop: its address, then register or sign in.
export function ConnectPage() {
  const count = useSessionStore((s) => s.shops.length)
  return (
    <main className="connect">
      <a className="back-link" href="#/"><span aria-hidden="true">← </span>Start screen</a>
      <div className="connect__layout">
        <section className="connect__card" aria-labelledby="connect-title">
          <span className="brand__mark" aria-hidden="true">T</span>
          <h1 className="page-title" id="connect-title">Shop at a merchant</h1>
          <p className="page-description">
            Enter the address your merchant gave you, then create an account or sign in. You stay signed in on this
            computer.
          </p>
          <ConnectForm />
        </section>
        {count > 0 && <SavedShops />}
      </div>
    </main>
  )
}
