import { createMemoryAdapter } from '@ticketbridge/memory'
import { describe, expect, it } from 'vitest'
import { estimateRequests, type HelpDeskShape } from './estimate-requests'

const shape: HelpDeskShape = {
  tickets: 1_000,
  closedTickets: 200,
  people: 0,
  commentsPerTicket: 1.5,
  attachmentsPerTicket: 0.5,
  timeEntriesPerTicket: 0,
  relationsPerTicket: 0,
  timeEntriesMove: false,
  relationsMove: false,
}

/** Capabilities of a memory adapter with some taken away, as a vendor would declare them. */
const capabilities = (overrides: Parameters<typeof createMemoryAdapter>[0] = {}) => createMemoryAdapter(overrides).capabilities

describe('estimateRequests', () => {
  it('counts arrays where the target takes them and one request a record where it does not', () => {
    const source = capabilities({ capabilities: { childrenReadBatchLimit: 500 } })
    const arrays = capabilities({ capabilities: { tickets: { createBatchLimit: 100 }, comments: { createBatchLimit: 100, setTicketStatus: true } } })
    const oneByOne = capabilities({ capabilities: { tickets: { attachments: false }, comments: { attachments: false } } })
    // Lookups (5), one target lookup per thousand, 10 ticket arrays, 15 comment arrays; files and statuses ride along.
    expect(estimateRequests(shape, source, arrays).target).toBe(5 + 1 + 10 + 15)
    // A ticket, a comment and a file a request each, and each closed ticket's status set afterwards.
    expect(estimateRequests(shape, source, oneByOne).target).toBe(5 + 1 + 1_000 + 1_500 + 500 + 200)
  })

  it('counts time entries as requests of their own, except time kept on comments at both ends', () => {
    const withTime = { ...shape, timeEntriesMove: true, timeEntriesPerTicket: 0.5 }
    const separate = capabilities({ capabilities: { childrenReadBatchLimit: 500, timeEntriesAreComments: false } })
    const onComments = capabilities({ capabilities: { childrenReadBatchLimit: 500, timeEntriesAreComments: true } })
    const time = (source: typeof separate, target: typeof separate) =>
      estimateRequests(withTime, source, target).target - estimateRequests(shape, source, target).target
    // Autotask → Halo: an entry a request. RT → Halo: on the comment's own write.
    expect(time(separate, onComments)).toBe(500)
    expect(time(onComments, separate)).toBe(500)
    expect(time(onComments, onComments)).toBe(0)
  })

  it('reads many tickets at once where the source can, ticket by ticket where it cannot', () => {
    const target = capabilities()
    const batched = capabilities({ capabilities: { childrenReadBatchLimit: 500 } })
    // As Halo declares: no batch read.
    const perTicket = { ...batched, childrenReadBatchLimit: undefined }
    // 10 pages of 100; comments and files, a read each per batch of 100; a download a file.
    expect(estimateRequests(shape, batched, target).source).toBe(10 + 10 * 2 + 500)
    expect(estimateRequests(shape, perTicket, target).source).toBe(10 + 1_000 * 2 + 500)
  })
})
