import type { RtClient } from '../../client/rt-client'
import { type RtPort, rtApiFeatures } from './rt-port'
import { createRest1PortContext } from './rt-rest1-port-context'
import { createRest1DirectoryPort } from './rt-rest1-port-directory'
import { createRest1MessagePort } from './rt-rest1-port-messages'
import { createRest1TicketPort } from './rt-rest1-port-tickets'

/**
 * The RT port over REST 1.0 (`client.rest1`), for servers without REST2: `key: value` forms, one
 * record per request (a page of tickets is one `show` plus two small history reads per ticket for
 * its description; people are read once and kept). What REST 1.0 cannot do is declared: messages
 * are read back as text, queues do not show their lifecycle, custom fields their types, and
 * updates cannot be conditional. A refused change is an error (409), not a message.
 */
export function createRtRest1Port(
  client: RtClient,
  /** @deprecated Ignored: dates are read and written in the client's time zone (`timeZone`, or `rest1UtcOffsetMinutes`). */
  _options?: { utcOffsetMinutes?: number },
): RtPort {
  const context = createRest1PortContext(client)
  return {
    api: 'rest1',
    apiUrl: client.rest1.transport.baseUrl,
    ...rtApiFeatures.rest1,
    ...createRest1TicketPort(context),
    ...createRest1MessagePort(context),
    ...createRest1DirectoryPort(context),
    timeZone: (call) => client.timeZone(call),
    close: () => client.close(),
  }
}
