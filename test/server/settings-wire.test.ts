import { describe, expect, it } from 'vitest'
import { DEFAULT_SHOP_SETTINGS, type ShopSettings } from '../../shared/protocol/settings.js'
import {
  cleanUpAfterEach,
  closeAll,
  collect,
  merchantSocket,
  request,
  startTestShop,
} from '../support/shop.js'
import { tempDir } from '../support/temp-dir.js'

cleanUpAfterEach()

const OWN: ShopSettings = {
  ...DEFAULT_SHOP_SETTINGS,
  rules: { ...DEFAULT_SHOP_SETTINGS.rules, capture_on_ship: true },
  lowStock: { threshold: 3, perSku: { 'MUG-STONE': 10 } },
}

describe('the merchant\'s settings over the wire', () => {
  it('are read, saved, told to every merchant console and kept across a restart', async () => {
    const dir = await tempDir('shop')
    const shop = await startTestShop(dir)
    const one = await merchantSocket(shop.url)
    const other = await merchantSocket(shop.url)
    const told = collect<{ settings: ShopSettings }>(other, 'settings:changed')

    expect(await request(one, 'settings:get', {})).toEqual({ ok: true, settings: DEFAULT_SHOP_SETTINGS })
    expect(await request(one, 'settings:save', OWN)).toEqual({ ok: true, settings: OWN })
    expect(await told.atLeast(1)).toEqual([{ settings: OWN }])

    await closeAll()
    const again = await startTestShop(dir)
    const merchant = await merchantSocket(again.url)
    expect(await request(merchant, 'settings:get', {})).toEqual({ ok: true, settings: OWN })
  })

  it('refuse settings that do not fit, and keep the ones in force', async () => {
    const shop = await startTestShop()
    const merchant = await merchantSocket(shop.url)

    for (const bad of [
      { ...OWN, lowStock: { threshold: -1, perSku: {} } },
      { ...OWN, rules: { ...OWN.rules, ship_by_drone: true } },
      { rules: OWN.rules },
    ]) {
      const res = await request(merchant, 'settings:save', bad)
      expect(res).toMatchObject({ ok: false, error: { code: 'invalid_request' } })
    }
    expect(await request(merchant, 'settings:get', {})).toEqual({ ok: true, settings: DEFAULT_SHOP_SETTINGS })
  })
})
