import type { CallOptions } from '@ticketbridge/core'

/** A catalog: read once and kept; `refresh` reads it again. */
export type RtCatalog<T> = (call: CallOptions, refresh?: boolean) => Promise<T>

/**
 * A catalog read once and kept: `refresh` reads it again and replaces it only on success, so a
 * failed refresh (an outage, an abort) leaves the last good copy in place.
 */
export function createRtCatalog<T>(load: (call: CallOptions) => Promise<T>): RtCatalog<T> {
  let current: Promise<T> | undefined
  return (call, refresh = false) => {
    if (current && !refresh) return current
    const loading = load(call)
    const previous = current
    current = loading
    loading.catch(() => {
      if (current === loading) current = previous
    })
    return loading
  }
}
