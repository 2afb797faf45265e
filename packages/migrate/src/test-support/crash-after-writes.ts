import { AbortError, type TicketingAdapter } from '@ticketbridge/core'
import type { MemoryAdapter } from '@ticketbridge/memory'

/**
 * Wraps a target so that its n-th write "crashes": the write reaches the target, then the answer
 * is lost and the run stops, as when the process is killed between the vendor's answer and the
 * ledger write. The worst case for duplicates. A batch write counts as one: all of it lands, and
 * all of its answer is lost.
 */
export function crashAfterWrites(
  target: MemoryAdapter,
  writesBeforeCrash: number,
  options: {
    /** Counts only this operation's writes (`tickets.createMany`, `attachments.upload`, …). */
    only?: string
    onCrash?: (operation: string) => void
  } = {},
): TicketingAdapter {
  let writes = 0
  const crash = async <T>(write: () => Promise<T>, operation: string): Promise<T> => {
    const result = await write()
    if (options.only !== undefined && operation !== options.only) return result
    writes += 1
    if (writes === writesBeforeCrash) {
      options.onCrash?.(operation)
      throw new AbortError(`simulated crash after write ${writes} (${operation})`)
    }
    return result
  }
  return {
    ...target,
    tickets: {
      ...target.tickets,
      create: (input, options) => crash(() => target.tickets.create(input, options), 'tickets.create'),
      createMany: (inputs, options) => crash(() => target.tickets.createMany!(inputs, options), 'tickets.createMany'),
      update: (id, input, options) => crash(() => target.tickets.update(id, input, options), 'tickets.update'),
    },
    comments: {
      ...target.comments,
      create: (ticketId, input, options) => crash(() => target.comments.create(ticketId, input, options), 'comments.create'),
      createMany: (comments, options) => crash(() => target.comments.createMany!(comments, options), 'comments.createMany'),
    },
    attachments: {
      ...target.attachments,
      upload: (ticketId, file, options) => crash(() => target.attachments.upload(ticketId, file, options), 'attachments.upload'),
    },
    people: { ...target.people, create: (input, options) => crash(() => target.people.create(input, options), 'people.create') },
    organizations: {
      ...target.organizations,
      create: (input, options) => crash(() => target.organizations.create(input, options), 'organizations.create'),
    },
  }
}
