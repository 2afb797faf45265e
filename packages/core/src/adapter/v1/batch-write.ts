import { writeEach } from '../../concurrency/write-each'
import { writeInTicketOrder } from '../../concurrency/write-in-ticket-order'
import type { TicketCreateInput } from '../../model/ticket-input'
import type { BatchWriteItem, CommentBatchInput } from './batch-write-item'
import type { TicketingAdapterV1, WriteOptions } from './ticketing-adapter-v1'

/** Single writes at a time where an adapter has no batch form (one built without the runtime). */
const fallbackConcurrency = 4

/**
 * Creates tickets in as few requests as the adapter allows: its `createMany` (Halo's array
 * POST), else one `create` each. Every input gets an item, in order; one refused ticket does not
 * fail the others.
 */
export async function createTicketsInBatch(
  adapter: TicketingAdapterV1,
  inputs: readonly TicketCreateInput[],
  options?: WriteOptions,
): Promise<BatchWriteItem[]> {
  if (inputs.length === 0) return []
  if (adapter.tickets.createMany) return adapter.tickets.createMany(inputs, options)
  return writeEach(inputs, fallbackConcurrency, async (input) => {
    const { record, warnings } = await adapter.tickets.create(input, options)
    return { id: record.id, warnings }
  })
}

/**
 * Creates comments in as few requests as the adapter allows. The comments of one ticket are
 * written in the order given (a batch keeps it; the fallback writes one ticket's comments one
 * after another and stops that ticket at its first failure).
 */
export async function createCommentsInBatch(
  adapter: TicketingAdapterV1,
  comments: readonly CommentBatchInput[],
  options?: WriteOptions,
): Promise<BatchWriteItem[]> {
  if (comments.length === 0) return []
  if (adapter.comments.createMany) return adapter.comments.createMany(comments, options)
  return writeInTicketOrder(comments, fallbackConcurrency, async ({ ticketId, input }) => {
    const { record, warnings } = await adapter.comments.create(ticketId, input, options)
    return { id: record.id, warnings }
  })
}
