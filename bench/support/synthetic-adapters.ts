import type { Comment, Person, Ticket, TicketingAdapter } from '@ticketbridge/core'
import { createPaginated } from '@ticketbridge/core'
import { createMemoryAdapter } from '@ticketbridge/memory'

const createdAt = '2024-05-02T08:00:03.210Z'

/**
 * A source that makes its tickets up as they are listed, so the benchmark measures the engine,
 * not a store: nothing is held, and memory use is the engine's own. Lookups, people and every
 * other call come from a memory adapter.
 */
export function createSyntheticSource(ticketCount: number, commentsPerTicket: number): TicketingAdapter {
  const base = createMemoryAdapter({ vendor: 'synthetic' })
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
  return {
    ...base,
    vendor: 'synthetic',
    tickets: {
      ...base.tickets,
      list: () =>
        createPaginated(async (cursor) => {
          const start = cursor === undefined ? 1 : Number(cursor)
          const end = Math.min(ticketCount + 1, start + 500)
          const items = Array.from({ length: end - start }, (_, offset) => ticket(start + offset))
          return end <= ticketCount ? { items, nextCursor: String(end) } : { items }
        }),
      get: async (id) => ticket(Number(id)),
    },
    comments: {
      ...base.comments,
      list: (ticketId) =>
        createPaginated(async () => ({
          items: Array.from(
            { length: commentsPerTicket },
            (_, index): Comment => ({
              id: `${ticketId}-${index}`,
              vendor: 'synthetic',
              raw: null,
              ticketId,
              body: { text: `Reply ${index} on ${ticketId}` },
              visibility: index % 2 === 0 ? 'public' : 'internal',
              createdAt,
              attachments: [],
            }),
          ),
        })),
    },
    attachments: { ...base.attachments, list: () => createPaginated(async () => ({ items: [] })) },
    // The engine also reads each ticket's time entries and relations: the made-up tickets have none.
    timeEntries: { ...base.timeEntries, list: () => createPaginated(async () => ({ items: [] })) },
    relations: { ...base.relations, list: async () => [] },
    people: { ...base.people, get: async () => person },
  }
}

/** A target that accepts every write and keeps nothing but counts. */
export function createDiscardTarget(): TicketingAdapter & { writes: () => number } {
  const base = createMemoryAdapter({ vendor: 'discard' })
  let writes = 0
  let lastId = 0
  const nextId = () => String(++lastId)
  return {
    ...base,
    vendor: 'discard',
    writes: () => writes,
    tickets: {
      ...base.tickets,
      create: async (input) => {
        writes += 1
        return {
          record: {
            id: nextId(),
            vendor: 'discard',
            raw: null,
            subject: input.subject,
            description: input.description,
            status: { category: 'open', name: 'Open' },
            priority: { level: 'normal' },
            tags: [],
            customFields: {},
            createdAt,
            updatedAt: createdAt,
          },
          warnings: [],
        }
      },
      update: async (id) => {
        writes += 1
        return {
          record: {
            id,
            vendor: 'discard',
            raw: null,
            subject: '',
            description: { text: '' },
            status: { category: 'closed', name: 'Closed' },
            priority: { level: 'normal' },
            tags: [],
            customFields: {},
            createdAt,
            updatedAt: createdAt,
          },
          warnings: [],
        }
      },
    },
    comments: {
      ...base.comments,
      create: async (ticketId, input) => {
        writes += 1
        return {
          record: {
            id: nextId(),
            vendor: 'discard',
            raw: null,
            ticketId,
            body: input.body,
            visibility: input.visibility,
            createdAt,
            attachments: [],
          },
          warnings: [],
        }
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
  }
}
