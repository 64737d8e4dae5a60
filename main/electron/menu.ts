import { Menu, type MenuItemConstructorOptions } from 'electron'
import type { View } from '../../shared/contract/types.js'

export interface MenuActions {
  openBuyerWindow(): void
  openMerchantWindow(): void
  navigate(view: View): void
}

export function buildMenu(actions: MenuActions, isMac: boolean): Menu {
  const go = (label: string, view: View, accelerator?: string) => ({
    label,
    ...(accelerator != null ? { accelerator } : {}),
    click: () => actions.navigate(view),
  })
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: 'File',
      submenu: [
        { label: 'New merchant window', click: () => actions.openMerchantWindow() },
        {
          label: 'Open a buyer window on my shop',
          accelerator: 'CmdOrCtrl+Shift+B',
          click: () => actions.openBuyerWindow(),
        },
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    {
      label: 'Go',
      submenu: [
        go('Order board', 'merchant/board', 'CmdOrCtrl+1'),
        go('Catalog', 'merchant/catalog', 'CmdOrCtrl+2'),
        go('Shop', 'merchant/shop', 'CmdOrCtrl+3'),
        { type: 'separator' },
        go('My trades', 'buyer/trades'),
        go('Warnings', 'buyer/warnings'),
      ],
    },
    { role: 'viewMenu' },
    { role: 'windowMenu' },
  ]
  return Menu.buildFromTemplate(template)
}
