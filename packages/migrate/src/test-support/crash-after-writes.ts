import { AbortError, type TicketingAdapter } from '@ticketbridge/core'
import type { MemoryAdapter } from '@ticketbridge/memory'

/**
 * Wraps a target so that its n-th write "crashes": the write reaches the target, then the answer
 * is lost and the run stops, as when the process is killed between the vendor's answer and the
 * ledger write. The worst case for duplicates.
 */
export function crashAfterWrites(target: MemoryAdapter, writesBeforeCrash: number): TicketingAdapter {
  let writes = 0
  const crash = async <T>(write: () => Promise<T>): Promise<T> => {
    const result = await write()
    writes += 1
    if (writes === writesBeforeCrash) throw new AbortError(`simulated crash after write ${writes}`)
    return result
  }
  return {
    ...target,
    tickets: {
      ...target.tickets,
      create: (input, options) => crash(() => target.tickets.create(input, options)),
      update: (id, input, options) => crash(() => target.tickets.update(id, input, options)),
    },
    comments: { ...target.comments, create: (ticketId, input, options) => crash(() => target.comments.create(ticketId, input, options)) },
    attachments: { ...target.attachments, upload: (ticketId, file, options) => crash(() => target.attachments.upload(ticketId, file, options)) },
    people: { ...target.people, create: (input, options) => crash(() => target.people.create(input, options)) },
    organizations: { ...target.organizations, create: (input, options) => crash(() => target.organizations.create(input, options)) },
  }
}
