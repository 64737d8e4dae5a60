import { useState, type FormEvent } from 'react'
import { ShopUrl } from '../../../../shared/contract/schemas.js'
import { navigate } from '../../app/route.js'
import { describeError } from '../../lib/errors.js'
import { useSessionStore } from '../../stores/useSessionStore.js'
import { Button } from '../../ui/Button.js'
import { ErrorBanner } from '../../ui/ErrorBanner.js'
import { TextField } from '../../ui/Field.js'

type Mode = 'register' | 'signIn'
type Errors = Partial<Record<'url' | 'name' | 'password', string>>

function check(url: string, name: string, password: string): Errors {
  const errors: Errors = {}
  if (!ShopUrl.safeParse(url).success) errors.url = 'Enter the shop’s address, for example http://192.168.1.20:4820.'
  if (name.trim() === '') errors.name = 'Enter your name.'
  else if (name.trim().length > 80) errors.name = 'At most 80 characters.'
  if (password.length < 8) errors.password = 'At least 8 characters.'
  return errors
}

const CONNECT_WORDS: Record<string, string> = {
  unauthorized: 'That name and password do not match an account at this shop.',
  conflict: 'That name is already taken at this shop. Sign in instead, or choose another name.',
  unreachable: 'No shop answered at that address. Check the address, and that the shop is running.',
}

export function ConnectForm() {
  const connect = useSessionStore((s) => s.connect)
  const busy = useSessionStore((s) => s.busy === 'connect')
  const [mode, setMode] = useState<Mode>('register')
  const [url, setUrl] = useState('')
  const [name, setName] = useState('')
  const [password, setPassword] = useState('')
  const [errors, setErrors] = useState<Errors>({})
  const [failure, setFailure] = useState<string | null>(null)

  async function submit(e: FormEvent) {
    e.preventDefault()
    const found = check(url, name, password)
    setErrors(found)
    if (Object.keys(found).length > 0) return
    setFailure(null)
    const ok = await connect({ url: url.trim(), name: name.trim(), password, mode })
    if (ok) return navigate('#/buyer/catalog')
    const error = useSessionStore.getState().error
    if (error != null) setFailure(CONNECT_WORDS[error.code] ?? describeError(error))
  }

  return (
    <form className="stack" onSubmit={(e) => void submit(e)} noValidate>
      <fieldset className="segmented segmented--wide">
        <legend className="sr-only">Account</legend>
        {([['register', 'New here'], ['signIn', 'I have an account']] as const).map(([value, label]) => (
          <label key={value} className={mode === value ? 'segmented__option is-on' : 'segmented__option'}>
            <input type="radio" name="connect-mode" value={value} checked={mode === value} onChange={() => setMode(value)} />
            {label}
          </label>
        ))}
      </fieldset>
      <TextField label="Shop address" value={url} error={errors.url} placeholder="http://127.0.0.1:4820" autoComplete="url" inputMode="url" onChange={(e) => setUrl(e.target.value)} />
      <TextField label="Your name" value={name} error={errors.name} autoComplete="username" maxLength={80} onChange={(e) => setName(e.target.value)} />
      <TextField
        label="Password"
        type="password"
        value={password}
        error={errors.password}
        hint={mode === 'register' ? 'At least 8 characters.' : undefined}
        autoComplete={mode === 'register' ? 'new-password' : 'current-password'}
        onChange={(e) => setPassword(e.target.value)}
      />
      {failure != null && <ErrorBanner title={mode === 'register' ? 'Could not create the account' : 'Could not sign in'}>{failure}</ErrorBanner>}
      <Button type="submit" variant="primary" busy={busy} className="btn--block">
        {mode === 'register' ? 'Create account' : 'Sign in'}
      </Button>
    </form>
  )
}
