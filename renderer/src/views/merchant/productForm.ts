import type { Product } from '../../../../shared/protocol/schemas.js'
import { LIMITS } from '../../../../shared/protocol/schemas.js'
import { parseMajor, toMajorText } from '../../lib/money.js'

// The product form's values and their validation, as plain functions.

export interface ProductDraft {
  sku: string
  name: string
  price: string
  currency: string
  stock: string
}

export type DraftErrors = Partial<Record<keyof ProductDraft, string>>

export function draftOf(product: Product | null, currency = 'EUR'): ProductDraft {
  if (product == null) return { sku: '', name: '', price: '', currency, stock: '0' }
  return {
    sku: product.sku,
    name: product.name,
    price: toMajorText(product.priceMinor, product.currency),
    currency: product.currency,
    stock: String(product.stock),
  }
}

export function validateDraft(d: ProductDraft): { product: Product | null; errors: DraftErrors } {
  const errors: DraftErrors = {}
  const sku = d.sku.trim()
  const name = d.name.trim()
  const currency = d.currency.trim().toUpperCase()
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/.test(sku)) {
    errors.sku = sku === '' ? 'Enter a SKU.' : 'Use 1–64 letters, digits, dots, dashes or underscores, starting with a letter or digit.'
  }
  if (name === '') errors.name = 'Enter a name.'
  else if (name.length > LIMITS.nameMax) errors.name = `At most ${LIMITS.nameMax} characters.`
  if (!/^[A-Z]{3}$/.test(currency)) errors.currency = 'Use a three-letter currency code such as EUR.'
  const price = parseMajor(d.price, /^[A-Z]{3}$/.test(currency) ? currency : 'EUR')
  if (!price.ok) errors.price = price.message
  else if (price.minor > LIMITS.priceMax) errors.price = 'That price is too large.'
  const stock = /^\d+$/.test(d.stock.trim()) ? Number(d.stock.trim()) : NaN
  if (!Number.isSafeInteger(stock)) errors.stock = 'Enter a whole number, 0 or more.'
  else if (stock > LIMITS.stockMax) errors.stock = 'That is more stock than a shop can hold.'
  if (Object.keys(errors).length > 0 || !price.ok) return { product: null, errors }
  return { product: { sku, name, priceMinor: price.minor, currency, stock }, errors }
}
