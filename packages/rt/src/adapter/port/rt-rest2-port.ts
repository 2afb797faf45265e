import type { RtClient } from '../../client/rt-client'
import { type RtPort, rtApiFeatures } from './rt-port'
import { createRest2ActivityPort } from './rt-rest2-port-activity'
import { createRest2DirectoryPort } from './rt-rest2-port-directory'
import { createRest2MessagePort } from './rt-rest2-port-messages'
import { createRest2TicketPort } from './rt-rest2-port-tickets'

/**
 * The RT port over REST2 (`client.rest2`): JSON records with referenced users and queues
 * expanded, collections of up to 100 per request, bodies and files of many transactions in a
 * few searches. RT answers a refused change with HTTP 200 and messages; updates may carry an ETag.
 */
export function createRtRest2Port(client: RtClient): RtPort {
  const rest2 = client.rest2
  return {
    api: 'rest2',
    apiUrl: rest2.transport.baseUrl,
    ...rtApiFeatures.rest2,
    ...createRest2TicketPort(rest2),
    ...createRest2MessagePort(rest2),
    ...createRest2ActivityPort(rest2),
    ...createRest2DirectoryPort(rest2),
    // REST2's dates are UTC; TicketSQL's date literals are still read in the RT user's zone.
    timeZone: (call) => client.timeZone(call),
    close: () => client.close(),
  }
}
