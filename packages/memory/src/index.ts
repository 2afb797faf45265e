/**
 * @ticketbridge/memory: the in-memory reference adapter. It implements the whole
 * TicketingAdapter contract, passes the whole conformance suite, and stands in for a vendor in
 * dry runs and tests.
 */
export { createMemoryAdapter, type MemoryAdapter, type MemoryAdapterSettings } from './memory-adapter'
export { createMemoryDriver, type MemoryDriverOptions } from './memory-driver'
export {
  createMemoryStore,
  defaultMemoryLookups,
  type MemoryStore,
  type MemoryStoreOptions,
  type MemoryAccess,
  type MemoryTicketRecord,
  type MemoryCommentRecord,
  type MemoryAttachmentRecord,
  type MemoryPersonRecord,
  type MemoryOrganizationRecord,
} from './memory-store'
export { createMemoryFaultQueue, type MemoryFault, type MemoryFaultQueue } from './memory-faults'
export { fullMemoryCapabilities, type CapabilityOverrides } from './memory-settings'
