import type { TicketingDriverV1 } from '@ticketbridge/core'
import type { ResolvedHaloAdapterSettings } from './halo-adapter-settings'
import { haloCapabilities, haloUnsupportedReasons } from './halo-capabilities'
import { createHaloAttachmentOperations } from './halo-attachment-operations'
import { createHaloCommentOperations } from './halo-comment-operations'
import { createHaloDriverContext } from './halo-driver-context'
import { createHaloLookupOperations } from './halo-lookup-operations'
import { createHaloOrganizationOperations } from './halo-organization-operations'
import { createHaloPersonOperations } from './halo-person-operations'
import { createHaloTicketOperations } from './halo-ticket-operations'
import { createHaloTimeEntryOperations } from './halo-time-entry-operations'

/**
 * The Halo driver (HaloPSA, HaloITSM, HaloServiceDesk) over one client, for core's
 * `createTicketingAdapter`: each operation group in its own file, sharing one driver context.
 *
 * - Status categories and priority levels are resolved from the instance's own statuses and
 *   priorities (and the caller's overrides), never from fixed ids.
 * - Comments and time entries are actions; time on a comment is one action, both at once.
 * - The external id is kept as a marker in the details (default) or in a custom field, and
 *   found with Halo's search.
 * - Lists follow what Halo returned (100 per page at most); filters Halo cannot run are applied
 *   to what it returned.
 * - Ticket relations are not mapped: the runtime refuses them with the reason below.
 */
export function createHaloDriver(settings: ResolvedHaloAdapterSettings): TicketingDriverV1 {
  const { client, options, ownsClient, rateLimit } = settings
  const { externalId } = options
  const halo = createHaloDriverContext(client, options)
  return {
    specificationVersion: 'v1',
    vendor: 'halo',
    title: 'Halo',
    capabilities: haloCapabilities(
      externalId.storage === 'marker' ? { storage: 'marker', field: 'details' } : { storage: 'custom-field', field: externalId.field },
    ),
    ...(rateLimit ? { rateLimit } : {}),
    tickets: createHaloTicketOperations(halo),
    comments: createHaloCommentOperations(halo),
    attachments: createHaloAttachmentOperations(halo),
    people: createHaloPersonOperations(halo),
    organizations: createHaloOrganizationOperations(halo),
    lookups: createHaloLookupOperations(halo),
    timeEntries: createHaloTimeEntryOperations(halo),
    unsupportedReasons: haloUnsupportedReasons,
    async close() {
      // A client given by the caller is theirs to close.
      if (ownsClient) await client.close()
    },
  }
}
