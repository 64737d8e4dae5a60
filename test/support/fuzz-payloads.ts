import fc from 'fast-check'

// Generated payloads that are malformed by construction: each takes a
// valid request and breaks it in one way (a wrong type, a field missing
// or added, a string or array far too long, deep nesting, keys such as
// __proto__, numbers the schema cannot take, text that is not Unicode).
// Every one of them must be answered with an error.

export type FieldKind = 'text' | 'pattern' | 'int' | 'array' | 'object' | 'status'

export interface Field {
  path: (string | number)[]
  kind: FieldKind
  required: boolean
}

export interface RequestShape {
  event: string
  template: Record<string, unknown>
  fields: Field[]
}

const f = (path: Field['path'], kind: FieldKind, required = true): Field =>
  ({ path, kind, required })

export function buyerShapes(): RequestShape[] {
  return [
    { event: 'catalog:list', template: {}, fields: [] },
    {
      event: 'order:place',
      template: {
        requestId: 'fuzz-request-0001',
        items: [{ sku: 'MUG-STONE', quantity: 1 }],
        shipTo: { name: 'Fuzz', address: '1 Fuzz Lane' },
        payment: { method: 'card' },
      },
      fields: [
        f(['requestId'], 'pattern'), f(['items'], 'array'),
        f(['items', 0], 'object'), f(['items', 0, 'sku'], 'pattern'),
        f(['items', 0, 'quantity'], 'int'), f(['shipTo'], 'object'),
        f(['shipTo', 'name'], 'text'), f(['shipTo', 'address'], 'text'),
        f(['payment'], 'object'), f(['payment', 'method'], 'pattern'),
      ],
    },
    {
      event: 'feed:sync',
      template: { after: 0, limit: 10 },
      fields: [f(['after'], 'int'), f(['limit'], 'int', false)],
    },
  ]
}

export function merchantShapes(tradingId: string, buyerId: string): RequestShape[] {
  return [
    { event: 'catalog:list', template: {}, fields: [] },
    { event: 'key:rotate', template: {}, fields: [] },
    {
      event: 'orders:list', template: { state: 'open' },
      fields: [f(['state'], 'pattern', false)],
    },
    {
      event: 'order:advance',
      template: {
        tradingId, track: 'order', to: 'in_preparation', note: 'fuzz',
      },
      fields: [
        f(['tradingId'], 'pattern'), f(['track'], 'pattern'),
        f(['to'], 'status'), f(['note'], 'text', false),
        f(['carrier'], 'text', false), f(['trackingNo'], 'text', false),
      ],
    },
    {
      event: 'catalog:upsert',
      template: {
        sku: 'FUZZ-1', name: 'Fuzz', priceMinor: 100, currency: 'EUR', stock: 1,
      },
      fields: [
        f(['sku'], 'pattern'), f(['name'], 'text'), f(['priceMinor'], 'int'),
        f(['currency'], 'pattern'), f(['stock'], 'int'),
      ],
    },
    {
      event: 'drill:mismatch', template: { buyerId },
      fields: [f(['buyerId'], 'pattern')],
    },
  ]
}

// --- nasty values -------------------------------------------------------

const hugeString = fc.integer({ min: 1_001, max: 60_000 }).map((n) => 'x'.repeat(n))
const loneSurrogate = fc.constantFrom('\uD800', 'a\uDC00b', 'name\uDBFF', '\uDFFF\uD800')
const oddUnicode = fc.constantFrom(
  '\u202Eevil', 'nul\u0000byte', 'é', '👩‍👩‍👧', '\uFEFFbom', 'ｓｋｕ', 'Ω≈ç√',
  'a\u0301\u0301\u0301', '\u200B', '𝕏𝕏𝕏𝕏𝕏𝕏𝕏𝕏', '..', '//', 'a b c d e f',
)
const blank = fc.constantFrom('', ' ', '\t\n', '\u00A0')
const badNumber = fc.constantFrom(
  -1, 0.5, -0.5, Number.NaN, Infinity, -Infinity, 1e308, 2 ** 53 + 2, -1e21,
  1e-300,
)
const deep = fc.integer({ min: 20, max: 400 }).map((depth) => {
  let v: unknown = 'bottom'
  for (let i = 0; i < depth; i++) v = i % 2 === 0 ? { a: v } : [v]
  return v
})
const protoObject = fc.constantFrom(
  '{"__proto__":{"polluted":true}}',
  '{"constructor":{"prototype":{"polluted":true}}}',
  '{"prototype":{"polluted":true}}',
).map((text) => JSON.parse(text) as unknown)
const hugeArray = fc.integer({ min: 101, max: 1_500 }).map((n) =>
  Array.from({ length: n }, () => ({ sku: 'MUG-STONE', quantity: 1 })))
