import fc from 'fast-check'

// Generated HTTP requests for the shop's routes: bodies broken in one way,
// raw bytes, bodies past the size limit, odd headers, methods and paths.

export interface HttpInput {
  method: string
  path: string
  headers: Record<string, string>
  body: string | Uint8Array | null
}

const badName = fc.oneof(
  fc.constantFrom('', '   ', '\uD800', 'x'.repeat(81), 'a\uDC00'),
  fc.integer(), fc.boolean(), fc.constant(null), fc.array(fc.string(), { maxLength: 2 }),
)
const badPassword = fc.oneof(
  fc.string({ maxLength: 7 }), fc.constant('p'.repeat(201)),
  fc.integer(), fc.constant(null), fc.dictionary(fc.string(), fc.string(), { maxKeys: 2 }),
)
const good = { name: 'fuzz-user', password: 'long enough password' }

const brokenCredentials = fc.oneof(
  badName.map((name) => JSON.stringify({ ...good, name })),
  badPassword.map((password) => JSON.stringify({ ...good, password })),
  fc.constantFrom('{"name":"x"}', '{"password":"long enough"}', '{}', '[]', 'null',
    '"text"', '42', '{"__proto__":{"polluted":true},"name":"a","password":"long enough"}',
    '{"constructor":{"prototype":{"polluted":true}}}', '{', '{"name":'),
  fc.string({ maxLength: 200 }),
  fc.uint8Array({ maxLength: 200 }),
  fc.integer({ min: 16 * 1024 + 1, max: 40 * 1024 }).map((n) =>
    JSON.stringify({ ...good, pad: 'x'.repeat(n) })),
  fc.string({ minLength: 1, maxLength: 8 }).map((key) =>
    JSON.stringify({ ...good, [key]: true })).filter((t) => Object.keys(JSON.parse(t)).length > 2),
)

const headerText = fc.stringMatching(/^[\x21-\x7e ]{0,300}$/)

export const httpInputs: fc.Arbitrary<HttpInput> = fc.oneof(
  fc.record({
    method: fc.constant('POST'),
    path: fc.constantFrom('/api/buyers', '/api/sessions'),
    headers: fc.constantFrom<Record<string, string>>({},
      { 'content-type': 'application/json' }, { 'content-type': 'text/plain' }),
    body: brokenCredentials,
  }),
  fc.record({
    method: fc.constant('DELETE'),
    path: fc.constant('/api/sessions'),
    headers: fc.oneof(
      fc.constant<Record<string, string>>({}),
      headerText.map((v) => ({ authorization: v })),
      headerText.map((v) => ({ authorization: `Bearer ${v}` })),
    ),
    body: fc.constant(null),
  }),
  fc.record({
    method: fc.constantFrom('GET', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'POST'),
    path: fc.oneof(
      fc.constantFrom('/', '/api', '/api/buyers/x', '/api/sessions/all',
        '/%00', '/api/%2e%2e/buyers', '/health/', '/socket.io'),
      fc.webPath().map((p) => `/x${p}`),
    ),
    headers: fc.constant<Record<string, string>>({}),
    body: fc.constant(null),
  }),
)
