import { NotFoundError } from '@ticketbridge/core'
import type { Rest2Hyperlink, RtClient } from '@ticketbridge/rt'
import type { DoctorCheck, VendorDoctorChecks } from '../doctor/doctor-check'
import { nativeClientOf } from '../native-client-connection'

/** RT's REST2 offers a link only when the user has the right behind it (rt.md §3.1): the rights without a write. */
const ticketRights = [
  { ref: 'comment', right: 'CommentOnTicket' },
  { ref: 'correspond', right: 'ReplyToTicket' },
  { ref: 'lifecycle', right: 'ModifyTicket' },
] as const

function hasLink(links: readonly Rest2Hyperlink[] | undefined, ref: string): boolean {
  return (links ?? []).some((link) => link.ref === ref)
}

/**
 * RT's own checks, from the links REST2 offers: the default queue's `create` link is the
 * CreateTicket right there, and a ticket's `comment`, `correspond` and `lifecycle` links are
 * CommentOnTicket, ReplyToTicket and ModifyTicket on it. REST 1.0 servers offer no such links.
 */
export const rtDoctorChecks: VendorDoctorChecks = async ({ adapter, settings, sampleTicketId }) => {
  const client = nativeClientOf<RtClient>(adapter)
  if (!client) return []
  if (settings.api === 'rest1')
    return [
      {
        check: 'write tickets',
        outcome: 'not checked',
        detail: 'REST 1.0 shows rights only on a write',
        advice: 'grant CreateTicket, ModifyTicket, CommentOnTicket and ReplyToTicket on the queues the migration writes',
      },
    ]
  const rows: DoctorCheck[] = []
  const information = await client.rest2.getSystemInformation()
  rows.push({ check: 'RT version', outcome: 'ok', detail: `RT ${information.Version} (REST2)` })
  const queueName = settings.defaultQueue ?? 'General'
  try {
    const { record: queue } = await client.rest2.getQueue(queueName)
    rows.push(
      hasLink(queue._hyperlinks, 'create')
        ? { check: 'create tickets', outcome: 'ok', detail: `may create tickets in queue ${queueName}` }
        : {
            check: 'create tickets',
            outcome: 'failed',
            detail: `no CreateTicket right in queue ${queueName}`,
            advice: `grant CreateTicket on ${queueName} to the API user`,
          },
    )
  } catch (error) {
    if (!NotFoundError.isInstance(error)) throw error
    rows.push({
      check: 'create tickets',
      outcome: 'failed',
      detail: `queue ${queueName} does not exist or is not visible`,
      advice: 'set RT_DEFAULT_QUEUE to a queue the user can see, or grant SeeQueue',
    })
  }
  if (!sampleTicketId) {
    rows.push({ check: 'modify tickets', outcome: 'not checked', detail: 'no ticket to look at', advice: 'run doctor again once a ticket exists' })
    return rows
  }
  const { record: ticket } = await client.rest2.getTicket(sampleTicketId)
  const missing = ticketRights.filter(({ ref }) => !hasLink(ticket._hyperlinks, ref)).map(({ right }) => right)
  rows.push(
    missing.length === 0
      ? { check: 'modify tickets', outcome: 'ok', detail: `may comment, reply and change status on ticket ${sampleTicketId}` }
      : {
          check: 'modify tickets',
          outcome: 'failed',
          detail: `lacks ${missing.join(', ')} on ticket ${sampleTicketId}`,
          advice: `grant ${missing.join(', ')} on its queue to the API user`,
        },
  )
  return rows
}
