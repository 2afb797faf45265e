import type { StatusDefinition } from '@ticketbridge/core'

/** Statuses of the closed category that say the work was not done (RT's `rejected` and `deleted`): never a plain close. */
const notDone = /reject|delet|cancel|spam|duplicate|void/i

/**
 * The status `tickets close` sets: the vendor's first status of the closed category that does not
 * mean rejection or deletion, else its first resolved one (RT finishes work with `resolved`; its
 * closed-category statuses are `rejected` and `deleted`). Undefined when the vendor has neither.
 */
export function closingStatus(statuses: readonly StatusDefinition[]): StatusDefinition | undefined {
  return (
    statuses.find((status) => status.category === 'closed' && !notDone.test(status.name)) ??
    statuses.find((status) => status.category === 'resolved' && !notDone.test(status.name))
  )
}
