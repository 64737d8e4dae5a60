import { useRef } from 'react'

// Keys for the rows of a virtual list that let scrolling reuse their DOM
// nodes. A row that stays in the window keeps its slot; a row that
// enters takes the slot of one that has just left (or a new one), so
// React updates a few texts in place instead of removing one row's
// elements and building another's. Keys are unique within each render.
export function useRowSlots(indexes: readonly number[]): number[] {
  const held = useRef(new Map<number, number>())
  const before = held.current
  const now = new Map<number, number>()
  const taken = new Set<number>()
  for (const index of indexes) {
    const slot = before.get(index)
    if (slot != null) {
      now.set(index, slot)
      taken.add(slot)
    }
  }
  const free: number[] = []
  for (const slot of before.values()) if (!taken.has(slot)) free.push(slot)
  let next = before.size
  const slots = indexes.map((index) => {
    let slot = now.get(index)
    if (slot == null) {
      slot = free.pop()
      while (slot == null && taken.has(next)) next++
      if (slot == null) slot = next++
      now.set(index, slot)
      taken.add(slot)
    }
    return slot
  })
  held.current = now
  return slots
}
