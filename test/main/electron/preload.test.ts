import { describe, expect, it, vi } from 'vitest'

vi.mock('electron', () => import('./fake-electron.js'))

const electron = await import('./fake-electron.js')
await import('../../../preload/index.js')
const { CHANNELS, REQUEST_NAMES } = await import('../../../shared/contract/names.js')

const api = electron.contextBridge.exposed.get('tradepost') as Record<string, any>

describe('the preload', () => {
  it('exposes exactly the contract: one function per request, and on', () => {
    expect([...electron.contextBridge.exposed.keys()]).toEqual(['tradepost'])
    expect(Object.keys(api).sort()).toEqual([...REQUEST_NAMES, 'on'].sort())
    for (const key of Object.keys(api)) expect(typeof api[key]).toBe('function')
  })

  it('sends a request on the request channel with its name', async () => {
    await api['shop:start']({})
    expect(electron.ipcRenderer.invoked).toEqual([[CHANNELS.request, 'shop:start', {}]])
  })

  it('hands a listener only its own event, until unsubscribed', () => {
    const seen: unknown[] = []
    const off = api.on('shop:status', (p: unknown) => seen.push(p))

    electron.ipcRenderer.emit(CHANNELS.event, {}, 'shop:status', { running: true })
    electron.ipcRenderer.emit(CHANNELS.event, {}, 'buyer:trade', { x: 1 })
    off()
    electron.ipcRenderer.emit(CHANNELS.event, {}, 'shop:status', { running: false })

    expect(seen).toEqual([{ running: true }])
  })
})
