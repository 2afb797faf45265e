import type { AdapterWarning, Ticket } from '@ticketbridge/core'

/**
 * RT's `RT::Ticket->Create` takes `Created` as an import parameter, and REST2's `POST /ticket`
 * passed it through up to Debian's request-tracker5 5.0.3+dfsg-3~deb12u6. From deb12u7 (a
 * security update) REST2 drops `Created`, with `id`, `Creator`, `LastUpdated` and `LastUpdatedBy`,
 * silently; REST 1.0's `ticket/new` never accepted it. The version RT reports is 5.0.3 on both,
 * so the adapter sends `Created` and reads what RT stored: a creation time RT did not keep is an
 * `unsupported` warning, and the returned record has the time RT recorded instead.
 */
export function createdAtWarning(requested: string | undefined, record: Pick<Ticket, 'createdAt'>): AdapterWarning | undefined {
  if (requested === undefined) return undefined
  // RT stores whole seconds.
  const wanted = Math.floor(Date.parse(requested) / 1000)
  const stored = Math.floor(Date.parse(record.createdAt) / 1000)
  if (wanted === stored) return undefined
  return {
    type: 'unsupported',
    field: 'createdAt',
    // One wording for every ticket (reports group warnings by message); the record carries the time RT stored.
    message: "RT recorded the time of import as the ticket's creation time: this RT build does not let the API set it.",
  }
}
