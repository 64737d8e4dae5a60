import { config } from 'zod'

// zod probes for eval (new Function) when it builds an object schema, to
// compile a faster parser. The page's CSP forbids eval, so the probe only
// files a CSP violation report on every start. Jitless mode skips the
// probe and parses the plain way. Imported first by main.tsx: schemas are
// built as their modules load, so this must run before any of them.
config({ jitless: true })
