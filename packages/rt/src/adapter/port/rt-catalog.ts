import type { CallOptions } from '@ticketbridge/core'

/** A catalog: read once and kept; `refresh` reads it again. */
export type RtCatalog<T> = (call: CallOptions, refresh?: boolean) => Promise<T>

/**
 * A catalog read once and kept: `refresh` reads it again and replaces it only on success, so a
 * failed refresh (an outage, an abort) leaves the last good copy in place. A refresh asked for
 * while a read is under way joins that read: lookups asked together (a migration's preflight
 * reads statuses, queues and ticket types at once, each from the queue list) cost one request.
 */
export function createRtCatalog<T>(load: (call: CallOptions) => Promise<T>): RtCatalog<T> {
  let current: Promise<T> | undefined
  let reading: Promise<T> | undefined
  return (call, refresh = false) => {
    if (current && !refresh) return current
    if (reading) return reading
    const loading = load(call)
    const previous = current
    current = loading
    reading = loading
    const settle = (failed: boolean) => {
      if (reading === loading) reading = undefined
      if (failed && current === loading) current = previous
    }
    loading.then(
      () => settle(false),
      () => settle(true),
    )
    return loading
  }
}