const binary = fc.uint8Array({ maxLength: 64 }).map((a) => Buffer.from(a))
const notString = fc.oneof(
  fc.integer(), fc.boolean(), fc.constant(null), fc.array(fc.string(), { maxLength: 3 }),
  fc.dictionary(fc.string(), fc.string(), { maxKeys: 3 }), binary, deep, protoObject,
)
const notNumber = fc.oneof(
  fc.string({ maxLength: 20 }), fc.constant('1'), fc.boolean(), fc.constant(null),
  fc.array(fc.integer(), { maxLength: 3 }), protoObject, binary, deep,
)
const notContainer = fc.oneof(
  fc.string({ maxLength: 20 }), fc.integer(), fc.boolean(), fc.constant(null),
  binary,
)

// A value that `kind` never accepts.
function invalidFor(kind: FieldKind): fc.Arbitrary<unknown> {
  switch (kind) {
    case 'text':
      return fc.oneof(notString, hugeString, loneSurrogate, blank)
    case 'pattern':
    case 'status':
      return fc.oneof(notString, hugeString, loneSurrogate, oddUnicode, blank)
    case 'int':
      return fc.oneof(notNumber, badNumber)
    case 'array':
      return fc.oneof(notContainer, fc.constant([]), hugeArray, protoObject, deep)
    case 'object':
      return fc.oneof(notContainer, fc.array(fc.integer(), { maxLength: 3 }), deep)
  }
}

const extraKey = fc.oneof(
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'ok', 'buyerId'),
  fc.string({ minLength: 1, maxLength: 12 }),
)

export type Corruption =
  | { how: 'replace'; path: Field['path']; value: unknown }
  | { how: 'drop'; path: Field['path'] }
  | { how: 'extra'; path: Field['path']; key: string; value: unknown }
  | { how: 'whole'; value: unknown }
  | { how: 'two-payloads' }

function corruption(shape: RequestShape): fc.Arbitrary<Corruption> {
  const objects = [[], ...shape.fields.filter((x) => x.kind === 'object').map((x) => x.path)]
  const options: fc.Arbitrary<Corruption>[] = [
    fc.record({
      how: fc.constant('extra' as const),
      path: fc.constantFrom(...objects),
      key: extraKey,
      // undefined would vanish on the wire and leave a valid payload
      value: fc.oneof(fc.anything({ maxDepth: 2 }), deep, hugeString)
        .filter((v) => v !== undefined),
    }),
    fc.record({
      how: fc.constant('whole' as const),
      value: fc.oneof(notContainer, fc.array(fc.anything({ maxDepth: 1 }), { maxLength: 3 }), deep),
    }),
    fc.constant({ how: 'two-payloads' as const }),
  ]
  if (shape.fields.length > 0) {
    options.push(fc.constantFrom(...shape.fields).chain((field) =>
      invalidFor(field.kind).map((value) => (
        { how: 'replace' as const, path: field.path, value }))))
    const required = shape.fields.filter((x) => x.required)
    if (required.length > 0) {
      options.push(fc.constantFrom(...required).map((field) => (
        { how: 'drop' as const, path: field.path })))
    }
  }
  return fc.oneof(...options)
}

export interface Malformed {
  event: string
  args: unknown[]
  corruption: Corruption
}

export function malformed(shapes: RequestShape[]): fc.Arbitrary<Malformed> {
  return fc.constantFrom(...shapes).chain((shape) =>
    corruption(shape).map((c) => ({
      event: shape.event,
      args: apply(shape.template, c),
      corruption: c,
    })))
}

function apply(template: Record<string, unknown>, c: Corruption): unknown[] {
  if (c.how === 'whole') return [c.value]
  const payload = structuredClone(template)
  if (c.how === 'two-payloads') return [payload, payload]
  const parentPath = c.how === 'extra' ? c.path : c.path.slice(0, -1)
  const parent = parentPath.reduce<any>((node, key) => node[key], payload)
  if (c.how === 'extra') {
    Object.defineProperty(parent, c.key, {
      value: c.value, enumerable: true, writable: true, configurable: true,
    })
    return [payload]
  }
  const key = c.path.at(-1)!
  if (c.how === 'drop') delete parent[key]
  else parent[key] = c.value
  return [payload]
}
