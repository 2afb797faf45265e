import { createTicketingAdapter, parseSettings, registerSecret, type TicketingAdapterV1 } from '@ticketbridge/core'
import { createMemoryDriver } from './memory-driver'
import { createMemoryFaultQueue, type MemoryFaultQueue } from './memory-faults'
import { type MemoryAdapterSettingsInput, memoryAdapterSettingsSchema, resolveMemoryCapabilities } from './memory-settings'
import { createMemoryStore, type MemoryStore } from './memory-store'

/** Settings of {@link createMemoryAdapter}. */
export interface MemoryAdapterSettings extends MemoryAdapterSettingsInput {
  /** The tenant's data; share one store between adapters to see the same records. */
  store?: MemoryStore
  /** Faults to play on the next calls; see {@link MemoryFaultQueue}. */
  faults?: MemoryFaultQueue
  /** The clock records are stamped with. */
  now?: () => Date
}

/** The memory adapter: the contract plus handles on its store and faults. */
export interface MemoryAdapter extends TicketingAdapterV1 {
  readonly store: MemoryStore
  readonly faults: MemoryFaultQueue
}

/**
 * The in-memory reference adapter. It keeps a help desk in plain maps, implements the whole
 * contract and passes the whole conformance suite. It stands in for a real vendor in dry runs
 * (give it the target's capabilities and it warns and refuses the same way) and in tests, where
 * its fault queue plays rate limits, outages, slow answers and dropped connections.
 */
export function createMemoryAdapter(settings: MemoryAdapterSettings = {}): MemoryAdapter {
  const { store: givenStore, faults: givenFaults, now, ...plainSettings } = settings
  const parsed = parseSettings(memoryAdapterSettingsSchema, plainSettings, { vendor: 'memory' })
  // Registered so that no error or log line anywhere in the process can show it.
  registerSecret(parsed.token)
  const store = givenStore ?? createMemoryStore()
  const faults = givenFaults ?? createMemoryFaultQueue()
  const driver = createMemoryDriver({
    vendor: parsed.vendor,
    title: parsed.title ?? (parsed.vendor === 'memory' ? 'Memory' : parsed.vendor),
    capabilities: resolveMemoryCapabilities(parsed.capabilities),
    store,
    faults,
    now: now ?? (() => new Date()),
    token: parsed.token,
    latencyMs: parsed.latencyMs,
    timeoutMs: parsed.timeoutMs,
    retry: parsed.retry,
  })
  return createTicketingAdapter(driver, { store, faults })
}
