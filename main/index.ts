// The Electron shell: app lifecycle, windows, IPC, native dialogs,
// notifications and the menu. Everything else is the plain-Node console
// core (main/console) and trading core (main/core).
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { app, BrowserWindow, Menu, shell } from 'electron'
import { ConsoleCore } from './console/console-core.js'
import { ElectronPlatform } from './electron/electron-platform.js'
import { guardContents, type AppOrigin } from './electron/guards.js'
import { bindIpc } from './electron/ipc.js'
import { buildMenu } from './electron/menu.js'
import { Windows } from './electron/windows.js'

const origin: AppOrigin = {
  fileUrl: pathToFileURL(join(import.meta.dirname, '../renderer/index.html')).href,
  devUrl: process.env.ELECTRON_RENDERER_URL ?? null,
}
const preload = join(import.meta.dirname, '../preload/index.cjs')

// A separate profile (for tests, demos and training rooms) when asked.
if (process.env.TRADEPOST_USER_DATA != null) {
  app.setPath('userData', process.env.TRADEPOST_USER_DATA)
}

async function main(): Promise<void> {
  if (!app.requestSingleInstanceLock()) return app.quit()
  await app.whenReady()

  const windows = new Windows(origin, preload)
  const core = await ConsoleCore.open({
    userData: app.getPath('userData'),
    platform: new ElectronPlatform(windows),
  })
  bindIpc(core, windows, origin)
  Menu.setApplicationMenu(
    buildMenu(
      {
        openBuyerWindow: () => windows.open('buyer'),
        openMerchantWindow: () => windows.open('merchant'),
        navigate: (view) => core.emit('ui:navigate', { view }, focusedId()),
      },
      process.platform === 'darwin',
    ),
  )
  windows.open(core.shop.status().running ? 'merchant' : 'welcome')

  app.on('second-instance', () => windows.all()[0]?.focus())
  app.on('activate', () => {
    if (windows.all().length === 0) windows.open('welcome')
  })
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
  let closing = false
  app.on('before-quit', (event) => {
    if (closing) return
    closing = true
    event.preventDefault()
    void core.close().finally(() => app.quit())
  })
}

function focusedId(): number | null {
  return BrowserWindow.getFocusedWindow()?.id ?? null
}

// Any web contents the app ever makes (including ones a bug might open)
// gets the same navigation guards.
app.on('web-contents-created', (_event, contents) => {
  guardContents(contents, origin, (url) => void shell.openExternal(url))
})

main().catch((err: unknown) => {
  console.error('tradepost:', err)
  app.exit(1)
})
