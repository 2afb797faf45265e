import type { CallOptions } from '@ticketbridge/core'

/** A read kept for a while: `get` reads again once `ttlMs` has passed; a failed read is not kept. */
export interface HaloKeptRead<T> {
  get(call: CallOptions): Promise<T>
  /** The kept read, if any, without reading. */
  kept(): Promise<T> | undefined
}

export function createHaloKeptRead<T>(ttlMs: number, read: (call: CallOptions) => Promise<T>): HaloKeptRead<T> {
  let entry: { value: Promise<T>; readAt: number } | undefined
  return {
    get(call) {
      const now = Date.now()
      if (entry && now - entry.readAt < ttlMs) return entry.value
      const current = { value: read(call), readAt: now }
      entry = current
      current.value.catch(() => entry === current && (entry = undefined))
      return current.value
    },
    kept: () => entry?.value,
  }
}
