import type { DialogRequest } from '../../shared/contract/index.js'

export type DialogSpec = Omit<DialogRequest, 'dialogId'>

// What differs between the Electron app and the browser host: how a
// dialog is shown, how the desktop is notified and how a window opens.
// Everything else in the console's core is the same in both.
export interface ConsolePlatform {
  // Resolves with the index of the button the user chose.
  showDialog(windowId: number | null, dialog: DialogSpec): Promise<number>
  notify(note: { title: string; body: string }): void
  openBuyerWindow(): Promise<boolean>
  // A trade's receipt as a PDF file (Electron), or a request to the page
  // to print it itself (the browser host).
  printReceipt(tradingId: string): Promise<{ saved: string | null; printInPage: boolean }>
  // Where the system keeps secrets for the user (the OS keyring, through
  // Electron's safeStorage), the buyer's session tokens are sealed with it
  // before they are written; without it they are written as they are.
  secrets?: SecretBox
}

export interface SecretBox {
  // The text sealed for this user on this machine, or null when the
  // system has no real way to do that just now.
  seal(text: string): string | null
  // Throws if the text cannot be opened (another machine, a new keyring).
  open(sealed: string): string
}
