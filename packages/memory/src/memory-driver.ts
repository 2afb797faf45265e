import type { AdapterCapabilities, TicketingDriverV1 } from '@ticketbridge/core'
import type { RetryPolicyOptions } from '@ticketbridge/http'
import { createMemoryAttachmentOperations } from './memory-attachment-operations'
import { createMemoryTransport } from './memory-attempt'
import { createMemoryCommentOperations } from './memory-comment-operations'
import type { MemoryDriverContext } from './memory-driver-context'
import type { MemoryFaultQueue } from './memory-faults'
import { createMemoryInputResolver } from './memory-input-resolver'
import { createMemoryLookupOperations } from './memory-lookup-operations'
import { createMemoryOrganizationOperations } from './memory-organization-operations'
import { createMemoryPersonOperations } from './memory-person-operations'
import { createMemoryRelationOperations } from './memory-relation-operations'
import type { MemoryStore } from './memory-store'
import { createMemoryTicketOperations } from './memory-ticket-operations'
import { createMemoryTimeEntryOperations } from './memory-time-entry-operations'

/** Everything the memory driver works with, resolved: see `createMemoryAdapter` for the settings behind it. */
export interface MemoryDriverOptions {
  vendor: string
  title: string
  capabilities: AdapterCapabilities
  store: MemoryStore
  faults: MemoryFaultQueue
  now: () => Date
  token: string | undefined
  latencyMs: number
  timeoutMs: number
  retry: RetryPolicyOptions | undefined
}

/**
 * The memory driver. It has every operation whatever the capabilities: the runtime refuses
 * what they switch off and gives the standard warnings, so a memory adapter given a vendor's
 * capabilities warns and refuses as that vendor would. It keeps no pace (memory has no rate limit).
 */
export function createMemoryDriver(options: MemoryDriverOptions): TicketingDriverV1 {
  const { vendor, store, capabilities, now } = options
  const transport = createMemoryTransport(options)
  const context: MemoryDriverContext = {
    vendor,
    capabilities,
    store,
    resolve: createMemoryInputResolver(store, vendor),
    call: transport.call,
    timestamp: () => now().toISOString(),
  }
  return {
    specificationVersion: 'v1',
    vendor,
    title: options.title,
    capabilities,
    tickets: createMemoryTicketOperations(context),
    comments: createMemoryCommentOperations(context),
    attachments: createMemoryAttachmentOperations(context),
    people: createMemoryPersonOperations(context),
    organizations: createMemoryOrganizationOperations(context),
    lookups: createMemoryLookupOperations(context),
    timeEntries: createMemoryTimeEntryOperations(context),
    relations: createMemoryRelationOperations(context),
  }
}
