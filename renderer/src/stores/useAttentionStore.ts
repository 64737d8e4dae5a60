import { create } from 'zustand'
import type { Waiting } from '../lib/attention.js'

// Trades that wait longer than their track's threshold, by trading ID.
// Computed in the page from the board's trades and the shop's settings
// (see AttentionWatcher); the board, nav badge and window title read it.

interface AttentionState {
  overdue: ReadonlyMap<string, Waiting[]>
  now: number
  setOverdue: (overdue: ReadonlyMap<string, Waiting[]>, now: number) => void
}

export const useAttentionStore = create<AttentionState>()((set) => ({
  overdue: new Map(),
  now: Date.now(),
  setOverdue: (overdue, now) => set({ overdue, now }),
}))
