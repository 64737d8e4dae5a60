import type { Product } from '../../shared/protocol/schemas.js'

// A demo shop's starting catalog: a small coffee roaster with a range of
// prices and stock levels, a couple of them nearly sold out.
export const DEMO_CATALOG: readonly Product[] = [
  p('COF-ETH-250', 'Ethiopia Yirgacheffe, 250 g', 1290, 120),
  p('COF-COL-250', 'Colombia Huila, 250 g', 1150, 140),
  p('COF-KEN-250', 'Kenya Nyeri AA, 250 g', 1490, 60),
  p('COF-DECAF-250', 'Swiss water decaf, 250 g', 1190, 45),
  p('COF-HOUSE-1K', 'House espresso blend, 1 kg', 3490, 40),
  p('TEA-SEN-100', 'Japanese sencha, 100 g', 990, 80),
  p('TEA-EARL-100', 'Earl grey, 100 g', 790, 90),
  p('MUG-STONE', 'Stoneware mug, 350 ml', 1800, 50),
  p('FLT-V60-02', 'Pour-over dripper, size 02', 2450, 25),
  p('FLT-PAPER-100', 'Paper filters, pack of 100', 590, 200),
  p('GRD-HAND', 'Hand grinder, ceramic burrs', 6900, 6),
  p('KTL-GOOSE', 'Gooseneck kettle, 1 l', 5400, 4),
]

function p(sku: string, name: string, priceMinor: number, stock: number): Product {
  return { sku, name, priceMinor, currency: 'EUR', stock }
}

export const DEMO_BUYERS = [
  { name: 'Amelia Hart', address: '14 Orchard Lane, Bristol BS1 4QA' },
  { name: 'Jonas Weber', address: 'Lindenstraße 22, 10969 Berlin' },
  { name: 'Sofia Marino', address: 'Via dei Mille 8, 20129 Milano' },
  { name: 'Lucas Moreau', address: '3 rue des Tanneurs, 69001 Lyon' },
  { name: 'Noor Haddad', address: 'Keizersgracht 310, 1016 EZ Amsterdam' },
  { name: 'Erik Lund', address: 'Storgatan 5, 111 51 Stockholm' },
] as const
