import { describeTicketingAdapter } from '@ticketbridge/testkit'
import { createMemoryAdapter } from './memory-adapter'
import { createMemoryFaultQueue } from './memory-faults'
import { createMemoryStore } from './memory-store'

const fullToken = 'memory-full-access-token-7f3a9c'
const readOnlyToken = 'memory-read-only-token-21b8e4'

describeTicketingAdapter('memory', () => {
  const store = createMemoryStore({ tokens: { [fullToken]: 'full', [readOnlyToken]: 'read-only' } })
  const faults = createMemoryFaultQueue()
  const retry = { maxRetries: 3, baseDelayMs: 10, maxDelayMs: 2000 }
  return {
    createAdapter: () => createMemoryAdapter({ store, faults, token: fullToken, retry }),
    createAdapterWithBadCredentials: () => createMemoryAdapter({ store, token: 'not-a-valid-token-at-all', retry }),
    createAdapterWithoutPermission: () => createMemoryAdapter({ store, token: readOnlyToken, retry }),
    createRestrictedAdapter: () =>
      createMemoryAdapter({ store, token: fullToken, retry, capabilities: { people: { create: false }, relations: false } }),
    faults,
    secrets: [fullToken, readOnlyToken, 'not-a-valid-token-at-all'],
    provokeConflict: (adapter, ticketId) =>
      adapter.tickets.update(ticketId, { subject: 'stale write', vendorOptions: { memory: { expectedVersion: 0 } } }),
  }
})
