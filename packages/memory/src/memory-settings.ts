import { adapterCapabilitiesSchema, type AdapterCapabilities } from '@ticketbridge/core'
import { z } from 'zod'

/** The memory adapter's capabilities when nothing restricts them: it can do everything. */
export const fullMemoryCapabilities: AdapterCapabilities = {
  tickets: {
    create: true,
    update: true,
    delete: true,
    setCreatedAt: true,
    html: true,
    pageSizeLimit: 100,
    attachments: true,
    orders: ['recently-updated-first'],
  },
  comments: { create: true, visibilities: ['public', 'internal'], setAuthor: true, setCreatedAt: true, html: true, attachments: true },
  attachments: { upload: true, download: true, maxBytes: 25 * 1024 * 1024, linkToComment: true },
  people: { create: true },
  organizations: { create: true },
  externalId: { storage: 'native', field: 'externalId' },
  query: {
    updatedSince: 'server',
    createdSince: 'server',
    statusCategories: 'server',
    queueId: 'server',
    organizationId: 'server',
    text: 'server',
  },
  silentWrites: true,
  timeEntries: true,
  relations: true,
  childrenReadBatchLimit: 500,
}

/** Capabilities to take away from the full set, section by section. */
export const capabilityOverridesSchema = z
  .object({
    tickets: adapterCapabilitiesSchema.shape.tickets.partial(),
    comments: adapterCapabilitiesSchema.shape.comments.partial(),
    attachments: adapterCapabilitiesSchema.shape.attachments.partial(),
    people: adapterCapabilitiesSchema.shape.people.partial(),
    organizations: adapterCapabilitiesSchema.shape.organizations.partial(),
    externalId: adapterCapabilitiesSchema.shape.externalId,
    query: adapterCapabilitiesSchema.shape.query.partial(),
    silentWrites: z.boolean(),
    timeEntries: z.boolean(),
    timeEntriesAreComments: z.boolean(),
    relations: z.boolean(),
    childrenReadBatchLimit: z.number().int().positive(),
  })
  .partial()
export type CapabilityOverrides = z.input<typeof capabilityOverridesSchema>

const memoryRetrySettingsSchema = z
  .object({
    maxRetries: z.number().int().min(0).max(20),
    baseDelayMs: z.number().nonnegative(),
    maxDelayMs: z.number().positive(),
  })
  .partial()

/** Settings of {@link createMemoryAdapter}, checked at construction. */
export const memoryAdapterSettingsSchema = z.object({
  /** The name records carry in `vendor`; lets a memory adapter stand in for a vendor in dry runs. */
  vendor: z.string().min(1).default('memory'),
  /** The vendor as people call it, in warnings; by default `Memory`, or the `vendor` it stands in for. */
  title: z.string().min(1).optional(),
  /** The credential presented to the store (checked when the store lists tokens). */
  token: z.string().optional(),
  /** Capabilities to take away, to behave like a more limited vendor. */
  capabilities: capabilityOverridesSchema.optional(),
  /** Milliseconds every call takes, to make timing visible. */
  latencyMs: z.number().nonnegative().default(0),
  /** Retry policy for the faults it plays. */
  retry: memoryRetrySettingsSchema.optional(),
  /** Default timeout of one attempt. */
  timeoutMs: z.number().positive().default(30_000),
})
export type MemoryAdapterSettingsInput = z.input<typeof memoryAdapterSettingsSchema>

export function resolveMemoryCapabilities(overrides: CapabilityOverrides | undefined): AdapterCapabilities {
  const base = structuredClone(fullMemoryCapabilities)
  if (!overrides) return base
  return {
    tickets: { ...base.tickets, ...overrides.tickets },
    comments: { ...base.comments, ...overrides.comments },
    attachments: { ...base.attachments, ...overrides.attachments },
    people: { ...base.people, ...overrides.people },
    organizations: { ...base.organizations, ...overrides.organizations },
    externalId: overrides.externalId ?? base.externalId,
    query: { ...base.query, ...overrides.query },
    silentWrites: overrides.silentWrites ?? base.silentWrites,
    timeEntries: overrides.timeEntries ?? base.timeEntries,
    ...(overrides.timeEntriesAreComments !== undefined ? { timeEntriesAreComments: overrides.timeEntriesAreComments } : {}),
    relations: overrides.relations ?? base.relations,
    childrenReadBatchLimit: overrides.childrenReadBatchLimit ?? (base.childrenReadBatchLimit as number),
  }
}
