import { createHash } from 'node:crypto'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  canonicalJson,
  contentsDigest,
  contentsJson,
  type TradeContents,
} from '../../shared/protocol/index.js'

const RUNS = Number(process.env.FUZZ_RUNS ?? 2000)

// The definition in docs/protocol.md, written the generic way: the
// contents object, then canonicalJson.
function reference(t: TradeContents): string {
  return canonicalJson({
    items: t.items.map((i) => ({
      sku: i.sku,
      name: i.name,
      quantity: i.quantity,
      unitPriceMinor: i.unitPriceMinor,
    })),
    totalMinor: t.totalMinor,
    currency: t.currency,
    shipTo: { name: t.shipTo.name, address: t.shipTo.address },
    payment: { method: t.payment.method },
  })
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex')

// Any UTF-16 text: characters JSON escapes, lone surrogates, astral ones.
const text = fc.oneof(
  fc.string({ unit: 'binary' }),
  fc.string({ unit: fc.nat(0xffff).map((c) => String.fromCharCode(c)) }),
  fc.string({
    unit: fc.constantFrom('"', '\\', '\n', '\u0000', '\u001f', '\u007f', '\u2028', '\ud800', '\udfff', 'é', '😀'),
  }),
)
const number = fc.oneof(
  fc.integer(),
  fc.nat(100_000_000_000),
  fc.double(),
  fc.constantFrom(0, -0, Number.MAX_SAFE_INTEGER, 1e21, 1e-7, Number.NaN, Infinity),
)

// Contents as the types allow them (what the shop and clients digest).
const typed: fc.Arbitrary<TradeContents> = fc.record({
  items: fc.array(
    fc.record({ sku: text, name: text, quantity: number, unitPriceMinor: number }),
    { maxLength: 5 },
  ),
  totalMinor: number,
  currency: text,
  shipTo: fc.record({ name: text, address: text }),
  payment: fc.record({ method: text }),
}) as fc.Arbitrary<TradeContents>

// Anything at all where a value goes: missing members, null, booleans,
// objects, arrays, objects with toJSON, lists of items with holes.
const value = fc.oneof(
  text,
  number,
  fc.constant(undefined),
  fc.anything(),
  fc.constant({ toJSON: () => 'x', b: 1, a: 2 }),
  fc.constant(new Date(0)),
)
const loose = fc.record({
  items: fc.sparseArray(
    fc.record(
      { sku: value, name: value, quantity: value, unitPriceMinor: value },
      { requiredKeys: [] },
    ),
    { maxLength: 4 },
  ),
  totalMinor: value,
  currency: value,
  shipTo: fc.record({ name: value, address: value }, { requiredKeys: [] }),
  payment: fc.record({ method: value }, { requiredKeys: [] }),
}, { requiredKeys: ['items', 'shipTo', 'payment'] }) as unknown as fc.Arbitrary<TradeContents>

function outcome(fn: () => string): string {
  try {
    return `ok ${fn()}`
  } catch {
    return 'threw'
  }
}

describe('contentsJson', () => {
  it('writes the example in docs/protocol.md and its digest', () => {
    const t: TradeContents = {
      items: [{ sku: 'MUG-STONE', name: 'Stoneware mug, 350 ml', quantity: 1, unitPriceMinor: 1800 }],
      totalMinor: 1800,
      currency: 'EUR',
      shipTo: { name: 'Ada', address: '1 Market Street' },
      payment: { method: 'card' },
    }
    expect(contentsJson(t)).toBe(
      '{"currency":"EUR","items":[{"name":"Stoneware mug, 350 ml","quantity":1,"sku":"MUG-STONE","unitPriceMinor":1800}],' +
        '"payment":{"method":"card"},"shipTo":{"address":"1 Market Street","name":"Ada"},"totalMinor":1800}',
    )
    expect(contentsDigest(t)).toBe('438bcfa9165f71528d172fdf3bb1da57de26ddc038129e5c39e4468528b007c6')
  })

  it('is the canonical JSON of the contents for any typed contents', () => {
    fc.assert(
      fc.property(typed, (t) => {
        const want = reference(t)
        expect(contentsJson(t)).toBe(want)
        expect(contentsDigest(t)).toBe(sha256(want))
      }),
      { numRuns: RUNS },
    )
  })

  it('is the canonical JSON of the contents (or throws alike) for any value at all', () => {
    fc.assert(
      fc.property(loose, (t) => {
        expect(outcome(() => contentsJson(t))).toBe(outcome(() => reference(t)))
      }),
      { numRuns: RUNS },
    )
  })

  it('leaves out members that are undefined, as canonicalJson does', () => {
    const t = {
      items: [{ sku: 'A', name: undefined, quantity: 1, unitPriceMinor: undefined }],
      totalMinor: undefined,
      currency: undefined,
      shipTo: { name: undefined, address: 'x' },
      payment: { method: undefined },
    } as unknown as TradeContents
    expect(contentsJson(t)).toBe(reference(t))
    expect(contentsJson(t)).toBe('{"items":[{"quantity":1,"sku":"A"}],"payment":{},"shipTo":{"address":"x"}}')
  })
})
