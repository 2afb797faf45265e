import { type Comment, createTicketingAdapter, type Person, type Ticket, type TicketingAdapter, type TicketingDriverV1 } from '@ticketbridge/core'
import { createMemoryDriver, createMemoryFaultQueue, createMemoryStore, fullMemoryCapabilities } from '@ticketbridge/memory'

const createdAt = '2024-05-02T08:00:03.210Z'

/** A memory driver to take what the synthetic ones leave alone (lookups, people, refusals). */
function memoryDriver(vendor: string): TicketingDriverV1 {
  return createMemoryDriver({
    vendor,
    title: vendor,
    capabilities: fullMemoryCapabilities,
    store: createMemoryStore(),
    faults: createMemoryFaultQueue(),
    now: () => new Date(),
    token: undefined,
    latencyMs: 0,
    timeoutMs: 30_000,
    retry: undefined,
  })
}

/**
 * A source that makes its tickets up as they are listed, so the benchmark measures the engine,
 * not a store: nothing is held, and memory use is the engine's own. Lookups, people and every
 * other call come from a memory adapter.
 */
export function createSyntheticSource(ticketCount: number, commentsPerTicket: number): TicketingAdapter {
  const base = memoryDriver('synthetic')
  const ticket = (id: number): Ticket => ({
    id: String(id),
    vendor: 'synthetic',
    raw: null,
    subject: `Synthetic ticket ${id}`,
    description: { text: `Body of synthetic ticket ${id}` },
    status: { category: id % 5 === 0 ? 'closed' : 'open', id: id % 5 === 0 ? '5' : '2', name: id % 5 === 0 ? 'Closed' : 'In Progress' },
    priority: { level: 'normal', id: '2', name: 'Medium' },
    tags: [],
    customFields: {},
    requester: { id: '1' },
    createdAt,
    updatedAt: createdAt,
  })
  const person: Person = { id: '1', vendor: 'synthetic', raw: null, kind: 'contact', name: 'Avery Example', email: 'avery@example.com' }
  const comments = (ticketId: string): Comment[] =>
    Array.from({ length: commentsPerTicket }, (_, index) => ({
      id: `${ticketId}-${index}`,
      vendor: 'synthetic',
      raw: null,
      ticketId,
      body: { text: `Reply ${index} on ${ticketId}` },
      visibility: index % 2 === 0 ? 'public' : 'internal',
      createdAt,
      attachments: [],
    }))
  return createTicketingAdapter({
    ...base,
    tickets: {
      ...base.tickets,
      listPage: async (_query, cursor) => {
        const start = cursor === undefined ? 1 : Number(cursor)
        const end = Math.min(ticketCount + 1, start + 500)
        const items = Array.from({ length: end - start }, (_, offset) => ticket(start + offset))
        return end <= ticketCount ? { items, nextCursor: String(end) } : { items }
      },
      get: async (id) => ticket(Number(id)),
    },
    comments: { ...base.comments, listPage: async (ticketId) => ({ items: comments(ticketId) }) },
    attachments: { ...base.attachments, listPage: async () => ({ items: [] }) },
    // The engine also reads each ticket's time entries and relations: the made-up tickets have none.
    timeEntries: { ...base.timeEntries!, listPage: async () => ({ items: [] }) },
    relations: { ...base.relations!, list: async () => [] },
    people: { ...base.people, get: async () => person },
  })
}

/** A target that accepts every write and keeps nothing but counts. */
export function createDiscardTarget(): TicketingAdapter & { writes: () => number } {
  const base = memoryDriver('discard')
  let writes = 0
  let lastId = 0
  const nextId = () => String(++lastId)
  const ticketRecord = (id: string, subject: string, description: Ticket['description'], category: 'open' | 'closed'): Ticket => ({
    id,
    vendor: 'discard',
    raw: null,
    subject,
    description,
    status: { category, name: category === 'open' ? 'Open' : 'Closed' },
    priority: { level: 'normal' },
    tags: [],
    customFields: {},
    createdAt,
    updatedAt: createdAt,
  })
  const adapter = createTicketingAdapter({
    ...base,
    vendor: 'discard',
    title: 'discard',
    tickets: {
      ...base.tickets,
      // Writes one at a time through `create` (the runtime's fallback), never into the memory store.
      createMany: undefined,
      create: async (input) => {
        writes += 1
        return { record: ticketRecord(nextId(), input.subject, input.description, 'open'), warnings: [] }
      },
      update: async (id) => {
        writes += 1
        return { record: ticketRecord(id, '', { text: '' }, 'closed'), warnings: [] }
      },
    },
    comments: {
      ...base.comments,
      createMany: undefined,
      create: async ({ ticketId, input }) => {
        writes += 1
        const record: Comment = {
          id: nextId(),
          vendor: 'discard',
          raw: null,
          ticketId,
          body: input.body,
          visibility: input.visibility,
          createdAt,
          attachments: [],
        }
        return { record, warnings: [] }
      },
    },
    people: {
      ...base.people,
      findByEmail: async () => undefined,
      create: async (input) => {
        writes += 1
        return { record: { id: nextId(), vendor: 'discard', raw: null, kind: input.kind, name: input.name }, warnings: [] }
      },
    },
  })
  return Object.assign(adapter, { writes: () => writes })
}
