import { create } from 'zustand'
import type { DialogRequest } from '../../../shared/contract/types.js'
import type { Tone } from '../lib/labels.js'
import { request } from '../api.js'

// Toasts, and the dialogs main asks the page to show (browser host only).

export interface Toast {
  id: number
  tone: Tone
  text: string
  link?: { href: string; label: string }
}

interface UiState {
  toasts: Toast[]
  dialogs: DialogRequest[]
  dialogError: string | null
  toast: (text: string, tone?: Tone, link?: Toast['link']) => void
  dismissToast: (id: number) => void
  pushDialog: (dialog: DialogRequest) => void
  answerDialog: (dialogId: string, button: number) => Promise<void>
}

const TOAST_MS = 5000
let nextToast = 1

export const useUiStore = create<UiState>()((set, get) => ({
  toasts: [],
  dialogs: [],
  dialogError: null,

  toast(text, tone = 'info', link) {
    const id = nextToast++
    const toast: Toast = link != null ? { id, tone, text, link } : { id, tone, text }
    set((s) => ({ toasts: [...s.toasts.slice(-2), toast] }))
    setTimeout(() => get().dismissToast(id), TOAST_MS)
  },

  dismissToast(id) {
    set((s) => ({ toasts: s.toasts.filter((t) => t.id !== id) }))
  },

  pushDialog(dialog) {
    set((s) => ({
      dialogs: [...s.dialogs.filter((d) => d.dialogId !== dialog.dialogId), dialog],
    }))
  },

  async answerDialog(dialogId, button) {
    const outcome = await request('dialog:answer', { dialogId, button })
    if (!outcome.ok && outcome.error.code !== 'not_found') {
      set({ dialogError: outcome.error.message })
      return
    }
    set((s) => ({
      dialogError: null,
      dialogs: s.dialogs.filter((d) => d.dialogId !== dialogId),
    }))
  },
}))
