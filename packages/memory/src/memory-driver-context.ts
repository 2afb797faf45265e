import type { AdapterCapabilities } from '@ticketbridge/core'
import type { MemoryTransport } from './memory-attempt'
import type { MemoryInputResolver } from './memory-input-resolver'
import type { MemoryStore } from './memory-store'

/** What every operation group of the memory driver shares. */
export interface MemoryDriverContext {
  /** The name records carry in `vendor`. */
  readonly vendor: string
  readonly capabilities: AdapterCapabilities
  readonly store: MemoryStore
  readonly resolve: MemoryInputResolver
  /** One "request": latency, faults, credentials and retries around the work. */
  readonly call: MemoryTransport['call']
  /** Now, by the adapter's clock, as records are stamped. */
  timestamp(): string
}
